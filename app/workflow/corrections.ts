/**
 * Corrections after publication. An approved claim that an export has carried is published;
 * from then on a change to its verdict or rationale is a public correction and needs a note
 * saying what changed and why. Pure.
 */
import type { ChangedField, Refusal } from './rules'

/** The fields whose change on a published claim is a correction. */
export const CORRECTED_FIELDS = ['verdict', 'rationale'] as const satisfies readonly ChangedField[]

export const CORRECTION_NOTE_MAX_LENGTH = 5000

export function isPublished(claim: { publishedAt: Date | number | null }) {
  return claim.publishedAt !== null
}

/**
 * Whether a change that the workflow rules allowed is a correction, and refused when it is one
 * without its public note.
 */
export function decideCorrection({
  claim,
  changed,
  note,
}: {
  claim: { publishedAt: Date | number | null }
  changed: readonly ChangedField[]
  note: string | undefined
}): { ok: true; correction: boolean } | Refusal {
  const corrects = changed.some((f) => (CORRECTED_FIELDS as readonly string[]).includes(f))
  if (!isPublished(claim) || !corrects) return { ok: true, correction: false }
  if (!note?.trim()) {
    const message = 'This claim has been published: a change to its verdict or rationale needs a public correction note saying what changed and why.'
    return { ok: false, reason: 'correction_required', message, fields: { correction: 'Give the public correction note' } }
  }
  return { ok: true, correction: true }
}

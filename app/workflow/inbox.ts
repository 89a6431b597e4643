/**
 * What lands in someone's inbox when a claim changes, and what a later change settles. Pure:
 * the models pass the claim before and after and write what these functions return.
 */
import type { ChangedField } from './rules'
import type { ClaimStatus } from './vocabulary'

export const INBOX_KINDS = ['assigned', 'mention', 'sent_back', 'awaiting_signoff', 'source_changed'] as const
export type InboxKind = (typeof INBOX_KINDS)[number]

export const INBOX_LABELS: Record<InboxKind, string> = {
  assigned: 'Assigned to you',
  mention: 'You were mentioned',
  sent_back: 'Sent back to you',
  awaiting_signoff: 'Awaiting an editor',
  source_changed: 'A source you cited changed',
}

export type InboxNotice = { userId: number; kind: InboxKind; note?: string }
/** Items to settle: they no longer need anyone (`userId` null: every user's). */
export type InboxSettle = { kind: InboxKind; userId: number | null }

type ClaimSide = { status: ClaimStatus; assigneeId: number | null }

/**
 * A change to a claim's review fields: the new assignee is told (unless they assigned
 * themselves), and every editor but the actor when the claim becomes reviewed. The previous
 * assignee's item is settled, as are the editors' when the claim leaves reviewed, and the
 * assignee's when the claim is approved or discarded.
 */
export function inboxOfClaimChange({
  before,
  after,
  changed,
  actorId,
  editorIds,
}: {
  before: ClaimSide
  after: ClaimSide
  changed: readonly ChangedField[]
  actorId: number | null
  editorIds: readonly number[]
}): { notify: InboxNotice[]; settle: InboxSettle[] } {
  const notify: InboxNotice[] = []
  const settle: InboxSettle[] = []
  if (changed.includes('assigneeId')) {
    if (before.assigneeId !== null) settle.push({ kind: 'assigned', userId: before.assigneeId })
    if (after.assigneeId !== null && after.assigneeId !== actorId) notify.push({ userId: after.assigneeId, kind: 'assigned' })
  }
  if (changed.includes('status')) {
    if (before.status === 'reviewed') settle.push({ kind: 'awaiting_signoff', userId: null })
    if (after.status === 'reviewed') for (const id of editorIds) if (id !== actorId) notify.push({ userId: id, kind: 'awaiting_signoff' })
    if (after.status === 'approved' || after.status === 'discarded') settle.push({ kind: 'assigned', userId: null })
  }
  return { notify, settle }
}

/** An editor sent a claim back: its assignee and whoever set its verdict are told, with the note. */
export function inboxOfSendBack({
  claim,
  editorId,
  note,
}: {
  claim: { assigneeId: number | null; verdictById: number | null }
  editorId: number | null
  note: string
}): InboxNotice[] {
  const ids = [claim.assigneeId, claim.verdictById].filter((id): id is number => id !== null && id !== editorId)
  return [...new Set(ids)].map((userId) => ({ userId, kind: 'sent_back' as const, note }))
}

/** Mentioned users are told, except the author mentioning themselves and those already told about this comment. */
export function inboxOfMentions({ mentioned, authorId, alreadyTold = [] }: { mentioned: readonly number[]; authorId: number | null; alreadyTold?: readonly number[] }): InboxNotice[] {
  return mentioned.filter((id) => id !== authorId && !alreadyTold.includes(id)).map((userId) => ({ userId, kind: 'mention' as const }))
}

/**
 * A link check found a cited source changed or gone: whoever added each piece of evidence citing
 * it is told, once per change (a second check finding the same keeps the first item). A source
 * found unchanged again settles those items.
 */
export function inboxOfSourceChange({
  change,
  previousChange,
  citations,
}: {
  change: 'unchanged' | 'changed' | 'gone' | null
  previousChange: 'unchanged' | 'changed' | 'gone' | null
  citations: readonly { claimId: number; addedById: number | null }[]
}): { claimId: number; notify: InboxNotice[]; settle: InboxSettle[] }[] {
  const claimIds = [...new Set(citations.map((c) => c.claimId))]
  if (change === 'unchanged') return claimIds.map((claimId) => ({ claimId, notify: [], settle: [{ kind: 'source_changed', userId: null }] }))
  if ((change !== 'changed' && change !== 'gone') || change === previousChange) return []
  const note = change === 'gone' ? 'The source is gone: it answers with an error or not at all.' : 'The source’s text changed since it was first captured.'
  return claimIds.map((claimId) => {
    const users = [...new Set(citations.filter((c) => c.claimId === claimId && c.addedById !== null).map((c) => c.addedById!))]
    return { claimId, notify: users.map((userId) => ({ userId, kind: 'source_changed' as const, note })), settle: [] }
  })
}

/**
 * The rules of what may change a claim, who may do it, and what a change elsewhere (its article's
 * text and details, a source its evidence cites) does to it. Pure: the callers pass the claim as
 * it is, the change asked for, who asks and the deployment's policy, and apply exactly what the
 * decision says — or nothing, when it is a refusal.
 */
import { hasRole, type ClaimStatus, type Role, type Verdict } from './vocabulary'

/** Deployment settings the rules depend on, passed in by the caller. */
export type WorkflowPolicy = { allowSelfApproval: boolean }

/** Who asks for a change; `id` is null for changes made by the system itself. */
export type Actor = { id: number | null; role: Role }

/** What the rules need to know about a claim. */
export type ClaimState = {
  status: ClaimStatus
  verdict: Verdict | null
  rationale: string
  verdictById: number | null
  assigneeId: number | null
  text: string
}

export type ClaimChange = Partial<Pick<ClaimState, 'status' | 'verdict' | 'rationale' | 'assigneeId' | 'text'>>
export type ChangedField = keyof ClaimChange

export type RefusalReason = 'forbidden' | 'locked' | 'incomplete' | 'not_reviewed' | 'self_approval' | 'not_approved' | 'note_required' | 'correction_required'

/** A refused change: nothing of it may be applied. */
export type Refusal = {
  ok: false
  reason: RefusalReason
  message: string
  /** Messages by field name. */
  fields?: Record<string, string>
}

export type Decision = {
  ok: true
  /** The fields that really change, in a stable order. */
  changed: ChangedField[]
  /** Who is recorded as having set the verdict after the change. */
  verdictById: number | null
  /** Whether the change signs the claim off, or takes an approved claim out of its sign-off. */
  signOff: 'approve' | 'reopen' | null
}

/** The statuses a reviewer works with; approval is an editor's sign-off. */
export const REVIEW_STATUSES = ['unreviewed', 'in_review', 'reviewed', 'discarded'] as const satisfies readonly ClaimStatus[]

const FIELD_ORDER: ChangedField[] = ['text', 'status', 'verdict', 'rationale', 'assigneeId']

const refuse = (reason: RefusalReason, message: string, fields?: Refusal['fields']): Refusal => ({
  ok: false,
  reason,
  message,
  ...(fields ? { fields } : {}),
})

/** An approved claim is locked: only an editor taking it out of approval changes it. */
export function isLocked(claim: Pick<ClaimState, 'status'>) {
  return claim.status === 'approved'
}

/**
 * The statuses `actor` may give a claim that is now `from` (its own status included). Reviewers
 * move a claim freely among the review statuses; editors also approve a reviewed claim and take
 * an approved one back to any review status (reopening it).
 */
export function allowedStatuses(actor: Pick<Actor, 'role'>, from: ClaimStatus): ClaimStatus[] {
  const editor = hasRole(actor, 'editor')
  if (from === 'approved') return editor ? ['approved', ...REVIEW_STATUSES] : ['approved']
  if (from === 'reviewed' && editor) return [...REVIEW_STATUSES, 'approved']
  return [...REVIEW_STATUSES]
}

/** What "reviewed" (and so "approved") requires: a verdict and a written rationale. */
export function reviewGaps(claim: Pick<ClaimState, 'verdict' | 'rationale'>): Partial<Record<'verdict' | 'rationale', string>> {
  const gaps: Partial<Record<'verdict' | 'rationale', string>> = {}
  if (!claim.verdict) gaps.verdict = 'A reviewed claim needs a verdict'
  if (!claim.rationale.trim()) gaps.rationale = 'A reviewed claim needs a written rationale'
  return gaps
}

/** The four-eyes rule: may `editorId` approve a claim whose verdict `verdictById` set? */
export function mayApprove(verdictById: number | null, editorId: number | null, policy: WorkflowPolicy) {
  return policy.allowSelfApproval || verdictById === null || verdictById !== editorId
}

/**
 * Decides a change to a claim's review fields as one whole: either every field changes or none.
 * Approving and reopening go through here too, so a request that approves and sets a verdict at
 * once is judged on the verdict it sets.
 */
export function decideClaimChange({
  current,
  change,
  actor,
  policy,
}: {
  current: ClaimState
  change: ClaimChange
  actor: Actor
  policy: WorkflowPolicy
}): Decision | Refusal {
  const changed = FIELD_ORDER.filter((key) => change[key] !== undefined && change[key] !== current[key])
  if (changed.length === 0) return { ok: true, changed, verdictById: current.verdictById, signOff: null }
  const next: ClaimState = { ...current, ...Object.fromEntries(changed.map((k) => [k, change[k]])) }
  const editor = hasRole(actor, 'editor')

  if (isLocked(current)) {
    if (next.status === 'approved') {
      return refuse('locked', 'The claim is approved and locked; an editor must reopen it (give it a status other than approved) before it can change.')
    }
    if (!editor) return refuse('forbidden', 'Reopening an approved claim needs the editor role.')
  }
  if (next.status !== current.status && !allowedStatuses(actor, current.status).includes(next.status)) {
    if (next.status === 'approved' && !editor) return refuse('forbidden', 'Approving a claim needs the editor role.')
    return refuse('not_reviewed', 'Only a reviewed claim with a verdict and a rationale can be approved.', { status: 'Only a reviewed claim can be approved' })
  }
  if (next.status === 'reviewed' || next.status === 'approved') {
    const gaps = reviewGaps(next)
    if (gaps.verdict || gaps.rationale) return refuse('incomplete', 'A reviewed claim needs a verdict and a rationale.', gaps)
  }
  const verdictById = changed.includes('verdict') ? actor.id : current.verdictById
  let signOff: Decision['signOff'] = null
  if (next.status === 'approved' && !isLocked(current)) {
    if (actor.id === null || !mayApprove(verdictById, actor.id, policy)) {
      return refuse('self_approval', 'You set this claim’s verdict, so another editor must approve it.')
    }
    signOff = 'approve'
  }
  if (isLocked(current) && next.status !== 'approved') signOff = 'reopen'
  return { ok: true, changed, verdictById, signOff }
}

/** An editor sends a reviewed claim back to review; the note says what needs more work. */
export function decideSendBack({ current, actor, note }: { current: ClaimState; actor: Actor; note: string }): Decision | Refusal {
  if (!hasRole(actor, 'editor')) return refuse('forbidden', 'Sending a claim back needs the editor role.')
  if (current.status !== 'reviewed') return refuse('not_reviewed', 'Only a reviewed claim can be sent back to review.')
  if (!note.trim()) return refuse('note_required', 'Say what needs more work.', { note: 'Say what needs more work' })
  return { ok: true, changed: ['status'], verdictById: current.verdictById, signOff: null }
}

/** An editor reopens an approved claim (back to reviewed) so it can change; the note says why. */
export function decideReopen({ current, actor, note }: { current: ClaimState; actor: Actor; note: string }): Decision | Refusal {
  if (!hasRole(actor, 'editor')) return refuse('forbidden', 'Reopening a claim needs the editor role.')
  if (!isLocked(current)) return refuse('not_approved', 'The claim is not approved, so there is nothing to reopen.')
  if (!note.trim()) return refuse('note_required', 'Say why the claim is reopened.', { note: 'Say why the claim is reopened' })
  return { ok: true, changed: ['status'], verdictById: current.verdictById, signOff: 'reopen' }
}

/** Adding or removing evidence, splitting or merging: refused while the claim is approved. */
export function decideClaimWork(current: Pick<ClaimState, 'status'>, what: string): { ok: true } | Refusal {
  if (isLocked(current)) return refuse('locked', `The claim is approved and locked; an editor must reopen it before ${what}.`)
  return { ok: true }
}

/** Article details that exports of its claims carry (ClaimReview's itemReviewed, CSV columns). */
export const EXPORTED_ARTICLE_FIELDS = ['title', 'url', 'publisher', 'author', 'publishedAt'] as const
/** Source fields that exports of the claims citing it carry. */
export const EXPORTED_SOURCE_FIELDS = ['url', 'title', 'publisher', 'publishedAt', 'archivedUrl'] as const

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  url: 'URL',
  publisher: 'publisher',
  author: 'author',
  publishedAt: 'publication date',
  archivedUrl: 'archived copy URL',
}

function listOf(words: string[]) {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

function short(s: string, max = 160) {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

export type CorrectionEffect = { action: 'keep' } | { action: 'reopen'; cause: string }

/**
 * What correcting an article does to one of its claims. A correction records what the publisher
 * now says, so it is never refused; but an approved claim whose exported content it alters (the
 * quoted words, or the article details exports carry) no longer has a valid sign-off: it is
 * reopened, and the cause goes into its history. `newQuote` is null when the claim could not be
 * placed in the corrected text. Claims not approved keep their status.
 */
export function effectOfArticleCorrection({
  status,
  oldQuote,
  newQuote,
  changedDetails,
}: {
  status: ClaimStatus
  oldQuote: string
  newQuote: string | null
  changedDetails: readonly string[]
}): CorrectionEffect {
  if (!isLocked({ status })) return { action: 'keep' }
  if (newQuote === null) return { action: 'reopen', cause: 'Reopened: the article text was corrected and the claim’s quoted words are no longer in it.' }
  // The same words in another Unicode normalisation export the same text.
  if (newQuote.normalize('NFC') !== oldQuote.normalize('NFC')) {
    return { action: 'reopen', cause: `Reopened: the article text was corrected; the quote changed from “${short(oldQuote)}” to “${short(newQuote)}”.` }
  }
  const exported = changedDetails.filter((f) => (EXPORTED_ARTICLE_FIELDS as readonly string[]).includes(f))
  if (exported.length) return { action: 'reopen', cause: `Reopened: the article’s ${listOf(exported.map((f) => FIELD_NAMES[f] ?? f))} changed.` }
  return { action: 'keep' }
}

/**
 * Editing a library source. A source is shared: one reviewer's edit would otherwise change what
 * the exports of editor-approved claims say, or silently undo their sign-offs. So a change to an
 * exported field of a source that approved claims cite is refused, naming those claims; an editor
 * reopens them first, or the new details go in as a new source. Other fields (notes, accessed
 * date) may change at any time.
 */
export function decideSourceEdit({
  changedFields,
  approvedClaimIds,
}: {
  changedFields: readonly string[]
  approvedClaimIds: readonly number[]
}): { ok: true } | Refusal {
  const exported = changedFields.filter((f) => (EXPORTED_SOURCE_FIELDS as readonly string[]).includes(f))
  if (!exported.length || !approvedClaimIds.length) return { ok: true }
  const ids = approvedClaimIds.slice(0, 10).map((id) => `#${id}`)
  const more = approvedClaimIds.length > 10 ? ` and ${approvedClaimIds.length - 10} more` : ''
  const claimsWord = approvedClaimIds.length === 1 ? 'claim' : 'claims'
  return refuse(
    'locked',
    `This source is evidence for approved ${claimsWord} ${ids.join(', ')}${more}, whose exports carry its ${listOf(exported.map((f) => FIELD_NAMES[f] ?? f))}. An editor must reopen ${approvedClaimIds.length === 1 ? 'that claim' : 'those claims'} first, or add the new details as a new source.`,
    Object.fromEntries(exported.map((f) => [f, 'Cited by an approved claim'])),
  )
}

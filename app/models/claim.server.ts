import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb, writeTransaction } from '../../db/client.server'
import { articles, claimEvents, claims, users } from '../../db/schema'
import {
  decideClaimChange,
  decideCorrection,
  inboxOfClaimChange,
  inboxOfSendBack,
  decideReopen,
  decideSendBack,
  type Actor,
  type ClaimChange,
  type ClaimStatus,
  type Decision,
  type Refusal,
  type RefusalReason,
  type WorkflowPolicy,
} from '../workflow'
import { recordCorrection } from './correction.server'
import { listEditorIds, notifyInbox, settleInbox } from './inbox.server'

export type Claim = typeof claims.$inferSelect

export function getClaim({ id }: { id: number }): Claim | undefined {
  return getDb()
    .select()
    .from(claims)
    .where(and(eq(claims.id, id), isNull(claims.deletedAt)))
    .get()
}

/** Fields a reviewer or editor may change; each change is versioned and recorded as an event. */
export type ClaimChanges = ClaimChange

export type ClaimRefusal = { ok: false; reason: RefusalReason; message: string; fields?: Record<string, string>; current: Claim }

export type UpdateClaimResult =
  | { ok: true; claim: Claim; changed: (keyof ClaimChanges)[] }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'stale'; current: Claim }
  /** Refused by the workflow rules (app/workflow): nothing was applied. */
  | ClaimRefusal

/** Kept for callers that name the result of a sign-off. */
export type SignOffResult = UpdateClaimResult

const EVENT_KIND: Record<keyof ClaimChanges, string> = {
  text: 'text',
  status: 'status',
  verdict: 'verdict',
  rationale: 'rationale',
  assigneeId: 'assignee',
}

function asEventValue(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return String(value)
}

type ClaimDecider = (current: Claim) => Decision | Refusal

/**
 * Loads a claim at `version`, asks `decide` (the workflow rules) about the change and, if it is
 * allowed, writes the change and one event per changed field in the same transaction. A stale
 * version or a refusal changes nothing at all. A change to a published claim's verdict or
 * rationale also records the correction (its public note is `correction`), and the inbox items
 * the change creates or settles are written with it.
 */
function applyDecision({
  id,
  version,
  actorId,
  changes,
  note,
  decide,
  correction,
  onApplied,
}: {
  id: number
  version: number
  actorId: number | null
  changes: ClaimChanges
  note: string
  decide: ClaimDecider
  correction?: string
  onApplied?: (before: Claim, after: Claim) => void
}): UpdateClaimResult {
  return writeTransaction((tx) => {
    const current = tx
      .select()
      .from(claims)
      .where(and(eq(claims.id, id), isNull(claims.deletedAt)))
      .get()
    if (!current) return { ok: false, reason: 'not_found' } as const
    if (current.version !== version) return { ok: false, reason: 'stale', current } as const
    const decision = decide(current)
    if (!decision.ok) return { ...decision, current }
    const { changed } = decision
    const corrects = decideCorrection({ claim: current, changed, note: correction })
    if (!corrects.ok) return { ...corrects, current }
    if (changed.length === 0) return { ok: true, claim: current, changed } as const

    const set: Partial<typeof claims.$inferInsert> = { version: current.version + 1, updatedAt: new Date() }
    for (const key of changed) Object.assign(set, { [key]: changes[key] })
    set.verdictById = decision.verdictById
    if (decision.signOff === 'approve') {
      set.approvedById = actorId
      set.approvedAt = new Date()
    }
    if (decision.signOff === 'reopen') {
      set.approvedById = null
      set.approvedAt = null
    }
    const result = tx
      .update(claims)
      .set(set)
      .where(and(eq(claims.id, id), eq(claims.version, version)))
      .run()
    if (result.changes !== 1) {
      const latest = tx.select().from(claims).where(eq(claims.id, id)).get()!
      return { ok: false, reason: 'stale', current: latest } as const
    }
    for (const key of changed) {
      tx.insert(claimEvents)
        .values({
          claimId: id,
          actorId,
          kind: EVENT_KIND[key],
          fromValue: asEventValue(current[key]),
          toValue: asEventValue(changes[key]),
          note,
        })
        .run()
    }
    const claim = tx.select().from(claims).where(eq(claims.id, id)).get()!
    if (corrects.correction) recordCorrection({ claimId: id, actorId, before: current, after: claim, note: correction!.trim() })
    const editorIds = changed.includes('status') && claim.status === 'reviewed' ? listEditorIds() : []
    const inbox = inboxOfClaimChange({ before: current, after: claim, changed, actorId, editorIds })
    settleInbox({ claimId: id, settle: inbox.settle })
    notifyInbox({ claimId: id, actorId, notices: inbox.notify })
    onApplied?.(current, claim)
    return { ok: true, claim, changed } as const
  })
}

const STRICT: WorkflowPolicy = { allowSelfApproval: false }

/**
 * Changes a claim's review fields (approving and reopening included) if it is still at
 * `version` (optimistic locking) and the workflow rules allow the whole change; otherwise nothing
 * is applied. Without a `policy`, self-approval is not allowed.
 */
export function updateClaim({
  id,
  version,
  actor,
  changes,
  note = '',
  policy = STRICT,
  correction,
}: {
  id: number
  version: number
  actor: Actor
  changes: ClaimChanges
  note?: string
  policy?: WorkflowPolicy
  /** The public correction note, needed when the verdict or rationale of a published claim changes. */
  correction?: string
}): UpdateClaimResult {
  return applyDecision({
    id,
    version,
    actorId: actor.id,
    changes,
    note,
    correction,
    decide: (current) => decideClaimChange({ current, change: changes, actor, policy }),
  })
}

export function listClaimEvents({ claimId }: { claimId: number }) {
  return getDb()
    .select({
      id: claimEvents.id,
      kind: claimEvents.kind,
      fromValue: claimEvents.fromValue,
      toValue: claimEvents.toValue,
      note: claimEvents.note,
      createdAt: claimEvents.createdAt,
      actorId: claimEvents.actorId,
      actorName: users.name,
    })
    .from(claimEvents)
    .leftJoin(users, eq(users.id, claimEvents.actorId))
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(asc(claimEvents.id))
    .all()
}

export function countClaimsByStatus({ articleId }: { articleId?: number } = {}) {
  const rows = getDb()
    .select({ status: claims.status, n: sql<number>`count(*)` })
    .from(claims)
    .where(and(isNull(claims.deletedAt), articleId ? eq(claims.articleId, articleId) : undefined))
    .groupBy(claims.status)
    .all()
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<ClaimStatus, number>>
}

/** Claims of several ids with their article titles, in the order given. */
export function getClaimsWithArticles({ ids }: { ids: number[] }) {
  if (ids.length === 0) return []
  const rows = getDb()
    .select({ claim: claims, articleTitle: articles.title })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(inArray(claims.id, ids), isNull(claims.deletedAt)))
    .orderBy(desc(claims.id))
    .all()
  const byId = new Map(rows.map((r) => [r.claim.id, r]))
  return ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => Boolean(r))
}

/**
 * An editor approves a reviewed claim with a verdict. Approving a claim whose verdict the same
 * person set is refused unless the policy allows self-approval.
 */
export function approveClaim({
  id,
  version,
  editor,
  policy,
  note = '',
}: {
  id: number
  version: number
  editor: Actor
  policy: WorkflowPolicy
  note?: string
}): UpdateClaimResult {
  return updateClaim({ id, version, actor: editor, changes: { status: 'approved' }, note, policy })
}

/** An editor sends a reviewed claim back to review, saying why. */
export function sendBackClaim({ id, version, editor, note }: { id: number; version: number; editor: Actor; note: string }): UpdateClaimResult {
  const changes = { status: 'in_review' } as const
  return applyDecision({
    id,
    version,
    actorId: editor.id,
    changes,
    note,
    decide: (current) => decideSendBack({ current, actor: editor, note }),
    onApplied: (before) => notifyInbox({ claimId: id, actorId: editor.id, notices: inboxOfSendBack({ claim: before, editorId: editor.id, note }) }),
  })
}

/** An editor reopens an approved claim (back to reviewed) so it can be changed; the history records it. */
export function reopenClaim({ id, version, editor, note }: { id: number; version: number; editor: Actor; note: string }): UpdateClaimResult {
  const changes = { status: 'reviewed' } as const
  return applyDecision({ id, version, actorId: editor.id, changes, note, decide: (current) => decideReopen({ current, actor: editor, note }) })
}

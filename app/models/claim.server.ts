import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb } from '../../db/client.server'
import {
  articles,
  claimEvents,
  claims,
  users,
  type ClaimStatus,
  type Verdict,
} from '../../db/schema'

export type Claim = typeof claims.$inferSelect

export function getClaim({ id }: { id: number }): Claim | undefined {
  return getDb()
    .select()
    .from(claims)
    .where(and(eq(claims.id, id), isNull(claims.deletedAt)))
    .get()
}

/** Fields a reviewer or editor may change; each change is versioned and recorded as an event. */
export type ClaimChanges = {
  text?: string
  status?: ClaimStatus
  verdict?: Verdict | null
  rationale?: string
  assigneeId?: number | null
}

export type UpdateClaimResult =
  | { ok: true; claim: Claim; changed: (keyof ClaimChanges)[] }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'stale'; current: Claim }
  /** Approved claims are locked until an editor reopens them. */
  | { ok: false; reason: 'locked'; current: Claim }
  /** A reviewed claim needs a verdict and a rationale. */
  | { ok: false; reason: 'incomplete'; current: Claim; fields: Partial<Record<'verdict' | 'rationale', string>> }

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

type UpdateClaimInput = {
  id: number
  version: number
  actorId: number | null
  changes: ClaimChanges
  note?: string
}

/**
 * Applies `changes` to a claim if it is still at `version` (optimistic locking). The update and
 * one event per changed field are written in one transaction; a stale version changes nothing.
 * An approved claim is locked: only the sign-off functions below change it.
 */
export function updateClaim(input: UpdateClaimInput): UpdateClaimResult {
  if (input.changes.status === 'approved') {
    throw new Error('Claims are approved through approveClaim, which applies the sign-off rules')
  }
  return applyClaimChanges(input, { unlock: false })
}

function applyClaimChanges(
  { id, version, actorId, changes, note = '' }: UpdateClaimInput,
  { unlock }: { unlock: boolean },
): UpdateClaimResult {
  const db = getDb()
  return db.transaction((tx) => {
    const current = tx
      .select()
      .from(claims)
      .where(and(eq(claims.id, id), isNull(claims.deletedAt)))
      .get()
    if (!current) return { ok: false, reason: 'not_found' } as const
    if (current.version !== version) return { ok: false, reason: 'stale', current } as const
    if (current.status === 'approved' && !unlock) return { ok: false, reason: 'locked', current } as const

    const changed = (Object.keys(changes) as (keyof ClaimChanges)[]).filter(
      (key) => changes[key] !== undefined && changes[key] !== current[key],
    )
    if (changed.length === 0) return { ok: true, claim: current, changed } as const

    const next = { ...current, ...Object.fromEntries(changed.map((k) => [k, changes[k]])) } as Claim
    if (next.status === 'reviewed' || next.status === 'approved') {
      const fields: Partial<Record<'verdict' | 'rationale', string>> = {}
      if (!next.verdict) fields.verdict = 'A reviewed claim needs a verdict'
      if (!next.rationale.trim()) fields.rationale = 'A reviewed claim needs a written rationale'
      if (fields.verdict || fields.rationale) return { ok: false, reason: 'incomplete', current, fields } as const
    }

    const set: Partial<typeof claims.$inferInsert> = { version: current.version + 1, updatedAt: new Date() }
    for (const key of changed) Object.assign(set, { [key]: changes[key] })
    if (changed.includes('verdict')) set.verdictById = actorId
    if (changed.includes('status') && changes.status === 'approved') {
      set.approvedById = actorId
      set.approvedAt = new Date()
    }
    if (changed.includes('status') && current.status === 'approved' && changes.status !== 'approved') {
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
    return { ok: true, claim, changed } as const
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

export type SignOffResult =
  | UpdateClaimResult
  | { ok: false; reason: 'not_reviewed'; current: Claim }
  | { ok: false; reason: 'self_approval'; current: Claim }
  | { ok: false; reason: 'not_approved'; current: Claim }

/**
 * An editor approves a reviewed claim with a verdict. Approving a claim whose verdict the same
 * person set is refused unless the deployment allows self-approval.
 */
export function approveClaim({
  id,
  version,
  editorId,
  allowSelfApproval,
  note = '',
}: {
  id: number
  version: number
  editorId: number
  allowSelfApproval: boolean
  note?: string
}): SignOffResult {
  const current = getClaim({ id })
  if (!current) return { ok: false, reason: 'not_found' }
  if (current.version !== version) return { ok: false, reason: 'stale', current }
  if (current.status !== 'reviewed' || !current.verdict) return { ok: false, reason: 'not_reviewed', current }
  if (!allowSelfApproval && current.verdictById === editorId) return { ok: false, reason: 'self_approval', current }
  return applyClaimChanges({ id, version, actorId: editorId, changes: { status: 'approved' }, note }, { unlock: false })
}

/** An editor sends a reviewed claim back to review, saying why. */
export function sendBackClaim({ id, version, editorId, note }: { id: number; version: number; editorId: number; note: string }): SignOffResult {
  const current = getClaim({ id })
  if (!current) return { ok: false, reason: 'not_found' }
  if (current.version !== version) return { ok: false, reason: 'stale', current }
  if (current.status !== 'reviewed') return { ok: false, reason: 'not_reviewed', current }
  return applyClaimChanges({ id, version, actorId: editorId, changes: { status: 'in_review' }, note }, { unlock: false })
}

/** An editor reopens an approved claim (back to reviewed) so it can be changed; the history records it. */
export function reopenClaim({ id, version, editorId, note }: { id: number; version: number; editorId: number; note: string }): SignOffResult {
  const current = getClaim({ id })
  if (!current) return { ok: false, reason: 'not_found' }
  if (current.version !== version) return { ok: false, reason: 'stale', current }
  if (current.status !== 'approved') return { ok: false, reason: 'not_approved', current }
  return applyClaimChanges({ id, version, actorId: editorId, changes: { status: 'reviewed' }, note: note || 'Reopened' }, { unlock: true })
}

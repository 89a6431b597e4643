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

/**
 * Applies `changes` to a claim if it is still at `version` (optimistic locking). The update and
 * one event per changed field are written in one transaction; a stale version changes nothing.
 */
export function updateClaim({
  id,
  version,
  actorId,
  changes,
  note = '',
}: {
  id: number
  version: number
  actorId: number | null
  changes: ClaimChanges
  note?: string
}): UpdateClaimResult {
  const db = getDb()
  return db.transaction((tx) => {
    const current = tx
      .select()
      .from(claims)
      .where(and(eq(claims.id, id), isNull(claims.deletedAt)))
      .get()
    if (!current) return { ok: false, reason: 'not_found' } as const
    if (current.version !== version) return { ok: false, reason: 'stale', current } as const

    const changed = (Object.keys(changes) as (keyof ClaimChanges)[]).filter(
      (key) => changes[key] !== undefined && changes[key] !== current[key],
    )
    if (changed.length === 0) return { ok: true, claim: current, changed } as const

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

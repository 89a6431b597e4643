import { and, desc, eq, inArray, lt } from 'drizzle-orm'
import { getDb } from '../../db/client.server'
import { claimEvents, claims, corrections, users } from '../../db/schema'
import type { Verdict } from '../workflow'

/** Records a correction of a published claim and its history entry (inside the caller's transaction). */
export function recordCorrection({
  claimId,
  actorId,
  before,
  after,
  note,
}: {
  claimId: number
  actorId: number | null
  before: { verdict: Verdict | null; rationale: string }
  after: { verdict: Verdict | null; rationale: string }
  note: string
}) {
  const db = getDb()
  db.insert(corrections)
    .values({ claimId, oldVerdict: before.verdict, newVerdict: after.verdict, oldRationale: before.rationale, newRationale: after.rationale, note, correctedById: actorId })
    .run()
  db.insert(claimEvents).values({ claimId, actorId, kind: 'correction', fromValue: before.verdict, toValue: after.verdict, note }).run()
}

export type CorrectionView = {
  id: number
  claimId: number
  claimText: string
  oldVerdict: Verdict | null
  newVerdict: Verdict | null
  oldRationale: string
  newRationale: string
  note: string
  correctedById: number | null
  correctedBy: string | null
  createdAt: Date
}

const columns = {
  id: corrections.id,
  claimId: corrections.claimId,
  claimText: claims.text,
  oldVerdict: corrections.oldVerdict,
  newVerdict: corrections.newVerdict,
  oldRationale: corrections.oldRationale,
  newRationale: corrections.newRationale,
  note: corrections.note,
  correctedById: corrections.correctedById,
  correctedBy: users.name,
  createdAt: corrections.createdAt,
}

/** All corrections, newest first, in keyset pages (`before`: the last id of the previous page). */
export function listCorrections({ limit = 50, before }: { limit?: number; before?: number } = {}): CorrectionView[] {
  return getDb()
    .select(columns)
    .from(corrections)
    .innerJoin(claims, eq(claims.id, corrections.claimId))
    .leftJoin(users, eq(users.id, corrections.correctedById))
    .where(before ? lt(corrections.id, before) : undefined)
    .orderBy(desc(corrections.id))
    .limit(limit)
    .all()
}

/** The corrections of some claims, oldest first per claim. */
export function correctionsByClaim({ claimIds }: { claimIds: number[] }): Map<number, CorrectionView[]> {
  const byClaim = new Map<number, CorrectionView[]>()
  if (claimIds.length === 0) return byClaim
  const rows = getDb()
    .select(columns)
    .from(corrections)
    .innerJoin(claims, eq(claims.id, corrections.claimId))
    .leftJoin(users, eq(users.id, corrections.correctedById))
    .where(and(inArray(corrections.claimId, claimIds)))
    .orderBy(corrections.claimId, corrections.id)
    .all()
  for (const r of rows) {
    const list = byClaim.get(r.claimId) ?? []
    list.push(r)
    byClaim.set(r.claimId, list)
  }
  return byClaim
}

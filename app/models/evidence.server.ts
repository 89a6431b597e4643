import { and, asc, eq, isNull } from 'drizzle-orm'
import { getDb, writeTransaction } from '../../db/client.server'
import { claimEvents, claims, evidence, sources, users } from '../../db/schema'
import { decideClaimWork, type Stance } from '../workflow'
import { checkExcerpts, snapshotSummaries } from './snapshot.server'
import { findOrCreateSource, type SourceInput } from './source.server'

export type EvidenceInput = {
  claimId: number
  actorId: number | null
  stance: Stance
  excerpt: string
  note: string
} & ({ sourceId: number; source?: undefined } | { sourceId?: undefined; source: SourceInput })

export type AddEvidenceResult =
  | { ok: true; evidenceId: number; sourceId: number }
  | { ok: false; reason: 'not_found' | 'source_not_found' | 'locked' }

/**
 * Links a source to a claim with a stance and an excerpt. The link and its claim event are written
 * in one transaction. Evidence does not change the claim's version: it adds to the record without
 * overwriting anyone's review, so concurrent editors are not forced to reload.
 */
export function addEvidence(input: EvidenceInput): AddEvidenceResult {
  return writeTransaction((tx) => {
    const claim = tx.select().from(claims).where(and(eq(claims.id, input.claimId), isNull(claims.deletedAt))).get()
    if (!claim) return { ok: false, reason: 'not_found' } as const
    if (!decideClaimWork(claim, 'evidence is added').ok) return { ok: false, reason: 'locked' } as const
    const source = input.source
      ? findOrCreateSource({ ...input.source, createdById: input.actorId })
      : tx.select().from(sources).where(eq(sources.id, input.sourceId!)).get()
    if (!source) return { ok: false, reason: 'source_not_found' } as const
    const row = tx
      .insert(evidence)
      .values({ claimId: claim.id, sourceId: source.id, stance: input.stance, excerpt: input.excerpt, note: input.note, createdById: input.actorId })
      .returning({ id: evidence.id })
      .get()
    tx.insert(claimEvents)
      .values({ claimId: claim.id, actorId: input.actorId, kind: 'evidence_added', toValue: `${input.stance}: ${source.title}`, note: input.note })
      .run()
    tx.update(claims).set({ updatedAt: new Date() }).where(eq(claims.id, claim.id)).run()
    return { ok: true, evidenceId: row.id, sourceId: source.id } as const
  })
}

/** Soft-deletes an evidence link, recording it in the claim's history. */
export function removeEvidence({ evidenceId, claimId, actorId, note = '' }: { evidenceId: number; claimId: number; actorId: number | null; note?: string }) {
  return writeTransaction((tx) => {
    const row = tx
      .select({ id: evidence.id, stance: evidence.stance, title: sources.title, status: claims.status })
      .from(evidence)
      .innerJoin(sources, eq(sources.id, evidence.sourceId))
      .innerJoin(claims, eq(claims.id, evidence.claimId))
      .where(and(eq(evidence.id, evidenceId), eq(evidence.claimId, claimId), isNull(evidence.deletedAt)))
      .get()
    if (!row) return { ok: false as const, reason: 'not_found' as const }
    if (!decideClaimWork(row, 'evidence is removed').ok) return { ok: false as const, reason: 'locked' as const }
    tx.update(evidence).set({ deletedAt: new Date() }).where(eq(evidence.id, evidenceId)).run()
    tx.insert(claimEvents).values({ claimId, actorId, kind: 'evidence_removed', fromValue: `${row.stance}: ${row.title}`, note }).run()
    return { ok: true as const }
  })
}

export function listEvidence({ claimId }: { claimId: number }) {
  return getDb()
    .select({
      id: evidence.id,
      stance: evidence.stance,
      excerpt: evidence.excerpt,
      note: evidence.note,
      createdAt: evidence.createdAt,
      createdBy: users.name,
      source: sources,
    })
    .from(evidence)
    .innerJoin(sources, eq(sources.id, evidence.sourceId))
    .leftJoin(users, eq(users.id, evidence.createdById))
    .where(and(eq(evidence.claimId, claimId), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.id))
    .all()
}

/** A claim's evidence with each source's snapshot state and the check of each excerpt against it. */
export function listEvidenceWithSnapshots({ claimId }: { claimId: number }) {
  const items = listEvidence({ claimId })
  const snapshots = snapshotSummaries({ sourceIds: items.map((e) => e.source.id) })
  const checks = checkExcerpts(items.map((e) => ({ sourceId: e.source.id, excerpt: e.excerpt })))
  return items.map((e, i) => ({ ...e, snapshot: snapshots.get(e.source.id) ?? null, excerptCheck: checks[i]! }))
}

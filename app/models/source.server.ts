import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import { getDb, writeTransaction } from '../../db/client.server'
import { articles, claims, evidence, sources } from '../../db/schema'
import { toFtsQuery } from '../utils/fts'
import { decideSourceEdit } from '../workflow'

export type Source = typeof sources.$inferSelect
export type SourceInput = {
  url: string
  title: string
  publisher?: string | null
  publishedAt?: string | null
  accessedAt?: string | null
  archivedUrl?: string | null
  notes?: string
}

export function getSource({ id }: { id: number }) {
  return getDb().select().from(sources).where(eq(sources.id, id)).get()
}

export function getSourceByUrl({ url }: { url: string }) {
  return getDb().select().from(sources).where(eq(sources.url, url.trim())).get()
}

/** The source with this URL, created if it is new (sources are shared across claims). */
export function findOrCreateSource(input: SourceInput & { createdById?: number | null }): Source {
  const db = getDb()
  const url = input.url.trim()
  const existing = getSourceByUrl({ url })
  if (existing) return existing
  return db
    .insert(sources)
    .values({
      url,
      title: input.title,
      publisher: input.publisher || null,
      publishedAt: input.publishedAt || null,
      accessedAt: input.accessedAt || new Date().toISOString().slice(0, 10),
      archivedUrl: input.archivedUrl || null,
      notes: input.notes ?? '',
      createdById: input.createdById ?? null,
    })
    .returning()
    .get()
}

export type UpdateSourceResult =
  | { ok: true; source: Source }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'duplicate_url' }
  /** Refused by the workflow rule for sources cited by approved claims; nothing was saved. */
  | { ok: false; reason: 'locked'; message: string; fields: Record<string, string> }

/**
 * Saves a library source's details. Sources are shared, so the workflow rule `decideSourceEdit`
 * judges the change against the approved claims whose evidence cites it.
 */
export function updateSource({ id, ...input }: SourceInput & { id: number }): UpdateSourceResult {
  return writeTransaction((tx) => {
    const current = tx.select().from(sources).where(eq(sources.id, id)).get()
    if (!current) return { ok: false, reason: 'not_found' } as const
    const url = input.url.trim()
    const clash = tx.select({ id: sources.id }).from(sources).where(eq(sources.url, url)).get()
    if (clash && clash.id !== id) return { ok: false, reason: 'duplicate_url' } as const
    const next = {
      url,
      title: input.title,
      publisher: input.publisher || null,
      publishedAt: input.publishedAt || null,
      accessedAt: input.accessedAt || null,
      archivedUrl: input.archivedUrl || null,
      notes: input.notes ?? '',
    }
    const changedFields = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k])
    const approvedClaimIds = tx
      .selectDistinct({ id: claims.id })
      .from(evidence)
      .innerJoin(claims, eq(claims.id, evidence.claimId))
      .where(and(eq(evidence.sourceId, id), isNull(evidence.deletedAt), isNull(claims.deletedAt), eq(claims.status, 'approved')))
      .orderBy(claims.id)
      .all()
      .map((r) => r.id)
    const decision = decideSourceEdit({ changedFields, approvedClaimIds })
    if (!decision.ok) return { ok: false, reason: 'locked', message: decision.message, fields: decision.fields ?? {} } as const
    const source = tx.update(sources).set(next).where(eq(sources.id, id)).returning().get()
    return { ok: true, source } as const
  })
}

export type SourceListItem = Source & { usedBy: number }

/** Sources by recency (or by relevance when searching), with how many claims use each; keyset by id. */
export function listSources({ q, before, limit = 50 }: { q?: string; before?: number; limit?: number }): SourceListItem[] {
  const db = getDb()
  const match = q ? toFtsQuery(q) : null
  const usedBy = sql<number>`(select count(*) from ${evidence} e where e.source_id = ${sources.id} and e.deleted_at is null)`
  const where = and(
    before ? lt(sources.id, before) : undefined,
    match ? sql`${sources.id} in (select rowid from sources_fts where sources_fts match ${match})` : undefined,
  )
  if (q && !match) return []
  return db
    .select({ source: sources, usedBy })
    .from(sources)
    .where(where)
    .orderBy(desc(sources.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r.source, usedBy: r.usedBy }))
}

/** Where a source is used: the claims it is evidence for, with stance and article. */
export function listSourceUses({ sourceId }: { sourceId: number }) {
  return getDb()
    .select({
      evidenceId: evidence.id,
      stance: evidence.stance,
      excerpt: evidence.excerpt,
      claimId: claims.id,
      claimText: claims.text,
      claimStatus: claims.status,
      claimVerdict: claims.verdict,
      articleId: articles.id,
      articleTitle: articles.title,
    })
    .from(evidence)
    .innerJoin(claims, eq(claims.id, evidence.claimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(evidence.sourceId, sourceId), isNull(evidence.deletedAt), isNull(claims.deletedAt)))
    .orderBy(desc(evidence.id))
    .all()
}

import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm'
import { getDb, writeTransaction } from '../../db/client.server'
import { articles, claims, evidence, sources, sourceSnapshots } from '../../db/schema'
import type { SnapshotStatus, SourceChange } from '../workflow/vocabulary'
import { compareWithBaseline, type SnapshotOutcome } from '../workflow/source-change'
import { noticeSourceChange } from './inbox.server'
import { excerptInContext, findExcerpt, type ExcerptInContext } from '../snapshots/excerpt'

export type SnapshotRow = typeof sourceSnapshots.$inferSelect

/** What a page shows and the API sends about a source's snapshots (never the bytes or the text). */
export type SnapshotSummary = {
  id: number
  /** The newest snapshot's status: a check under way is `pending`. */
  status: SnapshotStatus
  /** From the newest finished snapshot (while a check is pending, the one before it). */
  fetchedAt: Date | null
  httpStatus: number | null
  sha256: string | null
  title: string | null
  contentType: string | null
  finalUrl: string | null
  error: string | null
  change: SourceChange | null
}

const summaryColumns = {
  id: sourceSnapshots.id,
  sourceId: sourceSnapshots.sourceId,
  status: sourceSnapshots.status,
  fetchedAt: sourceSnapshots.fetchedAt,
  httpStatus: sourceSnapshots.httpStatus,
  sha256: sourceSnapshots.sha256,
  title: sourceSnapshots.title,
  contentType: sourceSnapshots.contentType,
  finalUrl: sourceSnapshots.finalUrl,
  error: sourceSnapshots.error,
  change: sourceSnapshots.change,
  createdAt: sourceSnapshots.createdAt,
}

/** Starts a snapshot of the source's current URL; the fetch itself runs elsewhere. */
export function createPendingSnapshot({ sourceId }: { sourceId: number }) {
  const db = getDb()
  const source = db.select({ url: sources.url }).from(sources).where(eq(sources.id, sourceId)).get()
  if (!source) return null
  return db.insert(sourceSnapshots).values({ sourceId, requestedUrl: source.url }).returning({ id: sourceSnapshots.id, url: sourceSnapshots.requestedUrl }).get()
}

export type SnapshotResult =
  | { status: 'ok'; finalUrl: string; httpStatus: number; contentType: string; title: string | null; text: string | null; sha256: string; content: Buffer; contentLength: number }
  | { status: 'failed'; error: string; httpStatus: number | null; unreachable: boolean; finalUrl: string | null }

/** Records what a pending snapshot's fetch found and how it compares with the baseline. */
export function completeSnapshot({ id, result, fetchedAt = new Date() }: { id: number; result: SnapshotResult; fetchedAt?: Date }) {
  return writeTransaction((tx) => {
    const row = tx.select().from(sourceSnapshots).where(eq(sourceSnapshots.id, id)).get()
    if (!row || row.status !== 'pending') return null
    const baseline = tx
      .select({ text: sourceSnapshots.text, sha256: sourceSnapshots.sha256 })
      .from(sourceSnapshots)
      .where(and(eq(sourceSnapshots.sourceId, row.sourceId), eq(sourceSnapshots.requestedUrl, row.requestedUrl), eq(sourceSnapshots.status, 'ok'), ne(sourceSnapshots.id, id)))
      .orderBy(asc(sourceSnapshots.id))
      .limit(1)
      .get()
    const outcome: SnapshotOutcome =
      result.status === 'ok' ? { status: 'ok', text: result.text, sha256: result.sha256 } : { status: 'failed', httpStatus: result.httpStatus, unreachable: result.unreachable }
    const change = compareWithBaseline(outcome, baseline ?? null)
    // Bytes already kept for this source are not stored again: the row keeps their hash and length.
    const keptAlready =
      result.status === 'ok' &&
      tx
        .select({ id: sourceSnapshots.id })
        .from(sourceSnapshots)
        .where(and(eq(sourceSnapshots.sourceId, row.sourceId), eq(sourceSnapshots.sha256, result.sha256), isNotNull(sourceSnapshots.content)))
        .limit(1)
        .get()
    const values =
      result.status === 'ok'
        ? {
            status: 'ok' as const,
            finalUrl: result.finalUrl,
            httpStatus: result.httpStatus,
            contentType: result.contentType,
            title: result.title,
            text: result.text,
            sha256: result.sha256,
            content: keptAlready ? null : result.content,
            contentLength: result.contentLength,
          }
        : { status: 'failed' as const, error: result.error, httpStatus: result.httpStatus, finalUrl: result.finalUrl }
    const summary = tx
      .update(sourceSnapshots)
      .set({ ...values, change, fetchedAt })
      .where(eq(sourceSnapshots.id, id))
      .returning(summaryColumns)
      .get()
    noticeSourceChange({ sourceId: row.sourceId, snapshotId: id, change })
    return summary
  })
}

/** The newest snapshot row of each source, and its newest finished one. */
export function snapshotSummaries({ sourceIds }: { sourceIds: number[] }): Map<number, SnapshotSummary> {
  const out = new Map<number, SnapshotSummary>()
  if (!sourceIds.length) return out
  const ids = [...new Set(sourceIds)]
  const db = getDb()
  const newest = db
    .select(summaryColumns)
    .from(sourceSnapshots)
    .where(sql`${sourceSnapshots.id} in (select max(id) from source_snapshots where source_id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) group by source_id)`)
    .all()
  const finished = db
    .select(summaryColumns)
    .from(sourceSnapshots)
    .where(
      sql`${sourceSnapshots.id} in (select max(id) from source_snapshots where status != 'pending' and source_id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}) group by source_id)`,
    )
    .all()
  const finishedBySource = new Map(finished.map((f) => [f.sourceId, f]))
  for (const n of newest) {
    const f = n.status === 'pending' ? finishedBySource.get(n.sourceId) : n
    out.set(n.sourceId, {
      id: n.id,
      status: n.status,
      fetchedAt: f?.fetchedAt ?? null,
      httpStatus: f?.httpStatus ?? null,
      sha256: f?.sha256 ?? null,
      title: f?.title ?? null,
      contentType: f?.contentType ?? null,
      finalUrl: f?.finalUrl ?? null,
      error: f?.status === 'failed' ? f.error : null,
      change: f?.change ?? null,
    })
  }
  return out
}

/** The newest good snapshot's text of each source, for checking excerpts. */
function latestTexts(sourceIds: number[]) {
  if (!sourceIds.length) return new Map<number, { id: number; text: string | null; fetchedAt: Date | null }>()
  const rows = getDb()
    .select({ id: sourceSnapshots.id, sourceId: sourceSnapshots.sourceId, text: sourceSnapshots.text, fetchedAt: sourceSnapshots.fetchedAt })
    .from(sourceSnapshots)
    .where(
      sql`${sourceSnapshots.id} in (select max(id) from source_snapshots where status = 'ok' and source_id in (${sql.join(
        [...new Set(sourceIds)].map((i) => sql`${i}`),
        sql`, `,
      )}) group by source_id)`,
    )
    .all()
  return new Map(rows.map((r) => [r.sourceId, r]))
}

export type ExcerptCheck =
  /** Found in the newest good snapshot, with its place in context. */
  | { found: true; snapshotId: number; fetchedAt: Date | null; context: ExcerptInContext }
  | { found: false; snapshotId: number; fetchedAt: Date | null }
  /** Nothing to check: no excerpt, no good snapshot yet, or a snapshot without readable text. */
  | null

/** Checks each excerpt against the newest good snapshot of its source. */
export function checkExcerpts(items: { sourceId: number; excerpt: string }[]): ExcerptCheck[] {
  const texts = latestTexts(items.filter((i) => i.excerpt.trim()).map((i) => i.sourceId))
  return items.map(({ sourceId, excerpt }) => {
    const snap = texts.get(sourceId)
    if (!excerpt.trim() || !snap || snap.text === null) return null
    const match = findExcerpt(snap.text, excerpt)
    return match
      ? { found: true as const, snapshotId: snap.id, fetchedAt: snap.fetchedAt, context: excerptInContext(snap.text, match) }
      : { found: false as const, snapshotId: snap.id, fetchedAt: snap.fetchedAt }
  })
}

/** A source's snapshots, newest first, without their bytes. */
export function listSnapshots({ sourceId, limit = 20 }: { sourceId: number; limit?: number }) {
  return getDb().select(summaryColumns).from(sourceSnapshots).where(eq(sourceSnapshots.sourceId, sourceId)).orderBy(desc(sourceSnapshots.id)).limit(limit).all()
}

/** The baseline and the newest good snapshot's text, when the newest finished one changed. */
export function getSnapshotChange({ sourceId }: { sourceId: number }) {
  const db = getDb()
  const latest = db
    .select({ id: sourceSnapshots.id, requestedUrl: sourceSnapshots.requestedUrl, change: sourceSnapshots.change, text: sourceSnapshots.text, fetchedAt: sourceSnapshots.fetchedAt, status: sourceSnapshots.status })
    .from(sourceSnapshots)
    .where(and(eq(sourceSnapshots.sourceId, sourceId), ne(sourceSnapshots.status, 'pending')))
    .orderBy(desc(sourceSnapshots.id))
    .limit(1)
    .get()
  if (!latest || latest.change !== 'changed' || latest.status !== 'ok') return null
  const baseline = db
    .select({ id: sourceSnapshots.id, text: sourceSnapshots.text, fetchedAt: sourceSnapshots.fetchedAt })
    .from(sourceSnapshots)
    .where(and(eq(sourceSnapshots.sourceId, sourceId), eq(sourceSnapshots.requestedUrl, latest.requestedUrl), eq(sourceSnapshots.status, 'ok')))
    .orderBy(asc(sourceSnapshots.id))
    .limit(1)
    .get()
  if (!baseline || baseline.id === latest.id) return null
  return { baseline, latest }
}

/** The snapshot of this source being fetched now (pending, started within `withinMs`), if any. */
export function pendingSnapshot({ sourceId, withinMs }: { sourceId: number; withinMs: number }) {
  const row = getDb()
    .select({ id: sourceSnapshots.id, status: sourceSnapshots.status, createdAt: sourceSnapshots.createdAt })
    .from(sourceSnapshots)
    .where(eq(sourceSnapshots.sourceId, sourceId))
    .orderBy(desc(sourceSnapshots.id))
    .limit(1)
    .get()
  return row && row.status === 'pending' && Date.now() - row.createdAt.getTime() < withinMs ? row.id : null
}

/** Whether a fetch of this source is already waiting, or one finished within `withinMs`. */
export function hasRecentSnapshot({ sourceId, withinMs }: { sourceId: number; withinMs: number }) {
  const row = getDb()
    .select({ id: sourceSnapshots.id, status: sourceSnapshots.status, createdAt: sourceSnapshots.createdAt })
    .from(sourceSnapshots)
    .where(eq(sourceSnapshots.sourceId, sourceId))
    .orderBy(desc(sourceSnapshots.id))
    .limit(1)
    .get()
  return Boolean(row && Date.now() - row.createdAt.getTime() < withinMs)
}

/** Sources whose newest snapshot is older than the cutoff (or that have none), oldest check first. */
export function listSourcesToCheck({ olderThan }: { olderThan: Date | null }) {
  const last = sql<number | null>`(select max(s.created_at) from source_snapshots s where s.source_id = ${sources.id})`
  return getDb()
    .select({ id: sources.id, url: sources.url, lastCheckedAt: last })
    .from(sources)
    .where(olderThan ? sql`coalesce(${last}, 0) < ${olderThan.getTime()}` : undefined)
    .orderBy(sql`coalesce(${last}, 0)`, asc(sources.id))
    .all()
}

/** Marks snapshots left pending by a process that stopped (older than the cutoff) as failed. */
export function failAbandonedSnapshots({ olderThan }: { olderThan: Date }) {
  return getDb()
    .update(sourceSnapshots)
    .set({ status: 'failed', error: 'The check was interrupted before it finished.', fetchedAt: new Date() })
    .where(and(eq(sourceSnapshots.status, 'pending'), lt(sourceSnapshots.createdAt, olderThan)))
    .run().changes
}

export type AffectedClaim = {
  claimId: number
  claimText: string
  claimStatus: typeof claims.$inferSelect.status
  articleTitle: string
  sourceId: number
  sourceTitle: string
  sourceUrl: string
  change: SourceChange
  checkedAt: Date | null
}

/**
 * Claims with evidence citing a source whose newest finished snapshot is changed or gone
 * (optionally of one source), newest check first.
 */
export function listClaimsWithChangedSources({ sourceId, limit = 200 }: { sourceId?: number; limit?: number } = {}): AffectedClaim[] {
  const latestFinished = getDb()
    .select({ sourceId: sourceSnapshots.sourceId, change: sourceSnapshots.change, checkedAt: sourceSnapshots.fetchedAt, id: sourceSnapshots.id })
    .from(sourceSnapshots)
    .where(
      and(
        sql`${sourceSnapshots.id} in (select max(id) from source_snapshots where status != 'pending' group by source_id)`,
        inArray(sourceSnapshots.change, ['changed', 'gone']),
        sourceId ? eq(sourceSnapshots.sourceId, sourceId) : undefined,
      ),
    )
    .as('latest_finished')
  return getDb()
    .selectDistinct({
      claimId: claims.id,
      claimText: claims.text,
      claimStatus: claims.status,
      articleTitle: articles.title,
      sourceId: sources.id,
      sourceTitle: sources.title,
      sourceUrl: sources.url,
      change: sql<SourceChange>`${latestFinished.change}`,
      checkedAt: sql<number | null>`${latestFinished.checkedAt}`.mapWith((v: number | null) => (v === null ? null : new Date(v))),
      snapshotId: latestFinished.id,
    })
    .from(latestFinished)
    .innerJoin(sources, eq(sources.id, latestFinished.sourceId))
    .innerJoin(evidence, and(eq(evidence.sourceId, sources.id), isNull(evidence.deletedAt)))
    .innerJoin(claims, and(eq(claims.id, evidence.claimId), isNull(claims.deletedAt)))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .orderBy(desc(latestFinished.id), asc(claims.id))
    .limit(limit)
    .all()
    .map(({ snapshotId: _s, ...r }) => r as AffectedClaim)
}

export type ArchivedSnapshot = SnapshotRow & {
  /** For a snapshot whose bytes were already kept: the earlier snapshot that holds them. */
  revisitOf: { url: string; fetchedAt: Date } | null
}

/** Good snapshots, oldest first, one at a time with their bytes (for the WARC export). */
export function* iterateSnapshotsForArchive(): Generator<ArchivedSnapshot> {
  const db = getDb()
  const ids = db.$client.prepare("select id from source_snapshots where status = 'ok' order by id").pluck().all() as number[]
  for (const id of ids) {
    const row = db.select().from(sourceSnapshots).where(eq(sourceSnapshots.id, id)).get()
    if (!row) continue
    if (row.content) {
      yield { ...row, revisitOf: null }
      continue
    }
    const original = row.sha256
      ? db
          .select({ url: sourceSnapshots.finalUrl, requestedUrl: sourceSnapshots.requestedUrl, fetchedAt: sourceSnapshots.fetchedAt })
          .from(sourceSnapshots)
          .where(and(eq(sourceSnapshots.sourceId, row.sourceId), eq(sourceSnapshots.sha256, row.sha256), isNotNull(sourceSnapshots.content)))
          .orderBy(asc(sourceSnapshots.id))
          .limit(1)
          .get()
      : undefined
    if (original?.fetchedAt) yield { ...row, revisitOf: { url: original.url ?? original.requestedUrl, fetchedAt: original.fetchedAt } }
  }
}

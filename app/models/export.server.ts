import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb, writeTransaction } from '../../db/client.server'
import { evidence, exportClaims, exportRecords, sources, users, type ClaimFacets } from '../../db/schema'
import { ExportFiltersSchema, type ExportFilters } from '../api/export-query'
import type { ExportClaim, ExportEvidence } from '../exports'
import { correctionsByClaim } from './correction.server'

export { ExportFiltersSchema, type ExportFilters }

const BATCH = 500
const DAY_MS = 24 * 60 * 60 * 1000

type Where = { clause: string; params: (string | number)[] }

/** The filters as SQL over `claims c`. The date range applies to approval, or the last change. */
function whereFor(filters: Omit<ExportFilters, 'format' | 'excel'>): Where {
  const parts = ['c.deleted_at is null']
  const params: (string | number)[] = []
  // A unary plus keeps SQLite on the reading-order index (claims_article_anchor_idx) that the
  // keyset walks, instead of the status index followed by a full sort for every batch.
  if (filters.status !== 'all') parts.push('+c.status = ?') && params.push(filters.status)
  if (filters.verdict) parts.push('+c.verdict = ?') && params.push(filters.verdict)
  if (filters.article) parts.push('c.article_id = ?') && params.push(filters.article)
  if (filters.from) parts.push('coalesce(c.approved_at, c.updated_at) >= ?') && params.push(Date.parse(filters.from))
  if (filters.to) parts.push('coalesce(c.approved_at, c.updated_at) < ?') && params.push(Date.parse(filters.to) + DAY_MS)
  return { clause: parts.join(' and '), params }
}

type ClaimRow = {
  id: number
  article_id: number
  text: string
  quote_exact: string
  status: ExportClaim['status']
  verdict: ExportClaim['verdict']
  rationale: string
  checkworthiness: number
  facets: string
  anchor_start: number
  approved_at: number | null
  published_at: number | null
  updated_at: number
  verdict_by_id: number | null
  approved_by_id: number | null
}

type ReadingPosition = { articleId: number; anchorStart: number; id: number }

/**
 * Claims matching the filters, grouped by article in reading order, read in keyset batches with
 * plain prepared statements (this is the hot path of 100,000-claim exports), so memory stays flat.
 */
export function* iterateExportClaims(filters: Omit<ExportFilters, 'format' | 'excel'>): Generator<ExportClaim> {
  const sqlite = getDb().$client
  const where = whereFor(filters)
  const columns =
    'c.id, c.article_id, c.text, c.quote_exact, c.status, c.verdict, c.rationale, c.checkworthiness, c.facets, c.anchor_start, c.approved_at, c.published_at, c.updated_at, c.verdict_by_id, c.approved_by_id'
  const order = 'order by c.article_id, c.anchor_start, c.id limit ?'
  const first = sqlite.prepare(`select ${columns} from claims c where ${where.clause} ${order}`)
  const next = sqlite.prepare(
    `select ${columns} from claims c where ${where.clause} and (c.article_id, c.anchor_start, c.id) > (?, ?, ?) ${order}`,
  )
  const articleStmt = sqlite.prepare('select id, title, url, publisher, author, published_at as publishedAt from articles where id = ?')
  const userStmt = sqlite.prepare('select name from users where id = ?')
  const userNames = new Map<number, string | null>()
  const userName = (id: number | null) => {
    if (id === null) return null
    if (!userNames.has(id)) userNames.set(id, (userStmt.get(id) as { name: string } | undefined)?.name ?? null)
    return userNames.get(id)!
  }
  let article: ExportClaim['article'] | null = null
  let after: ReadingPosition | null = null
  for (;;) {
    const rows = (
      after
        ? next.all(...where.params, after.articleId, after.anchorStart, after.id, BATCH)
        : first.all(...where.params, BATCH)
    ) as ClaimRow[]
    if (rows.length === 0) return
    const evidenceByClaim = readEvidence(rows.map((r) => r.id))
    const corrections = correctionsByClaim({ claimIds: rows.map((r) => r.id) })
    for (const c of rows) {
      if (article?.id !== c.article_id) article = articleStmt.get(c.article_id) as ExportClaim['article']
      const facets = JSON.parse(c.facets) as ClaimFacets
      yield {
        id: c.id,
        text: c.text,
        quote: c.quote_exact,
        status: c.status,
        verdict: c.verdict,
        rationale: c.rationale,
        checkworthiness: c.checkworthiness,
        dates: facets.dates.map((d) => ({ text: d.text, value: d.value })),
        attribution: facets.attribution ? { source: facets.attribution.source, verb: facets.attribution.verb } : null,
        article: article!,
        verdictBy: userName(c.verdict_by_id),
        approvedBy: userName(c.approved_by_id),
        approvedAt: c.approved_at === null ? null : new Date(c.approved_at).toISOString(),
        publishedAt: c.published_at === null ? null : new Date(c.published_at).toISOString(),
        updatedAt: new Date(c.updated_at).toISOString(),
        evidence: evidenceByClaim.get(c.id) ?? [],
        corrections: (corrections.get(c.id) ?? []).map((k) => ({
          at: k.createdAt.toISOString(),
          oldVerdict: k.oldVerdict,
          newVerdict: k.newVerdict,
          note: k.note,
          by: k.correctedBy,
        })),
      }
    }
    const last = rows[rows.length - 1]!
    after = { articleId: last.article_id, anchorStart: last.anchor_start, id: last.id }
    if (rows.length < BATCH) return
  }
}

function readEvidence(claimIds: number[]) {
  const rows = getDb()
    .select({
      claimId: evidence.claimId,
      sourceId: sources.id,
      stance: evidence.stance,
      excerpt: evidence.excerpt,
      note: evidence.note,
      source: {
        url: sources.url,
        title: sources.title,
        publisher: sources.publisher,
        publishedAt: sources.publishedAt,
        archivedUrl: sources.archivedUrl,
      },
    })
    .from(evidence)
    .innerJoin(sources, eq(sources.id, evidence.sourceId))
    .where(and(inArray(evidence.claimId, claimIds), isNull(evidence.deletedAt)))
    .orderBy(evidence.claimId, evidence.id)
    .all()
  const snapshots = newestGoodSnapshots([...new Set(rows.map((r) => r.sourceId))])
  const byClaim = new Map<number, ExportEvidence[]>()
  for (const { claimId, sourceId, ...e } of rows) {
    const list = byClaim.get(claimId) ?? []
    list.push({ ...e, source: { ...e.source, snapshot: snapshots.get(sourceId) ?? null } })
    byClaim.set(claimId, list)
  }
  return byClaim
}

/** Each source's newest good snapshot (time and hash), in one query per batch of evidence. */
function newestGoodSnapshots(sourceIds: number[]) {
  const out = new Map<number, { fetchedAt: string; sha256: string }>()
  if (!sourceIds.length) return out
  const marks = sourceIds.map(() => '?').join(',')
  const rows = getDb()
    .$client.prepare(
      `select source_id as sourceId, fetched_at as fetchedAt, sha256 from source_snapshots where id in (select max(id) from source_snapshots where status = 'ok' and source_id in (${marks}) group by source_id)`,
    )
    .all(...sourceIds) as { sourceId: number; fetchedAt: number | null; sha256: string | null }[]
  for (const r of rows) if (r.fetchedAt !== null && r.sha256) out.set(r.sourceId, { fetchedAt: new Date(r.fetchedAt).toISOString(), sha256: r.sha256 })
  return out
}

export function countExportClaims(filters: Omit<ExportFilters, 'format' | 'excel'>): number {
  const where = whereFor(filters)
  const row = getDb().$client.prepare(`select count(*) as n from claims c where ${where.clause}`).get(...where.params)
  return (row as { n: number }).n
}

/**
 * Records who exported what and which claims it contained, and marks the approved ones among
 * them published (the first time only). Returns how many claims it holds. One transaction, before
 * the export is streamed, so what is recorded is what the export reads.
 */
export function recordExport({ userId, filters }: { userId: number | null; filters: ExportFilters }): number {
  const db = getDb()
  const { format: _format, excel: _excel, ...where } = filters
  const sql = whereFor(where)
  return writeTransaction(() => {
    const record = db.insert(exportRecords).values({ userId, format: filters.format, filters, claimCount: 0 }).returning({ id: exportRecords.id }).get()
    const sqlite = db.$client
    const contained = sqlite
      .prepare(`insert into export_claims (export_id, claim_id) select ?, c.id from claims c where ${sql.clause}`)
      .run(record.id, ...sql.params).changes
    sqlite
      .prepare(
        `update claims set published_at = ? where published_at is null and status = 'approved' and id in (select claim_id from export_claims where export_id = ?)`,
      )
      .run(Date.now(), record.id)
    db.update(exportRecords).set({ claimCount: contained }).where(eq(exportRecords.id, record.id)).run()
    return contained
  })
}

/** The ids of the claims an export contained. */
export function listExportClaimIds({ exportId }: { exportId: number }): number[] {
  return getDb()
    .select({ claimId: exportClaims.claimId })
    .from(exportClaims)
    .where(eq(exportClaims.exportId, exportId))
    .all()
    .map((r) => r.claimId)
}

export function listExportRecords({ limit = 20 }: { limit?: number } = {}) {
  return getDb()
    .select({
      id: exportRecords.id,
      format: exportRecords.format,
      filters: exportRecords.filters,
      claimCount: exportRecords.claimCount,
      createdAt: exportRecords.createdAt,
      userName: users.name,
    })
    .from(exportRecords)
    .leftJoin(users, eq(users.id, exportRecords.userId))
    .orderBy(sql`${exportRecords.id} desc`)
    .limit(limit)
    .all()
}

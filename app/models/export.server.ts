import { and, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { getDb } from '../../db/client.server'
import {
  articles,
  claims,
  evidence,
  exportRecords,
  sources,
  users,
} from '../../db/schema'
import { ExportFiltersSchema, type ExportFilters } from '../api/export-query'
import type { ExportClaim, ExportEvidence } from '../exports'

export { ExportFiltersSchema, type ExportFilters }

const BATCH = 500
const DAY_MS = 24 * 60 * 60 * 1000

function whereFor(filters: Omit<ExportFilters, 'format' | 'excel'>): SQL | undefined {
  // The date range applies to when a claim was approved, or last changed if not approved.
  const reviewedAt = sql`coalesce(${claims.approvedAt}, ${claims.updatedAt})`
  return and(
    isNull(claims.deletedAt),
    filters.status === 'all' ? undefined : eq(claims.status, filters.status),
    filters.verdict ? eq(claims.verdict, filters.verdict) : undefined,
    filters.article ? eq(claims.articleId, filters.article) : undefined,
    filters.from ? gte(reviewedAt, Date.parse(filters.from)) : undefined,
    filters.to ? lt(reviewedAt, Date.parse(filters.to) + DAY_MS) : undefined,
  )
}

/**
 * Claims matching the filters, grouped by article in reading order, read in batches so memory
 * stays flat however many there are.
 */
type ReadingPosition = { articleId: number; anchorStart: number; id: number }

const verdictUser = alias(users, 'verdict_user')
const approver = alias(users, 'approver')

function readClaimBatch(where: SQL | undefined, after: ReadingPosition | null) {
  const keyset = after
    ? sql`(${claims.articleId}, ${claims.anchorStart}, ${claims.id}) > (${after.articleId}, ${after.anchorStart}, ${after.id})`
    : undefined
  return getDb()
    .select({
      claim: claims,
      article: {
        id: articles.id,
        title: articles.title,
        url: articles.url,
        publisher: articles.publisher,
        author: articles.author,
        publishedAt: articles.publishedAt,
      },
      verdictBy: verdictUser.name,
      approvedBy: approver.name,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(verdictUser, eq(verdictUser.id, claims.verdictById))
    .leftJoin(approver, eq(approver.id, claims.approvedById))
    .where(and(where, keyset))
    .orderBy(claims.articleId, claims.anchorStart, claims.id)
    .limit(BATCH)
    .all()
}

function readEvidence(claimIds: number[]) {
  const rows = getDb()
    .select({
      claimId: evidence.claimId,
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
  const byClaim = new Map<number, ExportEvidence[]>()
  for (const { claimId, ...e } of rows) {
    const list = byClaim.get(claimId) ?? []
    list.push(e)
    byClaim.set(claimId, list)
  }
  return byClaim
}

/**
 * Claims matching the filters, grouped by article in reading order, read in batches so memory
 * stays flat however many there are.
 */
export function* iterateExportClaims(filters: Omit<ExportFilters, 'format' | 'excel'>): Generator<ExportClaim> {
  const where = whereFor(filters)
  let after: ReadingPosition | null = null
  for (;;) {
    const rows = readClaimBatch(where, after)
    if (rows.length === 0) return
    const evidenceByClaim = readEvidence(rows.map((r) => r.claim.id))
    for (const row of rows) {
      const c = row.claim
      yield {
        id: c.id,
        text: c.text,
        quote: c.quoteExact,
        status: c.status,
        verdict: c.verdict,
        rationale: c.rationale,
        checkworthiness: c.checkworthiness,
        dates: c.facets.dates.map((d) => ({ text: d.text, value: d.value })),
        attribution: c.facets.attribution
          ? { source: c.facets.attribution.source, verb: c.facets.attribution.verb }
          : null,
        article: row.article,
        verdictBy: row.verdictBy,
        approvedBy: row.approvedBy,
        approvedAt: c.approvedAt?.toISOString() ?? null,
        updatedAt: c.updatedAt.toISOString(),
        evidence: evidenceByClaim.get(c.id) ?? [],
      }
    }
    const last = rows[rows.length - 1]!.claim
    after = { articleId: last.articleId, anchorStart: last.anchorStart, id: last.id }
    if (rows.length < BATCH) return
  }
}

export function countExportClaims(filters: Omit<ExportFilters, 'format' | 'excel'>): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(claims)
      .where(whereFor(filters))
      .get()?.n ?? 0
  )
}

/** Records who exported what, and how many claims it held. */
export function recordExport({
  userId,
  filters,
  claimCount,
}: {
  userId: number | null
  filters: ExportFilters
  claimCount: number
}) {
  getDb().insert(exportRecords).values({ userId, format: filters.format, filters, claimCount }).run()
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

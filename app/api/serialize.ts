import type { articles, claims } from '../../db/schema'
import type { z } from 'zod'
import type { ArticleOutSchema, ClaimOutSchema, EventOutSchema } from './schemas'

type ClaimRow = typeof claims.$inferSelect
type ArticleRow = typeof articles.$inferSelect

export function claimToApi(c: ClaimRow): z.infer<typeof ClaimOutSchema> {
  return {
    id: c.id,
    articleId: c.articleId,
    text: c.text,
    anchor: { start: c.anchorStart, end: c.anchorEnd, quote: { exact: c.quoteExact, prefix: c.quotePrefix, suffix: c.quoteSuffix } },
    orphaned: c.orphaned,
    checkworthiness: c.checkworthiness,
    reasons: c.reasons,
    facets: c.facets,
    status: c.status,
    verdict: c.verdict,
    rationale: c.rationale,
    assigneeId: c.assigneeId,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }
}

export function articleToApi(a: ArticleRow, claimRows: ClaimRow[]): z.infer<typeof ArticleOutSchema> {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    publisher: a.publisher,
    author: a.author,
    publishedAt: a.publishedAt,
    language: a.language,
    body: a.body,
    contentHash: a.contentHash,
    createdAt: a.createdAt.toISOString(),
    claims: claimRows.map(claimToApi),
  }
}

export function eventToApi(e: {
  id: number
  kind: string
  fromValue: string | null
  toValue: string | null
  note: string
  createdAt: Date
  actorId: number | null
  actorName: string | null
}): z.infer<typeof EventOutSchema> {
  return {
    id: e.id,
    kind: e.kind,
    from: e.fromValue,
    to: e.toValue,
    note: e.note,
    actor: e.actorId !== null ? { id: e.actorId, name: e.actorName ?? '' } : null,
    at: e.createdAt.toISOString(),
  }
}

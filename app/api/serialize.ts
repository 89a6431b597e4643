import type { articles, claims, sources } from '../../db/schema'
import type { z } from 'zod'
import type { ExcerptCheck, SnapshotSummary } from '../models/snapshot.server'
import type { CommentView } from '../models/comment.server'
import type { CorrectionView } from '../models/correction.server'
import type { InboxItem } from '../models/inbox.server'
import type { ArticleOutSchema, ClaimOutSchema, CommentOutSchema, CorrectionOutSchema, EventOutSchema, EvidenceOutSchema, InboxItemOutSchema, SnapshotOutSchema, SourceOutSchema } from './schemas'

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
    publishedAt: c.publishedAt ? c.publishedAt.toISOString() : null,
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

export function snapshotToApi(s: SnapshotSummary | undefined | null): z.infer<typeof SnapshotOutSchema> {
  if (!s) return null
  return {
    status: s.status,
    fetchedAt: s.fetchedAt ? s.fetchedAt.toISOString() : null,
    httpStatus: s.httpStatus,
    sha256: s.sha256,
    title: s.title,
    contentType: s.contentType,
    finalUrl: s.finalUrl,
    error: s.error,
    change: s.change,
  }
}

type SourceRow = typeof sources.$inferSelect

export function sourceToApi(s: SourceRow, snapshot: SnapshotSummary | undefined | null): z.infer<typeof SourceOutSchema> {
  return { id: s.id, url: s.url, title: s.title, publisher: s.publisher, publishedAt: s.publishedAt, archivedUrl: s.archivedUrl, snapshot: snapshotToApi(snapshot) }
}

export function evidenceToApi(
  e: { id: number; stance: z.infer<typeof EvidenceOutSchema>['stance']; excerpt: string; note: string; createdAt: Date; createdBy: string | null; source: SourceRow },
  snapshot: SnapshotSummary | undefined | null,
  check: ExcerptCheck,
): z.infer<typeof EvidenceOutSchema> {
  const source = sourceToApi(e.source, snapshot)
  return {
    id: e.id,
    stance: e.stance,
    excerpt: e.excerpt,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
    createdBy: e.createdBy,
    source,
    snapshot: source.snapshot,
    excerptFound: check ? check.found : null,
  }
}

export function commentToApi(c: CommentView): z.infer<typeof CommentOutSchema> {
  return {
    id: c.id,
    claimId: c.claimId,
    author: c.authorId !== null ? { id: c.authorId, name: c.authorName ?? '' } : null,
    body: c.body,
    deleted: c.deleted,
    mentions: c.mentions,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt ? c.editedAt.toISOString() : null,
    deletedAt: c.deletedAt ? c.deletedAt.toISOString() : null,
  }
}

export function inboxItemToApi(i: InboxItem): z.infer<typeof InboxItemOutSchema> {
  return {
    id: i.id,
    kind: i.kind,
    claim: { id: i.claimId, text: i.claimText, status: i.claimStatus },
    commentId: i.commentId,
    comment: i.kind === 'mention' ? i.commentBody : null,
    actor: i.actorName,
    note: i.note,
    read: i.read,
    createdAt: i.createdAt.toISOString(),
  }
}

export function correctionToApi(c: CorrectionView): z.infer<typeof CorrectionOutSchema> {
  return {
    id: c.id,
    claim: { id: c.claimId, text: c.claimText },
    oldVerdict: c.oldVerdict,
    newVerdict: c.newVerdict,
    oldRationale: c.oldRationale,
    newRationale: c.newRationale,
    note: c.note,
    correctedBy: c.correctedById !== null ? { id: c.correctedById, name: c.correctedBy ?? '' } : null,
    at: c.createdAt.toISOString(),
  }
}

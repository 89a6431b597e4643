import { cachedStatement, getDb } from '../../db/client.server'
import type { ClaimStatus, Verdict } from '../workflow'
import type { QueueQuery } from '../api/queue-query'
import { toFtsQuery } from '../utils/fts'

export type QueueRow = {
  id: number
  text: string
  status: ClaimStatus
  verdict: Verdict | null
  checkworthiness: number
  version: number
  updatedAt: number
  createdAt: number
  articleId: number
  articleTitle: string
  assigneeId: number | null
  assigneeName: string | null
  evidenceCount: number
}

type Cursor = { k: number; id: number }

function encodeCursor(c: Cursor) {
  return Buffer.from(JSON.stringify(c)).toString('base64url')
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor
    return typeof c.k === 'number' && Number.isFinite(c.k) && Number.isInteger(c.id) ? c : null
  } catch {
    return null
  }
}

export class BadCursorError extends Error {}

const DAY = 24 * 60 * 60 * 1000

/**
 * One page of the claims queue, keyset-paginated on (sort key, id) so every page costs the same
 * however deep it is. Sorted by check-worthiness (default) or by last change.
 */
export function listClaims(query: QueueQuery & { viewerId?: number }): { rows: QueueRow[]; nextCursor: string | null } {
  const where: string[] = ['c.deleted_at is null']
  const params: (string | number)[] = []
  // The unary plus keeps SQLite walking the sort-order index (claims_checkworthiness_idx or
  // claims_updated_idx) instead of collecting every open claim and sorting them per request.
  if (query.status === 'open') where.push("+c.status in ('unreviewed', 'in_review', 'reviewed')")
  else if (query.status !== 'all') where.push('c.status = ?') && params.push(query.status)
  if (query.verdict === 'none') where.push('c.verdict is null')
  else if (query.verdict) where.push('c.verdict = ?') && params.push(query.verdict)
  if (query.assignee === 'none') where.push('c.assignee_id is null')
  else if (query.assignee === 'me') where.push('c.assignee_id = ?') && params.push(query.viewerId ?? -1)
  else if (query.assignee) where.push('c.assignee_id = ?') && params.push(query.assignee)
  if (query.article) where.push('c.article_id = ?') && params.push(query.article)
  const hasEvidence = 'exists (select 1 from evidence e where e.claim_id = c.id and e.deleted_at is null)'
  if (query.evidence === 'yes') where.push(hasEvidence)
  if (query.evidence === 'no') where.push(`not ${hasEvidence}`)
  if (query.from) where.push('c.created_at >= ?') && params.push(Date.parse(query.from))
  if (query.to) where.push('c.created_at < ?') && params.push(Date.parse(query.to) + DAY)
  if (query.q) {
    const match = toFtsQuery(query.q)
    if (!match) return { rows: [], nextCursor: null }
    where.push('c.id in (select rowid from claims_fts where claims_fts match ?)') && params.push(match)
  }
  const key = query.sort === 'recent' ? 'c.updated_at' : 'c.checkworthiness'
  const cursor = decodeCursor(query.cursor)
  if (query.cursor && !cursor) throw new BadCursorError('cursor is not valid')
  if (cursor) where.push(`(${key}, c.id) < (?, ?)`) && params.push(cursor.k, cursor.id)
  // CROSS JOIN keeps claims as the outer loop, walking the sort index page by page; with
  // ANALYZE statistics SQLite would otherwise start from articles and sort every claim.
  const sql = `
    select c.id, c.text, c.status, c.verdict, c.checkworthiness, c.version, c.updated_at as updatedAt, c.created_at as createdAt,
           c.article_id as articleId, a.title as articleTitle, c.assignee_id as assigneeId, u.name as assigneeName,
           (select count(*) from evidence e where e.claim_id = c.id and e.deleted_at is null) as evidenceCount
    from claims c
    cross join articles a on a.id = c.article_id
    left join users u on u.id = c.assignee_id
    where ${where.join(' and ')}
    order by ${key} desc, c.id desc
    limit ?`
  const rows = cachedStatement(getDb().$client, sql).all(...params, query.limit + 1) as QueueRow[]
  const more = rows.length > query.limit
  const page = more ? rows.slice(0, query.limit) : rows
  const last = page[page.length - 1]
  const nextCursor = more && last ? encodeCursor({ k: query.sort === 'recent' ? last.updatedAt : last.checkworthiness, id: last.id }) : null
  return { rows: page, nextCursor }
}

import { getDb } from '../../db/client.server'
import { CLAIM_STATUSES, VERDICTS, type ClaimStatus, type Verdict } from '../workflow'

export type StatusCounts = Record<ClaimStatus, number>

const zeroStatuses = () => Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as StatusCounts

/** Counts by status and verdict overall, and by status for the most recent articles (two grouped queries). */
export function getDashboard({ articles: limit = 50 }: { articles?: number } = {}) {
  const sqlite = getDb().$client
  const byStatus = zeroStatuses()
  for (const r of sqlite.prepare('select status, count(*) as n from claims where deleted_at is null group by status').all() as { status: ClaimStatus; n: number }[]) {
    byStatus[r.status] = r.n
  }
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>
  for (const r of sqlite
    .prepare("select verdict, count(*) as n from claims where deleted_at is null and verdict is not null and status != 'discarded' group by verdict")
    .all() as { verdict: Verdict; n: number }[]) {
    byVerdict[r.verdict] = r.n
  }
  const rows = sqlite
    .prepare(
      `with recent as (select id, title from articles where deleted_at is null order by created_at desc, id desc limit ?)
       select r.id, r.title, c.status, count(c.id) as n
       from recent r left join claims c on c.article_id = r.id and c.deleted_at is null
       group by r.id, c.status`,
    )
    .all(limit) as { id: number; title: string; status: ClaimStatus | null; n: number }[]
  const perArticle = new Map<number, { id: number; title: string; counts: StatusCounts; total: number }>()
  for (const r of rows) {
    const a = perArticle.get(r.id) ?? { id: r.id, title: r.title, counts: zeroStatuses(), total: 0 }
    if (r.status) {
      a.counts[r.status] = r.n
      a.total += r.n
    }
    perArticle.set(r.id, a)
  }
  const articleCount = (sqlite.prepare('select count(*) as n from articles where deleted_at is null').get() as { n: number }).n
  return { byStatus, byVerdict, articles: [...perArticle.values()], articleCount }
}

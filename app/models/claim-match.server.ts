import { inArray } from 'drizzle-orm'
import { cachedStatement, getDb } from '../../db/client.server'
import type { ClaimStatus, Verdict } from '../workflow'
import { claims } from '../../db/schema'
import type { Statement } from 'better-sqlite3'
import { CANDIDATES_SQL, candidateQuery, matchScore, WordCache } from '../matching/candidates'

const words = new WordCache()
const inserts = new WeakMap<object, Statement>()

/**
 * Links each given claim to claims in other articles that say the same thing: full-text
 * candidates first (claims sharing its most distinctive words), then the similarity threshold.
 * Each pair is stored once, the lower claim id first. Returns how many pairs were newly linked.
 */
export function matchClaims({ claimIds }: { claimIds: number[] }) {
  if (claimIds.length === 0) return 0
  const db = getDb()
  const sqlite = db.$client
  const candidates = sqlite.prepare(CANDIDATES_SQL)
  const rows = db
    .select({ id: claims.id, text: claims.text, articleId: claims.articleId })
    .from(claims)
    .where(inArray(claims.id, claimIds))
    .all()
  let linked = 0
  sqlite.transaction(() => {
    for (const claim of rows) {
      const query = candidateQuery(claim.text)
      if (!query) continue
      const own = words.get(claim.text)
      for (const other of candidates.all(query, claim.articleId) as { id: number; text: string }[]) {
        const similarity = matchScore(own, words.get(other.text))
        if (similarity !== null) linked += storeMatch(claim.id, other.id, similarity)
      }
    }
  }).immediate()
  return linked
}

/** Stores one pair (once, the lower claim id first); 1 when it is new. */
export function storeMatch(claimId: number, otherId: number, similarity: number) {
  const sqlite = getDb().$client
  let insert = inserts.get(sqlite)
  if (!insert) {
    insert = sqlite.prepare('insert or ignore into claim_matches (claim_id, matched_claim_id, similarity) values (?, ?, ?)')
    inserts.set(sqlite, insert)
  }
  return insert.run(Math.min(claimId, otherId), Math.max(claimId, otherId), similarity).changes
}
/** Claims in other articles that say the same thing, with their verdicts and evidence counts. */
export function getClaimMatches({ claimId }: { claimId: number }): ClaimMatch[] {
  // A pair is stored once, so the other claim is on whichever side this one is not. Every claim
  // page asks this: one statement prepared once per connection.
  return cachedStatement(
    getDb().$client,
    `select c.id as claimId, c.text, c.status, c.verdict, pairs.similarity, a.id as articleId, a.title as articleTitle,
            (select count(*) from evidence e where e.claim_id = c.id and e.deleted_at is null) as evidenceCount
     from (select matched_claim_id as other_id, similarity from claim_matches where claim_id = ?
           union all
           select claim_id as other_id, similarity from claim_matches where matched_claim_id = ?) pairs
     inner join claims c on c.id = pairs.other_id
     inner join articles a on a.id = c.article_id
     where c.deleted_at is null
     order by pairs.similarity desc, c.id
     limit 20`,
  ).all(claimId, claimId) as ClaimMatch[]
}

export type ClaimMatch = {
  claimId: number
  text: string
  status: ClaimStatus
  verdict: Verdict | null
  similarity: number
  articleId: number
  articleTitle: string
  evidenceCount: number
}

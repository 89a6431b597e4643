import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb } from '../../db/client.server'
import { articles, claimMatches, claims, evidence } from '../../db/schema'
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
export function getClaimMatches({ claimId }: { claimId: number }) {
  // A pair is stored once, so the other claim is on whichever side this one is not.
  const pairs = getDb()
    .select({ otherId: claimMatches.matchedClaimId, similarity: claimMatches.similarity })
    .from(claimMatches)
    .where(eq(claimMatches.claimId, claimId))
    .unionAll(
      getDb()
        .select({ otherId: claimMatches.claimId, similarity: claimMatches.similarity })
        .from(claimMatches)
        .where(eq(claimMatches.matchedClaimId, claimId)),
    )
    .as('pairs')
  return getDb()
    .select({
      claimId: claims.id,
      text: claims.text,
      status: claims.status,
      verdict: claims.verdict,
      similarity: pairs.similarity,
      articleId: articles.id,
      articleTitle: articles.title,
      evidenceCount: sql<number>`(select count(*) from ${evidence} e where e.claim_id = ${claims.id} and e.deleted_at is null)`,
    })
    .from(pairs)
    .innerJoin(claims, eq(claims.id, pairs.otherId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(isNull(claims.deletedAt))
    .orderBy(desc(pairs.similarity), claims.id)
    .limit(20)
    .all()
}

export type ClaimMatch = ReturnType<typeof getClaimMatches>[number]

import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb } from '../../db/client.server'
import { articles, claimMatches, claims, evidence } from '../../db/schema'
import { contentWords, MATCH_THRESHOLD, wordSimilarity } from '../matching/similarity'
import { toFtsQuery } from '../utils/fts'

const CANDIDATES = 20

/**
 * Links each given claim to claims in other articles that say the same thing: full-text
 * candidates first (claims sharing its most distinctive words), then the similarity threshold.
 * Links are stored both ways. Returns how many pairs were linked.
 */
export function matchClaims({ claimIds }: { claimIds: number[] }) {
  if (claimIds.length === 0) return 0
  const db = getDb()
  const sqlite = db.$client
  // Candidates must share the claim's three most distinctive (longest) content words; without a
  // relevance sort SQLite stops at the first matches, so the cost stays flat as the table grows.
  const candidates = sqlite.prepare(
    `select c.id, c.text from claims c
     where c.id in (select rowid from claims_fts where claims_fts match ? limit ${CANDIDATES * 5})
       and c.article_id != ? and c.deleted_at is null
     limit ${CANDIDATES}`,
  )
  const insert = sqlite.prepare('insert or ignore into claim_matches (claim_id, matched_claim_id, similarity) values (?, ?, ?)')
  const rows = db.select({ id: claims.id, text: claims.text, articleId: claims.articleId }).from(claims).where(inArray(claims.id, claimIds)).all()
  let linked = 0
  sqlite.transaction(() => {
    for (const claim of rows) {
      // Whole words as written (not stems): exact FTS terms are much cheaper than prefix queries.
      const words = [...new Set(claim.text.toLowerCase().match(/[\p{L}]{5,}/gu) ?? [])].filter((w) => contentWords(w).size > 0)
      words.sort((a, b) => b.length - a.length || a.localeCompare(b))
      if (words.length < 2) continue
      const query = toFtsQuery(words.slice(0, 3).join(' '), { prefix: false })
      if (!query) continue
      const own = contentWords(claim.text)
      for (const other of candidates.all(query, claim.articleId) as { id: number; text: string }[]) {
        const score = wordSimilarity(own, contentWords(other.text))
        if (score < MATCH_THRESHOLD) continue
        const rounded = Math.round(score * 1000) / 1000
        linked += insert.run(claim.id, other.id, rounded).changes
        insert.run(other.id, claim.id, rounded)
      }
    }
  })()
  return linked
}

/** Claims in other articles that say the same thing, with their verdicts and evidence counts. */
export function getClaimMatches({ claimId }: { claimId: number }) {
  return getDb()
    .select({
      claimId: claims.id,
      text: claims.text,
      status: claims.status,
      verdict: claims.verdict,
      similarity: claimMatches.similarity,
      articleId: articles.id,
      articleTitle: articles.title,
      evidenceCount: sql<number>`(select count(*) from ${evidence} e where e.claim_id = ${claims.id} and e.deleted_at is null)`,
    })
    .from(claimMatches)
    .innerJoin(claims, eq(claims.id, claimMatches.matchedClaimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(claimMatches.claimId, claimId), isNull(claims.deletedAt)))
    .orderBy(desc(claimMatches.similarity))
    .limit(20)
    .all()
}

export type ClaimMatch = ReturnType<typeof getClaimMatches>[number]

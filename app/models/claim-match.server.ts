import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb } from '../../db/client.server'
import { articles, claimMatches, claims, evidence } from '../../db/schema'
import { contentWords, MATCH_THRESHOLD, wordSimilarity } from '../matching/similarity'
import { toFtsQuery } from '../utils/fts'

const CANDIDATES = 20

/**
 * Content words of recently seen candidate texts: the same claims come up as candidates again and
 * again in a bulk import, and turning text into words is most of the cost of scoring them.
 */
const wordCache = new Map<string, Set<string>>()
const WORD_CACHE_SIZE = 50_000

function cachedContentWords(text: string) {
  let words = wordCache.get(text)
  if (!words) {
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear()
    words = contentWords(text)
    wordCache.set(text, words)
  }
  return words
}

/**
 * Links each given claim to claims in other articles that say the same thing: full-text
 * candidates first (claims sharing its most distinctive words), then the similarity threshold.
 * Each pair is stored once, the lower claim id first. Returns how many pairs were newly linked.
 */
export function matchClaims({ claimIds }: { claimIds: number[] }) {
  if (claimIds.length === 0) return 0
  const db = getDb()
  const sqlite = db.$client
  // Candidates must share the claim's three most distinctive (longest) content words; without a
  // relevance sort SQLite stops at the first matches, so the cost stays flat as the table grows.
  const candidates = sqlite.prepare(
    `select c.id, c.text from claims c
     where c.id in (select rowid from claims_fts where claims_fts match ? limit ${CANDIDATES * 2})
       and c.article_id != ? and c.deleted_at is null
     limit ${CANDIDATES}`,
  )
  const insert = sqlite.prepare('insert or ignore into claim_matches (claim_id, matched_claim_id, similarity) values (?, ?, ?)')
  const rows = db
    .select({ id: claims.id, text: claims.text, articleId: claims.articleId })
    .from(claims)
    .where(inArray(claims.id, claimIds))
    .all()
  let linked = 0
  sqlite.transaction(() => {
    for (const claim of rows) {
      // Whole words as written (not stems): exact FTS terms are much cheaper than prefix queries.
      const words = [...new Set(claim.text.toLowerCase().match(/[\p{L}]{5,}/gu) ?? [])].filter((w) => contentWords(w).size > 0)
      words.sort((a, b) => b.length - a.length || a.localeCompare(b))
      if (words.length < 2) continue
      const query = toFtsQuery(words.slice(0, 3).join(' '), { prefix: false })
      if (!query) continue
      const own = cachedContentWords(claim.text)
      for (const other of candidates.all(query, claim.articleId) as { id: number; text: string }[]) {
        const score = wordSimilarity(own, cachedContentWords(other.text))
        if (score < MATCH_THRESHOLD) continue
        const rounded = Math.round(score * 1000) / 1000
        linked += insert.run(Math.min(claim.id, other.id), Math.max(claim.id, other.id), rounded).changes
      }
    }
  })()
  return linked
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

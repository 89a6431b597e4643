import type Database from 'better-sqlite3'
import { toFtsQuery } from '../utils/fts'
import { contentWords, MATCH_THRESHOLD, wordSimilarity } from './similarity'

/**
 * Finding the claims that say the same thing as a claim: candidates are claims containing its
 * three most distinctive (longest) words, then the similarity threshold decides. Used by
 * `matchClaims` (on the app's connection) and by bulk import's second thread (on a read-only
 * connection, for claims not stored yet).
 */
export const CANDIDATES = 20

/**
 * Candidates in the database; without a relevance sort SQLite stops at the first matches, so the
 * cost stays flat as the table grows. Parameters: the full-text query, the claim's article id.
 */
export const CANDIDATES_SQL = `select c.id, c.text from claims c
  where c.id in (select rowid from claims_fts where claims_fts match ? limit ${CANDIDATES * 2})
    and c.article_id != ? and c.deleted_at is null
  limit ${CANDIDATES}`

/** The letter words of a text that candidates are found by (whole words as written, not stems). */
function searchWords(text: string) {
  return text.toLowerCase().match(/[\p{L}]{5,}/gu) ?? []
}

/** A claim's three most distinctive words, or null when it has fewer than two to search by. */
export function keyWords(text: string): string[] | null {
  const words = [...new Set(searchWords(text))].filter((w) => contentWords(w).size > 0)
  words.sort((a, b) => b.length - a.length || a.localeCompare(b))
  return words.length < 2 ? null : words.slice(0, 3)
}

/** The full-text query for a claim's candidates (exact terms: much cheaper than prefix queries). */
export function candidateQuery(text: string) {
  const words = keyWords(text)
  return words ? toFtsQuery(words.join(' '), { prefix: false }) : null
}

/**
 * Content words of recently seen texts: the same claims come up as candidates again and again in
 * a bulk import, and turning text into words is most of the cost of scoring them.
 */
export class WordCache {
  private cache = new Map<string, Set<string>>()
  constructor(private size = 50_000) {}

  get(text: string) {
    let words = this.cache.get(text)
    if (!words) {
      if (this.cache.size >= this.size) this.cache.clear()
      words = contentWords(text)
      this.cache.set(text, words)
    }
    return words
  }
}

/** The similarity of two claims rounded to three places, or null below the threshold. */
export function matchScore(a: Set<string>, b: Set<string>) {
  const score = wordSimilarity(a, b)
  return score < MATCH_THRESHOLD ? null : Math.round(score * 1000) / 1000
}

export type NewClaimRef = { ref: number; article: number; text: string }
export type FoundMatch = { ref: number; otherRef?: number; otherId?: number; similarity: number }

/**
 * Matches for claims not stored yet (`ref` numbers them, `article` tells which claims come from
 * the same article): with each other, and with the claims already in the database.
 */
export function matchNewClaims(sqlite: Database.Database, claims: NewClaimRef[], words = new WordCache()): FoundMatch[] {
  const found: FoundMatch[] = []
  const candidates = sqlite.prepare(CANDIDATES_SQL)
  // Among themselves: the same rule as the full-text query, on an index of their words in memory.
  const byWord = new Map<string, number[]>()
  claims.forEach((claim, i) => {
    for (const w of new Set(searchWords(claim.text))) {
      const list = byWord.get(w)
      if (list) list.push(i)
      else byWord.set(w, [i])
    }
  })
  claims.forEach((claim, i) => {
    const keys = keyWords(claim.text)
    if (!keys) return
    const own = words.get(claim.text)
    const lists = keys.map((w) => byWord.get(w) ?? []).sort((a, b) => a.length - b.length)
    let taken = 0
    for (const j of lists[0]!) {
      if (taken >= CANDIDATES) break
      // Never within one article; a pair found from both sides is stored once.
      const other = claims[j]!
      if (other.article === claim.article || !lists.every((l) => l.includes(j))) continue
      taken++
      const similarity = matchScore(own, words.get(other.text))
      if (similarity !== null) found.push({ ref: claim.ref, otherRef: other.ref, similarity })
    }
    const query = candidateQuery(claim.text)
    if (!query) return
    for (const other of candidates.all(query, -1) as { id: number; text: string }[]) {
      const similarity = matchScore(own, words.get(other.text))
      if (similarity !== null) found.push({ ref: claim.ref, otherId: other.id, similarity })
    }
  })
  return found
}

import type { TextQuoteSelector } from './text-quote'

export type AnchorInput = { id: number; start: number; end: number; quote: TextQuoteSelector }
export type AnchorResult = { id: number; start: number; end: number; how: 'unchanged' | 'exact' | 'fuzzy' } | { id: number; orphaned: true }

/** Below this similarity (character-bigram Dice) a changed span is not taken as the same claim. */
export const FUZZY_THRESHOLD = 0.75
const MAX_OCCURRENCES = 200
const PROBE = 24

function bigrams(s: string) {
  const out = new Map<string, number>()
  const t = s.toLowerCase().replace(/\s+/g, ' ')
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2)
    out.set(g, (out.get(g) ?? 0) + 1)
  }
  return out
}

export function dice(a: string, b: string) {
  if (a === b) return 1
  const x = bigrams(a)
  const y = bigrams(b)
  let inter = 0
  let total = 0
  for (const [g, n] of x) {
    inter += Math.min(n, y.get(g) ?? 0)
    total += n
  }
  for (const n of y.values()) total += n
  return total ? (2 * inter) / total : 0
}

function occurrences(text: string, needle: string) {
  const out: number[] = []
  if (!needle) return out
  for (let at = text.indexOf(needle); at !== -1 && out.length < MAX_OCCURRENCES; at = text.indexOf(needle, at + 1)) out.push(at)
  return out
}

/** How much of the quote's prefix and suffix agree with the text around a candidate span. */
function contextScore(body: string, start: number, end: number, quote: TextQuoteSelector) {
  let score = 0
  const before = body.slice(Math.max(0, start - quote.prefix.length), start)
  for (let i = 1; i <= Math.min(before.length, quote.prefix.length) && before[before.length - i] === quote.prefix[quote.prefix.length - i]; i++) score++
  const after = body.slice(end, end + quote.suffix.length)
  for (let i = 0; i < Math.min(after.length, quote.suffix.length) && after[i] === quote.suffix[i]; i++) score++
  return score
}

/**
 * Places claims in an edited article body from their W3C TextQuote selectors: the exact quote
 * where it still appears (its prefix and suffix, then nearness to the old position, choose among
 * repeats), else a nearby span that starts and ends like the quote and is at least
 * FUZZY_THRESHOLD similar to it; otherwise the claim is orphaned — never dropped.
 */
export function reanchorClaims(oldBody: string, newBody: string, anchors: AnchorInput[]): AnchorResult[] {
  const scale = oldBody.length ? newBody.length / oldBody.length : 1
  return anchors.map((a) => {
    const { exact } = a.quote
    if (newBody.slice(a.start, a.end) === exact && contextScore(newBody, a.start, a.end, a.quote) === a.quote.prefix.length + a.quote.suffix.length) {
      return { id: a.id, start: a.start, end: a.end, how: 'unchanged' as const }
    }
    const expected = Math.round(a.start * scale)
    const exactHits = occurrences(newBody, exact)
    if (exactHits.length) {
      let best = exactHits[0]!
      let bestScore = -Infinity
      for (const at of exactHits) {
        const score = contextScore(newBody, at, at + exact.length, a.quote) * 1000 - Math.abs(at - expected)
        if (score > bestScore) {
          best = at
          bestScore = score
        }
      }
      return { id: a.id, start: best, end: best + exact.length, how: 'exact' as const }
    }
    // Tolerant: find where the quote's beginning and end still stand, nearest the old position.
    const head = exact.slice(0, Math.min(PROBE, Math.floor(exact.length / 2)))
    const tail = exact.slice(Math.max(exact.length - PROBE, Math.ceil(exact.length / 2)))
    const heads = occurrences(newBody, head)
    const tails = occurrences(newBody, tail)
    let found: { start: number; end: number; sim: number } | null = null
    const window = Math.max(200, exact.length * 2)
    for (const h of heads) {
      if (Math.abs(h - expected) > Math.max(window, newBody.length * 0.25)) continue
      for (const t of tails) {
        const end = t + tail.length
        if (t < h + head.length - 1 || end - h > exact.length * 1.5 + 20 || end - h < exact.length * 0.5) continue
        const sim = dice(exact, newBody.slice(h, end))
        if (sim >= FUZZY_THRESHOLD && (!found || sim > found.sim)) found = { start: h, end, sim }
      }
    }
    if (!found) {
      // The beginning or the end was edited: try a span of the same length from whichever survived.
      const starts = [...heads.map((h) => h), ...tails.map((t) => t + tail.length - exact.length)]
      for (const s of starts) {
        if (s < 0) continue
        for (const len of [exact.length, Math.round(exact.length * 0.9), Math.round(exact.length * 1.1)]) {
          const sim = dice(exact, newBody.slice(s, s + len))
          if (sim >= FUZZY_THRESHOLD && (!found || sim > found.sim)) found = { start: s, end: Math.min(newBody.length, s + len), sim }
        }
      }
    }
    return found ? { id: a.id, start: found.start, end: found.end, how: 'fuzzy' as const } : { id: a.id, orphaned: true as const }
  })
}

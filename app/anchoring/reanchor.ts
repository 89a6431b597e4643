import type { TextQuoteSelector } from './text-quote'

export type AnchorInput = { id: number; start: number; end: number; quote: TextQuoteSelector }
export type AnchorResult =
  | { id: number; start: number; end: number; how: 'unchanged' | 'exact' | 'normalized' | 'fuzzy' }
  | { id: number; orphaned: true }

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

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * `text` in Unicode NFC, with a map from NFC offsets back to UTF-16 offsets of `text`. ASCII
 * stretches are copied as they are; the rest is normalised one grapheme cluster at a time (a
 * composed or decomposed accent stays within its cluster), so every cluster boundary maps back
 * exactly. An offset inside a cluster maps to the cluster's start.
 */
export function normalizedView(text: string) {
  // Breakpoints: [nfc offset, original offset, copied (1) or normalised (0)].
  const nfcAt: number[] = []
  const originalAt: number[] = []
  const copied: boolean[] = []
  let nfc = ''
  const mark = (original: number, isCopy: boolean) => {
    nfcAt.push(nfc.length)
    originalAt.push(original)
    copied.push(isCopy)
  }
  let last = 0
  for (const m of text.matchAll(/[^\x00-\x7f]+/g)) {
    // The character before a run may be the base of a combining mark in it.
    const start = Math.max(last, m.index - 1)
    mark(last, true)
    nfc += text.slice(last, start)
    for (const g of graphemes.segment(text.slice(start, m.index + m[0].length))) {
      mark(start + g.index, false)
      nfc += g.segment.normalize('NFC')
    }
    last = m.index + m[0].length
  }
  mark(last, true)
  nfc += text.slice(last)
  mark(text.length, false)
  const toOriginal = (offset: number) => {
    let lo = 0
    let hi = nfcAt.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (nfcAt[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return copied[lo] ? originalAt[lo]! + (offset - nfcAt[lo]!) : originalAt[lo]!
  }
  return { nfc, toOriginal }
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
 * repeats), else the same words in another Unicode normalisation, else a nearby span that starts and ends like the quote and is at least
 * FUZZY_THRESHOLD similar to it; otherwise the claim is orphaned — never dropped.
 */
export function reanchorClaims(oldBody: string, newBody: string, anchors: AnchorInput[]): AnchorResult[] {
  const scale = oldBody.length ? newBody.length / oldBody.length : 1
  let view: ReturnType<typeof normalizedView> | undefined
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
    // The same words in another Unicode normalisation (an accent composed or decomposed): match
    // in NFC and map the span back to the new body's own code units.
    if (/[^\x00-\x7f]/.test(exact) || /[^\x00-\x7f]/.test(newBody)) {
      view ??= normalizedView(newBody)
      const nfcQuote = { exact: exact.normalize('NFC'), prefix: a.quote.prefix.normalize('NFC'), suffix: a.quote.suffix.normalize('NFC') }
      const hits = occurrences(view.nfc, nfcQuote.exact)
      if (hits.length) {
        let best = hits[0]!
        let bestScore = -Infinity
        for (const at of hits) {
          const score = contextScore(view.nfc, at, at + nfcQuote.exact.length, nfcQuote) * 1000 - Math.abs(view.toOriginal(at) - expected)
          if (score > bestScore) {
            best = at
            bestScore = score
          }
        }
        return { id: a.id, start: view.toOriginal(best), end: view.toOriginal(best + nfcQuote.exact.length), how: 'normalized' as const }
      }
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

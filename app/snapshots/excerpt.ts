/**
 * Finding a reviewer's excerpt in a source's text. Typing or pasting changes characters that do
 * not change what was said, so both sides are compared after folding: runs of whitespace become one
 * space, curly and straight quote marks are one mark, the dash family is one hyphen (with any
 * spacing around it), an ellipsis is three dots, and invisible characters (soft hyphens, zero-width
 * spaces) are dropped. Letters, digits and their case must match exactly: a changed word is not found.
 */

const SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/
const DOUBLE_QUOTES = /["\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/
const DASHES = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/
const SPACE = /\s/

type Folded = { text: string; /** For each folded character, where it starts in the original. */ from: number[]; /** …and where it ends. */ to: number[] }

export function foldForMatching(input: string): Folded {
  const out: string[] = []
  const from: number[] = []
  const to: number[] = []
  const push = (ch: string, start: number, end: number) => {
    out.push(ch)
    from.push(start)
    to.push(end)
  }
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!
    if (INVISIBLE.test(ch)) continue
    if (SPACE.test(ch)) {
      // A space after a dash, or a repeated one, adds nothing.
      const last = out[out.length - 1]
      if (last === ' ' || last === '-' || out.length === 0) continue
      push(' ', i, i + 1)
      continue
    }
    if (DASHES.test(ch)) {
      // A space before a dash is dropped too: "a - b", "a—b" and "a – b" fold alike.
      if (out[out.length - 1] === ' ') {
        out.pop()
        from.pop()
        to.pop()
      }
      push('-', i, i + 1)
      continue
    }
    if (ch === '\u2026') {
      for (let k = 0; k < 3; k++) push('.', i, i + 1)
      continue
    }
    if (SINGLE_QUOTES.test(ch)) push("'", i, i + 1)
    else if (DOUBLE_QUOTES.test(ch)) push('"', i, i + 1)
    else push(ch, i, i + 1)
  }
  if (out[out.length - 1] === ' ') {
    out.pop()
    from.pop()
    to.pop()
  }
  return { text: out.join(''), from, to }
}

export type ExcerptMatch = { start: number; end: number }

/** Where the excerpt occurs in the text (UTF-16 offsets into `text`), or null if it does not. */
export function findExcerpt(text: string, excerpt: string): ExcerptMatch | null {
  const needle = foldForMatching(excerpt).text
  if (!needle) return null
  const hay = foldForMatching(text)
  const at = hay.text.indexOf(needle)
  if (at === -1) return null
  return { start: hay.from[at]!, end: hay.to[at + needle.length - 1]! }
}

export type ExcerptInContext = { before: string; match: string; after: string }

/** The match with up to `width` characters either side, cut at word boundaries, with ellipses. */
export function excerptInContext(text: string, match: ExcerptMatch, width = 160): ExcerptInContext {
  let start = Math.max(0, match.start - width)
  let end = Math.min(text.length, match.end + width)
  if (start > 0) {
    const space = text.indexOf(' ', start)
    if (space !== -1 && space < match.start) start = space + 1
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > match.end) end = space
  }
  return {
    before: (start > 0 ? '…' : '') + text.slice(start, match.start),
    match: text.slice(match.start, match.end),
    after: text.slice(match.end, end) + (end < text.length ? '…' : ''),
  }
}

/** Sentence segmentation with news-text knowledge: abbreviations, titles, initials, quotes, lists. */

export type Span = { start: number; end: number }
export type SentenceSpan = Span & { heading: boolean }

/** Words that end with a period without ending a sentence (lower-cased, without the period). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen maj col lt sgt capt cpl adm gov sen rep rev hon pres supt insp det cmdr brig ' +
    'st jr sr no nos inc ltd co corp bros dept est approx fig vol vs etc al ave blvd rd mt ft op ed eds ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'e.g i.e u.s u.k u.n u.s.a e.u d.c a.m p.m ph.d b.a m.a ca cf pp'
  ).split(' '),
)
/** Abbreviations that usually precede a number or name, so a following capital does not start a sentence. */
const PREFIX_ABBREVIATIONS = new Set('mr mrs ms dr prof gen maj col lt sgt capt cpl adm gov sen rep rev hon pres supt insp det cmdr brig st no nos mt ft fig vol op'.split(' '))

const TERMINATORS = new Set(['.', '!', '?', '。', '！', '？', '؟', '۔', '…'])
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '」', '』'])
const BULLET = /^\s*(?:[-*•‣◦▪–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+/

function isSpace(ch: string) {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\r' || ch === '\n' || ch === '\f' || ch === '\v'
}

function isUpperStart(ch: string | undefined) {
  if (!ch) return false
  return ch !== ch.toLowerCase() || /[0-9"“‘'`(\[«¿¡]/.test(ch)
}

/** The word (letters and inner periods) that ends just before position `dot`. */
function wordBefore(text: string, dot: number) {
  let i = dot - 1
  while (i >= 0 && (/[\p{L}\p{N}]/u.test(text[i]!) || text[i] === '.')) i--
  return text.slice(i + 1, dot)
}

function isAbbreviation(word: string) {
  const w = word.toLowerCase()
  if (ABBREVIATIONS.has(w)) return true
  // Initials and dotted acronyms: "J.", "U.S", "N.V"
  if (/^\p{L}$/u.test(word)) return true
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true
  return false
}

/**
 * Splits one line (no newlines) into sentence spans. Linear in the line length.
 */
function splitLine(text: string, lineStart: number, lineEnd: number, out: Span[]) {
  let start = lineStart
  while (start < lineEnd && isSpace(text[start]!)) start++
  let i = start
  // Inside a quotation a full stop does not end the sentence ("He said: "We will win. We always
  // do." Then he left." is two sentences). An unclosed quote stops counting after 600 characters.
  let quoteOpenedAt = -1
  while (i < lineEnd) {
    const ch = text[i]!
    if (ch === '“' || ch === '«' || (ch === '"' && quoteOpenedAt === -1)) {
      quoteOpenedAt = i
      i++
      continue
    }
    if (ch === '”' || ch === '»' || ch === '"') {
      quoteOpenedAt = -1
      if (i > start && TERMINATORS.has(text[i - 1]!)) {
        // a quote that closes right after a terminator may end the sentence: handled below
      } else {
        i++
        continue
      }
    } else if (!TERMINATORS.has(ch)) {
      i++
      continue
    }
    if (quoteOpenedAt !== -1 && i - quoteOpenedAt < 600) {
      i++
      continue
    }
    if (!TERMINATORS.has(text[i]!)) {
      // a closing quote after a terminator: treat the terminator as the candidate boundary
      i = i - 1
    }
    let end = i + 1
    while (end < lineEnd && (TERMINATORS.has(text[end]!) || CLOSERS.has(text[end]!))) end++
    if (end >= lineEnd) break
    if (!isSpace(text[end]!)) {
      // "3.5", "U.S.-led", "example.com" — not a boundary
      i = end
      continue
    }
    let next = end
    while (next < lineEnd && isSpace(text[next]!)) next++
    if (next >= lineEnd) break
    if (ch === '.') {
      const word = wordBefore(text, i)
      if (isAbbreviation(word)) {
        const lower = word.toLowerCase()
        // "Dr. Smith", "No. 5", "Maj. Gen. Tahhan": never a boundary. Other abbreviations
        // ("Inc.", "U.S.") end a sentence only when a capitalised word follows.
        if (PREFIX_ABBREVIATIONS.has(lower) || /^\p{L}$/u.test(word) || !isUpperStart(text[next]) || text[next] === '(') {
          i = end
          continue
        }
        // ("Apple Inc. CEO Steve Jobs" reads on in the same way)
        if (/^(?:u\.s|u\.k|u\.n|inc|corp|ltd|co|plc|llc)$/.test(lower) && /^[A-Z]/.test(text.slice(next, next + 1))) {
          // "the U.S. Army" reads on; "in the U.S. The …" is taken as a boundary only before common sentence starters
          const following = /^\p{L}+/u.exec(text.slice(next, next + 20))?.[0] ?? ''
          if (!/^(The|A|An|It|Its|He|She|They|Their|We|I|This|That|These|Those|In|On|At|But|And|However|Shares)$/.test(following)) {
            i = end
            continue
          }
        }
      }
    }
    if (!isUpperStart(text[next]) && !/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Han}]/u.test(text[next]!)) {
      i = end
      continue
    }
    out.push({ start, end })
    start = next
    i = next
  }
  let end = lineEnd
  while (end > start && isSpace(text[end - 1]!)) end--
  if (end > start) out.push({ start, end })
}

/** A short line with no closing punctuation and no verb-like word reads as a headline or heading. */
export function looksLikeHeading(line: string) {
  const trimmed = line.trim()
  if (!trimmed || /[.!?:;。？！؟…](?:["”’)»]|'')?$/.test(trimmed)) return false
  const words = trimmed.split(/\s+/)
  if (words.length > 14) return false
  if (BULLET.test(line)) return false
  // Headlines are often full clauses without a period ("Council approves new bridge"); they are
  // still headings when the line stands alone. Capitalised title-case or few words decide it.
  return true
}

/**
 * Splits `text` into sentences. Newlines always end a sentence (news bodies put paragraphs,
 * headings and list items on their own lines). Offsets are UTF-16 indices into `text`.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = []
  let lineStart = 0
  const length = text.length
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = length
    const spans: Span[] = []
    splitLine(text, lineStart, lineEnd, spans)
    // A headline is one unit even where a period inside it looks like a boundary ("Apple Inc. CEO Steve Jobs on medical leave").
    if (spans.length > 1 && looksLikeHeading(text.slice(lineStart, lineEnd))) spans.splice(0, spans.length, { start: spans[0]!.start, end: spans[spans.length - 1]!.end })
    const heading = spans.length === 1 && looksLikeHeading(text.slice(lineStart, lineEnd))
    for (const s of spans) out.push({ ...s, heading })
    if (lineEnd === length) break
    lineStart = lineEnd + 1
  }
  return out
}

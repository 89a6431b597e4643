/**
 * The claim-extraction pipeline: text in, sentences and atomic claims out. Pure and
 * deterministic — no I/O — so it runs the same in the server, the CLI, a worker and tests.
 * All offsets are UTF-16 indices into the input exactly as given.
 */
import { scoreCheckworthiness, CHECKWORTHY_THRESHOLD } from './checkworthiness'
import { claimTypes, type ClaimType } from './claim-types'
import { escapeRegExp, splitClaims } from './claims'
import { isComparison, newDiscourse, observe, OPENS_QUOTE, quoteBalance, resolveOpening, settingOf, TIME_REACH, withTime, type AddedContext } from './context'
import { findDates, parseReference, type DateMention } from './dates'
import { findAttribution, findEntities, findQuotes, type Attribution, type EntityMention, type QuoteMention } from './entities'
import { findNumbers, type NumberMention } from './numbers'
import { splitPropositions, type Proposition } from './propositions'
import { splitSentences } from './sentences'
import { isFiniteVerb, isVerbal, reportedTense, tag, tenseOf, tokensWithin, type Token } from './tagger'

export type ExtractOptions = {
  published?: string /* YYYY-MM-DD, anchors relative dates */
}
export type ExtractedDate = DateMention
export type ExtractedEntity = EntityMention
export type ExtractedNumber = NumberMention
export type ExtractedQuote = QuoteMention
export type { AddedContext, Attribution, ClaimType, Proposition }
export type ExtractedSentence = {
  start: number
  end: number
  text: string
  checkworthiness: number
  heading?: boolean
}
export type ExtractedClaim = {
  text: string
  start: number
  end: number
  /** Index into `sentences`. */
  sentence: number
  checkworthiness: number
  reasons: string[]
  dates: ExtractedDate[]
  entities: ExtractedEntity[]
  numbers: ExtractedNumber[]
  quotes: ExtractedQuote[]
  attribution: Attribution | null
  /** What the claim asserts, one fact at a time; each part is a span of the input. */
  propositions: Proposition[]
  /** What was put into (or left out of) `text` to make it readable alone. */
  context: AddedContext[]
  /** Full Fact's kinds of claim that this one is. */
  types: ClaimType[]
}
export type ExtractionResult = {
  sentences: ExtractedSentence[]
  claims: ExtractedClaim[]
}

export { CHECKWORTHY_THRESHOLD, scoreCheckworthiness }

/** Nouns that name a figure a results story reports ("the losses", "its revenue", "the increase"). */
const FIGURE_NOUN = /^(?:loss|losses|profit|profits|revenue|revenues|sales|earnings|income|increase|increases|decrease|decline|drop|fall|rise|gain|gains|growth|deficit|surplus|figure|figures|result|results)$/

/**
 * Whether a clause's subject is a definite description of a figure named before ("According to the
 * bank, the losses are …", "Its revenue is …").
 */
function refersToFigure(tokens: Token[]): boolean {
  let i = 0
  // past a lead-in set off by a comma ("According to the bank,")
  const comma = tokens.findIndex((t) => t.text === ',')
  if (comma > 0 && comma < 8 && tokens[0]!.lower === 'according') i = comma + 1
  if (!/^(?:the|its|their)$/.test(tokens[i]?.lower ?? '')) return false
  i++
  while (tokens[i]?.pos === 'ADJ') i++
  return FIGURE_NOUN.test(tokens[i]?.lower ?? '') && isVerbal(tokens[i + 1])
}

/** Intention, hope and prediction: kept when they carry a checkable fact, but scored low. */
const HEDGED =
  /\b(?:aims? to|aimed to|hopes? to|plans? to|intends? to|wants? to|seeks? to|expressed (?:interest|hope|concern)|could|might|may|would|is expected to|are expected to|is likely to|will)\b/i
const MIN_CLAIM_WORDS = 4
const BARE_MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/
const MAX_SENTENCE_FOR_SPLIT = 2000

function shift<T extends { start: number; end: number }>(items: T[], by: number): T[] {
  return items.map((x) => ({ ...x, start: x.start + by, end: x.end + by }))
}

function within<T extends { start: number; end: number }>(items: T[], start: number, end: number) {
  return items.filter((x) => x.start >= start && x.end <= end)
}

/** Extracts sentences and atomic claims, with facets and check-worthiness, from an article. */
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  const reference = parseReference(options.published)
  const spans = splitSentences(text)
  const allDates = findDates(text, reference)
  const tokens = tag(text)
  const discourse = newDiscourse(text)
  let tokenCursor = 0
  const sentences: ExtractedSentence[] = []
  const claims: ExtractedClaim[] = []
  let dateCursor = 0
  const speakerAhead = speakersNamedAfter(text, spans)

  spans.forEach((span, index) => {
    const sentenceText = text.slice(span.start, span.end)
    const words = sentenceText.split(/\s+/).filter(Boolean).length
    const scored = span.heading ? { score: 0.05, reasons: ['− headline or section heading'] } : scoreCheckworthiness(sentenceText)
    sentences.push({
      start: span.start,
      end: span.end,
      text: sentenceText,
      checkworthiness: scored.score,
      ...(span.heading ? { heading: true } : {}),
    })

    while (dateCursor < allDates.length && allDates[dateCursor]!.end <= span.start) dateCursor++
    const dates: DateMention[] = []
    for (let k = dateCursor; k < allDates.length && allDates[k]!.start < span.end; k++) {
      if (allDates[k]!.end <= span.end) dates.push(allDates[k]!)
    }
    while (tokenCursor < tokens.length && tokens[tokenCursor]!.start < span.start) tokenCursor++
    const sentenceTokens = tokensWithin(tokens, span.start, span.end, tokenCursor)
    if (span.heading || words < MIN_CLAIM_WORDS) {
      discourse.sentence++
      return
    }

    const quotes = shift(findQuotes(sentenceText), span.start)
    const toldDay = discourse.time && discourse.sentence - discourse.time.sentence <= 2 && /^\d{4}-\d{2}-\d{2}$/.test(discourse.time.date.value) ? discourse.time.date.value : null
    // the tense told outside quotation marks (a quotation's present tense is the speaker's)
    const toldTense = tenseOf(outsideQuotes(sentenceTokens, sentenceText))
    if (dates.length) readInSentence(dates, text, { reference, past: toldTense === 'past', quotes, toldDay })
    const relDates = shift(dates, -span.start)
    const numbers = shift(findNumbers(sentenceText, relDates), span.start)
    const entities = shift(findEntities(sentenceText), span.start)
    const attr = findAttribution(sentenceText)
    const attribution = attr ? { ...attr, start: attr.start + span.start, end: attr.end + span.start } : null

    const clauses =
      sentenceText.length > MAX_SENTENCE_FOR_SPLIT
        ? [
            {
              start: 0,
              end: sentenceText.length,
              text: sentenceText.trim(),
              via: 'sentence' as const,
            },
          ]
        : splitClaims(sentenceText, sentenceTokens)
    // Each proposition goes to the claim holding its last (most specific) part.
    const propositions =
      sentenceText.length > MAX_SENTENCE_FOR_SPLIT
        ? []
        : splitPropositions(sentenceText, sentenceTokens).map((p) => ({
            text: p.text.replace(/``/g, '“').replace(/''/g, '”'),
            parts: shift(p.parts, span.start),
          }))
    const owner = (p: Proposition) => {
      const last = p.parts[p.parts.length - 1]!
      const k = clauses.findIndex((c) => last.start < span.start + c.end && last.end > span.start + c.start)
      return k < 0 ? 0 : k
    }
    const owners = propositions.map(owner)
    // A quotation left open goes on in this sentence only if it reads as speech: it closes the
    // quotation or speaks in the first or second person (articles leave quotes unclosed).
    // “…,” said Angers. “We need …”: a quotation opened with no speaker of its own, right after
    // one that had a speaker, is that speaker's.
    // Not when the quotation closes before the sentence ends: its speaker follows it ("…,” enthused X).
    if (discourse.openQuoteSpeaker === null && !attribution && discourse.lastQuoted && OPENS_QUOTE.test(sentenceText) && !/(?:[”"]|'')\s*,?\s*[\p{L}]/u.test(sentenceText.slice(1)))
      discourse.openQuoteSpeaker = discourse.lastQuoted
    const namedAfter = attribution ? undefined : speakerAhead.get(index)
    if (namedAfter) discourse.openQuoteSpeaker = namedAfter
    const continuesQuote =
      discourse.openQuoteSpeaker !== null && !attribution && (!!namedAfter || /(?:[”"»]|'')\s*$/.test(sentenceText) || /\b(?:I|we|our|us|my|me|you|your)\b/i.test(sentenceText))
    if (discourse.openQuoteSpeaker !== null && !continuesQuote) discourse.openQuoteSpeaker = null
    // "“…,” he said": the person the last sentences were about
    const pronounSpeaker =
      attribution && /^(?:he|she)$/i.test(attribution.source)
        ? ((discourse.protagonist && discourse.sentence - discourse.protagonist.sentence <= 3 ? discourse.protagonist.name : discourse.people[discourse.people.length - 1]?.name) ?? null)
        : null
    clauses.forEach((clause, k) => {
      const start = span.start + clause.start
      const end = span.start + clause.end
      const own = clauses.length === 1 ? scored : scoreCheckworthiness(clause.text)
      let score = clauses.length === 1 ? scored.score : Math.round(((own.score + scored.score) / 2) * 1000) / 1000
      const reasons = [...own.reasons]
      if (clauses.length > 1) reasons.push(`split from a compound sentence (${clause.via.replace('-', ' ')})`)
      if (HEDGED.test(clause.text)) {
        score = Math.round(score * 0.5 * 1000) / 1000
        reasons.push('− intention, hope or prediction: only the factual part is checkable')
      }
      // A stretch without a finite verb is a fragment (a caption, a list, a broken sentence), not a claim to check.
      const ownTokens = sentenceTokens.filter((t) => t.start >= clause.start && t.end <= clause.end)
      if (!ownTokens.some((_, i) => isFiniteVerb(ownTokens, i)) && clause.via !== 'absolute' && clause.via !== 'participle') {
        score = Math.round(score * 0.3 * 1000) / 1000
        reasons.push('− not a full sentence (no finite verb)')
      }
      // Dates carried into the claim's text from the sentence's leading context count as its own.
      const carried = clause.text.length > 0 && clause.start > 0 ? dates.filter((d) => d.end <= start && clause.text.includes(d.text)) : []
      const opening = resolveOpening(clause.text, discourse, { continuesQuote: continuesQuote && k === 0 })
      const context: AddedContext[] = [...(clause.carried ?? []).map((c) => ({ kind: 'shared' as const, text: c })), ...opening.added]
      // A past event with no date of its own happened at the time the sentence, or the article
      // just before it, is telling about.
      let claimText = opening.text
      // "I want to thank our teams …,” said Tom Enders.": the end of a quotation opened in an earlier sentence
      // reads as the speaker's words ("Tom Enders said: “I want to thank our teams …”")
      const speakerNamed = attribution && /^(?:he|she)$/i.test(attribution.source) ? (pronounSpeaker ? { ...attribution, source: pronounSpeaker } : null) : attribution
      const closed = clauses.length === 1 && speakerNamed && !continuesQuote ? closingQuotation(claimText, speakerNamed) : null
      if (closed) {
        claimText = closed
        if (speakerNamed !== attribution) context.push({ kind: 'referent', text: speakerNamed!.source, replaces: attribution!.source })
      }
      // (only dates the claim's words state: "Mayor Ana Ruiz said …" split from ", who proposed the plan last year," does not say "last year")
      const ownWords = clauses.length > 1 ? claimText.toLowerCase() : null
      const claimDates = [...carried, ...within(dates, start, end).filter((d) => ownWords === null || ownWords.includes(d.text.toLowerCase()))]
      // A clause given words from elsewhere in the sentence ("The sources claimed that X …") is
      // read as its text says it.
      const textTokens = claimDates.length ? ownTokens : clause.carried?.length || clause.via === 'absolute' || clause.via === 'participle' ? tag(claimText) : ownTokens
      const told = claimDates.length ? null : reportedTense(textTokens)
      // ("the losses are equal to 26 cents a share": a figure named before, told in the present, is
      // still the figure of the time it was named for, in the sentence right after it)
      const figure = told?.tense === 'present' && !told.at && refersToFigure(textTokens)
      if (told && !(continuesQuote && k === 0) && !/^[“"'‘`]/.test(claimText) && textTokens[0]?.pos !== 'ADP' && (told.tense === 'past' || figure)) {
        const elsewhere = settingOf(dates.filter((d) => d.end <= start || d.start >= end), text)
        const time = elsewhere ?? (discourse.time && discourse.sentence - discourse.time.sentence <= (figure ? 1 : TIME_REACH) ? discourse.time : null)
        // a past event did not happen after the article was published ("tomorrow")
        const setting = time && options.published && /^\d{4}(?:-\d{2}){0,2}$/.test(time.date.value) && time.date.value > options.published.slice(0, time.date.value.length) ? null : time
        // "Ford said that total sales improved": the time goes with what was said, after "that"
        // (without a "that" it would read as the time of saying, so none is put in)
        // (nor into a state said to hold, "said that he was not used to …": only an event verb)
        const innerVerb = textTokens.slice(told.at).find((t, i, rest) => isFiniteVerb(rest, i))
        const verb = told.at > 1 && textTokens[told.at - 1]!.lower === 'that' && innerVerb?.pos === 'VERB' ? textTokens[told.at - 2] : undefined
        const said = verb ? new RegExp(`\\b${escapeRegExp(verb.text)} that (?=${escapeRegExp(textTokens[told.at]?.text ?? '')})`).exec(claimText) : null
        if (setting && (told.at === 0 || said)) {
          if (!said) {
            claimText = withTime(claimText, setting, text, { name: opening.added.some((a) => a.kind === 'referent' && claimText.startsWith(a.text) && !/^The\s/.test(a.text)) })
            context.push({ kind: 'time', text: claimText.slice(0, setting.words.length) })
          } else {
            const after = said.index + said[0].length
            claimText = `${claimText.slice(0, after)}${setting.words} ${claimText.slice(after)}`
            context.push({ kind: 'time', text: setting.words })
          }
          claimDates.push(setting.date)
        }
      }
      // A speaker belongs to the claims that say what was said: the one holding the attribution,
      // or one the speaker was carried into.
      const ownAttribution =
        attribution && ((attribution.start >= start && attribution.end <= end) || attribution.verb === 'according to' || clauses.length === 1 || (clause.carried ?? []).some((c) => c.includes(attribution.source)))
          ? attribution
          : opening.added.find((a) => a.kind === 'speaker')
          ? { source: opening.added.find((a) => a.kind === 'speaker')!.text, verb: 'said', start, end: start }
          : null
      if (pronounSpeaker && attribution && attribution.start >= start && attribution.end <= end) {
        const said = new RegExp(`\\b${attribution.source} (${attribution.verb})\\b|\\b(${attribution.verb}) ${attribution.source}\\b`)
        if (said.test(claimText)) {
          claimText = claimText.replace(said, (m, v1?: string, v2?: string) => (v1 ? `${pronounSpeaker} ${v1}` : `${v2} ${pronounSpeaker}`))
          context.push({ kind: 'referent', text: pronounSpeaker, replaces: attribution.source })
        }
      }
      claims.push({
        text: claimText.replace(/^''/, '“').replace(/``/g, '“').replace(/''/g, '”'),
        start,
        end,
        sentence: index,
        checkworthiness: score,
        reasons,
        dates: claimDates,
        entities: within(entities, start, end),
        numbers: within(numbers, start, end),
        quotes: quotes.filter((q) => q.start < end && q.end > start),
        attribution: ownAttribution,
        propositions: propositions.filter((_, i) => owners[i] === k),
        context,
        types: claimTypes(claimText, within(numbers, start, end), quotes.some((q) => q.start < end && q.end > start) || opening.added.some((a) => a.kind === 'speaker')),
      })
    })
    const speaker = attribution ? (/^(?:he|she)$/i.test(attribution.source) ? pronounSpeaker : attribution.source) : null
    const setting = settingOf(dates, text)
    if (setting) discourse.time = { ...setting, sentence: discourse.sentence }
    // A sentence about now, or about another year, ends the time told about; a quotation's
    // present tense is the speaker's ("“The market is starting to show signs of life,” said X"),
    // so only the words outside quotation marks count.
    else if (toldTense === 'present' || dates.some((d) => /^\d{4}$/.test(d.value) && d.value !== discourse.time?.date.value.slice(0, 4) && !isComparison(d, text))) discourse.time = null
    observe(discourse, sentenceText, sentenceTokens, entities, speaker, span.start)
  })
  return { sentences, claims }
}

/**
 * Dates of one sentence read with what the sentence tells (in place):
 * - "The chairman resigned in November", published in February: a month named in a sentence told
 *   in the past, or after "since", later in the year than publication, is last year's;
 * - '“Today we chose a future,” he said after the vote' (the vote told on Tuesday): a "today" or
 *   "now" quoted is the day the article is telling about, when it named one just before.
 */
function readInSentence(dates: DateMention[], text: string, { reference, past, quotes, toldDay }: { reference: { y: number; m: number; d: number } | null; past: boolean; quotes: QuoteMention[]; toldDay: string | null }) {
  if (!reference) return
  const published = `${reference.y}-${String(reference.m).padStart(2, '0')}-${String(reference.d).padStart(2, '0')}`
  dates.forEach((d, k) => {
    const month = /^\d{4}-(\d{2})$/.exec(d.value)
    // ("has been trying since December", published in June: "since" looks back, whatever the tense)
    const since = /\bsince\s+$/i.test(text.slice(Math.max(0, d.start - 7), d.start))
    if ((past || since) && month && BARE_MONTH.test(d.text) && d.value.startsWith(String(reference.y)) && +month[1]! > reference.m) dates[k] = { ...d, value: `${reference.y - 1}-${month[1]}` }
    else if (toldDay && toldDay < published && /^(?:today|now|tonight)$/i.test(d.text) && quotes.some((q) => d.start >= q.start && d.end <= q.end)) dates[k] = { ...d, value: toldDay }
  })
}

/** A sentence ending a quotation opened before it, then naming the speaker: the speaker's words with the marks balanced. */
function closingQuotation(sentence: string, said: Attribution): string | null {
  if (OPENS_QUOTE.test(sentence) || quoteBalance(sentence) >= 0) return null
  const close = /^([^“”"]*?[^\s,])\s*,?\s*(?:”|''|")\s*,?\s*/.exec(sentence)
  if (!close || said.start < close[0].length || /^(?:he|she|they|it)$/i.test(said.source)) return null
  const words = close[1]!.replace(/[,;:]$/, '')
  return `${said.source} ${said.verb}: “${words}${/[.!?]$/.test(words) ? '' : '.'}”`
}

/**
 * "“This is a major milestone … . I want to thank our teams …,” said Tom Enders.": a quotation
 * that opens a sentence without a speaker and is closed, within three sentences, by one naming
 * its speaker after it is that speaker's in every sentence before the closing one.
 */
function speakersNamedAfter(text: string, spans: { start: number; end: number }[]): Map<number, string> {
  const out = new Map<number, string>()
  for (let i = 0; i < spans.length; i++) {
    const opening = text.slice(spans[i]!.start, spans[i]!.end)
    if (!OPENS_QUOTE.test(opening) || quoteBalance(opening) <= 0 || findAttribution(opening)) continue
    for (let j = i + 1; j < Math.min(spans.length, i + 4); j++) {
      const closing = text.slice(spans[j]!.start, spans[j]!.end)
      const balance = quoteBalance(closing)
      if (balance > 0 || OPENS_QUOTE.test(closing)) break
      if (balance === 0) continue
      const mark = Math.max(closing.lastIndexOf('”'), closing.lastIndexOf("''"), closing.lastIndexOf('"'))
      const said = findAttribution(closing)
      if (said && said.start > mark && !/^(?:he|she|they|it)$/i.test(said.source)) for (let k = i; k < j; k++) out.set(k, said.source)
      break
    }
  }
  return out
}

/** The tokens of a sentence (offsets within it) outside its quotation marks (``…'' and “…” included; one left open runs to the end). */
function outsideQuotes(tokens: Token[], sentence: string): Token[] {
  const quoted: [number, number][] = []
  for (const m of sentence.matchAll(/(?:``|“|")[^]*?(?:''|”|"|$)/g)) quoted.push([m.index, m.index + m[0].length])
  return quoted.length ? tokens.filter((t) => !quoted.some(([a, b]) => t.start >= a && t.end <= b)) : tokens
}

/**
 * Splitting a sentence into atomic, separately checkable claims, from part-of-speech tags.
 *
 * Precision first: a sentence is cut only where every part is a clause with its own subject and
 * finite verb (or a coordinated verb phrase that shares the sentence's subject, which is then
 * repeated), and never inside a quotation, "between … and", "both … and" or "either … or". A
 * list of figures that share one verb ("cut 1,200 jobs in Lyon, 800 in Turin and 300 in Porto")
 * is distributed, one claim per figure. Each clause keeps its own span of the sentence; its
 * `text` is made self-contained by carrying the shared context (a sentence-initial date or place
 * phrase, a shared subject, the speaker of a report) and by rewriting absolute constructions
 * ("with implementation completed in October 2021" → "Implementation was completed in October 2021").
 */
import { isFiniteVerb, isNominal, isPastForm, isReporting, isVerbal, pastOf, presentOf, tag, tenseOf, type Token } from './tagger'

export type Clause = {
  /** Offsets relative to the sentence. */
  start: number
  end: number
  text: string
  /** How the clause was found, for the check-worthiness reasons. */
  via: 'sentence' | 'semicolon' | 'absolute' | 'coordination' | 'shared-subject' | 'contrast' | 'relative' | 'participle' | 'distributed' | 'earlier-figure'
  /** Words carried into `text` from elsewhere in the sentence. */
  carried?: string[]
}

const MIN_WORDS = 4
const PAST_PARTICIPLE =
  '(?:[a-z]+ed|done|made|set|held|built|paid|cut|won|lost|given|taken|begun|grown|known|shown|seen|sold|sent|spent|led|met|kept|found|brought|written|chosen|broken|spoken|driven|risen|fallen)'
/** Sentence-initial context that scopes a clause: "In June 2021,", "On Tuesday,", "In Marrakech,". */
const LEADING_CONTEXT =
  /^((?:In|On|By|During|Since|Until|Last|This|Earlier|Later|At|From|After|Before|Following|Under|Amid|Despite|As part of)\b[^,;:"“”]{1,60}),\s+/
/** "While Syria has been a member since 1953, corrective measures were imposed…" */
const LEADING_SUBORDINATE = /^(While|Although|Though|Whereas)\s+([^,;]{8,200}),\s+/
const ABSOLUTE = new RegExp(`,\\s+with\\s+((?:the\\s+|its\\s+|their\\s+)?[\\p{L}\\-]+(?:\\s+[\\p{L}\\-]+){0,3}?)\\s+(${PAST_PARTICIPLE})\\b`, 'u')
const DATE_WORDS =
  /\b(?:\d{4}|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|year|month|week)\b/
const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'yet', 'while', 'whilst', 'whereas', 'although', 'though'])
const CONTRAST = new Set(['but', 'yet', 'while', 'whilst', 'whereas', 'although', 'though'])
/** A quantifier after a subject shows it is coordinated: "Chrysler and Toyota both reported". */
const MODAL = /^(?:will|would|can|could|may|might|should|must|shall)$/
const FLOATING_QUANTIFIER = /^(?:both|all|each|together|jointly)$/
/** Subject words: determiners, adjectives, nouns, names, pronouns, numbers and what joins them. */
const RELATIVE = /^(?:who|whom|whose|which)$/
const SUBJECT_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM', 'SYM'])
/** The words of the noun phrase of an absolute phrase ("the London FTSE index"). */
const ABSOLUTE_NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'])

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function lowerFirst(s: string) {
  // Keep the capital of a name or acronym ("Boeing", "EADS"); lower a sentence-initial article.
  return /^(?:The|A|An|In|On|At|By|It|Its|Their|This|These|That|Those)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s
}

function finish(s: string) {
  const t = s.trim().replace(/[\s,;:–—-]+$/, '')
  return /[.!?"”’')]$/.test(t) ? t : `${t}.`
}

/** Trims spaces and joining punctuation off a span [start, end) of `text`. */
function trimSpan(text: string, start: number, end: number) {
  while (start < end && /[\s,;:]/.test(text[start]!)) start++
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--
  return { start, end }
}

const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length

/** For each token, whether it lies inside a quotation (“…”, "…", ``…''). */
function quoteMask(tokens: Token[]): boolean[] {
  const mask = new Array<boolean>(tokens.length).fill(false)
  // A sentence that closes a quotation it did not open goes on with one opened before it: it is
  // quoted from its start ("But we took a big swing and we hit a home run.”").
  let open = false
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text
    if (t === '“' || t === '`') break
    if (t === '”' || (t === "'" && tokens[i + 1]?.text === "'")) {
      open = true
      break
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text
    const next = tokens[i + 1]?.text
    if (t === '“' || (t === '`' && next === '`')) {
      open = true
      if (t === '`') i++
    } else if (t === '”' || (t === "'" && next === "'" && open)) {
      open = false
      if (t === "'") i++
    } else if (t === '"') open = !open
    else mask[i] = open
  }
  return mask
}

/** "Ford" in "…, and Ford Motor Company sales fell": a capitalised "verb" inside the sentence before a noun is a name. */
const capitalisedName = (tokens: Token[], j: number) =>
  j > 0 && tokens[j]!.pos === 'VERB' && /^\p{Lu}/u.test(tokens[j]!.text) && (tokens[j + 1]?.pos === 'PROPN' || tokens[j + 1]?.pos === 'NOUN')

/** After a conjunction at `i - 1`: the token after a short opening phrase ("in 2003", "by 2010,"), or `i`. */
function leadingPhraseEnd(tokens: Token[], i: number): number {
  if (tokens[i]?.pos !== 'ADP') return i
  let j = i + 1
  if (tokens[j]?.pos === 'DET') j++
  while (tokens[j]?.pos === 'ADJ') j++
  // the head: one run of numbers, names or nouns ("2003", "Mobile", "the end")
  const head = tokens[j]?.pos
  if (head !== 'NUM' && head !== 'PROPN' && head !== 'NOUN') return i
  while (tokens[j]?.pos === head && j - i <= 5) j++
  if (tokens[j]?.text === ',') j++
  return clauseVerbAt(tokens, j) >= 0 ? j : i
}

/** The index of the finite verb of a clause starting at token `i` (subject, then verb), or -1. */
function clauseVerbAt(tokens: Token[], i: number, end = tokens.length): number {
  const first = tokens[i]
  if (!first || !(SUBJECT_POS.has(first.pos) || first.pos === 'ADV' || capitalisedName(tokens, i))) return -1
  let nominal = false
  for (let j = i; j < Math.min(end, i + 12); j++) {
    const t = tokens[j]!
    // "…, and Ford Motor Company sales fell": a capitalised word inside the sentence is a name,
    // whatever the tagger guessed
    if (capitalisedName(tokens, j)) {
      nominal = true
      continue
    }
    if (isVerbal(t)) return nominal && isFiniteVerb(tokens, j) ? j : -1
    // "Airbus whose A380 first flew": a relative clause, not a clause of its own
    if (RELATIVE.test(t.lower) && j > i) return -1
    if (isNominal(t)) nominal = true
    else if (!(SUBJECT_POS.has(t.pos) || t.pos === 'ADV' || (t.pos === 'PART' && /^'s?$|^’s?$/.test(t.text)) || t.lower === 'of' || t.lower === '-' || t.text === '&'))
      return -1
  }
  return -1
}

/** A verb of saying at token `k`, "point out" included. */
const says = (tokens: Token[], k: number) =>
  isReporting(tokens[k]) || ((tokens[k]?.pos === 'VERB' || (tokens[k]?.pos === 'NOUN' && isNominal(tokens[k - 1]))) && /^point(?:s|ed)?$/.test(tokens[k]!.lower) && tokens[k + 1]?.lower === 'out')

function hasFiniteVerb(tokens: Token[], from: number, to: number) {
  for (let j = from; j < to; j++) if (isFiniteVerb(tokens, j) && !capitalisedName(tokens, j)) return true
  return false
}

/** "between A and B", "both A and B", "either A or B": the conjunction at `i` joins phrases. */
function pairedConjunction(tokens: Token[], i: number) {
  for (let j = i - 1; j >= Math.max(0, i - 10); j--) {
    const t = tokens[j]!
    if (t.lower === 'between' || t.lower === 'both' || t.lower === 'either' || t.lower === 'neither') return true
    if (isVerbal(t) || t.text === ';') return false
  }
  return false
}

type Cut = {
  at: number
  skip: number
  via: Clause['via']
  rewrite?: (rest: string) => string
  carries?: string
  /** What the clause before the cut shares with the one after and is given too ("selected | by the government"). */
  completes?: string
}

/**
 * "I have great confidence that Tim and the rest of the team will…", "said prices and profits
 * fell", "after the earthquake and tsunami hit": a conjunction at `i` after a "that", a verb of
 * saying or a subordinator, with no finite verb between, joins the subject of that clause, not
 * two clauses.
 */
function insideComplementSubject(tokens: Token[], from: number, i: number) {
  const bareAnd = tokens[i]!.lower === 'and' && tokens[i - 1]!.text !== ','
  for (let j = i - 1; j >= from; j--) {
    const t = tokens[j]!
    // "after the earthquake and tsunami hit the country": so after a subordinator
    if (bareAnd && j < i - 1 && /^(?:after|before|when|because|since|until|once|if|unless|as)$/.test(t.lower) && (t.pos === 'SCONJ' || t.pos === 'ADP')) return true
    // (after a verb of saying only a bare "and" does: "reported a 39% loss, whilst Ford…" is two clauses)
    if (isFiniteVerb(tokens, j) && !capitalisedName(tokens, j)) return isReporting(t) && j < i - 1 && tokens[i]!.lower === 'and' && tokens[i - 1]!.text !== ','
    if (t.lower === 'that' && (t.pos === 'SCONJ' || isNominal(tokens[j - 1])) && j < i - 1) return true
  }
  return false
}

/** The subject of the main clause: the words before its first finite verb. */
function mainSubject(sentence: string, tokens: Token[], fromToken: number) {
  for (let j = fromToken; j < Math.min(tokens.length, fromToken + 14); j++) {
    if (isVerbal(tokens[j])) {
      if (j === fromToken || clauseVerbAt(tokens, fromToken) !== j) return null
      // a leading adverb of time or manner is not part of the subject ("Today Apple has …")
      let from = fromToken
      while (from < j - 1 && (tokens[from]!.pos === 'ADV' || /^(?:today|yesterday|now|then|also|still|meanwhile)$/.test(tokens[from]!.lower))) from++
      // nor one before the verb ("Other carmakers also saw …")
      let to = j - 1
      while (to > from && tokens[to]!.pos === 'ADV') to--
      // a subject has no comma or currency sign in it, and does not open with a participle ("Totaling US$ 180 billion, …")
      if (tokens.slice(from, to + 1).some((t) => t.text === ',' || t.pos === 'SYM') || /ing$/.test(tokens[from]!.lower)) return null
      return { text: sentence.slice(tokens[from]!.start, tokens[to]!.end), verb: j }
    }
  }
  return null
}

/** A speaker and reporting verb opening the sentence: "The minister said (that) …". */
function reportOpening(sentence: string, tokens: Token[], from: number, subject: { text: string; verb: number } | null) {
  if (!subject || !isReporting(tokens[subject.verb])) return null
  const verb = tokens[subject.verb]!
  const that = tokens[subject.verb + 1]?.lower === 'that' ? ' that' : ''
  // Only a reported clause carries its speaker ("said prices rose, and …"), not an object ("reported a loss").
  if (!that && clauseVerbAt(tokens, subject.verb + 1) < 0) return null
  return `${capitalise(sentence.slice(tokens[from]!.start, verb.end))}${that}`
}

function findCuts(sentence: string, tokens: Token[], bodyToken: number, inQuote: boolean[], subject: { text: string; verb: number } | null): Cut[] {
  const cuts: Cut[] = []
  let segmentStart = bodyToken
  // The subject a shared verb phrase takes: the sentence's, or that of the last clause cut off.
  let currentSubject = subject?.text ?? null
  const subjectOfClauseAt = (i: number) => {
    const v = clauseVerbAt(tokens, i)
    return v > i ? sentence.slice(tokens[i]!.start, tokens[v - 1]!.end) : null
  }
  const bodyStart = tokens[bodyToken]?.start ?? 0
  for (let i = bodyToken + 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!
    if (inQuote[i]) continue
    // "…; its chief executive resigned", "…in this release: Spotlight integrates search"
    if (t.text === ';' || (t.text === ':' && !/^[“"`']/.test(tokens[i + 1]!.text))) {
      // "It was a milestone in aviation history: the first A380 landed …": what "It" points at follows the colon
      const pointsAhead = t.text === ':' && /^(?:it|this|that|there)$/.test(tokens[segmentStart]!.lower)
      if (!pointsAhead && clauseVerbAt(tokens, i + 1) >= 0 && hasFiniteVerb(tokens, segmentStart, i) && !FLOATING_QUANTIFIER.test(tokens[clauseVerbAt(tokens, i + 1) - 1]!.lower)) {
        cuts.push({ at: t.start, skip: tokens[i + 1]!.start - t.start, via: 'semicolon', rewrite: capitalise })
        segmentStart = i + 1
        currentSubject = subjectOfClauseAt(i + 1)
      }
      continue
    }
    if (!CLAUSE_CONJUNCTIONS.has(t.lower) || pairedConjunction(tokens, i)) continue
    // "has not yet mentioned", "yet another": "yet" joins clauses only after a comma
    if (t.lower === 'yet' && tokens[i - 1]?.text !== ',') continue
    // "even though", "as though": a subordinate clause that belongs to the one before
    if ((t.lower === 'though' || t.lower === 'although') && /^(?:even|as)$/.test(tokens[i - 1]?.lower ?? '')) continue
    // "said that, although A, B": the clause opens what is said, and belongs to B
    const beforeCut = tokens[i - 1]?.text === ',' ? tokens[i - 2] : tokens[i - 1]
    if (beforeCut && (beforeCut.lower === 'that' || isReporting(beforeCut))) continue
    // "…, and that is our major challenge", "…, and this means …": a demonstrative subject points
    // back at the clause before; the two stay one claim
    if (/^(?:this|that)$/.test(tokens[i + 1]?.lower ?? '') && isVerbal(tokens[i + 2])) continue
    // "Opponents argued that the project was too expensive, and that the money should go to
    // schools": a second reported clause under the same speaker
    const report = t.lower === 'and' && tokens[i + 1]?.lower === 'that' && subject ? reportOpening(sentence, tokens, bodyToken, subject) : null
    if (report && report.endsWith(' that') && segmentStart === bodyToken && clauseVerbAt(tokens, i + 2) >= 0 && hasFiniteVerb(tokens, subject!.verb + 2, i)) {
      const at = tokens[i - 1]?.text === ',' ? tokens[i - 1]!.start : t.start
      cuts.push({ at, skip: tokens[i + 2]!.start - at, via: 'coordination', carries: report, rewrite: (rest) => `${report} ${rest}` })
      segmentStart = i + 2
      continue
    }
    const comma = tokens[i - 1]?.text === ','
    const at = comma ? tokens[i - 1]!.start : t.start
    const next = tokens[i + 1]!
    const skip = next.start - at
    if (!hasFiniteVerb(tokens, segmentStart, i) || insideComplementSubject(tokens, segmentStart, i)) continue
    const via: Clause['via'] = CONTRAST.has(t.lower) ? 'contrast' : 'coordination'
    // "…, but, they point out, Longhorn is expected to …": a speaker set off by commas after the
    // conjunction says the clause after them ("They point out that Longhorn is expected to …")
    if (tokens[i + 1]?.text === ',') {
      let close = i + 2
      while (close < tokens.length && close - i < 8 && tokens[close]!.text !== ',') close++
      const said = tokens.slice(i + 2, close)
      const verbAt = said.findIndex((_, n) => says(tokens, i + 2 + n))
      if (tokens[close]?.text === ',' && verbAt > 0 && said.slice(0, verbAt).every((x) => SUBJECT_POS.has(x.pos)) && said.slice(verbAt + 1).every((x) => x.pos === 'ADP' || x.pos === 'PART' || x.pos === 'ADV') && clauseVerbAt(tokens, close + 1) >= 0) {
        const speaker = sentence.slice(said[0]!.start, said[said.length - 1]!.end)
        cuts.push({ at, skip: tokens[close + 1]!.start - at, via, carries: speaker, rewrite: (rest) => `${capitalise(speaker)} that ${rest}` })
        segmentStart = close + 1
        currentSubject = subjectOfClauseAt(close + 1)
        i = close
        continue
      }
    }
    // "…, but in 2003 a scandal erupted": a short phrase of time or place may open the clause
    const opener = leadingPhraseEnd(tokens, i + 1)
    const ownVerb = clauseVerbAt(tokens, opener)
    if (ownVerb >= 0) {
      // "Chrysler and the Japanese Toyota both reported": one coordinated subject, not a new clause
      if (FLOATING_QUANTIFIER.test(tokens[ownVerb - 1]!.lower)) continue
      // "the Dow surged 200 points, the Nasdaq was up nine points and the S&P 500 was up 15": a
      // list of clauses, each with its own subject and verb, is cut at its commas too
      let from = segmentStart
      for (let c = segmentStart + 1; c < i - 1; c++) {
        if (tokens[c]!.text !== ',' || inQuote[c]) continue
        const v = clauseVerbAt(tokens, c + 1, i)
        if (v < 0 || isReporting(tokens[v]) || !hasFiniteVerb(tokens, from, c) || !/^(?:DET|PROPN|NOUN)$/.test(tokens[c + 1]!.pos) || FLOATING_QUANTIFIER.test(tokens[v - 1]!.lower)) continue
        cuts.push({ at: tokens[c]!.start, skip: tokens[c + 1]!.start - tokens[c]!.start, via: 'coordination', rewrite: capitalise })
        from = c + 1
      }
      // "…, and the bank raised rates": a clause with its own subject
      cuts.push({ at, skip, via, rewrite: capitalise })
      segmentStart = i + 1
      currentSubject = subjectOfClauseAt(i + 1)
      continue
    }
    // "…and approved a new bridge": a verb phrase sharing the subject, which is repeated
    let v = i + 1
    if (tokens[v]?.pos === 'ADV') v++
    const verb = tokens[v]
    // "…and was extended in 2011", "…and has 300 staff": an auxiliary or "have" leads the phrase
    const negated = tokens[v + 1]?.pos === 'PART' && /^(?:not|n[’']t)$/.test(tokens[v + 1]!.lower) ? 1 : 0
    const auxLed =
      verb?.pos === 'AUX' &&
      (tokens[v + 1 + negated]?.pos === 'VERB' ||
        (!negated && /^(?:has|have|had)$/.test(verb.lower) && /^(?:DET|NUM|ADJ|NOUN)$/.test(tokens[v + 1]?.pos ?? '')) ||
        // "…but is now available in …", "…and was the largest …": a copula and its complement
        (/^(?:is|was|are|were)$/.test(verb.lower) && copulaComplement(tokens, v + 1 + negated)))
    if (!currentSubject || !verb || (verb.pos !== 'VERB' && !auxLed) || /ing$/.test(verb.lower) || /^\p{Lu}/u.test(verb.text)) continue
    // inside "X said A and B" the shared subject is A's, not the speaker, and after "Y whose Z
    // flew" it may be Z: left whole
    // ("X admitted that A, but dismissed B": after a comma the phrase is the speaker's again)
    const reported = tokens.slice(segmentStart, i).some((x) => isReporting(x) && !comma)
    if (tokens.slice(segmentStart, i).some((x) => RELATIVE.test(x.lower))) continue
    if (t.lower === 'while' || t.lower === 'whereas' || t.lower === 'although' || t.lower === 'though') continue
    // The verb before the conjunction must be finite too ("decided to lift and restore" is one act).
    let before = i - 1
    while (before > segmentStart && !isVerbal(tokens[before])) before--
    // ("…, having reported a loss, and is pursuing …": after a participle clause the phrase is the subject's again)
    const afterParticiple = tokens[before]!.lower === 'having' && tokens[before - 1]?.text === ','
    if ((!isFiniteVerb(tokens, before) && !afterParticiple) || (tokens[before - 1]?.lower === 'to')) continue
    // "can't shrink the plane and expect …": a bare verb after "and" shares the modal, and the
    // claim would change meaning without it
    let aux = before - 1
    while (aux > segmentStart && (tokens[aux]!.pos === 'ADV' || tokens[aux]!.pos === 'PART')) aux--
    // ("will cut 600 jobs and close its plant": a modal without a negation is repeated instead)
    const bare = !auxLed && tokens[aux]?.pos === 'AUX' && !/s$/.test(verb.lower) && !isPastForm(verb.lower)
    const sharedModal = bare && MODAL.test(tokens[aux]!.lower) && tokens.slice(aux + 1, before).every((x) => x.pos === 'ADV') ? tokens[aux]!.text : ''
    if (bare && !sharedModal) continue
    // "are selected and purchased by …": a participle shares the auxiliaries, which are repeated
    const sharedAux =
      sharedModal || (!auxLed && tokens[aux]?.pos === 'AUX' && /(?:ed|en)$/.test(verb.lower) && /(?:ed|en)$/.test(tokens[before]!.lower) ? sentence.slice(tokens[aux]!.start, tokens[before - 1]!.end) : '')
    if (tokens.slice(v + 1).filter((x) => /[\p{L}\p{N}]/u.test(x.text)).length < 2) continue
    // The subject is that of the verb before the conjunction: the noun phrase right before its
    // verb group when that opens a clause ("…; rather than storing it, Apple TV connects … and
    // plays …" is Apple TV's), else the one the sentence or last clause began with.
    let group = before
    while (group - 1 >= segmentStart && /^(?:AUX|ADV|PART)$/.test(tokens[group - 1]!.pos) && !/^['’]s$/.test(tokens[group - 1]!.text)) group--
    let np = group
    while (np - 1 >= segmentStart && (SUBJECT_POS.has(tokens[np - 1]!.pos) || /^['’]s?$/.test(tokens[np - 1]!.text)) && group - np < 8) np--
    const opensClause = np < group && isNominal(tokens[group - 1]) && (np === 0 || /^[,;:]$/.test(tokens[np - 1]!.text))
    const adjacent = opensClause ? sentence.slice(tokens[np]!.start, tokens[group - 1]!.end) : null
    // "The sources claimed that Papermaster was not used to … and did not possess …": both are
    // what was claimed, of the subject after "that"; the speaker and the subject are repeated
    const saidThat =
      !comma && np < group && isNominal(tokens[group - 1]) && np >= segmentStart + 2 && tokens[np - 1]!.lower === 'that' && isReporting(tokens[np - 2]) && tokens.slice(segmentStart, np - 2).every((x) => !isReporting(x))
    if (reported && !saidThat) continue
    const subjectText = saidThat
      ? sentence.slice(tokens[segmentStart]!.start, tokens[group - 1]!.end)
      : adjacent && !sentence.slice(0, tokens[group - 1]!.end).endsWith(currentSubject) ? adjacent : currentSubject
    const adverb = v > i + 1 ? tokens[i + 1]!.lower : ''
    // "are selected and purchased by the government", "rose and fell on Monday": a first verb with
    // nothing after it shares what follows the second, up to the next comma
    let shared = ''
    if (before === i - 1 && !comma && verb.pos === 'VERB') {
      let e = v + 1
      while (e < tokens.length && !/^[,;:.!?]$/.test(tokens[e]!.text) && !inQuote[e]) e++
      let verbless = true
      for (let q = v + 1; q < e && verbless; q++) verbless = !isFiniteVerb(tokens, q)
      if (e > v + 1 && verbless && /^(?:ADP|DET|NUM|NOUN|PROPN|ADV)$/.test(tokens[v + 1]!.pos)) shared = sentence.slice(tokens[v + 1]!.start, tokens[e - 1]!.end)
    }
    cuts.push({
      at,
      skip,
      via: t.lower === 'but' ? 'contrast' : 'shared-subject',
      carries: subjectText,
      ...(shared ? { completes: shared } : {}),
      rewrite: (rest) => `${subjectText} ${sharedAux ? `${sharedAux} ` : ''}${adverb && /^(?:also|then)$/.test(adverb) ? rest.slice(rest.indexOf(' ') + 1) : rest}`,
    })
    segmentStart = i + 1
  }

  // "…, with implementation completed in October 2021": an absolute clause with its own subject
  const abs = ABSOLUTE.exec(sentence.slice(bodyStart))
  if (abs) {
    const at = bodyStart + abs.index
    const np = abs[1]!
    const participle = abs[2]!
    const k = tokens.findIndex((x) => x.start >= at)
    if (k >= 0 && !inQuote[k]) {
      cuts.push({
        at,
        skip: abs[0].length - np.length - participle.length - 1,
        via: 'absolute',
        rewrite: (rest) => {
          const plural = /s$/.test(np.split(/\s+/).pop()!) && !/ss$/.test(np)
          return capitalise(rest.replace(new RegExp(`^(${escapeRegExp(np)})\\s+(${participle})`), `$1 ${plural ? 'were' : 'was'} $2`))
        },
      })
    }
  }

  // "…, with Bank of America losing 11.7% and Citigroup falling by 9.7%": each "X V-ing" of an
  // absolute phrase is a claim of its own, told in the main clause's tense ("Citigroup fell by 9.7%")
  for (let i = bodyToken + 2; i < tokens.length - 2; i++) {
    if (inQuote[i] || tokens[i]!.lower !== 'with' || tokens[i - 1]!.text !== ',' || !hasFiniteVerb(tokens, bodyToken, i - 1)) continue
    const past = tenseOf(tokens.slice(bodyToken, i)) === 'past'
    const pieces: { at: number; np: number; ing: number }[] = []
    let np = i + 1
    let at = i - 1
    for (;;) {
      let k = np
      while (k < tokens.length && k - np < 8 && (ABSOLUTE_NP_POS.has(tokens[k]!.pos) || /^['’]s$|^of$|^&$/.test(tokens[k]!.lower))) k++
      if (k === np && /^(?:it|they)$/.test(tokens[np]?.lower ?? '')) k++
      const ing = tokens[k]
      if (k === np || !isNominal(tokens[k - 1]) || !ing || ing.pos !== 'VERB' || !/ing$/.test(ing.lower) || inQuote[k]) break
      pieces.push({ at, np, ing: k })
      // the next "and X V-ing" of the same phrase
      let a = k + 1
      while (a < tokens.length && tokens[a]!.lower !== 'and' && !/^[;:(“"]$/.test(tokens[a]!.text) && tokens[a]!.lower !== 'with') a++
      if (tokens[a]?.lower !== 'and') break
      at = tokens[a - 1]!.text === ',' ? a - 1 : a
      np = a + 1
    }
    const forms = pieces.map((p) => (past ? pastOf(tokens[p.ing]!.text) : null))
    if (!pieces.length || (past && forms.some((f) => !f))) continue
    pieces.forEach((p, n) => {
      // "…, with it climbing 250 points": "it" is the subject of the main clause
      const pronoun = p.ing === p.np + 1 && /^(?:it|they)$/.test(tokens[p.np]!.lower) && subject ? subject.text : null
      const offset = tokens[p.ing]!.start - tokens[p.np]!.start
      const word = tokens[p.ing]!.text
      const plural = /[^s]s$/.test(tokens[p.ing - 1]!.lower) && tokens[p.ing - 1]!.pos === 'NOUN'
      const verb = past ? forms[n]! : `${plural ? 'are' : 'is'} ${word}`
      cuts.push({
        at: tokens[p.at]!.start,
        skip: tokens[p.np]!.start - tokens[p.at]!.start,
        via: 'absolute',
        ...(pronoun ? { carries: pronoun } : {}),
        rewrite: (rest) => capitalise(`${pronoun ? `${pronoun} ` : rest.slice(0, offset)}${verb}${rest.slice(offset + word.length)}`),
      })
    })
    break
  }

  // "It is the size of an iPod, it has a 3.5-inch screen": two sentences joined by a comma, the
  // second opening with a pronoun and its own finite verb (not "…, he said", and not after an
  // opening "When …" or "If …" clause, whose comma ends the subordinate clause)
  if (!/^(?:SCONJ|ADP|ADV)$/.test(tokens[bodyToken]?.pos ?? '') && !/^(?:when|if|as|after|before|because|since|once|unless|until)$/.test(tokens[bodyToken]?.lower ?? '')) {
    for (let i = bodyToken + 3; i < tokens.length - 3; i++) {
      if (inQuote[i] || tokens[i - 1]!.text !== ',' || !/^(?:he|she|it|they|we)$/.test(tokens[i]!.lower)) continue
      const v = tokens[i + 1]?.pos === 'ADV' ? i + 2 : i + 1
      if (!isFiniteVerb(tokens, v) || says(tokens, v) || !hasFiniteVerb(tokens, bodyToken, i - 1)) continue
      if (tokens.slice(bodyToken, i).some((x) => RELATIVE.test(x.lower) || x.pos === 'SCONJ' || isReporting(x))) continue
      cuts.push({ at: tokens[i - 1]!.start, skip: tokens[i]!.start - tokens[i - 1]!.start, via: 'semicolon', rewrite: capitalise })
    }
  }

  // "…, which employs 4,000 people." at the end of the sentence: a fact about the phrase before it
  for (let i = bodyToken + 2; i < tokens.length - 2; i++) {
    const t = tokens[i]!
    if (inQuote[i] || tokens[i - 1]!.text !== ',' || (t.lower !== 'which' && t.lower !== 'who')) continue
    if (!isFiniteVerb(tokens, i + 1) && !(tokens[i + 1]?.pos === 'ADV' && isFiniteVerb(tokens, i + 2))) continue
    if (tokens.slice(i + 1).some((x) => x.text === ',' || x.text === ';')) continue
    // "A and B, which killed 102 and 21 people respectively": about both, not the phrase before
    if (tokens.slice(i + 1).some((x) => x.lower === 'respectively')) continue
    // "it was Jobs, not Papermaster, who decided": a cleft, whose "who" is not the phrase before it
    if (tokens.slice(bodyToken, i).some((x, n, all) => x.lower === 'it' && /^(?:was|is)$/.test(all[n + 1]?.lower ?? ''))) continue
    let a = i - 2
    // ("JPMorgan Chase & Co., who …": "&" inside a name)
    while (a > bodyToken && (SUBJECT_POS.has(tokens[a - 1]!.pos) || tokens[a - 1]!.lower === 'of' || (tokens[a - 1]!.text === '&' && tokens[a - 2]?.pos === 'PROPN')) && i - a < 8) a--
    while (a < i - 1 && tokens[a]!.pos !== 'DET' && tokens[a]!.pos !== 'PROPN') a++
    const head = tokens[a]!
    if (!(head.pos === 'DET' || head.pos === 'PROPN') || !isNominal(tokens[i - 2])) continue
    // "the 1991 agreement between the two companies, which defined …": the relation, not the
    // noun after "between", may be what "which" is about; left whole
    if (/^(?:between|among)$/.test(tokens[a - 1]?.lower ?? '') && tokens[i - 2]!.pos !== 'PROPN') continue
    const antecedent = sentence.slice(head.start, tokens[i - 2]!.end)
    cuts.push({ at: tokens[i - 1]!.start, skip: tokens[i + 1]!.start - tokens[i - 1]!.start, via: 'relative', rewrite: (rest) => `${capitalise(antecedent)} ${rest}` })
  }

  // "…, having reported a loss of $2 billion": a participle clause that states a fact of its own
  for (let i = bodyToken + 2; i < tokens.length - 3; i++) {
    if (inQuote[i] || tokens[i - 1]!.text !== ',' || tokens[i]!.lower !== 'having' || !(tokens[i + 1]!.pos === 'VERB' || (tokens[i + 1]!.pos === 'ADJ' && /(?:ed|en)$/.test(tokens[i + 1]!.lower))) || !subject) continue
    const subjectText = subject.text
    cuts.push({ at: tokens[i - 1]!.start, skip: tokens[i]!.end + 1 - tokens[i - 1]!.start, via: 'participle', carries: subjectText, rewrite: (rest) => `${subjectText} had ${rest}` })
  }
  // "…, adding that sales would fall", "…, Boeing saying that more research is needed": a verb of
  // saying in its -ing form after a complete clause says something of its own, in the main
  // verb's tense ("The company added that …"; "Ford says …, noting that …" → "Ford notes that …")
  for (let i = bodyToken + 2; i < tokens.length - 3; i++) {
    const t = tokens[i]!
    if (inQuote[i] || t.pos !== 'VERB' || !/ing$/.test(t.lower) || tokens[i + 1]!.lower !== 'that') continue
    const past = pastOf(t.lower)
    if (!past || !isReporting({ ...t, lower: past })) continue
    let a = i
    while (a - 1 > bodyToken && tokens[a - 1]!.pos === 'PROPN') a--
    if (tokens[a - 1]?.text !== ',' || (a === i && !subject)) continue
    let main = bodyToken
    while (main < a - 1 && !isFiniteVerb(tokens, main)) main++
    if (main >= a - 1 || (subject && i <= subject.verb)) continue
    const speaker = a < i ? sentence.slice(tokens[a]!.start, tokens[i - 1]!.end) : subject!.text
    const verb = tokens[main]!
    const form = verb.pos === 'VERB' && /[^s]s$/.test(verb.lower) && !isPastForm(verb.lower) ? presentOf(t.lower) : past
    if (!form) continue
    cuts.push({ at: tokens[a - 1]!.start, skip: tokens[i]!.end + 1 - tokens[a - 1]!.start, via: 'participle', carries: speaker, rewrite: (rest) => `${speaker} ${form} ${rest}` })
  }
  return cuts.sort((a, b) => a.at - b.at).filter((c, i, all) => i === 0 || c.at >= all[i - 1]!.at + all[i - 1]!.skip)
}

/** `s` as a regular expression matching exactly it. */
export function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A figure and the phrase it goes with: "1,200 jobs in Lyon", "800 in Turin", "$99". */
type Item = { start: number; end: number; number: [number, number]; noun: string }

/**
 * "cut 1,200 jobs in Lyon, 800 in Turin and 300 in Porto": figures sharing one verb, one claim
 * each; the first item's noun ("jobs") is carried to the others.
 */
function distribute(sentence: string, tokens: Token[], inQuote: boolean[]): Clause[] | null {
  const isFigure = (i: number) => tokens[i]?.pos === 'NUM' || (tokens[i]?.pos === 'SYM' && /^[$€£¥]$/.test(tokens[i]!.text) && tokens[i + 1]?.pos === 'NUM')
  const figureEnd = (i: number) => {
    let j = i
    while (j + 1 < tokens.length && (tokens[j + 1]!.pos === 'NUM' || tokens[j + 1]!.text === '%' || /^(?:percent|per)$/.test(tokens[j + 1]!.lower))) j++
    if (tokens[j]!.pos === 'SYM' && tokens[j + 1]?.pos === 'NUM') j++
    while (j + 1 < tokens.length && (tokens[j + 1]!.pos === 'NUM' || tokens[j + 1]!.text === '%')) j++
    return j
  }
  for (let i = 1; i < tokens.length; i++) {
    if (!isFigure(i) || inQuote[i] || !hasFiniteVerb(tokens, 0, i)) continue
    const items: Item[] = []
    let j = i
    let ok = true
    while (ok) {
      const numEnd = figureEnd(j)
      let k = numEnd + 1
      const nounStart = k
      while (tokens[k] && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ')) k++
      const noun = k > nounStart ? sentence.slice(tokens[nounStart]!.start, tokens[k - 1]!.end) : ''
      // each item is a figure with a prepositional phrase: "in Turin", "for $149"
      if (tokens[k]?.pos !== 'ADP') break
      let e = k + 1
      while (tokens[e] && (tokens[e]!.pos === 'PROPN' || tokens[e]!.pos === 'NOUN' || tokens[e]!.pos === 'DET' || tokens[e]!.pos === 'ADJ')) e++
      if (e === k + 1) break
      items.push({ start: tokens[j]!.start, end: tokens[e - 1]!.end, number: [tokens[j]!.start, tokens[numEnd]!.end], noun })
      const sep = tokens[e]
      const sep2 = tokens[e + 1]
      if (sep?.text === ',' && sep2?.lower === 'and' && isFigure(e + 2)) j = e + 2
      else if (sep?.text === ',' && isFigure(e + 1)) j = e + 1
      else if (sep?.lower === 'and' && isFigure(e + 1)) j = e + 1
      else ok = false
    }
    // ("rose 3% in Germany, 2% in France and 1% in Spain": a figure with its own unit needs no noun)
    const unit = (x: Item) => /[%$€£¥]|percent/.test(sentence.slice(x.number[0], x.number[1]))
    if (items.length < 3 || !(items[0]!.noun || items.every(unit)) || items.slice(1).some((x) => x.noun)) continue
    const prefix = sentence.slice(0, items[0]!.start)
    const suffix = sentence.slice(items[items.length - 1]!.end).replace(/^[\s,]+/, ' ').trimEnd()
    return items.map((item, n) => {
      const phrase = sentence.slice(item.start, item.end)
      const own = n === 0 ? phrase : `${sentence.slice(item.number[0], item.number[1])} ${items[0]!.noun}${sentence.slice(item.number[1], item.end)}`
      const span = n === 0 ? { start: 0, end: item.end } : { start: item.start, end: item.end }
      return { ...span, text: finish(`${prefix}${own}${suffix === '.' ? '' : suffix}`.replace(/\s+/g, ' ')), via: 'distributed' as const, ...(n ? { carried: [prefix.trim(), items[0]!.noun].filter(Boolean) } : {}) }
    })
  }
  return null
}

const ITEM_POS = new Set(['NUM', 'SYM', 'PROPN', 'ADJ', 'NOUN'])

/**
 * "The phones cost $99 and $149 respectively for the 8 GB and 16 GB models": two pairs matched
 * item by item, one claim each ("The phones cost $99 for the 8 GB models."). Each pair is "A and
 * B" with items of the same number of words; the claims share the sentence's span.
 */
function respective(sentence: string, tokens: Token[], inQuote: boolean[]): Clause[] | null {
  const r = tokens.findIndex((t, i) => t.lower === 'respectively' && !inQuote[i])
  if (r < 0 || !hasFiniteVerb(tokens, 0, tokens.length)) return null
  const pairs: { start: number; end: number; items: [string, string] }[] = []
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i]!.lower !== 'and' || inQuote[i]) continue
    let most = 0
    while (most < 3 && ITEM_POS.has(tokens[i - 1 - most]?.pos ?? '') && tokens[i - 1 - most]!.text !== ',') most++
    // the right item has as many words as the left, and the same kind of first word (the longest such pair)
    let n = most
    // (nor is an item cut from a longer name: "Garuda Indonesia Flight" of "… Flight 200")
    const cut = (k: number) => /^(?:PROPN|NUM)$/.test(tokens[i + 1 + k]?.pos ?? '')
    while (n > 0 && (tokens.length < i + 1 + n || !tokens.slice(i + 1, i + 1 + n).every((t) => ITEM_POS.has(t.pos)) || tokens[i - n]!.pos !== tokens[i + 1]!.pos || cut(n))) n--
    if (n === 0) continue
    const left = [tokens[i - n]!.start, tokens[i - 1]!.end] as const
    const right = [tokens[i + 1]!.start, tokens[i + n]!.end] as const
    pairs.push({ start: left[0], end: right[1], items: [sentence.slice(...left), sentence.slice(...right)] })
  }
  if (pairs.length !== 2) return null
  const drop = (s: string) => s.replace(/,?\s+respectively\b/, '')
  const firstVerb = tokens.findIndex((t, i) => isFiniteVerb(tokens, i))
  return [0, 1].map((k) => {
    let text = sentence
    for (const p of [...pairs].reverse()) {
      let after = text.slice(p.end)
      // "Chrysler and Toyota were founded" → "Chrysler was founded": one item, a singular verb
      if (firstVerb >= 0 && p.end <= tokens[firstVerb]!.start && !/s$/.test(p.items[k as 0 | 1]))
        after = after.replace(/^(\s+)(were|are|have)\b/, (_, sp: string, v: string) => `${sp}${({ were: 'was', are: 'is', have: 'has' } as Record<string, string>)[v]}`)
      text = `${text.slice(0, p.start)}${p.items[k as 0 | 1]}${after}`
    }
    return { start: 0, end: sentence.length, text: finish(drop(text).replace(/\s+/g, ' ')), via: 'distributed' as const }
  })
}

/** Is the stretch [start, end) of the sentence a grammatical claim: enough words and a finite verb. */
function isClause(text: string, tokens: Token[], start: number, end: number) {
  if (wordCount(text) < MIN_WORDS) return false
  let from = 0
  while (from < tokens.length && tokens[from]!.start < start) from++
  let to = from
  while (to < tokens.length && tokens[to]!.end <= end) to++
  return hasFiniteVerb(tokens, from, to)
}

/**
 * The clauses of one sentence. A sentence with nothing to split is one clause, the sentence
 * itself. Offsets are relative to `sentence`; `tokens` (relative to it too) are tagged here when
 * not given.
 */
export function splitClaims(sentence: string, tokens: Token[] = tag(sentence)): Clause[] {
  const clauses = splitClauses(sentence, tokens)
  const relative = withRelative(sentence, tokens, clauses)
  return withEarlierFigure(sentence, tokens, relative === clauses ? withAppositive(sentence, tokens, clauses) : relative)
}

const FIGURE = String.raw`(?:US)?[$€£]?\s?\d[\d.,]*(?:\s?(?:%|percent|per cent))?(?:\s(?:million|billion|trillion|bn))?(?:\s(?!a\b|in\b|the\b|last\b|during\b)[a-z]+)?`
const EARLIER = String.raw`a year (?:ago|earlier|before)|(?:in |during )?(?:the same (?:period|month|quarter) (?:a year (?:ago|earlier)|last year|of (?:the )?(?:last|previous) year)|last year|the previous year|the year before|(?:19|20)\d{2})`
/** ", up from 14% a year ago": the earlier figure and its time, closing the clause. */
const EARLIER_FIGURE = new RegExp(String.raw`,\s+(?:up|down)\s+from\s+(${FIGURE})\s+(${EARLIER})(?=\s*[.;]?\s*$)`)

/**
 * "Its share rose to 17%, up from 14% a year ago": the earlier figure is a fact of its own ("Its
 * share was 14% a year ago."), said of the same subject and under the same speaker.
 */
function withEarlierFigure(sentence: string, tokens: Token[], clauses: Clause[]): Clause[] {
  const out: Clause[] = []
  for (const clause of clauses) {
    const own = sentence.slice(clause.start, clause.end)
    const m = EARLIER_FIGURE.exec(own)
    if (!m || !clause.text.includes(m[0])) {
      out.push(clause)
      continue
    }
    const cut = clause.start + m.index
    // the subject: the words before the last finite verb ahead of the comparison, after a "that" or the clause start
    let v = -1
    for (let j = 0; j < tokens.length && tokens[j]!.end <= cut; j++) if (tokens[j]!.start >= clause.start && isFiniteVerb(tokens, j) && !isReporting(tokens[j])) v = j
    let from = v - 1
    while (from >= 0 && tokens[from]!.start >= clause.start && tokens[from]!.lower !== 'that' && !isVerbal(tokens[from]) && tokens[from]!.text !== ',') from--
    const subjectStart = from + 1
    if (v < 0 || subjectStart >= v || !tokens.slice(subjectStart, v).some((t) => isNominal(t))) {
      out.push(clause)
      continue
    }
    const head = tokens[v - 1]!.lower
    const copula = /[^s]s$/.test(head) && !/^(?:its|his|this|news)$/.test(head) ? 'were' : 'was'
    const subject = sentence.slice(tokens[subjectStart]!.start, tokens[v - 1]!.end)
    const comparison = clause.text.indexOf(m[0])
    const lead = clause.text.slice(0, clause.text.indexOf(subject))
    out.push({ ...clause, end: cut, text: finish(clause.text.slice(0, comparison)) })
    out.push({
      start: cut + m[0].search(/\w/),
      end: cut + m[0].length,
      text: finish(`${lead}${lead ? subject : capitalise(subject)} ${copula} ${m[1]} ${m[2]}`),
      via: 'earlier-figure',
      carried: [`${lead}${subject}`],
    })
  }
  return out
}

/**
 * "Norvik Foods, which employs 4,000 people, will close its Oslo plant": a non-restrictive
 * relative clause on the subject states a fact of its own ("Norvik Foods employs 4,000 people."),
 * and the main claim reads without it.
 */
function withRelative(sentence: string, tokens: Token[], clauses: Clause[]): Clause[] {
  let j = tokens[0]?.pos === 'DET' ? 1 : 0
  const nameStart = j
  while (j < tokens.length && (tokens[j]!.pos === 'PROPN' || tokens[j]!.pos === 'NOUN' || tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'NUM') && j - nameStart < 6) j++
  if (j === nameStart || !isNominal(tokens[j - 1]) || tokens[j]?.text !== ',') return clauses
  const rel = tokens[j + 1]
  if (!rel || (rel.lower !== 'which' && rel.lower !== 'who')) return clauses
  const verbAt = tokens[j + 2]?.pos === 'ADV' ? j + 3 : j + 2
  if (!isFiniteVerb(tokens, verbAt)) return clauses
  let k = verbAt + 1
  while (k < tokens.length && tokens[k]!.text !== ',' && k - j < 30) {
    if (/^[“”"`'(;:]$/.test(tokens[k]!.text) || tokens[k]!.lower === 'which' || tokens[k]!.lower === 'who') return clauses
    k++
  }
  if (tokens[k]?.text !== ',') return clauses
  const mainVerb = tokens[k + 1]?.pos === 'ADV' ? k + 2 : k + 1
  if (!isFiniteVerb(tokens, mainVerb)) return clauses
  const main = clauses[0]!
  const cut = sentence.slice(tokens[j]!.start, tokens[k]!.end)
  if (main.start !== 0 || !main.text.includes(cut)) return clauses
  const name = sentence.slice(tokens[0]!.start, tokens[j - 1]!.end)
  const said = sentence.slice(tokens[j + 2]!.start, tokens[k - 1]!.end)
  const fact: Clause = { start: 0, end: tokens[k - 1]!.end, text: finish(`${name} ${said}`), via: 'relative' }
  if (wordCount(fact.text) < MIN_WORDS) return clauses
  return [fact, { ...main, text: main.text.replace(cut, '') }, ...clauses.slice(1)]
}

/** Nouns that say who a person is: such an appositive stays in its claim ("Ana Ruiz, the mayor, said"). */
const ROLE =
  /\b(?:mayor|minister|president|chief|executive|representative|senator|governor|spokes(?:man|woman|person)|analyst|director|head|chairman|chairwoman|chair|founder|officer|leader|member|secretary|professor|author|editor|reporter|manager|economist|expert|official|owner|lawyer|judge|ambassador|commander|general|captain|coach|player|actor|actress|singer|writer|son|daughter|wife|husband|father|mother|brother|sister|aged?|vice|deputy|former|who)\b/i

/**
 * "Orion, the code name for the new release, ships in May": an appositive that states a fact
 * about a named thing is a claim of its own ("Orion is the code name for the new release."), and
 * the claim it came from reads without it.
 */
function withAppositive(sentence: string, tokens: Token[], clauses: Clause[]): Clause[] {
  let j = tokens[0]?.pos === 'DET' ? 1 : 0
  const nameStart = j
  const capital = (t: Token | undefined) => !!t && (t.pos === 'PROPN' || ((t.pos === 'NOUN' || t.pos === 'VERB') && /^\p{Lu}/u.test(t.text)))
  // a name may hold "of", "for" or "&" between capitalised words: "The Bank of America Corporation"
  while (j < tokens.length && (capital(tokens[j]) || (j > nameStart && /^(?:of|for|&)$/.test(tokens[j]!.lower) && capital(tokens[j + 1]))) && j - nameStart < 8) j++
  if (j === nameStart || tokens[j]?.text !== ',') return clauses
  const first = tokens[j + 1]
  if (!first || first.pos !== 'DET' || !/^(?:the|a|an)$/.test(first.lower)) return clauses
  let k = j + 2
  while (k < tokens.length && tokens[k]!.text !== ',' && k - j < 22) {
    if (isVerbal(tokens[k]) && isFiniteVerb(tokens, k)) return clauses
    if (/^[“”"`']$/.test(tokens[k]!.text)) return clauses
    k++
  }
  if (tokens[k]?.text !== ',' || k - j < 3) return clauses
  const verbAt = tokens[k + 1]?.pos === 'ADV' ? k + 2 : k + 1
  if (!isFiniteVerb(tokens, verbAt)) return clauses
  const appositive = sentence.slice(first.start, tokens[k - 1]!.end)
  if (ROLE.test(appositive)) return clauses
  const name = sentence.slice(tokens[0]!.start, tokens[j - 1]!.end)
  const verb = tokens[verbAt]!.lower
  const copula = /^(?:was|were|had|did)$/.test(verb) || /ed$/.test(verb) ? 'was' : 'is'
  const cut = sentence.slice(tokens[j]!.start, tokens[k]!.end)
  const main = clauses[0]!
  if (main.start !== 0 || !main.text.includes(cut)) return clauses
  const fact: Clause = { start: 0, end: tokens[k - 1]!.end, text: `${name} ${copula} ${appositive}.`, via: 'relative' }
  return [fact, { ...main, text: main.text.replace(cut, '') }, ...clauses.slice(1)]
}

function splitClauses(sentence: string, tokens: Token[]): Clause[] {
  const whole: Clause = { start: 0, end: sentence.length, text: sentence.trim(), via: 'sentence' }
  if (sentence.length > 2000 || tokens.length < 4) return [whole]
  const inQuote = quoteMask(tokens)

  const subordinate = LEADING_SUBORDINATE.exec(sentence)
  if (subordinate) {
    const restAt = subordinate[0].length
    const restToken = tokens.findIndex((t) => t.start >= restAt)
    const innerToken = tokens.findIndex((t) => t.start >= subordinate[1]!.length + 1)
    if (restToken > 0 && clauseVerbAt(tokens, innerToken, restToken) >= 0 && hasFiniteVerb(tokens, restToken, tokens.length)) {
      const first = trimSpan(sentence, subordinate[1]!.length + 1, restAt)
      const firstText = finish(capitalise(sentence.slice(first.start, first.end).replace(/\s+/g, ' ')))
      const rest = sentence.slice(restAt)
      const restTokens = tokens.slice(restToken).map((t) => ({ ...t, start: t.start - restAt, end: t.end - restAt }))
      const clauses = splitClaims(rest, restTokens).map((c) => ({ ...c, start: c.start + restAt, end: c.end + restAt, text: capitalise(c.text), via: 'contrast' as const }))
      if (isClause(firstText, tokens, first.start, first.end)) return [{ start: first.start, end: first.end, text: firstText, via: 'contrast' }, ...clauses]
    }
  }

  const distributed = respective(sentence, tokens, inQuote) ?? distribute(sentence, tokens, inQuote)
  if (distributed) return distributed

  const lead = LEADING_CONTEXT.exec(sentence)
  const context = lead ? lead[1]! : null
  const bodyStart = lead ? lead[0].length : 0
  const bodyToken = Math.max(0, tokens.findIndex((t) => t.start >= bodyStart))
  const subject = mainSubject(sentence, tokens, bodyToken)
  const cuts = findCuts(sentence, tokens, bodyToken, inQuote, subject)
  if (cuts.length === 0) return [whole]
  const report = reportOpening(sentence, tokens, bodyToken, subject)

  const clauses: Clause[] = []
  let from = 0
  let via: Clause['via'] = 'sentence'
  let rewrite: Cut['rewrite']
  let carries: string | undefined
  for (let k = 0; k <= cuts.length; k++) {
    const cut = cuts[k]
    const to = cut ? cut.at : sentence.length
    const span = trimSpan(sentence, from, to)
    if (span.end - span.start >= 3) {
      let text = sentence.slice(span.start, span.end).replace(/\s+/g, ' ')
      const carried: string[] = []
      if (clauses.length > 0) {
        const before = text
        text = rewrite ? rewrite(text) : capitalise(text)
        if (carries) carried.push(carries)
        // A clause after "X said (that) A, and B" is still what X said.
        if (report && !carries && (via === 'coordination' || via === 'contrast') && !/^\W/.test(before)) {
          text = `${report} ${lowerFirst(before)}`
          carried.push(report)
        }
        // the time or place the sentence opens with scopes every clause ("In China, …")
        // ("In the first 90 minutes of trading, …"), unless the clause names a time of its own
        if (context && !(DATE_WORDS.test(text) && DATE_WORDS.test(context)) && !text.includes(context.replace(/^\S+\s+/, ''))) {
          text = `${context}, ${lowerFirst(text)}`
          carried.push(context)
        } else text = capitalise(text)
      }
      if (cut?.completes) {
        text = `${text.replace(/[\s,;:]+$/, '')} ${cut.completes}`
        carried.push(cut.completes)
      }
      clauses.push({ start: span.start, end: span.end, text: finish(text), via: clauses.length === 0 ? 'sentence' : via, ...(carried.length ? { carried } : {}) })
    }
    if (cut) {
      from = cut.at + cut.skip
      via = cut.via
      rewrite = cut.rewrite
      carries = cut.carries
    }
  }
  if (clauses.length <= 1) return [whole]
  // Every part must be a claim of its own (subject and finite verb, four words): otherwise the
  // sentence stays whole.
  if (!clauses.every((c) => c.via === 'absolute' || c.via === 'participle' || isClause(c.text, tokens, c.start, c.end))) return [whole]
  return clauses
}

/** "now available", "the largest", "12% higher": what follows a copula that leads a verb phrase. */
function copulaComplement(tokens: Token[], at: number): boolean {
  let k = at
  if (tokens[k]?.pos === 'ADV') k++
  return /^(?:DET|NUM|ADJ)$/.test(tokens[k]?.pos ?? '')
}

/**
 * Splitting a sentence into atomic, separately checkable claims. Each clause keeps its own span
 * of the sentence; its `text` is made self-contained by carrying shared context (a
 * sentence-initial date or place phrase, a shared subject) and by rewriting absolute
 * constructions ("with implementation completed in October 2021" → "Implementation was
 * completed in October 2021").
 */

export type Clause = {
  /** Offsets relative to the sentence. */
  start: number
  end: number
  text: string
  /** How the clause was found, for the check-worthiness reasons. */
  via: 'sentence' | 'semicolon' | 'absolute' | 'coordination' | 'shared-subject' | 'contrast' | 'relative'
}

const IRREGULAR_PAST =
  'was|were|had|did|said|made|took|gave|became|began|rose|fell|grew|won|lost|left|went|came|saw|got|paid|sold|bought|held|led|met|ran|set|put|cut|hit|told|kept|found|brought|built|spent|sent|thought|meant|drove|wrote|chose|broke|spoke|stood|understood|fled|fought|sought|taught|caught|struck|hung|shot|shut|split|spread|rode|rang|sang|drew|threw|flew|knew|grew|wore|swore|bore|tore|froze|stole|forgot|forbade|overtook|undertook|withdrew|oversaw|became|agreed|carried|died|tried|applied|denied|supplied|reached|expected|announced|approved|declined|doubled|tripled|increased|decreased|dropped|climbed|jumped|plunged|surged|soared|slumped'
const AUXILIARIES = 'is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|do|did|shall'
const PAST_PARTICIPLE =
  '(?:[a-z]+ed|done|made|set|held|built|paid|cut|won|lost|given|taken|begun|grown|known|shown|seen|sold|sent|spent|led|met|kept|found|brought|written|chosen|broken|spoken|driven|risen|fallen|completed|finished)'

const VERB = new RegExp(`^(?:${AUXILIARIES}|${IRREGULAR_PAST}|[a-z]{3,}ed)$`)
const SUBJECT_START = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|he|she|it|they|we|i|officials|police|[\p{Lu}][\p{L}\-’']*|\d[\d,.]*)$/u
const NOT_SUBJECT_AFTER = /\b(?:between|both|either|from|of|with|and|or)\s*$/i

/** Sentence-initial context that scopes a clause: "In June 2021,", "On Tuesday,", "In Marrakech,". */
const LEADING_CONTEXT =
  /^((?:In|On|By|During|Since|Until|Last|This|Earlier|Later|At|From|After|Before|Following)\b[^,;:"“”]{1,60}),\s+/

/** "While Syria has been a member since 1953, corrective measures were imposed…" */
const LEADING_SUBORDINATE = /^(While|Although|Though|Whereas)\s+([^,;]{8,200}),\s+/

function wordsWithOffsets(text: string) {
  const out: { w: string; start: number; end: number }[] = []
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) out.push({ w: m[0].replace(/\.$/, ''), start: m.index, end: m.index + m[0].replace(/\.$/, '').length })
  return out
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function finish(s: string) {
  const t = s.trim().replace(/[\s,;:–—-]+$/, '')
  return /[.!?"”’)]$/.test(t) ? t : `${t}.`
}

/** Trims spaces and joining punctuation off a span [start, end) of `text`. */
function trimSpan(text: string, start: number, end: number) {
  while (start < end && /[\s,;:]/.test(text[start]!)) start++
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--
  return { start, end }
}

/** The subject of a clause: the words before its first verb (at most 8), if it looks like one. */
function subjectOf(text: string): string | null {
  const words = wordsWithOffsets(text)
  for (let i = 1; i < Math.min(words.length, 9); i++) {
    if (VERB.test(words[i]!.w.toLowerCase())) {
      const subject = text.slice(0, words[i]!.start).trim().replace(/,$/, '')
      return subject && SUBJECT_START.test(words[0]!.w) ? subject : null
    }
  }
  return null
}

/** Does `text` (the words after a conjunction) start a clause of its own: a subject and, soon, a verb? */
function startsClause(text: string, { requireSubjectWord = true } = {}) {
  const words = wordsWithOffsets(text.slice(0, 120))
  if (words.length < 3) return false
  const first = words[0]!.w
  if (requireSubjectWord && !SUBJECT_START.test(first)) return false
  if (/^\d/.test(first)) return false
  for (let i = 1; i < Math.min(words.length, 7); i++) if (VERB.test(words[i]!.w.toLowerCase())) return true
  return false
}

type Cut = { at: number; skip: number; via: Clause['via']; rewrite?: (rest: string) => string }

const ABSOLUTE = new RegExp(`,\\s+with\\s+((?:the\\s+|its\\s+|their\\s+)?[\\p{L}\\-]+(?:\\s+[\\p{L}\\-]+){0,3}?)\\s+(${PAST_PARTICIPLE})\\b`, 'u')
const CONTRAST = /(?:,\s+|\s+)(while|whereas|although|though|but)\s+/gi
const SEMICOLON = /;\s+/g
const AND_CLAUSE = /,?\s+and\s+/g
const WHICH = /,\s+which\s+((?:is|was|are|were|has|had|have|will|would)\b|[a-z]+ed\b)/g

/** Cut points in a sentence (relative offsets), found left to right without backtracking. */
function findCuts(sentence: string, bodyStart: number): Cut[] {
  const cuts: Cut[] = []
  let m: RegExpExecArray | null
  SEMICOLON.lastIndex = bodyStart
  while ((m = SEMICOLON.exec(sentence))) cuts.push({ at: m.index, skip: m[0].length, via: 'semicolon' })

  const abs = ABSOLUTE.exec(sentence.slice(bodyStart))
  if (abs) {
    const at = bodyStart + abs.index
    const np = abs[1]!
    const participle = abs[2]!
    cuts.push({
      at,
      skip: abs[0].length - np.length - participle.length - 1,
      via: 'absolute',
      rewrite: (rest) => {
        const plural = /s$/.test(np.split(/\s+/).pop()!) && !/ss$/.test(np)
        return capitalise(rest.replace(new RegExp(`^(${escape(np)})\\s+(${participle})`), `$1 ${plural ? 'were' : 'was'} $2`))
      },
    })
  }

  CONTRAST.lastIndex = bodyStart
  while ((m = CONTRAST.exec(sentence))) {
    const word = m[1]!.toLowerCase()
    const rest = sentence.slice(m.index + m[0].length)
    if (word === 'but') {
      const first = /^[\p{L}]+/u.exec(rest)?.[0]?.toLowerCase() ?? ''
      if (/^(?:also|not|only|rather|in|on|at|for|to|with|as|by|from|then|still)$/.test(first) || VERB.test(first)) continue
      if (!startsClause(rest, { requireSubjectWord: false })) continue
    }
    // "…, while also advancing X" shares the subject and reads as one claim: not split
    if (/^(?:also\s+)?[a-z]+ing\b/.test(rest)) continue
    if (word !== 'but' && !startsClause(rest)) continue
    cuts.push({ at: m.index, skip: m[0].length, via: 'contrast', rewrite: (r) => capitalise(r.replace(/^also\s+/i, '')) })
  }

  AND_CLAUSE.lastIndex = bodyStart
  while ((m = AND_CLAUSE.exec(sentence))) {
    const before = sentence.slice(0, m.index)
    const rest = sentence.slice(m.index + m[0].length)
    if (NOT_SUBJECT_AFTER.test(before.slice(-12))) continue
    // "between A and B", numbers and lists of nouns are not clauses
    if (/\bbetween\s+[^,]{0,40}$/i.test(before)) continue
    if (startsClause(rest)) {
      cuts.push({ at: m.index, skip: m[0].length, via: 'coordination', rewrite: capitalise })
      continue
    }
    const firstWord = /^[a-z]+/.exec(rest)?.[0]
    if (firstWord && VERB.test(firstWord) && !AUXILIARIES.split('|').includes(firstWord) && /[a-z]/.test(before)) {
      cuts.push({ at: m.index, skip: m[0].length, via: 'shared-subject' })
    }
  }

  WHICH.lastIndex = bodyStart
  while ((m = WHICH.exec(sentence))) {
    const before = sentence.slice(bodyStart, m.index)
    const antecedent = /((?:the|a|an|its|their)\s+[^,]{1,60}|[\p{Lu}][^,]{1,60})$/u.exec(before)?.[1]
    if (!antecedent) continue
    cuts.push({ at: m.index, skip: m[0].length - m[1]!.length, via: 'relative', rewrite: (rest) => `${capitalise(antecedent.trim())} ${rest}` })
  }
  return cuts.sort((a, b) => a.at - b.at).filter((c, i, all) => i === 0 || c.at >= all[i - 1]!.at + all[i - 1]!.skip)
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const DATE_WORDS = /\b(?:\d{4}|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|year|month|week)\b/

/**
 * The clauses of one sentence. A sentence with nothing to split is one clause, the sentence
 * itself. Offsets are relative to `sentence`.
 */
export function splitClaims(sentence: string): Clause[] {
  const whole: Clause = { start: 0, end: sentence.length, text: sentence.trim(), via: 'sentence' }
  if (sentence.length > 2000) return [whole]
  const subordinate = LEADING_SUBORDINATE.exec(sentence)
  if (subordinate && startsClause(subordinate[2]!) && startsClause(sentence.slice(subordinate[0].length), { requireSubjectWord: false })) {
    const firstStart = subordinate[1]!.length + 1
    const first = trimSpan(sentence, firstStart, subordinate[0].length)
    const rest = splitClaims(sentence.slice(subordinate[0].length)).map((c) => ({ ...c, start: c.start + subordinate[0].length, end: c.end + subordinate[0].length }))
    const firstText = finish(capitalise(sentence.slice(first.start, first.end).replace(/\s+/g, ' ')))
    if (firstText.split(/\s+/).length >= 4) {
      return [{ start: first.start, end: first.end, text: firstText, via: 'contrast' }, ...rest.map((c) => ({ ...c, text: capitalise(c.text), via: 'contrast' as const }))]
    }
  }
  const lead = LEADING_CONTEXT.exec(sentence)
  const context = lead ? lead[1]! : null
  const bodyStart = lead ? lead[0].length : 0
  const cuts = findCuts(sentence, bodyStart)
  if (cuts.length === 0) return [whole]

  const mainSubject = subjectOf(sentence.slice(bodyStart))
  const clauses: Clause[] = []
  let from = 0
  let via: Clause['via'] = 'sentence'
  let rewrite: Cut['rewrite']
  for (let k = 0; k <= cuts.length; k++) {
    const cut = cuts[k]
    const to = cut ? cut.at : sentence.length
    const span = trimSpan(sentence, from, to)
    if (span.end - span.start >= 3) {
      let text = sentence.slice(span.start, span.end).replace(/\s+/g, ' ')
      if (clauses.length > 0) {
        if (via === 'shared-subject' && mainSubject) text = `${mainSubject} ${text}`
        else if (rewrite) text = rewrite(text)
        else text = capitalise(text)
        if (context && !DATE_WORDS.test(text) && DATE_WORDS.test(context)) text = `${context}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`
      }
      clauses.push({ start: span.start, end: span.end, text: finish(text), via: clauses.length === 0 ? 'sentence' : via })
    }
    if (cut) {
      from = cut.at + cut.skip
      via = cut.via
      rewrite = cut.rewrite
    }
  }
  if (clauses.length <= 1) return [whole]
  // Clauses shorter than four words are fragments, not claims: fold them back.
  if (clauses.some((c) => c.text.split(/\s+/).length < 4)) return [whole]
  return clauses
}

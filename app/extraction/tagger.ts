/**
 * Part-of-speech tagging with wink-nlp and its English lite model (both MIT, the model ships in
 * its npm package): tokens with UTF-16 offsets into the text, Universal POS tags and lemmas.
 * The rules of the pipeline ask the tags what a word is instead of keeping word lists.
 */
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE'

export type Token = {
  text: string
  /** UTF-16 offsets into the tagged text. */
  start: number
  end: number
  pos: Pos
  lower: string
}

const nlp = winkNLP(model, ['sbd', 'pos'])
const its = nlp.its
/** Words outside the model's vocabulary get ids from here on, in the order they are met. */
const FIRST_UNKNOWN_ID = (nlp.readDoc('qzxjvkwq').tokens().out(its.uniqueId) as number[])[0]!

/** Whether the model's English vocabulary holds the word (lower-cased): "rental" does, "Toyota" does not. */
export function isKnownWord(word: string): boolean {
  const ids = nlp.readDoc(word.toLowerCase()).tokens().out(its.uniqueId) as number[]
  return ids.length === 1 && ids[0]! < FIRST_UNKNOWN_ID
}

/** Verbs of saying, in any form: the regular ones by their base ("announce" → "announces", "announced"), the rest spelled out. */
const REPORTING_REGULAR = 'allege announce report add state claim note warn explain confirm insist argue estimate indicate suggest reveal acknowledge disclose declare predict stress emphasise emphasize maintain assert comment remark observe concede complain caution urge enthuse'
/** The forms of the verbs of saying as a regular-expression alternation (attributions are found with it too). */
export const REPORTING_FORMS = `(?:${REPORTING_REGULAR.split(' ').join('|')})(?:s|es|d|ed)?|say|says|said|tell|tells|told|write|writes|wrote|admit|admits|admitted|deny|denies|denied|reply|replies|replied|quip|quips|quipped`
const REPORTING_LEMMA = new RegExp(`^(?:${REPORTING_FORMS})$`)

/**
 * Tags `text`. Offsets are found by walking the text, so they are exact even where the tagger
 * splits a word ("won't" → "wo" + "n't") or normalises quote marks.
 */
export function tag(text: string): Token[] {
  if (!text.trim()) return []
  const doc = nlp.readDoc(text)
  const words = doc.tokens().out() as string[]
  const tags = doc.tokens().out(its.pos) as string[]
  const out: Token[] = new Array(words.length)
  let cursor = 0
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    let at = text.startsWith(w, cursor) ? cursor : text.indexOf(w, cursor)
    // The tagger's text differs from ours (normalised characters): take the next non-space run.
    if (at < 0 || at - cursor > 64) {
      at = cursor
      while (at < text.length && /\s/.test(text[at]!)) at++
    }
    const end = Math.min(text.length, at + w.length)
    out[i] = { text: text.slice(at, end), start: at, end, pos: tags[i] as Pos, lower: w.toLowerCase() }
    cursor = end
  }
  // Corrections of the model's tags, in one pass (each looks only at tokens already corrected, or
  // at the next one, which no rule changes before reaching it):
  // - a capitalised name before a verb or another name is read as a verb ("Ford said", "Ford Motor
  //   Company sales fell"); a verb is not followed by a finite verb or a name that way;
  // - "will cut 600 jobs and close its plant": an adjective right before a determiner, after a
  //   conjunction, an auxiliary or "to", is a verb;
  // - "The phones cost $99": a common noun between a plural subject and a figure, where the clause
  //   has no verb yet, is its verb.
  let verbSeen = false
  for (let i = 0; i < out.length - 1; i++) {
    const t = out[i]!
    const prev = out[i - 1]
    const next = out[i + 1]!
    if (t.pos === 'VERB' && /^\p{Lu}\p{Ll}/u.test(t.text) && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'PROPN' || (next.pos === 'PART' && /^['’]s$/.test(next.text))) && !/ing$/.test(t.lower)) t.pos = 'PROPN'
    if (!prev) continue
    if (t.pos === 'ADJ' && /^[a-z]+$/.test(t.text) && (prev.pos === 'CCONJ' || prev.pos === 'AUX' || (prev.pos === 'PART' && prev.lower === 'to')) && (next.pos === 'DET' || (next.pos === 'PRON' && /^(?:its|their|his|her|our|my|your)$/.test(next.lower)))) t.pos = 'VERB'
    if (/^[.!?;]$/.test(t.text)) verbSeen = false
    else if (t.pos === 'VERB' || t.pos === 'AUX') verbSeen = true
    else if (!verbSeen && t.pos === 'NOUN' && /^[a-z]+$/.test(t.text) && prev.pos === 'NOUN' && /[^s]s$/.test(prev.lower) && (next.pos === 'NUM' || /^[$€£]$/.test(next.text))) {
      t.pos = 'VERB'
      verbSeen = true
    }
  }
  verbOfVerblessClauses(out)
  return out
}

/** Whether the model reads `word` as a verb after a pronoun subject ("they form", "it flows"). */
const canBeVerb = new Map<string, boolean>()
function isVerbForm(word: string) {
  let known = canBeVerb.get(word)
  if (known === undefined) {
    const pos = nlp.readDoc(`${/[^s]s$/.test(word) ? 'it' : 'they'} ${word}`).tokens().out(its.pos) as string[]
    known = pos.length === 2 && pos[1] === 'VERB'
    if (canBeVerb.size < 10000) canBeVerb.set(word, known)
  }
  return known
}

/**
 * A clause the model gives no verb at all ("Slovenes form the majority", "The river flows below
 * it", "The development … involved large-scale collaboration") has its verb read as a noun or an
 * adjective: the first such word right after a noun phrase, before a determiner, preposition,
 * pronoun, number, name or adjective (an "-ed" form also before a noun), that the model reads as a
 * verb after a pronoun, is the verb.
 */
function verbOfVerblessClauses(out: Token[]) {
  let from = 0
  for (let i = 0; i <= out.length; i++) {
    const t = out[i]
    // (clauses end at the sentence's end, a semicolon or colon, a subordinator, or ", and"; a
    // subject set off by commas from its verb, "Prices for May delivery, the benchmark, rose",
    // stays in the verb's clause)
    if (t && !/^[;:.!?]$/.test(t.text) && t.pos !== 'SCONJ' && !(t.text === ',' && out[i + 1]?.pos === 'CCONJ')) continue
    let verb = false
    for (let k = from; k < i && !verb; k++) verb = out[k]!.pos === 'VERB' || out[k]!.pos === 'AUX'
    if (!verb)
      for (let k = from + 1; k < i - 1; k++) {
        const w = out[k]!
        const prev = out[k - 1]!
        const next = out[k + 1]!
        if (!(w.pos === 'NOUN' || (w.pos === 'ADJ' && /ed$/.test(w.lower))) || !/^[a-z]+$/.test(w.text)) continue
        if (!(prev.pos === 'NOUN' || prev.pos === 'PROPN' || (prev.pos === 'PRON' && /^(?:he|she|it|they|we|i|you)$/.test(prev.lower)))) continue
        // (a past form read as an adjective may also come before its object noun: "involved collaboration")
        if (!/^(?:DET|ADP|PRON|NUM|PROPN|ADJ)$/.test(next.pos) && !(w.pos === 'ADJ' && next.pos === 'NOUN')) continue
        if (isVerbForm(w.lower)) w.pos = 'VERB'
        break
      }
    from = i + 1
  }
}

/** Tokens whose span lies inside [start, end), with offsets made relative to `start`. */
export function tokensWithin(tokens: Token[], start: number, end: number, from = 0): Token[] {
  const out: Token[] = []
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.start >= end) break
    if (t.start >= start && t.end <= end) out.push({ ...t, start: t.start - start, end: t.end - start })
  }
  return out
}

const ARTICLE = /^(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your)$/

export const isVerbal = (t: Token | undefined) => !!t && (t.pos === 'VERB' || t.pos === 'AUX')
export const isNominal = (t: Token | undefined) => !!t && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM')
export const isReporting = (t: Token | undefined) => !!t && REPORTING_LEMMA.test(t.lower)

/**
 * Is token `i` a finite verb: a verb or auxiliary that is not an infinitive ("to lift"), not a
 * bare participle or gerund ("following", "completed" after a noun inside a phrase) unless an
 * auxiliary comes before it.
 */
export function isFiniteVerb(tokens: Token[], i: number): boolean {
  const t = tokens[i]
  if (!isVerbal(t)) return false
  const prev = tokens[i - 1]
  if (prev && prev.pos === 'PART' && prev.lower === 'to') return false
  // part of a hyphenated word: "so-called", "state-owned"
  if (prev && prev.text === '-' && prev.end === t!.start) return false
  const next = tokens[i + 1]
  if (next && next.text === '-' && next.start === t!.end && tokens[i + 2]?.start === next.end) return false
  // "being", "having" and the other -ing forms need an auxiliary before them ("was being built")
  if (/ing$/.test(t!.lower)) return !!prev && prev.pos === 'AUX'
  if (t!.pos === 'AUX') return true
  // a participle used as an adjective: "of stolen documents", "the revised plan"
  if (prev && (prev.pos === 'ADP' || (prev.pos === 'DET' && ARTICLE.test(prev.lower)) || (prev.pos === 'ADJ' && /(?:ed|en)$/.test(t!.lower)))) return false
  if (prev && (prev.pos === 'AUX' || prev.pos === 'ADV' || prev.pos === 'PART')) return true
  return true
}

/** Past forms of irregular verbs common in news (the lite model tags tense only as VERB). */
const IRREGULAR_PAST = new Set(
  'was were had did said made took gave became began rose fell grew won lost left went came saw got paid sold bought held led met ran set put told kept found brought built spent sent thought wrote chose spoke stood knew drew threw flew shut cut hit struck fought sank shrank'.split(' '),
)

/** Past forms of irregular verbs that are also their base form ("will cut"). */
const SAME_AS_BASE = new Set(['cut', 'set', 'put', 'hit', 'shut'])
/** A past form that cannot be a bare infinitive: "said", "rose", "announced" (not "cut"). */
export const isPastForm = (word: string) => /ed$/.test(word) || (IRREGULAR_PAST.has(word) && !SAME_AS_BASE.has(word))

/**
 * The tense a clause tells in, by its first finite verb: 'past' for a simple past ("rose", "was
 * cut", "reported"); 'present' for a present or perfect ("is", "has been found"); 'earlier' for a
 * pluperfect ("had held"); 'saying' for a verb of saying (the saying, not the event, is dated).
 */
export function tenseOf(tokens: Token[]): 'past' | 'present' | 'earlier' | 'saying' | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (!isVerbal(t) || !isFiniteVerb(tokens, i)) continue
    if (isReporting(t)) return 'saying'
    if (t.lower === 'had') return tokens.slice(i + 1, i + 3).some((n) => n.pos === 'VERB') ? 'earlier' : 'past'
    return IRREGULAR_PAST.has(t.lower) || (t.pos === 'VERB' && /ed$/.test(t.lower)) ? 'past' : 'present'
  }
  return null
}

/**
 * Where a clause reports what was said ("Ford said that sales rose"), the tense of what was said
 * and the index of the token it starts at; otherwise the clause's own tense from its start.
 */
export function reportedTense(tokens: Token[]): { tense: ReturnType<typeof tenseOf>; at: number } {
  const tense = tenseOf(tokens)
  if (tense !== 'saying') return { tense, at: 0 }
  const verb = tokens.findIndex((t, i) => isReporting(t) && isFiniteVerb(tokens, i))
  const at = tokens[verb + 1]?.lower === 'that' ? verb + 2 : verb + 1
  const inner = tenseOf(tokens.slice(at))
  return { tense: inner === 'saying' ? null : inner, at }
}

/** The lemma the model gives a verb form read as a verb: "losing" → "lose", "fell" → "fall". */
function verbLemma(form: string, progressive: boolean): string | undefined {
  const lemmas = nlp.readDoc(`they ${progressive ? "were " : ""}${form.toLowerCase()}`).tokens().out(its.lemma as never) as string[]
  return lemmas[lemmas.length - 1]
}

/** The lemma of an -ing form ("losing" → "lose"), or null where the model gives none of letters only. */
function lemmaOfIng(ing: string): string | null {
  const lemma = verbLemma(ing, true)
  return lemma && !/ing$/.test(lemma) && /^[a-z]+$/.test(lemma) ? lemma : null
}

let irregularPast: Map<string, string> | null = null

/**
 * The simple past of a verb given in its -ing form ("losing" → "lost", "dropping" → "dropped"),
 * or null where the model gives no lemma. Irregular pasts come from the past forms above, read
 * back to their lemma by the model; regular ones follow the spelling rules.
 */
export function pastOf(ing: string): string | null {
  const lemma = lemmaOfIng(ing)
  if (!lemma) return null
  if (!irregularPast) {
    irregularPast = new Map()
    for (const past of IRREGULAR_PAST) if (!/^(?:was|were|had|did)$/.test(past)) irregularPast.set(verbLemma(past, false) ?? past, past)
  }
  const irregular = irregularPast.get(lemma)
  if (irregular) return irregular
  if (/e$/.test(lemma)) return `${lemma}d`
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ied`
  // one syllable ending in consonant, vowel, consonant doubles it: drop → dropped
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lemma)) return `${lemma}${lemma.slice(-1)}ed`
  return `${lemma}ed`
}

/** The third-person present of a verb given in its -ing form ("noting" → "notes", "saying" → "says"), or null. */
export function presentOf(ing: string): string | null {
  const lemma = lemmaOfIng(ing)
  if (!lemma) return null
  if (/(?:s|sh|ch|x|z)$/.test(lemma)) return `${lemma}es`
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ies`
  return `${lemma}s`
}

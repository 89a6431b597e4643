/**
 * Only grammatical, faithful propositions are shown. A proposition is made of pieces of its
 * sentence; it is kept when it has a subject and a finite verb, never cuts a word or number
 * ("4,300" stays whole), does not end on a word that needs more ("for", "the", "and"), and every
 * place where words were left out is one where a sentence can lose them: an adjunct phrase after a
 * complete one, a coordinated member, a parenthetical or leading comma phrase. A verb whose object
 * was dropped while a phrase about that object was kept ("focused in security" from "focused on
 * cooperation in security") is refused.
 */
import type { Proposition } from './propositions'
import { isFiniteVerb, isNominal, isVerbal, type Token } from './tagger'

const isWord = (t: Token) => /[\p{L}\p{N}]/u.test(t.text)
const DANGLING_END = new Set(['ADP', 'DET', 'CCONJ', 'SCONJ', 'PART', 'AUX'])
const DATE_NOUN = /^(?:year|years|month|months|week|weeks|day|days|quarter|century|decade|today|yesterday)$/i

/** Token indices covered by the parts, or null when a part boundary falls inside a token. */
function coveredTokens(tokens: Token[], parts: { start: number; end: number }[]): number[] | null {
  const out: number[] = []
  // Parts are in order and do not overlap: one walk over the tokens, starting where each part begins.
  for (const part of parts) {
    let lo = 0
    let hi = tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tokens[mid]!.end <= part.start) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.start >= part.end) break
      if (t.end <= part.start) continue
      if (t.start < part.start || t.end > part.end) {
        if (isWord(t)) return null
        continue
      }
      if (out[out.length - 1] !== i) out.push(i)
    }
  }
  for (let k = 1; k < out.length; k++) if (out[k]! <= out[k - 1]!) return [...new Set(out)].sort((a, b) => a - b)
  return out
}

function validJunction(tokens: Token[], a: number, b: number): boolean {
  const left = tokens[a]!
  const right = tokens[b]!
  const skipped = tokens.slice(a + 1, b)
  const before = tokens[b - 1]!
  if (skipped.every((t) => !isWord(t))) return true
  // "comes | in which …": a relative clause cut off from the noun it is about
  if (right.pos === 'ADP' && /^(?:which|whom)$/.test(tokens[b + 1]?.lower ?? '')) return false
  // an auxiliary shared by coordinated verbs: "has | cut 300 jobs and | closed two plants"
  if (left.pos === 'AUX' && right.pos === 'VERB' && before.pos === 'CCONJ' && before.lower === 'and' && !skipped.some((t) => t.pos === 'AUX' || t.pos === 'SCONJ')) return true
  // a subject shared by a verb phrase that opens on a time: "Carter | served in the Senate, and | in 1970 was elected"
  if (isNominal(left) && right.pos === 'ADP' && isVerbal(skipped[0]) && before.pos === 'CCONJ' && before.lower === 'and') return true
  // a parenthesis: "Jane Doe | (born 1970) | is"
  if (/^[([]$/.test(skipped[0]!.text) && /^[)\]]$/.test(skipped[skipped.length - 1]!.text)) return true
  // a non-restrictive relative pronoun after its noun: "Norway | , which | is"
  if (isNominal(left) && isVerbal(right) && skipped.length === 2 && skipped[0]!.text === ',' && /^(?:which|who)$/.test(skipped[1]!.lower)) return true
  // a relative clause about the subject of a copula: "Python | is a language that | supports"
  if (isNominal(left) && isVerbal(right) && skipped[0]!.pos === 'AUX' && /^(?:that|which|who)$/.test(skipped[skipped.length - 1]!.lower)) return true
  // an adjunct phrase after a complete one: "met with X | during the Assembly", "… 2012 | in Damascus"
  if (right.pos === 'ADP' && (before.pos === 'PROPN' || before.pos === 'X' || before.pos === 'NUM' || before.pos === 'PUNCT' || DATE_NOUN.test(before.text)) && (isVerbal(left) || isNominal(left) || left.pos === 'PUNCT' || left.pos === 'ADV'))
    return true
  // a coordinated member: "from Spain, | Italy", "such as Monet and | Degas", "a slow, | costly process"
  const last = skipped[skipped.length - 1]!
  // (after a preposition, article or modifier; a verb's list of objects may be read as verbs and is kept whole)
  if ((last.text === ',' || last.pos === 'CCONJ') && !isVerbal(right) && right.pos !== 'ADP' && !isVerbal(left) && !isVerbal(skipped[0])) return true
  // a verb's list of names or determined phrases: "stars | A, | B"
  if ((last.text === ',' || last.pos === 'CCONJ') && isVerbal(left) && (right.pos === 'PROPN' || right.pos === 'DET') && !skipped.some((t) => isVerbal(t) || t.pos === 'ADP' || t.pos === 'SCONJ'))
    return true
  // coordinated modifiers sharing a noun: "a legible, | concise programming style", "a | concise programming style"
  const hyphenated = skipped.some((t) => t.text === '-')
  if (
    (left.pos === 'DET' || left.pos === 'ADJ' || left.pos === 'ADV' || left.pos === 'NOUN') &&
    (right.pos === 'ADJ' || right.pos === 'NOUN' || right.pos === 'ADV' || right.pos === 'NUM') &&
    skipped.every((t) => t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NUM' || (t.pos === 'CCONJ' && t.lower === 'and') || t.text === ',' || t.text === '-' || (hyphenated && t.pos === 'NOUN') || (t.pos === 'VERB' && /ed$/.test(t.lower))) &&
    skipped.some((t) => t.pos === 'CCONJ' || t.text === ',')
  )
    return true
  // examples named in place of what they exemplify: "restrictions on | certain acts, such as | incest"
  if (!isVerbal(right) && skipped.length >= 2 && ((last.lower === 'as' && skipped[skipped.length - 2]!.lower === 'such') || last.lower === 'including')) return true
  // … or one of them in place of the others: "including | nominations for X, | two awards"
  if (left.lower === 'including' && (last.text === ',' || (last.pos === 'CCONJ' && last.lower === 'and')) && !isVerbal(right) && !skipped.some((t) => isVerbal(t) || t.pos === 'SCONJ')) return true
  // coordinated subjects or a parenthetical between subject and verb: "The senator and the governor | signed"
  // ("The airline | already offers …, and | recently launched …": an adverb may lead the verb)
  const verbal = isVerbal(right) || (right.pos === 'ADV' && isVerbal(tokens[b + 1]))
  if (isNominal(left) && verbal && (skipped.some((t) => t.pos === 'CCONJ') || ((skipped[0]!.text === ',' || skipped[0]!.text === '(') && last.text === ',')))
    return true
  return false
}

/**
 * A first word that makes what follows no statement: a subordinator or relative pronoun ("Where
 * his team lost"), a conjunction ("And the chairman left"), "As" opening a clause ("As its name
 * indicates"; "As of 2020 …" and "As an intercontinental state …" are phrases).
 */
function opensNoStatement(first: Token, second: Token | undefined) {
  if (first.pos === 'CCONJ' || /^(?:where|when|while|whereas|which|who|whom|whose|because|although|though|if|unless)$/.test(first.lower)) return true
  return first.lower === 'as' && !/^(?:of|a|an|the|well)$|^\d/.test(second?.lower ?? '')
}

export function isGrammatical(tokens: Token[], p: Proposition): boolean {
  const ix = coveredTokens(tokens, p.parts)
  if (!ix || ix.length < 3) return false
  const words = ix.filter((i) => isWord(tokens[i]!))
  if (!words.length || DANGLING_END.has(tokens[words[words.length - 1]!]!.pos)) return false
  // a quotation is never cut
  const quotes = ix.filter((i) => /^[“”"«»]$/.test(tokens[i]!.text)).length
  // `` and '' come as two tokens each
  const opens = ix.filter((i) => tokens[i]!.text === '`' && tokens[i + 1]?.text === '`').length
  const closes = ix.filter((i) => tokens[i]!.text === "'" && tokens[i + 1]?.text === "'").length
  if ((quotes + opens + closes) % 2 === 1) return false
  // a verb whose object the sentence goes on to give, cut off before it ("would not offer")
  const lastWord = tokens[words[words.length - 1]!]!
  const after = tokens[words[words.length - 1]! + 1]
  if (isVerbal(lastWord) && after && (after.pos === 'DET' || after.pos === 'NOUN' || after.pos === 'PROPN' || after.pos === 'NUM' || after.pos === 'ADJ' || after.pos === 'ADV' || after.pos === 'PRON')) return false
  if (opensNoStatement(tokens[words[0]!]!, tokens[words[1]!])) return false
  const verb = ix.findIndex((i) => isFiniteVerb(tokens, i))
  if (verb < 0 || !ix.slice(0, verb).some((i) => isNominal(tokens[i]))) return false
  // "Airbus whose A380 first flew": the verb is a relative clause's; the sentence has none
  // (the main verb may follow: "Despite being a candidate who was unknown, Carter won")
  if (ix.slice(0, verb).some((i) => /^(?:who|whom|whose|which)$/.test(tokens[i]!.lower)) && !ix.slice(verb + 1).some((i) => isFiniteVerb(tokens, i) && tokens[i]!.pos === 'VERB')) return false
  // "1,000 songs and will cost": a subject does not end on a conjunction
  let beforeVerb = verb - 1
  while (beforeVerb >= 0 && (tokens[ix[beforeVerb]!]!.pos === 'ADV' || tokens[ix[beforeVerb]!]!.pos === 'PART')) beforeVerb--
  if (beforeVerb >= 0 && tokens[ix[beforeVerb]!]!.pos === 'CCONJ') return false
  // "The measure comes in which 25,000": a relative pronoun needs its own verb after it
  const relative = ix.findIndex((i, k) => k > verb && /^(?:which|whom|whose|who)$/.test(tokens[i]!.lower))
  if (relative >= 0 && !ix.slice(relative + 1).some((i) => isFiniteVerb(tokens, i))) return false
  // "announced that development of a replacement": a reported clause needs its own verb
  const that = ix.findIndex((i, k) => k > verb && tokens[i]!.pos === 'SCONJ' && /^(?:that|whether|if)$/.test(tokens[i]!.lower))
  if (that >= 0 && !ix.slice(that + 1).some((i) => isFiniteVerb(tokens, i))) return false
  for (let k = 1; k < ix.length; k++) {
    if (ix[k]! === ix[k - 1]! + 1) continue
    if (!validJunction(tokens, ix[k - 1]!, ix[k]!)) return false
  }
  return true
}

/** The propositions worth showing: grammatical and faithful, as far as the tags can tell. */
export function keepGrammatical(tokens: Token[], propositions: Proposition[]): Proposition[] {
  return propositions.filter((p) => isGrammatical(tokens, p))
}

/**
 * Check-worthiness: a logistic regression over hashed word n-grams and a few hand features,
 * trained by scripts/train-checkworthiness.ts on ClaimBuster (weights in checkworthiness-model.json).
 */
import model from './checkworthiness-model.json'

export const HASH_BITS = 16
const HASH_SIZE = 1 << HASH_BITS

/** Hand features, in a fixed order; their weights come after the hashed ones. */
export const HAND_FEATURES = [
  'has_number',
  'has_percent',
  'has_money',
  'has_year',
  'many_numbers',
  'has_entity',
  'many_entities',
  'first_person',
  'second_person',
  'question',
  'modal',
  'opinion_verb',
  'comparative',
  'negation',
  'short',
  'long',
  'attribution',
] as const
type HandFeature = (typeof HAND_FEATURES)[number]

export type CheckworthinessModel = { bias: number; weights: ArrayLike<number>; threshold: number }
/** As stored: only the non-zero weights, as [index, weight] pairs. */
export type StoredModel = { bias: number; threshold: number; hashBits: number; weights: [number, number][] }

const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|me|my|mine|we|we're|we've|us|our|ours)\b/
const SECOND_PERSON = /\b(?:you|your|you're)\b/
const MODAL = /\b(?:could|would|should|might|may|will|shall|can|must|going to|aims? to|plans? to|hopes? to|wants? to|intends? to|expects? to)\b/
const OPINION = /\b(?:think|believe|feel|hope|want|wish|guess|suppose|seems?|appears?|expressed interest|opinion|should)\b/
const COMPARATIVE = /\b(?:more|less|fewer|most|least|than|highest|lowest|largest|biggest|smallest|record|increase[sd]?|decrease[sd]?|doubled?|tripled?|rose|fell|grew|dropped|cut|raised)\b/
const NEGATION = /\b(?:not|no|never|n't|nobody|nothing|none)\b/
const ATTRIBUTION = /\b(?:said|says|according to|reported|stated|announced|told|confirmed)\b/

function fnv1a(s: string) {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function tokens(lower: string) {
  const raw = lower.match(/[\p{L}\p{N}$%'’]+/gu) ?? []
  return raw.map((t) => (/^(?:1[5-9]|20)\d\d$/.test(t) ? '<year>' : /\d/.test(t) ? '<num>' : t.replace(/’/g, "'")))
}

export type Features = { hashed: Map<number, number>; hand: Record<HandFeature, number> }

export function featurize(text: string): Features {
  const lower = text.toLowerCase()
  const toks = tokens(lower)
  const hashed = new Map<number, number>()
  const add = (key: string) => {
    const h = fnv1a(key) & (HASH_SIZE - 1)
    hashed.set(h, 1)
  }
  for (let i = 0; i < toks.length; i++) {
    add(toks[i]!)
    if (i + 1 < toks.length) add(`${toks[i]} ${toks[i + 1]}`)
  }
  const numbers = (text.match(/\d[\d,.]*/g) ?? []).length
  const entities = (text.slice(1).match(/(?<=\s)\p{Lu}[\p{Ll}]+/gu) ?? []).length
  const words = toks.length
  const hand: Record<HandFeature, number> = {
    has_number: numbers > 0 || /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|half|dozen)\b/.test(lower) ? 1 : 0,
    has_percent: /%|percent|per cent/.test(lower) ? 1 : 0,
    has_money: /[$€£]|\bdollars?\b|\bbillion\b|\bmillion\b|\btrillion\b/.test(lower) ? 1 : 0,
    has_year: /\b(?:1[5-9]|20)\d\d\b/.test(lower) ? 1 : 0,
    many_numbers: numbers >= 2 ? 1 : 0,
    has_entity: entities > 0 ? 1 : 0,
    many_entities: entities >= 3 ? 1 : 0,
    first_person: FIRST_PERSON.test(lower) ? 1 : 0,
    second_person: SECOND_PERSON.test(lower) ? 1 : 0,
    question: /\?\s*["”’]?\s*$/.test(text) ? 1 : 0,
    modal: MODAL.test(lower) ? 1 : 0,
    opinion_verb: OPINION.test(lower) ? 1 : 0,
    comparative: COMPARATIVE.test(lower) ? 1 : 0,
    negation: NEGATION.test(lower) ? 1 : 0,
    short: words < 7 ? 1 : 0,
    long: words > 30 ? 1 : 0,
    attribution: ATTRIBUTION.test(lower) ? 1 : 0,
  }
  return { hashed, hand }
}

/** w·x + b for features and a weight vector laid out as [hashed…, hand…]. */
export function linear(f: Features, weights: ArrayLike<number>, bias: number) {
  let z = bias
  for (const [h, v] of f.hashed) z += weights[h]! * v
  HAND_FEATURES.forEach((name, i) => {
    z += weights[HASH_SIZE + i]! * f.hand[name]
  })
  return z
}

export const FEATURE_COUNT = HASH_SIZE + HAND_FEATURES.length

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

function loadModel(stored: StoredModel): CheckworthinessModel {
  const weights = new Float64Array(FEATURE_COUNT)
  if (stored.hashBits === HASH_BITS) for (const [i, w] of stored.weights) weights[i] = w
  return { bias: stored.bias, threshold: stored.threshold, weights }
}
const trained = loadModel(model as StoredModel)

const REASONS: Partial<Record<HandFeature, [string, string]>> = {
  has_number: ['states a number or amount', ''],
  has_percent: ['gives a percentage', ''],
  has_money: ['names a sum of money', ''],
  has_year: ['names a year or date', ''],
  has_entity: ['names people, places or organisations', ''],
  comparative: ['compares or describes a change', ''],
  attribution: ['is attributed to a source', ''],
  first_person: ['', 'speaks in the first person (often opinion)'],
  second_person: ['', 'addresses the reader'],
  question: ['', 'is a question'],
  modal: ['', 'is hedged, intended or predicted ("could", "aims to", "will")'],
  opinion_verb: ['', 'expresses opinion or belief'],
  short: ['', 'is very short'],
}

export type CheckworthinessScore = { score: number; reasons: string[] }

/** Probability in 0..1 that a sentence is a check-worthy factual claim, with readable reasons. */
export function scoreCheckworthiness(text: string, m: CheckworthinessModel = trained): CheckworthinessScore {
  const f = featurize(text)
  const score = sigmoid(linear(f, m.weights, m.bias))
  const reasons: string[] = []
  HAND_FEATURES.forEach((name, i) => {
    if (!f.hand[name]) return
    const w = m.weights[HASH_SIZE + i]!
    const [up, down] = REASONS[name] ?? ['', '']
    if (w > 0.05 && up) reasons.push(`+ ${up}`)
    if (w < -0.05 && down) reasons.push(`− ${down}`)
  })
  if (reasons.length === 0) reasons.push(score >= trained.threshold ? '+ wording typical of factual claims' : '− wording typical of non-factual sentences')
  return { score: Math.round(score * 1000) / 1000, reasons }
}

export const CHECKWORTHY_THRESHOLD = trained.threshold

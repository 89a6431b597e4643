/** Numbers with their kind and unit: money, percentages, counts, ordinals and quantities. */

export type NumberKind = 'money' | 'percent' | 'count' | 'ordinal' | 'quantity'
export type NumberMention = { text: string; start: number; end: number; value: number | null; kind: NumberKind; unit?: string }

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 }
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
}
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
}
const CURRENCIES: Record<string, string> = {
  $: 'USD', 'us$': 'USD', usd: 'USD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP', '¥': 'JPY', 'a$': 'AUD', 'c$': 'CAD',
  dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', pounds: 'GBP', yen: 'JPY', yuan: 'CNY', rupees: 'INR',
}
const UNITS =
  'km|kilometres|kilometers|miles|mile|metres|meters|m2|kg|kilograms|tonnes|tons|litres|liters|barrels|hectares|acres|degrees|mph|km/h|MW|GW|kWh|people|persons|residents|workers|jobs|officers|staff|members|troops|soldiers|deaths|cases|votes|seats|vehicles|cars|homes|houses|students|children|patients|refugees|containers|countries|states|years|months|weeks|days|hours|minutes'

const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?'
const SCALE_WORDS = 'thousand|million|billion|trillion|bn|mn|tn'

const MONEY_PREFIX = new RegExp(`(US\\$|A\\$|C\\$|\\$|€|£|¥)\\s?(${NUM})(?:\\s?(${SCALE_WORDS}|m|b)\\b)?`, 'g')
const MONEY_SUFFIX = new RegExp(`\\b(${NUM})(?:\\s(${SCALE_WORDS}))?\\s(dollars|dollar|euros|euro|pounds|yen|yuan|rupees|USD|EUR|GBP)\\b`, 'g')
const PERCENT = new RegExp(`\\b(${NUM})\\s?(%|percent\\b|per cent\\b|percentage points?\\b)`, 'g')
const ORDINAL = /\b(\d+)(st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/gi
const QUANTITY = new RegExp(`\\b(${NUM})(?:\\s(${SCALE_WORDS}))?\\s?(${UNITS})\\b`, 'g')
const COUNT = new RegExp(`\\b(${NUM})(?:\\s(${SCALE_WORDS}))?\\b|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?(?:\\s(${SCALE_WORDS}|hundred))?\\b`, 'gi')

function toNumber(raw: string | undefined, scale?: string): number | null {
  if (!raw) return null
  const base = Number(raw.replace(/,/g, ''))
  if (!Number.isFinite(base)) return null
  return scale ? base * (SCALE[scale.toLowerCase()] ?? 1) : base
}

/**
 * Finds numbers in `text`, skipping the spans in `exclude` (dates are found first, so "2021" in
 * "June 2021" is a date, not a count). More specific patterns win overlaps.
 */
export function findNumbers(text: string, exclude: { start: number; end: number }[] = []): NumberMention[] {
  if (!/\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred|dozen|first|second|third/i.test(text)) return []
  const found: NumberMention[] = []
  const taken: { start: number; end: number }[] = [...exclude]
  const free = (s: number, e: number) => !taken.some((t) => s < t.end && e > t.start)
  const add = (re: RegExp, make: (m: RegExpExecArray) => Omit<NumberMention, 'text' | 'start' | 'end'> | null) => {
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(text))) {
      const start = m.index
      const end = start + m[0].length
      if (!free(start, end)) continue
      const n = make(m)
      if (!n) continue
      taken.push({ start, end })
      found.push({ text: m[0], start, end, ...n })
    }
  }
  add(MONEY_PREFIX, (m) => ({ kind: 'money', value: toNumber(m[2], m[3]), unit: CURRENCIES[m[1]!.toLowerCase()] ?? m[1] }))
  add(MONEY_SUFFIX, (m) => ({ kind: 'money', value: toNumber(m[1], m[2]), unit: CURRENCIES[m[3]!.toLowerCase()] ?? m[3] }))
  add(PERCENT, (m) => ({ kind: 'percent', value: toNumber(m[1]), unit: /point/.test(m[2]!) ? 'percentage points' : '%' }))
  add(QUANTITY, (m) => ({ kind: 'quantity', value: toNumber(m[1], m[2]), unit: m[3] }))
  add(ORDINAL, (m) => {
    // "second" as in "a second source" is an ordinal; as a unit of time it is not matched here.
    const value = m[1] ? Number(m[1]) : ORDINAL_WORDS[m[3]!.toLowerCase()] ?? null
    return { kind: 'ordinal', value }
  })
  add(COUNT, (m) => {
    if (m[1]) return { kind: 'count', value: toNumber(m[1], m[2]) }
    const base = WORD_NUMBERS[m[3]!.toLowerCase()]! + (m[4] ? WORD_NUMBERS[m[4].toLowerCase()]! : 0)
    // "one" as a pronoun ("one of the…") is still a count; it is cheap to keep and rarely misleads.
    return { kind: 'count', value: m[5] ? base * (SCALE[m[5].toLowerCase()] ?? 100) : base }
  })
  return found.sort((a, b) => a.start - b.start)
}

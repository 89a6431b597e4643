/**
 * Date expressions with ISO 8601 values at the precision stated ("1953", "2012-12",
 * "2021-06-14", "2009-W11", "2006-Q4"). Relative expressions ("last year", "on Monday",
 * "yesterday") are resolved against the publication date when one is given, and left out
 * otherwise (a value we cannot know is not guessed).
 */

export type DateMention = { text: string; start: number; end: number; value: string }

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
}
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 }
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, twenty: 20 }

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
const YEAR = '((?:1[5-9]|20)\\d{2})'
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'

type Rule = { re: RegExp; value: (m: RegExpExecArray, ref: Ref | null, text: string) => string | null }
/** Values that depend on a date named earlier in the text, resolved in a final left-to-right sweep. */
const ANCHORED = '@'
type Ref = { y: number; m: number; d: number }

const pad = (n: number) => String(n).padStart(2, '0')
const ymd = (r: Ref) => `${r.y}-${pad(r.m)}-${pad(r.d)}`
const monthOf = (s: string) => MONTHS[s.toLowerCase().replace('.', '')]!
const validDay = (y: number, m: number, d: number) => d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()

function shiftDays(r: Ref, days: number): Ref {
  const t = new Date(Date.UTC(r.y, r.m - 1, r.d + days))
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

function isoWeek(r: Ref) {
  const t = new Date(Date.UTC(r.y, r.m - 1, r.d))
  const day = t.getUTCDay() || 7
  t.setUTCDate(t.getUTCDate() + 4 - day)
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1))
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7)
  return `${t.getUTCFullYear()}-W${pad(week)}`
}

/** A weekday named in news copy is the nearest one to the publication date (ties go to the past). */
function nearestWeekday(ref: Ref, weekday: number, direction: 'last' | 'next' | 'nearest'): Ref {
  const today = new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay()
  const back = (today - weekday + 7) % 7 || (direction === 'nearest' ? 0 : 7)
  const forward = (weekday - today + 7) % 7 || 7
  if (direction === 'last') return shiftDays(ref, -back)
  if (direction === 'next') return shiftDays(ref, forward)
  return back <= forward ? shiftDays(ref, -back) : shiftDays(ref, forward)
}

/** Words that put a clause in the future; a clause without them is read as past (news reports what happened). */
const FUTURE = /\b(?:will|shall|'ll|would|is to|are to|going to|plans?|planned|scheduled|expects?|expected|due|upcoming|next|intends?|aims?|hopes?)\b/i

/** The sentence around `index` (to the nearest terminator or newline on each side). */
function sentenceAround(text: string, index: number) {
  let a = index
  while (a > 0 && index - a < 300 && !/[.!?\n]/.test(text[a - 1]!)) a--
  let b = index
  while (b < text.length && b - index < 300 && !/[.!?\n]/.test(text[b]!)) b++
  return text.slice(a, b)
}

function isFuture(text: string, index: number) {
  return FUTURE.test(sentenceAround(text, index))
}

/** The first…fourth or last Monday-to-Sunday week that lies inside a month, as an ISO week. */
function weekOfMonth(y: number, m: number, which: string): string | null {
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const mondays: number[] = []
  for (let d = 1; d + 6 <= days; d++) if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1) mondays.push(d)
  const pick = which === 'last' ? mondays[mondays.length - 1] : mondays[{ first: 0, second: 1, third: 2, fourth: 3 }[which] ?? 0]
  return pick ? isoWeek({ y, m, d: pick }) : null
}

function quarterOf(m: number) {
  return Math.floor((m - 1) / 3) + 1
}

function relativeUnit(unit: string, offset: number, ref: Ref): string {
  const u = unit.toLowerCase()
  if (u === 'year') return String(ref.y + offset)
  if (u === 'month') {
    const t = new Date(Date.UTC(ref.y, ref.m - 1 + offset, 1))
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`
  }
  if (u === 'week') return isoWeek(shiftDays(ref, offset * 7))
  if (u === 'quarter') {
    const q = quarterOf(ref.m) - 1 + offset
    const y = ref.y + Math.floor(q / 4)
    return `${y}-Q${(((q % 4) + 4) % 4) + 1}`
  }
  if (u === 'day') return ymd(shiftDays(ref, offset))
  return String(ref.y + offset)
}

const RULES: Rule[] = [
  // 2021-06-14
  { re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g, value: (m) => (validDay(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]}-${m[3]}` : null) },
  // the last week of March (2009): the last (or first…) Monday-to-Sunday week inside the month
  {
    re: new RegExp(`\\bthe\\s+(first|second|third|fourth|last)\\s+week\\s+of\\s+${MONTH}(?:,?\\s+${YEAR})?\\b`, 'gi'),
    value: (m, ref) => {
      const year = m[3] ? +m[3] : ref?.y
      if (!year) return null
      return weekOfMonth(year, monthOf(m[2]!), m[1]!.toLowerCase())
    },
  },
  // a range written as one expression, "2010-11", "2019–2021": its start
  { re: /\b((?:19|20)\d{2})[-–](?:\d{2}|(?:19|20)\d{2})\b(?![-–]\d)/g, value: (m) => m[1]! },
  // June 14, 2021 / June 14 2021 / June 14th, 2021
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'),
    value: (m) => {
      const mo = monthOf(m[1]!)
      return validDay(+m[3]!, mo, +m[2]!) ? `${m[3]}-${pad(mo)}-${pad(+m[2]!)}` : null
    },
  },
  // 14 June 2021 / 14th of June, 2021
  {
    re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'g'),
    value: (m) => {
      const mo = monthOf(m[2]!)
      return validDay(+m[3]!, mo, +m[1]!) ? `${m[3]}-${pad(mo)}-${pad(+m[1]!)}` : null
    },
  },
  // December of 2012 / June 2021 / early 2009 is handled by the bare-year rule
  { re: new RegExp(`\\b${MONTH}(?:\\s+of)?,?\\s+${YEAR}\\b`, 'g'), value: (m) => `${m[2]}-${pad(monthOf(m[1]!))}` },
  // June 14 / 14 June (year from the publication date)
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?!\\s*(?:,\\s*)?(?:\\d|percent|%|million|billion))`, 'g'),
    value: (m, ref) => {
      if (!ref) return null
      const mo = monthOf(m[1]!)
      return validDay(ref.y, mo, +m[2]!) ? `${ref.y}-${pad(mo)}-${pad(+m[2]!)}` : null
    },
  },
  {
    re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b`, 'g'),
    value: (m, ref) => {
      if (!ref) return null
      const mo = monthOf(m[2]!)
      return validDay(ref.y, mo, +m[1]!) ? `${ref.y}-${pad(mo)}-${pad(+m[1]!)}` : null
    },
  },
  // Quarters: the fourth quarter of 2020, Q3 2021, the last quarter
  { re: /\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?((?:19|20)\d{2})\b/gi, value: (m) => `${m[2]}-Q${quarterWord(m[1]!)}` },
  { re: /\bQ([1-4])\s+((?:19|20)\d{2})\b/g, value: (m) => `${m[2]}-Q${m[1]}` },
  {
    re: /\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter\s+of\s+(last|this|next)\s+year\b/gi,
    value: (m, ref) => (ref ? `${ref.y + ({ last: -1, this: 0, next: 1 } as Record<string, number>)[m[2]!.toLowerCase()]!}-Q${quarterWord(m[1]!)}` : null),
  },
  // the same month (period, quarter) a year ago / last year / a year earlier: the anchor's, a year back
  { re: /\bthe same (day|month|period|quarter|week) (?:a year (?:ago|earlier|before)|last year|of (?:the )?(?:last|previous) year)\b/gi, value: (m) => `${ANCHORED}same-${m[1]!.toLowerCase()}-1` },
  // three years later / afterwards (after a date named in the text)
  {
    re: /\b(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty) years? (?:later|afterwards|after that)\b/gi,
    value: (m) => `${ANCHORED}year+${/^\d+$/.test(m[1]!) ? +m[1]! : NUMBER_WORDS[m[1]!.toLowerCase()]!}`,
  },
  // a year earlier, the year before, the previous year (after a date named in the text)
  { re: /\b(?:a|one) year (?:earlier|before)\b|\bthe (?:year (?:previous|before|earlier)|previous year|prior year)\b/gi, value: () => `${ANCHORED}year-1` },
  { re: /\bthe same day\b|\bthe (?:start|beginning|end|close) of the day\b|(?<=\b(?:on|for|during|in|end|ends|ended|ending|finish|finished|finishing|close|closed|closing) )the day\b(?!\s+(?:before|after|of|when|that|on|in))/gi, value: () => `${ANCHORED}day` },
  // Relative: last year, next month, this week, the previous year, the past year
  {
    re: /\b(?:the\s+)?(last|next|this|previous|past|coming|current|following)\s+(year|month|week|quarter)\b/gi,
    value: (m, ref) => {
      if (!ref) return null
      const w = m[1]!.toLowerCase()
      const offset = w === 'last' || w === 'previous' || w === 'past' ? -1 : w === 'next' || w === 'coming' || w === 'following' ? 1 : 0
      return relativeUnit(m[2]!, offset, ref)
    },
  },
  // two years ago, three days ago
  {
    re: /\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+(year|month|week|day)s?\s+ago\b/gi,
    value: (m, ref) => {
      if (!ref) return null
      const n = /^\d+$/.test(m[1]!) ? +m[1]! : NUMBER_WORDS[m[1]!.toLowerCase()]!
      const unit = m[2]!.toLowerCase()
      if (unit === 'week') return ymd(shiftDays(ref, -7 * n))
      return relativeUnit(unit, -n, ref)
    },
  },
  { re: /\b(yesterday|today|tomorrow|tonight)\b/gi, value: (m, ref) => (ref ? ymd(shiftDays(ref, { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[m[1]!.toLowerCase()]!)) : null) },
  // on Monday, last Friday, next Tuesday, Monday
  {
    re: new RegExp(`\\b(?:(last|next|this)\\s+)?${WEEKDAY}\\b`, 'g'),
    value: (m, ref, text) => {
      if (!ref) return null
      // A bare weekday is the last one before the publication date in a clause about the past
      // ("said on Thursday" in Friday's paper), the next one in a clause about the future
      // ("meets on Friday").
      const word = m[1]?.toLowerCase()
      const weekday = WEEKDAYS[m[2]!.toLowerCase()]!
      if (word === 'last' || word === 'next') return ymd(nearestWeekday(ref, weekday, word))
      const today = new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay()
      const back = (today - weekday + 7) % 7
      const forward = (weekday - today + 7) % 7
      if (word === 'this' || back === 0) return ymd(nearestWeekday(ref, weekday, 'nearest'))
      return ymd(shiftDays(ref, isFuture(text, m.index) ? forward : -back))
    },
  },
  // Quarters and seasons without a year: "the fourth quarter", "third-quarter", "this spring"
  {
    re: /\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter\b/gi,
    value: (m, ref, text) => {
      if (!ref) return null
      // A quarter named in a clause about the past is the last such quarter to have begun.
      const q = quarterWord(m[1]!)
      const year = !isFuture(text, m.index) && q > quarterOf(ref.m) ? ref.y - 1 : ref.y
      return `${year}-Q${q}`
    },
  },
  {
    re: /\b(?:(?:this|last|next|the)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?\b/gi,
    value: (m, ref) => {
      const season = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' }[m[1]!.toLowerCase()]!
      if (m[1]!.toLowerCase() === 'fall' && !m[2] && !/^(?:this|last|next|the)\b/i.test(m[0])) return null
      const year = m[2] ? +m[2] : ref ? ref.y + (/^last/i.test(m[0]) ? -1 : /^next/i.test(m[0]) ? 1 : 0) : null
      return year === null ? null : `${year}-${season}`
    },
  },
  // US numeric dates: 7/8/07, 12/31/2021
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/g,
    value: (m) => {
      const y = m[3]!.length === 2 ? (+m[3]! > 50 ? 1900 : 2000) + +m[3]! : +m[3]!
      return validDay(y, +m[1]!, +m[2]!) ? `${y}-${pad(+m[1]!)}-${pad(+m[2]!)}` : null
    },
  },
  // Present, past and future references, valued as TimeML does
  { re: /\b(?:now|at present|currently)\b/gi, value: (_m, ref) => (ref ? ymd(ref) : 'PRESENT_REF') },
  { re: /\b(?:for the time being|nowadays)\b/gi, value: () => 'PRESENT_REF' },
  // the end of the month (year): the one the publication date is in
  { re: /\b(?:the )?(?:end|start|beginning|middle) of (?:the|this) (month|year)\b/gi, value: (m, ref) => (ref ? (m[1]!.toLowerCase() === 'year' ? String(ref.y) : `${ref.y}-${pad(ref.m)}`) : null) },
  // ("in the past decade", "in the past few weeks" name a span of their own)
  { re: /\b(?:recently|in the past(?!\s+(?:\d|decade|century|year|month|week|day|quarter|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)))\b/gi, value: () => 'PAST_REF' },
  { re: /\b(?:(?<!\bas\s)soon(?!-|\s+as\b)|in the (?:near |coming )?future|in the near term)\b/gi, value: () => 'FUTURE_REF' },
  // Month alone: "in January" (year from the publication date)
  // "between September and October of 2007": the first month takes the year of the second
  {
    re: new RegExp(`\\b${MONTH}(?=\\s+(?:and|to|through|until|or|-|–)\\s+${MONTH}(?:\\s+of)?,?\\s+${YEAR}\\b)`, 'g'),
    value: (m, _ref, text) => {
      const year = new RegExp(`^\\s+(?:and|to|through|until|or|-|–)\\s+${MONTH}(?:\\s+of)?,?\\s+${YEAR}`).exec(text.slice(m.index + m[0].length))
      return year ? `${year[2]}-${pad(monthOf(m[1]!))}` : null
    },
  },
  { re: new RegExp(`\\b(?:in|since|until|by|from|of|during|last|next|this|early|late|mid-?)\\s+${MONTH}\\b`, 'gi'), value: (m, ref, text) => monthAlone(m, ref, text) },
  // A capitalised month name on its own (not "May", which is too often the verb)
  {
    re: /\b(January|February|March|April|June|July|August|September|October|November|December)\b/g,
    value: (m, ref, text) => (ref ? `${ref.y + yearAfter(text, m.index + m[0].length)}-${pad(monthOf(m[1]!))}` : null),
  },
  // Decades and bare years: 1953, in 2010, the 1990s, 2010-11
  { re: /\b(?:the\s+)?((?:1[89]|20)\d)0s\b/g, value: (m) => `${m[1]}` },
  { re: /\bthe\s+['‘’]?([1-9])0s\b/g, value: (m) => `19${m[1]}` },
  // the decade before the one the publication date is in, as TimeML writes a decade ("200")
  { re: /\bthe\s+(?:past|last|previous)\s+decade\b/gi, value: (_m, ref) => (ref ? String(Math.floor(ref.y / 10) - 1) : null) },
  { re: /(?<![.,$€£\d]|\d[.,])\b((?:1[5-9]|20)\d{2})\b(?![-–]\d|[.,]\d|\s*(?:%|percent|per cent|people|km|kilometres|miles|members|units|jobs|officers))/g, value: (m) => m[1]! },
]

function quarterWord(w: string) {
  return { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 }[w.toLowerCase()]!
}

/** "January next year", "March of last year": the year the words after a month put it in, relative to publication. */
function yearAfter(text: string, end: number): number {
  const m = /^\s+(?:of\s+)?(next|last|this)\s+year\b/i.exec(text.slice(end, end + 20))
  return m ? ({ next: 1, last: -1, this: 0 } as Record<string, number>)[m[1]!.toLowerCase()]! : 0
}

function monthAlone(m: RegExpExecArray, ref: Ref | null, text: string) {
  if (!ref) return null
  const raw = m[1]!
  // "May" alone is too often the verb: require the capital (the rule requires a lead word too)
  if (!/^[A-Z]/.test(raw)) return null
  const mo = monthOf(raw)
  const lead = m[0].slice(0, m[0].length - raw.length).trim().toLowerCase()
  // A month named without a year is in the publication year, unless "last"/"next" says otherwise.
  let year = ref.y + yearAfter(text, m.index + m[0].length)
  if (yearAfter(text, m.index + m[0].length) !== 0) return `${year}-${pad(mo)}`
  if (lead === 'last' && mo >= ref.m) year -= 1
  else if (lead === 'next' && mo <= ref.m) year += 1

  return `${year}-${pad(mo)}`
}

/** Parses a publication date given as YYYY-MM-DD (or DD-MM-YYYY). */
export function parseReference(published: string | undefined): Ref | null {
  if (!published) return null
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published)
  if (m && validDay(+m[1]!, +m[2]!, +m[3]!)) return { y: +m[1]!, m: +m[2]!, d: +m[3]! }
  m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(published)
  if (m && validDay(+m[3]!, +m[2]!, +m[1]!)) return { y: +m[3]!, m: +m[2]!, d: +m[1]! }
  return null
}

const HINT = /\d|day|year|month|week|quarter|decade|soon|past|recent|now|present|future|time being|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|today|tomorrow|tonight|ago/i

/**
 * Finds date expressions in `text`. Where matches overlap, the more specific rule (earlier in
 * RULES) wins, then the longer match. Linear in the text: every rule is one regex pass without
 * nested quantifiers, and overlaps are resolved in one sweep.
 */
export function findDates(text: string, reference: Ref | null): DateMention[] {
  if (!HINT.test(text)) return []
  const candidates: (DateMention & { rank: number })[] = []
  RULES.forEach((rule, rank) => {
    rule.re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = rule.re.exec(text))) {
      const value = rule.value(m, reference, text)
      if (!value) continue
      let start = m.index
      const end = start + m[0].length
      // Spans start at the date itself: "in January" → "January".
      const lead = /^(?:in|since|until|by|from|of|during)\s+/i.exec(m[0])
      if (lead) start += lead[0].length
      candidates.push({ text: text.slice(start, end), start, end, value, rank })
    }
  })
  candidates.sort((a, b) => a.start - b.start || a.rank - b.rank)
  const kept: (DateMention & { rank: number })[] = []
  for (const c of candidates) {
    const last = kept[kept.length - 1]
    if (last && c.start < last.end) {
      const better = c.rank < last.rank || (c.rank === last.rank && c.end - c.start > last.end - last.start)
      if (better) kept[kept.length - 1] = c
      continue
    }
    kept.push(c)
  }
  return resolveAnchored(kept.map(({ rank: _r, ...d }) => d), reference, text)
}

/**
 * "the same day", "a year earlier", "the same month last year": against the date named last
 * before them in the text (at day precision for a day), else against the publication date.
 * A day compared with ("up 54 points from March 12") is not the day a later "the day" means.
 */
function resolveAnchored(dates: DateMention[], reference: Ref | null, text: string): DateMention[] {
  let day: string | null = null
  let any: string | null = null
  const out: DateMention[] = []
  for (const d of dates) {
    if (d.value.startsWith(ANCHORED)) {
      const what = d.value.slice(1)
      const base = what === 'day' ? day : any
      const value = base ? anchoredValue(what, base) : reference ? anchoredValue(what, ymd(reference)) : null
      if (value) out.push({ ...d, value })
      continue
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(d.value) && !isComparedWith(d, text)) day = d.value
    if (/^\d{4}/.test(d.value)) any = d.value
    out.push(d)
  }
  return out
}

/** "up 54 points from March 12", "the highest since 1981": a date another figure is compared with. */
export function isComparedWith(d: DateMention, text: string): boolean {
  return /\b(?:from|since|than)\s+$/i.test(text.slice(Math.max(0, d.start - 8), d.start))
}

function anchoredValue(what: string, base: string): string | null {
  const y = +base.slice(0, 4)
  if (what === 'day') return /^\d{4}-\d{2}-\d{2}$/.test(base) ? base : null
  if (what === 'year-1') return String(y - 1)
  const later = /^year\+(\d+)$/.exec(what)
  if (later) return String(y + +later[1]!)
  const [, unit] = /^same-(\w+)-1$/.exec(what) ?? []
  if (!unit) return null
  const rest = base.slice(4)
  if (unit === 'day') return /^-\d{2}-\d{2}$/.test(rest) ? `${y - 1}${rest}` : String(y - 1)
  if (unit === 'period' && /^-Q\d$/.test(rest)) return `${y - 1}${rest}`
  if (unit === 'month' || unit === 'period') return /^-\d{2}/.test(rest) ? `${y - 1}${rest.slice(0, 3)}` : String(y - 1)
  if (unit === 'quarter') {
    const m = /^-Q(\d)|^-(\d{2})/.exec(rest)
    return m ? `${y - 1}-Q${m[1] ?? quarterOf(+m[2]!)}` : String(y - 1)
  }
  if (unit === 'week') return /^-\d{2}-\d{2}$/.test(rest) ? isoWeek({ y: y - 1, m: +rest.slice(1, 3), d: +rest.slice(4, 6) }) : String(y - 1)
  return null
}

/**
 * Proposition segmentation: what a sentence asserts, one fact at a time. "The film premiered on
 * May 28, 2014 in Hollywood" asserts that the film premiered on May 28, 2014 and that it
 * premiered in Hollywood; a reviewer can check each on its own. A proposition is a set of the
 * sentence's own words (not always contiguous: the subject and verb are shared), kept as spans so
 * it can be shown in place.
 *
 * The method is shallow: find the subject and main verb, cut what follows at prepositions,
 * commas and clause words, and pair subject + verb with each piece. A new verb after "and" or a
 * comma starts a coordinated clause, as do a participle ("…, earning praise for X") and a clause
 * with its own subject ("…, while criticism was aimed at Y"); "which"/"who" attach a clause to the
 * phrase before it (to the subject after a copula); an appositive ("X, the head of Y,") is a
 * proposition about X. The members of a list ("for A, B and C", "such as A and B") each get what led
 * to the list, and coordinated modifiers share their noun ("a legible, concise style"). A
 * parenthesis is a proposition about the words before it; coordinated subjects each get the
 * predicate; lead-ins set off by a comma go with the main proposition, or stand alone when they are
 * clauses ("When X happened, …").
 */
import { keepGrammatical } from './proposition-check'
import { tag, type Token as TaggedToken } from './tagger'

export type Proposition = {
  text: string
  parts: { start: number; end: number }[]
}

type Token = { text: string; lower: string; start: number; end: number; word: boolean }

const AUXILIARIES = 'is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|do|did|shall|be|been'
const IRREGULAR_PAST =
  'said|made|took|gave|became|began|rose|fell|grew|won|lost|left|went|came|saw|got|paid|sold|bought|held|led|met|ran|set|put|told|kept|found|brought|built|spent|sent|thought|wrote|chose|spoke|stood|knew|drew|threw|flew'
/** Finite verbs, including present-tense "-s" forms. */
const VERB = new RegExp(`^(?:${AUXILIARIES}|${IRREGULAR_PAST}|[a-z]{3,}ed|[a-z]{3,}s)$`)
/** Verbs that surely are verbs (no "-s" guess): used where a wrong guess would start a false clause. */
const CLEAR_VERB = new RegExp(`^(?:${AUXILIARIES}|${IRREGULAR_PAST}|[a-z]{3,}ed)$`)
/** Words ending in "s" that are rarely verbs in news copy. */
const NOT_VERBS = new Set([
  'its',
  'this',
  'his',
  'hers',
  'ours',
  'theirs',
  'yours',
  'news',
  'series',
  'us',
  'less',
  'was',
  'has',
  'is',
  'as',
  'thus',
  'plus',
  'always',
  'perhaps',
  'across',
  'towards',
  'unless',
  'nevertheless',
  'whereas',
  'percent',
])
const PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'by',
  'during',
  'since',
  'after',
  'before',
  'as',
  'until',
  'into',
  'through',
  'under',
  'over',
  'against',
  'between',
  'among',
  'near',
  'within',
  'without',
  'via',
  'including',
])
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'became', 'become', 'remains', 'remained'])
const VERB_GROUP_WORDS = new Set(['not', 'also', 'been', 'be', 'later', 'then'])
const BOUNDARIES = new Set([
  ',',
  ';',
  'and',
  'or',
  'which',
  'who',
  'while',
  'but',
  'yet',
  'although',
  'though',
  'whereas',
  'because',
  'where',
  'when',
])
const NEW_CLAUSE_AFTER = new Set([',', 'and', 'but', ';', 'or', 'yet'])

function tokenize(text: string): Token[] {
  const out: Token[] = []
  const re = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu
  let m: RegExpExecArray | null
  while ((m = re.exec(text)))
    out.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      word: /[\p{L}\p{N}]/u.test(m[0]),
      start: m.index,
      end: m.index + m[0].length,
    })
  return out
}

function isVerb(t: Token | undefined, clear = false) {
  if (!t || /^\p{Lu}/u.test(t.text)) return false
  if (t.lower === 'was' || t.lower === 'has' || t.lower === 'is') return true
  if (NOT_VERBS.has(t.lower)) return false
  // "expressiveness", "famous", "physics" are no "-s" verbs.
  if (!clear && /(?:ss|ous|ics|is|us)$/.test(t.lower)) return false
  return (clear ? CLEAR_VERB : VERB).test(t.lower)
}

/** The verb group starting at `i` ("has not been approved"); returns its indices and the next index. */
function verbGroup(tokens: Token[], i: number): [number[], number] {
  const group: number[] = []
  while (i < tokens.length && (isVerb(tokens[i]) || VERB_GROUP_WORDS.has(tokens[i]!.lower))) group.push(i++)
  return [group, i]
}

type Clause = {
  subject: number[]
  verb: number[]
  object: number[]
  modifiers: number[][]
}

const hasWord = (tokens: Token[], ix: number[]) => {
  let count = 0
  for (const i of ix) if (tokens[i]!.word) count++
  return count
}

function toProposition(text: string, tokens: Token[], indices: number[]): Proposition {
  const sorted = Int32Array.from(indices).sort()
  const parts: { start: number; end: number }[] = []
  let previous = -2
  for (const i of sorted) {
    if (i === previous) continue
    const t = tokens[i]!
    const last = parts[parts.length - 1]
    if (last && i === previous + 1) last.end = t.end
    else parts.push({ start: t.start, end: t.end })
    previous = i
  }
  const words = parts
    .map((p) => text.slice(p.start, p.end))
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
  // Trailing commas and the like go (a loop, not a regex that backtracks on long runs).
  let end = words.length
  while (end > 0 && /[\s,;:]/.test(words[end - 1]!)) end--
  const clean = words.slice(0, end)
  return { text: clean.charAt(0).toUpperCase() + clean.slice(1), parts }
}

/** The capitalised words ending `ix` ("to Maria Ortiz" → "Maria Ortiz"). */
function trailingName(tokens: Token[], ix: number[]) {
  let k = ix.length
  while (k > 0 && /^\p{Lu}/u.test(tokens[ix[k - 1]!]!.text)) k--
  return ix.slice(k)
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'some',
  'many',
  'several',
  'all',
  'both',
  'each',
  'every',
  'any',
  'no',
  'another',
  'other',
])
/** Words ending in "-ing" that are not participles. */
const ING_NOUNS = new Set([
  'during',
  'including',
  'according',
  'nothing',
  'something',
  'anything',
  'everything',
  'morning',
  'evening',
  'building',
  'meeting',
  'funding',
  'spending',
  'training',
  'housing',
  'clothing',
  'hearing',
  'opening',
  'beginning',
  'ending',
  'wedding',
  'ceiling',
  'string',
  'spring',
  'thing',
  'king',
])
/** Clause words that start a clause of its own ("…, while criticism was aimed at the script"). */
const CLAUSE_WORDS = new Set([',', ';', 'and', 'or', 'but', 'yet', 'while', 'although', 'though', 'whereas', 'because'])
/** Subordinate clauses that stay whole as a modifier ("…when the union with Sweden was dissolved"). */
const SUBORDINATE = new Set(['when', 'where'])
/** Joins of a list: "A, B and C", "X such as A". */
const LIST_JOINS = new Set([',', 'and', 'or', 'such as'])
/** A leading word set off by a comma that is only discourse ("However, …"). */
const DISCOURSE = new Set([
  'however',
  'meanwhile',
  'moreover',
  'furthermore',
  'instead',
  'nevertheless',
  'nonetheless',
  'still',
  'thus',
  'therefore',
  'besides',
  'additionally',
  'also',
  'later',
  'then',
  'today',
  'now',
  'currently',
  'finally',
  'initially',
  'subsequently',
  'consequently',
  'overall',
  'indeed',
  'but',
  'and',
  'so',
])
/** Adverbs by their ending ("Finally", "Recently"; not "Italy"). */
const ADVERB = /(?:ally|ently|antly|ately|ously|edly|ingly|ively|ntly|stly|ghly)$/
/** Leading words of a prepositional lead-in besides PREPOSITIONS ("Despite the rain, …"). */
const LEAD_PREPOSITIONS = new Set([
  'according',
  'due',
  'despite',
  'following',
  'like',
  'unlike',
  'throughout',
  'upon',
  'amid',
  'beyond',
  'of',
  'to',
])
/** Leading subordinate clauses that make a proposition of their own ("When both sides realize X, …"). */
const LEAD_CLAUSES = new Set(['when', 'if', 'although', 'though', 'because', 'while', 'whereas', 'once', 'unless'])

const isCap = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text)
const isWord = (t: Token | undefined) => !!t && t.word
const isParticiple = (t: Token | undefined) => !!t && /^[a-z]{2,}ing$/.test(t.text) && !ING_NOUNS.has(t.lower)

/** Whether the comma at `k` is inside a place ("Everett, Washington") or a date ("July 8, 2007"), not a boundary. */
function innerComma(tk: Token[], k: number) {
  const prev = tk[k - 1]
  const next = tk[k + 1]
  if (tk[k]?.text !== ',' || !prev || !next) return false
  if (/^\d{1,2}$/.test(prev.text) && /^\d{4}$/.test(next.text)) return true
  if (!isCap(prev) || !isCap(next) || /^(?:The|A|An)$/.test(next.text)) return false
  // "Iowa, Minnesota and New York" and "Breaking Away, Innerspace, Great Balls of Fire" are lists, not places.
  let b = k - 1
  while (b > 0 && b > k - 7 && isCap(tk[b - 1])) b--
  if (tk[b - 1]?.text === ',') return false
  let j = k + 1
  while (j < tk.length && j < k + 7 && (isCap(tk[j]) || (tk[j]!.lower === 'of' && isCap(tk[j + 1])))) j++
  const after = tk[j]
  if (!after) return true
  if ((after.lower === 'and' || after.lower === 'or') && isCap(tk[j + 1])) return false
  if (after.text === ',' && (isCap(tk[j + 1]) || ((tk[j + 1]?.lower === 'and' || tk[j + 1]?.lower === 'or') && isCap(tk[j + 2]))))
    return false
  return true
}

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'there'])
const AUXILIARY_OR_IRREGULAR = new RegExp(`^(?:${AUXILIARIES}|${IRREGULAR_PAST})$`)

/**
 * Whether `j` is the verb of a clause whose subject starts at `s` ("criticism was aimed", "he gained"): an
 * auxiliary or irregular past after a noun, or an "-ed" form after a pronoun, a name or a short noun phrase
 * ("1959 animated film" is no clause).
 */
function clauseVerbAt(tk: Token[], s: number, j: number) {
  const t = tk[j]!
  const before = tk[j - 1]
  if (j <= s || !before || DETERMINERS.has(before.lower) || !isVerb(t, true)) return false
  if (AUXILIARY_OR_IRREGULAR.test(t.lower)) return true
  if (PRONOUNS.has(before.lower) || isCap(before)) return true
  // "the central bank raised": a short noun phrase opened by a determiner.
  if (j - s > 5 || !DETERMINERS.has(tk[s]!.lower) || !/^\p{Ll}/u.test(before.text) || ADVERB.test(before.lower)) return false
  for (let i = s + 1; i < j; i++) if (!tk[i]!.word || PREPOSITIONS.has(tk[i]!.lower)) return false
  return true
}

/** After a clause word at `s - 1`: the index of the verb of a clause with its own subject, or -1. */
function clauseVerbAhead(tk: Token[], s: number) {
  for (let j = s; j < tk.length && j < s + 7; j++) {
    const t = tk[j]!
    if (t.text === ',' || t.text === ';' || BOUNDARIES.has(t.lower) || PREPOSITIONS.has(t.lower)) {
      if (j === s || t.text === ',' || t.text === ';' || BOUNDARIES.has(t.lower)) return -1
      continue
    }
    if (isVerb(t, true)) return clauseVerbAt(tk, s, j) ? j : -1
  }
  return -1
}

/** The words a parenthesis is about: the name or short noun phrase just before it. */
function headBefore(tk: Token[], at: number) {
  let k = at - 1
  while (k >= 0 && !isWord(tk[k]) && tk[k]!.text !== ',' && k >= at - 3) k--
  const out: number[] = []
  while (k >= 0 && isCap(tk[k]) && out.length < 6) out.unshift(k--)
  if (out.length) return out
  while (k >= 0 && isWord(tk[k]) && out.length < 4) {
    const t = tk[k]!
    if (PREPOSITIONS.has(t.lower) || BOUNDARIES.has(t.lower) || isVerb(t, true)) break
    out.unshift(k--)
    if (DETERMINERS.has(t.lower)) break
  }
  return out
}

type Piece = { by: string | null; ix: number[] }
/** Where a list's first member sits: the clause's object or one of its modifiers. */
type ListHead = { clause: Clause; kind: 'object' | 'modifier'; ix: number[] }
type List = { head: ListHead; prefix: number[]; members: number[][]; joins: string[] }

/** The words of a verb's object before its noun phrase ("to promote" in "to promote a legible style"). */
function objectPrefix(tk: Token[], object: number[]) {
  let cut = 0
  object.forEach((i, k) => {
    if (tk[i]!.lower === 'to' && k + 1 < object.length) cut = k + 2
    else if (isVerb(tk[i], true) || isParticiple(tk[i])) cut = k + 1
  })
  return cut
}

/** Stands for the sentence's subject (which may be coordinated: "Sullivan and Costigan") in a proposition. */
const SUBJECT = -1

/** The propositions of a sentence with its parentheses left out, as indices into `tk`. */
function analyse(tk: Token[]): number[][] {
  const n = tk.length
  const all = () => [tk.map((_, i) => i).filter((i) => !/^[.!?]$/.test(tk[i]!.text))]
  if (n < 3) return all()

  // Lead-ins set off by commas: "However," is dropped, "On June 16, 2015," goes with the main proposition,
  // "When both sides realize the situation," and "First gaining attention in the 1980s," stand alone.
  let begin = 0
  const lead: number[] = []
  const source: number[] = []
  const alone: number[][] = []
  for (let round = 0; round < 2; round++) {
    let comma = -1
    for (let i = begin + 1; i < Math.min(n, begin + 14); i++)
      if (tk[i]!.text === ',' && !innerComma(tk, i)) {
        comma = i
        break
      }
    if (comma < 0) break
    const first = tk[begin]!.lower
    const span = tk.slice(begin, comma).map((_, k) => begin + k)
    if (comma === begin + 1 && (DISCOURSE.has(first) || ADVERB.test(first))) begin = comma + 1
    else if (LEAD_CLAUSES.has(first)) {
      alone.push(span.slice(1))
      begin = comma + 1
    } else if (isParticiple(tk[begin]) || (!DETERMINERS.has(first) && isParticiple(tk[begin + 1]))) {
      alone.push(span)
      begin = comma + 1
    } else if (first === 'according' && !round) {
      // "According to the report, …" is context for everything the sentence says: a proposition of its own.
      source.push(...span)
      begin = comma + 1
    } else if (PREPOSITIONS.has(first) || LEAD_PREPOSITIONS.has(first)) {
      lead.push(...span)
      begin = comma + 1
    } else break
  }

  // A clear verb ("rose", "was") beats a guessed "-s" one ("times" in "commute times rose").
  const window = Math.min(n, begin + 15)
  let verbAt = -1
  // An "-ed" word after a determiner is an adjective ("the related costs").
  for (let i = begin + 1; i < window && verbAt < 0; i++)
    if (isVerb(tk[i], true) && (AUXILIARY_OR_IRREGULAR.test(tk[i]!.lower) || !DETERMINERS.has(tk[i - 1]!.lower))) verbAt = i
  for (let i = begin + 1; i < window && verbAt < 0; i++) if (isVerb(tk[i])) verbAt = i
  if (verbAt < 0) return all()

  // The subject, without what commas set off inside it ("The Kingdom of Norway, commonly called Norway, is…"),
  // and split where it is coordinated ("Sullivan and Costigan attempt…").
  const region = tk.slice(begin, verbAt).map((_, k) => begin + k)
  const firstComma = region.findIndex((i) => tk[i]!.text === ',' && !innerComma(tk, i))
  const core = firstComma > 0 ? region.slice(0, firstComma) : region.filter((i) => tk[i]!.text !== ',')
  const inserted = firstComma > 0 ? region.slice(firstComma + 1).filter((i) => tk[i]!.text !== ',') : []
  const subjects: number[][] = [[]]
  for (let k = 0; k < core.length; k++) {
    const t = tk[core[k]!]!
    const join = t.lower === 'and' || t.lower === 'or' || (t.lower === 'as' && tk[core[k] + 1]?.lower === 'well')
    const nextWord = tk[core[k]! + (t.lower === 'as' ? 3 : 1)]
    if (join && subjects[subjects.length - 1]!.length && (isCap(nextWord) || DETERMINERS.has(nextWord?.lower ?? ''))) {
      if (t.lower === 'as') k += 2
      subjects.push([])
    } else subjects[subjects.length - 1]!.push(core[k]!)
  }
  const subjectList = subjects.filter((s) => s.length)
  if (!subjectList.length) subjectList.push(core)
  const [verb, after] = verbGroup(tk, verbAt)
  const copula = COPULAS.has(tk[verb[verb.length - 1]!]!.lower)

  // What follows the verb, cut at prepositions (which start a piece) and boundaries (dropped).
  const pieces: Piece[] = []
  let current: number[] = []
  let by: string | null = null
  let protect = -1
  // "…following additional training for NCB staff": inside a prepositional piece, "for" after a
  // noun belongs to that noun, not to the verb.
  const forTheNoun = (k: number) =>
    tk[k]!.lower === 'for' &&
    current.length > 1 &&
    by !== null &&
    PREPOSITIONS.has(by) &&
    /^[a-z]{3,}$/.test(tk[k - 1]!.text) &&
    !isVerb(tk[k - 1], true)
  for (let k = after; k < n; k++) {
    const t = tk[k]!
    if (/^[.!?]$/.test(t.text) && k === n - 1) break
    if (k < protect || innerComma(tk, k) || (t.lower === 'and' && by === 'between')) {
      current.push(k)
      continue
    }
    let cut: string | null = null
    let skip = 0
    if (t.lower === 'such' && tk[k + 1]?.lower === 'as') [cut, skip] = ['such as', 1]
    else if (t.lower === 'as' && tk[k + 1]?.lower === 'well' && tk[k + 2]?.lower === 'as') [cut, skip] = ['and', 2]
    else if (t.lower === 'as' && tk[k + 1]?.lower === 'well') [cut, skip] = [',', 1]
    else if (BOUNDARIES.has(t.lower) || (PREPOSITIONS.has(t.lower) && !forTheNoun(k))) cut = t.lower
    // "…is a language that supports X": after a copula, "that" starts a clause about the subject.
    else if (t.lower === 'that' && copula && isVerb(tk[k + 1])) cut = 'that'
    if (cut === null) {
      current.push(k)
      continue
    }
    if (current.length) pieces.push({ by, ix: current })
    by = cut
    current = PREPOSITIONS.has(cut) ? [k] : []
    if (SUBORDINATE.has(cut)) {
      // "when the union with Sweden was dissolved": whole up to the next comma.
      current = [k]
      while (k + 1 < n && tk[k + 1]!.text !== ',' && !/^[.!?;]$/.test(tk[k + 1]!.text)) current.push(++k)
      continue
    }
    // A clause with its own subject: the subject's prepositions cut nothing.
    if (CLAUSE_WORDS.has(cut)) protect = clauseVerbAhead(tk, k + skip + 1)
    k += skip
  }
  if (current.length) pieces.push({ by, ix: current })

  const object = pieces[0] && pieces[0].by === null ? pieces.shift()!.ix : []
  const main: Clause = { subject: [SUBJECT], verb, object, modifiers: [] }
  const clauses: Clause[] = [main]
  /** Propositions of a clause's own making: other members of a list in its object ("stars A, B and C"). */
  const extra = new Map<Clause, number[][]>()
  const addExtra = (c: Clause, ix: number[]) => {
    const list = extra.get(c)
    if (list) list.push(ix)
    else extra.set(c, [ix])
  }
  /** The clause that following modifiers attach to (appositives take none). */
  let open = main
  let previous = object
  let last: ListHead | null = object.length ? { clause: main, kind: 'object', ix: object } : null
  let list: List | null = null

  const flush = () => {
    if (!list) return
    const { head, prefix, members, joins } = list
    list = null
    const add = (ix: number[]) => (head.kind === 'modifier' ? head.clause.modifiers.push(ix) : addExtra(head.clause, ix))
    const lastMember = members[members.length - 1]!
    const m0 = members[0]!
    const lower = (i: number) => /^\p{Ll}/u.test(tk[i]!.text) && !DETERMINERS.has(tk[i]!.lower)
    const shortMember = (m: number[]) => m.length === 1 || (m.length === 2 && /ly$/.test(tk[m[0]!]!.lower))
    // "a remake and spin-off of X", "a legible, concise programming style": single words share the last member's tail.
    const adjectives =
      members.length >= 2 &&
      !joins.includes('such as') &&
      lastMember.length >= 2 &&
      lower(lastMember[0]!) &&
      members.slice(1, -1).every((m) => shortMember(m) && m.every(lower)) &&
      m0.length >= 1 &&
      lower(m0[m0.length - 1]!) &&
      (m0.length === 1 || (m0.length === 2 && DETERMINERS.has(tk[m0[0]!]!.lower)))
    if (adjectives) {
      const tail = lastMember.slice(/ly$/.test(tk[lastMember[0]!]!.lower) && lastMember.length >= 3 ? 2 : 1)
      const det = m0.length === 2 ? [m0[0]!] : []
      head.ix.push(...tail)
      for (const m of members.slice(1, -1)) add([...prefix, ...det, ...m, ...tail])
      add([...prefix, ...det, ...lastMember])
      return
    }
    for (const m of members.slice(1)) add([...prefix, ...m])
  }

  pieces.forEach((piece, p) => {
    const first = tk[piece.ix[0]!]
    // "…, and was released in…": a coordinated verb phrase with the same subject.
    if (piece.by && NEW_CLAUSE_AFTER.has(piece.by) && isVerb(first, true)) {
      flush()
      const [v, end] = verbGroup(tk, piece.ix[0]!)
      const rest = piece.ix.filter((i) => i >= end)
      clauses.push((open = { subject: [SUBJECT], verb: v, object: rest, modifiers: [] }))
      previous = rest
      last = rest.length ? { clause: open, kind: 'object', ix: rest } : null
      return
    }
    // "…, earning praise for…", "…before settling in…": a participial clause about the subject.
    if (piece.by && (CLAUSE_WORDS.has(piece.by) || PREPOSITIONS.has(piece.by)) && isParticiple(first)) {
      flush()
      const rest = piece.ix.slice(1)
      clauses.push((open = { subject: [SUBJECT], verb: [piece.ix[0]!], object: rest, modifiers: [] }))
      previous = rest
      last = rest.length ? { clause: open, kind: 'object', ix: rest } : null
      return
    }
    // "…, while criticism was aimed at…", "…; Wahlberg was also nominated…": a clause with its own subject.
    if (piece.by && CLAUSE_WORDS.has(piece.by)) {
      const v = piece.ix.findIndex((i, k) => k < 7 && isVerb(tk[i], true))
      if (v > 0 && clauseVerbAt(tk, piece.ix[0]!, piece.ix[v]!)) {
        flush()
        const [vg, end] = verbGroup(tk, piece.ix[v]!)
        const rest = piece.ix.filter((i) => i >= end)
        clauses.push((open = { subject: piece.ix.slice(0, v), verb: vg, object: rest, modifiers: [] }))
        previous = rest
        last = rest.length ? { clause: open, kind: 'object', ix: rest } : null
        return
      }
    }
    if (piece.by === 'which' || piece.by === 'who' || piece.by === 'that') {
      flush()
      const [v, end] = isVerb(first) ? verbGroup(tk, piece.ix[0]!) : [[], piece.ix[0]!]
      // After a copula the relative clause is about the subject ("X is a state … which is not part of Y").
      const about = COPULAS.has(tk[open.verb[open.verb.length - 1]!]?.lower ?? '')
        ? open.subject
        : PREPOSITIONS.has(tk[previous[0]!]?.lower ?? '')
        ? previous.slice(1)
        : previous
      clauses.push(
        (open = {
          subject: about.length ? about : [SUBJECT],
          verb: v,
          object: piece.ix.filter((i) => i >= end),
          modifiers: [],
        }),
      )
      last = open.object.length ? { clause: open, kind: 'object', ix: open.object } : null
      return
    }
    // "…, with implementation completed in October 2021": an absolute clause with its own subject.
    const participle = piece.by === 'with' ? piece.ix.findIndex((i, k) => k >= 2 && k <= 5 && /^[a-z]{3,}ed$/.test(tk[i]!.lower)) : -1
    if (participle > 0) {
      flush()
      clauses.push(
        (open = {
          subject: piece.ix.slice(1, participle),
          verb: [piece.ix[participle]!],
          object: piece.ix.slice(participle + 1),
          modifiers: [],
        }),
      )
      previous = []
      last = null
      return
    }
    // "…Maria Ortiz, the head of the agency,": an appositive names what the proper noun before it is.
    const name = trailingName(tk, previous)
    if (piece.by === ',' && /^(?:the|a|an)$/.test(first?.text ?? '') && name.length) {
      flush()
      clauses.push({ subject: name, verb: [], object: piece.ix, modifiers: [] })
      previous = piece.ix
      last = null
      return
    }
    // "…for Jolie's performance, the costumes and musical score": members of a list share what led to the first.
    if (piece.by && LIST_JOINS.has(piece.by) && (list || last)) {
      if (!list) {
        const head = last!
        const cut = head.kind === 'object' ? objectPrefix(tk, head.ix) : PREPOSITIONS.has(tk[head.ix[0]!]!.lower) ? 1 : 0
        list = { head, prefix: head.ix.slice(0, cut), members: [head.ix.slice(cut)], joins: [] }
      }
      list.members.push(piece.ix)
      list.joins.push(piece.by)
      previous = piece.ix
      return
    }
    // A prepositional phrase inside a list belongs to its member ("sexual activity with minors, prostitution").
    const next = pieces[p + 1]
    if (list && list.members.length >= 2 && next?.by === ',' && !isVerb(tk[next.ix[0]!], true) && !isParticiple(tk[next.ix[0]!])) {
      list.members[list.members.length - 1]!.push(...piece.ix)
      previous = piece.ix
      return
    }
    flush()
    open.modifiers.push(piece.ix)
    previous = piece.ix
    last = { clause: open, kind: 'modifier', ix: piece.ix }
  })
  flush()

  const out: number[][] = []
  for (const c of clauses) {
    // After a copula the object is the predicate ("are a team based in X"): modifiers attach to it.
    const copula = c.verb.some((i) => COPULAS.has(tk[i]!.lower))
    const carried = copula || c.object.length <= 3 || /ed$/.test(tk[c.object[c.object.length - 1]!]?.lower ?? '') ? c.object : []
    // "Implementation completed" and "The film premiered" say nothing that "…premiered in Hollywood" does not;
    // a long object that the modifiers do not carry is a proposition of its own.
    const base = [...c.subject, ...c.verb, ...c.object]
    if (!c.modifiers.length || carried.length < c.object.length) out.push(c === main ? [...base, ...lead] : base)
    c.modifiers.forEach((m, k) =>
      out.push([...c.subject, ...c.verb, ...carried, ...m, ...(c === main && k === 0 && !c.object.length ? lead : [])]),
    )
    for (const x of extra.get(c) ?? []) out.push([...c.subject, ...c.verb, ...x])
  }
  for (const ix of inserted.length ? [inserted] : []) out.push([SUBJECT, ...ix])
  out.push(...alone)
  if (source.length) out.push([SUBJECT, ...verb, ...source])
  // Each coordinated subject makes its own propositions.
  if (subjectList.length === 1) {
    const only = subjectList[0]!
    return out.map((ix) => (ix[0] === SUBJECT ? [...only, ...ix.slice(1)] : ix))
  }
  return out.flatMap((ix) => (ix[0] === SUBJECT ? subjectList.map((s) => [...s, ...ix.slice(1)]) : [ix]))
}

/**
 * The propositions of one sentence that are grammatical and faithful (see proposition-check.ts),
 * with offsets relative to it. `tags` (relative to the sentence too) are computed when not given.
 */
export function splitPropositions(sentence: string, tags: TaggedToken[] = tag(sentence)): Proposition[] {
  return keepGrammatical(tags, candidatePropositions(sentence))
}

/** Every proposition the rules find in one sentence, before the grammar check. */
export function candidatePropositions(sentence: string): Proposition[] {
  if (sentence.length > 2000) return []
  const tokens = tokenize(sentence)
  const n = tokens.length
  if (n < 3) return []

  // A parenthesis ("Calista Flockhart (born November 11, 1964)") is a proposition about the words before it
  // and is left out of the rest of the sentence.
  const close = new Array<number>(n).fill(-1)
  const stack: number[] = []
  tokens.forEach((t, i) => {
    if (t.text === '(' || t.text === '[') stack.push(i)
    else if ((t.text === ')' || t.text === ']') && stack.length) close[stack.pop()!] = i
  })
  const main: number[] = []
  const parens: { at: number; content: number[] }[] = []
  for (let i = 0; i < n; i++) {
    if (close[i]! > i) {
      parens.push({ at: main.length, content: tokens.slice(i + 1, close[i]!).map((_, k) => i + 1 + k) })
      i = close[i]!
      continue
    }
    main.push(i)
  }
  const tk = main.map((i) => tokens[i]!)
  const out: number[][] = hasWord(tokens, main) >= 2 ? analyse(tk) : []
  if (parens.length) for (let k = 0; k < out.length; k++) out[k] = out[k]!.map((i) => main[i]!)
  for (const { at, content } of parens) {
    const head = headBefore(tk, at).map((i) => main[i]!)
    let segment: number[] = []
    const segments: number[][] = []
    content.forEach((i, k) => {
      const t = tokens[i]!
      if (t.text === ';' || (t.text === ',' && !innerComma(tokens, i))) {
        segments.push(segment)
        segment = []
      } else if (k || (t.text !== '(' && t.text !== '[')) segment.push(i)
    })
    segments.push(segment)
    for (const s of segments) if (hasWord(tokens, s)) out.push([...head, ...s])
  }
  const seen = new Set<string>()
  return out
    .filter((ix) => hasWord(tokens, ix) >= 2)
    .map((ix) => toProposition(sentence, tokens, ix))
    .filter((p) => {
      const key = p.text.toLowerCase()
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}

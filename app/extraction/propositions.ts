/**
 * Proposition segmentation: what a sentence asserts, one fact at a time. "The film premiered on
 * May 28, 2014 in Hollywood" asserts that the film premiered on May 28, 2014 and that it
 * premiered in Hollywood; a reviewer can check each on its own. A proposition is a set of the
 * sentence's own words (not always contiguous: the subject and verb are shared), kept as spans so
 * it can be shown in place.
 *
 * The method is shallow: find the subject and main verb, cut what follows at prepositions,
 * commas and clause words, and pair subject + verb with each piece. A new verb after "and" or a
 * comma starts a coordinated clause; "which"/"who" attach a clause to the phrase before it; an
 * appositive ("X, the head of Y,") is a proposition about X.
 */

export type Proposition = {
  text: string
  parts: { start: number; end: number }[]
}

type Token = { text: string; lower: string; start: number; end: number }

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
const BOUNDARIES = new Set([',', ';', 'and', 'which', 'who', 'while', 'but', 'where', 'when'])
const NEW_CLAUSE_AFTER = new Set([',', 'and', 'but', ';'])

function tokenize(text: string): Token[] {
  const out: Token[] = []
  const re = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu
  let m: RegExpExecArray | null
  while ((m = re.exec(text)))
    out.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
    })
  return out
}

function isVerb(t: Token | undefined, clear = false) {
  if (!t || /^\p{Lu}/u.test(t.text)) return false
  if (t.lower === 'was' || t.lower === 'has' || t.lower === 'is') return true
  if (NOT_VERBS.has(t.lower)) return false
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

const hasWord = (tokens: Token[], ix: number[]) => ix.filter((i) => /[\p{L}\p{N}]/u.test(tokens[i]!.text)).length

function toProposition(text: string, tokens: Token[], indices: number[]): Proposition {
  const sorted = [...new Set(indices)].sort((a, b) => a - b)
  const parts: { start: number; end: number }[] = []
  for (const i of sorted) {
    const t = tokens[i]!
    const last = parts[parts.length - 1]
    if (last && sorted.includes(i - 1)) last.end = t.end
    else parts.push({ start: t.start, end: t.end })
  }
  const words = parts.map((p) => text.slice(p.start, p.end).replace(/\s+/g, ' ')).join(' ')
  const clean = words.replace(/\s+([,.;:!?])/g, '$1').replace(/[\s,;:]+$/, '')
  return { text: clean.charAt(0).toUpperCase() + clean.slice(1), parts }
}

/** The capitalised words ending `ix` ("to Maria Ortiz" → "Maria Ortiz"). */
function trailingName(tokens: Token[], ix: number[]) {
  let k = ix.length
  while (k > 0 && /^\p{Lu}/u.test(tokens[ix[k - 1]!]!.text)) k--
  return ix.slice(k)
}

/** The propositions of one sentence, with offsets relative to it. */
export function splitPropositions(sentence: string): Proposition[] {
  if (sentence.length > 2000) return []
  const tokens = tokenize(sentence)
  const n = tokens.length
  if (n < 3) return []
  const whole = () => [
    toProposition(
      sentence,
      tokens,
      tokens.map((_, i) => i).filter((i) => !/^[.!?]$/.test(tokens[i]!.text)),
    ),
  ]

  // A leading prepositional phrase set off by a comma ("On June 16, 2015, Disney announced…").
  let begin = 0
  let lead: number[] = []
  const comma = tokens.findIndex((t, i) => i < 12 && t.text === ',')
  if ((PREPOSITIONS.has(tokens[0]!.lower) || tokens[0]!.lower === 'according') && comma > 0) {
    lead = tokens.slice(0, comma).map((_, i) => i)
    begin = comma + 1
  }
  // A clear verb ("rose", "was") beats a guessed "-s" one ("times" in "commute times rose").
  const window = Math.min(n, begin + 15)
  let verbAt = -1
  for (let i = begin + 1; i < window && verbAt < 0; i++) if (isVerb(tokens[i], true)) verbAt = i
  for (let i = begin + 1; i < window && verbAt < 0; i++) if (isVerb(tokens[i])) verbAt = i
  if (verbAt < 0) return whole()
  const subject = tokens.slice(begin, verbAt).flatMap((t, k) => (t.text === ',' ? [] : [begin + k]))
  const [verb, after] = verbGroup(tokens, verbAt)

  // What follows the verb, cut at prepositions (which start a piece) and boundaries (dropped).
  const pieces: { by: string | null; ix: number[] }[] = []
  let current: number[] = []
  let by: string | null = null
  for (let k = after; k < n; k++) {
    const t = tokens[k]!
    if (/^[.!?]$/.test(t.text) && k === n - 1) break
    // "Everett, Washington" and "July 8, 2007": a comma inside a place or a date is no boundary.
    const prev = tokens[k - 1]
    const next = tokens[k + 1]
    const inName =
      t.text === ',' &&
      prev &&
      next &&
      ((/^\p{Lu}/u.test(prev.text) && /^\p{Lu}/u.test(next.text) && !/^(?:The|A|An)$/.test(next.text)) ||
        (/^\d{1,2}$/.test(prev.text) && /^\d{4}$/.test(next.text)))
    // "between 2015 and 2023" is one piece.
    const between = t.lower === 'and' && by === 'between'
    if (inName || between) current.push(k)
    else if (PREPOSITIONS.has(t.lower) || BOUNDARIES.has(t.lower)) {
      if (current.length) pieces.push({ by, ix: current })
      current = BOUNDARIES.has(t.lower) ? [] : [k]
      by = t.lower
    } else current.push(k)
  }
  if (current.length) pieces.push({ by, ix: current })

  const object = pieces[0] && pieces[0].by === null ? pieces.shift()!.ix : []
  const clauses: Clause[] = [{ subject, verb, object, modifiers: [] }]
  /** The clause that following modifiers attach to (appositives take none). */
  let open = clauses[0]!
  let previous = object
  for (const piece of pieces) {
    const first = tokens[piece.ix[0]!]
    if (piece.by && NEW_CLAUSE_AFTER.has(piece.by) && isVerb(first, true)) {
      const [v, end] = verbGroup(tokens, piece.ix[0]!)
      const rest = piece.ix.filter((i) => i >= end)
      clauses.push((open = { subject, verb: v, object: rest, modifiers: [] }))
      previous = rest
      continue
    }
    if (piece.by === 'which' || piece.by === 'who') {
      const [v, end] = isVerb(first) ? verbGroup(tokens, piece.ix[0]!) : [[], piece.ix[0]!]
      clauses.push(
        (open = {
          subject: previous.length ? previous : subject,
          verb: v,
          object: piece.ix.filter((i) => i >= end),
          modifiers: [],
        }),
      )
      continue
    }
    // "…, with implementation completed in October 2021": an absolute clause with its own subject.
    const participle = piece.by === 'with' ? piece.ix.findIndex((i, k) => k >= 2 && k <= 5 && /^[a-z]{3,}ed$/.test(tokens[i]!.lower)) : -1
    if (participle > 0) {
      clauses.push(
        (open = {
          subject: piece.ix.slice(1, participle),
          verb: [piece.ix[participle]!],
          object: piece.ix.slice(participle + 1),
          modifiers: [],
        }),
      )
      previous = []
      continue
    }
    // "…Maria Ortiz, the head of the agency,": an appositive names what the proper noun before it is.
    const name = trailingName(tokens, previous)
    if (piece.by === ',' && /^(?:the|a|an)$/.test(first?.lower ?? '') && name.length) {
      clauses.push({
        subject: name,
        verb: [],
        object: piece.ix,
        modifiers: [],
      })
      previous = piece.ix
      continue
    }
    open.modifiers.push(piece.ix)
    previous = piece.ix
  }

  const out: number[][] = []
  for (const c of clauses) {
    // "Implementation completed" says nothing that "…completed in October 2021" does not.
    if (c.object.length || !c.modifiers.length) out.push([...c.subject, ...c.verb, ...c.object])
    // After a copula the object is the predicate ("are a team based in X"): modifiers attach to it.
    const copula = c.verb.some((i) => COPULAS.has(tokens[i]!.lower))
    const carried = copula || c.object.length <= 3 || /ed$/.test(tokens[c.object[c.object.length - 1]!]?.lower ?? '') ? c.object : []
    for (const m of c.modifiers) out.push([...c.subject, ...c.verb, ...carried, ...m])
  }
  if (lead.length) out.push([...subject, ...verb, ...lead])
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

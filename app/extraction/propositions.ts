/**
 * Proposition segmentation: what a sentence asserts, one fact at a time. "The film premiered on
 * May 28, 2014 in Hollywood" asserts that the film premiered on May 28, 2014 and that it
 * premiered in Hollywood; a reviewer can check each on its own. A proposition is a set of the
 * sentence's own words (not always contiguous: the subject and verb are shared), kept as spans so
 * it can be shown in place.
 *
 * Candidates are built on the tagger's tokens so that each is a sentence by construction: a
 * subject (a span holding a noun, name or pronoun), a finite verb group, the verb's complement
 * (its object, a reported "that" clause) kept whole, and at most one modifier group (a
 * prepositional phrase after a complete name, number or date, or a subordinate clause). Lists
 * of names or determined noun phrases joined by "and" give one proposition per member; "or" never
 * splits ("sale or closure of three plants" is one assertion). Coordinated verb phrases repeat the
 * subject; a clause with its own subject ("…, while imports fell") and a non-restrictive relative
 * clause about a noun ("Norway, which is…") stand alone. What cannot be made a finite statement
 * from the sentence's own words — a participial addition (", grossing $758 million"), an
 * appositive, a parenthesis, a fragment without a verb — gives no proposition. Quotations and
 * numbers are never cut. The grammar check (proposition-check.ts) stays as a safety net.
 */
import { isFiller } from './context'
import { keepGrammatical } from './proposition-check'
import { isFiniteVerb, isPastForm, isReporting, isVerbal, tag, type Token } from './tagger'

export type Proposition = {
  text: string
  parts: { start: number; end: number }[]
}

const WORD = /[\p{L}\p{N}]/u
const isNominalPos = (p: string) => p === 'NOUN' || p === 'PROPN' || p === 'PRON' || p === 'NUM'
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/
const DATE_NOUN = /^(?:year|years|month|months|week|weeks|day|days|quarter|century|decade|today|yesterday)$/
/** Words that set off a clause of its own after a comma or on their own ("…, while imports fell"). */
const CLAUSE_JOIN = /^(?:and|but|yet|while|whereas|although|though)$/
/** Past or modal forms, which agree with any subject ("The senator and the governor signed"). */
const AGREES_WITH_ANY = /^(?:[a-z]+ed|had|did|will|would|can|could|should|may|might|must|shall)$/
/** A reported or content clause: the verb's complement, never cut from it. */
const COMPLEMENT = /^(?:that|whether|if)$/
/** Words that open a subordinate clause whatever the tagger calls them ("Although" may come as ADP). */
const SUBORDINATING = /^(?:although|though|whereas|while)$/
/** Words that open a subordinate clause when a finite verb follows them ("After the plane was delivered,"), else a phrase ("After the vote,"). */
const SUBORDINATING_IF_VERB = /^(?:when|after|before|because|once|since|until|unless|if)$/
/** Particles that complete a verb ("take off", "stood out") when no object follows them. */
const PARTICLE = /^(?:off|out|up|down|over|back|away|on|in|through)$/
/** Subordinate clauses that modify the verb as one group ("…after the new tariffs took effect"). */
const SUBORDINATOR = /^(?:because|when|after|before|since|until|while|whereas|although|though|as|once|unless|where)$/

type Ctx = {
  tk: Token[]
  n: number
  /** Inside a parenthesis or a quotation: no clause starts and no cut falls there. */
  locked: Uint8Array
  /** Inside a parenthesis: left out of every proposition. */
  hidden: Uint8Array
  /** A comma or semicolon that separates (not one inside a date, a place, a quotation). */
  comma: Uint8Array
  /** Holds a letter or digit. */
  word: Uint8Array
  /** The end of the sentence proper (before its final punctuation). */
  end: number
  /** "… 102 and 21 people respectively": its lists pair with each other, so none is split or read alone. */
  respectively: boolean
  out: number[][]
}

/** Marks parentheses (hidden and locked) and quotations (locked). */
function mark(tk: Token[]): { locked: Uint8Array; hidden: Uint8Array } {
  const n = tk.length
  const locked = new Uint8Array(n)
  const hidden = new Uint8Array(n)
  let paren = 0
  let straight = false
  let curly = 0
  let ticks = false
  for (let i = 0; i < n; i++) {
    const t = tk[i]!.text
    if (t === '(' || t === '[') paren++
    const inParen = paren > 0
    let quoteMark = false
    if (t === '"') {
      straight = !straight
      quoteMark = true
    } else if (t === '“' || t === '«') {
      curly++
      quoteMark = true
    } else if ((t === '”' || t === '»') && curly > 0) {
      curly--
      quoteMark = true
    } else if (t === '`' && tk[i + 1]?.text === '`') {
      ticks = true
      quoteMark = true
    } else if (t === "'" && tk[i + 1]?.text === "'" && ticks) {
      ticks = false
      quoteMark = true
    }
    if (inParen) hidden[i] = 1
    if (inParen || quoteMark || straight || curly > 0 || ticks) locked[i] = 1
    if ((t === ')' || t === ']') && paren > 0) paren--
  }
  return { locked, hidden }
}

/** Whether the comma at `k` is inside a date ("May 28, 2014") or a place ("Santa Clara, California"). */
function innerComma(tk: Token[], k: number) {
  const prev = tk[k - 1]
  const next = tk[k + 1]
  if (!prev || !next) return false
  if (/^\d{1,2}$/.test(prev.text) && /^\d{4}$/.test(next.text)) return true
  if (prev.pos !== 'PROPN' || next.pos !== 'PROPN') return false
  // "Spain, Italy and France" is a list, not a place.
  let b = k - 1
  while (b > 0 && b > k - 7 && tk[b - 1]!.pos === 'PROPN') b--
  if (tk[b - 1]?.text === ',') return false
  // "The bank's CEO, Ken Lewis, said": after a determiner or possessive the names are a title and its holder
  if (tk[b - 1]?.pos === 'DET' || tk[b - 1]?.pos === 'PART') return false
  let j = k + 1
  while (j < tk.length && j < k + 7 && tk[j]!.pos === 'PROPN') j++
  const after = tk[j]
  if (!after) return true
  // "Airbus, Europe's biggest maker": a possessive opens an appositive, not a place
  if (after.pos === 'PART' && /^['’]s$/.test(after.text)) return false
  if (after.pos === 'CCONJ' && tk[j + 1]?.pos === 'PROPN') return false
  if (after.text === ',' && (tk[j + 1]?.pos === 'PROPN' || tk[j + 1]?.pos === 'CCONJ')) return false
  // "including The Patriot, Candy, The Dark Knight and …": names, commas and "and" run on to a list's end
  if (after.text === ',') {
    for (let i = j + 1; i < tk.length && i < j + 24; i++) {
      const t = tk[i]!
      if (t.pos === 'CCONJ') return t.lower !== 'and'
      if (!(t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'NUM' || t.text === ',' || t.text === '(' || t.text === ')' || t.lower === 'of')) break
    }
  }
  return true
}

const isComma = (c: Ctx, k: number) => c.comma[k] === 1

/** The end of the verb group starting at the finite verb `i` ("has not been approved"). */
function verbGroupEnd(c: Ctx, i: number, end: number) {
  let j = i + 1
  let last = c.tk[i]!
  while (j < end) {
    const t = c.tk[j]!
    if (last.pos !== 'AUX' && !(last.pos === 'PART' || last.pos === 'ADV')) break
    if (t.pos === 'AUX' || t.pos === 'VERB' || (t.pos === 'PART' && t.lower !== 'to') || (t.pos === 'ADV' && /^(?:AUX|VERB|PART|ADV)$/.test(c.tk[j + 1]?.pos ?? ''))) {
      last = t
      j++
    } else break
  }
  return j
}

/** The first finite verb in [from, to) outside quotations and parentheses, or -1. */
function finiteVerb(c: Ctx, from: number, to: number, stopAtComma = false) {
  for (let i = from; i < to; i++) {
    if (stopAtComma && isComma(c, i)) return -1
    if (!c.locked[i] && finite(c, i)) return i
  }
  return -1
}

/** A finite verb, not one inside a hyphenated compound ("object-oriented"). */
const finite = (c: Ctx, i: number) =>
  isFiniteVerb(c.tk, i) && c.tk[i - 1]?.text !== '-' && c.tk[i + 1]?.text !== '-' && !(i > 0 && /^\p{Lu}/u.test(c.tk[i]!.text) && c.tk[i - 1]!.text !== '"')

const hasNominal = (c: Ctx, ix: number[]) => ix.some((i) => isNominalPos(c.tk[i]!.pos))

/** The noun phrase ending just before `k` ("the evil fairy" before ", which"): determiners, modifiers, nouns. */
function nounPhraseBefore(c: Ctx, k: number): number[] {
  const out: number[] = []
  let i = k - 1
  while (i >= 0 && out.length < 8) {
    const t = c.tk[i]!
    if (c.hidden[i]) {
      i--
      continue
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || (t.pos === 'PART' && t.lower === "'s")) out.unshift(i--)
    else if (t.pos === 'DET' || (t.pos === 'PRON' && /^(?:his|her|its|their|our|my|your)$/.test(t.lower))) {
      out.unshift(i)
      break
    } else break
  }
  return out.length && hasNominal(c, out) ? out : []
}

type Group = { ix: number[]; kind: 'object' | 'modifier' }

/**
 * The propositions of a predicate: `subject` (token indices), the finite verb at `v`, and what
 * follows up to `end`. Coordinated and embedded clauses found on the way are read on their own.
 */
function predicate(c: Ctx, subject: number[], v: number, end: number, lead: number[] = [], subjects: number[][] = [subject], shared: number[] = []) {
  const { tk } = c
  let ve = verbGroupEnd(c, v, end)
  // "will take off for …", "stood out": a particle with no object of its own goes with the verb
  const particle = tk[ve]
  if (particle && ve + 1 < end && particle.pos === 'ADP' && PARTICLE.test(particle.lower) && !c.locked[ve] && (tk[ve + 1]!.pos === 'ADP' || tk[ve + 1]!.pos === 'CCONJ' || tk[ve + 1]!.pos === 'PUNCT')) ve++
  // (what a coordinated verb shares with the one before it, "has", "will", an adverb of its own, goes in every proposition)
  const verb: number[] = [...shared]
  for (let i = v; i < ve; i++) verb.push(i)
  const copula = tk[ve - 1]!.pos === 'AUX'
  const groups: Group[] = []
  let current: number[] = []
  let kind: Group['kind'] = 'object'
  const close = () => {
    if (current.some((i) => c.word[i] === 1)) groups.push({ ix: current, kind })
    current = []
  }
  let k = ve
  scan: for (; k < end; k++) {
    const t = tk[k]!
    if (c.hidden[k]) continue
    if (c.locked[k]) {
      current.push(k)
      continue
    }
    if (isComma(c, k) || (t.pos === 'CCONJ' && CLAUSE_JOIN.test(t.lower)) || (t.pos === 'SCONJ' && CLAUSE_JOIN.test(t.lower))) {
      let s = k + 1
      if (t.text === ';') {
        close()
        clauseAt(c, s, end)
        break scan
      }
      if (t.text === ',' && tk[s] && CLAUSE_JOIN.test(tk[s]!.lower)) s++
      // ("…, and recently launched three routes": an adverb before the coordinated verb goes with it)
      const adverb = tk[s]?.pos === 'ADV' && s > k + 1 && (tk[s + 1]?.pos === 'VERB' || tk[s + 1]?.pos === 'AUX') && finite(c, s + 1) ? [s] : []
      const vs = s + adverb.length
      const next = tk[vs]
      if (!next) break
      // "…, and was released in…": a coordinated verb phrase, the subject repeated.
      // ("to reintegrate … and become …": a bare verb after "and" goes on the infinitive, not a new clause.)
      const infinitive = next.pos === 'VERB' && !/(?:ed|s)$/.test(next.lower) && current.some((i) => tk[i]!.lower === 'to' && tk[i]!.pos === 'PART')
      if (!infinitive && (next.pos === 'AUX' || next.pos === 'VERB') && finite(c, vs) && (t.text !== ',' || vs > k + 1 || next.pos === 'AUX' || /ed$/.test(next.lower))) {
        // ("are selected and purchased by the government": two verbs sharing what follows them)
        if (k === ve && t.pos === 'CCONJ' && next.pos === 'VERB') {
          current.push(k)
          continue
        }
        close()
        const shared = sharedAuxiliary(c, verb, vs)
        if (shared) for (const subj of subjects) predicate(c, subj, vs, end, [], [subj], [...shared, ...adverb])
        break scan
      }
      // "…, while imports fell…", "…, and then he gained…": a clause with its own subject.
      const w = finiteVerb(c, s, Math.min(end, s + 8), true)
      if (w > s && (t.text !== ',' || s > k + 1 || tk[k + 1]!.pos !== 'ADP')) {
        let own = range(s, w).filter((i) => !c.hidden[i])
        // "…, and in the same season he reached…": a phrase before the subject leads its first proposition
        let ownLead: number[] = []
        if (tk[s]!.pos === 'ADP' && s > k + 1) {
          let at = own.length - 1
          while (at > 1 && !(tk[own[at]!]!.pos === 'PRON' ? /^(?:he|she|it|they|we|i|you)$/.test(tk[own[at]!]!.lower) : tk[own[at]!]!.pos === 'DET')) at--
          if (at > 1) {
            ownLead = own.slice(0, at)
            own = own.slice(at)
          } else if (own.length <= 4 && (tk[own[own.length - 1]!]!.pos === 'NUM' || MONTH.test(tk[own[own.length - 1]!]!.lower)) && w === own[own.length - 1]! + 1) {
            // "…, and in 1970 was elected governor": a verb phrase sharing the subject, after a time
            close()
            const shared = sharedAuxiliary(c, verb, w)
            if (shared) for (const subj of subjects) predicate(c, subj, w, end, [], [subj], [...own, ...shared])
            break scan
          }
        }
        // (", later revealing he had…": a participle before the verb opens no clause)
        if (hasNominal(c, own) && !own.some((i) => tk[i]!.pos === 'ADP' && i === s) && !own.some((i) => tk[i]!.pos === 'SCONJ' || tk[i]!.pos === 'VERB' || (tk[i]!.pos === 'ADJ' && /ing$/.test(tk[i]!.lower)) || (tk[i]!.pos === 'PRON' && /^(?:which|who|whom|that)$/.test(tk[i]!.lower)))) {
          close()
          // ", officials said." adds a speaker, not a fact.
          if (verbGroupEnd(c, w, end) < end) predicate(c, own, w, end, ownLead)
          break scan
        }
      }
      if (t.text === ',') {
        // "divided by, among others, Masters and Johnson": an insertion after a preposition is left out.
        const lastPos = current.length ? tk[current[current.length - 1]!]!.pos : ''
        if (lastPos === 'ADP' || lastPos === 'DET') {
          const stop = relativeEnd(c, k, end)
          if (stop < end) {
            k = stop
            continue
          }
        }
        // "…, which was called…", "…, who had…": a relative clause about the noun before the comma.
        if (next.pos === 'PRON' && /^(?:which|who)$/.test(next.lower)) {
          const np = nounPhraseBefore(c, k)
          const rv = finiteVerb(c, s + 1, Math.min(end, s + 3))
          close()
          // Only about a name, or a noun phrase not inside a prepositional phrase ("the purpose of X, which" is ambiguous).
          const about = np.length && (tk[np[np.length - 1]!]!.pos === 'PROPN' || tk[np[0]! - 1]?.pos !== 'ADP')
          if (about && rv === s + 1 && !c.respectively) predicate(c, np, rv, relativeEnd(c, rv, end))
          k = relativeEnd(c, s, end) - 1
          if (k + 1 >= end || !isComma(c, k + 1)) break scan
          continue
        }
        // ", including A, B and C", ", such as A and B": examples of what came before, read as a list with it.
        if (next.lower === 'including' || (next.lower === 'such' && tk[s + 1]?.lower === 'as')) {
          current.push(k)
          continue
        }
        // ", grossing $758 million", ", based in Paris", ", the head of the agency": no finite statement; left out.
        if (next.pos === 'VERB' || next.pos === 'DET' || next.pos === 'ADV' || next.pos === 'NUM' || next.pos === 'PRON' || next.pos === 'PROPN' && !listAhead(c, k)) {
          if (next.pos === 'PROPN' || next.pos === 'DET' || next.pos === 'NUM') {
            if (listAhead(c, k)) {
              current.push(k)
              continue
            }
          }
          close()
          k = relativeEnd(c, s, end) - 1
          kind = 'modifier'
          if (k + 1 >= end) break scan
          continue
        }
        // ", with implementation completed in 2021": an absolute clause, no finite statement; left out.
        if (next.lower === 'with' || next.lower === 'without') {
          const stop = relativeEnd(c, s, end)
          let participle = false
          for (let i = s + 2; i < stop && i < s + 6; i++) if (tk[i]!.pos === 'VERB' && /(?:ed|en)$/.test(tk[i]!.lower) && isNominalPos(tk[i - 1]!.pos)) participle = true
          // (", with the first customer, All Nippon Airways, due to …": a phrase cut by a comma is read no further)
          if (!participle && stop < end) {
            close()
            break scan
          }
          if (participle) {
            close()
            k = stop - 1
            kind = 'modifier'
            if (stop >= end) break scan
            continue
          }
        }
        // ", in 2019": another modifier.
        if (next.pos === 'ADP' || next.pos === 'SCONJ') {
          close()
          kind = 'modifier'
          continue
        }
        current.push(k)
        continue
      }
      current.push(k)
      continue
    }
    // '…focused on "enhancing cooperation," marking a shift': a participle after a quotation closed by a comma is left out.
    if (t.pos === 'VERB' && /ing$/.test(t.lower) && c.locked[k - 1] && /^[”"'»]$/.test(tk[k - 1]!.text) && tk[k - 2]?.text === ',') {
      close()
      k = relativeEnd(c, k, end) - 1
      kind = 'modifier'
      continue
    }
    // What a colon opens elaborates; the clause ends there. A clause of its own after it stands alone
    // ("received mixed reviews: critics praised the acting"); a quotation after "said:" is the saying's.
    if (t.text === ':') {
      if (!isReporting(tk[ve - 1]) && k + 1 < end && !c.locked[k + 1]) {
        close()
        clauseAt(c, k + 1, end)
      }
      break scan
    }
    // A reported clause, or one opened by "what"/"how", is the verb's complement, whole.
    if (((t.pos === 'SCONJ' || isReporting(tk[ve - 1])) && COMPLEMENT.test(t.lower)) || ((t.pos === 'PRON' || t.pos === 'ADV' || t.pos === 'DET') && /^(?:what|how|why|whom|whose|whatever)$/.test(t.lower))) {
      close()
      for (let i = k; i < end; i++) if (!c.hidden[i]) current.push(i)
      kind = 'object'
      close()
      break scan
    }
    // "…is a steel structure that spans the river": after a copula, the relative clause is about the subject.
    if (copula && (t.lower === 'that' || t.lower === 'which' || t.lower === 'who') && (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'SCONJ')) {
      const rv = finiteVerb(c, k + 1, Math.min(end, k + 3))
      if (rv === k + 1) {
        // "was one that fared badly": "was one" says nothing by itself
        if (current.every((i) => !c.word[i] || /^(?:one|ones|another|the|those|among)$/.test(tk[i]!.lower))) current = []
        close()
        for (const subj of subjects) predicate(c, subj, rv, end)
        break scan
      }
    }
    // A subordinate clause modifies the verb as a whole ("after the tariffs took effect").
    if (t.pos === 'SCONJ' && SUBORDINATOR.test(t.lower) && finiteVerb(c, k + 1, Math.min(end, k + 10), true) > k) {
      close()
      kind = 'modifier'
      const stop = relativeEnd(c, k, end)
      for (let i = k; i < stop; i++) if (!c.hidden[i]) current.push(i)
      close()
      k = stop - 1
      continue
    }
    // A prepositional phrase after a complete name, number or date starts a modifier ("…on May 28, 2014 | in Hollywood").
    if (t.pos === 'ADP' && t.lower !== 'of' && cutsBefore(c, k, current)) {
      close()
      kind = 'modifier'
    }
    current.push(k)
  }
  close()

  const objects: number[] = []
  const modifiers: Group[] = []
  for (const g of groups) {
    if (g.kind === 'modifier') modifiers.push(g)
    else for (const i of g.ix) objects.push(i)
  }
  // "The minister said for Trade": a reporting verb without what was said asserts nothing.
  if (!objects.length && isReporting(tk[ve - 1])) return
  const emit = (ix: number[]) => {
    for (const subj of subjects) c.out.push([...subj, ...lead, ...verb, ...ix])
    lead = []
  }
  // A list in the object ("include A, B and C") gives a proposition per member.
  const members = listMembers(c, objects) ?? modifierVariants(c, objects)
  const objectVariants = members ?? [objects]
  // A phrase after the list goes with its last member ("has 91 aircraft and 230 on order"); the
  // others stand without it.
  if (!modifiers.length) for (const o of objectVariants) emit(o)
  else if (members) for (const o of objectVariants.slice(0, -1)) emit(o)
  for (const m of modifiers) {
    const mm = listMembers(c, m.ix) ?? modifierVariants(c, m.ix) ?? [m.ix]
    for (const o of members ? objectVariants.slice(-1) : objectVariants) for (const x of mm) emit([...o, ...x])
  }
}

/**
 * What a verb phrase coordinated with the verb group `verb` takes from it, put before its verb at
 * `s`, or null where it cannot be told: "has cut 300 jobs and closed two plants" shares "has",
 * "will cut 600 jobs and close its plant" shares "will", "was arrested and charged by police"
 * shares "was". After "was nominated and", a past form without "by" may be passive ("awarded
 * several times") or active ("served two terms") and gives nothing unless an object follows it.
 */
function sharedAuxiliary(c: Ctx, verb: number[], s: number): number[] | null {
  const { tk } = c
  const next = tk[s]!
  if (next.pos !== 'VERB' || tk[s - 1]?.pos === 'AUX') return []
  const aux = verb.filter((i) => tk[i]!.pos === 'AUX')
  // ("It has a population of 5 million and covers …": "has" is the verb itself)
  if (!aux.length || tk[verb[0]!]!.pos !== 'AUX' || tk[verb[verb.length - 1]!]!.pos !== 'VERB') return []
  const first = tk[aux[0]!]!.lower
  const base = !/(?:ed|en|s|ing)$/.test(next.lower) && !isPastForm(next.lower)
  if (/^(?:will|would|can|could|should|may|might|must|shall)$/.test(first)) return base ? aux.slice(0, 1) : []
  if (base) return []
  if (/^(?:has|have|had)$/.test(first)) return tk[aux[aux.length - 1]!]!.lower === 'been' ? (tk[s + 1]?.lower === 'by' ? aux : null) : aux.slice(0, 1)
  if (/^(?:is|are|was|were|be|been)$/.test(tk[aux[aux.length - 1]!]!.lower)) {
    if (tk[s + 1]?.lower === 'by') return aux
    return /^(?:DET|NUM|PRON|NOUN|PROPN|ADJ)$/.test(tk[s + 1]?.pos ?? '') ? [] : null
  }
  return []
}

function range(a: number, b: number) {
  const out: number[] = []
  for (let i = a; i < b; i++) out.push(i)
  return out
}

/** The end of a phrase set off from `from`: the next comma or the end. */
function relativeEnd(c: Ctx, from: number, end: number) {
  for (let i = from + 1; i < end; i++) if (isComma(c, i)) return i
  return end
}

/** Whether the comma at `k` goes on a list of names or noun phrases joined by "and" ("Spain, Italy and France"). */
function listAhead(c: Ctx, k: number) {
  for (let i = k + 1; i < c.end && i < k + 40; i++) {
    const t = c.tk[i]!
    if (t.pos === 'CCONJ') return t.lower === 'and'
    if (c.hidden[i] || t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM' || isComma(c, i) || (t.pos === 'PUNCT' && !isComma(c, i))) continue
    return false
  }
  return false
}

/** Whether a prepositional phrase at `k` is an adjunct of its own, not part of the phrase before it. */
function cutsBefore(c: Ctx, k: number, current: number[]) {
  if (!current.length) return true
  const before = c.tk[current[current.length - 1]!]!
  if (!(before.pos === 'PROPN' || before.pos === 'NUM' || DATE_NOUN.test(before.lower))) return false
  // "18 months behind schedule": a length of time measures the phrase after it
  if (DATE_NOUN.test(before.lower) && c.tk[current[current.length - 1]! - 1]?.pos === 'NUM') return false
  // "at the El Capitan Theatre in Hollywood": a place inside a place stays with it.
  const t = c.tk[k]!
  let j = k + 1
  if (c.tk[j]?.pos === 'DET') j++
  // "the Award for Best Actor in a Leading Role": a phrase on "a"/"an" and a capitalised word is part of a name
  if (/^\p{Lu}/u.test(before.text) && /^(?:a|an)$/.test(c.tk[k + 1]?.lower ?? '') && /^\p{Lu}/u.test(c.tk[k + 2]?.text ?? '')) return false
  if ((t.lower === 'in' || t.lower === 'at') && before.pos === 'PROPN' && c.tk[j]?.pos === 'PROPN' && !MONTH.test(c.tk[j]!.lower)) {
    const first = c.tk[current[0]!]!
    if (first.pos === 'ADP' && /^(?:at|in|on|from|to|near)$/.test(first.lower)) return false
  }
  // "between 2015 and 2023", "from 2010 to 2015", "25,000 to 30,000 positions" stay whole.
  if (t.lower === 'to' && (current.some((i) => c.tk[i]!.lower === 'from') || (before.pos === 'NUM' && c.tk[k + 1]?.pos === 'NUM'))) return false
  return true
}

/**
 * The members of a list closing a group, each with what leads to it ("visitors from Spain, Italy
 * and France" → "visitors from Spain", …), or null. Only "and" lists of names or determined noun
 * phrases split; "sale or closure of three plants" stays one.
 */
function listMembers(c: Ctx, ix: number[]): number[][] | null {
  const { tk } = c
  if (c.respectively) return null
  const seps: number[] = []
  for (let k = 0; k < ix.length; k++) {
    const i = ix[k]!
    if (c.locked[i]) continue
    const t = tk[i]!
    if (t.pos === 'CCONJ' && t.lower !== 'and') return null
    if ((t.text === ',' && isComma(c, i)) || (t.pos === 'CCONJ' && t.lower === 'and')) seps.push(k)
  }
  if (!seps.length || tk[ix[seps[seps.length - 1]!]!]!.lower !== 'and') return null
  // "between 2015 and 2023" names one span, not two.
  if (ix.some((i) => tk[i]!.lower === 'between')) return null
  // Where the first member starts: after the last preposition (or "such as", "including") before the first separator that follows one.
  let start = 0
  for (let k = 0; k < seps[seps.length - 1]!; k++) {
    const t = tk[ix[k]!]!
    // (a preposition inside a title, "Once Upon a Time in America", is not where a list starts)
    const inTitle = k > 0 && /^\p{Lu}/u.test(tk[ix[k - 1]!]!.text) && /^\p{Lu}/u.test(tk[ix[k + 1]!]?.text ?? '') && tk[ix[k - 1]!]!.pos === 'PROPN'
    if ((t.pos === 'ADP' && t.lower !== 'of' && !inTitle) || (t.pos === 'VERB' && t.lower === 'including')) {
      if (t.lower !== 'as' && seps.some((s) => s < k) && !(k >= 2 && tk[ix[k - 1]!]!.text === ',')) break
      start = k + 1
    }
  }
  while (seps.length && seps[0]! < start) seps.shift()
  if (!seps.length) return null
  const members: number[][] = []
  let from = start
  for (const s of [...seps, ix.length]) {
    const m = ix.slice(from, s).filter((i) => !c.hidden[i] && tk[i]!.text !== ',' && !(tk[i]!.pos === 'CCONJ'))
    if (m.length) members.push(m)
    from = s + 1
  }
  if (members.length < 2) return null
  const prefix = ix.slice(0, start)
  const opens = (m: number[]) => {
    const t = tk[m[0]!]!
    return t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'NUM' || (t.pos === 'PRON' && /^(?:his|her|its|their|our)$/.test(t.lower))
  }
  const intro = start > 0 ? tk[ix[start - 1]!]!.lower : ''
  const examples = intro === 'including' || (intro === 'as' && start >= 2 && tk[ix[start - 2]!]!.lower === 'such')
  if (!examples && !members.every(opens)) return null
  if (members.some((m) => m.some((i, k) => tk[i]!.pos === 'AUX' || (tk[i]!.pos === 'VERB' && !(examples && k > 0 && /ing$/.test(tk[i]!.lower))) || (tk[i]!.pos === 'ADP' && tk[i]!.lower !== 'of' && !(examples && k > 0)))))
    return null
  // "such as A and B": the list names examples of what led to it.
  if (prefix.length >= 2 && tk[prefix[prefix.length - 1]!]!.lower === 'as' && tk[prefix[prefix.length - 2]!]!.lower === 'such') {
    const head = prefix.slice(0, -2)
    return [head, ...members.map((m) => [...head.slice(0, headStart(c, head)), ...m])]
  }
  return members.map((m) => [...prefix, ...m])
}

const MODIFIER_POS = /^(?:ADJ|ADV|NUM)$/
/**
 * Coordinated modifiers sharing their noun, one proposition each ("a legible, concise programming
 * style" → "a legible programming style", "a concise programming style"), or null. Only "and" and
 * commas join them; "a"/"an" must still fit the modifier put after it.
 */
function modifierVariants(c: Ctx, ix: number[]): number[][] | null {
  const { tk } = c
  for (let k = 1; k < ix.length - 2; k++) {
    const sep = tk[ix[k]!]!
    if (!(sep.text === ',' || (sep.pos === 'CCONJ' && sep.lower === 'and')) || c.locked[ix[k]!]) continue
    // The run of modifiers: back to the determiner or preposition, forward to the noun.
    let a = k - 1
    while (a > 0 && (MODIFIER_POS.test(tk[ix[a - 1]!]!.pos) || tk[ix[a - 1]!]!.text === '-' || tk[ix[a]!]!.text === '-')) a--
    const segments: number[][] = [[]]
    let b = a
    for (; b < ix.length; b++) {
      const t = tk[ix[b]!]!
      const hyphen = t.text === '-' || tk[ix[b] + 1]?.text === '-' || tk[ix[b] - 1]?.text === '-'
      if (t.text === ',' || (t.pos === 'CCONJ' && t.lower === 'and')) {
        if (segments[segments.length - 1]!.length) segments.push([])
        continue
      }
      if (t.pos === 'CCONJ') return null
      if (MODIFIER_POS.test(t.pos) || hyphen || (t.pos === 'VERB' && /ed$/.test(t.lower))) segments[segments.length - 1]!.push(ix[b]!)
      else break
    }
    const head = ix.slice(b)
    if (segments.length < 2 || !head.length || tk[head[0]!]!.pos !== 'NOUN' && tk[head[0]!]!.pos !== 'PROPN') return null
    if (segments.some((m) => !m.length || tk[m[m.length - 1]!]!.pos === 'ADV')) return null
    const prefix = ix.slice(0, a)
    const det = prefix.length ? tk[prefix[prefix.length - 1]!]!.lower : ''
    // "between 210 and 250 passengers" names one range
    if (det === 'between') return null
    const out: number[][] = []
    for (const m of segments) {
      const vowel = /^[aeiou]/i.test(tk[m[0]!]!.text)
      if ((det === 'a' && vowel) || (det === 'an' && !vowel)) continue
      out.push([...prefix, ...m, ...head])
    }
    return out.length ? out : null
  }
  return null
}

/** Where the last noun phrase of `ix` begins after its preposition ("works by | artists"). */
function headStart(c: Ctx, ix: number[]) {
  for (let k = ix.length - 1; k >= 0; k--) if (c.tk[ix[k]!]!.pos === 'ADP') return k + 1
  return 0
}

/** Reads a clause starting at `begin`: lead-ins, the subject, then the predicate. */
function clauseAt(c: Ctx, begin: number, end: number) {
  const { tk } = c
  const lead: number[] = []
  // Lead-ins set off by a comma: "However," goes; "In 2019," goes with the first proposition;
  // "When the storm hit the coast," stands alone; "First gaining attention," gives nothing.
  for (let round = 0; round < 2; round++) {
    let comma = -1
    for (let i = begin + 1; i < Math.min(end, begin + 30); i++) {
      if (isComma(c, i)) {
        comma = i
        break
      }
      // ("Despite being a candidate who was unknown …,": a relative clause inside the lead-in)
      if (/^(?:who|which|that)$/.test(tk[i - 1]!.lower) && tk[begin]!.pos === 'ADP') continue
      // ("In a ceremony attended by …,": a participle after a noun in a phrase is no clause's verb)
      const participle = tk[begin]!.pos === 'ADP' && tk[i]!.pos === 'VERB' && /ed$/.test(tk[i]!.lower) && isNominalPos(tk[i - 1]!.pos)
      if (!c.locked[i] && finite(c, i) && !participle && tk[begin]!.pos !== 'SCONJ' && tk[begin]!.pos !== 'ADV' && !SUBORDINATING.test(tk[begin]!.lower) && !SUBORDINATING_IF_VERB.test(tk[begin]!.lower)) break
    }
    if (comma < 0) break
    const first = tk[begin]!
    const span = range(begin, comma).filter((i) => !c.hidden[i])
    // ("Although" and "while" open a clause whatever the tagger calls them; "After the vote," is a phrase)
    const clauseVerb = SUBORDINATING_IF_VERB.test(first.lower) && range(begin + 2, comma).some((i) => !c.locked[i] && finite(c, i))
    // (a condition, "If …,"/"Unless …,", asserts nothing)
    const subordinate = SUBORDINATING.test(first.lower) || (clauseVerb && !/^(?:if|unless)$/.test(first.lower))
    const words = span.map((i) => tk[i]!.text).join(' ') + ','
    if (isFiller(words)) {
      // "In addition," adds nothing to what follows
    } else if (!subordinate && (first.pos === 'ADP' || (first.pos === 'VERB' && first.lower === 'according') || (first.pos === 'ADJ' && tk[begin + 1]?.pos === 'ADP'))) lead.push(...span)
    else if (subordinate) {
      const v = finiteVerb(c, begin + 2, comma)
      const own = range(begin + 1, v).filter((i) => !c.hidden[i])
      // "Since its 1967 debut 5,700 737s have been delivered": a noun phrase right after another
      // one shows the first word was a preposition, and the clause is the sentence's own
      const next = own.findIndex((i, k) => k > 0 && tk[own[k - 1]!]!.pos === 'NOUN' && /^(?:DET|NUM|PROPN)$/.test(tk[i]!.pos))
      if (v > begin + 1 && next > 0 && !SUBORDINATING.test(first.lower)) predicate(c, own.slice(next), v, comma, [begin, ...own.slice(0, next)])
      else if (v > begin + 1 && hasNominal(c, own)) predicate(c, own, v, comma)
    } else if (first.pos === 'ADV' && comma === begin + 1) {
      // a discourse word
    } else if (clauseVerb || first.pos === 'VERB' || (first.pos === 'ADV' && tk[begin + 1]?.pos === 'VERB') || (first.pos === 'PART' && first.lower === 'to') || first.pos === 'SCONJ' || (first.pos === 'ADV' && /^(?:if|unless|where|whether)$/.test(first.lower))) {
      // a participial, infinitive or conditional lead-in: not a statement of its own
    } else break
    begin = comma + 1
  }
  // an image width left from the page ("150px Airbus …")
  if (tk[begin]?.pos === 'NUM' && tk[begin + 1]?.lower === 'px') begin += 2
  if (begin >= end) return
  // A sentence opening on a quotation ('"We will act," he said') is kept whole.
  if (c.locked[begin] && !c.hidden[begin]) {
    const ix = range(begin, end).filter((i) => !c.hidden[i])
    if (finiteVerb(c, begin, end) >= 0 || ix.length) c.out.push(ix)
    return
  }
  let v = finiteVerb(c, begin, end)
  // "Javier Hernández, born June 1, 1988, is…": a participle set off by commas is no main verb.
  // ("The company, based in Paris, said …": the verb right after the phrase's closing comma is the main one)
  let closed = -1
  // ("The bank's CEO, Ken Lewis, said …": the verb after an appositive name is the main one)
  const appositive = (at: number) => {
    let p = at - 2
    while (p > begin && !isComma(c, p)) p--
    return p > begin && range(p + 1, at - 1).every((i) => !isVerbal(tk[i])) && hasNominal(c, range(p + 1, at - 1))
  }
  while (v > begin && isComma(c, v - 1) && v - 1 !== closed && tk[v]!.pos === 'VERB' && !appositive(v)) {
    const stop = relativeEnd(c, v, end)
    if (stop >= end) return
    closed = stop
    v = finiteVerb(c, stop + 1, end)
  }
  if (v < 0) return
  // "The insider, who asked to remain anonymous, said that…": the relative clause is a proposition
  // about the subject, and the main verb follows it.
  if (v >= begin + 3 && /^(?:who|which)$/.test(tk[v - 1]!.lower) && isComma(c, v - 2)) {
    const stop = relativeEnd(c, v, end)
    const main = stop + 1
    if (stop < end && main < end && (tk[main]!.pos === 'VERB' || tk[main]!.pos === 'AUX') && finite(c, main)) {
      const np = range(begin, v - 2).filter((i) => !c.hidden[i])
      if (hasNominal(c, np) && !np.some((i) => isComma(c, i))) {
        predicate(c, np, v, stop)
        predicate(c, np, main, end, lead)
        return
      }
    }
  }
  let region = range(begin, v).filter((i) => !c.hidden[i])
  // "The Kingdom of Norway, commonly called Norway, is…": what commas set off in the subject is left out.
  const firstComma = region.findIndex((i) => isComma(c, i))
  let listSubject = false
  if (firstComma === 0) region = region.slice(1)
  else if (firstComma > 0) {
    const core = region.slice(0, firstComma)
    const rest = region.slice(firstComma + 1)
    const open = tk[core[0]!]!.pos
    // "Intercourse, intercourse or copulation are…": the subject is a list, kept whole.
    if (rest.some((i) => tk[i]!.pos === 'CCONJ') && !rest.some((i) => tk[i]!.pos === 'VERB' || tk[i]!.pos === 'ADP')) listSubject = true
    // "However, due to X, the objective…": an unread lead-in before the subject.
    else if (
      !/^(?:DET|PROPN|NOUN|PRON|NUM|ADJ)$/.test(open) ||
      (open === 'ADJ' && tk[core[1]!]?.pos === 'ADP') ||
      // "A few months before his death, Ledger had…", "A member of the party, he served…": one comma, then the subject.
      (rest.length > 0 && !rest.some((i) => isComma(c, i)) && hasNominal(c, rest) && /^(?:DET|PROPN|PRON|NOUN|ADJ)$/.test(tk[rest[0]!]!.pos) && !/^(?:who|which|that|whom|whose)$/.test(tk[rest[0]!]!.lower) && !rest.some((i) => tk[i]!.pos === 'VERB' || tk[i]!.pos === 'ADP'))
    ) {
      const lastComma = region.map((i) => isComma(c, i)).lastIndexOf(true)
      region = region.slice(lastComma + 1)
    } else region = core
  }
  if (!listSubject) region = region.filter((i) => tk[i]!.text !== ',')
  // "The airline already offers …": an adverb before the verb is the first predicate's, not the subject's
  // ("Spirited Away received …": a capitalised word is part of a name)
  while (region.length > 1 && tk[region[region.length - 1]!]!.pos === 'ADV' && /^[a-z]+$/.test(tk[region[region.length - 1]!]!.text) && !/^(?:also|only|not)$/.test(tk[region[region.length - 1]!]!.lower)) lead.push(region.pop()!)
  if (!hasNominal(c, region)) return
  // A subject ending in a relative pronoun or a preposition is no subject ("the book that").
  const lastTag = tk[region[region.length - 1]!]!
  if (lastTag.pos === 'ADP' || lastTag.pos === 'DET' || lastTag.pos === 'SCONJ' || lastTag.pos === 'CCONJ') return
  // Coordinated subjects each take the predicate where the verb agrees with any of them.
  const subjects = splitSubjects(c, region, v)
  predicate(c, region, v, end, lead, subjects)
}

function splitSubjects(c: Ctx, region: number[], v: number): number[][] {
  const { tk } = c
  if (!AGREES_WITH_ANY.test(tk[v]!.lower)) return [region]
  const at = region.findIndex((i) => tk[i]!.pos === 'CCONJ' && tk[i]!.lower === 'and' && !c.locked[i])
  if (at <= 0 || region.slice(at + 1).some((i) => tk[i]!.pos === 'CCONJ')) return [region]
  const a = region.slice(0, at)
  const b = region.slice(at + 1)
  const opens = (m: number[]) => !!m.length && /^(?:DET|PROPN)$/.test(tk[m[0]!]!.pos) && hasNominal(c, m)
  if (!opens(a) || !opens(b) || [...a, ...b].some((i) => tk[i]!.pos === 'ADP' || tk[i]!.text === ',')) return [region]
  return [a, b]
}

function toProposition(text: string, c: Ctx, indices: number[]): Proposition | null {
  const { tk, word } = c
  let sorted = true
  for (let k = 1; k < indices.length; k++) if (indices[k]! < indices[k - 1]!) sorted = false
  const order = sorted ? indices : Int32Array.from(indices).sort()
  // Leading and trailing commas and the like go.
  let first = 0
  let last = order.length - 1
  while (first <= last && !word[order[first]!] && !c.locked[order[first]!]) first++
  // (a number keeps its sign: "by as much as 3%")
  while (last >= first && !word[order[last]!] && !c.locked[order[last]!] && !(/^[%‰]$/.test(tk[order[last]!]!.text) && tk[order[last]! - 1]?.pos === 'NUM')) last--
  if (first > last) return null
  const parts: { start: number; end: number }[] = []
  let previous = -2
  let words = 0
  for (let k = first; k <= last; k++) {
    const i = order[k]!
    if (i === previous) continue
    const t = tk[i]!
    if (word[i]) words++
    const end = parts[parts.length - 1]
    if (end && i === previous + 1) end.end = t.end
    else parts.push({ start: t.start, end: t.end })
    previous = i
  }
  if (words < 2) return null
  let out = ''
  for (const p of parts) {
    const piece = text.slice(p.start, p.end)
    if (!out) out = piece
    else out += /^[,.;:!?]/.test(piece) ? piece : ' ' + piece
  }
  if (/\s\s|[\n\t]/.test(out)) out = out.replace(/\s+/g, ' ')
  return { text: out.charAt(0).toUpperCase() + out.slice(1), parts }
}

/**
 * The propositions of one sentence that are grammatical and faithful (see proposition-check.ts),
 * with offsets relative to it. `tags` (relative to the sentence too) are computed when not given.
 */
export function splitPropositions(sentence: string, tags: Token[] = tag(sentence)): Proposition[] {
  return keepGrammatical(tags, candidatePropositions(sentence, tags))
}

/** Every proposition the rules build for one sentence, before the grammar check. */
export function candidatePropositions(sentence: string, tags: Token[] = tag(sentence)): Proposition[] {
  if (sentence.length > 2000 || tags.length < 3) return []
  const { locked, hidden } = mark(tags)
  let end = tags.length
  while (end > 0 && /^[.!?]$/.test(tags[end - 1]!.text) && !locked[end - 1]) end--
  const comma = new Uint8Array(tags.length)
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!.text
    if ((t === ',' || t === ';') && !locked[i] && !innerComma(tags, i)) comma[i] = 1
  }
  const word = new Uint8Array(tags.length)
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!
    const ch = t.text.charCodeAt(0)
    // ASCII letters and digits without a regular expression; the rest by Unicode class.
    if ((ch >= 48 && ch <= 57) || ((ch | 32) >= 97 && (ch | 32) <= 122) || (ch > 127 && WORD.test(t.text))) word[i] = 1
  }
  const c: Ctx = { tk: tags, n: tags.length, locked, hidden, comma, word, end, respectively: tags.some((t) => t.lower === 'respectively'), out: [] }
  // Clauses joined by semicolons are read one by one.
  let from = 0
  for (let i = 0; i <= end; i++)
    if (i === end || (tags[i]!.text === ';' && !locked[i])) {
      if (i - from >= 2) clauseAt(c, from, i)
      from = i + 1
    }
  const seen = new Set<string>()
  const out: Proposition[] = []
  for (const ix of c.out) {
    const p = toProposition(sentence, c, ix)
    if (!p) continue
    const key = p.text.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(p)
  }
  return out
}

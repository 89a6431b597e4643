/**
 * Making a claim's text readable alone. A sentence-initial pronoun, demonstrative or short
 * definite description whose referent is in an earlier sentence is replaced by that referent;
 * discourse filler is dropped; a quotation continued from the previous sentence gets its speaker.
 * Only `text` changes: the span stays the article's own words, and every addition is listed so a
 * reviewer can see what was put in.
 */
import { isComparedWith, type DateMention } from './dates'
import { isTitleOnly, type EntityMention } from './entities'
import { escapeRegExp } from './claims'
import { isKnownWord, isVerbal, type Token } from './tagger'

export type AddedContext = {
  kind: 'referent' | 'speaker' | 'shared' | 'filler' | 'time'
  /** The words put into the claim's text (for 'filler', the words left out). */
  text: string
  /** The words of the article they stand for, where they replace some. */
  replaces?: string
}

/** What earlier sentences of the article have named, most recent last. */
export type Discourse = {
  sentence: number
  people: { name: string; sentence: number }[]
  /** `typed`: recognised as an organisation by its name ("… Ltd", "Ministry of …"), not only capitalised. */
  organizations: { name: string; sentence: number; typed: boolean }[]
  /** Noun phrases by their head noun: "measures" → "corrective measures". */
  phrases: Map<string, { phrase: string; sentence: number }>
  /** The speaker of a quotation left open at the end of the last sentence. */
  openQuoteSpeaker: string | null
  /** An organisation that was the subject of the last sentence (named in its first words). */
  subjectOrganization: string | null
  /** Sentences since that quotation opened. */
  quoteAge: number
  /** The last person who was the subject or speaker of a sentence: whom a "he" or "she" most likely means. */
  protagonist: { name: string; sentence: number } | null
  /** The whole article, to see how it writes a word elsewhere. */
  article: string
  /** Who was quoted in the last sentence, for a quotation opened right after it without a speaker. */
  lastQuoted: string | null
  /** The plural subject of the last sentence ("The sources", "Chrysler and Toyota"), for a "They" after it. */
  pluralSubject: string | null
  /** A thing the last sentence opened on ("The final Boeing 717 was …"): what a following "It also marked …" is about. */
  thingSubject: string | null
  /** The time the article is telling about: the last calendar date a sentence named for its events. */
  time: { date: DateMention; words: string; sentence: number } | null
  /** Whether `subjectOrganization` was kept over a sentence that named no organisation. */
  organizationKept: boolean
  /** The one market index the last sentence named ("the Brazilian Bovespa index"), for an "It fell…" after it. */
  namedIndex: string | null
}

export function newDiscourse(article = ''): Discourse {
  return { sentence: 0, people: [], organizations: [], phrases: new Map(), openQuoteSpeaker: null, quoteAge: 0, subjectOrganization: null, pluralSubject: null, thingSubject: null, time: null, lastQuoted: null, protagonist: null, namedIndex: null, organizationKept: false, article }
}

/** How many sentences the time an article tells about carries to claims that name none. */
export const TIME_REACH = 6
/** Dates that compare with another time ("a year ago", "the same period last year") or mean "now". */
const NOT_A_SETTING = /\b(?:ago|earlier|previous|before|prior|last|same|since|now|currently|present|until|next|later|following)\b/i
/** A day, week, month or quarter: the precision at which news tells when something happened. */
const SETTING_VALUE = /^\d{4}-(?:\d{2}(?:-\d{2})?|Q[1-4]|W\d{2})$/

/**
 * "a year ago", "later in the day", "the same period last year": a time placed against another
 * ("the start of the day": a part of the day told about, not a time for what follows; "an
 * increase of 54 points from March 12": the time compared with).
 */
export function isComparison(d: DateMention, text: string): boolean {
  // ("the last quarter" of a results story is the period it reports on)
  return (NOT_A_SETTING.test(d.text) && !/^(?:the )?last (?:fiscal |financial )?quarter$/i.test(d.text)) || /\bof the day$/i.test(d.text) || isComparedWith(d, text) || /\b(?:later|earlier)\s+(?:in|on|that|this)\s+$/i.test(text.slice(Math.max(0, d.start - 18), d.start))
}

/**
 * The date of `dates` (a sentence's) that sets when its events happened: the first day, week,
 * month or quarter named in its own right, with the preposition the article puts before it
 * ("on Tuesday", "in February"); null when it names none.
 */
export function settingOf(dates: DateMention[], text: string): { date: DateMention; words: string } | null {
  for (const d of dates) {
    if (!SETTING_VALUE.test(d.value) || isComparison(d, text)) continue
    // "said on Tuesday that …": when it was said, not when it happened
    // ("reported February sales": a month after the verb is what was reported, not when)
    const saying = /\b(?:said|says|announced|reported|told|stated|added|confirmed|revealed|disclosed)\s+((?:on|in|at)\s+)?$/i.exec(text.slice(Math.max(0, d.start - 16), d.start))
    if (saying && (saying[1] || /^\d{4}-\d{2}-\d{2}$/.test(d.value))) continue
    // "Other companies reported their sales today": "today" or "yesterday" in a sentence of saying is the day it was said
    if (/^(?:today|yesterday)$/i.test(d.text) && /\b(?:said|says|announced|reported|told|stated|added|confirmed|revealed|disclosed)\b[^.!?]*$/i.test(text.slice(Math.max(0, d.start - 80), d.start))) continue
    // "the release, which is expected in late May": a time looked forward to, not one told about
    if (/\b(?:will|expected|expects|scheduled|due|planned|plans|would|should|forecasts?|predicts?)\b[^,;.]{0,40}$/i.test(text.slice(Math.max(0, d.start - 60), d.start))) continue
    // "the last quarter, which ended December 30": a date inside a relative clause describes its noun
    if (/,\s*(?:which|who)\b[^,;.!?]*$/i.test(text.slice(Math.max(0, d.start - 80), d.start))) continue
    // "… a top priority since the company was floated in September 2006": a date inside a clause
    // of bound, cause or concession tells of that clause, not of what the story is telling
    if (/\b(?:since|until|till|because|although|though|unless|whereas)\b[^,;.!?]*$/i.test(text.slice(Math.max(0, d.start - 100), d.start))) continue
    // "since May", "until March", "by June": a bound, not when it happened
    if (/\b(?:since|until|till|before|after|from|by|through|to|between|and)\s+$/i.test(text.slice(Math.max(0, d.start - 9), d.start))) continue
    const before = /\b(on|in|during|at)\s+$/i.exec(text.slice(Math.max(0, d.start - 8), d.start))
    const words = /^(?:today|yesterday|tomorrow|tonight|this\b)/i.test(d.text)
      ? d.text
      : `${before ? before[1]!.toLowerCase() : /^\d{4}-\d{2}-\d{2}$/.test(d.value) ? 'on' : 'in'} ${d.text}`
    return { date: d, words }
  }
  return null
}

/**
 * Puts the time the article is telling about in front of a claim that states a past event but
 * names no date ("Retail sales rose 28%" after "In February, …" becomes "In February, retail
 * sales rose 28%"). The first word keeps its capital only where the article always writes it so.
 */
export function withTime(claimText: string, setting: { words: string }, article: string, { name = false } = {}): string {
  const first = /^[\p{L}’']+/u.exec(claimText)?.[0] ?? ''
  // a name put in for a pronoun or description, or one of several capitalised words ("Mark Papermaster"), keeps its capital
  if (name || (/^[\p{L}’']+\s+\p{Lu}/u.test(claimText) && !/^(?:the|a|an|this|that|these|those|its|their|his|her|our|in|on|at|for|by)$/i.test(first))) return `${capitalise(setting.words)}, ${claimText}`
  const lower = first.toLowerCase()
  // A name is written with its capital inside sentences too; a common word is not.
  const inside = (w: string) => seenInside(article, w)
  // Seen neither way inside a sentence: a word of the English vocabulary is a common word
  // ("Rental car agencies"), a word outside it a name ("Toyota").
  const seen = inside(first) ? !inside(lower) : inside(lower) ? false : !isKnownWord(lower)
  const keepCapital = !first || first === 'I' || first === lower || seen
  const rest = keepCapital ? claimText : `${lower}${claimText.slice(first.length)}`
  return `${capitalise(setting.words)}, ${rest}`
}

/** Exactly two people named in the sentence before, as "A and B"; otherwise null. */
function pairNamedBefore(d: Discourse): string | null {
  const names = [...new Set(d.people.filter((p) => p.sentence === d.sentence - 1).map((p) => p.name))]
  return names.length === 2 ? `${names[0]} and ${names[1]}` : d.pluralSubject && /\band\b/.test(d.pluralSubject) ? d.pluralSubject : null
}

/** Whether the article matches a pattern, remembered per article: the rules ask about the same few words. */
let articleCache = { article: '', seen: new Map<string, boolean>() }
function articleHas(article: string, pattern: string): boolean {
  if (articleCache.article !== article) articleCache = { article, seen: new Map() }
  let seen = articleCache.seen.get(pattern)
  if (seen === undefined) articleCache.seen.set(pattern, (seen = new RegExp(pattern, 'u').test(article)))
  return seen
}

/** Whether a capitalised word is also written in lower case somewhere in the article. */
function writtenLower(article: string, word: string): boolean {
  return !!article && /^\p{Lu}\p{Ll}+$/u.test(word) && articleHas(article, `(?<![\\p{L}])${word.toLowerCase()}(?![\\p{L}])`)
}

/** Whether a word is written, in that form, after a lower-case word inside a sentence of the article. */
function seenInside(article: string, word: string): boolean {
  return articleHas(article, `[\\p{Ll},;] ${escapeRegExp(word)}(?![\\p{L}])`)
}

/** A person's name after a role in a speaker's description: "… Chief Executive Dermot Mannion". */
const SPEAKER_NAME =
  /\b(?:[Cc]hief [Ee]xecutive|CEO|[Pp]resident|[Cc]hairman|[Cc]hairwoman|[Mm]inister|[Ss]pokes(?:man|woman|person)|[Dd]irector|[Mm]anager|[Ee]conomist|[Aa]nalyst|[Oo]fficer|[Ss]ecretary|[Hh]ead|[Ff]ounder)\s+(?:(?:Major |Lieutenant |Brigadier )?General |Dr\.? |Mr\.? |Mrs\.? |Ms\.? |Sir )?(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}\.)?(?:\s+(?:\p{Lu}[\p{L}’'-]+|(?:al|el|de|da|van|von|bin|ibn)-?[\p{L}’'-]*)){1,3})$/u

/** How many sentences back a referent may be. */
const REACH = 3

/** Whether a phrase opening a sentence ("In addition,", "However,") is discourse filler. */
export const isFiller = (phrase: string) => FILLER.test(`${phrase} `)

const FILLER =
  /^(?:It is (?:worth|important to) (?:noting|mentioning|note|mention) that|It should be (?:noted|mentioned) that|In a related (?:development|context|move),?|In other news,|However,|Meanwhile,|In addition,|Additionally,|Moreover,|Furthermore,|Also,|Separately,|Notably,|Indeed,|Nonetheless,|Nevertheless,|Still,|Besides,|Overall,|Elsewhere,|At the same time,|And|Plus|\d+px)\s+/i
const ORG_NOUNS =
  /^(?:company|firm|group|carrier|airline|automaker|carmaker|bank|manufacturer|maker|retailer|agency|organi[sz]ation|conglomerate|insurer|lender|broadcaster|operator|business|corporation|giant|club|team|party)$/i
/** Verbs after "It" that say nothing of a thing ("It seems", "It took three years to …", "It means …"). */
const EXPLETIVE_VERB = /^(?:seem|seems|seemed|appear|appears|appeared|remain|remains|remained|emerged|follows|followed|means|meant|matters|mattered|took|takes|make|makes|made|happened|came|comes|is|was|has|had|looks|looked|depends)$/
/** "It marked …", "It carries …": a past or present verb that a thing can do, not a copula or an expletive's. */
const thingActs = (w: string) => /^[a-z]+(?:ed|s)$/.test(w) && !EXPLETIVE_VERB.test(w) && !/ss$/.test(w)
/** Verbs after "It" that an organisation does (not "It is", which is too often "it is expected that"). */
const IT_ACTS = /^(?:said|says|reported|reports|announced|announces|added|plans|planned|expects|expected|posted|cut|cuts|raised|lowered|sold|bought|hired|employs|employed|opened|closed|has|had|will|would|also|earned|lost|made|makes)$/
const INDEX_NAME = /\b(?:Index|Average|Dow|Nasdaq|S&P|FTSE|Nikkei|DAX|CAC|Hang Seng|Composite)\b/
const INDEX_NOUNS = /^(?:index|indices|average|benchmark)$/i
/** What an index does: "It dropped …", "It has already fallen …", "It closed at …". */
const INDEX_MOVES = /^(?:dropped|fell|rose|gained|lost|climbed|slipped|jumped|surged|plunged|tumbled|declined|rebounded|recovered|finished|ended|closed|opened|has|had|was|is)$/
const INDEX_MOVE_AFTER = /^(?:at|up|down|higher|lower|already|fallen|risen|dropped|gained|lost|climbed|\d[\d.,%]*)$/
/** A named market index: "the Brazilian Bovespa index", "the Dow Jones Industrial Average". */
const NAMED_INDEX = /\b(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}&\d-]*\s+){1,4}(?:index|Index|Average|Composite)\b/gu
/** Capitalised phrases the entity rules may take for a name that are places or bodies. */
const NOT_A_PERSON = /^(?:Today|Yesterday|Tomorrow|Now|Then|Meanwhile)\b|\b(?:United|States|Kingdom|Republic|Union|Emirates|Nations|Street|Journal|Times|Airlines|Airways|Motors|Inc|Corp|LLC|House|Hall|Court|Council|Party|Bank|Ministry|Department|Agency|Index|Exchange|Flight)\b/
const singular = (w: string) => w.toLowerCase().replace(/(?:ies)$/, 'y').replace(/(?<!s)s$/, '')

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/**
 * The referent a pronoun most likely points at: among those named in the latest sentence that
 * named any, the first (subjects come first), as centering theory has it.
 */
function recent<T extends { sentence: number }>(items: T[], now: number): T | undefined {
  const last = items[items.length - 1]
  if (!last || now - last.sentence > REACH) return undefined
  let k = items.length - 1
  while (k > 0 && items[k - 1]!.sentence === last.sentence) k--
  return items[k]
}

/** Rewrites the opening of a claim's text so it reads alone; lists what was added. */
export function resolveOpening(text: string, d: Discourse, { continuesQuote }: { continuesQuote: boolean }): { text: string; added: AddedContext[] } {
  const added: AddedContext[] = []
  let out = text
  const filler = FILLER.exec(out)
  if (filler) {
    added.push({ kind: 'filler', text: filler[0].trim() })
    out = capitalise(out.slice(filler[0].length))
  }

  // Inside a continued quotation "it", "we" and "he" are the speaker's words: left as they are.
  const words = continuesQuote && d.openQuoteSpeaker ? null : /^(\S+)\s+(\S+)\s*(\S*)/.exec(out)
  if (words) {
    const [, first, second, third] = words
    const lower = first!.toLowerCase()
    const person = d.protagonist && d.sentence - d.protagonist.sentence <= REACH ? d.protagonist : recent(d.people, d.sentence)
    const org = recent(d.organizations, d.sentence)
    const surname = /^\p{Lu}[\p{L}’'-]+$/u.test(first!) && /^[a-z]/.test(second!) ? [...d.people].reverse().find((p) => p.name.endsWith(` ${first}`) && d.sentence - p.sentence <= 8) : undefined
    if (surname) {
      // a surname alone stands for the full name given earlier
      out = `${surname.name}${out.slice(first!.length)}`
      added.push({ kind: 'referent', text: surname.name, replaces: first })
    } else if ((lower === 'he' || lower === 'she') && person && /^[a-z]/.test(second!)) {
      // a title standing for the person ("the Prime Minister applauded …") takes its article back
      const name = isTitleOnly(person.name) ? `The ${person.name}` : person.name
      out = `${name}${out.slice(first!.length)}`
      added.push({ kind: 'referent', text: name, replaces: first })
    } else if ((lower === 'his' || lower === 'her') && person && /^[a-z]/.test(second!)) {
      out = `${person.name}’s${out.slice(first!.length)}`
      added.push({ kind: 'referent', text: `${person.name}’s`, replaces: first })
    } else if (first === 'It' && d.namedIndex && INDEX_MOVES.test(second!) && (!/^(?:closed|opened|finished|ended|has|had|was|is)$/.test(second!) || INDEX_MOVE_AFTER.test(third ?? ''))) {
      // "It dropped 10.12%" after "The Merval index is another one that fared badly today."
      out = `${capitalise(d.namedIndex)}${out.slice(first!.length)}`
      added.push({ kind: 'referent', text: capitalise(d.namedIndex), replaces: first })
    } else if (first === 'It' && d.subjectOrganization && IT_ACTS.test(second!) && (!/^(?:will|would|has|had|also)$/.test(second!) || IT_ACTS.test(third ?? ''))) {
      // ("It will seat 300 people" is about a thing; "It will cut 300 jobs" may be the organisation)
      // "It said …", "It reported …": the organisation the last sentence was about
      out = `${d.subjectOrganization}${out.slice(first!.length)}`
      added.push({ kind: 'referent', text: d.subjectOrganization, replaces: first })
    } else if (first === 'It' && d.thingSubject && (!d.subjectOrganization || (d.thingSubject.includes(d.subjectOrganization) && !d.thingSubject.endsWith(d.subjectOrganization))) && (thingActs(second!) || (/^(?:also|will|would|could|should|can|may|might|still)$/.test(second!) && /^[a-z]+$/.test(third ?? '') && !EXPLETIVE_VERB.test(third ?? '') && !/^(?:be|been|have|not)$/.test(third ?? '')))) {
      // "It also marked the end of the DC-9 family" after "The final Boeing 717 was the 15,599th plane …"
      out = `${d.thingSubject}${out.slice(first!.length)}`
      added.push({ kind: 'referent', text: d.thingSubject, replaces: first })
    } else if (lower === 'the' && ORG_NOUNS.test(second!.replace(/[,’'s]+$/, '')) && (d.subjectOrganization || org?.typed) && /^[a-z]/.test(third ?? '')) {
      const name = d.subjectOrganization ?? org!.name
      const replaced = `${first} ${second!.replace(/[,]$/, '')}`
      const possessive = /’s$|'s$/.test(second!) ? '’s' : ''
      out = `${capitalise(name)}${possessive}${out.slice(first!.length + 1 + second!.replace(/[,]$/, '').length)}`
      added.push({ kind: 'referent', text: capitalise(name), replaces: replaced })
    } else if (lower === 'the' && INDEX_NOUNS.test(second!)) {
      const index = [...d.organizations].reverse().find((o) => INDEX_NAME.test(o.name) && d.sentence - o.sentence <= REACH)
      if (index) {
        out = `The ${index.name.replace(/^The\s+/, '')}${out.slice(first!.length + 1 + second!.length)}`
        added.push({ kind: 'referent', text: index.name, replaces: `${first} ${second}` })
      }
    } else if (first === 'Their' && /^[a-z]/.test(second!) && pairNamedBefore(d)) {
      // "Their discussions focused on …" after "A met with B": A and B's
      const pair = pairNamedBefore(d)!
      out = `${pair}’s${out.slice(first!.length)}`
      added.push({ kind: 'referent', text: `${pair}’s`, replaces: first })
    } else if (first === 'Both' && /^[a-z]/.test(second!) && !/^(?:of|the|these|those|sides|parties|men|women|companies|countries)$/.test(second!) && pairNamedBefore(d)) {
      // "Both served jail sentences" after "A arranged a job for B": A and B both
      const pair = pairNamedBefore(d)!
      out = `${pair} both${out.slice(first!.length)}`
      added.push({ kind: 'referent', text: pair, replaces: first })
    } else if (first === 'They' && d.pluralSubject && /^[a-z]/.test(second!)) {
      // "They also said …" after "The sources claimed …": the plural subject of the sentence before
      out = `${capitalise(d.pluralSubject)}${out.slice(first!.length)}`
      added.push({ kind: 'referent', text: capitalise(d.pluralSubject), replaces: first })
    } else if (/^(?:this|these|that|those)$/.test(lower) && /^[a-z]+$/.test(second!)) {
      const antecedent = d.phrases.get(singular(second!))
      if (antecedent && d.sentence - antecedent.sentence <= REACH && antecedent.phrase.toLowerCase() !== second!.toLowerCase()) {
        out = `The ${antecedent.phrase}${out.slice(first!.length + 1 + second!.length)}`
        added.push({ kind: 'referent', text: `the ${antecedent.phrase}`, replaces: `${first} ${second}` })
      }
    }
  }

  if (continuesQuote && d.openQuoteSpeaker) {
    const inner = out.replace(/^[“"‘`']+\s*/, '').replace(/\s*[”"’']+\s*$/, '')
    const speaker = capitalise(d.openQuoteSpeaker)
    out = `${speaker} said: “${inner}”`
    added.push({ kind: 'speaker', text: speaker })
  }
  return { text: out, added }
}

/** A sentence opening on a quotation mark ('' too: pages set it for `` at the start of a sentence). */
export const OPENS_QUOTE = /^\s*(?:[“"]|``|'')/

/** Opening and closing quotation marks in a sentence (`` and '' count as one mark each; '' opening it opens). */
export function quoteBalance(sentence: string): number {
  const leading = /^\s*''/.test(sentence) ? 1 : 0
  const opens = (sentence.match(/“|``|«/g) ?? []).length + leading
  const closes = (sentence.match(/”|''|»/g) ?? []).length - leading
  const straight = (sentence.match(/(?<![A-Za-z])"|"(?![A-Za-z])/g) ?? []).length
  return opens - closes + (straight % 2)
}

/** The name just before the last opening quotation mark: "with analyst Jane Roe saying “…". */
function speakerBefore(sentence: string, entities: EntityMention[], sentenceStart: number): string | null {
  const open = Math.max(sentence.lastIndexOf('“'), sentence.lastIndexOf('``'), sentence.lastIndexOf('"'))
  if (open < 0) return null
  const named = entities.filter((e) => (e.type === 'person' || e.type === 'organization') && e.end - sentenceStart <= open && open - (e.end - sentenceStart) <= 40)
  return named.length ? named[named.length - 1]!.text : null
}

/** Records what a sentence names, for the sentences after it. */
export function observe(d: Discourse, sentence: string, tokens: Token[], entities: EntityMention[], speaker: string | null, sentenceStart: number) {
  const at = d.sentence
  // The person a sentence quotes comes first for a "he" or "she" after it: "Aer Lingus Chief
  // Executive Dermot Mannion stated …" names Dermot Mannion.
  const quoted = speaker ? SPEAKER_NAME.exec(speaker) : null
  if (quoted) d.people.push({ name: quoted[1]!, sentence: at })
  const before = d.people.length
  for (const e of entities) {
    const name = e.text.replace(/^(?:The|A|An)\s+/, '')
    if (/^(?:US|U\.S\.|USA|UK|U\.K\.|EU|UN)$/.test(name)) continue
    // "INTERPOL President Ahmad Naser al-Raisi": a person named with the body they lead
    const titled = e.type !== 'person' ? SPEAKER_NAME.exec(name) : null
    if (titled) {
      d.people.push({ name: titled[1]!, sentence: at })
      continue
    }
    if (e.type === 'person' && NOT_A_PERSON.test(name)) continue
    // "Current PowerPC", "Digital Rights": a capitalised common word ("current" elsewhere) opens no name
    if (e.type === 'person' && name.split(/\s+/).length >= 2) {
      const given = name.replace(/^(?:(?:(?:Major|Lieutenant|Brigadier) )?General|Dr|Mr|Mrs|Ms|Sir|President|Prime Minister|Minister|Senator|Governor|Mayor|Judge)\.?\s+/, '')
      if (!writtenLower(d.article, given.split(/\s+/)[0]!)) d.people.push({ name, sentence: at })
    }
    else if (e.type === 'person') {
      // a surname alone refers to the full name given before it
      const full = [...d.people].reverse().find((p) => p.name.endsWith(` ${name}`))
      d.people.push({ name: full?.name ?? name, sentence: at })
    } else if (e.type === 'organization' || (e.type === 'other' && /^\p{Lu}{2,}$|^[\p{Lu}][\p{L}&.-]+(?:\s[\p{Lu}][\p{L}&.-]+)*$/u.test(name) && name.length > 2))
      d.organizations.push({ name, sentence: at, typed: e.type === 'organization' })
  }
  // The person a sentence is about: its speaker, or a name that is its subject (before its first
  // verb, and not a modifier of a noun after it: "Current PowerPC programs can run").
  const firstVerb = tokens.findIndex((t) => isVerbal(t))
  const subjectPerson = entities.find((e) => {
    if (e.type !== 'person' || e.start - sentenceStart > 40) return false
    const after = tokens.find((t) => t.start >= e.end - sentenceStart)
    return (firstVerb < 0 || e.end - sentenceStart <= tokens[firstVerb]!.start) && after?.pos !== 'NOUN' && after?.pos !== 'PROPN'
  })
  const named = quoted?.[1] ?? (speaker ? [...d.people].reverse().find((p) => p.name === speaker || p.name.endsWith(` ${speaker}`))?.name : null) ?? (subjectPerson ? d.people.slice(before).find((p) => p.name.endsWith(subjectPerson.text.split(/\s+/).pop()!))?.name : null)
  // "Papermaster had been with Apple …": a surname opening the sentence, before its verb, is the
  // person named in full earlier (a lone capitalised word opening a sentence is no entity)
  const opener = tokens[0] && /^\p{Lu}\p{Ll}+$/u.test(tokens[0].text) && isVerbal(tokens[1]) ? [...d.people].reverse().find((p) => p.name.endsWith(` ${tokens[0]!.text}`)) : undefined
  if (opener && !named) d.people.push({ name: opener.name, sentence: at })
  if (named ?? opener) d.protagonist = { name: (named ?? opener!.name), sentence: at }
  // The organisation a sentence is about: named in its first four words.
  // After an opening phrase ("Totaling US$ 180 billion, the Federal Reserve …") the subject follows its comma.
  // ("Earlier in the day, Boeing received …": an adverb opens such a phrase too)
  const leadComma = tokens.findIndex((t) => t.text === ',')
  const lead = tokens[0] && (tokens[0].pos === 'ADP' || (tokens[0].pos === 'VERB' && /(?:ing|ed)$/.test(tokens[0].lower)) || (tokens[0].pos === 'ADV' && leadComma > 0 && leadComma < 8)) ? tokens[leadComma] : undefined
  const bodyAt = lead ? lead.end + 1 : 0
  const subject = entities.find(
    (e) => e.start - sentenceStart >= bodyAt && e.start - sentenceStart <= bodyAt + 30 && (e.type === 'organization' || e.type === 'other') && !NOT_A_PERSON.test(e.text) && /^\p{Lu}/u.test(e.text) && sentence[e.end - sentenceStart] !== '$',
  )
  const opening = sentence.slice(bodyAt, subject ? subject.start - sentenceStart : bodyAt)
  const previousOrganization = d.subjectOrganization
  if (subject && opening.split(/\s+/).filter(Boolean).length <= 2 && !d.people.some((p) => p.name === subject.text))
    d.subjectOrganization = /^the\s+$/i.test(opening) ? `The ${subject.text}` : subject.text
  // a single name opening the sentence before its verb: "Boeing lost the contract"
  // (not a common word the tagger capitalised at the start, "Revenue rose 4%": one the article never writes capitalised inside a sentence)
  else if (tokens[0]?.pos === 'PROPN' && isVerbal(tokens[1]) && !d.people.some((p) => p.name.endsWith(tokens[0]!.text)) && !(isKnownWord(tokens[0].lower) && !seenInside(d.article, tokens[0].text)))
    d.subjectOrganization = tokens[0].text
  // a sentence about something else ("Revenue rose 4%") leaves the organisation of the one before it the topic, once
  else d.subjectOrganization = d.organizationKept ? null : previousOrganization
  d.organizationKept = d.subjectOrganization !== null && d.subjectOrganization === previousOrganization && !subject
  d.pluralSubject = pluralSubjectOf(sentence, tokens) ?? (/^They\b/.test(sentence) ? d.pluralSubject : null)
  d.thingSubject = thingSubjectOf(sentence, tokens, d)
  const indexes = /index|Index|Average|Composite/.test(sentence) ? new Set([...sentence.matchAll(NAMED_INDEX)].map((m) => m[0].replace(/^The\s/, 'the '))) : new Set<string>()
  d.namedIndex = indexes.size === 1 ? [...indexes][0]! : null
  // Noun phrases: adjectives and nouns ending in a noun ("corrective measures").
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos !== 'NOUN' || tokens[i + 1]?.pos === 'NOUN') continue
    let j = i
    while (j > 0 && (tokens[j - 1]!.pos === 'ADJ' || tokens[j - 1]!.pos === 'NOUN') && i - j < 4) j--
    if (j === i) continue
    const phrase = sentence.slice(tokens[j]!.start, tokens[i]!.end)
    if (!isVerbal(tokens[j]) && /^[a-z][a-z\s-]+$/.test(phrase)) d.phrases.set(singular(tokens[i]!.text), { phrase, sentence: at })
  }
  // Only the last few sentences can hold a referent.
  if (d.people.length > 64) d.people.splice(0, d.people.length - 32)
  if (d.organizations.length > 64) d.organizations.splice(0, d.organizations.length - 32)
  if (d.phrases.size > 4096) d.phrases.clear()
  const balance = quoteBalance(sentence)
  d.lastQuoted = speaker && /[“”"]|``|''/.test(sentence) ? speaker.replace(/[.,;:]+$/, '') : d.openQuoteSpeaker
  if (balance > 0) {
    d.openQuoteSpeaker = speakerBefore(sentence, entities, sentenceStart) ?? speaker ?? d.openQuoteSpeaker
    d.quoteAge = 0
  } else if (balance < 0 || /[”"'»]\s*$/.test(sentence.trim()) || ++d.quoteAge >= 2) d.openQuoteSpeaker = null
  d.sentence++
}

/**
 * The subject before a sentence's first verb when it is plural: a noun phrase ending in a plural
 * noun ("The central banks") or names joined by "and" ("Chrysler and Toyota"). Not a pronoun,
 * and not a phrase with a clause or quotation in it.
 */
/**
 * "The final Boeing 717 was …": a singular noun phrase on "The" opening the sentence right before
 * its verb, when it names no person or organisation.
 */
function thingSubjectOf(sentence: string, tokens: Token[], d: Discourse): string | null {
  if (tokens[0]?.text !== 'The') return null
  let j = 1
  while (j < tokens.length && j < 8 && /^(?:ADJ|NOUN|PROPN|NUM)$/.test(tokens[j]!.pos)) j++
  const last = tokens[j - 1]!
  if (j < 2 || !isVerbal(tokens[j]) || /s$/.test(last.lower) || !(last.pos === 'NOUN' || last.pos === 'NUM' || last.pos === 'PROPN')) return null
  const phrase = sentence.slice(tokens[0]!.start, last.end)
  if (ORG_NOUNS.test(last.lower) || INDEX_NOUNS.test(last.lower) || d.people.some((p) => phrase.includes(p.name))) return null
  return phrase
}

function pluralSubjectOf(sentence: string, tokens: Token[]): string | null {
  let j = 0
  while (j < tokens.length && j < 10 && !isVerbal(tokens[j])) {
    if (!/^(?:DET|ADJ|NOUN|PROPN|NUM|CCONJ|PART)$/.test(tokens[j]!.pos) || (tokens[j]!.pos === 'CCONJ' && tokens[j]!.lower !== 'and')) return null
    j++
  }
  if (j === 0 || j >= tokens.length || j >= 10) return null
  const last = tokens[j - 1]!
  const joined = tokens.slice(0, j).some((t) => t.lower === 'and')
  const plural = last.pos === 'NOUN' && /[^s]s$/.test(last.lower)
  if (!(plural || (joined && last.pos === 'PROPN'))) return null
  return sentence.slice(tokens[0]!.start, last.end).replace(/^The\b/, 'the')
}


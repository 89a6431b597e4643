/** Named people, organisations and places; direct quotes; attribution (who said it, with which verb). */
import { isKnownWord, REPORTING_FORMS } from './tagger'

export type EntityType = 'person' | 'organization' | 'place' | 'other'
export type EntityMention = { text: string; start: number; end: number; type: EntityType }
export type QuoteMention = { text: string; start: number; end: number }
export type Attribution = { source: string; verb: string; start: number; end: number }

const TITLES =
  /^(?:Mr|Mrs|Ms|Dr|Prof|President|Prime|Minister|Chancellor|Secretary|Senator|Sen|Rep|Governor|Gov|Mayor|General|Gen|Major|Maj|Colonel|Col|Lieutenant|Lt|Captain|Capt|Sergeant|Judge|Justice|King|Queen|Prince|Princess|Pope|Sheikh|Councillor|Councilman|Councilwoman|Chairman|Chairwoman|CEO|Director|Commissioner|Ambassador|Officer|Inspector|Detective|Chief)\.?$/
/** A name made only of titles: "Prime Minister" (standing for the person who holds it). */
export const isTitleOnly = (name: string) => name.split(/\s+/).every((w) => TITLES.test(w))

const ORG_WORDS =
  /\b(?:Committee|Ministry|Department|Council|Government|Agency|Office|Bureau|Police|Court|Commission|Association|Union|Party|Company|Corporation|Corp|Inc|Ltd|LLC|Group|Bank|University|Institute|Organi[sz]ation|Assembly|Parliament|Congress|Senate|Board|Authority|Service|Services|Force|Forces|Army|Navy|Command|Fund|Foundation|Network|Network|Times|Post|News|Press|Airlines|Airways|Motors|Motor|Systems|Industries|Holdings|Partners|Foods|Energy|Technologies|Electronics|Pharmaceuticals|Telecom|Communications|Petroleum|Chemicals|Securities|Insurance|Logistics|Club|League|Federation|Centre|Center|Hospital|School|College|Church|Movement|Front|Alliance|Coalition|Secretariat|Directorate|Administration|Cabinet|Tribunal|Exchange|Reserve)\b/
const PLACES = new Set(
  (
    'Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt England Eritrea Estonia Ethiopia Europe Africa Asia America Finland France Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Libya Lithuania Luxembourg Madagascar Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Tunisia Turkey Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia Zimbabwe ' +
    'London Paris Berlin Madrid Rome Moscow Beijing Tokyo Delhi Washington Brussels Geneva Vienna Damascus Baghdad Tehran Cairo Beirut Jerusalem Kabul Kyiv Kiev Warsaw Lisbon Athens Ankara Istanbul Dubai Riyadh Doha Amman Marrakech Lagos Nairobi Johannesburg Sydney Melbourne Toronto Montreal Vancouver Chicago Boston Seattle Houston Dallas Miami Atlanta Denver Toulouse Lyon Milan Munich Hamburg Frankfurt Amsterdam Stockholm Oslo Copenhagen Helsinki Dublin Edinburgh Manchester Glasgow Mumbai Shanghai Seoul Bangkok Jakarta Manila Hanoi Karachi Lahore Islamabad Caracas Bogota Lima Santiago Havana Mexico Ottawa Canberra Wellington Auckland Alabama Alaska Arizona California Colorado Florida Texas Ohio Michigan Virginia Mobile Gaza Kashmir Crimea Donbas Kurdistan Idlib Aleppo Homs'
  ).split(' '),
)
const STOP_CAPS = new Set(
  'The A An In On At By For From Of To With And But Or If As It Its This That These Those He She They We I You His Her Their Our Your Mr Mrs Ms Dr After Before During While Although Since When Where Which Who What Why How There Here Some Many Most Each Every All Both No Not Yet So Then Also However Meanwhile According Despite Through Under Over Between Among Into Onto Upon Within Without Last Next This Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
)
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'al', 'bin', 'van', 'von', 'la', 'le', 'du', 'da', 'del', 'on'])

/** Capitalised word sequences ("Major General Abdulqadir Tahhan", "National Central Bureau (NCB)"). */
export function findEntities(text: string): EntityMention[] {
  const out: EntityMention[] = []
  const words: { w: string; start: number; end: number }[] = []
  const re = /[\p{Lu}\p{Ll}\p{Lt}\p{N}][\p{L}\p{N}'’.\-]*/gu
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    let w = m[0]
    // drop a trailing period unless it is part of an initialism ("N.V.")
    if (w.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(w)) w = w.slice(0, -1)
    words.push({ w, start: m.index, end: m.index + w.length })
  }
  const isCap = (w: string) => /^\p{Lu}/u.test(w) || /^(?:al|el|bin|ibn|abu|van|von|de|da|di|le|la)-\p{Lu}/u.test(w)
  let i = 0
  while (i < words.length) {
    const first = words[i]!
    const sentenceStart = i === 0 || /[.!?]["”]?\s*$/.test(text.slice(Math.max(0, first.start - 3), first.start))
    // "Totaling US$ 180 billion, …", "Citing sources, …": a participle opening the sentence is no name
    if (!isCap(first.w) || (STOP_CAPS.has(first.w) && !TITLES.test(first.w)) || (sentenceStart && /\p{Ll}(?:ing|ed)$/u.test(first.w) && isKnownWord(first.w))) {
      i++
      continue
    }
    let j = i
    while (j + 1 < words.length) {
      const next = words[j + 1]!
      const gap = text.slice(words[j]!.end, next.start)
      if (!/^[ \u00a0]+$/.test(gap) && gap !== '-') break
      if (isCap(next.w)) {
        j++
        continue
      }
      // "Ministry of Interior", "Bank of England": a connector between capitalised words
      if (CONNECTORS.has(next.w) && j + 2 < words.length && isCap(words[j + 2]!.w) && /^[ ]+$/.test(text.slice(next.end, words[j + 2]!.start))) {
        j += 2
        continue
      }
      break
    }
    // Strip leading titles into the mention but require a name after them.
    const span = words.slice(i, j + 1)
    const phrase = text.slice(first.start, words[j]!.end)
    const hasTitle = TITLES.test(first.w)
    const single = span.length === 1
    if (single && sentenceStart && !PLACES.has(first.w) && !/^\p{Lu}{2,}$/u.test(first.w)) {
      i = j + 1
      continue
    }
    if (hasTitle && single) {
      i = j + 1
      continue
    }
    let type: EntityType = 'other'
    if (ORG_WORDS.test(phrase) || /^\p{Lu}{2,}$/u.test(first.w)) type = 'organization'
    if (span.every((s) => PLACES.has(s.w))) type = 'place'
    else if (hasTitle || (span.length >= 2 && span.length <= 4 && !ORG_WORDS.test(phrase) && span.every((s) => /^\p{Lu}\p{Ll}/u.test(s.w) || /^\p{Lu}\.$/u.test(s.w))))
      type = type === 'organization' ? type : 'person'
    if (single && PLACES.has(first.w)) type = 'place'
    if (/\b(?:River|Lake|Mountains?|Mount|Street|Square|Bridge|County|Province|City|Island|Islands|Sea|Ocean|Valley|Bay|Gulf|Strait|Desert|Region|District|Peninsula)$/.test(phrase) && type !== 'organization') type = 'place'
    out.push({ text: phrase, start: first.start, end: words[j]!.end, type })
    i = j + 1
  }
  return out
}

const QUOTE_PAIRS: [string, string][] = [
  ['“', '”'],
  ['"', '"'],
  ['«', '»'],
]

/** Direct quotes: text inside paired quotation marks (at least three words). */
export function findQuotes(text: string): QuoteMention[] {
  const out: QuoteMention[] = []
  for (const [open, close] of QUOTE_PAIRS) {
    let from = 0
    for (;;) {
      const s = text.indexOf(open, from)
      if (s === -1) break
      const e = text.indexOf(close, s + 1)
      if (e === -1) break
      const inner = text.slice(s + 1, e)
      if (inner.trim().split(/\s+/).length >= 3) out.push({ text: inner, start: s + 1, end: e })
      from = e + 1
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

/** Verbs that attribute what is said: the verbs of saying, and a few ways of publishing it. */
const SPEECH_VERBS = `${REPORTING_FORMS}|tweeted|posted|continued(?=\\s*[.,;]|\\s*$)`

const ACCORDING = /\b(according to)\s+((?:the\s+)?[\p{Lu}][\p{L}’'.\-]*(?:\s+(?:of\s+|for\s+|the\s+)?[\p{Lu}][\p{L}’'.\-]*)*|the\s+[\p{Ll}]+(?:\s+[\p{Ll}]+){0,3})/u
const SAID_AFTER = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:(?:the|The)\\s+)?[\\p{Lu}][\\p{L}’'.\\-]*(?:\\s+(?:of\\s+|for\\s+|al-)?[\\p{Lu}][\\p{L}’'.\\-]*){0,5}|[Hh]e|[Ss]he|[Tt]hey|[Oo]fficials|[Tt]he (?:ministry|government|police|company|agency|council|spokesman|spokeswoman|spokesperson|statement|report))\\s+(${SPEECH_VERBS})\\b`,
  'u',
)
/** "Peter Cardillo, chief market economist at Avalon Partners, said …": a name, who they are, the verb. */
const SAID_APPOSITIVE = new RegExp(`^((?:The\\s+)?[\\p{Lu}][\\p{L}’'.\\-]*(?:\\s+[\\p{Lu}][\\p{L}’'.\\-]*){0,4}),\\s+[^,;“”"]{3,90},\\s+(${SPEECH_VERBS})\\b`, 'u')
const SAID_BEFORE = new RegExp(`(?:[,”"]|'')+\\s*(${SPEECH_VERBS})\\s+((?:the\\s+)?[\\p{Lu}][\\p{L}’'.\\-]*(?:\\s+[\\p{Lu}][\\p{L}’'.\\-]*){0,5})`, 'u')

/** A role written before the name it belongs to, to the end of the sentence: "Chief Executive Officer, Tom Enders." */
const ROLE_THEN_NAME = /^[\p{Lu}][\p{L}’'.\-]*(?:\s+(?:and\s+|of\s+)?[\p{Lu}][\p{L}’'.\-]*){0,7},\s+([\p{Lu}][\p{L}’'\-]*(?:\s+[\p{Lu}][\p{L}’'.\-]*){1,3}?)\.?\s*$/u

/** Who a sentence is attributed to and with which verb: "X said", "said X", "according to X". */
export function findAttribution(text: string): Attribution | null {
  const acc = ACCORDING.exec(text)
  if (acc) {
    const start = acc.index + acc[0].length - acc[2]!.length
    return { source: acc[2]!.replace(/^the\s+/i, ''), verb: acc[1]!.toLowerCase(), start, end: start + acc[2]!.length }
  }
  const before = SAID_BEFORE.exec(text)
  if (before) {
    const start = before.index + before[0].length - before[2]!.length
    // "said Sandy Angers." ends the sentence: the full stop is not part of the name ("Inc." is)
    const source = /(?:^|\s)(?!(?:Inc|Ltd|Corp|Co|Jr|Sr|St)\.$)[\p{L}’'-]{2,}\.$/u.test(before[2]!) ? before[2]!.slice(0, -1) : before[2]!
    // "said Airbus President and Chief Executive Officer, Tom Enders.": the name after the role
    const named = ROLE_THEN_NAME.exec(text.slice(start))
    if (named) {
      const name = named[1]!.replace(/(\p{L}{2})\.$/u, '$1')
      const at = start + named.index + named[0].trimEnd().length - named[1]!.length
      return { source: name, verb: before[1]!, start: at, end: at + name.length }
    }
    return { source, verb: before[1]!, start, end: start + source.length }
  }
  const appositive = SAID_APPOSITIVE.exec(text)
  if (appositive && !STOP_CAPS.has(appositive[1]!)) return { source: appositive[1]!, verb: appositive[2]!, start: 0, end: appositive[1]!.length }
  const after = SAID_AFTER.exec(text)
  if (after && !STOP_CAPS.has(after[1]!) ) {
    return { source: after[1]!, verb: after[2]!, start: after.index, end: after.index + after[1]!.length }
  }
  return null
}

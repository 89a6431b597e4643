/**
 * Measures extraction on the labelled development data in ../shared/eval (read at run time):
 * check-worthiness (ClaimBuster, 5-fold cross-validated), dates (MEANTIME), propositions
 * (PropSegmEnt).   npm run eval
 */
import fs from 'node:fs'
import path from 'node:path'
import { extract } from '../app/extraction'
import { splitClaims } from '../app/extraction/claims'
import { findDates, parseReference } from '../app/extraction/dates'
import { splitPropositions } from '../app/extraction/propositions'
import { bestThreshold, crossValidate, EVAL_DIR, metrics, readClaimBuster } from './lib/claimbuster'
import { emptyScore, formatScore, goldText, readGold, scoreArticle, GOLD_FILE } from './lib/gold-claims'

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const f3 = (x: number) => x.toFixed(3)

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(path.join(EVAL_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)
}

function checkworthiness() {
  const rows = readClaimBuster()
  const cv = crossValidate(rows, 5, { epochs: 8, rate: 0.02 })
  const threshold = bestThreshold(cv.scores, cv.labels)
  const m = metrics(cv.scores, cv.labels, threshold)
  const digit = metrics(rows.map((r) => (/\d/.test(r.text) ? 1 : 0)), rows.map((r) => r.label), 0.5)
  return [
    `Check-worthiness — ClaimBuster dev, ${rows.length} sentences, 5-fold CV (contiguous id folds)`,
    `  model        P ${f3(m.precision)}  R ${f3(m.recall)}  F1 ${f3(m.f1)}  PR-AUC ${f3(m.prAuc)}  (threshold ${threshold})   target F1 >= 0.75`,
    `  has-a-digit  P ${f3(digit.precision)}  R ${f3(digit.recall)}  F1 ${f3(digit.f1)}`,
  ]
}

type Timex = { type: string; value: string; doc_start: number; doc_end: number; text: string }
type MeantimeDoc = { dct: string; text: string; timex3: Timex[]; sentences: { sentence_index: number; start: number; end: number }[] }

/** MEANTIME annotates only each article's first six sentences (title, date line and four more). */
const ANNOTATED_SENTENCES = 6

type DateSpan = { start: number; end: number; value: string }

/** Overlap matching of predicted dates to MEANTIME's DATE expressions, one to one, in order. */
function matchDates(pred: DateSpan[], golds: Timex[], score: { tp: number; valueOk: number }, misses: string[], wrong?: string[]) {
  const used = new Set<number>()
  for (const g of golds) {
    const k = pred.findIndex((p, i) => !used.has(i) && p.start < g.doc_end && p.end > g.doc_start)
    if (k === -1) {
      if (misses.length < 80) misses.push(`${g.text} → ${g.value}`)
      continue
    }
    used.add(k)
    score.tp++
    if (pred[k]!.value === g.value) score.valueOk++
    else if (wrong && wrong.length < 40) wrong.push(`${g.text} → ${pred[k]!.value} (gold ${g.value})`)
  }
}

function dates() {
  const docs = readJsonl<MeantimeDoc>('meantime/dev.jsonl')
  const score = { tp: 0, valueOk: 0 }
  let predicted = 0
  let gold = 0
  const misses: string[] = []
  for (const doc of docs) {
    const ref = parseReference(doc.dct)
    const annotatedEnd = doc.sentences.find((s) => s.sentence_index === ANNOTATED_SENTENCES - 1)?.end ?? doc.text.length
    const pred = findDates(doc.text, ref).filter((d) => d.start < annotatedEnd)
    const golds = doc.timex3.filter((t) => t.type === 'DATE')
    predicted += pred.length
    gold += golds.length
    matchDates(pred, golds, score, misses)
  }
  const { tp, valueOk } = score
  const p = tp / Math.max(1, predicted)
  const r = tp / Math.max(1, gold)
  const f1 = (2 * p * r) / Math.max(1e-9, p + r)
  return [
    `Dates — MEANTIME dev, ${docs.length} articles (their annotated first ${ANNOTATED_SENTENCES} sentences), ${gold} DATE expressions (overlap matching)`,
    `  span         P ${f3(p)}  R ${f3(r)}  F1 ${f3(f1)}   target >= 0.90`,
    `  value accuracy on matched spans ${pct(valueOk / Math.max(1, tp))} (${valueOk}/${tp})   target >= 85%`,
    `  e.g. missed: ${misses.slice(0, 80).join('; ')}`,
  ]
}

type PropRow = { sentence: string; tokens: string[]; token_char_offsets: number[]; reference_proposition_token_indices: number[][] }

/**
 * PropSegmEnt's dev sentences in two parts, fixed by a hash of the sentence: about two thirds to
 * read while writing the proposition rules ("dev"), a third never read ("held"), whose figures are
 * the ones to quote.
 */
function propSplit(sentence: string): 'dev' | 'held' {
  let h = 0x811c9dc5
  for (let i = 0; i < sentence.length; i++) h = Math.imul(h ^ sentence.charCodeAt(i), 0x01000193) >>> 0
  return h % 3 === 0 ? 'held' : 'dev'
}

function propositions() {
  // Sentences annotated as non-informational have no reference propositions.
  const all = readJsonl<PropRow>('propsegment/dev.jsonl').filter((r) => Array.isArray(r.reference_proposition_token_indices))
  const lines: string[] = []
  for (const part of ['dev', 'held'] as const) {
    const rows = all.filter((r) => propSplit(r.sentence) === part)
    lines.push(...scorePropositions(rows, part === 'dev' ? 'dev part (read while writing rules)' : 'held part (never read; quote these)'))
  }
  return lines
}

function scorePropositions(rows: PropRow[], label: string) {
  let matched = 0
  let predicted = 0
  let reference = 0
  let baselineMatched = 0
  let propsPredicted = 0
  let propsMatched = 0
  for (const row of rows) {
    const tokenSpans = row.tokens.map((t, i) => ({ start: row.token_char_offsets[i]!, end: row.token_char_offsets[i]! + t.length }))
    const toTokens = (start: number, end: number) =>
      new Set(tokenSpans.flatMap((s, i) => (s.start >= start && s.end <= end && /[\p{L}\p{N}]/u.test(row.tokens[i]!) ? [i] : [])))
    const refs = row.reference_proposition_token_indices.map((ix) => new Set(ix.filter((i) => /[\p{L}\p{N}]/u.test(row.tokens[i] ?? ''))))
    const preds = splitClaims(row.sentence).map((c) => toTokens(c.start, c.end))
    const props = splitPropositions(row.sentence).map((p) => new Set(p.parts.flatMap((part) => [...toTokens(part.start, part.end)])))
    predicted += preds.length
    propsPredicted += props.length
    reference += refs.length
    const match = (candidates: Set<number>[]) => {
      const pairs: [number, number, number][] = []
      candidates.forEach((p, i) =>
        refs.forEach((r, j) => {
          const inter = [...p].filter((x) => r.has(x)).length
          const jac = inter / Math.max(1, p.size + r.size - inter)
          if (jac >= 0.5) pairs.push([jac, i, j])
        }),
      )
      pairs.sort((a, b) => b[0] - a[0])
      const usedP = new Set<number>()
      const usedR = new Set<number>()
      let n = 0
      for (const [, i, j] of pairs) {
        if (usedP.has(i) || usedR.has(j)) continue
        usedP.add(i)
        usedR.add(j)
        n++
      }
      return n
    }
    matched += match(preds)
    propsMatched += match(props)
    baselineMatched += match([toTokens(0, row.sentence.length)])
  }
  const p = matched / Math.max(1, predicted)
  const r = matched / Math.max(1, reference)
  const pp = propsMatched / Math.max(1, propsPredicted)
  const pr = propsMatched / Math.max(1, reference)
  const bp = baselineMatched / Math.max(1, rows.length)
  const br = baselineMatched / Math.max(1, reference)
  return [
    `Propositions — PropSegmEnt dev, ${label}: ${rows.length} sentences, ${reference} reference propositions (one-to-one, token Jaccard >= 0.5)`,
    `  propositions P ${f3(pp)}  R ${f3(pr)}  F1 ${f3((2 * pp * pr) / Math.max(1e-9, pp + pr))}  (${propsPredicted} predicted)   target F1 >= 0.60 (held)`,
    `  claims       P ${f3(p)}  R ${f3(r)}  F1 ${f3((2 * p * r) / Math.max(1e-9, p + r))}  (${predicted} predicted; a claim may hold several propositions)`,
    `  whole sentence as one claim: P ${f3(bp)}  R ${f3(br)}  F1 ${f3((2 * bp * br) / Math.max(1e-9, bp + br))}`,
  ]
}

/**
 * Claims against the gold claims written by docs/claim-guidelines.md, for each split, beside
 * "every sentence one claim". The held-out split is the one to quote: its articles were not read
 * while the rules were written.
 */
function goldClaims() {
  const docs = readGold()
  if (!docs.length) return [`Gold claims — none found at ${path.relative(process.cwd(), GOLD_FILE)}`]
  const lines = [`Gold claims — ${path.relative(process.cwd(), GOLD_FILE)} (one-to-one matching at token F1 >= 0.6; span agreement = char IoU >= 0.5)`]
  for (const split of ['dev', 'holdout', 'holdout2', 'holdout3'] as const) {
    const rows = docs.filter((d) => d.split === split)
    if (!rows.length) continue
    const ours = emptyScore()
    const sentences = emptyScore()
    for (const row of rows) {
      const text = goldText(row.doc)
      const r = extract(text, { published: row.dct ?? undefined })
      scoreArticle(r.claims, row.claims, ours)
      const base = r.sentences
        .filter((s) => !s.heading && s.text.split(/\s+/).length >= 4)
        .map((s) => ({ text: s.text, start: s.start, end: s.end, dates: r.claims.filter((c) => c.start >= s.start && c.end <= s.end).flatMap((c) => c.dates) }))
      scoreArticle(base, row.claims, sentences)
    }
    lines.push(`  ${split}: ${rows.length} articles`)
    lines.push(formatScore('claims', ours))
    lines.push(formatScore('every sentence one claim', sentences))
  }
  return lines
}

/**
 * Dates as an outside reader of `extract` sees them: the dates of the claims in each article's
 * annotated body sentences (the title and date line are not claims), against MEANTIME's DATE
 * expressions there.
 */
function claimDates() {
  const docs = readJsonl<MeantimeDoc>('meantime/dev.jsonl')
  const score = { tp: 0, valueOk: 0 }
  let predicted = 0
  let gold = 0
  const wrong: string[] = []
  const missed: string[] = []
  for (const doc of docs) {
    const body = doc.sentences.filter((s) => s.sentence_index >= 2 && s.sentence_index < ANNOTATED_SENTENCES)
    if (!body.length) continue
    const from = body[0]!.start
    const to = body[body.length - 1]!.end
    const seen = new Set<string>()
    const pred = extract(doc.text, { published: doc.dct })
      .claims.flatMap((c) => c.dates)
      .filter((d) => d.start >= from && d.end <= to && !seen.has(`${d.start}`) && seen.add(`${d.start}`))
    const golds = doc.timex3.filter((t) => t.type === 'DATE' && t.doc_start >= from && t.doc_end <= to)
    predicted += pred.length
    gold += golds.length
    matchDates(pred, golds, score, missed, wrong)
  }
  const { tp, valueOk } = score
  const p = tp / Math.max(1, predicted)
  const r = tp / Math.max(1, gold)
  return [
    `Dates in claims — MEANTIME dev body sentences, ${gold} DATE expressions, as the extract output gives them`,
    `  span         P ${f3(p)}  R ${f3(r)}  F1 ${f3((2 * p * r) / Math.max(1e-9, p + r))}   value accuracy ${pct(valueOk / Math.max(1, tp))} (${valueOk}/${tp})`,
    `  e.g. wrong: ${wrong.join('; ')}`,
    `  e.g. missed: ${missed.join('; ')}`,
  ]
}

// `npm run eval -- claims dates` runs only the sections named.
const SECTIONS = { claims: goldClaims, 'claim-dates': claimDates, checkworthiness, dates, propositions }
const wanted = process.argv.slice(2).filter((a) => a in SECTIONS) as (keyof typeof SECTIONS)[]
for (const section of wanted.length ? wanted.map((k) => SECTIONS[k]) : Object.values(SECTIONS)) {
  console.log(section().join('\n'))
  console.log()
}

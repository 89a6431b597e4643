/**
 * Scores extracted claims against hand-written gold claims (tests/gold/claims.jsonl, written by
 * docs/claim-guidelines.md): one-to-one matching of claim texts at token F1 >= 0.6, then span
 * agreement and date accuracy of the matched pairs, and the count of fragments.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isFragment } from '../../app/extraction/fragments'
import { EVAL_DIR } from './claimbuster'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const GOLD_FILE = path.join(ROOT, 'tests', 'gold', 'claims.jsonl')

export type GoldClaim = { text: string; start: number; end: number; quote: string; dates: { text: string; value: string }[] }
export type GoldDoc = { doc: string; split: 'dev' | 'holdout' | 'holdout2' | 'holdout3'; dct: string | null; claims: GoldClaim[] }
export type Predicted = { text: string; start: number; end: number; dates: { value: string }[] }

export function readGold(): GoldDoc[] {
  if (!fs.existsSync(GOLD_FILE)) return []
  return fs
    .readFileSync(GOLD_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldDoc)
}

let meantime: Map<string, { text: string; dct: string }> | null = null
/** The article text a gold row was written against, read from ../shared at run time. */
export function goldText(doc: string): string {
  const [kind, id] = [doc.slice(0, doc.indexOf(':')), doc.slice(doc.indexOf(':') + 1)]
  if (kind === 'fixture') return fs.readFileSync(path.join(EVAL_DIR, '..', 'fixtures', 'articles', id), 'utf8')
  if (!meantime) {
    meantime = new Map()
    for (const line of fs.readFileSync(path.join(EVAL_DIR, 'meantime', 'dev.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue
      const row = JSON.parse(line) as { doc_id: string; text: string; dct: string }
      meantime.set(String(row.doc_id), row)
    }
  }
  const row = meantime.get(id)
  if (!row) throw new Error(`gold row ${doc}: no such MEANTIME article`)
  return row.text
}

const tokens = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

export function tokenF1(a: string, b: string) {
  const ta = tokens(a)
  const tb = tokens(b)
  if (!ta.length || !tb.length) return 0
  const counts = new Map<string, number>()
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1)
  let common = 0
  for (const t of ta) {
    const n = counts.get(t) ?? 0
    if (n > 0) {
      common++
      counts.set(t, n - 1)
    }
  }
  if (!common) return 0
  const p = common / ta.length
  const r = common / tb.length
  return (2 * p * r) / (p + r)
}

const spanIoU = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
  return inter / Math.max(1, Math.max(a.end, b.end) - Math.min(a.start, b.start))
}

export type ClaimScore = {
  predicted: number
  gold: number
  matched: number
  spanAgree: number
  datedPairs: number
  datesRight: number
  /** Why dates went wrong on matched claims, counted by value: */
  dateErrors: { missing: number; extra: number; coarser: number; finer: number; noneGiven: number }
  fragments: number
}

export function emptyScore(): ClaimScore {
  return { predicted: 0, gold: 0, matched: 0, spanAgree: 0, datedPairs: 0, datesRight: 0, dateErrors: { missing: 0, extra: 0, coarser: 0, finer: 0, noneGiven: 0 }, fragments: 0 }
}

/** Adds one article's predicted claims, matched one-to-one against its gold claims, to `into`. */
export function scoreArticle(pred: Predicted[], gold: GoldClaim[], into: ClaimScore) {
  const pairs: [number, number, number][] = []
  pred.forEach((p, i) =>
    gold.forEach((g, j) => {
      // Claims from far-apart places are never the same claim.
      if (p.end < g.start - 400 || p.start > g.end + 400) return
      const f = tokenF1(p.text, g.text)
      if (f >= 0.6) pairs.push([f, i, j])
    }),
  )
  pairs.sort((a, b) => b[0] - a[0])
  const usedP = new Set<number>()
  const usedG = new Set<number>()
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue
    usedP.add(i)
    usedG.add(j)
    into.matched++
    const p = pred[i]!
    const g = gold[j]!
    if (spanIoU(p, g) >= 0.5) into.spanAgree++
    if (g.dates.length) {
      into.datedPairs++
      const want = [...new Set(g.dates.map((d) => d.value))].sort().join(' ')
      const got = [...new Set(p.dates.map((d) => d.value))].sort().join(' ')
      if (want === got) into.datesRight++
      else countDateErrors(g.dates.map((d) => d.value), p.dates.map((d) => d.value), into.dateErrors)
    }
  }
  into.predicted += pred.length
  into.gold += gold.length
  into.fragments += pred.filter((p) => isFragment(p.text)).length
}

/**
 * A wrong value that is a prefix of the right one is coarser ("2009-06" for "2009-06-01"), one the
 * right one is a prefix of is finer; other gold values are missing and other given values extra.
 */
function countDateErrors(gold: string[], got: string[], into: ClaimScore['dateErrors']) {
  if (!got.length) into.noneGiven++
  const left = new Set(got.filter((v) => !gold.includes(v)))
  for (const want of gold.filter((v) => !got.includes(v))) {
    const coarser = [...left].find((v) => want.startsWith(v))
    const finer = [...left].find((v) => v.startsWith(want))
    if (coarser) (into.coarser++, left.delete(coarser))
    else if (finer) (into.finer++, left.delete(finer))
    else into.missing++
  }
  into.extra += left.size
}

export function formatScore(name: string, s: ClaimScore) {
  const p = s.matched / Math.max(1, s.predicted)
  const r = s.matched / Math.max(1, s.gold)
  const f1 = (2 * p * r) / Math.max(1e-9, p + r)
  const f3 = (x: number) => x.toFixed(3)
  return (
    `  ${name.padEnd(26)} P ${f3(p)}  R ${f3(r)}  F1 ${f3(f1)}  (${s.predicted} predicted, ${s.gold} gold, ${s.matched} matched)` +
    `  span agreement ${f3(s.spanAgree / Math.max(1, s.matched))}  dates right ${s.datesRight}/${s.datedPairs} = ${f3(s.datesRight / Math.max(1, s.datedPairs))}  fragments ${s.fragments}` +
    `\n  ${''.padEnd(26)} date errors: ${s.dateErrors.missing} missing, ${s.dateErrors.extra} extra, ${s.dateErrors.coarser} coarser, ${s.dateErrors.finer} finer; ${s.dateErrors.noneGiven} claims given none`
  )
}

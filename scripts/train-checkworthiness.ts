/**
 * Trains the check-worthiness model on ../shared/eval/claimbuster/dev.tsv and writes
 * app/extraction/checkworthiness-model.json. Deterministic: the same data gives the same weights.
 *   npm run train:checkworthiness
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { featurize, HASH_BITS, type StoredModel } from '../app/extraction/checkworthiness'
import { bestThreshold, crossValidate, metrics, readClaimBuster, train } from './lib/claimbuster'

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'app', 'extraction', 'checkworthiness-model.json')

const rows = readClaimBuster()
const options = { epochs: 8, rate: 0.02 }
const cv = crossValidate(rows, 5, options)
const threshold = bestThreshold(cv.scores, cv.labels)
const m = metrics(cv.scores, cv.labels, threshold)
console.log(
  `5-fold CV on ${rows.length} sentences: P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} PR-AUC ${m.prAuc.toFixed(3)} at threshold ${threshold}`,
)
const model = train(rows.map((r) => ({ f: featurize(r.text), label: r.label })), options)
const weights: [number, number][] = []
Array.from(model.weights).forEach((w, i) => {
  const r = Math.round(w * 1e4) / 1e4
  if (r !== 0) weights.push([i, r])
})
const stored: StoredModel = { bias: Math.round(model.bias * 1e4) / 1e4, threshold, hashBits: HASH_BITS, weights }
fs.writeFileSync(out, JSON.stringify(stored) + '\n')
console.log(`Wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`)

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FEATURE_COUNT, HASH_BITS, featurize, linear, type CheckworthinessModel, type Features } from '../../app/extraction/checkworthiness'

export const EVAL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'eval')

export type Row = { id: number; label: 0 | 1; text: string }

/** ClaimBuster rows, read from ../shared/eval at run time (never copied into the project). */
export function readClaimBuster(): Row[] {
  const lines = fs.readFileSync(path.join(EVAL_DIR, 'claimbuster', 'dev.tsv'), 'utf8').split('\n').slice(1)
  return lines
    .filter((l) => l.trim())
    .map((l) => {
      const [id, label, ...text] = l.split('\t')
      return { id: Number(id), label: label === '1' ? 1 : 0, text: text.join('\t') }
    })
}

/** Deterministic pseudo-random numbers (training must be reproducible). */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export type TrainOptions = { epochs?: number; l2?: number; rate?: number; seed?: number }

/** Logistic regression by AdaGrad SGD with L2, positives weighted to balance the classes. */
export function train(rows: { f: Features; label: number }[], { epochs = 8, l2 = 1e-5, rate = 0.02, seed = 7 }: TrainOptions = {}): CheckworthinessModel {
  const weights = new Float64Array(FEATURE_COUNT)
  const g2 = new Float64Array(FEATURE_COUNT).fill(1e-8)
  let bias = 0
  let gb = 1e-8
  const positives = rows.filter((r) => r.label === 1).length
  const posWeight = (rows.length - positives) / Math.max(1, positives)
  const order = rows.map((_, i) => i)
  const random = rng(seed)
  const handOffset = 1 << HASH_BITS
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const idx of order) {
      const { f, label } = rows[idx]!
      const p = 1 / (1 + Math.exp(-linear(f, weights, bias)))
      const g = (p - label) * (label === 1 ? posWeight : 1)
      const update = (k: number, x: number) => {
        const grad = g * x + l2 * weights[k]!
        g2[k]! += grad * grad
        weights[k]! -= (rate * grad) / Math.sqrt(g2[k]!)
      }
      for (const [h, v] of f.hashed) update(h, v)
      Object.values(f.hand).forEach((v, i) => {
        if (v) update(handOffset + i, v)
      })
      gb += g * g
      bias -= (rate * g) / Math.sqrt(gb)
    }
  }
  return { bias, weights, threshold: 0.5 }
}

export function predict(model: CheckworthinessModel, f: Features) {
  return 1 / (1 + Math.exp(-linear(f, model.weights, model.bias)))
}

export type Metrics = { precision: number; recall: number; f1: number; prAuc: number; threshold: number }

/** Precision/recall/F1 of the positive class at a threshold, and the area under the PR curve. */
export function metrics(scores: number[], labels: number[], threshold: number): Metrics {
  let tp = 0
  let fp = 0
  let fn = 0
  scores.forEach((s, i) => {
    if (s >= threshold && labels[i] === 1) tp++
    else if (s >= threshold) fp++
    else if (labels[i] === 1) fn++
  })
  const precision = tp / Math.max(1, tp + fp)
  const recall = tp / Math.max(1, tp + fn)
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall)
  // Average precision (step-wise area under the precision-recall curve)
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => b[0] - a[0])
  const totalPos = labels.filter((l) => l === 1).length
  let seenPos = 0
  let ap = 0
  order.forEach(([, l], k) => {
    if (l === 1) {
      seenPos++
      ap += seenPos / (k + 1)
    }
  })
  return { precision, recall, f1, prAuc: ap / Math.max(1, totalPos), threshold }
}

/** The threshold that maximises F1 on the given scores. */
export function bestThreshold(scores: number[], labels: number[]) {
  let best = { t: 0.5, f1: -1 }
  for (let t = 0.2; t <= 0.9; t += 0.01) {
    const m = metrics(scores, labels, t)
    if (m.f1 > best.f1) best = { t, f1: m.f1 }
  }
  return Math.round(best.t * 100) / 100
}

/**
 * K-fold cross-validation with folds of contiguous sentence ids (neighbouring debate sentences
 * stay in one fold, so near-duplicates do not leak). Returns out-of-fold scores.
 */
export function crossValidate(rows: Row[], k = 5, options: TrainOptions = {}) {
  const sorted = [...rows].sort((a, b) => a.id - b.id)
  const feats = sorted.map((r) => ({ f: featurize(r.text), label: r.label }))
  const scores = new Array<number>(sorted.length)
  const size = Math.ceil(sorted.length / k)
  for (let fold = 0; fold < k; fold++) {
    const lo = fold * size
    const hi = Math.min(sorted.length, lo + size)
    const model = train([...feats.slice(0, lo), ...feats.slice(hi)], options)
    for (let i = lo; i < hi; i++) scores[i] = predict(model, feats[i]!.f)
  }
  return { scores, labels: sorted.map((r) => r.label) }
}

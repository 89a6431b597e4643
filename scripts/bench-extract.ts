/**
 * Extraction speed: words per second of the whole pipeline and of the compromise NLP pipeline
 * (sentences, people, places, organisations, numbers) on the same news text, in the same run, and of
 * the whole `npm run --silent extract -- FILE --lines` process a user runs on 300,000 words.
 *   npm run bench:extract [-- --seconds 5]
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import nlp from 'compromise'
import { z } from 'zod'
import { extract } from '../app/extraction'
import { EVAL_DIR } from './lib/claimbuster'

const { values } = parseArgs({ options: { seconds: { type: 'string' } } })
const { seconds } = z.object({ seconds: z.coerce.number().min(0.5).max(60).default(5) }).parse(values)

/** Real news text: the fixture article and the MEANTIME Wikinews articles, read at run time. */
function corpus() {
  const fixture = fs.readFileSync(path.join(EVAL_DIR, '..', 'fixtures', 'articles', 'interpol-syria.txt'), 'utf8')
  const meantime = fs
    .readFileSync(path.join(EVAL_DIR, 'meantime', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string; dct: string }).text)
  return [fixture, ...meantime]
}

const countWords = (t: string) => t.split(/\s+/).filter(Boolean).length

function measure(name: string, docs: string[], run: (doc: string) => unknown) {
  const words = docs.reduce((n, d) => n + countWords(d), 0)
  for (const d of docs.slice(0, 5)) run(d) // warm up
  let processed = 0
  const started = performance.now()
  let elapsed = 0
  while (elapsed < seconds * 1000) {
    for (const d of docs) run(d)
    processed += words
    elapsed = performance.now() - started
  }
  return { name, wordsPerSecond: processed / (elapsed / 1000), words }
}

const docs = corpus()
const ours = measure('Claimdesk extraction (sentences, claims, propositions, dates, numbers, entities, quotes, attribution, check-worthiness)', docs, (d) =>
  extract(d, { published: '2008-03-01' }),
)
const theirs = measure('compromise (sentences, people, places, organisations, numbers)', docs, (d) => {
  const doc = nlp(d)
  doc.sentences().json()
  doc.people().json()
  doc.places().json()
  doc.organizations().json()
  doc.numbers().json()
})
console.log(`\nExtraction speed on ${docs.length} news articles (${ours.words} words), ${seconds} s each, one core\n`)
console.log('| pipeline | words/s |')
console.log('|---|---|')
for (const r of [ours, theirs]) console.log(`| ${r.name} | ${Math.round(r.wordsPerSecond).toLocaleString('en')} |`)

/** The whole process on 300,000 words, one article per line: start-up, reading, workers, writing. */
function wholeProcess() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-')), 'articles.txt')
  const lines: string[] = []
  let words = 0
  for (let k = 0; words < 300_000; k++) {
    const line = docs[k % docs.length]!.replace(/\s*\n\s*/g, ' ')
    lines.push(line)
    words += countWords(line)
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`)
  const command = ['cli/run-extract.mjs', file, '--lines', '--published', '2008-03-01']
  spawnSync(process.execPath, command, { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit'] }) // builds the entry if stale
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    const r = spawnSync(process.execPath, command, { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit'] })
    if (r.status !== 0) throw new Error(`extract exited with ${r.status}`)
    runs.push(performance.now() - started)
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true })
  const best = Math.min(...runs)
  return { words, lines: lines.length, seconds: runs.map((ms) => (ms / 1000).toFixed(2)), wordsPerSecond: words / (best / 1000) }
}

const whole = wholeProcess()
console.log(`| whole \`extract --lines\` process, ${whole.words.toLocaleString('en')} words in ${whole.lines} lines (best of 3: ${whole.seconds.join(' s, ')} s), ${os.availableParallelism()} cores | ${Math.round(whole.wordsPerSecond).toLocaleString('en')} |`)
console.log(`\nin-process ratio: ${(ours.wordsPerSecond / theirs.wordsPerSecond).toFixed(1)}×; whole process against compromise: ${(whole.wordsPerSecond / theirs.wordsPerSecond).toFixed(1)}× (targets: >= 250,000 words/s and >= 30× for the whole process)`)

/**
 * Import benchmark: articles per second through `cli import` (a separate process, as used), for
 * 800-word news articles written to a temporary folder. Median of repeated runs, each on a fresh
 * database.   npm run bench:import [-- --articles 500 --runs 3]
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { EVAL_DIR } from './lib/claimbuster'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { articles: { type: 'string' }, runs: { type: 'string' } } })
const opts = z
  .object({ articles: z.coerce.number().int().min(10).max(20_000).default(500), runs: z.coerce.number().int().min(1).max(10).default(3) })
  .parse(values)

/** 800-word articles made of real news sentences (MEANTIME texts, read at run time), each different. */
function writeArticles(dir: string) {
  const sentences = fs
    .readFileSync(path.join(EVAL_DIR, 'meantime', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => (JSON.parse(l) as { text: string }).text.split('\n'))
    .filter((s) => s.split(' ').length > 6)
  let k = 0
  for (let i = 0; i < opts.articles; i++) {
    const lines = [`Bench article ${i}`]
    let words = 0
    while (words < 800) {
      const s = sentences[k++ % sentences.length]!
      lines.push(s)
      words += s.split(/\s+/).length
    }
    lines.push(`Article number ${i} ends here.`)
    fs.writeFileSync(path.join(dir, `a${String(i).padStart(5, '0')}.txt`), lines.join('\n'))
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-import-'))
const folder = path.join(dir, 'articles')
fs.mkdirSync(folder)
writeArticles(folder)
const rates: number[] = []
for (let run = 0; run < opts.runs; run++) {
  const env = { ...process.env, DATABASE_URL: path.join(dir, `run-${run}.db`) }
  // Create and migrate the database first, so the timed run is the import alone.
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli', 'index.ts'), 'user', 'list'], { env, stdio: 'ignore' })
  const started = performance.now()
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli', 'index.ts'), 'import', folder], { env, stdio: 'ignore' })
  rates.push(opts.articles / ((performance.now() - started) / 1000))
}
fs.rmSync(dir, { recursive: true, force: true })
console.log(`\nImport through cli import: ${opts.articles} articles of about 800 words, median of ${opts.runs} runs (target >= 100 articles/s)\n`)
console.log('| median | min | max |')
console.log('|---|---|---|')
console.log(`| ${median(rates).toFixed(0)} articles/s | ${Math.min(...rates).toFixed(0)} | ${Math.max(...rates).toFixed(0)} |`)
console.log('(includes process start-up, extraction, claim matching, and one commit per 20 articles)')

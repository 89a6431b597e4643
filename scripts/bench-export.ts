/**
 * Export benchmark: 100,000 approved claims (5,000 articles) exported as ClaimReview and CSV.
 * Each export runs in a fresh child process so its peak memory (max RSS) is its own.
 *   npm run bench:export [-- --runs 3 --articles 5000]
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { migrateDatabase, openDatabase, setDb } from '../db/client.server'
import { createUser } from '../app/models/user.server'
import { seedLarge } from '../tests/bench/seed-large'

const { values } = parseArgs({ options: { runs: { type: 'string' }, articles: { type: 'string' }, child: { type: 'string' } } })
const opts = z
  .object({
    runs: z.coerce.number().int().min(1).max(20).default(3),
    articles: z.coerce.number().int().min(1).max(50_000).default(5000),
    child: z.enum(['csv', 'claimreview']).optional(),
  })
  .parse(values)

async function child(format: 'csv' | 'claimreview') {
  const { iterateExportClaims } = await import('../app/models/export.server')
  const { formatExport } = await import('../app/exports')
  const db = openDatabase(process.env.DATABASE_URL!)
  setDb(db)
  const started = performance.now()
  const out = fs.openSync('/dev/null', 'w')
  let bytes = 0
  let buffered = ''
  const context = { organization: { name: 'Bench', url: 'https://bench.example' }, baseUrl: 'https://bench.example', generatedAt: new Date().toISOString() }
  for (const chunk of formatExport(format, iterateExportClaims({ status: 'approved' }), context)) {
    buffered += chunk
    if (buffered.length > 64 * 1024) {
      bytes += fs.writeSync(out, buffered)
      buffered = ''
    }
  }
  bytes += fs.writeSync(out, buffered)
  const ms = performance.now() - started
  console.log(JSON.stringify({ ms, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function main() {
  if (opts.child) return child(opts.child)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-export-'))
  const file = path.join(dir, 'bench.db')
  const db = openDatabase(file)
  migrateDatabase(db)
  setDb(db)
  const user = await createUser({ email: 'bench@example.org', name: 'Bench', role: 'editor', password: 'bench-password' })
  const t0 = performance.now()
  const { claims } = seedLarge(db, { articles: opts.articles, userId: user.id, allApproved: true })
  console.log(`Seeded ${claims} approved claims over ${opts.articles} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  db.$client.close()
  const rows: string[] = []
  for (const format of ['claimreview', 'csv'] as const) {
    const runs = Array.from({ length: opts.runs }, () =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', format], { env: { ...process.env, DATABASE_URL: file }, encoding: 'utf8' }).trim().split('\n').pop()!,
      ) as { ms: number; bytes: number; maxRssMb: number },
    )
    rows.push(
      `| ${format} | ${claims} | ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s | ${median(runs.map((r) => r.maxRssMb)).toFixed(0)} MB | ${(runs[0]!.bytes / 1024 / 1024).toFixed(1)} MB |`,
    )
  }
  console.log(`\nExport of ${claims} claims, median of ${opts.runs} runs (target < 3 s and < 300 MB)\n`)
  console.log('| format | claims | time | peak memory (max RSS) | output |')
  console.log('|---|---|---|---|---|')
  for (const r of rows) console.log(r)
  fs.rmSync(dir, { recursive: true, force: true })
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

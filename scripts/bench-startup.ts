/**
 * Start-up benchmark: time from launching `npm start`'s script (build already made) to the first
 * 200 from /healthz, on a fresh database (migrate + seed) and on an existing one.
 *   npm run bench:startup [-- --runs 5]
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { freePort } from './lib/server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { runs: { type: 'string' } } })
const { runs } = z.object({ runs: z.coerce.number().int().min(1).max(50).default(5) }).parse(values)


async function timeToFirst200(databaseFile: string) {
  const port = await freePort()
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')))
  const started = performance.now()
  const child = spawn(process.execPath, [path.join(root, 'server', 'start.js')], {
    cwd: root,
    env: { ...env, PORT: String(port), DATABASE_URL: databaseFile, NODE_ENV: 'production' },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`)
        if (res.status === 200) return performance.now() - started
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error('server did not start within 60 s')
      await new Promise((r) => setTimeout(r, 10))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', '.bin', 'remix'), 'vite:build'], { cwd: root, stdio: 'ignore' })
  if (build.status !== 0) throw new Error('build failed')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-startup-'))
  const fresh: number[] = []
  const existing: number[] = []
  for (let i = 0; i < runs; i++) {
    const file = path.join(dir, `run-${i}.db`)
    fresh.push(await timeToFirst200(file))
    existing.push(await timeToFirst200(file))
  }
  fs.rmSync(dir, { recursive: true, force: true })
  console.log(`\nStart-up to first 200 from /healthz, after a build, median of ${runs} (target < 3 s)\n`)
  console.log('| database | median | min | max |')
  console.log('|---|---|---|---|')
  for (const [name, xs] of [['new (migrate + seed)', fresh], ['existing', existing]] as const) {
    console.log(`| ${name} | ${(median(xs) / 1000).toFixed(2)} s | ${(Math.min(...xs) / 1000).toFixed(2)} s | ${(Math.max(...xs) / 1000).toFixed(2)} s |`)
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

/**
 * HTTP benchmark: the claims queue (filtered, searched, paged) and the claim page under 32
 * concurrent clients (autocannon in a second process), each next to the plain /healthz route in
 * the same run. Seeds a fresh database with 100,000 claims over 5,000 articles first. Two servers
 * share the database: one as started by `npm start` (pages reused while the database is
 * unchanged) and one with PAGE_CACHE=off, which renders every request.
 *   npm run bench:http [-- --duration 10 --connections 32 --runs 3 --processes 1]
 * With --mixed, simulated reviewers read and write instead (scripts/bench-http-mixed.ts):
 *   npm run bench:http -- --mixed [--reviewers 16 --duration 60 --articles 5000 --loops 300 --cpu]
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { migrateDatabase, openDatabase, setDb } from '../db/client.server'
import { createUser } from '../app/models/user.server'
import { seedLarge } from '../tests/bench/seed-large'
import { freePort } from './lib/server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string' },
    runs: { type: 'string' },
    articles: { type: 'string' },
    processes: { type: 'string' },
    mixed: { type: 'boolean' },
    reviewers: { type: 'string' },
    loops: { type: 'string' },
    cpu: { type: 'boolean' },
  },
})
const opts = z
  .object({
    duration: z.coerce.number().int().min(1).max(120).default(10),
    connections: z.coerce.number().int().min(1).max(512).default(32),
    runs: z.coerce.number().int().min(1).max(10).default(3),
    articles: z.coerce.number().int().min(10).max(50_000).default(5000),
    processes: z.coerce.number().int().min(1).max(64).default(1),
    mixed: z.boolean().default(false),
    reviewers: z.coerce.number().int().min(1).max(256).default(16),
    loops: z.coerce.number().int().min(10).max(10_000).default(300),
    cpu: z.boolean().default(false),
  })
  .parse(values)


type Result = { rps: number; p50: number; p99: number; errors: number; non2xx: number }

/** One autocannon run in its own process, so the load generator does not share the server's core. */
function load(url: string, cookie: string): Result {
  const out = execFileSync(
    path.join(root, 'node_modules', '.bin', 'autocannon'),
    ['-c', String(opts.connections), '-d', String(opts.duration), '-H', `Cookie=${cookie}`, '--json', url],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 },
  )
  const r = JSON.parse(out) as { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number }
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', '.bin', 'remix'), 'vite:build'], {
    cwd: root,
    stdio: 'ignore',
  })
  if (build.status !== 0) throw new Error('build failed')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-http-'))
  const file = path.join(dir, 'bench.db')
  const db = openDatabase(file)
  migrateDatabase(db)
  setDb(db)
  const password = 'bench-password-1'
  const user = await createUser({ email: 'bench@example.org', name: 'Bench Reviewer', role: 'reviewer', password })
  const t0 = performance.now()
  const { claims } = seedLarge(db, { articles: opts.articles, userId: user.id })
  db.$client.pragma('optimize')
  const someClaim = (db.$client.prepare("select id from claims where status = 'reviewed' order by id desc limit 1").get() as { id: number })
    .id
  db.$client.close()
  console.log(`Seeded ${claims} claims over ${opts.articles} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')))
  const servers: { base: string; process: ReturnType<typeof spawn> }[] = []
  try {
    // One after the other: each start-up checks the build and the database before serving.
    for (const pageCache of ['on', 'off']) {
      const port = await freePort()
      const child = spawn(process.execPath, [path.join(root, 'server', 'start.js')], {
        cwd: root,
        env: {
          ...env,
          PORT: String(port),
          DATABASE_URL: file,
          NODE_ENV: 'production',
          PAGE_CACHE: pageCache,
          WEB_CONCURRENCY: String(opts.processes),
        },
        stdio: 'ignore',
      })
      servers.push({ base: `http://127.0.0.1:${port}`, process: child })
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break
        } catch {
          // starting
        }
        if (i > 600) throw new Error('server did not start')
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    const [cached, rendered] = servers as [(typeof servers)[0], (typeof servers)[0]]
    const base = cached.base
    const login = await fetch(`${base}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'bench@example.org', password }),
      redirect: 'manual',
    })
    const cookie = login.headers.get('set-cookie')?.split(';')[0]
    if (!cookie) throw new Error('could not sign in')
    const page2 = await fetch(`${base}/claims?limit=50`, { headers: { cookie } }).then((r) => r.text())
    const cursor = /[?&]cursor=([A-Za-z0-9_-]+)/.exec(page2)?.[1]
    const targets: [string, string][] = [
      ['queue: first page', '/claims'],
      ['queue: status filter', '/claims?status=unreviewed'],
      ['queue: full-text search', '/claims?q=council+budget'],
      ['queue: second page (cursor)', cursor ? `/claims?cursor=${cursor}` : '/claims'],
      ['claim page', `/claims/${someClaim}`],
    ]
    console.log(
      `\n${opts.connections} connections, ${opts.duration} s per run, median of ${opts.runs} runs, ${opts.processes} server process(es); each target measured next to /healthz in the same run`,
    )
    console.log('(target: the queue serves >= 50% of /healthz throughput with p99 < 100 ms)')
    console.log('"as served": the server as npm start runs it, which reuses a rendered page while the database is unchanged;')
    console.log('"rendered": PAGE_CACHE=off, every request rendered (what the first request after any change costs)\n')
    console.log(
      '| route | as served req/s | p50 ms | p99 ms | /healthz req/s | ratio | rendered req/s | p50 ms | p99 ms | ratio | errors |',
    )
    console.log('|---|---|---|---|---|---|---|---|---|---|---|')
    for (const [name, route] of targets) {
      const runs = Array.from({ length: opts.runs }, () => ({
        health: load(`${base}/healthz`, cookie),
        target: load(base + route, cookie),
        rendered: load(rendered.base + route, cookie),
      }))
      const health = median(runs.map((r) => r.health.rps))
      const stats = (pick: (r: (typeof runs)[0]) => Result) => {
        const rps = median(runs.map((r) => pick(r).rps))
        return `${rps.toFixed(0)} | ${median(runs.map((r) => pick(r).p50))} | ${median(runs.map((r) => pick(r).p99))}`
      }
      const ratio = (pick: (r: (typeof runs)[0]) => Result) => `${((median(runs.map((r) => pick(r).rps)) / health) * 100).toFixed(0)}%`
      const errors = runs.reduce((n, r) => n + r.target.errors + r.target.non2xx + r.rendered.errors + r.rendered.non2xx, 0)
      console.log(
        `| ${name} | ${stats((r) => r.target)} | ${health.toFixed(0)} | ${ratio((r) => r.target)} | ${stats((r) => r.rendered)} | ${ratio(
          (r) => r.rendered,
        )} | ${errors} |`,
      )
    }
  } finally {
    for (const server of servers) {
      server.process.kill('SIGTERM')
      await new Promise((r) => server.process.once('exit', r))
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const run = opts.mixed
  ? () => import('./bench-http-mixed').then((m) => m.runMixed({ reviewers: opts.reviewers, duration: values.duration ? opts.duration : 60, articles: opts.articles, loops: opts.loops, cpuOnly: opts.cpu }))
  : main
run().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

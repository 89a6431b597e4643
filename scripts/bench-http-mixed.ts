/**
 * Mixed HTTP benchmark (`npm run bench:http -- --mixed`): simulated reviewers on the
 * 100,000-claim database, each looping open the queue → open a claim from it → change the
 * claim's status and rationale (the review form) or add evidence to it, as a browser without
 * JavaScript would, for `--duration` seconds, against WEB_CONCURRENCY=1 and then 2. Prints
 * throughput, p50/p99 per step, the page cache's hit rate, errors, and checks that every write
 * answered as saved is in the database (no lost update).
 * Then one reviewer runs the same loop alone against one server process, and the server's CPU
 * time per request of each step is read from /proc (all its threads, nanoseconds): a figure that
 * does not depend on how busy the machine is. `--cpu` prints only that part.
 *   npm run bench:http -- --mixed [--reviewers 16 --duration 60 --articles 5000 --loops 300 --cpu]
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { migrateDatabase, openDatabase, setDb } from '../db/client.server'
import { createUser } from '../app/models/user.server'
import { seedLarge } from '../tests/bench/seed-large'
import { freePort, untilHealthy } from './lib/server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const STEPS = ['queue', 'claim', 'review', 'evidence'] as const
type Step = (typeof STEPS)[number]

type Stats = { ms: Record<Step, number[]>; queueBytes: number[]; errors: Record<string, number>; conflicts: number; hits: number; misses: number }
type Write = { claimId: number; kind: 'review' | 'evidence'; token: string }


const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}


async function startServer(file: string, processes: number) {
  const port = await freePort()
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')))
  const child = spawn(process.execPath, [path.join(root, 'server', 'start.js')], {
    cwd: root,
    env: { ...env, PORT: String(port), DATABASE_URL: file, NODE_ENV: 'production', WEB_CONCURRENCY: String(processes) },
    stdio: 'ignore',
  })
  const base = `http://127.0.0.1:${port}`
  await untilHealthy(base)
  return {
    base,
    stop: () =>
      new Promise((r) => {
        child.once('exit', r)
        child.kill('SIGTERM')
      }),
  }
}

const QUEUE_URLS = ['/claims', '/claims?status=unreviewed', '/claims?status=in_review']

/** The review form (status in review, a new rationale) or new evidence (a new source), as a browser without JavaScript posts them. */
function postWrite(base: string, headers: Record<string, string>, claimId: number, kind: 'review' | 'evidence', version: string, token: string, slug: string) {
  const form: Record<string, string> =
    kind === 'review'
      ? { intent: 'review', version, status: 'in_review', verdict: 'none', rationale: `Checked: ${token}.`, assigneeId: 'none', note: '' }
      : { intent: 'add-evidence', sourceId: 'new', url: `https://bench.example/${slug}`, title: `Bench source ${token}`, stance: 'context', excerpt: token, note: '' }
  return fetch(`${base}/claims/${claimId}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), redirect: 'manual' })
}

async function reviewer(base: string, cookie: string, index: number, until: number, stats: Stats, writes: Write[]) {
  const headers = { cookie, origin: base }
  const timed = async (step: Step, run: () => Promise<Response>) => {
    const started = performance.now()
    const res = await run()
    const body = await res.text()
    stats.ms[step].push(performance.now() - started)
    const cache = res.headers.get('x-page-cache')
    if (cache === 'hit') stats.hits++
    else if (cache === 'miss') stats.misses++
    return { res, body }
  }
  const fail = (what: string) => (stats.errors[what] = (stats.errors[what] ?? 0) + 1)
  for (let n = 0; performance.now() < until; n++) {
    const queue = await timed('queue', () => fetch(base + QUEUE_URLS[n % 3], { headers }))
    stats.queueBytes.push(Buffer.byteLength(queue.body))
    if (queue.res.status !== 200) {
      fail(`queue ${queue.res.status}`)
      continue
    }
    const ids = [...queue.body.matchAll(/href="\/claims\/(\d+)"/g)].map((m) => Number(m[1]))
    if (!ids.length) {
      fail('queue without claims')
      continue
    }
    const claimId = ids[Math.floor(Math.random() * ids.length)]!
    const claim = await timed('claim', () => fetch(`${base}/claims/${claimId}`, { headers }))
    const version = /name="version" value="(\d+)"/.exec(claim.body)?.[1]
    if (claim.res.status !== 200 || !version) {
      fail(`claim ${claim.res.status}`)
      continue
    }
    const token = `bench ${index}-${n}`
    const kind = n % 2 === 0 ? 'review' : 'evidence'
    const write = await timed(kind, () => postWrite(base, headers, claimId, kind, version, token, `${index}/${n}`))
    if (write.res.status === 302) writes.push({ claimId, kind, token })
    else if (write.res.status === 409) stats.conflicts++
    else fail(`${kind} ${write.res.status}`)
  }
}

async function runOnce(file: string, processes: number, cookies: string[], duration: number) {
  const server = await startServer(file, processes)
  const stats: Stats = { ms: { queue: [], claim: [], review: [], evidence: [] }, queueBytes: [], errors: {}, conflicts: 0, hits: 0, misses: 0 }
  const writes: Write[] = []
  try {
    const started = performance.now()
    const until = started + duration * 1000
    await Promise.all(cookies.map((cookie, i) => reviewer(server.base, cookie, i, until, stats, writes)))
    const seconds = (performance.now() - started) / 1000
    const sqlite = new Database(file, { readonly: true })
    const hasReview = sqlite.prepare("select 1 from claim_events where claim_id = ? and kind = 'rationale' and to_value = ?")
    const hasEvidence = sqlite.prepare('select 1 from evidence where claim_id = ? and excerpt = ?')
    const lost = writes.filter((w) => !(w.kind === 'review' ? hasReview.get(w.claimId, `Checked: ${w.token}.`) : hasEvidence.get(w.claimId, w.token))).length
    sqlite.close()
    return { stats, writes: writes.length, lost, seconds }
  } finally {
    await server.stop()
  }
}

/** CPU time of every thread of process `pid` so far, in nanoseconds (Linux /proc/<pid>/task/<tid>/schedstat). */
function cpuNs(pid: number) {
  let total = 0
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
    } catch {
      // the thread ended
    }
  }
  return total
}

/**
 * One reviewer alone runs the loop `loops` times against one server process (as `npm start` runs
 * it, page cache on) and the server's CPU time for each request is read before and after it. The
 * machine's load changes how long a request waits for a core, not how much CPU it takes.
 */
async function runCpu(file: string, email: string, password: string, loops: number) {
  const port = await freePort()
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')))
  const child = spawn(process.execPath, [path.join(root, 'server', 'server.js'), path.join(root, 'build', 'server', 'index.js')], {
    cwd: root,
    env: { ...env, PORT: String(port), DATABASE_URL: file, NODE_ENV: 'production', WEB_CONCURRENCY: '1' },
    stdio: 'ignore',
  })
  const base = `http://127.0.0.1:${port}`
  try {
    await untilHealthy(base)
    const login = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ email, password }), redirect: 'manual' })
    const cookie = login.headers.get('set-cookie')?.split(';')[0]
    if (!cookie) throw new Error(`could not sign in as ${email}`)
    const headers = { cookie, origin: base }
    const cpu: Record<Step, number[]> = { queue: [], claim: [], review: [], evidence: [] }
    const html: number[] = []
    const gzipped: number[] = []
    let hits = 0
    const measured = async (step: Step | null, run: () => Promise<Response>) => {
      const before = cpuNs(child.pid!)
      const res = await run()
      const body = await res.text()
      // Let the server finish what it does after the response (logging, compression's last chunk).
      await new Promise((r) => setImmediate(r))
      if (step) cpu[step].push((cpuNs(child.pid!) - before) / 1e6)
      if (res.headers.get('x-page-cache') === 'hit') hits++
      return { res, body }
    }
    // The first rounds warm up the JIT and SQLite's page cache; they are not counted.
    const warmUp = Math.min(50, Math.floor(loops / 5))
    for (let n = 0; n < loops + warmUp; n++) {
      const counted = n >= warmUp
      const queue = await measured(counted ? 'queue' : null, () => fetch(base + QUEUE_URLS[n % 3], { headers }))
      if (counted) {
        html.push(Buffer.byteLength(queue.body))
        gzipped.push(zlib.gzipSync(queue.body).length)
      }
      const ids = [...queue.body.matchAll(/href="\/claims\/(\d+)"/g)].map((m) => Number(m[1]))
      const claimId = ids[Math.floor(Math.random() * ids.length)]
      if (!claimId) throw new Error(`queue page without claims (${queue.res.status})`)
      const claim = await measured(counted ? 'claim' : null, () => fetch(`${base}/claims/${claimId}`, { headers }))
      const version = /name="version" value="(\d+)"/.exec(claim.body)?.[1]
      if (!version) throw new Error(`claim page without a version (${claim.res.status})`)
      const kind = n % 2 === 0 ? 'review' : 'evidence'
      const write = await measured(counted ? kind : null, () => postWrite(base, headers, claimId, kind, version, `cpu ${n}`, `cpu/${n}`))
      if (write.res.status !== 302 && write.res.status !== 409) throw new Error(`${kind} answered ${write.res.status}`)
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)
    console.log(`\nServer CPU time per request (all threads), one reviewer alone, one process, ${loops} loops after ${warmUp} to warm up:\n`)
    console.log('| step | requests | CPU ms mean | p50 | p90 |')
    console.log('|---|---|---|---|---|')
    for (const step of STEPS) console.log(`| ${step} | ${cpu[step].length} | ${mean(cpu[step]).toFixed(2)} | ${pct(cpu[step], 50).toFixed(2)} | ${pct(cpu[step], 90).toFixed(2)} |`)
    console.log(`\nqueue page: ${(mean(html) / 1024).toFixed(1)} KB of HTML, ${(mean(gzipped) / 1024).toFixed(1)} KB gzipped; page cache hits ${hits} of ${3 * loops + 2 * warmUp} requests`)
  } finally {
    await new Promise((r) => {
      child.once('exit', r)
      child.kill('SIGTERM')
    })
  }
}

export async function runMixed(opts: { reviewers: number; duration: number; articles: number; loops: number; cpuOnly: boolean }) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', '.bin', 'remix'), 'vite:build'], { cwd: root, stdio: 'ignore' })
  if (build.status !== 0) throw new Error('build failed')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-mixed-'))
  const file = path.join(dir, 'bench.db')
  try {
    const db = openDatabase(file)
    migrateDatabase(db)
    setDb(db)
    const password = 'bench-password-1'
    const users = []
    for (let i = 0; i < opts.reviewers; i++) users.push(await createUser({ email: `reviewer${i}@bench.example`, name: `Reviewer ${i}`, role: 'reviewer', password }))
    const t0 = performance.now()
    const { claims } = seedLarge(db, { articles: opts.articles, userId: users[0]!.id })
    db.$client.pragma('optimize')
    db.$client.close()
    console.log(`Seeded ${claims} claims over ${opts.articles} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    console.log(
      `\n${opts.reviewers} simulated reviewers, ${opts.duration} s per run, each looping: queue page (all, unreviewed, in review in turn) → a claim from it → the review form (status and rationale) or new evidence, alternately`,
    )
    console.log('(target: 0 errors, no lost update, p99 < 150 ms per step)\n')
    console.log('| WEB_CONCURRENCY | loops/s | requests/s | queue p50/p99 ms | claim p50/p99 ms | review p50/p99 ms | evidence p50/p99 ms | queue page KB | cache hits | writes saved | 409 stale | lost | errors |')
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    for (const processes of opts.cpuOnly ? [] : [1, 2]) {
      // Fresh sessions per run: the servers share the database, and so the sessions.
      const server = await startServer(file, processes)
      const cookies: string[] = []
      for (const u of users) {
        const res = await fetch(`${server.base}/login`, { method: 'POST', body: new URLSearchParams({ email: u.email, password }), redirect: 'manual' })
        const cookie = res.headers.get('set-cookie')?.split(';')[0]
        if (!cookie) throw new Error(`could not sign in as ${u.email}`)
        cookies.push(cookie)
      }
      await server.stop()
      const { stats, writes, lost, seconds } = await runOnce(file, processes, cookies, opts.duration)
      const loops = stats.ms.queue.length
      const requests = STEPS.reduce((n, s) => n + stats.ms[s].length, 0)
      const cell = (s: Step) => `${pct(stats.ms[s], 50).toFixed(0)} / ${pct(stats.ms[s], 99).toFixed(0)}`
      const errors = Object.entries(stats.errors)
      const hitRate = stats.hits + stats.misses ? `${((stats.hits / (stats.hits + stats.misses)) * 100).toFixed(0)}%` : 'n/a'
      console.log(
        `| ${processes} | ${(loops / seconds).toFixed(1)} | ${(requests / seconds).toFixed(0)} | ${cell('queue')} | ${cell('claim')} | ${cell('review')} | ${cell('evidence')} | ${(stats.queueBytes.reduce((a, b) => a + b, 0) / Math.max(1, stats.queueBytes.length) / 1024).toFixed(0)} | ${hitRate} | ${writes} | ${stats.conflicts} | ${lost} | ${errors.length ? errors.map(([k, v]) => `${k}: ${v}`).join(', ') : 0} |`,
      )
    }
    await runCpu(file, users[0]!.email, password, opts.loops)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

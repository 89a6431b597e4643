/**
 * Server CPU per page under different request patterns, measured in one run against one server
 * process (PAGE_CACHE=off, so every page is rendered) on a freshly seeded 100,000-claim database:
 *  - autocannon, 32 connections repeating one URL (what `npm run bench:http` does), and /healthz
 *    next to it (how fast the machine is right now);
 *  - one client repeating the same URL, one request at a time;
 *  - one client alternating: a page requested again with nothing written since, and the same page
 *    right after a write (the review form or new evidence), as the mixed loop does.
 * The server's CPU time per request is read from /proc/<pid>/task/<tid>/schedstat (all threads, and
 * the main thread alone). Answers whether a page costs more in the mixed loop than under autocannon.
 *   npx tsx scripts/bench-http-cpu.ts [--articles 5000 --loops 150 --duration 5]
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { migrateDatabase, openDatabase, setDb } from '../db/client.server'
import { createUser } from '../app/models/user.server'
import { seedLarge } from '../tests/bench/seed-large'
import { freePort, untilHealthy } from './lib/server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { articles: { type: 'string' }, loops: { type: 'string' }, duration: { type: 'string' } } })
const opts = z
  .object({
    articles: z.coerce.number().int().min(10).max(50_000).default(5000),
    loops: z.coerce.number().int().min(10).max(5000).default(150),
    duration: z.coerce.number().int().min(1).max(60).default(5),
  })
  .parse(values)


/** CPU time so far of every thread of `pid`, and of its main thread, in milliseconds. */
function cpuMs(pid: number) {
  let all = 0
  let main = 0
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const ns = Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      all += ns / 1e6
      if (tid === String(pid)) main = ns / 1e6
    } catch {
      // the thread ended
    }
  }
  return { all, main }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

async function main() {
  if (!fs.existsSync(path.join(root, 'build', 'server', 'index.js'))) throw new Error('build the app first (npm run build)')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-cpu-'))
  const file = path.join(dir, 'bench.db')
  const password = 'bench-password-1'
  const db = openDatabase(file)
  migrateDatabase(db)
  setDb(db)
  const user = await createUser({ email: 'reviewer@bench.example', name: 'Bench Reviewer', role: 'reviewer', password })
  seedLarge(db, { articles: opts.articles, userId: user.id })
  db.$client.pragma('optimize')
  db.$client.close()

  const port = await freePort()
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')))
  const child = spawn(process.execPath, [path.join(root, 'server', 'server.js'), path.join(root, 'build', 'server', 'index.js')], {
    cwd: root,
    env: { ...env, PORT: String(port), DATABASE_URL: file, NODE_ENV: 'production', WEB_CONCURRENCY: '1', PAGE_CACHE: 'off' },
    stdio: 'ignore',
  })
  const pid = child.pid!
  const base = `http://127.0.0.1:${port}`
  try {
    await untilHealthy(base)
    const login = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ email: user.email, password }), redirect: 'manual' })
    const cookie = login.headers.get('set-cookie')?.split(';')[0]
    if (!cookie) throw new Error('could not sign in')
    // Like autocannon, no Accept-Encoding: compression is measured apart below.
    const headers = { cookie, origin: base, 'accept-encoding': 'identity' }
    const get = async (url: string, extra: Record<string, string> = {}) => (await fetch(base + url, { headers: { ...headers, ...extra } })).text()
    const ids = [...(await get('/claims')).matchAll(/href="\/claims\/(\d+)"/g)].map((m) => Number(m[1]))
    let written = 0
    const write = async (claimId: number) => {
      const page = await get(`/claims/${claimId}`)
      const version = /name="version" value="(\d+)"/.exec(page)?.[1]
      if (!version) throw new Error('claim page without a version')
      const token = `cpu ${written++}`
      const form: Record<string, string> =
        written % 2
          ? { intent: 'review', version, status: 'in_review', verdict: 'none', rationale: `Checked: ${token}.`, assigneeId: 'none', note: '' }
          : { intent: 'add-evidence', sourceId: 'new', url: `https://bench.example/${written}`, title: `Bench source ${token}`, stance: 'context', excerpt: token, note: '' }
      const res = await fetch(`${base}/claims/${claimId}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), redirect: 'manual' })
      await res.text()
      if (res.status !== 302 && res.status !== 409) throw new Error(`write answered ${res.status}`)
    }
    /** Server CPU of one request (all threads, main thread), after the server is done with it. */
    const measure = async (run: () => Promise<unknown>, into: { all: number[]; main: number[] }) => {
      const before = cpuMs(pid)
      await run()
      await new Promise((r) => setTimeout(r, 5))
      const after = cpuMs(pid)
      into.all.push(after.all - before.all)
      into.main.push(after.main - before.main)
    }
    const series = () => ({ all: [] as number[], main: [] as number[] })
    // Warm up the JIT and SQLite's page cache.
    for (let i = 0; i < 60; i++) await get(i % 2 ? '/claims' : `/claims/${ids[i % ids.length]}`)

    const rows: [string, string, string, string][] = []
    const cannon = (url: string) => {
      const before = cpuMs(pid)
      const out = execFileSync(path.join(root, 'node_modules', '.bin', 'autocannon'), ['-c', '32', '-d', String(opts.duration), '-H', `Cookie=${cookie}`, '--json', base + url], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
      })
      const after = cpuMs(pid)
      const r = JSON.parse(out) as { requests: { average: number; total: number }; non2xx: number; errors: number }
      if (r.non2xx || r.errors) throw new Error(`autocannon on ${url}: ${r.non2xx} non-2xx, ${r.errors} errors`)
      return { rps: r.requests.average, all: (after.all - before.all) / r.requests.total, main: (after.main - before.main) / r.requests.total }
    }
    const seq = { queue: series(), claim: series() }
    for (let i = 0; i < opts.loops; i++) {
      await measure(() => get('/claims'), seq.queue)
      await measure(() => get(`/claims/${ids[i % ids.length]}`), seq.claim)
    }
    rows.push(['one client, same URL again: queue', '', `${mean(seq.queue.all).toFixed(2)} (p50 ${median(seq.queue.all).toFixed(2)})`, median(seq.queue.main).toFixed(2)])
    rows.push(['one client, same URL again: claim page', '', `${mean(seq.claim.all).toFixed(2)} (p50 ${median(seq.claim.all).toFixed(2)})`, median(seq.claim.main).toFixed(2)])
    const alt = { queueAgain: series(), queueAfter: series(), claimAgain: series(), claimAfter: series(), gzip: series() }
    for (let i = 0; i < opts.loops; i++) {
      const claimId = ids[i % ids.length]!
      await get('/claims')
      await measure(() => get('/claims'), alt.queueAgain)
      await measure(() => get('/claims', { 'accept-encoding': 'gzip, deflate' }), alt.gzip)
      await get(`/claims/${claimId}`)
      await measure(() => get(`/claims/${claimId}`), alt.claimAgain)
      await write(ids[Math.floor(Math.random() * ids.length)]!)
      await measure(() => get('/claims'), alt.queueAfter)
      await measure(() => get(`/claims/${claimId}`), alt.claimAfter)
    }
    const cell = (s: { all: number[] }) => `${mean(s.all).toFixed(2)} (p50 ${median(s.all).toFixed(2)})`
    rows.push(['alternating: queue, nothing written since', '', cell(alt.queueAgain), median(alt.queueAgain.main).toFixed(2)])
    rows.push(['alternating: queue, right after a write', '', cell(alt.queueAfter), median(alt.queueAfter.main).toFixed(2)])
    rows.push(['alternating: queue, gzip-compressed', '', cell(alt.gzip), median(alt.gzip.main).toFixed(2)])
    rows.push(['alternating: claim page, nothing written since', '', cell(alt.claimAgain), median(alt.claimAgain.main).toFixed(2)])
    rows.push(['alternating: claim page, right after a write', '', cell(alt.claimAfter), median(alt.claimAfter.main).toFixed(2)])

    // autocannon last: its 32 connections would leave this client's kept-alive socket closed by the server.
    const cannonRows: typeof rows = []
    const health = cannon('/healthz')
    cannonRows.push(['autocannon, 32 connections: /healthz', `${health.rps.toFixed(0)} req/s`, health.all.toFixed(2), health.main.toFixed(2)])
    for (const url of ['/claims', `/claims/${ids[0]}`]) {
      const r = cannon(url)
      cannonRows.push([`autocannon, 32 connections: ${url === '/claims' ? 'queue' : 'claim page'}`, `${r.rps.toFixed(0)} req/s = ${(1000 / r.rps).toFixed(1)} ms each`, r.all.toFixed(2), r.main.toFixed(2)])
    }
    rows.unshift(...cannonRows)
    console.log(`\nServer CPU per request, one process, PAGE_CACHE=off, ${ids.length}-row queue page, ${opts.loops} loops per one-client series; load average ${os.loadavg()[0]!.toFixed(1)}\n`)
    console.log('| pattern | throughput | server CPU ms per request, all threads (mean) | main thread (one client: p50; autocannon: mean) |')
    console.log('|---|---|---|---|')
    for (const r of rows) console.log(`| ${r.join(' | ')} |`)
  } finally {
    await new Promise((r) => {
      child.once('exit', r)
      child.kill('SIGTERM')
    })
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

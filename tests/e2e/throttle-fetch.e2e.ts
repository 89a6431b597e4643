import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createUser } from '../../app/models/user.server'
import { baseURL, sessionCookie } from './browser'
import { useServerDatabase } from './server-db'

/**
 * Sign-in throttling and the guarded URL fetch against the real server: the shared one (defaults:
 * no trusted proxy, no private fetches) and a second one started here with TRUST_PROXY=loopback and
 * ALLOW_PRIVATE_FETCH=true.
 */
const root = path.resolve(__dirname, '..', '..')
let db: ReturnType<typeof useServerDatabase>
let second: { url: string; child: ChildProcess; dir: string }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

const serverEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))),
  NODE_ENV: 'production',
  ...extra,
})

beforeAll(async () => {
  db = useServerDatabase()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-proxy-'))
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(root, 'server', 'start.js')], {
    cwd: root,
    env: serverEnv({ PORT: String(port), DATABASE_URL: path.join(dir, 'claimdesk.db'), TRUST_PROXY: 'loopback', ALLOW_PRIVATE_FETCH: 'true' }),
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break
    await new Promise((r) => setTimeout(r, 200))
  }
  second = { url, child, dir }
})
afterAll(async () => {
  second.child.kill('SIGTERM')
  await new Promise((r) => (second.child.exitCode !== null ? r(null) : second.child.once('exit', r)))
  fs.rmSync(second.dir, { recursive: true, force: true })
  db.$client.close()
})

const signIn = (base: string, email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/login`, { method: 'POST', headers, body: new URLSearchParams({ email, password }), redirect: 'manual' })

describe('sign-in throttling', () => {
  test('25 parallel wrong passwords for one account: at most 5 are checked, the rest get 429 with Retry-After', async () => {
    await createUser({ email: 'parallel@example.com', name: 'Parallel', role: 'reviewer', password: 'parallel-password-1' })
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signIn(baseURL(), 'parallel@example.com', `wrong-${i}`).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.text() }))),
    )
    const checked = answers.filter((a) => a.status === 400)
    const refused = answers.filter((a) => a.status === 429)
    expect(checked.length).toBeLessThanOrEqual(5)
    expect(checked.length + refused.length).toBe(25)
    for (const answer of refused) {
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1)
      expect(answer.body).toContain('Too many failed attempts')
    }
    // The right password waits too, until the wait is over.
    const right = await signIn(baseURL(), 'parallel@example.com', 'parallel-password-1')
    expect(right.status).toBe(429)
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  test('without TRUST_PROXY a client-written X-Forwarded-For is ignored: it can neither lock an address out nor name one', async () => {
    await createUser({ email: 'victim@example.com', name: 'Victim', role: 'reviewer', password: 'victim-password-1' })
    const spoofed = { 'x-forwarded-for': '198.51.100.9' }
    for (let i = 0; i < 6; i++) expect((await signIn(baseURL(), `nobody-${i}@example.com`, 'guess', spoofed)).status).toBe(400)
    // A person whose (forwarded) address the attacker named still signs in.
    expect((await signIn(baseURL(), 'victim@example.com', 'victim-password-1', spoofed)).status).toBe(302)
    const keys = (db.$client.prepare("select key from login_attempts where key like 'ip:%'").all() as { key: string }[]).map((r) => r.key)
    expect(keys).not.toContain('ip:198.51.100.9')
  })

  test('with TRUST_PROXY the forwarded address is the one counted: one address is held back, another is not', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address })
    for (let i = 0; i < 50; i++) expect((await signIn(second.url, `spray-${i}@example.com`, 'guess', from('203.0.113.5'))).status).toBe(400)
    const held = await signIn(second.url, 'reviewer@example.com', 'claimdesk-demo', from('203.0.113.5'))
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await signIn(second.url, 'reviewer@example.com', 'claimdesk-demo', from('203.0.113.6'))).status).toBe(302)
  })

  test('TRUST_PROXY=true and other values that would trust any client stop the start with a message naming the variable', () => {
    for (const value of ['true', 'yes', '10.0.0.0/99', 'everyone']) {
      const result = spawnSync(process.execPath, [path.join(root, 'server', 'server.js')], {
        cwd: root,
        env: serverEnv({ PORT: '1', TRUST_PROXY: value }),
        encoding: 'utf8',
        timeout: 20_000,
      })
      expect(result.status, value).toBe(1)
      expect(result.stderr, value).toContain('TRUST_PROXY')
    }
  })

  test('the current password on the password page is throttled the same way', async () => {
    await createUser({ email: 'guesser@example.com', name: 'Guesser', role: 'reviewer', password: 'guesser-password-1' })
    const cookie = await sessionCookie('guesser@example.com', 'guesser-password-1')
    const change = (current: string) =>
      fetch(`${baseURL()}/settings/password`, {
        method: 'POST',
        headers: { cookie },
        body: new URLSearchParams({ current, password: 'a-new-password-2', confirm: 'a-new-password-2' }),
        redirect: 'manual',
      })
    const statuses: number[] = []
    for (let i = 0; i < 15; i++) {
      const res = await change(`wrong-guess-${i}`)
      statuses.push(res.status)
      if (res.status === 429) expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400])
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true)
    const parallel = await Promise.all(Array.from({ length: 10 }, (_, i) => change(`parallel-${i}`).then((r) => r.status)))
    expect(parallel.every((s) => s === 429)).toBe(true)
    expect((await change('guesser-password-1')).status).toBe(429)
  })
})

describe('URL fetch', () => {
  let drip: http.Server
  let dripPort: number
  beforeAll(async () => {
    drip = http.createServer((req, res) => {
      if (req.url === '/article') {
        res.writeHead(200, { 'content-type': 'text/html' })
        return res.end('<html><body><p>The council approved a budget of $3 million in 2024 for new schools.</p></body></html>')
      }
      // One byte every half second: never idle long enough for an idle timeout, never done.
      res.writeHead(200, { 'content-type': 'text/html' })
      const timer = setInterval(() => res.write('x'), 500)
      res.on('close', () => clearInterval(timer))
    })
    await new Promise<void>((resolve) => drip.listen(0, '127.0.0.1', resolve))
    dripPort = (drip.address() as net.AddressInfo).port
  })
  afterAll(() => new Promise((resolve) => drip.close(resolve)))

  /** The import page's "Fetch" button, as a reviewer signed in on that server. */
  const fetchForm = async (base: string, url: string) => {
    const cookie = (await signIn(base, 'reviewer@example.com', 'claimdesk-demo')).headers.get('set-cookie')!.split(';')[0]!
    return fetch(`${base}/articles/new`, { method: 'POST', headers: { cookie }, body: new URLSearchParams({ intent: 'fetch', url }), redirect: 'manual' })
  }

  test('loopback written as IPv6 (compatible, mapped, translated) is refused as private, and nothing is requested', async () => {
    let hits = 0
    drip.on('request', () => hits++)
    for (const host of ['[::127.0.0.1]', '[::ffff:0:7f00:1]', '[::ffff:127.0.0.1]', '[0:0:0:0:0:ffff:7f00:1]', '[::7f00:1]']) {
      const res = await fetchForm(baseURL(), `http://${host}:${dripPort}/article`)
      expect(res.status, host).toBe(422)
      expect(await res.text(), host).toContain('private or local network')
    }
    expect(hits).toBe(0)
  })

  test('one deadline for the whole fetch: a server dripping a byte every half second is cut off at 10 s, and the server stays responsive', async () => {
    const started = Date.now()
    const pending = fetchForm(second.url, `http://127.0.0.1:${dripPort}/drip`)
    await new Promise((r) => setTimeout(r, 1000))
    const health = Date.now()
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200)
    expect(Date.now() - health).toBeLessThan(1000)
    const res = await pending
    const took = Date.now() - started
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('took too long')
    expect(took).toBeGreaterThanOrEqual(9_500)
    expect(took).toBeLessThan(14_000)
    // The same server imports a page that answers properly.
    const ok = await fetchForm(second.url, `http://127.0.0.1:${dripPort}/article`)
    expect(ok.status).toBe(200)
  }, 30_000)
})

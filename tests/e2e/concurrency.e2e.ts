import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase, setDb } from '../../db/client.server'
import { createApiToken } from '../../app/models/api-token.server'
import { getUserByEmail } from '../../app/models/user.server'
import { makeArticleWithClaims } from '../factories'
import { startServer } from './global-setup'

/** Several server processes on one SQLite file, written to at once. */
const PROCESSES = 4
const CLAIMS = 320

let server: Awaited<ReturnType<typeof startServer>>
let db: ReturnType<typeof openDatabase>
let token: string
let claimIds: number[]
let sourceId: number

beforeAll(async () => {
  server = await startServer({ WEB_CONCURRENCY: String(PROCESSES) })
  db = openDatabase(server.databaseFile)
  setDb(db)
  token = createApiToken({ userId: getUserByEmail({ email: 'reviewer@example.com' })!.id, name: 'concurrency test' }).token
  const sentences = Array.from({ length: CLAIMS }, (_, i) => `Depot ${i + 1} handled ${1000 + i} parcels on its busiest day.`)
  claimIds = makeArticleWithClaims({ sentences, title: 'Concurrent writes' }).claims.map((c) => c.id)
  sourceId = Number(db.$client.prepare("insert into sources (url, title) values ('https://depots.example/report', 'Depot report')").run().lastInsertRowid)
}, 240_000)
afterAll(async () => {
  db?.$client.close()
  await server?.stop()
})

type Outcome = { status: number; retryAfter: string | null; attempts: number }

/** Sends one write; a 503 must say when to retry (Retry-After), and the client does. */
async function write(path: string, method: string, body: unknown, maxAttempts = 10): Promise<Outcome> {
  for (let attempts = 1; ; attempts++) {
    const res = await fetch(`${server.baseURL}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    await res.arrayBuffer()
    const retryAfter = res.headers.get('retry-after')
    if (res.status !== 503 || !retryAfter || attempts >= maxAttempts) return { status: res.status, retryAfter, attempts }
    await new Promise((r) => setTimeout(r, Number(retryAfter) * 1000))
  }
}

describe(`concurrent writes with WEB_CONCURRENCY=${PROCESSES}`, () => {
  test(`${CLAIMS * 2} writes at once: none answers 500 and none is lost`, async () => {
    const outcomes = await Promise.all([
      ...claimIds.map((id, i) => write(`/claims/${id}`, 'PATCH', { version: 1, rationale: `Depot log, page ${i + 1}.`, status: 'in_review' })),
      ...claimIds.map((id, i) => write(`/claims/${id}/evidence`, 'POST', { sourceId, stance: 'supports', excerpt: `Row ${i + 1}` })),
    ])
    console.log(`retried after a 503: ${outcomes.filter((o) => o.attempts > 1).length} of ${outcomes.length} writes`)
    const statuses = outcomes.reduce<Record<number, number>>((acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }), {})
    expect(statuses).toEqual({ 200: CLAIMS, 201: CLAIMS })

    const rows = db.$client
      .prepare(`select id, rationale, status, version from claims where id in (${claimIds.join(',')}) order by id`)
      .all() as { id: number; rationale: string; status: string; version: number }[]
    expect(rows.map((r) => r.rationale)).toEqual(claimIds.map((_, i) => `Depot log, page ${i + 1}.`))
    expect(rows.every((r) => r.status === 'in_review' && r.version === 2)).toBe(true)
    const evidence = db.$client.prepare(`select count(*) as n from evidence where claim_id in (${claimIds.join(',')})`).get() as { n: number }
    expect(evidence.n).toBe(CLAIMS)
    const events = db.$client
      .prepare(`select count(*) as n from claim_events where claim_id in (${claimIds.join(',')}) and kind in ('rationale', 'status', 'evidence_added')`)
      .get() as { n: number }
    expect(events.n).toBe(CLAIMS * 3)
  })

  test('a database locked for longer than the busy timeout answers 503 with Retry-After, and saves nothing', async () => {
    const id = claimIds[0]!
    const before = db.$client.prepare('select version, rationale from claims where id = ?').get(id)
    db.$client.exec('begin immediate')
    let outcome: Outcome
    try {
      outcome = await write(`/claims/${id}`, 'PATCH', { version: 2, rationale: 'Written while the database was locked.' }, 1)
    } finally {
      db.$client.exec('rollback')
    }
    expect(outcome.status).toBe(503)
    expect(outcome.retryAfter).toBe('1')
    expect(db.$client.prepare('select version, rationale from claims where id = ?').get(id)).toEqual(before)
  }, 120_000)

  test('eight parallel creations of one email: one is created, the other seven get 409', async () => {
    const login = await fetch(`${server.baseURL}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'admin@example.com', password: 'claimdesk-demo' }),
      redirect: 'manual',
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie).toMatch(/^claimdesk_session=/)
    const form = { intent: 'create', email: 'twin@example.com', name: 'Twin', role: 'reviewer', password: 'a long enough password' }
    const statuses = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const res = await fetch(`${server.baseURL}/admin/users`, {
          method: 'POST',
          headers: { Cookie: cookie, Origin: server.baseURL, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form),
          redirect: 'manual',
        })
        const body = await res.text()
        if (res.status === 409) expect(body).toContain('A user with this email already exists')
        return res.status
      }),
    )
    expect(statuses.sort()).toEqual([302, 409, 409, 409, 409, 409, 409, 409])
    expect(db.$client.prepare("select count(*) as n from users where email = 'twin@example.com'").get()).toEqual({ n: 1 })
  })
})

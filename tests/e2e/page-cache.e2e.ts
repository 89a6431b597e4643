import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApiToken } from '../../app/models/api-token.server'
import { getUserByEmail } from '../../app/models/user.server'
import { baseURL, sessionCookie } from './browser'
import { useServerDatabase } from './server-db'

let db: ReturnType<typeof useServerDatabase>
let reviewer: string
let editor: string
let token: string
let claimId: number

beforeAll(async () => {
  db = useServerDatabase()
  reviewer = await sessionCookie('reviewer@example.com')
  editor = await sessionCookie('editor@example.com')
  token = createApiToken({ userId: getUserByEmail({ email: 'reviewer@example.com' })!.id, name: 'page cache test' }).token
  claimId = (
    db.$client.prepare("select min(id) as id from claims where status = 'unreviewed' and deleted_at is null").get() as { id: number }
  ).id
})
afterAll(() => db.$client.close())

async function page(path: string, cookie: string) {
  const res = await fetch(baseURL() + path, { headers: { cookie }, redirect: 'manual' })
  return { status: res.status, cache: res.headers.get('x-page-cache'), location: res.headers.get('location'), body: await res.text() }
}

function claimVersion() {
  return (db.$client.prepare('select version from claims where id = ?').get(claimId) as { version: number }).version
}

describe('rendered pages are reused only while nothing has changed', () => {
  test('the same page for the same session is served again, byte for byte', async () => {
    const first = await page(`/claims/${claimId}`, reviewer)
    const second = await page(`/claims/${claimId}`, reviewer)
    expect(first).toMatchObject({ status: 200 })
    expect(second).toMatchObject({ status: 200, cache: 'hit' })
    expect(second.body).toBe(first.body)
  })

  test('another session never gets a page rendered for someone else', async () => {
    await page('/claims', reviewer)
    const other = await page('/claims', editor)
    expect(other.cache).toBe('miss')
    expect(other.body).toContain('class="badge role">editor</span>')
    expect(other.body).not.toContain('class="badge role">reviewer</span>')
  })

  test('a change made through the app is shown on the next request', async () => {
    await page(`/claims/${claimId}`, reviewer)
    const version = claimVersion()
    const res = await fetch(`${baseURL()}/api/v1/claims/${claimId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version, status: 'in_review', note: 'cache test' }),
    })
    expect(res.status).toBe(200)
    const after = await page(`/claims/${claimId}`, reviewer)
    expect(after.cache).toBe('miss')
    expect(after.body).toContain(`name="version" value="${version + 1}"`)
    expect(after.body).toContain('cache test')
  })

  test('a change committed by another process (the CLI, say) is shown on the next request', async () => {
    await page(`/claims/${claimId}`, reviewer)
    await page(`/claims/${claimId}`, reviewer)
    db.$client.prepare('update claims set text = ? where id = ?').run('Text changed by another process for the cache test.', claimId)
    const after = await page(`/claims/${claimId}`, reviewer)
    expect(after.cache).toBe('miss')
    expect(after.body).toContain('Text changed by another process for the cache test.')
  })

  test('a signed-out session gets the sign-in page, not the cached one', async () => {
    const cookie = await sessionCookie('reviewer@example.com')
    await page('/claims', cookie)
    expect((await page('/claims', cookie)).cache).toBe('hit')
    const out = await fetch(`${baseURL()}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' })
    expect(out.status).toBe(302)
    const after = await page('/claims', cookie)
    expect(after.status).toBe(302)
    expect(after.location).toBe('/login?redirectTo=%2Fclaims')
  })
})

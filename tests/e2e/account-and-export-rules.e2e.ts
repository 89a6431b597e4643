import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApiToken } from '../../app/models/api-token.server'
import { createUser, getUserByEmail } from '../../app/models/user.server'
import { baseURL, sessionCookie } from './browser'
import { roleTokens, useServerDatabase, type RoleTokens } from './server-db'

/** Export records, uploads, API tokens and headers a client could abuse, against the real server. */
let db: ReturnType<typeof useServerDatabase>
let tokens: RoleTokens
let editorCookie: string

beforeAll(async () => {
  db = useServerDatabase()
  tokens = roleTokens('account and export rules test')
  editorCookie = await sessionCookie('editor@example.com')
})
afterAll(() => db.$client.close())

const exportCount = () => (db.$client.prepare('select count(*) as n from export_records').get() as { n: number }).n

/** A raw request (fetch cannot send HEAD and read the status the same way). */
function request(url: string, method: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('export downloads', () => {
  test('HEAD records no export; a GET downloaded in full records one', async () => {
    const article = db.$client.prepare('select min(id) as id from articles').get() as { id: number }
    const before = exportCount()
    for (const url of [`${baseURL()}/exports/download?format=json&status=all`, `${baseURL()}/exports/download?format=csv`]) {
      expect(await request(url, 'HEAD', { cookie: editorCookie })).toBe(200)
    }
    expect(await request(`${baseURL()}/api/v1/exports/claims?format=json&status=all`, 'HEAD', { authorization: `Bearer ${tokens.editor}` })).toBe(200)
    expect(exportCount()).toBe(before)

    const full = await fetch(`${baseURL()}/exports/download?format=json&status=all&article=${article.id}`, { headers: { cookie: editorCookie } })
    expect(full.status).toBe(200)
    await full.text()
    await new Promise((r) => setTimeout(r, 100))
    expect(exportCount()).toBe(before + 1)
    const api = await fetch(`${baseURL()}/api/v1/exports/claims?format=csv&status=all`, { headers: { authorization: `Bearer ${tokens.editor}` } })
    await api.text()
    await new Promise((r) => setTimeout(r, 100))
    expect(exportCount()).toBe(before + 2)
  })

  test('claim links and the OpenAPI server come from ORGANIZATION_URL, never from X-Forwarded-Host or Host', async () => {
    const headers = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }
    const openapi = (await (await fetch(`${baseURL()}/api/v1/openapi.json`, { headers })).json()) as { servers: { url: string }[] }
    expect(openapi.servers[0]!.url).toBe('http://localhost:3000/api/v1')
    const csv = await (
      await fetch(`${baseURL()}/api/v1/exports/claims?format=csv&status=all`, { headers: { ...headers, authorization: `Bearer ${tokens.editor}` } })
    ).text()
    expect(csv).toContain('http://localhost:3000/claims/')
    expect(csv).not.toContain('evil.example')
    const json = await (await fetch(`${baseURL()}/exports/download?format=json&status=all`, { headers: { ...headers, cookie: editorCookie } })).text()
    expect(json).not.toContain('evil.example')
  })

  test('a ClaimReview export of a claim quoting </script> contains no raw <', async () => {
    const created = await fetch(`${baseURL()}/api/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.reviewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Script in a quote', body: 'The minister said 12 new </script><script>alert(1)</script> clinics would open in 2026.' }),
    })
    const { claims } = (await created.json()) as { claims: { id: number; version: number }[] }
    const claim = claims[0]!
    const reviewed = await fetch(`${baseURL()}/api/v1/claims/${claim.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${tokens.reviewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: claim.version, status: 'reviewed', verdict: 'misleading', rationale: 'The plan names <b>eight</b> clinics.' }),
    })
    expect(reviewed.status).toBe(200)
    const body = await (await fetch(`${baseURL()}/api/v1/exports/claims?format=claimreview&status=reviewed`, { headers: { authorization: `Bearer ${tokens.editor}` } })).text()
    expect(body).toContain('\\u003c/script>')
    expect(body).not.toContain('<')
    expect((JSON.parse(body) as { claimReviewed: string }[]).some((r) => r.claimReviewed.includes('</script>'))).toBe(true)
  })
})

describe('uploads', () => {
  test('binary and invalid UTF-8 .txt files are refused with a message, and nothing is stored', async () => {
    const cookie = await sessionCookie('reviewer@example.com')
    const articles = () => (db.$client.prepare('select count(*) as n from articles').get() as { n: number }).n
    const before = articles()
    const files: [string, Uint8Array<ArrayBuffer>][] = [
      ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])],
      // 'Café opened in 2024.' in Latin-1: é is the lone byte 0xe9
      ['latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x65, 0x64, 0x20, 0x69, 0x6e, 0x20, 0x32, 0x30, 0x32, 0x34, 0x2e])],
      ['nul.txt', new TextEncoder().encode('The council approved the plan in 2024.\u0000\u0000\u0000 and more')],
      ['page.md', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00])],
    ]
    for (const [name, bytes] of files) {
      const form = new FormData()
      form.set('intent', 'import')
      form.set('file', new Blob([bytes]), name)
      const res = await fetch(`${baseURL()}/articles/new`, { method: 'POST', headers: { cookie }, body: form, redirect: 'manual' })
      expect(res.status, name).toBe(415)
      expect(await res.text(), name).toContain('The file is not text')
    }
    expect(articles()).toBe(before)
  })
})

describe('API tokens and the account', () => {
  const apiStatus = (token: string) => fetch(`${baseURL()}/api/v1/claims`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status)

  test('changing the password revokes the account’s API tokens', async () => {
    await createUser({ email: 'token-owner@example.com', name: 'Token Owner', role: 'reviewer', password: 'token-owner-pass-1' })
    const user = getUserByEmail({ email: 'token-owner@example.com' })!
    const token = createApiToken({ userId: user.id, name: 'CMS' }).token
    expect(await apiStatus(token)).toBe(200)
    const cookie = await sessionCookie('token-owner@example.com', 'token-owner-pass-1')
    const changed = await fetch(`${baseURL()}/settings/password`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ current: 'token-owner-pass-1', password: 'token-owner-pass-2', confirm: 'token-owner-pass-2' }),
      redirect: 'manual',
    })
    expect(changed.status).toBe(302)
    expect(await apiStatus(token)).toBe(401)
  })

  test('a deactivated account’s tokens do not come back when it is reactivated', async () => {
    await createUser({ email: 'leaver@example.com', name: 'Leaver', role: 'reviewer', password: 'leaver-password-1' })
    const user = getUserByEmail({ email: 'leaver@example.com' })!
    const token = createApiToken({ userId: user.id, name: 'script' }).token
    expect(await apiStatus(token)).toBe(200)
    const admin = await sessionCookie('admin@example.com')
    const setActive = (active: boolean) =>
      fetch(`${baseURL()}/admin/users`, {
        method: 'POST',
        headers: { cookie: admin },
        body: new URLSearchParams({ intent: 'set-active', userId: String(user.id), active: String(active) }),
        redirect: 'manual',
      }).then((r) => r.status)
    expect(await setActive(false)).toBe(302)
    expect(await apiStatus(token)).toBe(401)
    expect(await setActive(true)).toBe(302)
    expect(await apiStatus(token)).toBe(401)
    // A new token works for the reactivated account.
    expect(await apiStatus(createApiToken({ userId: user.id, name: 'new script' }).token)).toBe(200)
  })
})

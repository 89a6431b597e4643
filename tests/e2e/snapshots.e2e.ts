import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase, setDb, type DB } from '../../db/client.server'
import { createApiToken } from '../../app/models/api-token.server'
import { getUserByEmail } from '../../app/models/user.server'
import { expectVisible, launchBrowser, logIn, screenshot, type Browser, type Page } from './browser'
import { startServer } from './global-setup'

/**
 * Source snapshots end to end. The pages cited live on a local web server this test changes, so the
 * app runs in its own server with ALLOW_PRIVATE_FETCH (the shared one keeps refusing local addresses).
 */
let app: Awaited<ReturnType<typeof startServer>>
let db: DB
let browser: Browser
let web: http.Server
let site: string
const pages = new Map<string, string>()

const article = (paragraphs: string[]) =>
  `<!doctype html><html><head><title>Ministry statement on the port</title></head><body><article><h1>Ministry statement on the port</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`

beforeAll(async () => {
  web = http.createServer((req, res) => {
    if (req.url?.startsWith('/slow')) {
      // Answers only after eight seconds: adding evidence must not wait for it.
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(article(['Late.'])), 8000)
      res.on('close', () => clearTimeout(timer))
      return
    }
    const body = pages.get(req.url ?? '')
    if (body === undefined) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>')
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body)
  })
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()))
  site = `http://127.0.0.1:${(web.address() as AddressInfo).port}`
  ;[app, browser] = await Promise.all([startServer({ ALLOW_PRIVATE_FETCH: 'true' }), launchBrowser()])
  db = openDatabase(app.databaseFile)
  setDb(db)
})
afterAll(async () => {
  await browser?.close()
  db?.$client.close()
  await app?.stop()
  web.closeAllConnections()
  await new Promise<void>((r) => web.close(() => r()))
})

function firstClaim() {
  return db.$client.prepare("select id, text from claims where status != 'approved' and deleted_at is null order by id limit 1").get() as { id: number; text: string }
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.baseURL, viewport: { width: 1280, height: 900 } })
  return context.newPage()
}

describe('source snapshots', () => {
  test('cite a local page → snapshot ok, excerpt found and highlighted; the page changes → Check again → changed, and the claim is listed', async () => {
    pages.set('/statement', article(['The port handled 4.2 million containers in 2025, the ministry said.', 'Expansion work starts in March.']))
    const claim = firstClaim()
    const page = await newPage()
    await logIn(page, 'reviewer@example.com')
    await page.goto(`/claims/${claim.id}`)

    const form = page.getByRole('form', { name: 'Add evidence' })
    await form.getByLabel('URL', { exact: true }).fill(`${site}/statement`)
    await form.getByLabel('Title').fill('Ministry statement')
    await form.getByLabel('Supports').check()
    // Typed with a doubled space: still the same words.
    await form.getByLabel('Excerpt from the source').fill('handled 4.2 million  containers in 2025')
    await form.getByRole('button', { name: 'Add evidence' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Evidence added.' }))

    const item = page.locator('.evidence-list li').filter({ hasText: 'Ministry statement' })
    await expectVisible(item.getByText('Snapshot ok'), 15_000)
    await expectVisible(item.getByText(/Excerpt found in the snapshot of/))
    expect(await item.locator('.excerpt-found mark').textContent()).toBe('handled 4.2 million containers in 2025')
    expect(await item.locator('.excerpt-found blockquote').textContent()).toContain('The port handled 4.2 million containers in 2025, the ministry said.')
    await item.scrollIntoViewIfNeeded()
    await screenshot(page, 'evidence-panel')

    // The page changes; a reviewer checks the source again from its page in the library.
    pages.set('/statement', article(['The port handled 3.9 million containers in 2025, the ministry said.', 'Expansion work starts in March.']))
    await item.getByRole('link', { name: 'in the library' }).click()
    await page.waitForURL(/\/sources\/\d+$/)
    await expectVisible(page.getByText('Snapshot ok'))
    await page.getByRole('button', { name: 'Check again' }).click()
    await expectVisible(page.locator('#snapshots .badge.change-changed'), 15_000)
    const diff = page.getByRole('list', { name: 'What changed' })
    await expectVisible(diff.locator('li.removed').filter({ hasText: '4.2 million' }))
    await expectVisible(diff.locator('li.added').filter({ hasText: '3.9 million' }))
    await expectVisible(page.getByRole('list', { name: 'Claims citing this source' }).getByRole('link', { name: claim.text }))
    await screenshot(page, 'source-changed')

    // Reachable from the claim: its evidence says so and links to every affected claim.
    await page.goto(`/claims/${claim.id}`)
    const again = page.locator('.evidence-list li').filter({ hasText: 'Ministry statement' })
    await expectVisible(again.getByText(/Excerpt not found in the snapshot/))
    await again.getByRole('link', { name: 'all claims citing changed sources' }).click()
    await page.waitForURL(/\/sources\/changes$/)
    await expectVisible(page.getByRole('table', { name: 'Claims citing changed or gone sources' }).getByRole('link', { name: claim.text }))

    // The page disappears: the next check marks the source gone.
    pages.delete('/statement')
    await page.goBack()
    await again.getByRole('link', { name: /see what changed/ }).click()
    await page.getByRole('button', { name: 'Check again' }).click()
    await expectVisible(page.locator('#snapshots .badge.change-gone'), 15_000)
    await expectVisible(page.getByText(/The page answered with HTTP 404/).first())
    await page.context().close()
  })

  test('a slow remote does not delay the evidence form, the API answers at once, and the snapshot shows pending until it is done', async () => {
    const claim = firstClaim()
    const page = await newPage()
    await logIn(page, 'reviewer@example.com')
    await page.goto(`/claims/${claim.id}`)
    const form = page.getByRole('form', { name: 'Add evidence' })
    await form.getByLabel('URL', { exact: true }).fill(`${site}/slow-page`)
    await form.getByLabel('Title').fill('Slow source')
    await form.getByLabel('Context').check()
    const started = Date.now()
    await form.getByRole('button', { name: 'Add evidence' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Evidence added.' }))
    // The remote answers after eight seconds; the form's answer comes well before.
    expect(Date.now() - started).toBeLessThan(5000)
    await expectVisible(page.locator('.evidence-list li').filter({ hasText: 'Slow source' }).getByText('Snapshot pending'))
    await page.context().close()

    const token = createApiToken({ userId: getUserByEmail({ email: 'reviewer@example.com' })!.id, name: 'snapshot test' }).token
    const api = (path: string, init: RequestInit = {}) =>
      fetch(app.baseURL + path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } })
    let t = Date.now()
    const created = await api(`/api/v1/claims/${claim.id}/evidence`, {
      method: 'POST',
      body: JSON.stringify({ stance: 'context', excerpt: 'Late.', source: { url: `${site}/slow-api`, title: 'Slow API source' } }),
    })
    expect(Date.now() - t).toBeLessThan(4000)
    expect(created.status).toBe(201)
    const evidence = (await created.json()) as { excerptFound: unknown; snapshot: { status: string }; source: { id: number; snapshot: { status: string } } }
    expect(evidence).toMatchObject({ excerptFound: null, snapshot: { status: 'pending' }, source: { snapshot: { status: 'pending' } } })

    t = Date.now()
    const check = await api(`/api/v1/sources/${evidence.source.id}/check`, { method: 'POST' })
    expect(Date.now() - t).toBeLessThan(4000)
    expect(check.status).toBe(202)
    expect(((await check.json()) as { snapshot: { status: string } }).snapshot.status).toBe('pending')
    expect((await api(`/api/v1/sources/${evidence.source.id}/check`)).status).toBe(405)
    expect((await api('/api/v1/sources/999999/check', { method: 'POST' })).status).toBe(404)

    // A fast page: the evidence list reports the excerpt found once the snapshot is in.
    pages.set('/fast', article(['Ships waited “three days” at anchor — officials said.']))
    const fast = await api(`/api/v1/claims/${claim.id}/evidence`, {
      method: 'POST',
      body: JSON.stringify({ stance: 'supports', excerpt: 'Ships waited "three days" at anchor - officials said.', source: { url: `${site}/fast`, title: 'Fast source' } }),
    })
    const fastId = ((await fast.json()) as { id: number }).id
    let item: { excerptFound: boolean | null; snapshot: { status: string; httpStatus: number; sha256: string; title: string; change: unknown } } | undefined
    for (let i = 0; i < 50; i++) {
      const list = (await (await api(`/api/v1/claims/${claim.id}/evidence`)).json()) as { evidence: (typeof item & { id: number })[] }
      item = list.evidence.find((e) => e!.id === fastId)
      if (item?.snapshot.status !== 'pending') break
      await new Promise((r) => setTimeout(r, 200))
    }
    expect(item).toMatchObject({ excerptFound: true, snapshot: { status: 'ok', httpStatus: 200, title: 'Ministry statement on the port', change: null } })
    expect(item!.snapshot.sha256).toMatch(/^[0-9a-f]{64}$/)

    const openapi = (await (await fetch(`${app.baseURL}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } }
    expect(Object.keys(openapi.paths['/sources/{sourceId}/check']!)).toEqual(['post'])
    expect(openapi.components.schemas.Evidence!.properties).toHaveProperty('excerptFound')
    expect(openapi.components.schemas.Source!.properties).toHaveProperty('snapshot')
  })
})

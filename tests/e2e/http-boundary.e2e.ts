import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getUserByEmail } from '../../app/models/user.server'
import { baseURL, launchBrowser, logIn, newContext, sessionCookie, type Browser } from './browser'
import { roleTokens, useServerDatabase, type RoleTokens } from './server-db'

/**
 * Requests as a hostile page or client would send them: forms posted from a page on another port
 * of the same host (same-site, so the SameSite=Lax session cookie goes along), redirects that
 * a browser would follow off the site, and request forms the app never makes.
 */
let db: ReturnType<typeof useServerDatabase>
let browser: Browser
let tokens: RoleTokens
let attacker: http.Server
let attackerOrigin: string
/** What the attacker's page is to post next: a URL on the app and the form fields. */
let forged: { action: string; fields: Record<string, string> } = { action: '/', fields: {} }
let attackerHits = 0

beforeAll(async () => {
  db = useServerDatabase()
  tokens = roleTokens('http boundary test')
  browser = await launchBrowser()
  attacker = http.createServer((req, res) => {
    attackerHits++
    const inputs = Object.entries(forged.fields)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/"/g, '&quot;')}">`)
      .join('')
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(
      `<!doctype html><title>Win a prize</title><form method="post" action="${baseURL()}${forged.action}">${inputs}</form>` +
        '<script>document.forms[0].submit()</script>',
    )
  })
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => attacker.close(resolve))
  db.$client.close()
})

/** Signs in as `email` in a fresh browser, opens the attacker's page and returns the app's answer to its form. */
async function forgeFrom(email: string, action: string, fields: Record<string, string>) {
  forged = { action, fields }
  const context = await newContext(browser)
  const page = await context.newPage()
  await logIn(page, email)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(baseURL()) && r.request().method() === 'POST'),
    page.goto(attackerOrigin),
  ])
  const status = response.status()
  const body = await response.text()
  // Still signed in afterwards?
  const after = await page.goto(`${baseURL()}/claims`)
  const signedIn = new URL(page.url()).pathname === '/claims' && after?.status() === 200
  await context.close()
  return { status, body, signedIn }
}

function userCount(email: string) {
  return (db.$client.prepare('select count(*) as n from users where email = ?').get(email) as { n: number }).n
}

describe('cross-site request forgery', () => {
  test('a page on another port cannot make a signed-in admin create an admin, in any URL form', async () => {
    for (const [i, action] of ['/admin/users?_data=routes%2Fadmin.users', '/admin/users', '/admin/users.data', '/admin/users?index'].entries()) {
      const email = `forged-admin-${i}@example.com`
      const result = await forgeFrom('admin@example.com', action, {
        intent: 'create',
        email,
        name: 'Forged Admin',
        role: 'admin',
        password: 'forged-password-1',
      })
      expect(result.status, action).toBeGreaterThanOrEqual(400)
      expect(result.status, action).toBeLessThan(500)
      expect(userCount(email), action).toBe(0)
    }
  })

  test('the refusal is a 403 that says why', async () => {
    const result = await forgeFrom('admin@example.com', '/admin/users', { intent: 'create', email: 'forged@example.com', name: 'F', role: 'admin', password: 'forged-password-1' })
    expect(result.status).toBe(403)
    expect(result.body).toContain('did not come from Claimdesk')
  })

  test('an editor’s approval cannot be forged', async () => {
    const claim = db.$client.prepare("select id, version from claims where status != 'approved' and deleted_at is null order by id desc limit 1").get() as {
      id: number
      version: number
    }
    const reviewer = getUserByEmail({ email: 'reviewer@example.com' })!
    db.$client
      .prepare("update claims set status = 'reviewed', verdict = 'false', rationale = 'Checked against the budget.', verdict_by_id = ? where id = ?")
      .run(reviewer.id, claim.id)
    for (const action of [`/claims/${claim.id}/signoff`, `/claims/${claim.id}/signoff?_data=routes%2Fclaims.%24claimId.signoff`]) {
      const result = await forgeFrom('editor@example.com', action, { intent: 'approve', version: String(claim.version), note: '' })
      expect(result.status, action).toBeGreaterThanOrEqual(400)
      expect(result.status, action).toBeLessThan(500)
    }
    expect((db.$client.prepare('select status from claims where id = ?').get(claim.id) as { status: string }).status).toBe('reviewed')
  })

  test('a page on another port cannot sign a person out', async () => {
    const result = await forgeFrom('reviewer@example.com', '/logout', {})
    expect(result.status).toBe(403)
    expect(result.signedIn).toBe(true)
  })

  test('the app’s own forms still work in the browser, and API clients with a token are not cookie-based and pass', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await logIn(page, 'admin@example.com')
    await page.goto('/admin/users')
    const form = page.getByRole('form', { name: 'Add a user' })
    await form.getByLabel('Email').fill('own-form@example.com')
    await form.getByLabel('Name').fill('Own Form')
    await form.getByLabel('Role').selectOption('reviewer')
    await form.getByLabel('Initial password').fill('own-form-password-1')
    await form.getByRole('button', { name: 'Add user' }).click()
    await page.getByRole('status').filter({ hasText: 'Created own-form@example.com' }).waitFor()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await context.close()

    const api = await fetch(`${baseURL()}/api/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.reviewer}`, 'content-type': 'application/json', origin: attackerOrigin },
      body: JSON.stringify({ title: 'Token client', body: 'The council approved a budget of $3 million in 2024.' }),
    })
    expect(api.status).toBe(201)
  })

  test('cross-origin requests by hand: 403 with a message, never a 500, whatever the URL form', async () => {
    const cookie = await sessionCookie('admin@example.com')
    const variants: Record<string, string>[] = [
      { origin: attackerOrigin },
      { origin: 'null' },
      { origin: 'not a url' },
      { origin: attackerOrigin, 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of variants) {
      for (const path of ['/admin/users', '/admin/users.data', '/logout', '/claims', '/login', '/api/v1/articles']) {
        const res = await fetch(baseURL() + path, {
          method: 'POST',
          headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'intent=create&email=by-hand%40example.com&name=X&role=admin&password=by-hand-password-1',
          redirect: 'manual',
        })
        expect(res.status, `${JSON.stringify(headers)} ${path}`).toBe(403)
        expect(await res.text()).toMatch(/did not come from Claimdesk/)
      }
    }
    expect(userCount('by-hand@example.com')).toBe(0)
  })
})

describe('redirects stay on this site', () => {
  let evil: http.Server
  let evilHost: string
  let evilHits = 0
  beforeAll(async () => {
    evil = http.createServer((_req, res) => {
      evilHits++
      res.end('evil')
    })
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve))
    evilHost = `127.0.0.1:${(evil.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => evil.close(resolve)))

  const tricks = () => [
    `/%09/${evilHost}/`,
    `/%0a/${evilHost}/`,
    `/%0d/${evilHost}/`,
    `/%5C${evilHost}/`,
    `/\\${evilHost}/`,
    `/%2F${evilHost}/`,
    `//${evilHost}/`,
    `/%20/${evilHost}/`,
  ]

  test('signing in with and without JavaScript, and a signed-in visit to the login page, never leave the site', async () => {
    for (const javaScriptEnabled of [true, false]) {
      for (const trick of tricks()) {
        const context = await newContext(browser, { javaScriptEnabled })
        const page = await context.newPage()
        await page.goto(`/login?redirectTo=${encodeURIComponent(decodeURIComponent(trick))}`)
        await page.getByLabel('Email').fill('reviewer@example.com')
        await page.getByLabel('Password').fill('claimdesk-demo')
        await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByRole('button', { name: 'Sign in' }).click()])
        await page.waitForLoadState('load')
        expect(new URL(page.url()).origin, `${trick} js=${javaScriptEnabled}`).toBe(baseURL())
        // Signed in now: the login page itself redirects.
        await page.goto(`/login?redirectTo=${encodeURIComponent(decodeURIComponent(trick))}`)
        expect(new URL(page.url()).origin, `signed in ${trick}`).toBe(baseURL())
        await context.close()
      }
    }
    expect(evilHits).toBe(0)
  })

  test('the bulk form sends a person back only to a page on this site', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    await logIn(page, 'reviewer@example.com')
    for (const trick of tricks()) {
      await page.goto('/claims')
      await page.locator('input[name="ids"]').first().check()
      await page.locator('input[name="redirectTo"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), decodeURIComponent(trick))
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /Apply/ }).first().click()])
      expect(new URL(page.url()).origin, trick).toBe(baseURL())
    }
    await context.close()
    expect(evilHits).toBe(0)
  })

  test('control characters and non-ASCII in redirectTo are sent to the default page, never a 500', async () => {
    const cookie = await sessionCookie('reviewer@example.com')
    for (const value of ['/a\r\nSet-Cookie: x=1', '/\u00e9t\u00e9', '/\u65e5\u672c', '/\u2028x', '/%E0%A4%A', '/\u0000']) {
      const signedIn = await fetch(`${baseURL()}/login?redirectTo=${encodeURIComponent(value)}`, { headers: { cookie }, redirect: 'manual' })
      expect(signedIn.status, JSON.stringify(value)).toBe(302)
      expect(signedIn.headers.get('location')).toBe('/articles')
      const login = await fetch(`${baseURL()}/login`, {
        method: 'POST',
        body: new URLSearchParams({ email: 'reviewer@example.com', password: 'claimdesk-demo', redirectTo: value }),
        redirect: 'manual',
      })
      expect(login.status, JSON.stringify(value)).toBe(302)
      expect(login.headers.get('location')).toBe('/articles')
    }
  })
})

describe('request forms the app never makes', () => {
  test('?_data= GETs, TRACE and other methods get a 4xx, never a 500', async () => {
    const cookie = await sessionCookie('admin@example.com')
    for (const path of [
      '/settings/password?_data=routes%2Fsettings.password',
      '/articles/new?_data=routes%2Farticles.new',
      '/claims?_data=routes%2Fclaims._index',
      '/admin/users?_data=root',
    ]) {
      const res = await fetch(baseURL() + path, { headers: { cookie }, redirect: 'manual' })
      expect(res.status, path).toBe(400)
    }
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'LOCK']) {
      const res = await new Promise<number>((resolve, reject) => {
        const req = http.request(`${baseURL()}/claims`, { method, headers: { cookie } }, (r) => {
          r.resume()
          resolve(r.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
      expect(res, method).toBe(405)
    }
  })
})

describe('headers on every answer', () => {
  test('signed-in pages say no-store and may not be framed; the server’s page cache still reuses them', async () => {
    const cookie = await sessionCookie('reviewer@example.com')
    for (const path of ['/claims', '/articles', '/dashboard', '/settings/password', '/settings/tokens', '/claims.data', '/login']) {
      const res = await fetch(baseURL() + path, { headers: { cookie }, redirect: 'manual' })
      await res.arrayBuffer()
      expect(res.headers.get('cache-control'), path).toMatch(/no-store/)
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'")
    }
    const again = await fetch(`${baseURL()}/claims`, { headers: { cookie } })
    expect(again.headers.get('x-page-cache')).toBe('hit')
    expect(again.headers.get('cache-control')).toMatch(/no-store/)
    expect(again.headers.get('x-frame-options')).toBe('DENY')
  })

  test('Chromium refuses to show a Claimdesk page inside another site’s frame', async () => {
    const framer = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(`<!doctype html><iframe id="f" src="${baseURL()}/login" width="600" height="400"></iframe>`)
    })
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve))
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`)
    await page.waitForTimeout(1000)
    const frame = page.frames().find((f) => f !== page.mainFrame())
    const shown = frame ? await frame.locator('text=Sign in to Claimdesk').count().catch(() => 0) : 0
    expect(shown).toBe(0)
    await context.close()
    await new Promise((resolve) => framer.close(resolve))
  })
})

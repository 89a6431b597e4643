import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createUser, getUserByEmail, setUserActive } from '../../app/models/user.server'
import { baseURL, launchBrowser, logIn, newContext, sessionCookie, type Browser } from './browser'
import { roleTokens, useServerDatabase, type RoleTokens } from './server-db'

const PASSWORD = 'claimdesk-demo'
let db: ReturnType<typeof useServerDatabase>
let cookies: Record<'reviewer' | 'editor' | 'admin' | 'deactivated', string>
let tokens: RoleTokens
let ids: { article: number; claim: number; source: number }

beforeAll(async () => {
  db = useServerDatabase()
  await createUser({ email: 'leaving@example.com', name: 'Leaving Soon', role: 'editor', password: 'leaving-password-1' })
  cookies = {
    reviewer: await sessionCookie('reviewer@example.com'),
    editor: await sessionCookie('editor@example.com'),
    admin: await sessionCookie('admin@example.com'),
    deactivated: await sessionCookie('leaving@example.com', 'leaving-password-1'),
  }
  setUserActive({ id: getUserByEmail({ email: 'leaving@example.com' })!.id, active: false })
  tokens = roleTokens('security test')
  const sqlite = db.$client
  ids = {
    article: (sqlite.prepare('select min(id) as id from articles').get() as { id: number }).id,
    claim: (sqlite.prepare("select min(id) as id from claims where status != 'approved' and deleted_at is null").get() as { id: number })
      .id,
    source: 1,
  }
  sqlite
    .prepare("insert or ignore into sources (id, url, title) values (1, 'https://security.example/source', 'Security test source')")
    .run()
})
afterAll(() => db.$client.close())

/** Every route module, as the URL a person or client would request. */
function routeUrls() {
  const dir = path.resolve(__dirname, '../../app/routes')
  return fs
    .readdirSync(dir, { withFileTypes: true })
    // A route is a module file, or a folder with its route.tsx beside the parts it uses.
    .filter((e) => (e.isFile() ? /\.(tsx?|jsx?)$/.test(e.name) && !e.name.includes('.test.') : fs.existsSync(path.join(dir, e.name, 'route.tsx'))))
    .map((e) => e.name)
    .map((f) => {
      const name = f.replace(/\.(tsx?|jsx?)$/, '').replace('[.]', '\u0000')
      const segments = name
        .split('.')
        .filter((s) => s !== '_index')
        .map((s) => s.replace(/_$/, '').replace('\u0000', '.'))
      const url = `/${segments.join('/')}`
        .replace('$articleId', String(ids.article))
        .replace('$claimId', String(ids.claim))
        .replace('$sourceId', String(ids.source))
        .replace(/^\/\$$/, '/no-such-page')
        .replace(/\/\$$/, '/no-such-thing')
      return { file: f, url }
    })
}

type Who = 'anonymous' | 'reviewer' | 'editor' | 'admin' | 'deactivated'

/** The rule for each route, by who asks. A new route without a rule fails this test until one is added. */
function expected(url: string, who: Who): number[] {
  const signedIn = who === 'reviewer' || who === 'editor' || who === 'admin'
  const api = url.startsWith('/api/v1')
  if (url === '/healthz' || url === '/api/v1/openapi.json') return [200]
  if (url === '/login') return signedIn ? [302] : [200]
  if (url === '/logout') return [302]
  if (api && url.includes('no-such')) return [404]
  if (api) return [401]
  if (!signedIn) return [302]
  if (url.startsWith('/admin')) return who === 'admin' ? [200] : [403]
  if (url.startsWith('/exports')) return who === 'reviewer' ? [403] : url === '/exports/download' ? [400] : [200]
  if (url === '/') return [302]
  if (url.endsWith('/signoff')) return [302]
  if (url.includes('no-such')) return [404]
  if (url === '/articles/new' || url.endsWith('/edit')) return [200]
  return [200]
}

function apiExpected(url: string, token: keyof typeof tokens): number[] {
  if (url === '/api/v1/openapi.json') return [200]
  if (url.includes('no-such')) return [404]
  if (token === 'revoked') return [401]
  if (url === '/api/v1/exports/claims') return token === 'reviewer' ? [403] : [400]
  if (url === '/api/v1/articles') return [405]
  if (url.endsWith('/check')) return [405]
  return [200]
}

describe('access', () => {
  test('every route × anonymous, reviewer, editor, admin and a deactivated user answers as the rules say', async () => {
    const routes = routeUrls()
    expect(routes.length).toBeGreaterThan(20)
    const failures: string[] = []
    for (const { url } of routes) {
      for (const who of ['anonymous', 'reviewer', 'editor', 'admin', 'deactivated'] as Who[]) {
        const headers: Record<string, string> = who === 'anonymous' ? {} : { cookie: cookies[who] }
        const res = await fetch(baseURL() + url, { headers, redirect: 'manual' })
        const want = expected(url, who)
        if (!want.includes(res.status)) failures.push(`${who} GET ${url}: ${res.status}, expected ${want.join('/')}`)
        if (
          res.status === 302 &&
          !url.startsWith('/api') &&
          who !== 'admin' &&
          who !== 'editor' &&
          who !== 'reviewer' &&
          url !== '/logout'
        ) {
          if (!(res.headers.get('location') ?? '').startsWith('/login'))
            failures.push(`${who} GET ${url}: redirected to ${res.headers.get('location')}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  test('every API endpoint × token of each role and a revoked token', async () => {
    const failures: string[] = []
    for (const { url } of routeUrls().filter((r) => r.url.startsWith('/api/v1'))) {
      for (const token of ['reviewer', 'editor', 'admin', 'revoked'] as const) {
        const res = await fetch(baseURL() + url, { headers: { authorization: `Bearer ${tokens[token]}` } })
        const want = apiExpected(url, token)
        if (!want.includes(res.status)) failures.push(`${token} GET ${url}: ${res.status}, expected ${want.join('/')}`)
        const type = res.headers.get('content-type') ?? ''
        if (res.status >= 400 && !type.includes('json')) failures.push(`${token} GET ${url}: error is not JSON`)
      }
    }
    expect(failures).toEqual([])
  })

  test('session cookies are httpOnly and SameSite=Lax; logging out ends the session', async () => {
    const res = await fetch(`${baseURL()}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'reviewer@example.com', password: PASSWORD }),
      redirect: 'manual',
    })
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const cookie = setCookie.split(';')[0]!
    expect((await fetch(`${baseURL()}/claims`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200)
    await fetch(`${baseURL()}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' })
    expect((await fetch(`${baseURL()}/claims`, { headers: { cookie }, redirect: 'manual' })).status).toBe(302)
  })
})

describe('passwords', () => {
  test('changing a password ends the account’s other sessions but keeps this one', async () => {
    await createUser({ email: 'changer@example.com', name: 'Changer', role: 'reviewer', password: 'first-password-1' })
    const here = await sessionCookie('changer@example.com', 'first-password-1')
    const elsewhere = await sessionCookie('changer@example.com', 'first-password-1')
    const change = (current: string) =>
      fetch(`${baseURL()}/settings/password`, {
        method: 'POST',
        headers: { cookie: here },
        body: new URLSearchParams({ current, password: 'second-password-2', confirm: 'second-password-2' }),
        redirect: 'manual',
      })
    expect((await change('not-it-at-all')).status).toBe(400)
    const changed = await change('first-password-1')
    expect(changed.status).toBe(302)
    expect((await fetch(`${baseURL()}/claims`, { headers: { cookie: here }, redirect: 'manual' })).status).toBe(200)
    expect((await fetch(`${baseURL()}/claims`, { headers: { cookie: elsewhere }, redirect: 'manual' })).status).toBe(302)
    await sessionCookie('changer@example.com', 'second-password-2')
  })
})

describe('concurrency', () => {
  test('50 parallel updates of one claim from the same version: exactly one succeeds, the rest get 409', async () => {
    const claim = (await (
      await fetch(`${baseURL()}/api/v1/claims/${ids.claim}`, { headers: { authorization: `Bearer ${tokens.reviewer}` } })
    ).json()) as { version: number }
    const eventsBefore = (db.$client.prepare('select count(*) as n from claim_events where claim_id = ?').get(ids.claim) as { n: number }).n
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${baseURL()}/api/v1/claims/${ids.claim}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${tokens.reviewer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ version: claim.version, rationale: `parallel ${i}` }),
        }).then((r) => r.status),
      ),
    )
    expect(results.filter((s) => s === 200)).toHaveLength(1)
    expect(results.filter((s) => s === 409)).toHaveLength(49)
    const eventsAfter = (db.$client.prepare('select count(*) as n from claim_events where claim_id = ?').get(ids.claim) as { n: number }).n
    expect(eventsAfter - eventsBefore).toBe(1)
  })
})

describe('bad input', () => {
  function counts() {
    const q = (t: string) =>
      db.$client.prepare(`select count(*) as n, coalesce(max(id), 0) as m from ${t}`).get() as { n: number; m: number }
    return JSON.stringify(['articles', 'claims', 'claim_events', 'sources', 'evidence', 'users', 'comments', 'corrections'].map(q))
  }

  test('nearly two thousand malformed requests to every form action and API route: no 5xx and stored data unchanged', async () => {
    const before = counts()
    const claimsBefore = db.$client.prepare('select id, text, status, verdict, rationale, version from claims order by id').all()
    const posts = [
      '/login',
      '/admin/users',
      '/settings/tokens',
      `/articles/${ids.article}`,
      `/articles/${ids.article}/edit`,
      '/articles/new',
      `/claims/${ids.claim}`,
      `/claims/${ids.claim}/signoff`,
      '/claims',
      `/sources/${ids.source}`,
      '/inbox',
    ]
    const apis: [string, string][] = [
      ['POST', '/api/v1/articles'],
      ['PATCH', `/api/v1/claims/${ids.claim}`],
      ['POST', `/api/v1/claims/${ids.claim}/evidence`],
      ['POST', `/api/v1/claims/${ids.claim}/comments`],
      ['GET', '/api/v1/inbox'],
      ['GET', '/api/v1/corrections'],
      ['GET', '/api/v1/claims'],
      ['GET', '/api/v1/exports/claims'],
    ]
    const nasty = [
      '',
      'null',
      '[]',
      '{"version":"1"}',
      '{"version":1,"status":"approved","verdict":7}',
      '{"title":{"$gt":""},"body":["x"]}',
      '{"stance":"supports","sourceId":-1}',
      '{"stance":"supports","source":{"url":"javascript:alert(1)","title":"x"}}',
      '['.repeat(50_000),
      '{"a":'.repeat(10_000),
      '"\u0000\u0001"',
      "'; drop table claims; --",
      'title=x&body=y',
    ]
    const formBodies = [
      'intent=review&version=abc&status=approved',
      'intent=review&version=1&status=reviewed&verdict=maybe',
      'intent=add-evidence&stance=loves&url=ftp://x',
      'intent=remove-evidence&evidenceId=../../etc/passwd',
      'intent=bulk&ids=1&ids=x&status=approved',
      'intent=split&claimId=1&version=1&at=-5&first=a&second=b',
      'intent=merge-next&claimId=1&version=1&nextId=1&nextVersion=1',
      'intent=add&quote=&start=-1&end=999999999',
      'intent=set-role&userId=1&role=owner',
      'intent=revoke&tokenId=NaN',
      'intent=approve&version=0',
      'intent=unknown',
      'intent=comment&body=',
      `intent=comment&body=${'x'.repeat(20_000)}`,
      'intent=edit-comment&commentId=0&body=x',
      'intent=edit-comment&commentId=abc',
      'intent=delete-comment&commentId=-1',
      'intent=read&itemId=NaN',
      'intent=unread&itemId=999999999',
      'intent=read-all&intent=read',
      'email=&password=',
      'title=&body=',
      `q=${encodeURIComponent('NEAR("a" "b") AND * OR "')}`,
      '%E0%A4%A',
      'a'.repeat(2 * 1024 * 1024),
    ]
    const queries = [
      'q=NEAR(a%20b',
      'q=%22%22%22*',
      'status=approvedx',
      'limit=-1',
      'limit=1000000',
      'cursor=../../etc',
      'cursor=eyJrIjoiYSIsImlkIjoxfQ',
      'article=1%20or%201=1',
      'format=pdf',
      'from=2026-13-45',
      'assignee=%00',
      'unread=maybe',
      'before=0',
      'before=1e99',
    ]
    const failures: string[] = []
    const check = async (label: string, send: () => Promise<Response>) => {
      try {
        const r = await send()
        if (r.status >= 500) failures.push(`${label}: ${r.status}`)
        await r.arrayBuffer()
      } catch (error) {
        failures.push(`${label}: ${(error as Error).message} (${String((error as Error).cause)})`)
      }
    }
    let sent = 0
    // Each round as another role, so the admin- and editor-only actions parse the bad input too.
    for (const who of ['reviewer', 'editor', 'admin'] as const) {
      const batch: (() => Promise<void>)[] = []
      for (const url of posts) {
        for (const body of formBodies) {
          for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=nope', 'text/plain']) {
            batch.push(() =>
              check(`POST ${url} ${type} ${body.slice(0, 30)}`, () =>
                fetch(baseURL() + url, {
                  method: 'POST',
                  headers: { cookie: cookies[who], 'content-type': type },
                  body,
                  redirect: 'manual',
                }),
              ),
            )
            sent++
          }
        }
        batch.push(() =>
          check(`POST ${url} invalid UTF-8`, () =>
            fetch(baseURL() + url, {
              method: 'POST',
              headers: { cookie: cookies.admin, 'content-type': 'application/x-www-form-urlencoded' },
              body: new Uint8Array([0x69, 0x6e, 0x74, 0x65, 0x6e, 0x74, 0x3d, 0xff, 0xfe, 0xc3]),
              redirect: 'manual',
            }),
          ),
        )
        sent++
      }
      for (const [method, url] of apis) {
        for (const body of nasty) {
          batch.push(() =>
            check(`${method} ${url} ${body.slice(0, 30)}`, () =>
              fetch(baseURL() + url + (method === 'GET' ? `?${queries[sent % queries.length]}` : ''), {
                method,
                headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
                body: method === 'GET' ? undefined : body,
              }),
            ),
          )
          sent++
        }
      }
      for (const q of queries) {
        for (const page of ['/claims', '/sources', `/claims/${ids.claim}`]) {
          batch.push(() =>
            check(`GET ${page}?${q}`, () =>
              fetch(`${baseURL()}${page}?${q}&sourceQ=${encodeURIComponent('"*(')}`, {
                headers: { cookie: cookies.reviewer },
                redirect: 'manual',
              }),
            ),
          )
          sent++
        }
      }
      for (const traversal of [
        '/claims/..%2F..%2Fetc%2Fpasswd',
        '/articles/%2e%2e%2f1',
        '/sources/1e309',
        '/claims/99999999999999999999',
        '/api/v1/claims/-1',
        '/api/v1/articles/0x10',
      ]) {
        batch.push(() =>
          check(`GET ${traversal}`, () =>
            fetch(baseURL() + traversal, {
              headers: { cookie: cookies.reviewer, authorization: `Bearer ${tokens.reviewer}` },
              redirect: 'manual',
            }),
          ),
        )
        sent++
      }
      // 16 requests in flight at a time: a load test is not the point here, bad input is.
      for (let i = 0; i < batch.length; i += 16) await Promise.all(batch.slice(i, i + 16).map((run) => run()))
    }
    expect(sent).toBeGreaterThan(1800)
    expect(failures.slice(0, 20)).toEqual([])
    expect(counts()).toBe(before)
    expect(db.$client.prepare('select id, text, status, verdict, rationale, version from claims order by id').all()).toEqual(claimsBefore)
    expect((await fetch(`${baseURL()}/healthz`)).status).toBe(200)
  }, 120_000)
})

describe('cross-site scripting', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  test('script and event-handler payloads in every text field are rendered inert', async () => {
    const payload = `<script>window.__xss=1;alert(1)</script><img src=x onerror="window.__xss=1;alert(1)"><svg onload=alert(1)>"'><a href="javascript:alert(1)">x</a>`
    const api = (method: string, url: string, body: unknown) =>
      fetch(baseURL() + url, {
        method,
        headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }))
    const article = await api('POST', '/api/v1/articles', {
      title: `Title ${payload}`,
      body: `Officials said 40 people were hired in 2021. ${payload} The council approved a $3 million budget on Monday ${payload}.`,
      publisher: `Publisher ${payload}`,
    })
    expect(article.status).toBe(201)
    const articleId = article.json.id as number
    const claims = article.json.claims as { id: number; version: number }[]
    const claimId = claims[0]!.id
    await api('PATCH', `/api/v1/claims/${claimId}`, { version: claims[0]!.version, rationale: `Rationale ${payload}`, note: payload })
    await api('POST', `/api/v1/claims/${claimId}/evidence`, {
      stance: 'refutes',
      excerpt: `Excerpt ${payload}`,
      note: `Note ${payload}`,
      source: { url: 'https://xss.example/a', title: `Source ${payload}`, publisher: payload },
    })
    const comment = await fetch(`${baseURL()}/api/v1/claims/${claimId}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.reviewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: `@admin Comment ${payload} javascript:alert(1) https://xss.example/"onmouseover="alert(1)` }),
    })
    expect(comment.status).toBe(201)
    db.$client
      .prepare('insert into corrections (claim_id, old_verdict, new_verdict, old_rationale, new_rationale, note) values (?, null, null, ?, ?, ?)')
      .run(claimId, payload, payload, `Correction ${payload}`)
    await createUser({ email: 'xss@example.com', name: `Name ${payload}`.slice(0, 120), role: 'reviewer', password: 'xss-password-1' })
    db.$client.prepare('update claims set text = ? where id = ?').run(`Claim ${payload}`, claimId)
    const sourceId = (db.$client.prepare("select id from sources where url = 'https://xss.example/a'").get() as { id: number }).id

    const context = await newContext(browser)
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', async (d) => {
      dialogs.push(d.message())
      await d.dismiss()
    })
    await logIn(page, 'admin@example.com')
    for (const url of [
      '/articles',
      `/articles/${articleId}`,
      `/claims/${claimId}`,
      '/claims?status=all',
      '/sources',
      `/sources/${sourceId}`,
      '/admin/users',
      '/dashboard',
      `/articles/${articleId}/edit`,
      '/inbox',
      '/corrections',
    ]) {
      await page.goto(url)
      await page.waitForLoadState('networkidle')
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    }
    await page.goto(`/claims/${claimId}`)
    await page.getByText('Source <script>', { exact: false }).first().waitFor()
    expect(await page.locator('main script').count()).toBe(0)
    expect(await page.locator('main img[src="x"]').count()).toBe(0)
    // The comment's only link is the http one, and it ends at the quote mark: no attribute can be smuggled in.
    const links = await page.locator('#discussion .comment-body a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(links).toEqual(['https://xss.example/'])
    await page.goto('/inbox')
    await page.getByText('Comment <script>', { exact: false }).first().waitFor()
    await page.goto('/corrections')
    await page.getByText('Correction <script>', { exact: false }).first().waitFor()
    expect(await page.locator('main script, main img[src="x"], main svg[onload]').count()).toBe(0)
    expect(dialogs).toEqual([])
    await context.close()
  })
})

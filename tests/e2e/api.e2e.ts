import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { baseURL } from './browser'
import { roleTokens, useServerDatabase, type RoleTokens } from './server-db'

let tokens: RoleTokens
let db: ReturnType<typeof useServerDatabase>

beforeAll(() => {
  db = useServerDatabase()
  tokens = roleTokens('api test')
})
afterAll(() => db.$client.close())

function api(
  path: string,
  { token, method = 'GET', body, headers = {} }: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  const json = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string[]> } }
  expect(json.error.code).toBe(code)
  expect(json.error.message.length).toBeGreaterThan(0)
  return json.error
}

const ARTICLE = {
  title: 'API import test',
  body: 'In June 2021, the Executive Committee decided to lift these measures, with implementation completed in October 2021 following additional training for NCB Damascus staff. The agency said it had trained 40 officers.',
  publisher: 'Test Wire',
  publishedAt: '2021-11-02',
}

describe('REST API', () => {
  test('401 without a token, with a made-up token, and with a revoked token', async () => {
    await expectError(await api('/articles/1'), 401, 'unauthorized')
    await expectError(await api('/articles/1', { token: 'cdk_made-up' }), 401, 'unauthorized')
    await expectError(await api('/articles/1', { token: tokens.revoked }), 401, 'unauthorized')
  })

  test('POST /articles imports (201), a repeat points to the same article (200), and GET returns it', async () => {
    const created = await api('/articles', { token: tokens.reviewer, method: 'POST', body: ARTICLE })
    expect(created.status).toBe(201)
    const article = (await created.json()) as {
      id: number
      claims: { text: string; anchor: { start: number; end: number; quote: { exact: string } } }[]
    }
    expect(article.claims.length).toBeGreaterThan(0)
    for (const c of article.claims) expect(ARTICLE.body.slice(c.anchor.start, c.anchor.end)).toBe(c.anchor.quote.exact)

    const again = await api('/articles', { token: tokens.reviewer, method: 'POST', body: ARTICLE })
    expect(again.status).toBe(200)
    expect(((await again.json()) as { id: number }).id).toBe(article.id)

    const fetched = await api(`/articles/${article.id}`, { token: tokens.reviewer })
    expect(fetched.status).toBe(200)
    expect(((await fetched.json()) as { title: string }).title).toBe('API import test')
    await expectError(await api('/articles/999999', { token: tokens.reviewer }), 404, 'not_found')
    await expectError(await api('/articles/abc', { token: tokens.reviewer }), 404, 'not_found')
  })

  test('bad bodies get 400, 413, 415 or 422 naming the field — never a 500', async () => {
    await expectError(await api('/articles', { token: tokens.reviewer, method: 'POST', body: '{"title": ' }), 400, 'bad_request')
    const missing = await expectError(
      await api('/articles', { token: tokens.reviewer, method: 'POST', body: { title: 'x' } }),
      422,
      'validation_failed',
    )
    expect(Object.keys(missing.fields ?? {})).toContain('body')
    const wrongType = await expectError(
      await api('/articles', { token: tokens.reviewer, method: 'POST', body: { title: 42, body: 'text', publishedAt: 'yesterday' } }),
      422,
      'validation_failed',
    )
    expect(Object.keys(wrongType.fields ?? {})).toEqual(expect.arrayContaining(['title', 'publishedAt']))
    await expectError(
      await api('/articles', {
        token: tokens.reviewer,
        method: 'POST',
        body: 'title=x',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'unsupported_media_type',
    )
    await expectError(
      await api('/articles', { token: tokens.reviewer, method: 'POST', body: { title: 'huge', body: 'a'.repeat(7 * 1024 * 1024) } }),
      413,
      'payload_too_large',
    )
    await expectError(await api('/articles', { token: tokens.reviewer, method: 'POST', body: '['.repeat(100_000) }), 400, 'bad_request')
    await expectError(await api('/no/such/endpoint', { token: tokens.reviewer }), 404, 'not_found')
  })

  test('PATCH a claim with its version; a stale version gets 409 and the current claim', async () => {
    const created = (await (
      await api('/articles', {
        token: tokens.reviewer,
        method: 'POST',
        body: { ...ARTICLE, title: 'Patch test', body: ARTICLE.body + ' Patch test.' },
      })
    ).json()) as {
      claims: { id: number; version: number }[]
    }
    const claim = created.claims[0]!
    const ok = await api(`/claims/${claim.id}`, {
      token: tokens.reviewer,
      method: 'PATCH',
      body: { version: claim.version, status: 'in_review', note: 'taking it' },
    })
    expect(ok.status).toBe(200)
    const updated = (await ok.json()) as { status: string; version: number }
    expect(updated).toMatchObject({ status: 'in_review', version: claim.version + 1 })

    const stale = await expectError(
      await api(`/claims/${claim.id}`, { token: tokens.editor, method: 'PATCH', body: { version: claim.version, verdict: 'false' } }),
      409,
      'conflict',
    )
    expect((stale as unknown as { current: { version: number } }).current.version).toBe(updated.version)

    const incomplete = await expectError(
      await api(`/claims/${claim.id}`, { token: tokens.reviewer, method: 'PATCH', body: { version: updated.version, status: 'reviewed' } }),
      422,
      'validation_failed',
    )
    expect(Object.keys(incomplete.fields ?? {})).toEqual(expect.arrayContaining(['verdict', 'rationale']))
    await expectError(
      await api(`/claims/${claim.id}`, { token: tokens.reviewer, method: 'PATCH', body: { version: updated.version, status: 'maybe' } }),
      422,
      'validation_failed',
    )
    await expectError(
      await api(`/claims/${claim.id}`, { token: tokens.reviewer, method: 'PATCH', body: { version: updated.version, unknownField: 1 } }),
      422,
      'validation_failed',
    )

    const reviewed = await api(`/claims/${claim.id}`, {
      token: tokens.reviewer,
      method: 'PATCH',
      body: { version: updated.version, status: 'reviewed', verdict: 'true', rationale: 'INTERPOL press release, 2021.' },
    })
    expect(reviewed.status).toBe(200)
    const r = (await reviewed.json()) as { version: number }

    await expectError(
      await api(`/claims/${claim.id}`, { token: tokens.reviewer, method: 'PATCH', body: { version: r.version, status: 'approved' } }),
      403,
      'forbidden',
    )
    const approved = await api(`/claims/${claim.id}`, {
      token: tokens.editor,
      method: 'PATCH',
      body: { version: r.version, status: 'approved' },
    })
    expect(approved.status).toBe(200)
    expect(((await approved.json()) as { status: string }).status).toBe('approved')

    const events = await api(`/claims/${claim.id}/events`, { token: tokens.reviewer })
    expect(events.status).toBe(200)
    const { events: list } = (await events.json()) as { events: { kind: string; to: string | null; note: string }[] }
    const kinds = list.map((e) => `${e.kind}:${e.to}`)
    expect(kinds[0]).toBe('created:extracted')
    expect(kinds[1]).toBe('status:in_review')
    expect(kinds.slice(2, 5).sort()).toEqual(['rationale:INTERPOL press release, 2021.', 'status:reviewed', 'verdict:true'])
    expect(kinds[5]).toBe('status:approved')
    expect(list).toHaveLength(6)
  })

  test('exports need the editor role and validate their filters', async () => {
    await expectError(await api('/exports/claims?format=csv', { token: tokens.reviewer }), 403, 'forbidden')
    const bad = await expectError(await api('/exports/claims?format=pdf', { token: tokens.editor }), 400, 'bad_request')
    expect(Object.keys(bad.fields ?? {})).toEqual(['format'])
    const res = await api('/exports/claims?format=claimreview', { token: tokens.editor })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/ld+json')
    const reviews = (await res.json()) as { '@type': string; reviewRating: { ratingValue: number } }[]
    expect(reviews.length).toBeGreaterThan(0)
    expect(reviews.every((r) => r['@type'] === 'ClaimReview')).toBe(true)
    const csv = await api('/exports/claims?format=csv&status=all', { token: tokens.admin })
    expect(csv.status).toBe(200)
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^claim_id,claim,quote,status/)
  })
})

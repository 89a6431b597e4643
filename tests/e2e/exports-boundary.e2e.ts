import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ClaimReviewSchema } from '../../app/exports'
import { CSV_COLUMNS } from '../../app/exports/csv'
import { baseURL, sessionCookie } from './browser'
import { roleTokens, useServerDatabase, type RoleTokens } from './server-db'

/** Exports and imports against the real server: what a hostile page or a stray line break does to them. */
let db: ReturnType<typeof useServerDatabase>
let tokens: RoleTokens
let reviewerCookie: string

beforeAll(async () => {
  db = useServerDatabase()
  tokens = roleTokens('exports boundary test')
  reviewerCookie = await sessionCookie('reviewer@example.com')
})
afterAll(() => db.$client.close())

const api = (token: string, method: string, path: string, body?: unknown) =>
  fetch(baseURL() + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

/** Reviewed by the reviewer, approved by the editor, through the API as people would. */
async function approve(claimId: number, rationale = 'Checked against the council minutes.') {
  const claim = (await (await api(tokens.reviewer, 'GET', `/api/v1/claims/${claimId}`)).json()) as { version: number }
  const reviewed = await api(tokens.reviewer, 'PATCH', `/api/v1/claims/${claimId}`, { version: claim.version, status: 'reviewed', verdict: 'false', rationale })
  expect(reviewed.status, await reviewed.clone().text()).toBe(200)
  const { version } = (await reviewed.json()) as { version: number }
  const approved = await api(tokens.editor, 'PATCH', `/api/v1/claims/${claimId}`, { version, status: 'approved' })
  expect(approved.status, await approved.clone().text()).toBe(200)
}

async function exportText(query: string) {
  const res = await api(tokens.editor, 'GET', `/api/v1/exports/claims?${query}`)
  expect(res.status).toBe(200)
  return res.text()
}

async function uploadHtml(name: string, html: string) {
  const form = new FormData()
  form.set('intent', 'import')
  form.set('file', new Blob([html], { type: 'text/html' }), name)
  const res = await fetch(`${baseURL()}/articles/new`, { method: 'POST', headers: { cookie: reviewerCookie }, body: form, redirect: 'manual' })
  expect(res.status).toBe(302)
  return Number(/\/articles\/(\d+)/.exec(res.headers.get('location') ?? '')![1])
}

describe('metadata from an uploaded page', () => {
  test('an invalid canonical URL and published time are dropped at import, and the approved claim exports as valid ClaimReview', async () => {
    const articleId = await uploadHtml(
      'hostile.html',
      `<!doctype html><html><head><title>Harbour dredging report</title>
<link rel="canonical" href="https://exa mple.com/x"><meta property="article:published_time" content="99999-12-31">
</head><body><article><h1>Harbour dredging report</h1>
<p>The port authority said dredging removed 120,000 cubic metres of silt from the harbour in 2023, twice the amount planned.</p>
<p>Officials said the work cost $4.2 million and was finished in March 2024 after storms delayed it by six weeks.</p>
</article></body></html>`,
    )
    const article = db.$client.prepare('select url, published_at as publishedAt from articles where id = ?').get(articleId) as {
      url: string | null
      publishedAt: string | null
    }
    expect(article).toEqual({ url: null, publishedAt: null })
    const claimId = (db.$client.prepare('select min(id) as id from claims where article_id = ?').get(articleId) as { id: number }).id
    await approve(claimId)

    const reviews = JSON.parse(await exportText(`format=claimreview&article=${articleId}`)) as unknown[]
    expect(reviews).toHaveLength(1)
    expect(ClaimReviewSchema.safeParse(reviews[0]).success).toBe(true)
  })

  test('an article stored with bad metadata before validation existed does not cut any export short', async () => {
    const articleId = await uploadHtml(
      'older.html',
      `<!doctype html><html><head><title>Ferry timetable change</title></head><body><article><h1>Ferry timetable change</h1>
<p>The ferry operator said 14 sailings a day would run from June 2025, up from 10, after passenger numbers rose by a third.</p>
</article></body></html>`,
    )
    db.$client.prepare("update articles set url = 'https://exa mple.com/x', published_at = '+099999-12' where id = ?").run(articleId)
    const claimId = (db.$client.prepare('select min(id) as id from claims where article_id = ?').get(articleId) as { id: number }).id
    await approve(claimId)
    const all = await exportText('format=claimreview')
    const reviews = JSON.parse(all) as { url: string }[]
    expect(reviews.some((r) => r.url.endsWith(`/claims/${claimId}`))).toBe(true)
    for (const review of reviews) expect(ClaimReviewSchema.safeParse(review).success).toBe(true)
    for (const format of ['csv', 'json', 'md']) expect((await exportText(`format=${format}`)).length).toBeGreaterThan(100)
  })
})

describe('CSV export of claims with line breaks', () => {
  // Readers that end a row at any line end (Excel among them) are what the file must survive.
  const readCsv = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true }) as string[][]

  test('a claim and rationale with lone LFs and CRs keep every row at 21 fields, in both variants', async () => {
    const created = await api(tokens.reviewer, 'POST', '/api/v1/articles', {
      title: 'Line break export check',
      body: 'The council said the new bridge would cost $12 million.\nIt said 40 jobs would be created by 2027.\rThe mayor said 3 schools would be rebuilt.\r\nThe budget passed 7 to 2 on Tuesday.',
    })
    expect(created.status).toBe(201)
    const { id: articleId, claims } = (await created.json()) as { id: number; claims: { id: number }[] }
    expect(claims.length).toBeGreaterThan(0)
    // A claim selected across the paragraph breaks, as a reviewer can do on the article page.
    db.$client.prepare("update claims set text = ? where id = ?").run('The council said the new bridge would cost $12 million.\nIt said 40 jobs\r=1+1 would follow.', claims[0]!.id)
    await approve(claims[0]!.id, 'First line\nsecond line\r=HYPERLINK("http://evil.example")')
    for (const excel of [false, true]) {
      const rows = readCsv(await exportText(`format=csv&article=${articleId}${excel ? '&excel=true' : ''}`))
      expect(rows.length).toBe(2)
      expect(rows.map((r) => r.length)).toEqual([CSV_COLUMNS.length, CSV_COLUMNS.length])
      const rationale = rows[1]![rows[0]!.indexOf('rationale')]
      expect(rationale).toBe('First line\nsecond line\r=HYPERLINK("http://evil.example")')
      if (excel) for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/)
    }
  })
})

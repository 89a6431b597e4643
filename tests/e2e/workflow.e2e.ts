import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getClaim, listClaimEvents } from '../../app/models/claim.server'
import { getSource } from '../../app/models/source.server'
import { makeArticleWithClaims } from '../factories'
import { baseURL, sessionCookie } from './browser'
import { roleTokens, useServerDatabase, type RoleTokens } from './server-db'

let db: ReturnType<typeof useServerDatabase>
let tokens: RoleTokens
let editorCookie: string

beforeAll(async () => {
  db = useServerDatabase()
  tokens = roleTokens('workflow test')
  editorCookie = await sessionCookie('editor@example.com')
})
afterAll(() => db.$client.close())

async function patch(id: number, token: string, body: Record<string, unknown>) {
  const res = await fetch(`${baseURL()}/api/v1/claims/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as { version: number; status: string; error?: { code: string; message: string } } }
}

/** Posts a form as a signed-in person's browser would, without JavaScript. */
function postForm(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${baseURL()}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: baseURL(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
}

/** A reviewer gives the claim a verdict and another editor (the admin) approves it, through the API. */
async function approve(id: number, evidence?: { url: string; title: string }) {
  const reviewed = await patch(id, tokens.reviewer, { version: getClaim({ id })!.version, status: 'reviewed', verdict: 'true', rationale: 'Checked against the source.' })
  expect(reviewed.status).toBe(200)
  if (evidence) {
    const res = await fetch(`${baseURL()}/api/v1/claims/${id}/evidence`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.reviewer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: evidence, stance: 'supports', excerpt: 'Table 3' }),
    })
    expect(res.status).toBe(201)
  }
  const approved = await patch(id, tokens.admin, { version: getClaim({ id })!.version, status: 'approved' })
  expect(approved.status).toBe(200)
  return getClaim({ id })!
}

describe('a refused API change applies nothing', () => {
  test('approving while setting your own verdict is refused, and the verdict is not saved', async () => {
    const { claims } = makeArticleWithClaims({ sentences: ['The tunnel cost 2.1 billion euros to build.'] })
    const id = claims[0]!.id
    const reviewed = await patch(id, tokens.reviewer, { version: 1, status: 'reviewed', verdict: 'true', rationale: 'Audit report.' })
    expect(reviewed.status).toBe(200)
    const events = listClaimEvents({ claimId: id }).length

    const refused = await patch(id, tokens.editor, { version: reviewed.json.version, status: 'approved', verdict: 'false' })
    expect(refused.status).toBe(403)
    expect(refused.json.error?.code).toBe('forbidden')
    expect(getClaim({ id })).toMatchObject({ status: 'reviewed', verdict: 'true', version: reviewed.json.version })
    expect(listClaimEvents({ claimId: id })).toHaveLength(events)
  })

  test('a reopening change with a blank rationale is refused, and the claim stays approved', async () => {
    const { claims } = makeArticleWithClaims({ sentences: ['Rail freight grew by 12 percent in 2023.'] })
    const approved = await approve(claims[0]!.id)
    const events = listClaimEvents({ claimId: approved.id }).length

    const refused = await patch(approved.id, tokens.editor, { version: approved.version, status: 'reviewed', rationale: '   ' })
    expect(refused.status).toBe(422)
    expect(getClaim({ id: approved.id })).toMatchObject({ status: 'approved', version: approved.version, rationale: 'Checked against the source.' })
    expect(listClaimEvents({ claimId: approved.id })).toHaveLength(events)

    const reopened = await patch(approved.id, tokens.editor, { version: approved.version, status: 'in_review', note: 'New figures' })
    expect(reopened.status).toBe(200)
    expect(getClaim({ id: approved.id })).toMatchObject({ status: 'in_review', approvedById: null })
  })
})

describe('the approved lock holds against changes made elsewhere', () => {
  test('a library source cited by an approved claim keeps its exported details; its notes may change', async () => {
    const { claims } = makeArticleWithClaims({ sentences: ['The ministry hired 300 inspectors last year.'] })
    const url = `https://stats.example/inspectors-${Date.now()}`
    const claim = await approve(claims[0]!.id, { url, title: 'Inspectorate annual report' })
    const sourceId = (db.$client.prepare('select source_id as id from evidence where claim_id = ?').get(claim.id) as { id: number }).id
    const fields = { url: `${url}-moved`, title: 'Inspectorate annual report', publisher: '', publishedAt: '', accessedAt: '', archivedUrl: '', notes: '' }

    const refused = await postForm(`/sources/${sourceId}`, editorCookie, fields)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain(`approved claim #${claim.id}`)
    expect(getSource({ id: sourceId })!.url).toBe(url)

    const notes = await postForm(`/sources/${sourceId}`, editorCookie, { ...fields, url, notes: 'Checked the PDF again.' })
    expect(notes.status).toBe(302)
    expect(getSource({ id: sourceId })).toMatchObject({ url, notes: 'Checked the PDF again.' })
  })

  test('correcting the text reopens approved claims whose quote changed or was lost, naming the cause', async () => {
    const sentences = [
      'Traffic engineers counted every crossing.',
      'The bridge carried 14,000 vehicles a day in 2020, the highest count on record.',
      'It closed in March 2021 for repairs to its steel deck.',
      'The mayor opened a ferry service in May of that year.',
    ]
    const { article, claims } = makeArticleWithClaims({ sentences })
    const [changed, lost, kept] = [await approve(claims[1]!.id), await approve(claims[2]!.id), await approve(claims[3]!.id)]
    const body = [sentences[0]!, sentences[1]!.replace('14,000', '4,000'), 'Officials have given no date for any reopening of the crossing.', sentences[3]!].join(' ')

    const res = await postForm(`/articles/${article.id}/edit`, editorCookie, { title: article.title, body })
    expect(res.status).toBe(302)

    const after = getClaim({ id: changed.id })!
    expect(after).toMatchObject({ status: 'reviewed', approvedById: null, verdict: 'true' })
    expect(after.quoteExact).toContain('4,000 vehicles')
    expect(listClaimEvents({ claimId: changed.id }).at(-1)).toMatchObject({ kind: 'status', fromValue: 'approved', toValue: 'reviewed', note: expect.stringContaining('4,000 vehicles') })

    expect(getClaim({ id: lost.id })).toMatchObject({ status: 'reviewed', orphaned: true })
    expect(listClaimEvents({ claimId: lost.id }).at(-1)).toMatchObject({ kind: 'status', note: expect.stringContaining('no longer in it') })

    expect(getClaim({ id: kept.id })).toMatchObject({ status: 'approved', quoteExact: kept.quoteExact, approvedById: kept.approvedById })
  })
})

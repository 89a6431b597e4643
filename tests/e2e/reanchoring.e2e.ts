import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { listArticleClaims } from '../../app/models/article.server'
import { getClaim, listClaimEvents } from '../../app/models/claim.server'
import { makeArticleWithClaims } from '../factories'
import { baseURL, sessionCookie } from './browser'
import { roleTokens, useServerDatabase, type RoleTokens } from './server-db'

let db: ReturnType<typeof useServerDatabase>
let tokens: RoleTokens
let cookie: string

beforeAll(async () => {
  db = useServerDatabase()
  tokens = roleTokens('re-anchoring test')
  cookie = await sessionCookie('reviewer@example.com')
})
afterAll(() => db.$client.close())

function correct(articleId: number, title: string, body: string) {
  return fetch(`${baseURL()}/articles/${articleId}/edit`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: baseURL(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ title, body }),
    redirect: 'manual',
  })
}

function api(path: string, method: string, body: string) {
  return fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens.reviewer}`, 'Content-Type': 'application/json' },
    body,
  })
}

describe('re-anchoring after "Correct the text"', () => {
  test('words rewritten only in composed Unicode form keep their exact span; the neighbour does not overlap', async () => {
    const sentences = ['Le cafe\u0301 de Jose\u0301 a ferme\u0301 en 2021 apre\u0300s 40 ans.', 'Le maire a promis 12 nouveaux emplois.']
    const { article, claims } = makeArticleWithClaims({ sentences, title: 'Accents' })
    const corrected = article.body.normalize('NFC')
    expect((await correct(article.id, article.title, corrected)).status).toBe(302)
    const [a, b] = claims.map((c) => getClaim({ id: c.id })!)
    expect(corrected.slice(a!.anchorStart, a!.anchorEnd)).toBe(sentences[0]!.normalize('NFC'))
    expect(a!.quoteExact).toBe(sentences[0]!.normalize('NFC'))
    expect(corrected.slice(b!.anchorStart, b!.anchorEnd)).toBe(sentences[1])
    expect(a!.anchorEnd).toBeLessThan(b!.anchorStart)
  })

  test('an orphaned claim is placed again when a later correction restores its words', async () => {
    const sentences = ['The mill employed 300 people in 1990.', 'It closed in 2004 after a fire.', 'A museum opened on the site in 2012.']
    const { article, claims } = makeArticleWithClaims({ sentences, title: 'Mill' })
    const lost = claims[1]!
    expect((await correct(article.id, article.title, [sentences[0], 'Its later years are disputed by local historians.', sentences[2]].join(' '))).status).toBe(302)
    expect(getClaim({ id: lost.id })).toMatchObject({ orphaned: true })

    expect((await correct(article.id, article.title, [sentences[0], 'Records differ.', sentences[1], sentences[2]].join(' '))).status).toBe(302)
    const placed = getClaim({ id: lost.id })!
    expect(placed).toMatchObject({ orphaned: false, quoteExact: sentences[1] })
    const body = db.$client.prepare('select body from articles where id = ?').get(article.id) as { body: string }
    expect(body.body.slice(placed.anchorStart, placed.anchorEnd)).toBe(sentences[1])
    expect(listClaimEvents({ claimId: lost.id }).at(-1)).toMatchObject({ kind: 'anchor', fromValue: 'orphaned' })
  })
})

describe('lone surrogates at the API boundary', () => {
  test('an article body with a lone surrogate is refused with 422 naming the field, and nothing is stored', async () => {
    const before = (db.$client.prepare('select count(*) as n from articles').get() as { n: number }).n
    const res = await api('/articles', 'POST', '{"title":"Surrogates","body":"The port handled \\ud800 2 million containers in 2023. It grew."}')
    expect(res.status).toBe(422)
    const json = (await res.json()) as { error: { code: string; fields: Record<string, string[]> } }
    expect(json.error.code).toBe('validation_failed')
    expect(Object.keys(json.error.fields)).toEqual(['body'])
    expect((db.$client.prepare('select count(*) as n from articles').get() as { n: number }).n).toBe(before)
  })

  test('a claim change with a lone surrogate in a nested or plain field is refused and not applied', async () => {
    const { claims } = makeArticleWithClaims({ sentences: ['Exports rose 4 percent in the third quarter.'] })
    const id = claims[0]!.id
    const res = await api(`/claims/${id}`, 'PATCH', '{"version":1,"rationale":"Trade figures \\udc00 table 2"}')
    expect(res.status).toBe(422)
    expect(Object.keys(((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields)).toEqual(['rationale'])
    expect(getClaim({ id })).toMatchObject({ version: 1, rationale: '' })
    const evidence = await api(`/claims/${id}/evidence`, 'POST', '{"stance":"supports","source":{"url":"https://trade.example/q3","title":"Q3 \\ud83d"}}')
    expect(evidence.status).toBe(422)
    expect(Object.keys(((await evidence.json()) as { error: { fields: Record<string, string[]> } }).error.fields)).toEqual(['source.title'])
    expect(listArticleClaims({ articleId: claims[0]!.articleId })).toHaveLength(1)
  })
})

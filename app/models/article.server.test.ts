import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeUser } from '../../tests/factories'
import { correctArticle, importArticle, listArticleClaims } from './article.server'
import { listClaimEvents } from './claim.server'

beforeEach(() => {
  useFreshDatabase()
})

const BODY = 'Council approves bridge\nThe council voted 7 to 2 on Tuesday to approve a new bridge. The project will cost $48.5 million. Construction begins in September 2024.'

describe('articles', () => {
  test('importing stores claims with anchors; importing the same content again returns the existing article', async () => {
    const user = await makeUser()
    const first = importArticle({ title: 'Bridge', body: BODY, publishedAt: '2024-03-15', importedById: user.id })
    expect(first.created).toBe(true)
    const claims = listArticleClaims({ articleId: first.article.id })
    expect(claims.length).toBeGreaterThanOrEqual(3)
    for (const c of claims) expect(BODY.slice(c.anchorStart, c.anchorEnd)).toBe(c.quoteExact)
    const again = importArticle({ title: 'Bridge copy', body: `${BODY}\n\n`, importedById: user.id })
    expect(again).toMatchObject({ created: false, article: { id: first.article.id } })
  })

  test('correcting the body re-anchors claims, orphans the ones that are gone, and records it', async () => {
    const user = await makeUser()
    const { article } = importArticle({ title: 'Bridge', body: BODY })
    const corrected = BODY.replace('Council approves bridge\n', 'Council approves bridge\nUpdated with a correction.\n').replace('The project will cost $48.5 million. ', '')
    const result = correctArticle({ id: article.id, actorId: user.id, title: 'Bridge (corrected)', body: corrected })
    expect(result).toMatchObject({ ok: true, orphaned: 1 })
    const claims = listArticleClaims({ articleId: article.id })
    const orphan = claims.find((c) => c.orphaned)!
    expect(orphan.quoteExact).toBe('The project will cost $48.5 million.')
    expect(listClaimEvents({ claimId: orphan.id }).at(-1)).toMatchObject({ kind: 'orphaned' })
    for (const c of claims.filter((x) => !x.orphaned)) expect(corrected.slice(c.anchorStart, c.anchorEnd)).toBe(c.quoteExact)
    const moved = claims.find((c) => c.quoteExact.startsWith('The council voted'))!
    expect(listClaimEvents({ claimId: moved.id }).at(-1)).toMatchObject({ kind: 'anchor', actorName: user.name })
  })

  test('a correction that duplicates another article is refused and changes nothing', () => {
    const a = importArticle({ title: 'A', body: BODY }).article
    const b = importArticle({ title: 'B', body: 'A different article about a different council meeting on Monday.' }).article
    expect(correctArticle({ id: b.id, actorId: null, title: 'B', body: BODY })).toMatchObject({ ok: false, reason: 'duplicate', existingId: a.id })
    expect(listArticleClaims({ articleId: b.id }).every((c) => !c.orphaned)).toBe(true)
  })
})

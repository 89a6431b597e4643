import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeArticleWithClaims, makeUser } from '../../tests/factories'
import { getClaim, listClaimEvents } from './claim.server'
import { addClaim, mergeClaims, splitClaim } from './claim-edit.server'
import { listArticleClaims } from './article.server'

beforeEach(() => {
  useFreshDatabase()
})

describe('editing candidate claims', () => {
  test('split keeps both halves anchored inside the original and records it', async () => {
    const user = await makeUser()
    const { article, claims } = makeArticleWithClaims({ sentences: ['The council voted 7 to 2, and the mayor resigned the next day.'] })
    const original = claims[0]!
    const result = splitClaim({ id: original.id, version: 1, at: 25, texts: ['The council voted 7 to 2.', 'The mayor resigned the next day.'], actorId: user.id })
    expect(result.ok).toBe(true)
    const now = listArticleClaims({ articleId: article.id })
    expect(now.map((c) => c.quoteExact)).toEqual(['The council voted 7 to 2,', 'and the mayor resigned the next day.'])
    expect(now.map((c) => c.text)).toEqual(['The council voted 7 to 2.', 'The mayor resigned the next day.'])
    expect(getClaim({ id: original.id })).toBeUndefined()
    expect(listClaimEvents({ claimId: original.id }).at(-1)).toMatchObject({ kind: 'split' })
    expect(listClaimEvents({ claimId: now[0]!.id })[0]).toMatchObject({ kind: 'created', toValue: `split from #${original.id}` })
    expect(splitClaim({ id: original.id, version: 1, at: 5, texts: ['aaa', 'bbb'], actorId: user.id })).toMatchObject({ ok: false, reason: 'not_found' })
  })

  test('split refuses a point outside the claim and a stale version', async () => {
    const { claims } = makeArticleWithClaims({ sentences: ['Turnout rose to 61 percent in the 2022 election.'] })
    expect(splitClaim({ id: claims[0]!.id, version: 1, at: 0, texts: ['aaa', 'bbb'], actorId: null })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(splitClaim({ id: claims[0]!.id, version: 9, at: 5, texts: ['aaa', 'bbb'], actorId: null })).toMatchObject({ ok: false, reason: 'stale' })
  })

  test('merge spans both claims; claims of different articles are refused', () => {
    const { article, claims } = makeArticleWithClaims({ sentences: ['Prices rose 3 percent.', 'Wages rose 1 percent.'] })
    const result = mergeClaims({ first: { id: claims[1]!.id, version: 1 }, second: { id: claims[0]!.id, version: 1 }, actorId: null })
    expect(result.ok).toBe(true)
    const [merged] = listArticleClaims({ articleId: article.id })
    expect(merged!.quoteExact).toBe('Prices rose 3 percent. Wages rose 1 percent.')
    expect(merged!.text).toBe('Prices rose 3 percent; wages rose 1 percent.')
    const other = makeArticleWithClaims({ sentences: ['Another article claim here.'] })
    const same = makeArticleWithClaims({ sentences: ['One more claim in a third article.'] })
    expect(mergeClaims({ first: { id: other.claims[0]!.id, version: 1 }, second: { id: same.claims[0]!.id, version: 1 }, actorId: null })).toMatchObject({
      ok: false,
      reason: 'invalid',
    })
  })

  test('add by pasted quote finds the given occurrence; unknown words get a message', () => {
    const { article } = makeArticleWithClaims({ sentences: ['The bridge opened in 1958.', 'The bridge opened in 1958.'] })
    const second = addClaim({ articleId: article.id, actorId: null, quote: 'The bridge opened in 1958.', occurrence: 2 })
    expect(second.ok).toBe(true)
    const added = getClaim({ id: (second as { ids: number[] }).ids[0]! })!
    expect(added.anchorStart).toBe(27)
    expect(added.facets.dates.map((d) => d.value)).toEqual(['1958'])
    expect(listClaimEvents({ claimId: added.id })[0]).toMatchObject({ kind: 'created', toValue: 'manual' })
    expect(addClaim({ articleId: article.id, actorId: null, quote: 'not in the article' })).toMatchObject({ ok: false, reason: 'invalid' })
    const bySelection = addClaim({ articleId: article.id, actorId: null, start: 4, end: 10 })
    expect(bySelection.ok).toBe(true)
  })
})

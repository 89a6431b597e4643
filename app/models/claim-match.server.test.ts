import { beforeEach, expect, test } from 'vitest'
import { getDb } from '../../db/client.server'
import { useFreshDatabase } from '../../tests/db'
import { importArticle, listArticleClaims } from './article.server'
import { getClaimMatches } from './claim-match.server'

beforeEach(() => {
  useFreshDatabase()
})

test('a claim repeated in another article is linked once and listed from both sides', () => {
  const shared = 'The regional council approved a budget of $48.5 million for the harbour bridge on Tuesday.'
  const first = importArticle({ title: 'First', body: `Harbour news\n${shared} Local shops welcomed the decision.` })
  const second = importArticle({ title: 'Second', body: `Bridge report\nResidents gathered outside the hall. ${shared}` })
  const find = (articleId: number) => listArticleClaims({ articleId }).find((c) => c.text.includes('48.5 million'))!
  const a = find(first.article.id)
  const b = find(second.article.id)
  expect(getClaimMatches({ claimId: a.id })).toEqual([
    expect.objectContaining({ claimId: b.id, articleId: second.article.id, similarity: 1 }),
  ])
  expect(getClaimMatches({ claimId: b.id })).toEqual([
    { claimId: a.id, text: a.text, status: a.status, verdict: null, similarity: 1, articleId: first.article.id, articleTitle: 'First', evidenceCount: 0 },
  ])
  const rows = getDb().$client.prepare('select claim_id, matched_claim_id from claim_matches').all()
  expect(rows).toEqual([{ claim_id: Math.min(a.id, b.id), matched_claim_id: Math.max(a.id, b.id) }])
})

test('a different figure is a different claim', () => {
  importArticle({ title: 'First', body: 'The regional council approved a budget of $48.5 million for the harbour bridge on Tuesday.' })
  const second = importArticle({
    title: 'Second',
    body: 'The regional council approved a budget of $3 million for the harbour bridge on Tuesday.',
  })
  const claim = listArticleClaims({ articleId: second.article.id })[0]!
  expect(getClaimMatches({ claimId: claim.id })).toEqual([])
})

import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeArticleWithClaims, makeUser } from '../../tests/factories'
import { approveClaim, updateClaim } from './claim.server'
import { countExportClaims, iterateExportClaims } from './export.server'
import { evidence, sources } from '../../db/schema'
import type { DB } from '../../db/client.server'

let db: DB
beforeEach(() => {
  db = useFreshDatabase()
})

async function approvedClaims() {
  const reviewer = await makeUser({ name: 'Rita' })
  const editor = await makeUser({ role: 'editor', name: 'Eddie' })
  const a = makeArticleWithClaims({ title: 'First', sentences: ['One claim.', 'Two claim.', 'Three claim.'] })
  const b = makeArticleWithClaims({ title: 'Second', sentences: ['Four claim.'] })
  const verdicts = ['true', 'false', 'true', 'misleading'] as const
  const all = [...a.claims, ...b.claims]
  all.forEach((c, i) => {
    updateClaim({ id: c.id, version: 1, actor: reviewer, changes: { status: 'reviewed', verdict: verdicts[i], rationale: 'Checked.' } })
    if (i !== 1) approveClaim({ id: c.id, version: 2, editor: editor, policy: { allowSelfApproval: false } })
  })
  const source = db.insert(sources).values({ url: 'https://stats.example/t1', title: 'Table 1' }).returning().get()
  db.insert(evidence).values({ claimId: all[0]!.id, sourceId: source.id, stance: 'supports', excerpt: 'Row 3' }).run()
  return { a, b, all }
}

describe('iterateExportClaims', () => {
  test('exports approved claims by default, grouped by article in reading order, with evidence and names', async () => {
    const { a, b } = await approvedClaims()
    const out = [...iterateExportClaims({ status: 'approved' })]
    expect(out.map((c) => c.text)).toEqual(['One claim.', 'Three claim.', 'Four claim.'])
    expect(out.map((c) => c.article.id)).toEqual([a.article.id, a.article.id, b.article.id])
    expect(out[0]).toMatchObject({ verdictBy: 'Rita', approvedBy: 'Eddie', verdict: 'true' })
    expect(out[0]!.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(out[0]!.evidence).toEqual([
      expect.objectContaining({ stance: 'supports', excerpt: 'Row 3', source: expect.objectContaining({ url: 'https://stats.example/t1' }) }),
    ])
    expect(countExportClaims({ status: 'approved' })).toBe(3)
  })

  test('filters by status, verdict, article and date range', async () => {
    const { b } = await approvedClaims()
    expect([...iterateExportClaims({ status: 'reviewed' })].map((c) => c.text)).toEqual(['Two claim.'])
    expect([...iterateExportClaims({ status: 'all', verdict: 'true' })]).toHaveLength(2)
    expect([...iterateExportClaims({ status: 'approved', article: b.article.id })].map((c) => c.text)).toEqual(['Four claim.'])
    const today = new Date().toISOString().slice(0, 10)
    expect([...iterateExportClaims({ status: 'approved', from: today, to: today })]).toHaveLength(3)
    expect([...iterateExportClaims({ status: 'approved', to: '2000-01-01' })]).toHaveLength(0)
  })

  test('reads past one batch without repeating or skipping a claim', async () => {
    const sentences = Array.from({ length: 1203 }, (_, i) => `Claim number ${i}.`)
    makeArticleWithClaims({ sentences })
    const ids = [...iterateExportClaims({ status: 'unreviewed' })].map((c) => c.id)
    expect(ids).toHaveLength(1203)
    expect(new Set(ids).size).toBe(1203)
  })
})

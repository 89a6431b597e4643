import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeArticleWithClaims, makeUser } from '../../tests/factories'
import { approveClaim, updateClaim } from './claim.server'
import { countExportClaims, iterateExportClaims } from './export.server'
import { completeSnapshot, createPendingSnapshot } from './snapshot.server'
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

  test("each evidence source carries its newest good snapshot's time and SHA-256", async () => {
    await approvedClaims()
    const [first] = [...iterateExportClaims({ status: 'approved' })]
    expect(first!.evidence[0]!.source.snapshot).toBeNull()
    const sourceId = db.select().from(sources).get()!.id
    const ok = (sha256: string) => ({ status: 'ok' as const, finalUrl: 'https://stats.example/t1', httpStatus: 200, contentType: 'text/html', title: 'T', text: sha256, sha256, content: Buffer.from('x'), contentLength: 1 })
    completeSnapshot({ id: createPendingSnapshot({ sourceId })!.id, result: ok('1'.repeat(64)), fetchedAt: new Date('2026-01-01T00:00:00Z') })
    completeSnapshot({ id: createPendingSnapshot({ sourceId })!.id, result: ok('2'.repeat(64)), fetchedAt: new Date('2026-02-01T00:00:00Z') })
    completeSnapshot({ id: createPendingSnapshot({ sourceId })!.id, result: { status: 'failed', error: 'HTTP 500', httpStatus: 500, unreachable: false, finalUrl: null } })
    createPendingSnapshot({ sourceId })
    const [again] = [...iterateExportClaims({ status: 'approved' })]
    expect(again!.evidence[0]!.source.snapshot).toEqual({ fetchedAt: '2026-02-01T00:00:00.000Z', sha256: '2'.repeat(64) })
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

import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeArticleWithClaims, makeUser } from '../../tests/factories'
import { approveClaim, getClaim, listClaimEvents, reopenClaim, updateClaim } from './claim.server'
import { listCorrections } from './correction.server'
import { iterateExportClaims, listExportClaimIds, listExportRecords, recordExport } from './export.server'

beforeEach(() => {
  useFreshDatabase()
})

const strict = { allowSelfApproval: false }

async function approvedClaim() {
  const rita = await makeUser({ name: 'Rita' })
  const eddie = await makeUser({ name: 'Eddie', role: 'editor' })
  const { claims } = makeArticleWithClaims({ sentences: ['The bridge cost $48.5 million.', 'Turnout was 61 percent.'] })
  const claim = claims[0]!
  updateClaim({ id: claim.id, version: 1, actor: rita, changes: { status: 'reviewed', verdict: 'false', rationale: 'Budget says $52m.' } })
  approveClaim({ id: claim.id, version: 2, editor: eddie, policy: strict })
  return { rita, eddie, claim, other: claims[1]! }
}

describe('publication and corrections', () => {
  test('an export records the claims it contained and publishes the approved ones, once', async () => {
    const { claim, other } = await approvedClaim()
    expect(recordExport({ userId: null, filters: { format: 'json', status: 'all', excel: false } })).toBe(2)
    const [record] = listExportRecords()
    expect(record!.claimCount).toBe(2)
    expect(listExportClaimIds({ exportId: record!.id }).sort()).toEqual([claim.id, other.id].sort())
    const publishedAt = getClaim({ id: claim.id })!.publishedAt
    expect(publishedAt).toBeInstanceOf(Date)
    expect(getClaim({ id: other.id })!.publishedAt).toBeNull()
    recordExport({ userId: null, filters: { format: 'csv', status: 'approved', excel: false } })
    expect(getClaim({ id: claim.id })!.publishedAt).toEqual(publishedAt)
  })

  test('before publication a reopened claim changes freely', async () => {
    const { eddie, claim } = await approvedClaim()
    reopenClaim({ id: claim.id, version: 3, editor: eddie, note: 'Second look' })
    expect(updateClaim({ id: claim.id, version: 4, actor: eddie, changes: { verdict: 'misleading' } }).ok).toBe(true)
    expect(listCorrections()).toEqual([])
  })

  test('after publication a verdict or rationale change needs the public note and records a correction', async () => {
    const { rita, eddie, claim } = await approvedClaim()
    recordExport({ userId: eddie.id, filters: { format: 'json', status: 'approved', excel: false } })
    // Reopening and changing the verdict in one change, without the note: refused, nothing applied.
    const refused = updateClaim({ id: claim.id, version: 3, actor: eddie, changes: { status: 'reviewed', verdict: 'mostly_true' } })
    expect(refused).toMatchObject({ ok: false, reason: 'correction_required', fields: { correction: expect.any(String) } })
    expect(getClaim({ id: claim.id })).toMatchObject({ status: 'approved', version: 3 })
    expect(reopenClaim({ id: claim.id, version: 3, editor: eddie, note: 'The council revised the figure' }).ok).toBe(true)
    // Status and assignee changes are not corrections.
    expect(updateClaim({ id: claim.id, version: 4, actor: rita, changes: { assigneeId: rita.id } }).ok).toBe(true)
    const ok = updateClaim({
      id: claim.id,
      version: 5,
      actor: rita,
      changes: { verdict: 'mostly_true', rationale: 'The revised budget says $49m.' },
      correction: 'The council revised the budget to $49m; the claim is close.',
    })
    expect(ok.ok).toBe(true)
    const [c] = listCorrections()
    expect(c).toMatchObject({
      claimId: claim.id,
      oldVerdict: 'false',
      newVerdict: 'mostly_true',
      oldRationale: 'Budget says $52m.',
      newRationale: 'The revised budget says $49m.',
      note: 'The council revised the budget to $49m; the claim is close.',
      correctedBy: 'Rita',
    })
    expect(listClaimEvents({ claimId: claim.id }).find((e) => e.kind === 'correction')).toMatchObject({ fromValue: 'false', toValue: 'mostly_true', note: c!.note })
    const [exported] = [...iterateExportClaims({ status: 'all', article: claim.articleId })]
    expect(exported!.corrections).toEqual([{ at: c!.createdAt.toISOString(), oldVerdict: 'false', newVerdict: 'mostly_true', note: c!.note, by: 'Rita' }])
    expect(exported!.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })
})

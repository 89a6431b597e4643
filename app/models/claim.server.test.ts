import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeArticleWithClaims, makeUser } from '../../tests/factories'
import { approveClaim, getClaim, listClaimEvents, reopenClaim, sendBackClaim, updateClaim } from './claim.server'

/** Changes made without a signed-in person, as the system makes them. */
const system = { id: null, role: 'reviewer' } as const

beforeEach(() => {
  useFreshDatabase()
})

describe('updateClaim', () => {
  test('writes one event per changed field and bumps the version', async () => {
    const reviewer = await makeUser()
    const { claims } = makeArticleWithClaims({ sentences: ['The bridge cost $48.5 million.'] })
    const result = updateClaim({
      id: claims[0]!.id,
      version: 1,
      actor: reviewer,
      changes: { status: 'reviewed', verdict: 'false', rationale: 'The budget says $52m.' },
      note: 'checked the budget',
    })
    expect(result.ok).toBe(true)
    const claim = getClaim({ id: claims[0]!.id })!
    expect(claim).toMatchObject({ status: 'reviewed', verdict: 'false', version: 2, verdictById: reviewer.id })
    const events = listClaimEvents({ claimId: claim.id })
    expect(events.map((e) => [e.kind, e.fromValue, e.toValue])).toEqual([
      ['status', 'unreviewed', 'reviewed'],
      ['verdict', null, 'false'],
      ['rationale', '', 'The budget says $52m.'],
    ])
    expect(events.every((e) => e.note === 'checked the budget' && e.actorName === reviewer.name)).toBe(true)
  })

  test('of many updates from the same version exactly one succeeds', async () => {
    const reviewer = await makeUser()
    const { claims } = makeArticleWithClaims({ sentences: ['Turnout was 61 percent.'] })
    const results = Array.from({ length: 20 }, (_, i) =>
      updateClaim({ id: claims[0]!.id, version: 1, actor: reviewer, changes: { rationale: `note ${i}` } }),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.reason === 'stale')).toHaveLength(19)
    expect(listClaimEvents({ claimId: claims[0]!.id })).toHaveLength(1)
    expect(getClaim({ id: claims[0]!.id })!.version).toBe(2)
  })

  test('an unchanged value writes nothing', async () => {
    const { claims } = makeArticleWithClaims({ sentences: ['Nothing changes.'] })
    const result = updateClaim({ id: claims[0]!.id, version: 1, actor: system, changes: { status: 'unreviewed' } })
    expect(result).toMatchObject({ ok: true, changed: [] })
    expect(getClaim({ id: claims[0]!.id })!.version).toBe(1)
  })
})

describe('sign-off', () => {
  async function reviewedClaim() {
    const reviewer = await makeUser({ role: 'reviewer' })
    const editor = await makeUser({ role: 'editor' })
    const { claims } = makeArticleWithClaims({ sentences: ['Unemployment fell to 4 percent in 2023.'] })
    const id = claims[0]!.id
    updateClaim({ id, version: 1, actor: reviewer, changes: { status: 'reviewed', verdict: 'true', rationale: 'ONS data.' } })
    return { id, reviewer, editor }
  }

  test('an editor approves a claim someone else gave its verdict, and it is then locked', async () => {
    const { id, editor, reviewer } = await reviewedClaim()
    const result = approveClaim({ id, version: 2, editor: editor, policy: { allowSelfApproval: false } })
    expect(result.ok).toBe(true)
    const claim = getClaim({ id })!
    expect(claim).toMatchObject({ status: 'approved', approvedById: editor.id, version: 3 })
    expect(claim.approvedAt).toBeInstanceOf(Date)
    const locked = updateClaim({ id, version: 3, actor: reviewer, changes: { verdict: 'false' } })
    expect(locked).toMatchObject({ ok: false, reason: 'locked' })
    expect(getClaim({ id })!.verdict).toBe('true')
  })

  test('the four-eyes rule refuses approving your own verdict unless self-approval is allowed', async () => {
    const editor = await makeUser({ role: 'editor' })
    const { claims } = makeArticleWithClaims({ sentences: ['The river is 120 km long.'] })
    const id = claims[0]!.id
    updateClaim({ id, version: 1, actor: editor, changes: { status: 'reviewed', verdict: 'mostly_true', rationale: 'Atlas.' } })
    expect(approveClaim({ id, version: 2, editor: editor, policy: { allowSelfApproval: false } })).toMatchObject({
      ok: false,
      reason: 'self_approval',
    })
    expect(getClaim({ id })!.status).toBe('reviewed')
    expect(approveClaim({ id, version: 2, editor: editor, policy: { allowSelfApproval: true } }).ok).toBe(true)
  })

  test('only reviewed claims with a verdict can be approved', async () => {
    const editor = await makeUser({ role: 'editor' })
    const { claims } = makeArticleWithClaims({ sentences: ['A claim nobody reviewed.'] })
    expect(approveClaim({ id: claims[0]!.id, version: 1, editor: editor, policy: { allowSelfApproval: true } })).toMatchObject({
      ok: false,
      reason: 'not_reviewed',
    })
    expect(updateClaim({ id: claims[0]!.id, version: 1, actor: editor, changes: { status: 'approved' } })).toMatchObject({ ok: false, reason: 'not_reviewed' })
    expect(getClaim({ id: claims[0]!.id })).toMatchObject({ status: 'unreviewed', version: 1 })
  })

  test('sending back and reopening are recorded in the history with their notes', async () => {
    const { id, editor } = await reviewedClaim()
    expect(sendBackClaim({ id, version: 2, editor: editor, note: 'Find a second source' }).ok).toBe(true)
    expect(getClaim({ id })!.status).toBe('in_review')
    const events = listClaimEvents({ claimId: id })
    expect(events.at(-1)).toMatchObject({ kind: 'status', fromValue: 'reviewed', toValue: 'in_review', note: 'Find a second source' })

    const { id: id2, editor: editor2 } = await reviewedClaim()
    approveClaim({ id: id2, version: 2, editor: editor2, policy: { allowSelfApproval: false } })
    expect(reopenClaim({ id: id2, version: 3, editor: editor2, note: 'New figures published' }).ok).toBe(true)
    const claim = getClaim({ id: id2 })!
    expect(claim).toMatchObject({ status: 'reviewed', approvedById: null, approvedAt: null })
    expect(listClaimEvents({ claimId: id2 }).at(-1)).toMatchObject({
      kind: 'status',
      fromValue: 'approved',
      toValue: 'reviewed',
      note: 'New figures published',
    })
  })
})

describe('review rules', () => {
  test('a claim cannot become reviewed without a verdict and a rationale', async () => {
    const { claims } = makeArticleWithClaims({ sentences: ['The port handled 2 million containers.'] })
    const id = claims[0]!.id
    expect(updateClaim({ id, version: 1, actor: system, changes: { status: 'reviewed' } })).toMatchObject({
      ok: false,
      reason: 'incomplete',
      fields: { verdict: 'A reviewed claim needs a verdict', rationale: 'A reviewed claim needs a written rationale' },
    })
    expect(getClaim({ id })!.status).toBe('unreviewed')
    expect(updateClaim({ id, version: 1, actor: system, changes: { verdict: 'true', rationale: 'Port statistics.' } }).ok).toBe(true)
    expect(updateClaim({ id, version: 2, actor: system, changes: { status: 'reviewed' } }).ok).toBe(true)
    expect(updateClaim({ id, version: 3, actor: system, changes: { rationale: ' ' } })).toMatchObject({ reason: 'incomplete' })
  })
})

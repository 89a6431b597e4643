import { describe, expect, test } from 'vitest'
import {
  allowedStatuses,
  decideClaimChange,
  decideReopen,
  decideSendBack,
  decideSourceEdit,
  effectOfArticleCorrection,
  type ClaimState,
} from './rules'

const reviewer = { id: 1, role: 'reviewer' } as const
const editor = { id: 2, role: 'editor' } as const
const otherEditor = { id: 3, role: 'admin' } as const
const strict = { allowSelfApproval: false }

const claim = (over: Partial<ClaimState> = {}): ClaimState => ({
  status: 'unreviewed',
  verdict: null,
  rationale: '',
  verdictById: null,
  assigneeId: null,
  text: 'The bridge cost $48.5 million.',
  ...over,
})
const reviewed = claim({ status: 'reviewed', verdict: 'true', rationale: 'Budget table 3.', verdictById: reviewer.id })
const approved = { ...reviewed, status: 'approved' as const }

describe('allowedStatuses', () => {
  test('reviewers never approve; editors approve only reviewed claims and may take an approved one back', () => {
    expect(allowedStatuses(reviewer, 'reviewed')).not.toContain('approved')
    expect(allowedStatuses(reviewer, 'approved')).toEqual(['approved'])
    expect(allowedStatuses(editor, 'in_review')).not.toContain('approved')
    expect(allowedStatuses(editor, 'reviewed')).toContain('approved')
    expect(allowedStatuses(editor, 'approved')).toEqual(['approved', 'unreviewed', 'in_review', 'reviewed', 'discarded'])
  })
})

describe('decideClaimChange', () => {
  test('records the actor as the verdict setter when the verdict changes', () => {
    expect(decideClaimChange({ current: claim(), change: { verdict: 'false', rationale: 'x' }, actor: reviewer, policy: strict })).toEqual({
      ok: true,
      changed: ['verdict', 'rationale'],
      verdictById: reviewer.id,
      signOff: null,
    })
  })

  test('reviewed needs a verdict and a rationale that is not blank', () => {
    const refused = decideClaimChange({ current: claim({ verdict: 'true' }), change: { status: 'reviewed', rationale: '   ' }, actor: reviewer, policy: strict })
    expect(refused).toMatchObject({ ok: false, reason: 'incomplete', fields: { rationale: expect.any(String) } })
  })

  test('a reviewer cannot approve, nor reopen or change an approved claim', () => {
    expect(decideClaimChange({ current: reviewed, change: { status: 'approved' }, actor: reviewer, policy: strict })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(decideClaimChange({ current: approved, change: { status: 'reviewed' }, actor: reviewer, policy: strict })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(decideClaimChange({ current: approved, change: { rationale: 'more' }, actor: reviewer, policy: strict })).toMatchObject({ ok: false, reason: 'locked' })
  })

  test('four eyes: approving is judged on the verdict the same request sets', () => {
    expect(decideClaimChange({ current: reviewed, change: { status: 'approved' }, actor: editor, policy: strict })).toMatchObject({ ok: true, signOff: 'approve' })
    expect(decideClaimChange({ current: reviewed, change: { status: 'approved', verdict: 'false' }, actor: editor, policy: strict })).toMatchObject({
      ok: false,
      reason: 'self_approval',
    })
    expect(decideClaimChange({ current: reviewed, change: { status: 'approved', verdict: 'false' }, actor: editor, policy: { allowSelfApproval: true } })).toMatchObject({
      ok: true,
      verdictById: editor.id,
      signOff: 'approve',
    })
    const ownVerdict = { ...reviewed, verdictById: editor.id }
    expect(decideClaimChange({ current: ownVerdict, change: { status: 'approved' }, actor: editor, policy: strict })).toMatchObject({ reason: 'self_approval' })
    expect(decideClaimChange({ current: ownVerdict, change: { status: 'approved' }, actor: otherEditor, policy: strict })).toMatchObject({ ok: true })
  })

  test('only a reviewed claim is approved', () => {
    expect(decideClaimChange({ current: claim({ status: 'in_review', verdict: 'true', rationale: 'x' }), change: { status: 'approved' }, actor: editor, policy: strict })).toMatchObject({
      ok: false,
      reason: 'not_reviewed',
    })
  })

  test('an approved claim is locked unless an editor takes it out of approval, which reopens it', () => {
    expect(decideClaimChange({ current: approved, change: { verdict: 'false' }, actor: editor, policy: strict })).toMatchObject({ ok: false, reason: 'locked' })
    expect(decideClaimChange({ current: approved, change: { status: 'reviewed', rationale: '  ' }, actor: editor, policy: strict })).toMatchObject({
      ok: false,
      reason: 'incomplete',
    })
    expect(decideClaimChange({ current: approved, change: { status: 'in_review', verdict: 'false' }, actor: editor, policy: strict })).toEqual({
      ok: true,
      changed: ['status', 'verdict'],
      verdictById: editor.id,
      signOff: 'reopen',
    })
  })

  test('an unchanged value is no change, even on an approved claim', () => {
    expect(decideClaimChange({ current: approved, change: { status: 'approved', verdict: 'true' }, actor: reviewer, policy: strict })).toMatchObject({ ok: true, changed: [] })
  })
})

describe('sign-off steps', () => {
  test('send back needs an editor, a reviewed claim and a note', () => {
    expect(decideSendBack({ current: reviewed, actor: reviewer, note: 'x' })).toMatchObject({ reason: 'forbidden' })
    expect(decideSendBack({ current: claim(), actor: editor, note: 'x' })).toMatchObject({ reason: 'not_reviewed' })
    expect(decideSendBack({ current: reviewed, actor: editor, note: ' ' })).toMatchObject({ reason: 'note_required' })
    expect(decideSendBack({ current: reviewed, actor: editor, note: 'Second source' })).toMatchObject({ ok: true, changed: ['status'] })
  })

  test('reopen needs an editor, an approved claim and a note', () => {
    expect(decideReopen({ current: approved, actor: reviewer, note: 'x' })).toMatchObject({ reason: 'forbidden' })
    expect(decideReopen({ current: reviewed, actor: editor, note: 'x' })).toMatchObject({ reason: 'not_approved' })
    expect(decideReopen({ current: approved, actor: editor, note: 'New figures' })).toMatchObject({ ok: true, signOff: 'reopen' })
  })
})

describe('changes elsewhere', () => {
  test('a correction reopens an approved claim whose quote or exported article details change, and nothing else', () => {
    const base = { status: 'approved' as const, oldQuote: 'cost 14,000', changedDetails: [] }
    expect(effectOfArticleCorrection({ ...base, newQuote: 'cost 14,000' })).toEqual({ action: 'keep' })
    expect(effectOfArticleCorrection({ ...base, oldQuote: 'cafe\u0301', newQuote: 'caf\u00e9' })).toEqual({ action: 'keep' })
    expect(effectOfArticleCorrection({ ...base, newQuote: 'cost 4,000' })).toMatchObject({ action: 'reopen', cause: expect.stringContaining('“cost 4,000”') })
    expect(effectOfArticleCorrection({ ...base, newQuote: null })).toMatchObject({ action: 'reopen', cause: expect.stringContaining('no longer in it') })
    expect(effectOfArticleCorrection({ ...base, newQuote: 'cost 14,000', changedDetails: ['url', 'publishedAt'] })).toMatchObject({
      action: 'reopen',
      cause: expect.stringContaining('URL and publication date'),
    })
    expect(effectOfArticleCorrection({ ...base, status: 'reviewed', newQuote: null })).toEqual({ action: 'keep' })
  })

  test('a source cited by approved claims keeps its exported fields; notes may change', () => {
    expect(decideSourceEdit({ changedFields: ['url'], approvedClaimIds: [4, 9] })).toMatchObject({
      ok: false,
      reason: 'locked',
      message: expect.stringContaining('#4, #9'),
      fields: { url: expect.any(String) },
    })
    expect(decideSourceEdit({ changedFields: ['notes', 'accessedAt'], approvedClaimIds: [4] })).toEqual({ ok: true })
    expect(decideSourceEdit({ changedFields: ['url'], approvedClaimIds: [] })).toEqual({ ok: true })
  })
})

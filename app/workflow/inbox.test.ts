import { describe, expect, test } from 'vitest'
import { decideCorrection } from './corrections'
import { inboxOfClaimChange, inboxOfMentions, inboxOfSendBack } from './inbox'

describe('inbox rules', () => {
  test('a new assignee is told unless they assigned themselves; the previous one is settled', () => {
    const change = { before: { status: 'in_review', assigneeId: 1 }, after: { status: 'in_review', assigneeId: 2 }, changed: ['assigneeId'], editorIds: [] } as const
    expect(inboxOfClaimChange({ ...change, actorId: 9 })).toEqual({ notify: [{ userId: 2, kind: 'assigned' }], settle: [{ kind: 'assigned', userId: 1 }] })
    expect(inboxOfClaimChange({ ...change, actorId: 2 }).notify).toEqual([])
  })

  test('a reviewed claim awaits every editor but the one who made it reviewed; leaving reviewed settles that', () => {
    const toReviewed = inboxOfClaimChange({
      before: { status: 'in_review', assigneeId: null },
      after: { status: 'reviewed', assigneeId: null },
      changed: ['status', 'verdict'],
      actorId: 5,
      editorIds: [5, 6, 7],
    })
    expect(toReviewed.notify.map((n) => [n.userId, n.kind])).toEqual([
      [6, 'awaiting_signoff'],
      [7, 'awaiting_signoff'],
    ])
    const approved = inboxOfClaimChange({ before: { status: 'reviewed', assigneeId: 3 }, after: { status: 'approved', assigneeId: 3 }, changed: ['status'], actorId: 6, editorIds: [] })
    expect(approved.settle).toEqual([
      { kind: 'awaiting_signoff', userId: null },
      { kind: 'assigned', userId: null },
    ])
  })

  test('sent back: the assignee and the verdict setter are told once each with the note, never the editor', () => {
    expect(inboxOfSendBack({ claim: { assigneeId: 3, verdictById: 3 }, editorId: 6, note: 'Needs a second source' })).toEqual([{ userId: 3, kind: 'sent_back', note: 'Needs a second source' }])
    expect(inboxOfSendBack({ claim: { assigneeId: 6, verdictById: 4 }, editorId: 6, note: 'x' }).map((n) => n.userId)).toEqual([4])
  })

  test('mentions skip the author and those already told', () => {
    expect(inboxOfMentions({ mentioned: [1, 2, 3], authorId: 2, alreadyTold: [3] })).toEqual([{ userId: 1, kind: 'mention' }])
  })
})

describe('corrections', () => {
  const published = { publishedAt: new Date('2026-11-01') }
  test('a published claim’s verdict or rationale changes only with a note', () => {
    expect(decideCorrection({ claim: published, changed: ['verdict'], note: undefined })).toMatchObject({ ok: false, reason: 'correction_required', fields: { correction: expect.any(String) } })
    expect(decideCorrection({ claim: published, changed: ['rationale'], note: '   ' })).toMatchObject({ ok: false })
    expect(decideCorrection({ claim: published, changed: ['verdict'], note: 'The figure was revised.' })).toEqual({ ok: true, correction: true })
  })

  test('other changes, and changes before publication, are not corrections', () => {
    expect(decideCorrection({ claim: published, changed: ['status', 'assigneeId'], note: undefined })).toEqual({ ok: true, correction: false })
    expect(decideCorrection({ claim: { publishedAt: null }, changed: ['verdict'], note: undefined })).toEqual({ ok: true, correction: false })
  })
})

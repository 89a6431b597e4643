import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeArticleWithClaims, makeUser } from '../../tests/factories'
import { approveClaim, getClaim, listClaimEvents, updateClaim } from './claim.server'
import { addComment, deleteComment, editComment, listComments } from './comment.server'
import { countUnreadInbox, listInbox, markAllInboxRead, markInboxRead } from './inbox.server'

beforeEach(() => {
  useFreshDatabase()
})

describe('comments', () => {
  test('a comment is in the thread and the history, mentions reach the inbox of active users only, not the author', async () => {
    const rita = await makeUser({ email: 'rita@example.test', name: 'Rita' })
    const eddie = await makeUser({ email: 'eddie@example.test', name: 'Eddie', role: 'editor' })
    const { claims } = makeArticleWithClaims({ sentences: ['Turnout was 61 percent.'] })
    const claimId = claims[0]!.id
    const result = addComment({ claimId, author: rita, body: '@eddie can you check the census table? @rita note to self. @nobody' })
    expect(result.ok).toBe(true)
    const [comment] = listComments({ claimId })
    expect(comment).toMatchObject({ authorName: 'Rita', deleted: false })
    expect(comment!.mentions).toHaveLength(2)
    expect(comment!.mentions).toEqual(expect.arrayContaining([{ userId: eddie.id, handle: '@eddie' }, { userId: rita.id, handle: '@rita' }]))
    expect(listClaimEvents({ claimId }).at(-1)).toMatchObject({ kind: 'comment_added', actorName: 'Rita' })
    expect(countUnreadInbox({ userId: eddie.id })).toBe(1)
    expect(countUnreadInbox({ userId: rita.id })).toBe(0)
    expect(listInbox({ userId: eddie.id })[0]).toMatchObject({ kind: 'mention', claimId, commentId: comment!.id, actorName: 'Rita', read: false })
    // The claim itself is untouched: discussion does not conflict with review edits.
    expect(getClaim({ id: claimId })!.version).toBe(1)
  })

  test('an approved claim stays open for comments', async () => {
    const rita = await makeUser()
    const eddie = await makeUser({ role: 'editor' })
    const { claims } = makeArticleWithClaims({ sentences: ['The bridge cost $48.5 million.'] })
    updateClaim({ id: claims[0]!.id, version: 1, actor: rita, changes: { status: 'reviewed', verdict: 'false', rationale: 'Budget says $52m.' } })
    expect(approveClaim({ id: claims[0]!.id, version: 2, editor: eddie, policy: { allowSelfApproval: false } }).ok).toBe(true)
    expect(addComment({ claimId: claims[0]!.id, author: eddie, body: 'Published today.' }).ok).toBe(true)
  })

  test('only the author edits or deletes; an edit tells only newly mentioned users; a deletion leaves a marker and settles its mentions', async () => {
    const rita = await makeUser({ email: 'rita@example.test' })
    const eddie = await makeUser({ email: 'eddie@example.test', role: 'editor' })
    const ada = await makeUser({ email: 'ada@example.test', role: 'admin' })
    const { claims } = makeArticleWithClaims({ sentences: ['Turnout was 61 percent.'] })
    const claimId = claims[0]!.id
    const added = addComment({ claimId, author: rita, body: 'cc @eddie' })
    if (!added.ok) throw new Error('not added')
    const id = added.comment.id
    expect(editComment({ id, claimId, actor: eddie, body: 'mine now' })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(editComment({ id, claimId, actor: rita, body: 'cc @eddie and @ada' })).toMatchObject({ ok: true, comment: { body: 'cc @eddie and @ada' } })
    expect(countUnreadInbox({ userId: eddie.id })).toBe(1)
    expect(countUnreadInbox({ userId: ada.id })).toBe(1)
    expect(listComments({ claimId })[0]!.editedAt).not.toBeNull()
    expect(deleteComment({ id, claimId, actor: ada })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(deleteComment({ id, claimId, actor: rita })).toMatchObject({ ok: true, comment: { deleted: true, body: '' } })
    expect(editComment({ id, claimId, actor: rita, body: 'back' })).toMatchObject({ ok: false, reason: 'locked' })
    expect(countUnreadInbox({ userId: eddie.id })).toBe(0)
    expect(listClaimEvents({ claimId }).map((e) => e.kind).slice(-3)).toEqual(['comment_added', 'comment_edited', 'comment_deleted'])
    // A comment of another claim is not found through this one.
    const other = makeArticleWithClaims({ sentences: ['Another claim.'] }).claims[0]!
    expect(deleteComment({ id, claimId: other.id, actor: rita })).toMatchObject({ ok: false, reason: 'not_found' })
  })
})

describe('inbox', () => {
  test('assigned, awaiting an editor, sent back with the note; settled items leave; read one by one or all', async () => {
    const rita = await makeUser({ name: 'Rita' })
    const eddie = await makeUser({ name: 'Eddie', role: 'editor' })
    const { claims } = makeArticleWithClaims({ sentences: ['Turnout was 61 percent.', 'Prices rose 4 percent.'] })
    const [a, b] = claims as [(typeof claims)[0], (typeof claims)[0]]
    updateClaim({ id: a.id, version: 1, actor: eddie, changes: { assigneeId: rita.id } })
    expect(listInbox({ userId: rita.id }).map((i) => i.kind)).toEqual(['assigned'])
    updateClaim({ id: a.id, version: 2, actor: rita, changes: { status: 'reviewed', verdict: 'true', rationale: 'Census table.' } })
    expect(listInbox({ userId: eddie.id }).map((i) => i.kind)).toEqual(['awaiting_signoff'])
    const { sendBackClaim } = await import('./claim.server')
    expect(sendBackClaim({ id: a.id, version: 3, editor: eddie, note: 'Cite the table row.' }).ok).toBe(true)
    expect(listInbox({ userId: eddie.id })).toEqual([])
    expect(listInbox({ userId: rita.id }).map((i) => [i.kind, i.note, i.actorName])).toEqual([
      ['sent_back', 'Cite the table row.', 'Eddie'],
      ['assigned', '', 'Eddie'],
    ])
    updateClaim({ id: b.id, version: 1, actor: eddie, changes: { assigneeId: rita.id } })
    expect(countUnreadInbox({ userId: rita.id })).toBe(3)
    const newest = listInbox({ userId: rita.id })[0]!
    expect(markInboxRead({ userId: eddie.id, id: newest.id })).toBe(false)
    expect(markInboxRead({ userId: rita.id, id: newest.id })).toBe(true)
    expect(countUnreadInbox({ userId: rita.id })).toBe(2)
    expect(listInbox({ userId: rita.id, unread: true })).toHaveLength(2)
    expect(markAllInboxRead({ userId: rita.id })).toBe(2)
    expect(countUnreadInbox({ userId: rita.id })).toBe(0)
    // Reassigned away: the item no longer needs Rita.
    updateClaim({ id: b.id, version: 2, actor: eddie, changes: { assigneeId: eddie.id } })
    expect(listInbox({ userId: rita.id }).filter((i) => i.claimId === b.id)).toEqual([])
  })
})

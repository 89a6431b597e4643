import { describe, expect, test } from 'vitest'
import { decideCommentChange, findMentions, handlesOf, mayComment, resolveMentions } from './comments'

const users = [
  { id: 1, email: 'editor@example.com' },
  { id: 2, email: 'anna@example.com' },
  { id: 3, email: 'anna@example.org' },
  { id: 4, email: 'rita.reviewer@example.com' },
]

describe('handles', () => {
  test('the email local part, or the whole address when two users share it', () => {
    const h = handlesOf(users)
    expect([...h.values()]).toEqual(['editor', 'anna@example.com', 'anna@example.org', 'rita.reviewer'])
  })

  test('mentions are found after spaces and punctuation, not inside email addresses; a trailing dot is not part of them', () => {
    expect(findMentions('@editor please look. cc (@rita.reviewer). mail me at me@editor.com or @anna@example.org.').map((m) => m.handle)).toEqual([
      'editor',
      'rita.reviewer',
      'anna@example.org',
    ])
    const text = 'Ask @Editor.'
    const [m] = findMentions(text)
    expect(text.slice(m!.start, m!.end)).toBe('@Editor')
  })

  test('resolves handles and whole addresses to users once each; an ambiguous local part names nobody', () => {
    expect(resolveMentions('@editor and @EDITOR, @anna, @anna@example.org, @editor@example.com and @nobody', users)).toEqual([
      { userId: 1, handle: '@editor' },
      { userId: 3, handle: '@anna@example.org' },
    ])
  })
})

describe('who may comment and change a comment', () => {
  test('every role comments', () => {
    expect((['reviewer', 'editor', 'admin'] as const).every((role) => mayComment({ role }))).toBe(true)
  })

  test('only the author edits or deletes, and not once deleted', () => {
    const comment = { authorId: 7, deletedAt: null }
    expect(decideCommentChange({ id: 7 }, comment, 'edit').ok).toBe(true)
    expect(decideCommentChange({ id: 8 }, comment, 'delete')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(decideCommentChange({ id: 7 }, { authorId: 7, deletedAt: new Date() }, 'edit')).toMatchObject({ ok: false, reason: 'locked' })
  })
})

/**
 * The discussion on a claim: who may comment, who may change a comment, and how `@handle`
 * mentions name users. Pure.
 */
import type { Refusal } from './rules'
import { hasRole, type Role } from './vocabulary'

export const COMMENT_MAX_LENGTH = 10_000

/**
 * Reviewers, editors and admins may comment on any claim. Comments are not claim work: an
 * approved (locked) claim stays open for discussion, and commenting does not change its version.
 */
export function mayComment(actor: { role: Role }) {
  return hasRole(actor, 'reviewer')
}

/** Only a comment's author edits or deletes it, and a deleted comment stays deleted. */
export function decideCommentChange(
  actor: { id: number | null },
  comment: { authorId: number | null; deletedAt: Date | null },
  what: 'edit' | 'delete',
): { ok: true } | Refusal {
  if (comment.deletedAt) return { ok: false, reason: 'locked', message: 'That comment was deleted.' }
  if (actor.id === null || comment.authorId !== actor.id) {
    return { ok: false, reason: 'forbidden', message: `Only its author may ${what} a comment.` }
  }
  return { ok: true }
}

export type HandleUser = { id: number; email: string }

function localPart(email: string) {
  const at = email.lastIndexOf('@')
  return (at === -1 ? email : email.slice(0, at)).toLowerCase()
}

/**
 * Each user's handle: the part of their email before the @ (`editor` for editor@example.com),
 * or, when another user's email has the same part, the whole address
 * (`anna@example.com` and `anna@example.org`), so a handle always names one person. Every user
 * counts, deactivated ones too, so a handle does not change when someone is deactivated.
 */
export function handlesOf(users: readonly HandleUser[]): Map<number, string> {
  const counts = new Map<string, number>()
  for (const u of users) counts.set(localPart(u.email), (counts.get(localPart(u.email)) ?? 0) + 1)
  return new Map(users.map((u) => [u.id, counts.get(localPart(u.email))! > 1 ? u.email.toLowerCase() : localPart(u.email)]))
}

/**
 * `@handle` or `@whole@address` after a start of text, space or punctuation (so an email
 * address in the text is not a mention). A trailing dot ends a sentence, not a handle.
 */
const MENTION = /(^|[^\p{L}\p{N}_.@+-])@([\p{L}\p{N}._%+-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu

export type MentionSpan = { handle: string; start: number; end: number }

/** The `@…` spans of a text, in order; `start` is at the @, `handle` without it and lower-cased. */
export function findMentions(text: string): MentionSpan[] {
  const spans: MentionSpan[] = []
  for (const m of text.matchAll(MENTION)) {
    const raw = m[2]!.replace(/[.]+$/, '')
    if (!raw) continue
    const start = m.index! + m[1]!.length
    spans.push({ handle: raw.toLowerCase(), start, end: start + 1 + raw.length })
  }
  return spans
}

/**
 * The users a text mentions, once each, in order of first mention. A handle names a user by
 * `handlesOf`; a whole address names its user even when the local part alone would do.
 */
export function resolveMentions(text: string, users: readonly HandleUser[]): { userId: number; handle: string }[] {
  const handles = handlesOf(users)
  const byHandle = new Map<string, number>()
  for (const u of users) {
    byHandle.set(handles.get(u.id)!, u.id)
    byHandle.set(u.email.toLowerCase(), u.id)
  }
  const seen = new Set<number>()
  const out: { userId: number; handle: string }[] = []
  for (const span of findMentions(text)) {
    const id = byHandle.get(span.handle)
    if (id === undefined || seen.has(id)) continue
    seen.add(id)
    out.push({ userId: id, handle: `@${span.handle}` })
  }
  return out
}

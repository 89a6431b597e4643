import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { getDb, writeTransaction } from '../../db/client.server'
import { claimEvents, claims, commentMentions, comments, users } from '../../db/schema'
import { decideCommentChange, handlesOf, inboxOfMentions, mayComment, resolveMentions, type Refusal, type Role } from '../workflow'
import { notifyInbox, settleCommentInbox, usersToldAboutComment } from './inbox.server'

export type CommentActor = { id: number; role: Role }

/** Every user with their handle (see handlesOf): for mentions and the autocomplete. */
export function listUserHandles() {
  const all = getDb().select({ id: users.id, email: users.email, name: users.name, active: users.active }).from(users).orderBy(asc(users.name)).all()
  const handles = handlesOf(all)
  return all.map((u) => ({ ...u, handle: handles.get(u.id)! }))
}

/** Who a text mentions, among active users. */
function mentionsIn(body: string) {
  const all = listUserHandles()
  const active = new Set(all.filter((u) => u.active).map((u) => u.id))
  return resolveMentions(body, all).filter((m) => active.has(m.userId))
}

export type CommentView = {
  id: number
  claimId: number
  authorId: number | null
  authorName: string | null
  /** Empty for a deleted comment. */
  body: string
  deleted: boolean
  createdAt: Date
  editedAt: Date | null
  deletedAt: Date | null
  mentions: { userId: number; handle: string }[]
}

/** A claim's discussion, oldest first; a deleted comment is a marker without its text. */
export function listComments({ claimId }: { claimId: number }): CommentView[] {
  const db = getDb()
  const rows = db
    .select({ c: comments, authorName: users.name })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.claimId, claimId))
    .orderBy(asc(comments.id))
    .all()
  const ids = rows.map((r) => r.c.id)
  const mentionRows = ids.length ? db.select().from(commentMentions).where(inArray(commentMentions.commentId, ids)).all() : []
  return rows.map(({ c, authorName }) => ({
    id: c.id,
    claimId: c.claimId,
    authorId: c.authorId,
    authorName,
    body: c.deletedAt ? '' : c.body,
    deleted: c.deletedAt !== null,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    deletedAt: c.deletedAt,
    mentions: c.deletedAt ? [] : mentionRows.filter((m) => m.commentId === c.id).map((m) => ({ userId: m.userId, handle: m.handle })),
  }))
}

export function getComment({ id }: { id: number }): CommentView | undefined {
  const row = getDb().select({ claimId: comments.claimId }).from(comments).where(eq(comments.id, id)).get()
  return row ? listComments({ claimId: row.claimId }).find((c) => c.id === id) : undefined
}

type CommentResult = { ok: true; comment: CommentView } | { ok: false; reason: 'not_found' } | Refusal

/** The first words of a comment, for the claim's history. */
function gist(body: string) {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat
}

/**
 * Adds a comment to a claim (approved ones included), records it in the claim's history and puts
 * a mention in the inbox of each active user it names — all in one transaction.
 */
export function addComment({ claimId, author, body }: { claimId: number; author: CommentActor; body: string }): CommentResult {
  if (!mayComment(author)) return { ok: false, reason: 'forbidden', message: 'Commenting needs the reviewer role.' }
  const db = getDb()
  const id = writeTransaction(() => {
    const claim = db.select({ id: claims.id }).from(claims).where(and(eq(claims.id, claimId), isNull(claims.deletedAt))).get()
    if (!claim) return null
    const comment = db.insert(comments).values({ claimId, authorId: author.id, body }).returning().get()
    const mentions = mentionsIn(body)
    if (mentions.length) db.insert(commentMentions).values(mentions.map((m) => ({ commentId: comment.id, ...m }))).run()
    db.insert(claimEvents).values({ claimId, actorId: author.id, kind: 'comment_added', toValue: gist(body) }).run()
    notifyInbox({ claimId, actorId: author.id, commentId: comment.id, notices: inboxOfMentions({ mentioned: mentions.map((m) => m.userId), authorId: author.id }) })
    return comment.id
  })
  if (id === null) return { ok: false, reason: 'not_found' }
  return { ok: true, comment: getComment({ id })! }
}

function loadForChange(id: number, claimId: number) {
  return getDb()
    .select()
    .from(comments)
    .where(and(eq(comments.id, id), eq(comments.claimId, claimId)))
    .get()
}

/** The author edits their comment; newly mentioned users are told, the history keeps both texts. */
export function editComment({ id, claimId, actor, body }: { id: number; claimId: number; actor: CommentActor; body: string }): CommentResult {
  const db = getDb()
  const result = writeTransaction((): CommentResult | { ok: true; id: number } => {
    const current = loadForChange(id, claimId)
    if (!current) return { ok: false, reason: 'not_found' }
    const decision = decideCommentChange(actor, current, 'edit')
    if (!decision.ok) return decision
    if (current.body === body) return { ok: true, id }
    db.update(comments).set({ body, editedAt: new Date() }).where(eq(comments.id, id)).run()
    const mentions = mentionsIn(body)
    db.delete(commentMentions).where(eq(commentMentions.commentId, id)).run()
    if (mentions.length) db.insert(commentMentions).values(mentions.map((m) => ({ commentId: id, ...m }))).run()
    db.insert(claimEvents).values({ claimId, actorId: actor.id, kind: 'comment_edited', fromValue: gist(current.body), toValue: gist(body) }).run()
    const alreadyTold = usersToldAboutComment({ commentId: id })
    notifyInbox({ claimId, actorId: actor.id, commentId: id, notices: inboxOfMentions({ mentioned: mentions.map((m) => m.userId), authorId: actor.id, alreadyTold }) })
    return { ok: true, id }
  })
  if (!result.ok) return result
  return { ok: true, comment: getComment({ id })! }
}

/** The author deletes their comment: its text goes, a marker and the history entry stay. */
export function deleteComment({ id, claimId, actor }: { id: number; claimId: number; actor: CommentActor }): CommentResult {
  const db = getDb()
  const result = writeTransaction((): CommentResult | { ok: true; id: number } => {
    const current = loadForChange(id, claimId)
    if (!current) return { ok: false, reason: 'not_found' }
    const decision = decideCommentChange(actor, current, 'delete')
    if (!decision.ok) return decision
    db.update(comments).set({ deletedAt: new Date() }).where(eq(comments.id, id)).run()
    db.delete(commentMentions).where(eq(commentMentions.commentId, id)).run()
    db.insert(claimEvents).values({ claimId, actorId: actor.id, kind: 'comment_deleted', fromValue: gist(current.body) }).run()
    settleCommentInbox({ commentId: id })
    return { ok: true, id }
  })
  if (!result.ok) return result
  return { ok: true, comment: getComment({ id })! }
}

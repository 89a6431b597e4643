import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { getDb } from '../../db/client.server'
import { claims, comments, evidence, inboxItems, sourceSnapshots, users } from '../../db/schema'
import { hasRole, inboxOfSourceChange, type ClaimStatus, type InboxKind, type InboxNotice, type InboxSettle } from '../workflow'

/** Writes inbox items for one claim (inside the caller's transaction: one connection, one transaction). */
export function notifyInbox({ claimId, actorId, commentId = null, notices }: { claimId: number; actorId: number | null; commentId?: number | null; notices: InboxNotice[] }) {
  if (notices.length === 0) return
  getDb()
    .insert(inboxItems)
    .values(notices.map((n) => ({ userId: n.userId, kind: n.kind, claimId, commentId, actorId, note: n.note ?? '' })))
    .run()
}

/** Marks a claim's open items of a kind (for one user, or all) as no longer needing anyone. */
export function settleInbox({ claimId, settle }: { claimId: number; settle: InboxSettle[] }) {
  const db = getDb()
  for (const s of settle) {
    db.update(inboxItems)
      .set({ resolvedAt: new Date() })
      .where(and(eq(inboxItems.claimId, claimId), eq(inboxItems.kind, s.kind), isNull(inboxItems.resolvedAt), s.userId === null ? undefined : eq(inboxItems.userId, s.userId)))
      .run()
  }
}

/** Active editors and admins: who is told that a claim awaits sign-off. */
export function listEditorIds(): number[] {
  return getDb()
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .all()
    .filter((u) => hasRole(u, 'editor'))
    .map((u) => u.id)
}

const open = (userId: number) => and(eq(inboxItems.userId, userId), isNull(inboxItems.resolvedAt), isNull(claims.deletedAt))

export type InboxItem = {
  id: number
  kind: InboxKind
  claimId: number
  claimText: string
  claimStatus: ClaimStatus
  commentId: number | null
  commentBody: string | null
  commentDeleted: boolean
  actorName: string | null
  note: string
  read: boolean
  createdAt: Date
}

/** What needs a user, newest first: open items (not settled by a later change) of claims that still exist. */
export function listInbox({ userId, unread = false, limit = 100, before }: { userId: number; unread?: boolean; limit?: number; before?: number }): InboxItem[] {
  const rows = getDb()
    .select({
      id: inboxItems.id,
      kind: inboxItems.kind,
      claimId: inboxItems.claimId,
      claimText: claims.text,
      claimStatus: claims.status,
      commentId: inboxItems.commentId,
      commentBody: comments.body,
      commentDeletedAt: comments.deletedAt,
      actorName: users.name,
      note: inboxItems.note,
      readAt: inboxItems.readAt,
      createdAt: inboxItems.createdAt,
    })
    .from(inboxItems)
    .innerJoin(claims, eq(claims.id, inboxItems.claimId))
    .leftJoin(comments, eq(comments.id, inboxItems.commentId))
    .leftJoin(users, eq(users.id, inboxItems.actorId))
    .where(and(open(userId), unread ? isNull(inboxItems.readAt) : undefined, before ? lt(inboxItems.id, before) : undefined))
    .orderBy(desc(inboxItems.id))
    .limit(limit)
    .all()
  return rows.map(({ commentDeletedAt, readAt, ...r }) => ({
    ...r,
    commentBody: commentDeletedAt ? null : r.commentBody,
    commentDeleted: commentDeletedAt !== null,
    read: readAt !== null,
  }))
}

export function countUnreadInbox({ userId }: { userId: number }): number {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(inboxItems)
    .innerJoin(claims, eq(claims.id, inboxItems.claimId))
    .where(and(open(userId), isNull(inboxItems.readAt)))
    .get()
  return row?.n ?? 0
}

/** Marks one of the user's items read; false when it is not theirs or does not exist. */
export function markInboxRead({ userId, id, read = true }: { userId: number; id: number; read?: boolean }): boolean {
  const result = getDb()
    .update(inboxItems)
    .set({ readAt: read ? new Date() : null })
    .where(and(eq(inboxItems.id, id), eq(inboxItems.userId, userId)))
    .run()
  return result.changes === 1
}

/** Marks all the user's unread items read; returns how many. */
export function markAllInboxRead({ userId }: { userId: number }): number {
  return getDb()
    .update(inboxItems)
    .set({ readAt: new Date() })
    .where(and(eq(inboxItems.userId, userId), isNull(inboxItems.readAt)))
    .run().changes
}

/** The users already told about a comment (so an edit tells only those newly mentioned). */
export function usersToldAboutComment({ commentId }: { commentId: number }): number[] {
  return getDb()
    .select({ userId: inboxItems.userId })
    .from(inboxItems)
    .where(and(eq(inboxItems.commentId, commentId), inArray(inboxItems.kind, ['mention'])))
    .all()
    .map((r) => r.userId)
}

/** A deleted comment's mentions no longer need anyone. */
export function settleCommentInbox({ commentId }: { commentId: number }) {
  getDb().update(inboxItems).set({ resolvedAt: new Date() }).where(and(eq(inboxItems.commentId, commentId), isNull(inboxItems.resolvedAt))).run()
}

/**
 * After a link check of `sourceId` (inside its transaction): tells whoever added evidence citing it
 * that it changed or went away, or settles those items when it is unchanged again.
 */
export function noticeSourceChange({ sourceId, snapshotId, change }: { sourceId: number; snapshotId: number; change: 'unchanged' | 'changed' | 'gone' | null }) {
  const db = getDb()
  const previous = db
    .select({ change: sourceSnapshots.change })
    .from(sourceSnapshots)
    .where(and(eq(sourceSnapshots.sourceId, sourceId), lt(sourceSnapshots.id, snapshotId), inArray(sourceSnapshots.status, ['ok', 'failed'])))
    .orderBy(desc(sourceSnapshots.id))
    .limit(1)
    .get()
  const citations = db
    .select({ claimId: evidence.claimId, addedById: evidence.createdById })
    .from(evidence)
    .innerJoin(claims, eq(claims.id, evidence.claimId))
    .where(and(eq(evidence.sourceId, sourceId), isNull(evidence.deletedAt), isNull(claims.deletedAt)))
    .all()
  for (const step of inboxOfSourceChange({ change, previousChange: previous?.change ?? null, citations })) {
    settleInbox({ claimId: step.claimId, settle: step.settle })
    notifyInbox({ claimId: step.claimId, actorId: null, notices: step.notify })
  }
}

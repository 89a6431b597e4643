import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, lt, ne } from 'drizzle-orm'
import { getDb } from '../../db/client.server'
import { loginAttempts, sessions, users } from '../../db/schema'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

/** Session ids are random; only their SHA-256 is stored, so a copy of the database grants no sessions. */
function hashSessionId(id: string) {
  return createHash('sha256').update(id).digest('base64url')
}

export function createSession({ userId }: { userId: number }) {
  const id = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS)
  getDb().insert(sessions).values({ id: hashSessionId(id), userId, expiresAt }).run()
  return { id, expiresAt }
}

/** The active user of a live session, or undefined. */
export function getSessionUser({ sessionId }: { sessionId: string }) {
  return getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, hashSessionId(sessionId)),
        gt(sessions.expiresAt, new Date()),
        eq(users.active, true),
      ),
    )
    .get()
}

export function deleteSession({ sessionId }: { sessionId: string }) {
  getDb().delete(sessions).where(eq(sessions.id, hashSessionId(sessionId))).run()
}

/** Ends every session of a user, except optionally the one in use. */
export function deleteUserSessions({ userId, exceptSessionId }: { userId: number; exceptSessionId?: string }) {
  const db = getDb()
  const where = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, hashSessionId(exceptSessionId)))
    : eq(sessions.userId, userId)
  db.delete(sessions).where(where).run()
}

export function deleteExpiredSessions() {
  getDb().delete(sessions).where(lt(sessions.expiresAt, new Date())).run()
}

/** Failed sign-ins allowed before each further attempt must wait. */
export const FREE_ATTEMPTS = 5
const MAX_WAIT_MS = 15 * 60 * 1000
const FORGET_AFTER_MS = 60 * 60 * 1000

function waitFor(failures: number) {
  if (failures < FREE_ATTEMPTS) return 0
  return Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS))
}

/** Milliseconds the caller must still wait before trying any of these keys again. */
export function loginRetryAfter({ keys, now = Date.now() }: { keys: string[]; now?: number }) {
  const db = getDb()
  let wait = 0
  for (const key of keys) {
    const row = db.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get()
    if (!row) continue
    const last = row.lastFailureAt.getTime()
    if (now - last > FORGET_AFTER_MS) continue
    wait = Math.max(wait, last + waitFor(row.failures) - now)
  }
  return Math.max(0, wait)
}

export function recordLoginFailure({ keys, now = Date.now() }: { keys: string[]; now?: number }) {
  const db = getDb()
  for (const key of keys) {
    const row = db.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get()
    const stale = row && now - row.lastFailureAt.getTime() > FORGET_AFTER_MS
    db.insert(loginAttempts)
      .values({ key, failures: 1, lastFailureAt: new Date(now) })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: { failures: stale ? 1 : (row?.failures ?? 0) + 1, lastFailureAt: new Date(now) },
      })
      .run()
  }
}

export function clearLoginFailures({ keys }: { keys: string[] }) {
  const db = getDb()
  for (const key of keys) db.delete(loginAttempts).where(eq(loginAttempts.key, key)).run()
}

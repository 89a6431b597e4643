import { createHash, randomBytes } from 'node:crypto'
import { and, eq, lt, ne, sql } from 'drizzle-orm'
import { cachedStatement, getDb, writeTransaction } from '../../db/client.server'
import { loginAttempts, sessions, users } from '../../db/schema'
import type { Role } from '../workflow'

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

/**
 * The active user of a live session, or undefined. Every request asks this (the page and its
 * layout both), so it is one statement prepared once per connection rather than a query built each time.
 */
export function getSessionUser({ sessionId }: { sessionId: string }): { id: number; email: string; name: string; role: Role } | undefined {
  return cachedStatement(
    getDb().$client,
    `select u.id, u.email, u.name, u.role from sessions s inner join users u on u.id = s.user_id
     where s.id = ? and s.expires_at > ? and u.active = 1`,
  ).get(hashSessionId(sessionId), Date.now()) as { id: number; email: string; name: string; role: Role } | undefined
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

/** Failed sign-ins allowed for one account before each further attempt must wait. */
export const FREE_ATTEMPTS = 5
/** Failed sign-ins allowed from one client address (several people may share it) before it must wait. */
export const FREE_ATTEMPTS_PER_ADDRESS = 50
/** The first wait once the free failures are used up; each further failure doubles it. */
const FIRST_WAIT_MS = 30 * 1000
const MAX_WAIT_MS = 15 * 60 * 1000
const FORGET_AFTER_MS = 60 * 60 * 1000

/** A throttle key (`email:…`, `ip:…`, `password:…`) and the failures it allows before waits begin. */
export type AttemptKey = { key: string; free: number }

function waitFor(failures: number, free: number) {
  if (failures < free) return 0
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(30, failures - free))
}

const asKeys = (keys: (AttemptKey | string)[]) => keys.map((k) => (typeof k === 'string' ? { key: k, free: FREE_ATTEMPTS } : k))

/** Milliseconds the caller must still wait before trying any of these keys again. */
export function loginRetryAfter({ keys, now = Date.now() }: { keys: (AttemptKey | string)[]; now?: number }) {
  const db = getDb()
  let wait = 0
  for (const { key, free } of asKeys(keys)) {
    const row = db.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get()
    if (!row) continue
    const last = row.lastFailureAt.getTime()
    if (now - last > FORGET_AFTER_MS) continue
    wait = Math.max(wait, last + waitFor(row.failures, free) - now)
  }
  return Math.max(0, wait)
}

/**
 * Takes one attempt for these keys before the password is checked, in one write transaction: if
 * any key must still wait, nothing is counted and the wait is returned; otherwise every key counts
 * the attempt as a failure until `settleAttempt` says it succeeded. Parallel requests therefore
 * see each other's attempts (one process or several), and at most the free number of checks run.
 */
export function takeLoginAttempt({ keys, now = Date.now() }: { keys: (AttemptKey | string)[]; now?: number }): { ok: true } | { ok: false; waitMs: number } {
  const list = asKeys(keys)
  return writeTransaction((tx) => {
    let wait = 0
    const rows = list.map(({ key, free }) => {
      const row = tx.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get()
      const stale = !row || now - row.lastFailureAt.getTime() > FORGET_AFTER_MS
      if (!stale) wait = Math.max(wait, row.lastFailureAt.getTime() + waitFor(row.failures, free) - now)
      return { key, failures: stale ? 0 : row.failures }
    })
    if (wait > 0) return { ok: false as const, waitMs: wait }
    for (const { key, failures } of rows) {
      tx.insert(loginAttempts)
        .values({ key, failures: failures + 1, lastFailureAt: new Date(now) })
        .onConflictDoUpdate({ target: loginAttempts.key, set: { failures: failures + 1, lastFailureAt: new Date(now) } })
        .run()
    }
    return { ok: true as const }
  })
}

/**
 * After a successful check: the account's count starts again (`clear`), and the other keys (the
 * address) take back the attempt `takeLoginAttempt` counted.
 */
export function settleSuccessfulAttempt({ clear, release }: { clear: string[]; release: string[] }) {
  writeTransaction((tx) => {
    for (const key of clear) tx.delete(loginAttempts).where(eq(loginAttempts.key, key)).run()
    for (const key of release) {
      tx.update(loginAttempts)
        .set({ failures: sql`max(0, ${loginAttempts.failures} - 1)` })
        .where(eq(loginAttempts.key, key))
        .run()
    }
  })
}

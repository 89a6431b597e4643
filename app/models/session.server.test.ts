import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeUser } from '../../tests/factories'
import { setUserActive } from './user.server'
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  FREE_ATTEMPTS,
  getSessionUser,
  loginRetryAfter,
  settleSuccessfulAttempt,
  takeLoginAttempt,
} from './session.server'
import { eq } from 'drizzle-orm'
import { sessions } from '../../db/schema'
import type { DB } from '../../db/client.server'

let db: DB
beforeEach(() => {
  db = useFreshDatabase()
})

describe('sessions', () => {
  test('a session id resolves to its user, and only its hash is stored', async () => {
    const user = await makeUser()
    const { id } = createSession({ userId: user.id })
    expect(getSessionUser({ sessionId: id })).toMatchObject({ id: user.id, email: user.email })
    const stored = db.select().from(sessions).all()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.id).not.toBe(id)
    expect(getSessionUser({ sessionId: 'made-up' })).toBeUndefined()
  })

  test('logout, deactivation and ending all sessions stop a session working', async () => {
    const user = await makeUser()
    const a = createSession({ userId: user.id })
    const b = createSession({ userId: user.id })
    const c = createSession({ userId: user.id })
    deleteSession({ sessionId: a.id })
    expect(getSessionUser({ sessionId: a.id })).toBeUndefined()
    expect(getSessionUser({ sessionId: b.id })).toBeDefined()
    deleteUserSessions({ userId: user.id, exceptSessionId: c.id })
    expect(getSessionUser({ sessionId: b.id })).toBeUndefined()
    expect(getSessionUser({ sessionId: c.id })).toBeDefined()
    setUserActive({ id: user.id, active: false })
    expect(getSessionUser({ sessionId: c.id })).toBeUndefined()
  })

  test('a live session resolves to exactly the public fields of its user; an expired one to nobody', async () => {
    const user = await makeUser({ role: 'editor' })
    const { id } = createSession({ userId: user.id })
    expect(getSessionUser({ sessionId: id })).toEqual({ id: user.id, email: user.email, name: user.name, role: 'editor' })
    db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id)).run()
    expect(getSessionUser({ sessionId: id })).toBeUndefined()
  })
})

describe('sign-in throttling', () => {
  const keys = ['email:a@example.test']
  test('allows a few failures, then makes each further attempt wait longer', () => {
    const t0 = 1_000_000_000
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) takeLoginAttempt({ keys, now: t0 })
    expect(loginRetryAfter({ keys, now: t0 })).toBe(0)
    takeLoginAttempt({ keys, now: t0 })
    expect(loginRetryAfter({ keys, now: t0 })).toBe(30_000)
    takeLoginAttempt({ keys, now: t0 + 30_000 })
    expect(loginRetryAfter({ keys, now: t0 + 30_000 })).toBe(60_000)
    expect(loginRetryAfter({ keys, now: t0 + 90_000 })).toBe(0)
    settleSuccessfulAttempt({ clear: keys, release: [] })
    expect(loginRetryAfter({ keys, now: t0 + 1000 })).toBe(0)
  })

  test('forgets failures after an hour', () => {
    const t0 = 1_000_000_000
    for (let i = 0; i < 10; i++) takeLoginAttempt({ keys, now: t0 })
    expect(loginRetryAfter({ keys, now: t0 })).toBeGreaterThan(0)
    expect(loginRetryAfter({ keys, now: t0 + 61 * 60 * 1000 })).toBe(0)
    takeLoginAttempt({ keys, now: t0 + 61 * 60 * 1000 })
    expect(loginRetryAfter({ keys, now: t0 + 61 * 60 * 1000 })).toBe(0)
  })

  test('attempts are taken before the check: the sixth waits, and a refused attempt is not counted', () => {
    const t0 = 1_000_000_000
    const account = [{ key: 'email:b@example.test', free: FREE_ATTEMPTS }]
    const taken = Array.from({ length: 8 }, () => takeLoginAttempt({ keys: account, now: t0 }))
    expect(taken.filter((t) => t.ok)).toHaveLength(FREE_ATTEMPTS)
    expect(taken[FREE_ATTEMPTS]).toEqual({ ok: false, waitMs: 30_000 })
    expect(loginRetryAfter({ keys: account, now: t0 })).toBe(30_000)
    expect(takeLoginAttempt({ keys: account, now: t0 + 30_000 }).ok).toBe(true)
    expect(loginRetryAfter({ keys: account, now: t0 + 30_000 })).toBe(60_000)
  })

  test('a success clears the account and gives the address back its attempt', () => {
    const t0 = 1_000_000_000
    const keys = [
      { key: 'email:c@example.test', free: 2 },
      { key: 'ip:192.0.2.1', free: 3 },
    ]
    expect(takeLoginAttempt({ keys, now: t0 }).ok).toBe(true)
    expect(takeLoginAttempt({ keys, now: t0 }).ok).toBe(true)
    expect(takeLoginAttempt({ keys, now: t0 }).ok).toBe(false)
    settleSuccessfulAttempt({ clear: ['email:c@example.test'], release: ['ip:192.0.2.1'] })
    expect(loginRetryAfter({ keys: [keys[0]!], now: t0 })).toBe(0)
    // The address has one failure left of its three: one more attempt, then a wait.
    expect(takeLoginAttempt({ keys: [keys[1]!], now: t0 }).ok).toBe(true)
    expect(takeLoginAttempt({ keys: [keys[1]!], now: t0 }).ok).toBe(true)
    expect(takeLoginAttempt({ keys: [keys[1]!], now: t0 }).ok).toBe(false)
  })
})

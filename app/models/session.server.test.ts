import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeUser } from '../../tests/factories'
import { setUserActive } from './user.server'
import {
  clearLoginFailures,
  createSession,
  deleteSession,
  deleteUserSessions,
  FREE_ATTEMPTS,
  getSessionUser,
  loginRetryAfter,
  recordLoginFailure,
} from './session.server'
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
})

describe('sign-in throttling', () => {
  const keys = ['email:a@example.test']
  test('allows a few failures, then makes each further attempt wait longer', () => {
    const t0 = 1_000_000_000
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) recordLoginFailure({ keys, now: t0 })
    expect(loginRetryAfter({ keys, now: t0 })).toBe(0)
    recordLoginFailure({ keys, now: t0 })
    expect(loginRetryAfter({ keys, now: t0 })).toBe(1000)
    recordLoginFailure({ keys, now: t0 + 1000 })
    expect(loginRetryAfter({ keys, now: t0 + 1000 })).toBe(2000)
    expect(loginRetryAfter({ keys, now: t0 + 3000 })).toBe(0)
    clearLoginFailures({ keys })
    expect(loginRetryAfter({ keys, now: t0 + 1000 })).toBe(0)
  })

  test('forgets failures after an hour', () => {
    const t0 = 1_000_000_000
    for (let i = 0; i < 10; i++) recordLoginFailure({ keys, now: t0 })
    expect(loginRetryAfter({ keys, now: t0 })).toBeGreaterThan(0)
    expect(loginRetryAfter({ keys, now: t0 + 61 * 60 * 1000 })).toBe(0)
    recordLoginFailure({ keys, now: t0 + 61 * 60 * 1000 })
    expect(loginRetryAfter({ keys, now: t0 + 61 * 60 * 1000 })).toBe(0)
  })
})

import { beforeEach, describe, expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { users } from '../../db/schema'
import { useFreshDatabase } from '../../tests/db'
import { makeUser } from '../../tests/factories'
import { createUser, DuplicateEmailError, setUserActive, verifyLogin } from './user.server'
import type { DB } from '../../db/client.server'

let db: DB
beforeEach(() => {
  db = useFreshDatabase()
})

describe('users', () => {
  test('stores a scrypt hash, never the password', async () => {
    const user = await makeUser({ password: 'secret-password-1' })
    const row = db.select().from(users).where(eq(users.id, user.id)).get()!
    expect(row.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(row.passwordHash).not.toContain('secret-password-1')
  })

  test('verifies the right password only, and not for a deactivated account', async () => {
    const user = await makeUser({ email: 'a@example.test', password: 'secret-password-1' })
    expect(await verifyLogin({ email: 'a@example.test', password: 'secret-password-1' })).toMatchObject({ id: user.id })
    expect(await verifyLogin({ email: 'a@example.test', password: 'secret-password-2' })).toBeNull()
    expect(await verifyLogin({ email: 'b@example.test', password: 'secret-password-1' })).toBeNull()
    setUserActive({ id: user.id, active: false })
    expect(await verifyLogin({ email: 'a@example.test', password: 'secret-password-1' })).toBeNull()
  })

  test('refuses a second account with the same email', async () => {
    await makeUser({ email: 'dup@example.test' })
    await expect(
      createUser({ email: 'dup@example.test', name: 'Other', role: 'editor', password: 'another-password' }),
    ).rejects.toBeInstanceOf(DuplicateEmailError)
  })
})

import { asc, count, eq } from 'drizzle-orm'
import { getDb, writeTransaction } from '../../db/client.server'
import { users } from '../../db/schema'
import { revokeUserApiTokens } from './api-token.server'
import { type Role } from '../workflow'
import { hashPassword, verifyPassword, DUMMY_HASH } from '../utils/password.server'
import type { NewUser } from '../utils/schemas'

export type PublicUser = {
  id: number
  email: string
  name: string
  role: Role
  active: boolean
}

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
}

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`A user with email ${email} already exists`)
  }
}

export async function createUser(input: NewUser): Promise<PublicUser> {
  const db = getDb()
  const existing = db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()
  if (existing) throw new DuplicateEmailError(input.email)
  const passwordHash = await hashPassword(input.password)
  // Another request may have created the same email while the password was hashed: the unique
  // index decides, and the loser gets the same error as a plain duplicate.
  const created = db
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning(publicColumns)
    .get()
  if (!created) throw new DuplicateEmailError(input.email)
  return created
}

export function getUserById({ id }: { id: number }): PublicUser | undefined {
  return getDb().select(publicColumns).from(users).where(eq(users.id, id)).get()
}

export function getUserByEmail({ email }: { email: string }): PublicUser | undefined {
  return getDb().select(publicColumns).from(users).where(eq(users.email, email)).get()
}

export function listUsers(): PublicUser[] {
  return getDb().select(publicColumns).from(users).orderBy(asc(users.email)).all()
}

export function countUsers(): number {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0
}

export function setUserRole({ id, role }: { id: number; role: Role }) {
  return getDb().update(users).set({ role }).where(eq(users.id, id)).returning(publicColumns).get()
}

/**
 * Deactivating an account also revokes its API tokens, so reactivating it brings back none of
 * them: the person makes new ones (ADR 011).
 */
export function setUserActive({ id, active }: { id: number; active: boolean }) {
  return writeTransaction((tx) => {
    const user = tx.update(users).set({ active }).where(eq(users.id, id)).returning(publicColumns).get()
    if (user && !active) revokeUserApiTokens({ userId: id })
    return user
  })
}

/** A new password also revokes the account's API tokens: whoever had the old one may have made some (ADR 011). */
export async function setUserPassword({ id, password }: { id: number; password: string }) {
  const passwordHash = await hashPassword(password)
  writeTransaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, id)).run()
    revokeUserApiTokens({ userId: id })
  })
}

/** Checks credentials; returns the active user or null. Always spends one hash. */
export async function verifyLogin({ email, password }: { email: string; password: string }) {
  const row = getDb().select().from(users).where(eq(users.email, email)).get()
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH)
  if (!row || !ok || !row.active) return null
  const { passwordHash: _omit, ...rest } = row
  return { id: rest.id, email: rest.email, name: rest.name, role: rest.role, active: rest.active }
}

import { createUser } from '../app/models/user.server'
import type { Role } from '../db/schema'

let sequence = 0

export async function makeUser(overrides: { email?: string; name?: string; role?: Role; password?: string } = {}) {
  sequence += 1
  const password = overrides.password ?? 'correct horse battery'
  const user = await createUser({
    email: overrides.email ?? `user${sequence}@example.test`,
    name: overrides.name ?? `User ${sequence}`,
    role: overrides.role ?? 'reviewer',
    password,
  })
  return { ...user, password }
}

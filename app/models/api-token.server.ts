import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { getDb } from '../../db/client.server'
import { apiTokens, users } from '../../db/schema'

const PREFIX = 'cdk_'

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/** Creates a personal API token. The token itself is returned once and only its hash is stored. */
export function createApiToken({ userId, name }: { userId: number; name: string }) {
  const token = PREFIX + randomBytes(32).toString('base64url')
  const row = getDb()
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashToken(token) })
    .returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt })
    .get()
  return { ...row, token }
}

export function listApiTokens({ userId }: { userId: number }) {
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id))
    .all()
}

/** Revokes a token; with `userId`, only if it belongs to that user. Returns whether one was revoked. */
export function revokeApiToken({ id, userId }: { id: number; userId?: number }) {
  const result = getDb()
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt), userId ? eq(apiTokens.userId, userId) : undefined))
    .run()
  return result.changes === 1
}

/** Revokes every live token of a user (when the account is deactivated or its password changes). */
export function revokeUserApiTokens({ userId }: { userId: number }) {
  return getDb()
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run().changes
}

/** The active user a live token acts for, or undefined. Records when the token was last used. */
export function getUserByApiToken({ token }: { token: string }) {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined
  const db = getDb()
  const row = db
    .select({ tokenId: apiTokens.id, id: users.id, email: users.email, name: users.name, role: users.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), eq(users.active, true)))
    .get()
  if (!row) return undefined
  db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId)).run()
  const { tokenId: _t, ...user } = row
  return user
}

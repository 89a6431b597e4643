import { inject } from 'vitest'
import { openDatabase, setDb } from '../../db/client.server'
import { createApiToken, revokeApiToken } from '../../app/models/api-token.server'
import { getUserByEmail } from '../../app/models/user.server'

/**
 * Opens the e2e server's SQLite file in this test process (WAL lets both use it), so a test can
 * arrange data through the models, e.g. create an API token, exactly as the CLI would.
 */
export function useServerDatabase() {
  const db = openDatabase(inject('databaseFile'))
  setDb(db)
  return db
}

export type RoleTokens = Record<'admin' | 'editor' | 'reviewer' | 'revoked', string>

/** A fresh API token for each demo role, and one of the admin's already revoked. */
export function roleTokens(name: string): RoleTokens {
  const make = (email: string) => createApiToken({ userId: getUserByEmail({ email })!.id, name })
  const revoked = make('admin@example.com')
  revokeApiToken({ id: revoked.id })
  return {
    admin: make('admin@example.com').token,
    editor: make('editor@example.com').token,
    reviewer: make('reviewer@example.com').token,
    revoked: revoked.token,
  }
}

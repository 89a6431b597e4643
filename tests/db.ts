import { createTestDatabase, setDb, type DB } from '../db/client.server'

/** Points the models at a fresh, migrated in-memory SQLite database and returns it. */
export function useFreshDatabase(): DB {
  const db = createTestDatabase()
  setDb(db)
  return db
}

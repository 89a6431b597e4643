import { inject } from 'vitest'
import { openDatabase, setDb } from '../../db/client.server'

/**
 * Opens the e2e server's SQLite file in this test process (WAL lets both use it), so a test can
 * arrange data through the models, e.g. create an API token, exactly as the CLI would.
 */
export function useServerDatabase() {
  const db = openDatabase(inject('databaseFile'))
  setDb(db)
  return db
}

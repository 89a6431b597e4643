/** Creates and migrates the database at DATABASE_URL and seeds demo data into an empty one. */
import { getDb, migrateDatabase, openDatabase, setDb } from './client.server'
import { seedDemoData } from './seed'
import { parseEnv } from '../app/utils/env.server'
import { failAbandonedSnapshots } from '../app/models/snapshot.server'

async function main() {
  const env = parseEnv()
  const db = openDatabase(env.DATABASE_URL)
  migrateDatabase(db)
  setDb(db)
  const { seeded } = await seedDemoData()
  // A snapshot still pending when the server starts was being fetched by a process that stopped.
  failAbandonedSnapshots({ olderThan: new Date(Date.now() - 60_000) })
  console.log(
    seeded
      ? `Database ready at ${env.DATABASE_URL}; seeded demo users and the sample article.`
      : `Database ready at ${env.DATABASE_URL}.`,
  )
  getDb().$client.close()
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

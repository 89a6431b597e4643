/** Creates and migrates the database at DATABASE_URL and seeds demo data into an empty one. */
import { getDb, migrateDatabase, openDatabase, setDb } from './client.server'
import { seedDemoData } from './seed'
import { parseEnv } from '../app/utils/env.server'

async function main() {
  const env = parseEnv()
  const db = openDatabase(env.DATABASE_URL)
  migrateDatabase(db)
  setDb(db)
  const { seeded } = await seedDemoData()
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

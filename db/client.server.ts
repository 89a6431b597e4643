import path from 'node:path'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/** migrations/ lives at the project root, beside db/ (it is not copied into build/). */
export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'migrations',
)

function resolveMigrationsFolder() {
  if (fs.existsSync(MIGRATIONS_FOLDER)) return MIGRATIONS_FOLDER
  // In the server bundle import.meta.url points into build/server/.
  const fromCwd = path.resolve(process.cwd(), 'migrations')
  return fromCwd
}

/** How many prepared statements each connection keeps for reuse (least recently used dropped first). */
const STATEMENT_CACHE_SIZE = 500
const statementCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/**
 * A prepared statement for `source` on `sqlite`, reused from earlier calls with the same SQL text.
 * Preparing is a good part of a short query's cost, and drizzle prepares every query it runs.
 * A reused statement comes back in its default result mode (objects, not raw rows or plucked
 * values), as a new one would; one still busy (a caller iterating over it) is never handed out
 * again — a fresh statement is prepared instead.
 */
export function cachedStatement(sqlite: Database.Database, source: string): Database.Statement {
  let cache = statementCaches.get(sqlite)
  if (!cache) statementCaches.set(sqlite, (cache = new Map()))
  const cached = cache.get(source)
  if (cached && !cached.busy) {
    cache.delete(source)
    cache.set(source, cached)
    if (cached.reader) cached.raw(false).pluck(false).expand(false)
    return cached
  }
  const statement = sqlite.prepare(source)
  if (!cached) {
    cache.set(source, statement)
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
  }
  return statement
}

/** Opens a SQLite file (or ':memory:') with the pragmas every connection needs. */
export function openDatabase(filename: string): DB {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true })
  const sqlite = new Database(filename)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  // drizzle's session prepares each query through `client.prepare` and opens transactions through
  // `client.transaction`; it gets those two, with prepared statements reused. `db.$client` stays the
  // plain connection, whose statements are the caller's own.
  const client = {
    prepare: (source: string) => cachedStatement(sqlite, source),
    transaction: <F extends (...args: never[]) => unknown>(fn: F) => sqlite.transaction(fn),
  }
  const db = drizzle({ client: client as unknown as Database.Database, schema }) as DB
  db.$client = sqlite
  return db
}

/** Applies pending migrations. Run at start-up and by tests, never on import. */
export function migrateDatabase(db: DB) {
  migrate(db, { migrationsFolder: resolveMigrationsFolder() })
}

/** A fresh, migrated in-memory database for tests. */
export function createTestDatabase(): DB {
  const db = openDatabase(':memory:')
  migrateDatabase(db)
  return db
}

const globalForDb = globalThis as unknown as { __claimdeskDb?: DB }

/**
 * The one connection of this process, opened on first use and reused across dev reloads.
 * It does not migrate: `db/setup.ts` (run by `npm start`) and the tests do that explicitly.
 */
export function getDb(): DB {
  if (!globalForDb.__claimdeskDb) {
    const url = process.env.DATABASE_URL ?? './data/claimdesk.db'
    globalForDb.__claimdeskDb = openDatabase(url)
  }
  return globalForDb.__claimdeskDb
}

/** The transaction handle drizzle passes to a transaction's callback. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

/**
 * Runs `fn` in a write transaction on the process connection. It starts with BEGIN IMMEDIATE,
 * which takes the write lock first — waiting up to busy_timeout while another connection or
 * server process writes — so nothing read inside it can be overtaken by another commit (a
 * deferred transaction that reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT).
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: 'immediate' })
}

/** Replace the process connection (tests and the CLI use this to point at a given file). */
export function setDb(db: DB) {
  globalForDb.__claimdeskDb = db
}

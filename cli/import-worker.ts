// The second thread of `cli import`: extracts articles, and finds matches for claims not stored
// yet against what the database holds (on a read-only connection of its own).
//   in:  { id, kind: 'extract', body, published } → out: { id, result: extraction } or { id, error }
//   in:  { id, kind: 'match', claims }             → out: { id, result: matches } or { id, error }
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { extract } from '../app/extraction'
import { matchNewClaims, WordCache, type NewClaimRef } from '../app/matching/candidates'

type Message = { id: number; kind: 'extract'; body: string; published?: string } | { id: number; kind: 'match'; claims: NewClaimRef[] }

const databaseFile = (workerData as { databaseFile?: string } | undefined)?.databaseFile
let db: Database.Database | null = null
const words = new WordCache()

function database() {
  if (!databaseFile) throw new Error('no database to match against')
  db ??= new Database(databaseFile, { readonly: true, fileMustExist: true })
  return db
}

parentPort?.on('message', (message: Message) => {
  try {
    const result =
      message.kind === 'extract'
        ? extract(message.body, { published: message.published })
        : matchNewClaims(database(), message.claims, words)
    parentPort?.postMessage({ id: message.id, result })
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) })
  }
})

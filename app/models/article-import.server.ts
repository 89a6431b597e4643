import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { NewArticle } from './article.server'
import type { ImportReply } from './import-thread.server'

type Pending = { resolve: (r: ImportResult) => void; reject: (e: Error) => void }
export type ImportResult = Extract<ImportReply, { result: unknown }>['result']

const globalForThread = globalThis as unknown as { __claimdeskImportThread?: { worker: Worker; pending: Map<number, Pending> } }
let nextId = 1

function threadEntry() {
  const entry = path.resolve(process.cwd(), 'server', 'import-thread.mjs')
  if (!fs.existsSync(entry)) throw new Error(`The import thread's entry is missing: ${entry} (start the server from the project directory)`)
  return entry
}

/** The process's import thread, started on first use and again after it stops. */
function importThread() {
  if (globalForThread.__claimdeskImportThread) return globalForThread.__claimdeskImportThread
  const worker = new Worker(threadEntry(), { workerData: { databaseFile: process.env.DATABASE_URL ?? './data/claimdesk.db' } })
  const thread = { worker, pending: new Map<number, Pending>() }
  worker.unref()
  worker.on('message', (reply: ImportReply) => {
    const waiting = thread.pending.get(reply.id)
    if (!waiting) return
    thread.pending.delete(reply.id)
    if ('result' in reply) waiting.resolve(reply.result)
    // Keep SQLite's code, so a busy database is still answered 503 (server/database-busy.js).
    else waiting.reject(Object.assign(new Error(reply.error), { code: reply.code }))
  })
  const fail = (error: Error) => {
    if (globalForThread.__claimdeskImportThread === thread) globalForThread.__claimdeskImportThread = undefined
    for (const waiting of thread.pending.values()) waiting.reject(error)
    thread.pending.clear()
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the import thread stopped (exit code ${code})`)))
  globalForThread.__claimdeskImportThread = thread
  return thread
}

/**
 * `importArticle` on the import thread: the same checks and the same one transaction, while the
 * server goes on answering other requests. With `withApi`, the result carries the REST API's
 * JSON for the article and its claims, serialised on the thread as well.
 */
export function importArticleOffThread(input: NewArticle, { withApi = false }: { withApi?: boolean } = {}): Promise<ImportResult> {
  const thread = importThread()
  const id = nextId++
  return new Promise<ImportResult>((resolve, reject) => {
    thread.pending.set(id, { resolve, reject })
    thread.worker.postMessage({ id, input, withApi })
  })
}

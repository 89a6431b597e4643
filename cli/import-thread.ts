import { Worker } from 'node:worker_threads'
import type { ExtractionResult } from '../app/extraction'
import type { FoundMatch, NewClaimRef } from '../app/matching/candidates'

type Pending = { resolve: (result: never) => void; reject: (error: Error) => void }

/**
 * The second thread of a bulk import: it extracts the next articles and finds matches for the
 * claims being stored while the main thread writes.
 */
export class ImportThread {
  private worker: Worker
  private pending = new Map<number, Pending>()
  private nextId = 0
  private failure: Error | null = null

  /** `databaseFile`: the SQLite file to look for matches in (read-only). */
  constructor(databaseFile?: string) {
    this.worker = new Worker(new URL('./import-worker.mjs', import.meta.url), { workerData: { databaseFile } })
    this.worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const pending = this.pending.get(message.id)
      if (!pending) return
      this.pending.delete(message.id)
      if (message.error === undefined) pending.resolve(message.result as never)
      else pending.reject(new Error(message.error))
    })
    const fail = (error: Error) => {
      this.failure = error
      for (const pending of this.pending.values()) pending.reject(error)
      this.pending.clear()
    }
    this.worker.on('error', fail)
    this.worker.on('exit', (code) => fail(new Error(`import thread stopped (exit code ${code})`)))
  }

  private request<T>(message: object): Promise<T> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: never) => void, reject })
      this.worker.postMessage({ ...message, id })
    })
  }

  extract(body: string, published?: string) {
    return this.request<ExtractionResult>({ kind: 'extract', body, published })
  }

  /** Matches for claims not stored yet, with each other and with the committed database. */
  match(claims: NewClaimRef[]) {
    return this.request<FoundMatch[]>({ kind: 'match', claims })
  }

  async close() {
    this.worker.removeAllListeners('exit')
    await this.worker.terminate()
  }
}

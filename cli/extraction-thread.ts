import { Worker } from 'node:worker_threads'
import type { ExtractionResult } from '../app/extraction'

type Pending = { resolve: (result: ExtractionResult) => void; reject: (error: Error) => void }

/**
 * Extraction on a second thread, so a bulk import extracts the next articles while the main
 * thread writes the previous ones to the database.
 */
export class ExtractionThread {
  private worker: Worker
  private pending = new Map<number, Pending>()
  private nextId = 0
  private failure: Error | null = null

  constructor() {
    this.worker = new Worker(new URL('./extract-worker.mjs', import.meta.url))
    this.worker.on('message', (message: { id: number; extraction?: ExtractionResult; error?: string }) => {
      const pending = this.pending.get(message.id)
      if (!pending) return
      this.pending.delete(message.id)
      if (message.extraction) pending.resolve(message.extraction)
      else pending.reject(new Error(message.error ?? 'extraction failed'))
    })
    const fail = (error: Error) => {
      this.failure = error
      for (const pending of this.pending.values()) pending.reject(error)
      this.pending.clear()
    }
    this.worker.on('error', fail)
    this.worker.on('exit', (code) => fail(new Error(`extraction thread stopped (exit code ${code})`)))
  }

  extract(body: string, published?: string): Promise<ExtractionResult> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ id, body, published })
    })
  }

  async close() {
    this.worker.removeAllListeners('exit')
    await this.worker.terminate()
  }
}

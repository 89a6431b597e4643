// Runs the extraction pipeline off the main thread for `cli import`: messages in are
// { id, body, published }, messages out { id, extraction } or { id, error }.
import { parentPort } from 'node:worker_threads'
import { extract } from '../app/extraction'

parentPort?.on('message', (message: { id: number; body: string; published?: string }) => {
  try {
    parentPort?.postMessage({ id: message.id, extraction: extract(message.body, { published: message.published }) })
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) })
  }
})

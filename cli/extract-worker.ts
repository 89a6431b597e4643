// A thread of `extract --lines`: extracts a batch of documents and returns their JSON lines.
//   in: { id, lines, published } → out: { id, output } or { id, error }
// Also the module the single-document mode loads `extract` from (outside a worker it only exports).
import { parentPort } from 'node:worker_threads'
import { extract } from '../app/extraction'

export { extract }

type Batch = { id: number; lines: string[]; published?: string }

parentPort?.on('message', (batch: Batch) => {
  try {
    let output = ''
    for (const line of batch.lines) output += `${JSON.stringify(extract(line, { published: batch.published }))}\n`
    parentPort?.postMessage({ id: batch.id, output })
  } catch (error) {
    parentPort?.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) })
  }
})

/**
 * `npm run --silent extract -- <file|-> [--published YYYY-MM-DD] [--lines]`
 * Prints the extraction of one article as JSON; with --lines, one JSON object per input line.
 */
import fs from 'node:fs'
import os from 'node:os'
import readline from 'node:readline'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import { z } from 'zod'

const USAGE = 'Usage: npm run --silent extract -- <file|-> [--published YYYY-MM-DD] [--lines]'

const ArgsSchema = z.object({
  input: z.string({ error: 'give a file to read, or - for standard input' }).min(1, 'give a file to read, or - for standard input'),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '--published must be a date like 2025-11-20')
    .refine((v) => !Number.isNaN(Date.parse(v)), '--published is not a real date')
    .optional(),
  lines: z.boolean().default(false),
})

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`)
  process.exit(2)
}

function parse() {
  let parsed
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { published: { type: 'string' }, lines: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    })
  } catch (error) {
    fail((error as Error).message)
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  if (parsed.positionals.length > 1) fail(`expected one input, got ${parsed.positionals.length}`)
  const result = ArgsSchema.safeParse({ input: parsed.positionals[0], published: parsed.values.published, lines: parsed.values.lines })
  if (!result.success) fail(result.error.issues[0]!.message)
  return result.data
}

function openInput(input: string) {
  if (input === '-') return process.stdin
  try {
    const stat = fs.statSync(input)
    if (stat.isDirectory()) fail(`${input} is a directory, not a file`)
    return fs.createReadStream(input)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    fail(
      code === 'ENOENT'
        ? `${input}: no such file`
        : code === 'EACCES'
        ? `${input}: permission denied`
        : `${input}: cannot be read (${code ?? 'error'})`,
    )
  }
}

async function write(line: string) {
  if (!process.stdout.write(line)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()))
}

// The built entry runs its built worker; under tsx (development) the TypeScript one.
const built = import.meta.url.endsWith('.mjs')
const workerModule = () => new URL(built ? './extract-worker.mjs' : './extract-worker.ts', import.meta.url)

/** Lines per message to a worker: large enough to amortise the hand-over, small enough to stream. */
const BATCH_LINES = 64
const BATCH_CHARS = 256 * 1024

/**
 * `--lines`: every line is its own document. Lines are read in batches and extracted on worker
 * threads (one per core); results are written in input order as soon as they are ready, with at
 * most two batches in flight per worker so memory stays flat however large the input.
 */
async function extractLines(stream: NodeJS.ReadableStream, published: string | undefined) {
  const size = Math.max(1, Math.min(8, os.availableParallelism()))
  const workers = Array.from({ length: size }, () => new Worker(workerModule(), built ? {} : { execArgv: ['--import', 'tsx'] }))
  const done = new Map<number, string>()
  const waiting = new Map<number, () => void>()
  let failure: string | null = null
  for (const worker of workers) {
    worker.on('message', (m: { id: number; output?: string; error?: string }) => {
      if (m.error !== undefined) failure ??= m.error
      done.set(m.id, m.output ?? '')
      waiting.get(m.id)?.()
    })
    worker.on('error', (error) => {
      failure ??= error.message
      for (const resolve of waiting.values()) resolve()
    })
  }
  const result = (id: number) =>
    new Promise<string>((resolve) => {
      const take = () => resolve(done.get(id) ?? '')
      if (done.has(id) || failure) take()
      else waiting.set(id, take)
    })

  let next = 0
  let written = 0
  const flushUpTo = async (limit: number) => {
    while (written < next && next - written > limit) {
      const output = await result(written)
      if (failure) fail(failure)
      done.delete(written)
      waiting.delete(written)
      await write(output)
      written++
    }
  }
  let lines: string[] = []
  let chars = 0
  const send = async () => {
    workers[next % size]!.postMessage({ id: next, lines, published })
    next++
    lines = []
    chars = 0
    await flushUpTo(size * 2)
  }
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity })
  for await (const line of rl) {
    lines.push(line)
    chars += line.length
    if (lines.length >= BATCH_LINES || chars >= BATCH_CHARS) await send()
  }
  if (lines.length) await send()
  await flushUpTo(0)
  await Promise.all(workers.map((w) => w.terminate()))
}

async function main() {
  const args = parse()
  const stream = openInput(args.input)
  stream.on('error', (error: NodeJS.ErrnoException) => fail(`${args.input}: cannot be read (${error.code ?? error.message})`))
  if (args.lines) return extractLines(stream, args.published)
  // Loaded only here, from the worker's module (which exports it): with --lines the workers
  // extract, and the main thread only reads and writes, so it never loads the tagger's model.
  const { extract } = (await import(workerModule().href)) as typeof import('./extract-worker')
  stream.setEncoding('utf8')
  let text = ''
  for await (const chunk of stream) text += chunk as string
  await write(`${JSON.stringify(extract(text, { published: args.published }))}\n`)
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)))

/**
 * `npm run --silent extract -- <file|-> [--published YYYY-MM-DD] [--lines]`
 * Prints the extraction of one article as JSON; with --lines, one JSON object per input line.
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { extract } from '../app/extraction'

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

async function main() {
  const args = parse()
  const stream = openInput(args.input)
  stream.on('error', (error: NodeJS.ErrnoException) => fail(`${args.input}: cannot be read (${error.code ?? error.message})`))
  if (args.lines) {
    const rl = readline.createInterface({ input: stream, crlfDelay: Infinity })
    for await (const line of rl) await write(`${JSON.stringify(extract(line, { published: args.published }))}\n`)
    return
  }
  stream.setEncoding('utf8')
  let text = ''
  for await (const chunk of stream) text += chunk as string
  await write(`${JSON.stringify(extract(text, { published: args.published }))}\n`)
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)))

import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { getDb } from '../db/client.server'
import type { ExtractionResult } from '../app/extraction'
import { contentHashOf, getArticleByHash, importArticle, type NewArticle } from '../app/models/article.server'
import { matchClaims } from '../app/models/claim-match.server'
import { getUserByEmail } from '../app/models/user.server'
import { emailField } from '../app/utils/schemas'
import { ExtractionThread } from './extraction-thread'
import { UsageError } from './usage'

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm'])
const MAX_FILE_BYTES = 5 * 1024 * 1024

/** Every importable file under the given paths, in a stable order. */
export function collectFiles(inputs: string[]): string[] {
  const files: string[] = []
  const visit = (p: string) => {
    const stat = fs.statSync(p)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name))
    } else if (TEXT_EXTENSIONS.has(path.extname(p).toLowerCase())) {
      files.push(p)
    }
  }
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new UsageError(`${input} does not exist`)
    visit(input)
  }
  return files
}

/** Title = the first non-empty line when it is short, else the file name. */
export function titleFor(body: string, file: string) {
  const first =
    body
      .split('\n')
      .find((l) => l.trim())
      ?.trim()
      .replace(/^#+\s*/, '') ?? ''
  return first && first.length <= 200 ? first : path.basename(file, path.extname(file))
}

function progress(done: number, total: number, created: number, existing: number, failed: number) {
  const width = 30
  const filled = total ? Math.round((done / total) * width) : width
  const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${created} new, ${existing} already there${
    failed ? `, ${failed} failed` : ''
  }`
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`)
  else if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) process.stderr.write(`${line}\n`)
}

/** A file read and parsed into an article, with its extraction when computed ahead; or why it cannot be. */
type Prepared = { file: string; input: NewArticle; extraction?: ExtractionResult } | { file: string; error: string }

/** HTML and Markdown conversion (linkedom, Readability): loaded only when such files are imported. */
type Converters = typeof import('../app/import/html-to-text')

function readArticle(file: string, importedById: number | null, converters: Converters | null): NewArticle {
  if (fs.statSync(file).size > MAX_FILE_BYTES) throw new Error('larger than 5 MB')
  const raw = fs.readFileSync(file, 'utf8')
  const ext = path.extname(file).toLowerCase()
  if (ext !== '.txt' && !converters) throw new Error('no converter loaded for this file type')
  const page = ext === '.html' || ext === '.htm' ? converters!.htmlToArticle(raw) : null
  const body = page ? page.body : ext === '.txt' ? raw : converters!.markdownToText(raw)
  if (!body.trim()) throw new Error('empty')
  return {
    title: page?.title ?? titleFor(body, file),
    body,
    url: page?.url ?? null,
    publisher: page?.publisher ?? null,
    author: page?.author ?? null,
    publishedAt: page?.publishedAt ?? null,
    importedById,
  }
}

/** Articles committed together: one commit per batch instead of per article keeps bulk imports fast. */
const BATCH = 20

/**
 * `cli import`: files are committed in batches (each file inside its own savepoint, so one bad
 * file does not undo the others) while a second thread extracts the claims of the next batch.
 * Files are recognised by their content hash, so an interrupted run can simply be started again.
 */
export async function importFiles(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { email: { type: 'string' } },
    strict: true,
  })
  if (positionals.length === 0) throw new UsageError('import: give one or more files or folders')
  const { email } = z.object({ email: emailField.optional() }).parse(values)
  const importer = email ? getUserByEmail({ email }) : undefined
  if (email && !importer) throw new UsageError(`--email: no user ${email}`)
  const files = collectFiles(positionals)
  let created = 0
  let existing = 0
  let failed = 0
  const started = Date.now()
  const fail = (file: string, message: string) => {
    failed++
    process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}${file}: ${message}\n`)
  }
  const converters = files.some((f) => path.extname(f).toLowerCase() !== '.txt') ? await import('../app/import/html-to-text') : null
  // Extraction (the CPU-heavy part) runs on a second thread one batch ahead of the writes.
  const thread = files.length > 1 ? new ExtractionThread() : null
  const prepare = (file: string): Promise<Prepared> => {
    let input: NewArticle
    try {
      input = readArticle(file, importer?.id ?? null, converters)
    } catch (error) {
      return Promise.resolve({ file, error: (error as Error).message })
    }
    // Content already stored needs no extraction: importArticle recognises it.
    if (!thread || getArticleByHash({ contentHash: contentHashOf(input.body) })) return Promise.resolve({ file, input })
    // Should the thread fail, importArticle extracts on this thread instead.
    return thread.extract(input.body, input.publishedAt ?? undefined).then(
      (extraction) => ({ file, input, extraction }),
      () => ({ file, input }),
    )
  }
  let stored: number[] = []
  const store = (item: Prepared) => {
    if ('error' in item) return fail(item.file, item.error)
    try {
      const result = importArticle(item.input, { extraction: item.extraction, deferMatching: true })
      stored.push(...result.claimIds)
      if (result.created) created++
      else existing++
    } catch (error) {
      fail(item.file, (error as Error).message)
    }
  }
  const sqlite = getDb().$client
  try {
    let next = files.slice(0, BATCH).map(prepare)
    for (let from = 0; from < files.length; from += BATCH) {
      const batch = await Promise.all(next)
      next = files.slice(from + BATCH, from + 2 * BATCH).map(prepare)
      sqlite.transaction(() => {
        stored = []
        batch.forEach(store)
        // Claims of the whole batch are matched together, with each other and with everything before.
        matchClaims({ claimIds: stored })
      })()
      for (let k = 0; k < batch.length; k++) progress(from + k + 1, files.length, created, existing, failed)
    }
  } finally {
    await thread?.close()
  }
  if (process.stderr.isTTY) process.stderr.write('\n')
  const seconds = (Date.now() - started) / 1000
  console.log(
    `Imported ${created} new article${created === 1 ? '' : 's'}, ${existing} already present, ${failed} failed, in ${seconds.toFixed(
      1,
    )} s.`,
  )
  if (failed) process.exitCode = 1
}

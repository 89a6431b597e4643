import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { getDb } from '../db/client.server'
import type { ExtractionResult } from '../app/extraction'
import { contentHashOf, getArticleByHash, importArticle, type NewArticle } from '../app/models/article.server'
import type { NewClaimRef } from '../app/matching/candidates'
import { matchClaims, storeMatch } from '../app/models/claim-match.server'
import { getUserByEmail } from '../app/models/user.server'
import { emailField } from '../app/utils/schemas'
import { ImportThread } from './import-thread'
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
type Prepared = { file: string; input: NewArticle; contentHash: string; extraction?: ExtractionResult } | { file: string; error: string }

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
 * `cli import`: files are committed in batches, each with the matches of its claims (each file
 * inside its own savepoint, so one bad file does not undo the others), while a second thread
 * extracts the next batch and looks for the matches.
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
  const sqlite = getDb().$client
  // The CPU-heavy parts run on a second thread: extraction one batch ahead of the writes, and the
  // search for matches (on a read-only connection of its own) while a batch is written.
  const thread = files.length > 1 ? new ImportThread(sqlite.memory ? undefined : sqlite.name) : null
  const prepare = (file: string): Promise<Prepared> => {
    let input: NewArticle
    try {
      input = readArticle(file, importer?.id ?? null, converters)
    } catch (error) {
      return Promise.resolve({ file, error: (error as Error).message })
    }
    const contentHash = contentHashOf(input.body)
    // Content already stored needs no extraction: importArticle recognises it.
    if (!thread || getArticleByHash({ contentHash })) return Promise.resolve({ file, input, contentHash })
    // Should the thread fail, importArticle extracts on this thread instead.
    return thread.extract(input.body, input.publishedAt ?? undefined).then(
      (extraction) => ({ file, input, contentHash, extraction }),
      () => ({ file, input, contentHash }),
    )
  }
  /** Stores one article (in its own savepoint); the ids of the claims it created. */
  const store = (item: Prepared): number[] => {
    if ('error' in item) {
      fail(item.file, item.error)
      return []
    }
    try {
      const result = importArticle(item.input, { extraction: item.extraction, deferMatching: true, contentHash: item.contentHash })
      if (result.created) created++
      else existing++
      return result.claimIds
    } catch (error) {
      fail(item.file, (error as Error).message)
      return []
    }
  }
  /** Asks the thread for the matches of a batch's new claims: with each other and with what is committed. */
  const findMatches = (batch: Prepared[]) => {
    const refs: NewClaimRef[] = []
    const firstRef = new Map<Prepared, number>()
    batch.forEach((item, article) => {
      if ('error' in item || !item.extraction) return
      firstRef.set(item, refs.length)
      for (const claim of item.extraction.claims) refs.push({ ref: refs.length, article, text: claim.text })
    })
    // Should the thread fail, matching happens on this thread (storeBatch).
    const found = thread && refs.length ? thread.match(refs).catch(() => null) : Promise.resolve(null)
    return { refs, firstRef, found }
  }
  /** Stores a batch and the matches of its claims in one transaction. */
  const storeBatch = async (batch: Prepared[], { refs, firstRef, found }: ReturnType<typeof findMatches>) => {
    const ids: (number | undefined)[] = new Array(refs.length)
    const unmatched: number[] = []
    sqlite.exec('BEGIN IMMEDIATE')
    try {
      for (const item of batch) {
        const claimIds = store(item)
        const first = firstRef.get(item)
        if (first === undefined) unmatched.push(...claimIds)
        else claimIds.forEach((id, k) => (ids[first + k] = id))
      }
      const matches = await found
      for (const m of matches ?? []) {
        const a = ids[m.ref]
        const b = m.otherRef === undefined ? m.otherId : ids[m.otherRef]
        if (a !== undefined && b !== undefined) storeMatch(a, b, m.similarity)
      }
      matchClaims({ claimIds: matches ? unmatched : [...unmatched, ...ids.filter((id) => id !== undefined)] })
      sqlite.exec('COMMIT')
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
      throw error
    }
  }
  try {
    let next = files.slice(0, BATCH).map(prepare)
    for (let from = 0; from < files.length; from += BATCH) {
      const batch = await Promise.all(next)
      // The thread looks for this batch's matches first, then extracts the next batch.
      const matching = findMatches(batch)
      next = files.slice(from + BATCH, from + 2 * BATCH).map(prepare)
      await storeBatch(batch, matching)
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

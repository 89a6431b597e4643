import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { htmlToArticle, markdownToText } from '../app/import/html-to-text'
import { getDb } from '../db/client.server'
import { importArticle } from '../app/models/article.server'
import { getUserByEmail } from '../app/models/user.server'
import { emailField } from '../app/utils/schemas'
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

/** Articles committed together: one commit per batch instead of per article keeps bulk imports fast. */
const BATCH = 20

/**
 * `cli import`: files are committed in batches (each file inside its own savepoint, so one bad
 * file does not undo the others) and recognised by their content hash, so an interrupted run can
 * simply be started again.
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
  const importOne = (file: string) => {
    try {
      if (fs.statSync(file).size > MAX_FILE_BYTES) throw new Error('larger than 5 MB')
      const raw = fs.readFileSync(file, 'utf8')
      const ext = path.extname(file).toLowerCase()
      const page = ext === '.html' || ext === '.htm' ? htmlToArticle(raw) : null
      const body = page ? page.body : ext === '.txt' ? raw : markdownToText(raw)
      if (!body.trim()) throw new Error('empty')
      const result = importArticle({
        title: page?.title ?? titleFor(body, file),
        body,
        url: page?.url ?? null,
        publisher: page?.publisher ?? null,
        author: page?.author ?? null,
        publishedAt: page?.publishedAt ?? null,
        importedById: importer?.id ?? null,
      })
      if (result.created) created++
      else existing++
    } catch (error) {
      failed++
      process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}${file}: ${(error as Error).message}\n`)
    }
  }
  const sqlite = getDb().$client
  for (let from = 0; from < files.length; from += BATCH) {
    const batch = files.slice(from, from + BATCH)
    sqlite.transaction(() => batch.forEach(importOne))()
    for (let k = 0; k < batch.length; k++) progress(from + k + 1, files.length, created, existing, failed)
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

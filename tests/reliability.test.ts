import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { sentence } from './bench/seed-large'

const run = promisify(execFile)
const root = path.resolve(__dirname, '..')
let dir: string
let env: NodeJS.ProcessEnv

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-reliability-'))
  env = { ...process.env, DATABASE_URL: path.join(dir, 'claimdesk.db') }
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function writeArticles(folder: string, n: number) {
  fs.mkdirSync(folder, { recursive: true })
  let seed = 7
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  for (let i = 0; i < n; i++) {
    const body = [`Article ${i}`, ...Array.from({ length: 30 }, () => sentence(random))].join('\n')
    fs.writeFileSync(path.join(folder, `article-${String(i).padStart(4, '0')}.txt`), body)
  }
}

function query<T>(sql: string): T {
  const db = new Database(env.DATABASE_URL!, { readonly: true })
  try {
    return db.prepare(sql).get() as T
  } finally {
    db.close()
  }
}

describe('reliability', () => {
  test('SIGKILL in the middle of a bulk import leaves a sound database, and re-running completes without duplicates', async () => {
    const folder = path.join(dir, 'articles')
    writeArticles(folder, 400)
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'import', folder], { cwd: root, env, stdio: 'ignore' })
    // Kill as soon as some articles are stored, so the kill lands mid-import.
    const deadline = Date.now() + 60_000
    for (;;) {
      await new Promise((r) => setTimeout(r, 50))
      let stored = 0
      try {
        stored = query<{ n: number }>('select count(*) as n from articles').n
      } catch {
        // not created yet
      }
      if (stored >= 20 || Date.now() > deadline) break
    }
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    const partial = query<{ n: number }>('select count(*) as n from articles').n
    expect(partial).toBeGreaterThan(0)
    expect(partial).toBeLessThan(400)
    expect(query<{ integrity_check: string }>('pragma integrity_check').integrity_check).toBe('ok')

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'import', folder], { cwd: root, env })
    expect(stdout).toContain(`Imported ${400 - partial} new articles, ${partial} already present, 0 failed`)
    expect(query<{ n: number }>('select count(*) as n from articles').n).toBe(400)
    expect(query<{ n: number }>('select count(distinct content_hash) as n from articles').n).toBe(400)
    // Every stored article has its claims: no article was committed without them.
    expect(query<{ n: number }>('select count(*) as n from articles a where not exists (select 1 from claims c where c.article_id = a.id)').n).toBe(0)
  }, 120_000)

  test('a backup taken under write load restores to a consistent copy', async () => {
    const folder = path.join(dir, 'articles')
    writeArticles(folder, 150)
    const writer = run(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'import', folder], { cwd: root, env })
    await new Promise((r) => setTimeout(r, 1500))
    const backupFile = path.join(dir, 'backup.db')
    await run(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'backup', backupFile], { cwd: root, env })
    await writer
    const copy = new Database(backupFile, { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      const articles = (copy.prepare('select count(*) as n from articles').get() as { n: number }).n
      expect(articles).toBeLessThanOrEqual(150)
      const orphans = (copy.prepare('select count(*) as n from articles a where not exists (select 1 from claims c where c.article_id = a.id)').get() as { n: number }).n
      expect(orphans).toBe(0)
      const events = (copy.prepare("select count(*) as n from claim_events where kind = 'created'").get() as { n: number }).n
      expect(events).toBe((copy.prepare('select count(*) as n from claims').get() as { n: number }).n)
    } finally {
      copy.close()
    }
    const restoreTarget = { ...env, DATABASE_URL: path.join(dir, 'restored.db') }
    await run(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'restore', backupFile], { cwd: root, env: restoreTarget })
    const restored = new Database(restoreTarget.DATABASE_URL, { readonly: true })
    try {
      expect(restored.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      restored.close()
    }
  }, 120_000)
})

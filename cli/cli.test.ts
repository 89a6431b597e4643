import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const root = path.resolve(__dirname, '..')
let dir: string
let env: NodeJS.ProcessEnv

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-'))
  env = { ...process.env, DATABASE_URL: path.join(dir, 'claimdesk.db') }
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Runs the real CLI in its own process, as `npm run --silent cli -- …` does. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], { cwd: root, env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

function count(table: string) {
  const db = new Database(env.DATABASE_URL!, { readonly: true })
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('cli', () => {
  test('user add validates every flag and names the wrong one', async () => {
    const bad = await cli('user', 'add', '--email', 'not-an-email', '--name', 'X', '--role', 'boss', '--password', 'short')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--email: Enter a valid email address')
    expect(bad.stderr).toContain('--role')
    expect(bad.stderr).toContain('--password: Use at least 10 characters')
    const ok = await cli(
      'user',
      'add',
      '--email',
      'cli@example.org',
      '--name',
      'Cli User',
      '--role',
      'editor',
      '--password',
      'long-enough-password',
    )
    expect(ok.code).toBe(0)
    const list = await cli('user', 'list', '--json')
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ email: 'cli@example.org', role: 'editor', active: true })])
    expect((await cli('frobnicate')).code).toBe(2)
  })

  test('import is idempotent: running it again adds no duplicates', async () => {
    const folder = path.join(dir, 'articles')
    fs.mkdirSync(path.join(folder, 'nested'), { recursive: true })
    fs.writeFileSync(path.join(folder, 'a.txt'), 'Council approves budget\nThe council approved a budget of $12 million on Monday.\n')
    fs.writeFileSync(
      path.join(folder, 'nested', 'b.md'),
      '# Port traffic\n\nThe port handled 2 million containers in 2023, up 8 percent.\n',
    )
    fs.writeFileSync(path.join(folder, 'ignored.pdf'), 'not text')
    const first = await cli('import', folder)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('Imported 2 new articles, 0 already present, 0 failed')
    const second = await cli('import', folder)
    expect(second.stdout).toContain('Imported 0 new articles, 2 already present, 0 failed')
    expect(count('articles')).toBe(2)
    expect(count('claims')).toBeGreaterThan(0)
    expect((await cli('import', path.join(dir, 'missing'))).code).toBe(2)
  })

  test('token create prints a token once; export refuses bad filters; backup and restore round-trip', async () => {
    await cli('user', 'add', '--email', 'ed@example.org', '--name', 'Ed', '--role', 'editor', '--password', 'long-enough-password')
    const token = await cli('token', 'create', '--email', 'ed@example.org')
    expect(token.code).toBe(0)
    expect(token.stdout.trim()).toMatch(/^cdk_[A-Za-z0-9_-]{40,}$/)
    expect((await cli('token', 'create', '--email', 'nobody@example.org')).code).toBe(2)

    const badExport = await cli('export', '--format', 'pdf')
    expect(badExport.code).toBe(2)
    expect(badExport.stderr).toContain('--format')
    const out = path.join(dir, 'claims.json')
    expect((await cli('export', '--format', 'json', '--status', 'all', '--out', out)).code).toBe(0)
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).claims).toEqual([])

    const backupFile = path.join(dir, 'backup.db')
    expect((await cli('backup', backupFile)).code).toBe(0)
    expect((await cli('backup', backupFile)).code).toBe(2)
    await cli('user', 'add', '--email', 'later@example.org', '--name', 'Later', '--role', 'reviewer', '--password', 'long-enough-password')
    expect(count('users')).toBe(2)
    expect((await cli('restore', backupFile)).code).toBe(2)
    const restored = await cli('restore', backupFile, '--force')
    expect(restored.code).toBe(0)
    expect(count('users')).toBe(1)
    fs.writeFileSync(path.join(dir, 'junk.db'), 'this is not sqlite')
    expect((await cli('restore', path.join(dir, 'junk.db'), '--force')).code).toBe(2)
    expect(count('users')).toBe(1)
    // A dozen CLI processes, each starting tsx: on a busy two-core machine that takes more than the default 20 s.
  }, 60_000)
  test('import links a claim repeated across articles, within a batch of 20 and across batches, once per pair', async () => {
    const folder = path.join(dir, 'wire')
    fs.mkdirSync(folder)
    const shared = 'The regional transport authority approved a budget of $48.5 million for the harbour bridge.'
    const places = ['Avonmouth', 'Bexley', 'Carrick', 'Dunmore', 'Elswick', 'Fenwick', 'Garston', 'Hexham', 'Ilkley']
    for (let i = 0; i < 45; i++) {
      const place = places[i % places.length]!
      const body = [`Report ${i}`, `Council meeting number ${i + 100} in ${place} lasted ${i + 2} hours on a wet evening.`]
      if (i === 0 || i === 7 || i === 33) body.push(shared)
      fs.writeFileSync(path.join(folder, `a${String(i).padStart(2, '0')}.txt`), body.join('\n'))
    }
    expect((await cli('import', folder)).code).toBe(0)
    const db = new Database(env.DATABASE_URL!, { readonly: true })
    try {
      const copies = db.prepare("select id, article_id from claims where text like '%harbour bridge%' order by id").all() as {
        id: number
        article_id: number
      }[]
      expect(copies).toHaveLength(3)
      const pairs = db.prepare('select claim_id, matched_claim_id from claim_matches where similarity = 1 order by 1, 2').all()
      const [a, b, c] = copies.map((x) => x.id)
      expect(pairs).toEqual([
        { claim_id: a, matched_claim_id: b },
        { claim_id: a, matched_claim_id: c },
        { claim_id: b, matched_claim_id: c },
      ])
      const sameArticle = db
        .prepare(
          'select count(*) as n from claim_matches m join claims x on x.id = m.claim_id join claims y on y.id = m.matched_claim_id where x.article_id = y.article_id',
        )
        .get() as { n: number }
      expect(sameArticle.n).toBe(0)
    } finally {
      db.close()
    }
  })
})

import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const root = path.resolve(__dirname, '..')
const fixture = path.resolve(root, '..', 'shared', 'fixtures', 'articles', 'interpol-syria.txt')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-extract-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** The command a user runs, through its built entry: `npm run --silent extract -- …`. */
async function extract(args: string[], input?: string) {
  const child = run('node', ['cli/run-extract.mjs', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
  if (input !== undefined) {
    child.child.stdin!.end(input)
  }
  try {
    const { stdout, stderr } = await child
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

type Output = { sentences: { start: number; end: number; text: string }[]; claims: { text: string; start: number; end: number; dates: { value: string }[]; context: unknown[] }[] }

describe('extract command', () => {
  test('one article: JSON with sentences and claims whose offsets index the input as read', async () => {
    const r = await extract([fixture, '--published', '2025-11-20'])
    expect(r.code).toBe(0)
    const text = fs.readFileSync(fixture, 'utf8')
    const out = JSON.parse(r.stdout) as Output
    for (const s of out.sentences) expect(text.slice(s.start, s.end)).toBe(s.text)
    const done = out.claims.find((c) => c.text.startsWith('Implementation was completed'))!
    expect(done.dates.map((d) => d.value)).toEqual(['2021-10'])
    expect(out.claims.every((c) => Array.isArray(c.context))).toBe(true)
  }, 120_000)

  test('--lines: one JSON object per input line, in input order, across worker threads', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Line ${i}: the council approved ${i + 1} new buses in March 2021.`)
    const file = path.join(dir, 'many.txt')
    fs.writeFileSync(file, `${lines.join('\n')}\n`)
    const r = await extract([file, '--lines'])
    expect(r.code).toBe(0)
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Output)
    expect(rows).toHaveLength(300)
    rows.forEach((row, i) => expect(row.sentences[0]!.text).toBe(lines[i]))
  }, 120_000)

  test('standard input, and bad arguments exit 2 with a message naming the flag', async () => {
    const r = await extract(['-'], 'The council approved 12 new buses on Monday.')
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as Output).claims).toHaveLength(1)
    const bad = await extract([fixture, '--published', '2025-13-45'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--published')
    const missing = await extract([path.join(dir, 'nope.txt')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no such file')
  }, 120_000)
})

import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const run = promisify(execFile)

test('the gold claims hold: every quote at its offsets in the article, TimeML date values, no empty text', async () => {
  const root = path.resolve(__dirname, '..')
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/check-gold.ts'], { cwd: root })
  expect(stdout).toMatch(/holdout/)
}, 60_000)

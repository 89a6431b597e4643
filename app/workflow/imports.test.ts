import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import * as vocabulary from './vocabulary'

const root = path.resolve(__dirname, '..', '..')
const VOCABULARY_WORDS = new Set([...Object.keys(vocabulary), 'Role', 'ClaimStatus', 'Verdict', 'Stance'])

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(rel)
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [rel] : []
  })
}

/** Every `import … from '…'` (and `export … from`) of a file: the names and the module. */
function importsOf(file: string) {
  const text = fs.readFileSync(path.join(root, file), 'utf8')
  return [...text.matchAll(/(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['"]([^'"]+)['"]/g)].map((m) => ({
    names: m[1]!.split(',').map((n) => n.replace(/^\s*type\s+/, '').split(/\s+as\s+/)[0]!.trim()).filter(Boolean),
    from: m[2]!,
  }))
}

const isSchema = (from: string) => /(^|\/)db\/schema$/.test(from)

describe('the domain vocabulary comes from app/workflow', () => {
  const files = ['app', 'cli', 'db', 'scripts', 'tests'].flatMap(sourceFiles)

  test('no file takes a domain word from db/schema.ts', () => {
    const offenders = files.flatMap((file) =>
      importsOf(file)
        .filter((i) => isSchema(i.from))
        .flatMap((i) => i.names.filter((n) => VOCABULARY_WORDS.has(n)).map((n) => `${file}: ${n}`)),
    )
    expect(offenders).toEqual([])
  })

  test('components and pure modules do not import the database schema at all', () => {
    const pure = files.filter((f) => /^app\/(components|workflow|exports|extraction|anchoring|matching)\//.test(f))
    const offenders = pure.filter((file) => importsOf(file).some((i) => isSchema(i.from) || /db\/client/.test(i.from)))
    expect(offenders).toEqual([])
  })

  test('the workflow module imports nothing outside itself', () => {
    const offenders = files
      .filter((f) => f.startsWith('app/workflow/') && !f.endsWith('.test.ts'))
      .flatMap((file) => importsOf(file).filter((i) => !i.from.startsWith('./')).map((i) => `${file}: ${i.from}`))
    expect(offenders).toEqual([])
  })
})

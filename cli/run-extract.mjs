// `npm run extract`: runs the built extract entry (no TypeScript compile at start-up), building it
// first with esbuild when its sources are newer than the build.
import fs from 'node:fs'
import path from 'node:path'
import { newestMtime } from '../server/newest-mtime.js'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.join(root, 'build', 'cli')
const entries = { extract: path.join(root, 'cli', 'extract.ts'), 'extract-worker': path.join(root, 'cli', 'extract-worker.ts') }
const built = path.join(outDir, 'extract.mjs')

function isStale() {
  if (!fs.existsSync(built) || !fs.existsSync(path.join(outDir, 'extract-worker.mjs'))) return true
  const at = Math.min(fs.statSync(built).mtimeMs, fs.statSync(path.join(outDir, 'extract-worker.mjs')).mtimeMs)
  return [path.join(root, 'app', 'extraction'), ...Object.values(entries), path.join(root, 'package-lock.json'), fileURLToPath(import.meta.url)].some((p) => newestMtime(p) > at)
}

if (isStale()) {
  const { build } = await import('esbuild')
  // Build beside the final files and rename, so a run started meanwhile never loads half a file.
  fs.mkdirSync(path.join(root, 'build'), { recursive: true })
  const tmp = fs.mkdtempSync(path.join(root, 'build', '.cli-'))
  await build({
    entryPoints: entries,
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  })
  fs.mkdirSync(outDir, { recursive: true })
  for (const name of ['extract-worker.mjs', 'extract.mjs']) fs.renameSync(path.join(tmp, name), path.join(outDir, name))
  fs.rmSync(tmp, { recursive: true, force: true })
}
await import(pathToFileURL(built).href)

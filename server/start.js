// `npm start`: build if the sources are newer than the build, migrate and seed the database, serve.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { newestMtime } from './newest-mtime.js'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const serverEntry = path.join(root, 'build', 'server', 'index.js')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

function buildIsStale() {
  if (!fs.existsSync(serverEntry)) return true
  const built = fs.statSync(serverEntry).mtimeMs
  const inputs = ['app', 'db', 'public', 'remix.config.js', 'vite.config.ts', 'package-lock.json']
  return inputs.some((p) => newestMtime(path.join(root, p)) > built)
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

process.env.NODE_ENV ??= 'production'

if (buildIsStale()) {
  console.log('Building the app…')
  run(bin('remix'), ['vite:build'])
}
run(process.execPath, ['--import', 'tsx', path.join(root, 'db', 'setup.ts')])

const server = spawn(process.execPath, [path.join(root, 'server', 'server.js'), serverEntry], { cwd: root, stdio: 'inherit', env: process.env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))

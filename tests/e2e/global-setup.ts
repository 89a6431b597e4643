import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    databaseFile: string
  }
}

const root = path.resolve(__dirname, '..', '..')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server at ${url} did not become healthy in ${timeoutMs} ms`)
}

/** The environment without vitest's own variables, which would change how the app builds. */
function serverEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
}

/**
 * Starts `npm start`'s script on a free port with a fresh database file, exactly as a user would,
 * with `env` added to the environment. Resolves once /healthz answers.
 */
export async function startServer(env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'))
  const databaseFile = path.join(dir, 'claimdesk.db')
  const port = await freePort()
  const baseURL = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [path.join(root, 'server', 'start.js')], {
    cwd: root,
    env: { ...serverEnv(), PORT: String(port), DATABASE_URL: databaseFile, NODE_ENV: 'production', ...env },
    // Request logs (stdout) would drown the test report; errors (stderr) still show.
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitForHealthy(baseURL, child, 180_000)
  const stop = async () => {
    child.kill('SIGTERM')
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { baseURL, databaseFile, stop }
}

export default async function setup(project: TestProject) {
  const server = await startServer()
  project.provide('baseURL', server.baseURL)
  project.provide('databaseFile', server.databaseFile)
  return server.stop
}

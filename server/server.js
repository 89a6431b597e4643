// The production HTTP server: Express serving the built Remix app and its static assets.
import cluster from 'node:cluster'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { installGlobals } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import morgan from 'morgan'
import { z } from 'zod'
import { answerBusyDatabaseWith503 } from './database-busy.js'
import { crossSiteGuard, securityHeaders, supportedMethods } from './http-guard.js'
import { pageCache } from './page-cache.js'

const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal']
function isAddressOrSubnet(entry) {
  const [address, bits, ...rest] = entry.split('/')
  if (rest.length > 0 || !net.isIP(address)) return false
  if (bits === undefined) return true
  const max = net.isIPv4(address) ? 32 : 128
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max
}

const settings = z
  .object({
    PAGE_CACHE: z.enum(['on', 'off']).default('on'),
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    // The app's public address; a form posted from a page there is its own (behind a proxy that
    // rewrites Host, say).
    ORGANIZATION_URL: z.url().optional(),
    // Which proxy in front of the server may say who the client is (X-Forwarded-For): off by
    // default, so a header any client can write never names the address sign-in attempts are
    // counted under. A hop count, or the proxy's addresses and subnets (Express's `trust proxy`).
    TRUST_PROXY: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === undefined || v === '' || v === 'false' || v === 'off' ? false : v))
      .pipe(
        z.union([
          z.literal(false),
          z
            .string()
            .regex(/^\d{1,2}$/)
            .transform(Number),
          z
            .string()
            .transform((v) => v.split(',').map((s) => s.trim()))
            .refine((list) => list.every((entry) => TRUST_PROXY_NAMES.includes(entry) || isAddressOrSubnet(entry)), {
              message:
                'use false, the number of proxies in front of the server (1), or their addresses and subnets (loopback, 10.0.0.0/8, 192.168.1.5); true would trust an address any client can write',
            }),
        ]),
      ),
  })
  .safeParse({
    PAGE_CACHE: process.env.PAGE_CACHE || undefined,
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY || undefined,
    ORGANIZATION_URL: process.env.ORGANIZATION_URL || undefined,
    TRUST_PROXY: process.env.TRUST_PROXY,
  })
if (!settings.success) {
  const issue = settings.error.issues[0]
  console.error(`${issue.path.join('.')}: ${issue.message}`)
  process.exit(1)
}
const { PAGE_CACHE, WEB_CONCURRENCY, ORGANIZATION_URL, TRUST_PROXY } = settings.data
const ORGANIZATION_ORIGIN = ORGANIZATION_URL ? new URL(ORGANIZATION_URL).origin : undefined

// WEB_CONCURRENCY > 1: this process only starts that many server processes on the same port
// (SQLite in WAL mode serves them all; sessions, throttling and the page cache's check live in
// the database) and restarts one that dies after it started.
if (WEB_CONCURRENCY > 1 && cluster.isPrimary) {
  for (let i = 0; i < WEB_CONCURRENCY; i++) cluster.fork()
  let stopping = false
  const listening = new Set()
  cluster.on('listening', (worker) => listening.add(worker.id))
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    // One that never started (a broken build, a port in use) would fail again: stop instead.
    if (!listening.has(worker.id)) {
      console.error(`server process ${worker.process.pid} failed to start (${signal ?? code})`)
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM')
      process.exit(1)
    }
    console.error(`server process ${worker.process.pid} stopped (${signal ?? code}); starting another`)
    cluster.fork()
  })
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
      cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0))
    })
  }
} else {
  await serve()
}

async function serve() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const buildPath = path.resolve(process.argv[2] ?? path.join(root, 'build', 'server', 'index.js'))
  const build = await import(pathToFileURL(buildPath).href)
  installGlobals({ nativeFetch: build.future.v3_singleFetch })

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', TRUST_PROXY)

  // A response sent before its request body was read in full (a 403 or 413 to a large upload, say)
  // closes the connection: the unread rest of the body must never be parsed as the next request,
  // and a kept-alive socket with unread bytes would otherwise stall until the keep-alive timeout.
  app.use((req, res, next) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
    const writeHead = res.writeHead
    res.writeHead = function (...args) {
      if (hasBody && !req.complete && !res.headersSent) res.setHeader('Connection', 'close')
      return writeHead.apply(this, args)
    }
    next()
  })
  app.use(supportedMethods())
  app.use(compression())
  // Vite copies public/ into the client build. Only paths that name a file (a dot in the last
  // segment) look on disk, so page requests do not pay for a stat.
  const clientDir = path.resolve(root, build.assetsBuildDirectory)
  const assets = express.static(path.join(clientDir, 'assets'), {
    immutable: true,
    maxAge: '1y',
    fallthrough: false,
  })
  const files = express.static(clientDir, { maxAge: '1h' })
  app.use('/assets', assets)
  app.use((req, res, next) => (/\.[^/]+$/.test(req.path) ? files(req, res, next) : next()))
  app.use(morgan('tiny'))
  app.use(crossSiteGuard({ trustedOrigins: ORGANIZATION_ORIGIN ? [ORGANIZATION_ORIGIN] : [] }))
  app.use(securityHeaders())
  // The same file the app opens (db/client.server.ts), relative to the working directory.
  if (PAGE_CACHE === 'on') app.use(pageCache(process.env.DATABASE_URL ?? './data/claimdesk.db'))
  app.all(
    '*',
    createRequestHandler({
      build: answerBusyDatabaseWith503(build),
      mode: process.env.NODE_ENV,
      // The client's address: the socket's peer, or what a trusted proxy forwarded (TRUST_PROXY).
      getLoadContext: (req) => ({ clientAddress: req.ip }),
    }),
  )

  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST
  const onListen = () => console.log(`Claimdesk listening on http://${host ?? 'localhost'}:${port}`)
  const server = host ? app.listen(port, host, onListen) : app.listen(port, onListen)
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => server.close(() => process.exit(0)))
  }
}

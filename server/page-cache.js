// A small in-memory cache of rendered pages for signed-in readers (the claims queue, claim,
// article, source and dashboard pages). An entry is served only to the same session, for the same
// URL, while the database is unchanged: SQLite's `PRAGMA data_version`, read on a connection of
// its own, changes whenever any connection (this server's, a CLI import, a restore) commits. So a
// hit returns exactly what rendering would return now; any write makes every entry stale.
import Database from 'better-sqlite3'

const CACHEABLE = /^\/(?:claims|claims\/\d+|articles|articles\/\d+|sources|sources\/\d+|dashboard)(?:\.data)?$/
const SESSION_COOKIE = 'claimdesk_session'
const FLASH_COOKIE = 'claimdesk_flash'
const MAX_ENTRIES = 1000
const MAX_BYTES = 64 * 1024 * 1024
const MAX_ENTRY_BYTES = 2 * 1024 * 1024
// Nothing on these pages depends on the clock, but a session can expire without a write: entries
// are also bounded in age.
const MAX_AGE_MS = 60_000
const STORED_HEADERS = ['content-type', 'cache-control', 'vary', 'link', 'x-remix-response', 'x-remix-redirect', 'x-remix-status']

function cookieValue(header, name) {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

/** Express middleware; `databaseFile` is the SQLite file the app serves. */
export function pageCache(databaseFile) {
  let version
  try {
    const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
    const statement = db.prepare('pragma data_version').pluck()
    version = () => statement.get()
  } catch {
    // No database file to watch (an in-memory database): nothing is cached.
    return (req, res, next) => next()
  }
  const entries = new Map()
  let bytes = 0
  const remove = (key) => {
    const entry = entries.get(key)
    if (!entry) return
    bytes -= entry.body.length
    entries.delete(key)
  }

  return (req, res, next) => {
    if (req.method !== 'GET' || !CACHEABLE.test(req.path)) return next()
    const cookies = req.headers.cookie
    const session = cookieValue(cookies, SESSION_COOKIE)
    // A pending flash message is shown once, so that page is never a cached one.
    if (!session || cookieValue(cookies, FLASH_COOKIE)) return next()
    const key = `${session}\n${req.originalUrl}`
    const now = Date.now()
    const current = version()
    const entry = entries.get(key)
    if (entry && entry.version === current && now - entry.storedAt < MAX_AGE_MS) {
      // Most recently used last, so eviction drops the least recently used.
      entries.delete(key)
      entries.set(key, entry)
      res.status(entry.status)
      for (const [name, value] of entry.headers) res.setHeader(name, value)
      res.setHeader('X-Page-Cache', 'hit')
      return res.end(entry.body)
    }
    if (entry) remove(key)

    // Render as usual and keep a copy of a plain 200 page (not one that sets a cookie or that the app marked no-store).
    const chunks = []
    let size = 0
    let keep = true
    const write = res.write
    const end = res.end
    const collect = (chunk, encoding) => {
      if (!keep || chunk == null || typeof chunk === 'function') return
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
      size += buffer.length
      if (size > MAX_ENTRY_BYTES) keep = false
      else chunks.push(buffer)
    }
    // The Cache-Control the app set, before the server's own default is added (server/http-guard.js
    // marks every answer no-store for browsers; that does not concern this cache, which is part of
    // the server, per session, and checked against the database on every hit).
    let appCacheControl
    const writeHead = res.writeHead
    res.writeHead = function (...args) {
      appCacheControl ??= String(res.getHeader('cache-control') ?? '')
      return writeHead.apply(this, args)
    }
    res.write = function (chunk, encoding, callback) {
      collect(chunk, encoding)
      return write.call(this, chunk, encoding, callback)
    }
    res.end = function (chunk, encoding, callback) {
      collect(chunk, encoding)
      if (
        keep &&
        res.statusCode === 200 &&
        !res.hasHeader('set-cookie') &&
        !/no-store/i.test(appCacheControl ?? String(res.getHeader('cache-control') ?? ''))
      ) {
        const headers = STORED_HEADERS.filter((name) => res.hasHeader(name)).map((name) => [name, res.getHeader(name)])
        const body = Buffer.concat(chunks)
        while (entries.size >= MAX_ENTRIES || (entries.size > 0 && bytes + body.length > MAX_BYTES)) remove(entries.keys().next().value)
        entries.set(key, { version: current, storedAt: now, status: 200, headers, body })
        bytes += body.length
      }
      return end.call(this, chunk, encoding, callback)
    }
    res.setHeader('X-Page-Cache', 'miss')
    next()
  }
}

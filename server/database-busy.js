// A database that stays locked longer than busy_timeout (another server process or the CLI holds
// the write lock) is answered 503 with Retry-After: the transaction that met it was rolled back,
// so the client may simply send the request again. Never a 500.

export const RETRY_AFTER_SECONDS = 1

/** Whether an error (or what it wraps, as drizzle does) is SQLite saying the database stayed locked. */
export function isDatabaseBusy(error) {
  for (let e = error; e && typeof e === 'object'; e = e.cause) {
    if (typeof e.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(e.code)) return true
  }
  return false
}

function busyResponse(routeId) {
  const message = 'The database is busy with other changes and this request was not carried out. Send it again in a moment.'
  const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' }
  if (routeId.startsWith('routes/api.')) {
    return new Response(JSON.stringify({ error: { code: 'service_unavailable', message } }), {
      status: 503,
      headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    })
  }
  return new Response(message, { status: 503, statusText: 'Service Unavailable', headers })
}

/** The server build with every loader and action answering a busy database with a 503. */
export function answerBusyDatabaseWith503(build) {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module = { ...route.module }
      for (const name of ['loader', 'action']) {
        const handler = route.module[name]
        if (typeof handler !== 'function') continue
        module[name] = async (args) => {
          try {
            return await handler(args)
          } catch (error) {
            if (isDatabaseBusy(error)) throw busyResponse(id)
            throw error
          }
        }
      }
      return [id, { ...route, module }]
    }),
  )
  return { ...build, routes }
}

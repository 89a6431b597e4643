// Rules every request meets before it reaches the app: methods the server speaks, proof that a
// state-changing request comes from the app's own pages, and the headers every answer carries.
// See docs/decisions/009-http-boundary.md.

/** Methods the app answers; anything else (TRACE, CONNECT, PROPFIND…) is a 405, never a server error. */
export const SUPPORTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function refuse(req, res, status, message, code) {
  if (req.path.startsWith('/api/')) {
    res.status(status).json({ error: { code, message } })
  } else {
    res.status(status).type('text/plain; charset=utf-8').send(message)
  }
}

export function supportedMethods() {
  return (req, res, next) => {
    if (SUPPORTED_METHODS.includes(req.method)) return next()
    res.setHeader('Allow', SUPPORTED_METHODS.join(', '))
    refuse(req, res, 405, `The ${req.method} method is not supported.`, 'method_not_allowed')
  }
}

/**
 * Why a request must be refused as cross-site, or null if it may go on. GET, HEAD and OPTIONS
 * change nothing and always pass. A request with `Authorization: Bearer` is an API client's: a
 * page on another site cannot add that header without a CORS preflight, which this server never
 * grants, and the API does not read cookies. Otherwise a browser tells us where the request comes
 * from: `Sec-Fetch-Site` must be `same-origin` (or `none`, typed by the person), and `Origin`, when
 * sent, must be this server's own (the Host the request was sent to, or one of `trustedOrigins`).
 * A request with neither header comes from a program, not a browser, so it carries no one
 * else's cookie and passes.
 *
 * @param {{ method: string, path: string, headers: Record<string, string | string[] | undefined> }} req
 * @param {string[]} trustedOrigins
 */
export function crossSiteRefusal(req, trustedOrigins = []) {
  if (SAFE_METHODS.has(req.method)) return null
  const header = (name) => {
    const value = req.headers[name]
    return Array.isArray(value) ? value.join(',') : value
  }
  if (req.path.startsWith('/api/') && /^Bearer\s+\S/i.test(header('authorization') ?? '')) return null
  const site = header('sec-fetch-site')
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `the browser says it was sent from a ${site} page`
  const origin = header('origin')
  if (origin === undefined) return null
  if (origin === 'null') return 'it was sent from a page without an origin'
  let originHost
  try {
    const url = new URL(origin)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `it was sent from ${origin}`
    if (trustedOrigins.includes(url.origin)) return null
    originHost = url.host
  } catch {
    return 'its Origin header is not an address'
  }
  return originHost === header('host') ? null : `it was sent from ${origin}`
}

/**
 * Refuses state-changing requests from other sites (403), and legacy `?_data=` requests (400):
 * the app uses Remix's single fetch, so only a forged request uses that form, and Remix would run
 * the action behind it without its own origin check.
 */
export function crossSiteGuard({ trustedOrigins = [] } = {}) {
  return (req, res, next) => {
    if (Object.prototype.hasOwnProperty.call(req.query ?? {}, '_data')) {
      return refuse(req, res, 400, 'Requests with a _data parameter are not supported: request the page itself.', 'bad_request')
    }
    const reason = crossSiteRefusal(req, trustedOrigins)
    if (reason === null) return next()
    refuse(
      req,
      res,
      403,
      `Refused: this change did not come from Claimdesk's own pages (${reason}). Open Claimdesk and try again there.`,
      'forbidden',
    )
  }
}

/**
 * Headers on every answer of the app: never shown in a frame (clickjacking), and not stored by the
 * browser or any cache in between unless the app said otherwise — pages show a signed-in person's
 * data, and a shared computer's back button must not bring them back after signing out. The
 * Cache-Control is filled in when the app's answer is written, only if the app set none.
 */
export function securityHeaders() {
  return (req, res, next) => {
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Content-Security-Policy', "frame-ancestors 'none'")
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'same-origin')
    const writeHead = res.writeHead
    res.writeHead = function (...args) {
      if (!res.headersSent && !res.hasHeader('cache-control')) res.setHeader('Cache-Control', 'no-store')
      return writeHead.apply(this, args)
    }
    next()
  }
}

import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'

/** `httpStatus` is set when the server answered with an error status, `unreachable` when it could not be reached in time. */
export class FetchRefusedError extends Error {
  constructor(
    message: string,
    readonly details: { httpStatus?: number; unreachable?: boolean } = {},
  ) {
    super(message)
  }
}

const ALLOWED_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain']

function v4ToInt(ip: string) {
  return ip.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0
}

function inV4(ip: string, cidr: string) {
  const [base, bits] = cidr.split('/')
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0
  return (v4ToInt(ip) & mask) === (v4ToInt(base!) & mask)
}

const PRIVATE_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4', '255.255.255.255/32']

/** Private, loopback, link-local, unique-local, CGNAT, documentation, multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').split('%')[0]!
  if (net.isIPv4(ip)) return PRIVATE_V4.some((c) => inV4(ip, c))
  if (!net.isIPv6(ip)) return true
  const lower = ip.toLowerCase()
  const mapped = /^(?:0{0,4}:){0,5}(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (mapped) return isPrivateAddress(mapped[1]!)
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower)
  if (mappedHex) {
    const n = (parseInt(mappedHex[1]!, 16) << 16) + parseInt(mappedHex[2]!, 16)
    return isPrivateAddress([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'))
  }
  if (lower === '::' || lower === '::1') return true
  const first = parseInt(lower.split(':')[0] || '0', 16)
  if ((first & 0xfe00) === 0xfc00) return true // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true // fe80::/10 link-local
  if ((first & 0xff00) === 0xff00) return true // multicast
  if (lower.startsWith('2001:db8:') || lower.startsWith('64:ff9b:')) return true
  return false
}

type Options = { allowPrivate: boolean; timeoutMs?: number; maxBytes?: number; maxRedirects?: number; allowedTypes?: string[] }
/** `bytes` are the body as received; `text` is it decoded with the declared charset. */
export type FetchedPage = { url: string; status: number; contentType: string; text: string; bytes: Buffer }

/**
 * Fetches a page for import without letting a URL reach this machine's network: every hop's
 * address is checked (and the connection made to the checked address, so DNS cannot change its
 * answer in between), redirects are followed by hand up to a limit, and time, size and content
 * type are limited. Refusals throw FetchRefusedError with a message for the person importing.
 */
export async function fetchArticlePage(rawUrl: string, { allowPrivate, timeoutMs = 10_000, maxBytes = 5 * 1024 * 1024, maxRedirects = 5, allowedTypes = ALLOWED_TYPES }: Options): Promise<FetchedPage> {
  const deadline = Date.now() + timeoutMs
  let url = new URL(rawUrl)
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefusedError('Only http and https addresses can be imported.')
    const response = await requestOnce(url, { allowPrivate, deadline, maxBytes, allowedTypes })
    if (response.redirect) {
      if (hop >= maxRedirects) throw new FetchRefusedError(`The page redirected more than ${maxRedirects} times.`)
      url = new URL(response.redirect, url)
      continue
    }
    return { url: url.toString(), status: response.status, contentType: response.contentType, text: response.text, bytes: response.bytes }
  }
}

function requestOnce(url: URL, { allowPrivate, deadline, maxBytes, allowedTypes }: { allowPrivate: boolean; deadline: number; maxBytes: number; allowedTypes: string[] }) {
  return new Promise<{ redirect?: string; status: number; contentType: string; text: string; bytes: Buffer }>((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '')
    if (net.isIP(host) && !allowPrivate && isPrivateAddress(host)) {
      return reject(new FetchRefusedError('That address is on a private or local network and cannot be imported.'))
    }
    const lookup: net.LookupFunction = (hostname, options, callback) => {
      dns.lookup(hostname, { all: true }, (err, addresses) => {
        if (err) return callback(err, '', 0)
        const list = addresses as dns.LookupAddress[]
        if (!allowPrivate && list.some((a) => isPrivateAddress(a.address))) {
          return callback(new FetchRefusedError('That address is on a private or local network and cannot be imported.'), '', 0)
        }
        const chosen = list[0]!
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, [chosen])
        callback(null, chosen.address, chosen.family)
      })
    }
    const remaining = deadline - Date.now()
    if (remaining <= 0) return reject(new FetchRefusedError('The page took too long to answer.', { unreachable: true }))
    const client = url.protocol === 'https:' ? https : http
    const req = client.get(url, { lookup, timeout: remaining, headers: { 'user-agent': 'Claimdesk article import', accept: 'text/html, text/plain;q=0.9' } }, (res) => {
      const status = res.statusCode ?? 0
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume()
        return resolve({ redirect: res.headers.location, status, contentType: '', text: '', bytes: Buffer.alloc(0) })
      }
      if (status < 200 || status >= 300) {
        res.resume()
        return reject(new FetchRefusedError(`The page answered with HTTP ${status}.`, { httpStatus: status }))
      }
      const contentType = (res.headers['content-type'] ?? '').toLowerCase()
      if (!allowedTypes.some((t) => contentType.startsWith(t))) {
        res.resume()
        return reject(new FetchRefusedError(`That address is not a web page (${contentType.split(';')[0] || 'no content type'}).`))
      }
      if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
        res.destroy()
        return reject(new FetchRefusedError(`The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`))
      }
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes) {
          res.destroy()
          reject(new FetchRefusedError(`The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`))
          return
        }
        chunks.push(chunk)
      })
      res.on('end', () => {
        const charset = /charset=([\w-]+)/.exec(contentType)?.[1] ?? 'utf-8'
        let decoder: TextDecoder
        try {
          decoder = new TextDecoder(charset)
        } catch {
          decoder = new TextDecoder('utf-8')
        }
        const bytes = Buffer.concat(chunks)
        resolve({ status, contentType, text: decoder.decode(bytes), bytes })
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new FetchRefusedError('The page took too long to answer.', { unreachable: true })))
    // One limit for the whole fetch: a server dripping bytes is cut off at the deadline too.
    const overall = setTimeout(() => req.destroy(new FetchRefusedError('The page took too long to answer.', { unreachable: true })), remaining)
    req.on('close', () => clearTimeout(overall))
    req.on('error', (err) => reject(err instanceof FetchRefusedError ? err : new FetchRefusedError(`The page could not be fetched (${(err as NodeJS.ErrnoException).code ?? err.message}).`, { unreachable: true })))
  })
}

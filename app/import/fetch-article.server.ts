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

/** The eight 16-bit groups of an IPv6 address, in any of its spellings (`::`, embedded dotted IPv4). */
function ipv6Groups(ip: string): number[] | null {
  let canonical: string
  try {
    // The URL parser writes every IPv6 spelling in one canonical form: lower-case hex, no dotted part.
    canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1)
  } catch {
    return null
  }
  const [head, tail] = canonical.includes('::') ? canonical.split('::') : [canonical, undefined]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0')
  const groups = [...left, ...fill, ...right].map((g) => parseInt(g, 16))
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null
}

const v4Of = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.')

/**
 * Private, loopback, link-local, unique-local, CGNAT, documentation, multicast or unspecified —
 * including an IPv4 address written inside IPv6 (IPv4-compatible `::127.0.0.1`, IPv4-mapped
 * `::ffff:127.0.0.1`, IPv4-translated `::ffff:0:7f00:1`, NAT64 `64:ff9b::`, 6to4 `2002::`), which is
 * judged by the IPv4 address it carries. Teredo and anything that does not parse count as private.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').split('%')[0]!
  if (net.isIPv4(ip)) return PRIVATE_V4.some((c) => inV4(ip, c))
  if (!net.isIPv6(ip)) return true
  const g = ipv6Groups(ip)
  if (!g) return true
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0)
  // ::/96 (IPv4-compatible, and :: and ::1 themselves) and ::ffff:0:0/96 (IPv4-mapped)
  if (zero(0, 5) && (g[5] === 0 || g[5] === 0xffff)) return isPrivateAddress(v4Of(g[6]!, g[7]!))
  // ::ffff:0:0:0/96 (IPv4-translated)
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return isPrivateAddress(v4Of(g[6]!, g[7]!))
  // 64:ff9b::/96 (NAT64) carries an IPv4 address; 64:ff9b:1::/48 is for local networks
  if (g[0] === 0x64 && g[1] === 0xff9b) return zero(2, 6) ? isPrivateAddress(v4Of(g[6]!, g[7]!)) : true
  // 2002::/16 (6to4) carries an IPv4 address in its second and third groups
  if (g[0] === 0x2002) return isPrivateAddress(v4Of(g[1]!, g[2]!))
  if (g[0] === 0x2001 && g[1] === 0) return true // Teredo: reaches an IPv4 host by tunnel
  if (g[0] === 0x2001 && g[1] === 0xdb8) return true // documentation
  if (g[0] === 0x100 && zero(1, 4)) return true // 100::/64 discard
  if ((g[0]! & 0xfe00) === 0xfc00) return true // fc00::/7 unique local
  if ((g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xffc0) === 0xfec0) return true // link-local, old site-local
  if ((g[0]! & 0xff00) === 0xff00) return true // multicast
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

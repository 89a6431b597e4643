import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fetchArticlePage, FetchRefusedError, isPrivateAddress } from './fetch-article.server'

describe('isPrivateAddress', () => {
  test.each([
    ['127.0.0.1', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true], ['192.168.1.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true],
    ['::1', true], ['::', true], ['fe80::1', true], ['fd12:3456::1', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['ff02::1', true],
    ['8.8.8.8', false], ['172.32.0.1', false], ['93.184.216.34', false], ['2606:4700:4700::1111', false],
    // IPv4 written inside IPv6: compatible, mapped (every spelling), translated, NAT64, 6to4, Teredo
    ['::127.0.0.1', true], ['[::127.0.0.1]', true], ['::7f00:1', true], ['0:0:0:0:0:0:7f00:1', true], ['::10.0.0.1', true],
    ['::ffff:0:7f00:1', true], ['[::ffff:0:7f00:1]', true], ['0:0:0:0:ffff:0:127.0.0.1', true], ['::ffff:0:a9fe:a9fe', true],
    ['0:0:0:0:0:ffff:7f00:0001', true], ['::FFFF:127.0.0.1', true], ['::ffff:a9fe:a9fe', true],
    ['64:ff9b::7f00:1', true], ['64:ff9b::10.1.1.1', true], ['64:ff9b:1::1', true], ['2002:7f00:1::1', true], ['2002:c0a8:101::', true],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true], ['fec0::1', true], ['100::1', true], ['::0.0.0.0', true], ['not-an-ip', true],
    ['::ffff:8.8.8.8', false], ['64:ff9b::808:808', false], ['2002:808:808::1', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected)
  })
})

describe('fetchArticlePage against a local server', () => {
  let server: http.Server
  let base: string
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/article') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><p>Café news</p></body></html>')
      if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end()
      if (req.url === '/redirect') return res.writeHead(301, { location: '/article' }).end()
      if (req.url === '/pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF')
      if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'text/html' })
        return res.end('x'.repeat(3 * 1024 * 1024))
      }
      if (req.url === '/slow') return setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('late'), 2000)
      if (req.url === '/drip') {
        // Headers at once, then one byte every 100 ms: never idle, never done.
        res.writeHead(200, { 'content-type': 'text/html' })
        const drip = setInterval(() => res.write('x'), 100)
        res.on('close', () => clearInterval(drip))
        return
      }
      res.writeHead(404).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  test('refuses loopback unless explicitly allowed', async () => {
    await expect(fetchArticlePage(`${base}/article`, { allowPrivate: false })).rejects.toThrow(/private or local network/)
    await expect(fetchArticlePage(`http://localhost:${new URL(base).port}/article`, { allowPrivate: false })).rejects.toBeInstanceOf(FetchRefusedError)
    const page = await fetchArticlePage(`${base}/article`, { allowPrivate: true })
    expect(page.text).toContain('Café news')
  })

  test('follows redirects up to a limit, and limits type, size and time', async () => {
    expect((await fetchArticlePage(`${base}/redirect`, { allowPrivate: true })).url).toBe(`${base}/article`)
    await expect(fetchArticlePage(`${base}/loop`, { allowPrivate: true })).rejects.toThrow(/redirected more than 5 times/)
    await expect(fetchArticlePage(`${base}/pdf`, { allowPrivate: true })).rejects.toThrow(/not a web page/)
    await expect(fetchArticlePage(`${base}/huge`, { allowPrivate: true, maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1 MB/)
    await expect(fetchArticlePage(`${base}/slow`, { allowPrivate: true, timeoutMs: 300 })).rejects.toThrow(/too long/)
    await expect(fetchArticlePage('ftp://example.org/x', { allowPrivate: true })).rejects.toThrow(/Only http/)
  })

  test('one deadline covers the whole fetch, body included: a server dripping a byte at a time is cut off on time', async () => {
    const started = Date.now()
    await expect(fetchArticlePage(`${base}/drip`, { allowPrivate: true, timeoutMs: 800 })).rejects.toThrow(/too long/)
    const took = Date.now() - started
    expect(took).toBeGreaterThanOrEqual(750)
    expect(took).toBeLessThan(1500)
  })

  test('loopback written as IPv6 is refused before any connection', async () => {
    const port = new URL(base).port
    for (const host of ['[::127.0.0.1]', '[::ffff:0:7f00:1]', '[::ffff:127.0.0.1]', '[0:0:0:0:0:ffff:7f00:1]', '[64:ff9b::7f00:1]']) {
      await expect(fetchArticlePage(`http://${host}:${port}/article`, { allowPrivate: false }), host).rejects.toThrow(/private or local network/)
    }
  })
})

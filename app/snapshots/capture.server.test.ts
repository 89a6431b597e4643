import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeArticleWithClaims, makeUser } from '../../tests/factories'
import { addEvidence } from '../models/evidence.server'
import { checkExcerpts, getSnapshotChange, listClaimsWithChangedSources, listSnapshots, snapshotSummaries } from '../models/snapshot.server'
import { findOrCreateSource } from '../models/source.server'
import { getDb } from '../../db/client.server'
import { sourceSnapshots } from '../../db/schema'
import { backgroundSnapshotsSettled, snapshotInBackground } from './capture.server'

/** A local web server whose pages the tests change between checks. */
let server: http.Server
let base: string
const pages = new Map<string, { type: string; body: string | Buffer }>()
let dripMs = 0

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/moved') return res.writeHead(301, { location: '/article' }).end()
    if (req.url === '/drip') {
      res.writeHead(200, { 'content-type': 'text/html' })
      const timer = setInterval(() => res.write('<p>drop</p>'), dripMs)
      res.on('close', () => clearInterval(timer))
      return
    }
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' })
      return res.end(Buffer.alloc(6 * 1024 * 1024, 'x'))
    }
    const page = pages.get(req.url ?? '')
    if (!page) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>')
    res.writeHead(200, { 'content-type': page.type }).end(page.body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const html = (title: string, paragraphs: string[]) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`

const options = { allowPrivate: true, timeoutMs: 2000 }

async function snapshot(sourceId: number, opts = options) {
  snapshotInBackground({ sourceId }, opts)
  await backgroundSnapshotsSettled()
  return snapshotSummaries({ sourceIds: [sourceId] }).get(sourceId)!
}

beforeEach(() => {
  useFreshDatabase()
  pages.clear()
})

describe('source snapshots against a local server', () => {
  test('a page is stored with its final URL, status, type, title, text, hash and compressed bytes; changes and disappearance are marked', async () => {
    const body = html('Budget report', ['The deficit fell to 3.1% of GDP in 2025, the ministry said.', 'Spending rose in every region.'])
    pages.set('/article', { type: 'text/html; charset=utf-8', body })
    const user = await makeUser()
    const { claims } = makeArticleWithClaims({ sentences: ['The deficit fell to 3.1%.'] })
    const added = addEvidence({ claimId: claims[0]!.id, actorId: user.id, stance: 'supports', excerpt: 'The deficit fell to 3.1% of GDP in 2025', note: '', source: { url: `${base}/moved`, title: 'Report' } })
    expect(added.ok).toBe(true)
    const sourceId = (added as { sourceId: number }).sourceId

    const first = await snapshot(sourceId)
    expect(first).toMatchObject({ status: 'ok', httpStatus: 200, finalUrl: `${base}/article`, title: 'Budget report', change: null })
    expect(first.sha256).toBe(createHash('sha256').update(body).digest('hex'))
    const row = getDb().select().from(sourceSnapshots).all()[0]!
    expect(gunzipSync(row.content!).toString()).toBe(body)
    expect(row.text).toContain('Spending rose in every region.')
    expect(checkExcerpts([{ sourceId, excerpt: 'The deficit fell to 3.1% of GDP in 2025' }])[0]).toMatchObject({ found: true, context: { match: 'The deficit fell to 3.1% of GDP in 2025' } })

    expect((await snapshot(sourceId)).change).toBe('unchanged')
    expect(listClaimsWithChangedSources()).toEqual([])
    // The same bytes again are not stored twice; the row keeps their hash.
    const [, again] = getDb().select().from(sourceSnapshots).all()
    expect(again).toMatchObject({ content: null, sha256: first.sha256, contentLength: Buffer.byteLength(body) })

    pages.set('/article', { type: 'text/html', body: html('Budget report', ['The deficit fell to 3.4% of GDP in 2025, the ministry said.', 'Spending rose in every region.']) })
    expect((await snapshot(sourceId)).change).toBe('changed')
    expect(checkExcerpts([{ sourceId, excerpt: 'The deficit fell to 3.1% of GDP in 2025' }])[0]).toMatchObject({ found: false })
    const diff = getSnapshotChange({ sourceId })!
    expect(diff.baseline.text).toContain('3.1%')
    expect(diff.latest.text).toContain('3.4%')
    expect(listClaimsWithChangedSources()).toMatchObject([{ claimId: claims[0]!.id, sourceId, change: 'changed' }])

    pages.delete('/article')
    const gone = await snapshot(sourceId)
    expect(gone).toMatchObject({ status: 'failed', httpStatus: 404, change: 'gone' })
    expect(gone.error).toMatch(/HTTP 404/)
    expect(listClaimsWithChangedSources({ sourceId })).toMatchObject([{ change: 'gone' }])
    expect(listSnapshots({ sourceId }).map((s) => s.status)).toEqual(['failed', 'ok', 'ok', 'ok'])
  })

  test('a PDF is kept with its hash but no text; a huge page and a slow one fail with the reason', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
    pages.set('/report.pdf', { type: 'application/pdf', body: pdf })
    const pdfSource = findOrCreateSource({ url: `${base}/report.pdf`, title: 'PDF' })
    expect(await snapshot(pdfSource.id)).toMatchObject({ status: 'ok', contentType: 'application/pdf', sha256: createHash('sha256').update(pdf).digest('hex'), title: null })
    expect(checkExcerpts([{ sourceId: pdfSource.id, excerpt: 'anything' }])[0]).toBeNull()

    const huge = findOrCreateSource({ url: `${base}/huge`, title: 'Huge' })
    expect(await snapshot(huge.id)).toMatchObject({ status: 'failed', change: null, error: expect.stringMatching(/larger than 5 MB/) })

    dripMs = 100
    const slow = findOrCreateSource({ url: `${base}/drip`, title: 'Drip' })
    const started = Date.now()
    expect(await snapshot(slow.id, { allowPrivate: true, timeoutMs: 800 })).toMatchObject({ status: 'failed', change: 'gone', error: expect.stringMatching(/too long/) })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  test('names reserved for examples are not looked up', async () => {
    const source = findOrCreateSource({ url: 'https://news.example/story', title: 'Example' })
    expect(await snapshot(source.id)).toMatchObject({ status: 'failed', change: 'gone', error: expect.stringMatching(/reserved for examples/) })
  })

  test('private addresses are refused unless allowed', async () => {
    pages.set('/article', { type: 'text/html', body: html('T', ['x']) })
    const source = findOrCreateSource({ url: `${base}/article`, title: 'Local' })
    expect(await snapshot(source.id, { allowPrivate: false, timeoutMs: 2000 })).toMatchObject({ status: 'failed', error: expect.stringMatching(/private or local network/) })
  })

  test('the request that starts a snapshot does not wait for it', async () => {
    dripMs = 200
    const slow = findOrCreateSource({ url: `${base}/drip`, title: 'Drip' })
    const started = Date.now()
    snapshotInBackground({ sourceId: slow.id }, { allowPrivate: true, timeoutMs: 1000 })
    expect(Date.now() - started).toBeLessThan(100)
    expect(snapshotSummaries({ sourceIds: [slow.id] }).get(slow.id)).toMatchObject({ status: 'pending' })
    // Asking again while the fetch is under way starts no second one.
    const first = listSnapshots({ sourceId: slow.id })[0]!.id
    expect(snapshotInBackground({ sourceId: slow.id }, { allowPrivate: true, timeoutMs: 1000 })).toBe(first)
    expect(listSnapshots({ sourceId: slow.id })).toHaveLength(1)
    await backgroundSnapshotsSettled()
    expect(snapshotSummaries({ sourceIds: [slow.id] }).get(slow.id)).toMatchObject({ status: 'failed' })
  })
})

import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { WARCParser } from 'warcio'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrateDatabase, openDatabase, setDb, type DB } from '../db/client.server'
import { addEvidence } from '../app/models/evidence.server'
import { listClaimsWithChangedSources, snapshotSummaries } from '../app/models/snapshot.server'
import { makeArticleWithClaims, makeUser } from '../tests/factories'

const run = promisify(execFile)
const root = path.resolve(__dirname, '..')
let dir: string
let env: NodeJS.ProcessEnv
let db: DB
let server: http.Server
let base: string
const pages = new Map<string, string>()

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], { cwd: root, env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = pages.get(req.url ?? '')
    if (body === undefined) return res.writeHead(410, { 'content-type': 'text/plain' }).end('gone')
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-snapshots-'))
  env = { ...process.env, DATABASE_URL: path.join(dir, 'claimdesk.db'), ALLOW_PRIVATE_FETCH: 'true' }
  db = openDatabase(env.DATABASE_URL!)
  migrateDatabase(db)
  setDb(db)
})
afterAll(async () => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
  await new Promise<void>((r) => server.close(() => r()))
})

const page = (words: string) => `<html><head><title>Page</title></head><body><article><p>${words}</p></article></body></html>`

describe('cli sources check and export-snapshots', () => {
  test('checks record unchanged, changed and gone; the WARC file reads back with warcio', async () => {
    pages.set('/a', page('Alpha says the bridge opened in 2019.'))
    pages.set('/b', page('Beta says the river is 40 km long.'))
    const user = await makeUser()
    const { claims } = makeArticleWithClaims({ sentences: ['The bridge opened in 2019.', 'The river is 40 km long.'] })
    const a = addEvidence({ claimId: claims[0]!.id, actorId: user.id, stance: 'supports', excerpt: 'bridge opened in 2019', note: '', source: { url: `${base}/a`, title: 'A' } })
    const b = addEvidence({ claimId: claims[1]!.id, actorId: user.id, stance: 'supports', excerpt: '', note: '', source: { url: `${base}/b`, title: 'B' } })
    const [idA, idB] = [(a as { sourceId: number }).sourceId, (b as { sourceId: number }).sourceId]

    const bad = await cli('sources', 'check', '--older-than', 'soon')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--older-than: use a number followed by d, h or m')

    const first = await cli('sources', 'check')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(new RegExp(`captured +#${idA} `))
    expect(first.stderr).toContain('Checked 2 sources: 2 captured.')

    // Nothing is older than 30 days, so nothing is due.
    expect((await cli('sources', 'check', '--older-than', '30d')).stderr).toContain('Checked 0 sources.')

    pages.set('/a', page('Alpha says the bridge opened in 2021.'))
    pages.delete('/b')
    const second = await cli('sources', 'check', '--json')
    expect(second.code).toBe(0)
    const results = JSON.parse(second.stdout) as { sourceId: number; change: string; httpStatus: number }[]
    expect(results.find((r) => r.sourceId === idA)).toMatchObject({ change: 'changed', httpStatus: 200 })
    expect(results.find((r) => r.sourceId === idB)).toMatchObject({ change: 'gone', httpStatus: 410 })
    expect(listClaimsWithChangedSources().map((c) => [c.claimId, c.change]).sort()).toEqual(
      [
        [claims[0]!.id, 'changed'],
        [claims[1]!.id, 'gone'],
      ].sort(),
    )

    // Checked again with the same bytes: still changed against the first capture, stored as a revisit.
    const third = await cli('sources', 'check', '--json')
    expect((JSON.parse(third.stdout) as { sourceId: number; change: string }[]).find((r) => r.sourceId === idA)).toMatchObject({ change: 'changed' })

    const out = path.join(dir, 'out', 'snapshots.warc.gz')
    expect((await cli('export-snapshots')).code).toBe(2)
    const exported = await cli('export-snapshots', '--out', out)
    expect(exported.code).toBe(0)
    expect(exported.stderr).toContain('Wrote 4 snapshots')

    const records: { type: unknown; url: unknown; version: unknown; digest: unknown; status: unknown; text: string; refersTo: unknown; profile: unknown }[] = []
    for await (const record of new WARCParser(fs.createReadStream(out))) {
      records.push({
        type: record.warcType,
        url: record.warcTargetURI,
        version: record.warcHeaders.protocol,
        digest: record.warcPayloadDigest,
        status: record.httpHeaders?.statusCode,
        refersTo: record.warcHeader('WARC-Refers-To-Target-URI'),
        profile: record.warcHeader('WARC-Profile'),
        text: await record.contentText(),
      })
    }
    expect(records.map((r) => r.type)).toEqual(['warcinfo', 'response', 'response', 'response', 'revisit'])
    expect(records.every((r) => r.version === 'WARC/1.1')).toBe(true)
    const responses = records.slice(1)
    expect(responses.map((r) => r.url)).toEqual([`${base}/a`, `${base}/b`, `${base}/a`, `${base}/a`])
    expect(responses[2]!.text).toBe(page('Alpha says the bridge opened in 2021.'))
    expect(Number(responses[2]!.status)).toBe(200)
    const latestA = snapshotSummaries({ sourceIds: [idA] }).get(idA)!
    expect(latestA.sha256).toBe(createHash('sha256').update(page('Alpha says the bridge opened in 2021.')).digest('hex'))
    expect(responses[2]!.digest).toBe(`sha256:${latestA.sha256}`)
    expect(responses[3]).toMatchObject({
      url: `${base}/a`,
      refersTo: `${base}/a`,
      profile: 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest',
      digest: `sha256:${latestA.sha256}`,
      text: '',
    })
  }, 60_000)
})

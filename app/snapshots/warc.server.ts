import { STATUS_CODES } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { WARCRecord, WARCSerializer } from 'warcio'
import type { ArchivedSnapshot } from '../models/snapshot.server'

const WARC_VERSION = 'WARC/1.1'
/** SHA-256 in hex, so a record's WARC-Payload-Digest is the snapshot's `sha256` with a prefix. */
const DIGEST = { algo: 'sha-256', prefix: 'sha256:', base32: false }

/**
 * The snapshots as a gzipped WARC/1.1 file: a warcinfo record, then one `response` record per
 * snapshot holding the HTTP status line, its content type and the bytes received, dated when
 * it was fetched. A snapshot that received the same bytes as an earlier one is a `revisit`
 * record (identical-payload-digest profile) pointing at it. Each record is its own gzip member,
 * as web archives expect.
 */
export async function* snapshotsToWarc(snapshots: Iterable<ArchivedSnapshot>, { filename, software }: { filename: string; software: string }): AsyncGenerator<Uint8Array> {
  const info = WARCRecord.createWARCInfo({ filename, warcVersion: WARC_VERSION }, { software, format: 'WARC File Format 1.1', description: 'Snapshots of sources cited as evidence' })
  yield await WARCSerializer.serialize(info, { gzip: true, digest: DIGEST })
  for (const s of snapshots) {
    if (s.status !== 'ok' || !s.fetchedAt) continue
    const status = s.httpStatus ?? 200
    const statusline = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd()
    if (!s.content) {
      if (!s.revisitOf || !s.sha256) continue
      const revisit = WARCRecord.create(
        {
          url: s.finalUrl ?? s.requestedUrl,
          date: s.fetchedAt.toISOString(),
          type: 'revisit',
          warcVersion: WARC_VERSION,
          refersToUrl: s.revisitOf.url,
          refersToDate: s.revisitOf.fetchedAt.toISOString(),
          statusline,
          httpHeaders: { 'Content-Type': s.contentType ?? 'application/octet-stream' },
          warcHeaders: { 'WARC-Payload-Digest': `sha256:${s.sha256}` },
        },
        [],
      )
      yield await WARCSerializer.serialize(revisit, { gzip: true, digest: DIGEST })
      continue
    }
    const body = gunzipSync(s.content)
    const record = WARCRecord.create(
      {
        url: s.finalUrl ?? s.requestedUrl,
        date: s.fetchedAt.toISOString(),
        type: 'response',
        warcVersion: WARC_VERSION,
        statusline,
        httpHeaders: { 'Content-Type': s.contentType ?? 'application/octet-stream', 'Content-Length': String(body.length) },
        warcHeaders: s.finalUrl && s.finalUrl !== s.requestedUrl ? { 'WARC-Claimdesk-Requested-URI': s.requestedUrl } : {},
      },
      [new Uint8Array(body.buffer, body.byteOffset, body.byteLength)],
    )
    yield await WARCSerializer.serialize(record, { gzip: true, digest: DIGEST })
  }
}

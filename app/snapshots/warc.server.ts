import { STATUS_CODES } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { WARCRecord, WARCSerializer } from 'warcio'
import type { SnapshotRow } from '../models/snapshot.server'

const WARC_VERSION = 'WARC/1.1'
/** SHA-256 in hex, so a record's WARC-Payload-Digest is the snapshot's `sha256` with a prefix. */
const DIGEST = { algo: 'sha-256', prefix: 'sha256:', base32: false }

/**
 * The snapshots as a gzipped WARC/1.1 file: a warcinfo record, then one `response` record per
 * snapshot holding the HTTP status line, its content type and the bytes received, dated when
 * it was fetched. Each record is its own gzip member, as web archives expect.
 */
export async function* snapshotsToWarc(snapshots: Iterable<SnapshotRow>, { filename, software }: { filename: string; software: string }): AsyncGenerator<Uint8Array> {
  const info = WARCRecord.createWARCInfo({ filename, warcVersion: WARC_VERSION }, { software, format: 'WARC File Format 1.1', description: 'Snapshots of sources cited as evidence' })
  yield await WARCSerializer.serialize(info, { gzip: true, digest: DIGEST })
  for (const s of snapshots) {
    if (s.status !== 'ok' || !s.content || !s.fetchedAt) continue
    const status = s.httpStatus ?? 200
    const body = gunzipSync(s.content)
    const record = WARCRecord.create(
      {
        url: s.finalUrl ?? s.requestedUrl,
        date: s.fetchedAt.toISOString(),
        type: 'response',
        warcVersion: WARC_VERSION,
        statusline: `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd(),
        httpHeaders: { 'Content-Type': s.contentType ?? 'application/octet-stream', 'Content-Length': String(body.length) },
        warcHeaders: s.finalUrl && s.finalUrl !== s.requestedUrl ? { 'WARC-Claimdesk-Requested-URI': s.requestedUrl } : {},
      },
      [new Uint8Array(body.buffer, body.byteOffset, body.byteLength)],
    )
    yield await WARCSerializer.serialize(record, { gzip: true, digest: DIGEST })
  }
}

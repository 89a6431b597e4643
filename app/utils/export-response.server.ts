import { EXPORT_CONTENT_TYPES, formatExport, type ExportContext } from '../exports'
import { iterateExportClaims, recordExport, type ExportFilters } from '../models/export.server'
import { getEnv } from './env.server'

/**
 * This Claimdesk's public address, for links in exports and the OpenAPI document: the configured
 * ORGANIZATION_URL's origin, never a request header (X-Forwarded-Host, Host), which a client
 * could set to put its own address into what the server hands out.
 */
export function publicOrigin() {
  return new URL(getEnv().ORGANIZATION_URL).origin
}

/** Turns chunks into a byte stream that is only read as fast as the client takes it. */
export function streamChunks(chunks: Iterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.iterator]()
  const encoder = new TextEncoder()
  return new ReadableStream({
    pull(controller) {
      // Send in pieces of about 64 KB so a large export does not sit in memory.
      let buffered = ''
      for (;;) {
        const next = iterator.next()
        if (next.done) {
          if (buffered) controller.enqueue(encoder.encode(buffered))
          controller.close()
          return
        }
        buffered += next.value
        if (buffered.length >= 64 * 1024) {
          controller.enqueue(encoder.encode(buffered))
          return
        }
      }
    },
    cancel() {
      iterator.return?.()
    },
  })
}

/** Streams an export as a download and records it; a HEAD request runs no export and records nothing. */
export function exportResponse(request: Request, filters: ExportFilters, userId: number | null) {
  const env = getEnv()
  const context: ExportContext = {
    organization: { name: env.ORGANIZATION_NAME, url: env.ORGANIZATION_URL },
    baseUrl: publicOrigin(),
    generatedAt: new Date().toISOString(),
  }
  const { format, excel, ...where } = filters
  const { type, extension } = EXPORT_CONTENT_TYPES[format]
  const stamp = context.generatedAt.slice(0, 10)
  const headers = {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="claimdesk-claims-${where.status}-${stamp}.${extension}"`,
    'Cache-Control': 'no-store',
  }
  if (request.method === 'HEAD') return new Response(null, { headers })
  // Recorded before the claims are read: recording publishes the approved ones, which the export shows.
  recordExport({ userId, filters })
  return new Response(streamChunks(formatExport(format, iterateExportClaims(where), context, { excel })), { headers })
}

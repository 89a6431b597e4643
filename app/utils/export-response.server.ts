import { EXPORT_CONTENT_TYPES, formatExport, type ExportContext } from '../exports'
import { iterateExportClaims, recordExport, type ExportFilters } from '../models/export.server'
import { getEnv } from './env.server'

/** The public origin of this request, as the client saw it (proxy headers respected). */
export function publicOrigin(request: Request) {
  const url = new URL(request.url)
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  return `${proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1)}://${host ?? url.host}`
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

/** Streams an export as a download and records it. */
export function exportResponse(request: Request, filters: ExportFilters, userId: number | null) {
  const env = getEnv()
  const context: ExportContext = {
    organization: { name: env.ORGANIZATION_NAME, url: env.ORGANIZATION_URL },
    baseUrl: publicOrigin(request),
    generatedAt: new Date().toISOString(),
  }
  const { format, excel, ...where } = filters
  recordExport({ userId, filters })
  const { type, extension } = EXPORT_CONTENT_TYPES[format]
  const stamp = context.generatedAt.slice(0, 10)
  return new Response(streamChunks(formatExport(format, iterateExportClaims(where), context, { excel })), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="claimdesk-claims-${where.status}-${stamp}.${extension}"`,
      'Cache-Control': 'no-store',
    },
  })
}

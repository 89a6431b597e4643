/**
 * Server rendering of every page. No page defers data, so there is nothing to stream early: the
 * whole document (with the loader data Remix writes into it) is rendered, collected and sent as
 * one body. A page of 50–60 KB would otherwise leave React in ~2 KB pieces, each passed through
 * a Node stream, a web stream, the compression middleware (one zlib job apiece) and a socket
 * write — which cost more CPU than rendering some of those pages.
 */
import { Writable } from 'node:stream'
import type { EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'

const ABORT_DELAY = 5_000

export const streamTimeout = ABORT_DELAY

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const chunks: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
        callback()
      },
      final(callback) {
        clearTimeout(timer)
        responseHeaders.set('Content-Type', 'text/html')
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }))
        callback()
      },
    })
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />, {
      onAllReady() {
        shellRendered = true
        pipe(sink)
      },
      onShellError(error: unknown) {
        reject(error)
      },
      onError(error: unknown) {
        responseStatusCode = 500
        // Errors in the shell reject above and are logged by Remix; later ones only here.
        if (shellRendered) console.error(error)
      },
    })
    const timer = setTimeout(abort, ABORT_DELAY)
  })
}

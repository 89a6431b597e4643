import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { fetchArticlePage, FetchRefusedError } from '../import/fetch-article.server'
import { htmlToArticle } from '../import/html-to-text'
import { completeSnapshot, createPendingSnapshot, hasRecentSnapshot, pendingSnapshot, type SnapshotResult } from '../models/snapshot.server'

const gzipAsync = promisify(gzip)

/** What a snapshot may be: web pages, plain text and PDF documents. */
export const SNAPSHOT_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'application/pdf']
/** Largest body kept (the fetch refuses larger ones). */
export const SNAPSHOT_MAX_BYTES = 5 * 1024 * 1024
/** The one time limit on a whole fetch, redirects included. */
export const SNAPSHOT_TIMEOUT_MS = 15_000
/** Citing a source again within this time does not fetch it again. */
const RECENT_MS = 60 * 60 * 1000

export type CaptureOptions = { allowPrivate: boolean; timeoutMs?: number; maxBytes?: number }

/** Names reserved for examples and tests (RFC 2606, RFC 6761): no web server answers for them, so they are not looked up. */
const RESERVED_NAME = /(^|\.)(example|invalid|test)\.?$|(^|\.)example\.(com|net|org)\.?$/i

/** Fetches the URL and turns the answer into a snapshot result (never throws for a failed fetch). */
export async function fetchSnapshot(url: string, { allowPrivate, timeoutMs = SNAPSHOT_TIMEOUT_MS, maxBytes = SNAPSHOT_MAX_BYTES }: CaptureOptions): Promise<SnapshotResult> {
  try {
    if (RESERVED_NAME.test(new URL(url).hostname)) {
      return { status: 'failed', error: 'The address uses a name reserved for examples, which no web server answers.', httpStatus: null, unreachable: true, finalUrl: null }
    }
    const page = await fetchArticlePage(url, { allowPrivate, timeoutMs, maxBytes, allowedTypes: SNAPSHOT_TYPES })
    const type = page.contentType.split(';')[0]!.trim()
    let title: string | null = null
    let text: string | null = null
    if (type === 'text/html' || type === 'application/xhtml+xml') {
      const article = htmlToArticle(page.text, page.url)
      title = article.title
      text = article.body
    } else if (type === 'text/plain') {
      text = page.text.replace(/\r\n?/g, '\n')
    }
    return {
      status: 'ok',
      finalUrl: page.url,
      httpStatus: page.status,
      contentType: page.contentType,
      title,
      text,
      sha256: createHash('sha256').update(page.bytes).digest('hex'),
      content: await gzipAsync(page.bytes),
      contentLength: page.bytes.length,
    }
  } catch (error) {
    if (error instanceof FetchRefusedError) {
      return { status: 'failed', error: error.message, httpStatus: error.details.httpStatus ?? null, unreachable: Boolean(error.details.unreachable), finalUrl: null }
    }
    if (error instanceof TypeError) return { status: 'failed', error: 'The address is not a valid URL.', httpStatus: null, unreachable: false, finalUrl: null }
    throw error
  }
}

/** Fetches into an existing pending snapshot and records the outcome. */
export async function runSnapshot({ id, url }: { id: number; url: string }, options: CaptureOptions) {
  let result: SnapshotResult
  try {
    result = await fetchSnapshot(url, options)
  } catch (error) {
    result = { status: 'failed', error: `The check failed (${(error as Error).message}).`, httpStatus: null, unreachable: false, finalUrl: null }
  }
  return completeSnapshot({ id, result })
}

/** At most this many fetches run at once in a process; the rest wait their turn. */
const MAX_CONCURRENT = 4
let running = 0
const waiting: (() => void)[] = []
const inFlight = new Set<Promise<unknown>>()

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await work()
  } finally {
    running--
    waiting.shift()?.()
  }
}

/**
 * Records a pending snapshot of the source and fetches it in the background: the caller gets the
 * pending snapshot's id at once and never waits on the remote server. A source with a fetch under
 * way gets no second one (its id is returned). With `onlyIfStale`, a source checked within the last
 * hour is left alone.
 */
export function snapshotInBackground({ sourceId, onlyIfStale = false }: { sourceId: number; onlyIfStale?: boolean }, options: CaptureOptions): number | null {
  const underWay = pendingSnapshot({ sourceId, withinMs: 2 * (options.timeoutMs ?? SNAPSHOT_TIMEOUT_MS) })
  if (underWay) return underWay
  if (onlyIfStale && hasRecentSnapshot({ sourceId, withinMs: RECENT_MS })) return null
  const pending = createPendingSnapshot({ sourceId })
  if (!pending) return null
  const task = slot(() => runSnapshot(pending, options)).catch((error) => console.error(`snapshot ${pending.id} of source ${sourceId}:`, error))
  inFlight.add(task)
  void task.finally(() => inFlight.delete(task))
  return pending.id
}

/** Resolves when every background snapshot started so far has finished (for the CLI and tests). */
export async function backgroundSnapshotsSettled() {
  while (inFlight.size) await Promise.allSettled([...inFlight])
}

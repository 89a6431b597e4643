import { useEffect, useRef } from 'react'
import { useRevalidator } from '@remix-run/react'
import { SOURCE_CHANGE_LABELS, type SnapshotStatus, type SourceChange } from '../workflow'

/** What a page needs of a snapshot summary (dates arrive as ISO strings after serialisation). */
export type SnapshotView = {
  status: SnapshotStatus
  fetchedAt: string | Date | null
  httpStatus: number | null
  error: string | null
  change: SourceChange | null
}

export const CHANGE_LABELS = SOURCE_CHANGE_LABELS

const when = (d: string | Date | null) => (d ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '')

/** One line: the snapshot's state, when it was taken, and how it compares with the first one. */
export function SnapshotStatusLine({ snapshot }: { snapshot: SnapshotView | null }) {
  if (!snapshot) return <span className="snapshot muted">No snapshot yet</span>
  return (
    <span className="snapshot">
      <span className={`badge snapshot-${snapshot.status}`}>
        {snapshot.status === 'pending' ? 'Snapshot pending' : snapshot.status === 'ok' ? 'Snapshot ok' : 'Snapshot failed'}
      </span>
      {snapshot.change ? <span className={`badge change-${snapshot.change}`}>{CHANGE_LABELS[snapshot.change]}</span> : null}
      {snapshot.fetchedAt ? <span className="muted"> {snapshot.status === 'pending' ? 'last taken' : 'taken'} {when(snapshot.fetchedAt)}</span> : null}
      {snapshot.error && snapshot.status === 'failed' ? <span className="snapshot-error"> — {snapshot.error}</span> : null}
    </span>
  )
}

/**
 * While a snapshot is pending, reload the page's data every `everyMs` (with JavaScript), for at
 * most `maxTries` reloads: a fetch takes at most its deadline, so one still pending after that
 * was interrupted, and a reload of the page shows where it stands.
 */
export function useRevalidateWhilePending(pending: boolean, { everyMs = 1500, maxTries = 40 }: { everyMs?: number; maxTries?: number } = {}) {
  const { revalidate, state } = useRevalidator()
  const tries = useRef(0)
  useEffect(() => {
    if (!pending) tries.current = 0
    if (!pending || state !== 'idle' || tries.current >= maxTries) return
    const timer = setTimeout(() => {
      tries.current++
      revalidate()
    }, everyMs)
    return () => clearTimeout(timer)
  }, [pending, state, revalidate, everyMs, maxTries])
}

export { when as snapshotTime }

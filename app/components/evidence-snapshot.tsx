import { Link } from '@remix-run/react'
import { SnapshotStatusLine, snapshotTime, type SnapshotView } from './snapshot-status'

/** The excerpt's check against the source's newest good snapshot, as the loader sends it. */
export type ExcerptCheckView =
  | { found: true; fetchedAt: string | Date | null; context: { before: string; match: string; after: string } }
  | { found: false; fetchedAt: string | Date | null }
  | null

/**
 * Under one evidence item: the source's snapshot state, where the excerpt stands in it (or that it
 * was not found), and a way to what changed when the source changed or went away.
 */
export function EvidenceSnapshot({ sourceId, snapshot, check }: { sourceId: number; snapshot: SnapshotView | null; check: ExcerptCheckView }) {
  return (
    <div className="evidence-snapshot">
      <p className="small" style={{ margin: '0.25rem 0' }}>
        <SnapshotStatusLine snapshot={snapshot} />
      </p>
      {check?.found ? (
        <figure className="excerpt-found" style={{ margin: '0.4rem 0' }}>
          <figcaption className="muted small">Excerpt found in the snapshot of {snapshotTime(check.fetchedAt)}:</figcaption>
          <blockquote>
            {check.context.before}
            <mark>{check.context.match}</mark>
            {check.context.after}
          </blockquote>
        </figure>
      ) : check ? (
        <p className="excerpt-missing small" role="note">
          Excerpt not found in the snapshot of {snapshotTime(check.fetchedAt)}. Compare its wording with the source.
        </p>
      ) : null}
      {snapshot?.change === 'changed' || snapshot?.change === 'gone' ? (
        <p className="small" style={{ margin: '0.25rem 0' }}>
          <Link to={`/sources/${sourceId}#snapshots`}>{snapshot.change === 'gone' ? 'The source is gone: see its snapshots' : 'The source changed since it was first captured: see what changed'}</Link>
          {' · '}
          <Link to="/sources/changes">all claims citing changed sources</Link>
        </p>
      ) : null}
    </div>
  )
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { CHANGE_LABELS, snapshotTime } from '~/components/snapshot-status'
import { StatusBadge } from '~/components/status-badge'
import { listClaimsWithChangedSources } from '~/models/snapshot.server'
import { requireUser } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Changed sources · Claimdesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return { affected: listClaimsWithChangedSources({ limit: 500 }) }
}

/** Every claim whose evidence cites a source that changed or went away at its last check. */
export default function ChangedSourcesPage() {
  const { affected } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/sources">← Sources</Link>
      </p>
      <h1>Claims citing changed or gone sources</h1>
      <p className="hint">A source is checked when it is cited, with “Check again” on its page, or by `cli sources check`.</p>
      {affected.length === 0 ? (
        <p className="muted">No cited source has changed or gone away.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Claims citing changed or gone sources">
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Source</th>
                <th scope="col">Change</th>
                <th scope="col">Checked</th>
              </tr>
            </thead>
            <tbody>
              {affected.map((a) => (
                <tr key={`${a.claimId}-${a.sourceId}`}>
                  <td>
                    <Link to={`/claims/${a.claimId}`}>{a.claimText}</Link> <StatusBadge status={a.claimStatus} />
                    <div className="muted small">{a.articleTitle}</div>
                  </td>
                  <td>
                    <Link to={`/sources/${a.sourceId}`}>{a.sourceTitle}</Link>
                  </td>
                  <td>
                    <span className={`badge change-${a.change}`}>{CHANGE_LABELS[a.change]}</span>
                  </td>
                  <td>{a.checkedAt ? snapshotTime(a.checkedAt) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

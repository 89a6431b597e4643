import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useRevalidator } from '@remix-run/react'
import { CLAIM_STATUSES, VERDICTS } from '~/workflow'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { STATUS_LABELS, VERDICT_LABELS } from '~/components/status-badge'
import { listArticleTitles } from '~/models/article.server'
import { countClaimsByStatus } from '~/models/claim.server'
import { listExportRecords } from '~/models/export.server'
import { requireUserWithRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Exports · Claimdesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'editor')
  return {
    articles: listArticleTitles({ limit: 500 }),
    approved: countClaimsByStatus().approved ?? 0,
    records: listExportRecords({ limit: 20 }).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  }
}

const FORMATS = [
  ['csv', 'CSV (spreadsheet)'],
  ['json', 'JSON'],
  ['md', 'Markdown (publication-ready list)'],
  ['claimreview', 'schema.org ClaimReview (JSON-LD)'],
] as const

export default function ExportsPage() {
  const { articles, approved, records } = useLoaderData<typeof loader>()
  const revalidator = useRevalidator()
  // A download leaves this page in place: the list is read again once the export has had time to be recorded.
  const refreshRecords = () => {
    for (const ms of [1000, 4000]) window.setTimeout(() => revalidator.revalidate(), ms)
  }
  return (
    <>
      <h1>Export claims</h1>
      <p className="muted">
        {approved} approved claim{approved === 1 ? '' : 's'} ready to publish. Exports are streamed, so large ones start
        at once, and each is recorded below.
      </p>
      <div className="grid-2">
        <Form method="get" action="/exports/download" reloadDocument onSubmit={refreshRecords} className="card" aria-labelledby="export-heading">
          <h2 id="export-heading" style={{ marginTop: 0 }}>
            Download
          </h2>
          <div className="field">
            <label htmlFor="export-format">Format</label>
            <select id="export-format" name="format" defaultValue="csv">
              {FORMATS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="row" style={{ alignItems: 'flex-start' }}>
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor="export-status">Status</label>
              <select id="export-status" name="status" defaultValue="approved">
                {CLAIM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
                <option value="all">Any status</option>
              </select>
            </div>
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor="export-verdict">Verdict</label>
              <select id="export-verdict" name="verdict" defaultValue="">
                <option value="">Any verdict</option>
                {VERDICTS.map((v) => (
                  <option key={v} value={v}>
                    {VERDICT_LABELS[v]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="export-article">Article</label>
            <select id="export-article" name="article" defaultValue="">
              <option value="">All articles</option>
              {articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
          <div className="row" style={{ alignItems: 'flex-start' }}>
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor="export-from">Reviewed from</label>
              <input id="export-from" type="date" name="from" />
            </div>
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor="export-to">Reviewed until</label>
              <input id="export-to" type="date" name="to" />
            </div>
          </div>
          <div className="field">
            <label style={{ fontWeight: 400 }}>
              <input type="checkbox" name="excel" value="true" /> CSV for Excel (adds a byte-order mark, neutralises formulas)
            </label>
          </div>
          <button type="submit">Download export</button>
        </Form>
        <section aria-labelledby="recent-exports">
          <h2 id="recent-exports" style={{ marginTop: 0 }}>
            Recent exports
          </h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Format</th>
                  <th scope="col">Claims</th>
                </tr>
              </thead>
              <tbody>
                {records.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="muted">
                      None yet.
                    </td>
                  </tr>
                ) : null}
                {records.map((r) => (
                  <tr key={r.id}>
                    <td>{r.createdAt.slice(0, 16).replace('T', ' ')}</td>
                    <td>{r.userName ?? '—'}</td>
                    <td>{r.format}</td>
                    <td>{r.claimCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

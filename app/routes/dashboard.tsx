import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CLAIM_STATUSES, VERDICTS } from '~/workflow'
import { BarChart, STATUS_COLOURS, StackedBar } from '~/components/charts'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { STATUS_LABELS, VERDICT_LABELS } from '~/components/status-badge'
import { getDashboard } from '~/models/dashboard.server'
import { requireUser } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Dashboard · Claimdesk' }]

const VERDICT_COLOURS = { true: '#1d6b3a', mostly_true: '#2f7d76', misleading: '#9a5b00', false: '#a4262c', unverifiable: '#5b616b' } as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return getDashboard({ articles: 50 })
}

export default function DashboardPage() {
  const { byStatus, byVerdict, articles, articleCount } = useLoaderData<typeof loader>()
  const total = CLAIM_STATUSES.reduce((n, s) => n + byStatus[s], 0)
  const done = byStatus.reviewed + byStatus.approved
  const statusParts = CLAIM_STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], value: byStatus[s], colour: STATUS_COLOURS[s] }))
  return (
    <>
      <h1>Dashboard</h1>
      <div className="grid-2">
        <section className="card" aria-labelledby="overall-heading">
          <h2 id="overall-heading" style={{ marginTop: 0 }}>
            All claims
          </h2>
          <p>
            <strong>{total}</strong> claims in {articleCount} article{articleCount === 1 ? '' : 's'};{' '}
            <strong>{total ? Math.round((done / Math.max(1, total - byStatus.discarded)) * 100) : 0}%</strong> of the checkable ones reviewed or approved.
          </p>
          <StackedBar parts={statusParts} label="Claims by status" height={22} />
          <table className="compact">
            <caption className="skip-link">Claims by status</caption>
            <tbody>
              {statusParts.map((p) => (
                <tr key={p.key}>
                  <th scope="row">
                    <span className="swatch" style={{ background: p.colour }} aria-hidden="true" /> {p.label}
                  </th>
                  <td>
                    <Link to={`/claims?status=${p.key}`}>{p.value}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="verdict-heading">
          <h2 id="verdict-heading" style={{ marginTop: 0 }}>
            Verdicts
          </h2>
          <BarChart label="Claims by verdict" parts={VERDICTS.map((v) => ({ key: v, label: VERDICT_LABELS[v], value: byVerdict[v], colour: VERDICT_COLOURS[v] }))} />
        </section>
      </div>
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">Progress by article</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Claims</th>
                <th scope="col" style={{ width: '40%' }}>
                  By status
                </th>
                <th scope="col">Reviewed</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => {
                const open = a.total - a.counts.discarded
                const pct = open ? Math.round(((a.counts.reviewed + a.counts.approved) / open) * 100) : 0
                return (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/articles/${a.id}`}>{a.title}</Link>
                    </td>
                    <td>{a.total}</td>
                    <td>
                      <StackedBar label={a.title} parts={CLAIM_STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], value: a.counts[s], colour: STATUS_COLOURS[s] }))} />
                    </td>
                    <td>{pct}%</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        {articleCount > articles.length ? <p className="muted">The {articles.length} most recent articles are shown; see all on the Articles page.</p> : null}
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

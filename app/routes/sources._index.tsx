import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SnapshotStatusLine } from '~/components/snapshot-status'
import { snapshotSummaries } from '~/models/snapshot.server'
import { listSources } from '~/models/source.server'
import { requireUser } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Sources · Claimdesk' }]

const PAGE = 50
const QuerySchema = z.object({
  q: z.string().max(200, 'q is too long').optional(),
  before: z.coerce.number({ error: 'before must be a number' }).int().positive().optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ''))
  const parsed = QuerySchema.safeParse(params)
  if (!parsed.success) {
    return data({ sources: [], next: null, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, { status: 400 })
  }
  const found = listSources({ ...parsed.data, limit: PAGE + 1 })
  const page = found.slice(0, PAGE)
  const snapshots = snapshotSummaries({ sourceIds: page.map((s) => s.id) })
  return { sources: page.map((s) => ({ ...s, snapshot: snapshots.get(s.id) ?? null })), next: found.length > PAGE ? found[PAGE - 1]!.id : null, problem: null }
}

export default function SourcesPage() {
  const { sources, next, problem } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const nextParams = new URLSearchParams(params)
  if (next) nextParams.set('before', String(next))
  return (
    <>
      <h1>Sources</h1>
      <p>
        <Link to="/sources/changes">Claims citing changed or gone sources</Link>
      </p>
      <p className="muted">Every source linked as evidence, shared across claims. Edit one here and every claim that cites it sees the change.</p>
      <Form method="get" className="row" role="search" style={{ marginBottom: '1rem' }}>
        <label htmlFor="sources-q" className="skip-link">
          Search sources
        </label>
        <input id="sources-q" type="search" name="q" defaultValue={params.get('q') ?? ''} placeholder="Title, publisher, URL or notes" style={{ flex: 1 }} />
        <button type="submit">Search</button>
      </Form>
      {problem ? (
        <div className="alert" role="alert">
          {problem}
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Publisher</th>
              <th scope="col">Published</th>
              <th scope="col">Used by</th>
              <th scope="col">Snapshot</th>
            </tr>
          </thead>
          <tbody>
            {sources.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {params.get('q') ? 'No source matches.' : 'No sources yet. Add evidence to a claim to start the library.'}
                </td>
              </tr>
            ) : null}
            {sources.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/sources/${s.id}`}>{s.title}</Link>
                  <div className="muted small">{s.url}</div>
                </td>
                <td>{s.publisher ?? '—'}</td>
                <td>{s.publishedAt ?? '—'}</td>
                <td>
                  {s.usedBy} claim{s.usedBy === 1 ? '' : 's'}
                </td>
                <td>
                  <SnapshotStatusLine snapshot={s.snapshot} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next ? (
        <p>
          <Link to={`/sources?${nextParams}`}>Next page →</Link>
        </p>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

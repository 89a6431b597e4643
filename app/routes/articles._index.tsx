import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CLAIM_STATUSES } from '~/workflow'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StatusBadge } from '~/components/status-badge'
import { listArticles } from '~/models/article.server'
import { requireUser } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Articles · Claimdesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return { articles: listArticles() }
}

export default function ArticlesPage() {
  const { articles } = useLoaderData<typeof loader>()
  return (
    <>
      <div className="spread">
        <h1>Articles</h1>
      </div>
      {articles.length === 0 ? (
        <p className="card">No articles yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="skip-link">Imported articles</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Publisher</th>
                <th scope="col">Published</th>
                <th scope="col">Claims</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/articles/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{a.publisher ?? <span className="muted">—</span>}</td>
                  <td>{a.publishedAt ?? <span className="muted">—</span>}</td>
                  <td>
                    <div className="row" style={{ gap: '0.35rem' }}>
                      <Link to={`/claims?status=all&article=${a.id}`} title="Its claims in the queue">
                        {a.claimCount}
                      </Link>
                      {CLAIM_STATUSES.filter((s) => a.counts[s]).map((s) => (
                        <span key={s} title={`${a.counts[s]} ${s.replace('_', ' ')}`}>
                          <StatusBadge status={s} /> {a.counts[s]}
                        </span>
                      ))}
                    </div>
                  </td>
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

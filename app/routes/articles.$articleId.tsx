import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StatusBadge } from '~/components/status-badge'
import { getArticle, listArticleClaims } from '~/models/article.server'
import { requireUser } from '~/utils/auth.server'
import { idField } from '~/utils/schemas'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.article.title} · Claimdesk` : 'Article · Claimdesk' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const id = idField.safeParse(params.articleId)
  if (!id.success) throw new Response(null, { status: 404, statusText: 'Not Found' })
  const article = getArticle({ id: id.data })
  if (!article) throw new Response(null, { status: 404, statusText: 'Not Found' })
  const claims = listArticleClaims({ articleId: article.id }).map((c) => ({
    id: c.id,
    text: c.text,
    status: c.status,
    checkworthiness: c.checkworthiness,
  }))
  return { article, claims }
}

export default function ArticlePage() {
  const { article, claims } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/articles">← Articles</Link>
      </p>
      <h1>{article.title}</h1>
      <p className="muted">
        {[article.publisher, article.author, article.publishedAt].filter(Boolean).join(' · ') || 'No metadata'}
        {article.url ? (
          <>
            {' · '}
            <a href={article.url} rel="noreferrer noopener" target="_blank">
              Original
            </a>
          </>
        ) : null}
      </p>
      <div className="grid-2">
        <article className="card article-body" aria-label="Article text">
          {article.body}
        </article>
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading" style={{ marginTop: 0 }}>
            Claims ({claims.length})
          </h2>
          <ol className="card" style={{ paddingLeft: '2rem' }}>
            {claims.map((c) => (
              <li key={c.id} style={{ marginBottom: '0.75rem' }}>
                <div>{c.text}</div>
                <div className="row" style={{ gap: '0.5rem' }}>
                  <StatusBadge status={c.status} />
                  <span className="muted">check-worthiness {Math.round(c.checkworthiness * 100)}%</span>
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { VerdictBadge } from '~/components/status-badge'
import { listCorrections } from '~/models/correction.server'
import { requireUser } from '~/utils/auth.server'
import { idField } from '~/utils/schemas'
import { formatWhen } from '~/utils/when'

export const meta: MetaFunction = () => [{ title: 'Corrections · Claimdesk' }]

const PAGE = 50
export const CorrectionsQuerySchema = z.object({ before: idField.optional() })

/** The corrections log: every correction of a published claim, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const query = CorrectionsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw new Response(`before: ${query.error.issues[0]!.message}`, { status: 400 })
  const rows = listCorrections({ limit: PAGE + 1, before: query.data.before })
  return { corrections: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1]!.id : null }
}

export default function Corrections() {
  const { corrections, next } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Corrections</h1>
      <p className="muted">
        Changes to the verdict or rationale of claims after they were published in an export, newest first. Each note is published with the
        claim in JSON and Markdown exports.
      </p>
      {corrections.length === 0 ? <p className="muted">No published claim has been corrected.</p> : null}
      <ol className="corrections-list" aria-label="Corrections">
        {corrections.map((c) => (
          <li key={c.id} className="card">
            <div className="spread">
              <Link to={`/claims/${c.claimId}`}>{c.claimText}</Link>
              <time className="muted small" dateTime={new Date(c.createdAt).toISOString()}>
                {formatWhen(c.createdAt)}
              </time>
            </div>
            <p className="row" style={{ gap: '0.4rem', margin: '0.4rem 0' }}>
              {c.oldVerdict !== c.newVerdict ? (
                <>
                  <span className="muted">Verdict</span> <VerdictBadge verdict={c.oldVerdict} /> → <VerdictBadge verdict={c.newVerdict} />
                </>
              ) : (
                <>
                  <span className="muted">Rationale corrected; verdict stays</span> <VerdictBadge verdict={c.newVerdict} />
                </>
              )}
            </p>
            <p className="note">“{c.note}”</p>
            <p className="muted small">Corrected by {c.correctedBy ?? 'someone'}</p>
          </li>
        ))}
      </ol>
      {next ? (
        <nav className="pager" aria-label="Pages">
          <Link to={`/corrections?before=${next}`}>Older corrections →</Link>
        </nav>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

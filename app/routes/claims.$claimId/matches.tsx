import { Link } from '@remix-run/react'
import type { ClaimStatus, Verdict } from '~/workflow'
import { StatusBadge, VerdictBadge } from '~/components/status-badge'

type Match = {
  claimId: number
  text: string
  status: ClaimStatus
  verdict: Verdict | null
  articleId: number
  articleTitle: string
  evidenceCount: number
  similarity: number
}

/** "Also in N other articles": the same claim elsewhere, with its verdict and evidence to reuse. */
export function ClaimMatches({ matches }: { matches: Match[] }) {
  if (matches.length === 0) return null
  const articles = new Set(matches.map((m) => m.articleId)).size
  return (
    <section className="card" aria-labelledby="matches-heading">
      <h2 id="matches-heading" style={{ marginTop: 0 }}>
        Also in {articles} other article{articles === 1 ? '' : 's'}
      </h2>
      <ul className="plain-list">
        {matches.map((m) => (
          <li key={m.claimId}>
            <Link to={`/claims/${m.claimId}`}>{m.text}</Link>
            <div className="row small" style={{ gap: '0.4rem' }}>
              <StatusBadge status={m.status} />
              <VerdictBadge verdict={m.verdict} />
              <span className="muted">
                {m.evidenceCount} source{m.evidenceCount === 1 ? '' : 's'} · {m.articleTitle}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}

import { STATUS_LABELS, VERDICT_LABELS, type ClaimStatus, type Verdict } from '../workflow'

export { STATUS_LABELS, VERDICT_LABELS }

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>
}

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <span className="muted">No verdict</span>
  return <span className={`badge verdict-${verdict}`}>{VERDICT_LABELS[verdict]}</span>
}

import type { ClaimStatus, Verdict } from '../../db/schema'

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unreviewed: 'Unreviewed',
  in_review: 'In review',
  reviewed: 'Reviewed',
  approved: 'Approved',
  discarded: 'Discarded',
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  true: 'True',
  mostly_true: 'Mostly true',
  misleading: 'Misleading',
  false: 'False',
  unverifiable: 'Unverifiable',
}

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>
}

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <span className="muted">No verdict</span>
  return <span className={`badge verdict-${verdict}`}>{VERDICT_LABELS[verdict]}</span>
}

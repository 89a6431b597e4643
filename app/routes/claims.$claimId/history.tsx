import { STATUS_LABELS, VERDICT_LABELS } from '~/components/status-badge'
import { formatWhen } from '~/utils/when'
import type { ClaimStatus, Verdict } from '~/workflow'

type Event = {
  id: number
  kind: string
  fromValue: string | null
  toValue: string | null
  note: string
  createdAt: string | Date
  actorName: string | null
}

const KIND_LABELS: Record<string, string> = {
  created: 'created the claim',
  status: 'changed the status',
  verdict: 'set the verdict',
  rationale: 'edited the rationale',
  assignee: 'changed the assignee',
  text: 'edited the claim text',
  evidence_added: 'added evidence',
  evidence_removed: 'removed evidence',
  split: 'split the claim',
  merged: 'merged the claim',
  anchor: 'moved the anchor after a text correction',
  orphaned: 'could not place the claim in the corrected text',
  reanchored: 'placed the claim again',
  comment_added: 'commented',
  comment_edited: 'edited a comment',
  comment_deleted: 'deleted a comment',
  correction: 'published a correction',
}

function show(kind: string, value: string | null) {
  if (value === null || value === '') return '—'
  if (kind === 'status') return STATUS_LABELS[value as ClaimStatus] ?? value
  if (kind === 'verdict') return VERDICT_LABELS[value as Verdict] ?? value
  if (kind === 'assignee') return value === '' ? 'nobody' : `user #${value}`
  return value.length > 140 ? `${value.slice(0, 140)}…` : value
}

/** Every change to a claim, oldest first: who, when, from → to, and the note. */
export function ClaimHistory({ events, userNames = {} }: { events: Event[]; userNames?: Record<string, string> }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading" style={{ marginTop: 0 }}>
        History
      </h2>
      <ol className="history">
        {events.map((e) => (
          <li key={e.id}>
            <div>
              <strong>{e.actorName ?? 'Claimdesk'}</strong> {KIND_LABELS[e.kind] ?? e.kind}
              {e.kind === 'created' ? (e.toValue === 'manual' ? ' by hand' : e.toValue === 'extracted' ? ' (extracted)' : e.toValue ? ` (${e.toValue})` : '') : null}
            </div>
            {e.kind !== 'created' && (e.fromValue !== null || e.toValue !== null) ? (
              <div className="change">
                {e.fromValue !== null ? <span className="from">{e.kind === 'assignee' && e.fromValue ? userNames[e.fromValue] ?? show(e.kind, e.fromValue) : show(e.kind, e.fromValue)}</span> : null}
                {e.fromValue !== null && e.toValue !== null ? ' → ' : null}
                {e.toValue !== null ? <span className="to">{e.kind === 'assignee' && e.toValue ? userNames[e.toValue] ?? show(e.kind, e.toValue) : show(e.kind, e.toValue)}</span> : null}
              </div>
            ) : null}
            {e.note ? <div className="note">“{e.note}”</div> : null}
            <time className="muted small" dateTime={new Date(e.createdAt).toISOString()}>
              {formatWhen(e.createdAt)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  )
}

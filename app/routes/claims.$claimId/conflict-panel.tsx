import { useActionData, useLoaderData } from '@remix-run/react'
import type { ClaimStatus } from '~/workflow'
import { STATUS_LABELS, VERDICT_LABELS } from '~/components/status-badge'
import type { action, loader } from './route'

/** After a 409: what this person submitted beside what is saved now, and who saved it. */
export function ConflictPanel() {
  const { users } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.form === 'review' ? actionData.conflict : null
  if (!conflict) return null
  const name = (id: number | null) => (id ? (users.find((u) => u.id === id)?.name ?? `user #${id}`) : 'nobody')
  const rows: [string, string, string][] = [
    ['Status', STATUS_LABELS[conflict.submitted.status as ClaimStatus] ?? conflict.submitted.status, STATUS_LABELS[conflict.current.status]],
    ['Verdict', conflict.submitted.verdict ? VERDICT_LABELS[conflict.submitted.verdict as keyof typeof VERDICT_LABELS] : 'none', conflict.current.verdict ? VERDICT_LABELS[conflict.current.verdict] : 'none'],
    ['Rationale', conflict.submitted.rationale || '(empty)', conflict.current.rationale || '(empty)'],
    ['Assignee', name(conflict.submitted.assigneeId), name(conflict.current.assigneeId)],
  ]
  const last = conflict.recent[conflict.recent.length - 1]
  const changedBy = last?.actorName ? [last.actorName] : []
  return (
    <section className="alert conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" style={{ marginTop: 0 }}>
        Someone else changed this claim while you were editing
      </h2>
      <p>
        {changedBy.length ? changedBy.join(' and ') : 'Another reviewer'} saved version {conflict.current.version}
        {last ? ` at ${last.at.slice(11, 16)} UTC` : ''}; your
        change was based on version {conflict.yourVersion}. Nothing was saved. Compare, then save your version again if it
        should win — the form below holds what you submitted.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your change</th>
            <th scope="col">Now saved</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([field, yours, theirs]) => (
            <tr key={field} className={yours === theirs ? undefined : 'differs'}>
              <th scope="row">{field}</th>
              <td>{yours}</td>
              <td>{theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

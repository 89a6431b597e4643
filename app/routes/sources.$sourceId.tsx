import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StatusBadge, VerdictBadge } from '~/components/status-badge'
import { getSource, listSourceUses, updateSource } from '~/models/source.server'
import { requireUser, requireUserWithRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { httpUrlField, idField, isoDateField, optionalHttpUrlField, optionalText } from '~/utils/schemas'
import { FieldError } from '~/components/field-error'
import { CHANGE_LABELS, SnapshotStatusLine, snapshotTime, useRevalidateWhilePending } from '~/components/snapshot-status'
import { getSnapshotChange, listClaimsWithChangedSources, listSnapshots, snapshotSummaries } from '~/models/snapshot.server'
import { snapshotInBackground } from '~/snapshots/capture.server'
import { textDiff } from '~/snapshots/text-diff'
import { getEnv } from '~/utils/env.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${data.source.title} · Sources · Claimdesk` : 'Source · Claimdesk',
  },
]

export const SourceSchema = z.object({
  url: httpUrlField('URL'),
  title: z.string({ error: 'Title is required' }).trim().min(1, 'Title is required').max(500, 'Title is too long'),
  publisher: optionalText(200, 'Publisher'),
  publishedAt: isoDateField,
  accessedAt: isoDateField,
  archivedUrl: optionalHttpUrlField('Archived copy URL'),
  notes: z.string().max(5000, 'Notes are too long').default(''),
})

/** "Check again": fetch the source anew in the background. */
const CheckAgainSchema = z.object({ intent: z.literal('check') })

function sourceIdFrom(params: { sourceId?: string }) {
  const id = idField.safeParse(params.sourceId)
  if (!id.success) throw new Response(null, { status: 404, statusText: 'Not Found' })
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const source = getSource({ id: sourceIdFrom(params) })
  if (!source) throw new Response(null, { status: 404, statusText: 'Not Found' })
  const change = getSnapshotChange({ sourceId: source.id })
  return {
    source,
    uses: listSourceUses({ sourceId: source.id }),
    snapshot: snapshotSummaries({ sourceIds: [source.id] }).get(source.id) ?? null,
    snapshots: listSnapshots({ sourceId: source.id, limit: 10 }),
    diff: change ? { since: change.baseline.fetchedAt, at: change.latest.fetchedAt, lines: textDiff(change.baseline.text ?? '', change.latest.text ?? '') } : null,
    affected: listClaimsWithChangedSources({ sourceId: source.id }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUserWithRole(request, 'reviewer')
  const id = sourceIdFrom(params)
  const before = getSource({ id })
  if (!before) throw new Response(null, { status: 404, statusText: 'Not Found' })
  const formData = await readFormData(request, 64 * 1024)
  if (CheckAgainSchema.safeParse(Object.fromEntries(formData)).success) {
    snapshotInBackground({ sourceId: id }, { allowPrivate: getEnv().ALLOW_PRIVATE_FETCH })
    return redirectWithFlash(`/sources/${id}#snapshots`, 'Checking the source again; the result shows here when the fetch finishes.')
  }
  const submission = parseWithZod(formData, {
    schema: SourceSchema,
  })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = updateSource({ id, ...submission.value })
  if (!result.ok) {
    if (result.reason === 'not_found') throw new Response(null, { status: 404, statusText: 'Not Found' })
    const reply =
      result.reason === 'duplicate_url'
        ? submission.reply({ fieldErrors: { url: ['Another source in the library already has this URL'] } })
        : submission.reply({ formErrors: [result.message], fieldErrors: Object.fromEntries(Object.entries(result.fields).map(([k, m]) => [k, [m]])) })
    return data({ result: reply }, { status: 409 })
  }
  if (submission.value.url.trim() !== before.url) snapshotInBackground({ sourceId: id }, { allowPrivate: getEnv().ALLOW_PRIVATE_FETCH })
  return redirectWithFlash(`/sources/${id}`, 'Source saved.')
}

export default function SourcePage() {
  const { source, uses, snapshot, snapshots, diff, affected } = useLoaderData<typeof loader>()
  useRevalidateWhilePending(snapshot?.status === 'pending')
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: `source-${source.id}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(SourceSchema),
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SourceSchema }),
    defaultValue: {
      url: source.url,
      title: source.title,
      publisher: source.publisher ?? '',
      publishedAt: source.publishedAt ?? '',
      accessedAt: source.accessedAt ?? '',
      archivedUrl: source.archivedUrl ?? '',
      notes: source.notes,
    },
  })
  return (
    <>
      <p>
        <Link to="/sources">← Sources</Link>
      </p>
      <h1>{source.title}</h1>
      <p>
        <a href={source.url} rel="noopener noreferrer" target="_blank">
          {source.url}
        </a>
      </p>
      <section id="snapshots" className="card" aria-labelledby="snapshots-heading" style={{ marginBottom: '1rem' }}>
        <div className="spread">
          <h2 id="snapshots-heading" style={{ margin: 0 }}>
            Snapshot
          </h2>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="check" />
            <button type="submit" className="secondary">
              Check again
            </button>
          </Form>
        </div>
        <p role="status">
          <SnapshotStatusLine snapshot={snapshot} />
        </p>
        {affected.length ? (
          <div className="alert" role="alert">
            <p style={{ marginTop: 0 }}>
              This source {affected[0]!.change === 'gone' ? 'is gone' : 'has changed since it was first captured'}. Evidence for these claims
              cites it:
            </p>
            <ul aria-label="Claims citing this source">
              {affected.map((a) => (
                <li key={a.claimId}>
                  <Link to={`/claims/${a.claimId}`}>{a.claimText}</Link> <span className="muted">({a.articleTitle})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {diff ? (
          <details open>
            <summary>
              What changed between {snapshotTime(diff.since)} and {snapshotTime(diff.at)}
            </summary>
            <ul className="text-diff" aria-label="What changed">
              {diff.lines.map((l, i) =>
                l.kind === 'skipped' ? (
                  <li key={i} className="skipped">
                    … {l.lines} unchanged line{l.lines === 1 ? '' : 's'}
                  </li>
                ) : (
                  <li key={i} className={l.kind}>
                    {l.kind === 'added' ? <span className="skip-link">Added: </span> : l.kind === 'removed' ? <span className="skip-link">Removed: </span> : null}
                    {l.text}
                  </li>
                ),
              )}
            </ul>
          </details>
        ) : null}
        {snapshots.length ? (
          <div className="table-wrap" style={{ marginTop: '0.75rem' }}>
            <table aria-label="Snapshots of this source">
              <thead>
                <tr>
                  <th scope="col">Taken</th>
                  <th scope="col">Result</th>
                  <th scope="col">Compared with the first</th>
                  <th scope="col">SHA-256</th>
                </tr>
              </thead>
              <tbody>
                {snapshots.map((s) => (
                  <tr key={s.id}>
                    <td>{s.fetchedAt ? snapshotTime(s.fetchedAt) : snapshotTime(s.createdAt)}</td>
                    <td>
                      {s.status === 'pending' ? 'pending' : s.status === 'ok' ? `HTTP ${s.httpStatus} · ${s.contentType?.split(';')[0] ?? ''}` : (s.error ?? 'failed')}
                      {s.finalUrl && s.finalUrl !== source.url ? <div className="muted small">from {s.finalUrl}</div> : null}
                    </td>
                    <td>{s.change ? CHANGE_LABELS[s.change] : s.status === 'ok' ? 'first capture' : '—'}</td>
                    <td>
                      <code title={s.sha256 ?? undefined}>{s.sha256 ? s.sha256.slice(0, 12) : '—'}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <div className="grid-2">
        <section aria-labelledby="uses-heading">
          <h2 id="uses-heading" style={{ marginTop: 0 }}>
            Used as evidence for {uses.length} claim
            {uses.length === 1 ? '' : 's'}
          </h2>
          <ul className="plain-list card">
            {uses.length === 0 ? <li className="muted">Not linked to any claim.</li> : null}
            {uses.map((u) => (
              <li key={u.evidenceId}>
                <Link to={`/claims/${u.claimId}`}>{u.claimText}</Link>
                <div className="row small" style={{ gap: '0.4rem' }}>
                  <span className="badge role">{u.stance}</span>
                  <StatusBadge status={u.claimStatus} />
                  <VerdictBadge verdict={u.claimVerdict} />
                  <span className="muted">{u.articleTitle}</span>
                </div>
                {u.excerpt ? <blockquote className="small">{u.excerpt}</blockquote> : null}
              </li>
            ))}
          </ul>
        </section>
        <Form method="post" {...getFormProps(form)} className="card" aria-labelledby="edit-source-heading">
          <h2 id="edit-source-heading" style={{ marginTop: 0 }}>
            Edit source
          </h2>
          {form.errors?.length ? (
            <div className="alert" role="alert" id={form.errorId}>
              {form.errors.join(' ')}
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={fields.url.id}>URL</label>
            <input {...getInputProps(fields.url, { type: 'url' })} />
            <FieldError field={fields.url} />
          </div>
          <div className="field">
            <label htmlFor={fields.title.id}>Title</label>
            <input {...getInputProps(fields.title, { type: 'text' })} />
            <FieldError field={fields.title} />
          </div>
          <div className="field">
            <label htmlFor={fields.publisher.id}>Publisher</label>
            <input {...getInputProps(fields.publisher, { type: 'text' })} />
            <FieldError field={fields.publisher} />
          </div>
          <div className="row" style={{ alignItems: 'flex-start' }}>
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor={fields.publishedAt.id}>Published</label>
              <input {...getInputProps(fields.publishedAt, { type: 'date' })} />
              <FieldError field={fields.publishedAt} />
            </div>
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor={fields.accessedAt.id}>Accessed</label>
              <input {...getInputProps(fields.accessedAt, { type: 'date' })} />
              <FieldError field={fields.accessedAt} />
            </div>
          </div>
          <div className="field">
            <label htmlFor={fields.archivedUrl.id}>Archived copy URL</label>
            <input {...getInputProps(fields.archivedUrl, { type: 'url' })} />
            <FieldError field={fields.archivedUrl} />
          </div>
          <div className="field">
            <label htmlFor={fields.notes.id}>Notes</label>
            <textarea {...getTextareaProps(fields.notes)} rows={4} />
            <FieldError field={fields.notes} />
          </div>
          <button type="submit">Save source</button>
        </Form>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

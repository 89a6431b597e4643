import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { STANCES } from '~/workflow'
import { FieldError } from '~/components/field-error'
import { httpUrlField, idField, isoDateField, optionalHttpUrlField, optionalText } from '~/utils/schemas'
import type { action, loader } from './route'
import { EvidenceSnapshot } from '~/components/evidence-snapshot'
import { useRevalidateWhilePending } from '~/components/snapshot-status'

export const EvidenceSchema = z
  .object({
    intent: z.literal('add-evidence'),
    sourceId: z.preprocess((v) => (v === '' || v === 'new' ? undefined : v), idField.optional()),
    url: z.preprocess((v) => (v === '' ? undefined : v), httpUrlField('Source URL').optional()),
    title: optionalText(500, 'Title'),
    publisher: optionalText(200, 'Publisher'),
    publishedAt: isoDateField,
    archivedUrl: optionalHttpUrlField('Archived copy URL'),
    stance: z.enum(STANCES, { error: 'Choose whether the source supports, refutes or gives context' }),
    excerpt: z.string().max(20_000, 'Excerpt is too long').default(''),
    note: z.string().max(5000, 'Note is too long').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.sourceId) return
    if (!v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Give the source’s URL, or pick a source from the library' })
    if (!v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'A new source needs a title' })
  })

export const RemoveEvidenceSchema = z.object({ intent: z.literal('remove-evidence'), evidenceId: idField })

const STANCE_LABELS = { supports: 'Supports', refutes: 'Refutes', context: 'Context' } as const

/** The claim's evidence grouped by stance, each with a remove button, and the form to add more. */
export function EvidencePanel({ locked }: { locked: boolean }) {
  const { evidence, viewer } = useLoaderData<typeof loader>()
  useRevalidateWhilePending(evidence.some((e) => e.snapshot?.status === 'pending'))
  return (
    <section id="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence ({evidence.length})</h2>
      {evidence.length === 0 ? <p className="muted">No sources linked yet.</p> : null}
      {STANCES.map((stance) => {
        const items = evidence.filter((e) => e.stance === stance)
        if (!items.length) return null
        return (
          <div key={stance} className={`evidence-group stance-${stance}`}>
            <h3>{STANCE_LABELS[stance]}</h3>
            <ul className="evidence-list">
              {items.map((e) => (
                <li key={e.id} className="card">
                  <div className="spread">
                    <a href={e.source.url} rel="noopener noreferrer" target="_blank">
                      {e.source.title}
                    </a>
                    {!locked ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remove-evidence" />
                        <input type="hidden" name="evidenceId" value={e.id} />
                        <button type="submit" className="danger small">
                          Remove<span className="skip-link"> {e.source.title}</span>
                        </button>
                      </Form>
                    ) : null}
                  </div>
                  <p className="muted small">
                    {[e.source.publisher, e.source.publishedAt].filter(Boolean).join(' · ')}
                    {e.source.archivedUrl ? (
                      <>
                        {' · '}
                        <a href={e.source.archivedUrl} rel="noopener noreferrer" target="_blank">
                          archived copy
                        </a>
                      </>
                    ) : null}
                    {' · '}
                    <Link to={`/sources/${e.source.id}`}>in the library</Link>
                  </p>
                  {e.excerpt ? <blockquote>{e.excerpt}</blockquote> : null}
                  <EvidenceSnapshot sourceId={e.source.id} snapshot={e.snapshot} check={e.excerptCheck} />
                  {e.note ? <p>{e.note}</p> : null}
                  <p className="muted small">
                    Added by {e.createdBy ?? 'someone'} on {new Date(e.createdAt).toISOString().slice(0, 10)}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        )
      })}
      {!locked && viewer.canReview ? <EvidenceForm /> : null}
    </section>
  )
}

function EvidenceForm() {
  const { claim, sourceQ, sourceResults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: `evidence-${claim.id}`,
    lastResult: actionData?.form === 'evidence' ? actionData.result : undefined,
    constraint: getZodConstraint(EvidenceSchema),
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EvidenceSchema }),
    defaultValue: { sourceId: sourceResults.length ? String(sourceResults[0]!.id) : 'new' },
  })
  return (
    <div className="card" aria-labelledby="add-evidence-heading" role="region">
      <h3 id="add-evidence-heading" style={{ marginTop: 0 }}>
        Add evidence
      </h3>
      <Form method="get" className="row source-search" aria-label="Search the sources library">
        <label htmlFor="sourceQ" className="skip-link">
          Search the sources library
        </label>
        <input id="sourceQ" type="search" name="sourceQ" defaultValue={sourceQ} placeholder="Search the sources library" style={{ flex: 1 }} />
        <button type="submit" className="secondary">
          Search sources
        </button>
      </Form>
      <Form method="post" {...getFormProps(form)} aria-label="Add evidence">
        {form.errors?.length ? (
          <div className="alert" role="alert" id={form.errorId}>
            {form.errors.join(' ')}
          </div>
        ) : null}
        <input type="hidden" name="intent" value="add-evidence" />
        <fieldset className="field">
          <legend>Source</legend>
          {sourceResults.map((s) => (
            <label key={s.id} className="radio">
              <input type="radio" name={fields.sourceId.name} value={s.id} defaultChecked={fields.sourceId.initialValue === String(s.id)} />{' '}
              {s.title} <span className="muted">— {s.publisher ?? new URL(s.url).hostname}</span>
            </label>
          ))}
          {sourceQ && sourceResults.length === 0 ? <p className="muted">No source in the library matches “{sourceQ}”.</p> : null}
          <label className="radio">
            <input type="radio" name={fields.sourceId.name} value="new" defaultChecked={fields.sourceId.initialValue === 'new'} /> A new source:
          </label>
          <div className="new-source">
            <div className="field">
              <label htmlFor={fields.url.id}>URL</label>
              <input {...getInputProps(fields.url, { type: 'url' })} placeholder="https://" required={false} />
              <FieldError field={fields.url} />
            </div>
            <div className="field">
              <label htmlFor={fields.title.id}>Title</label>
              <input {...getInputProps(fields.title, { type: 'text' })} />
              <FieldError field={fields.title} />
            </div>
            <div className="row" style={{ alignItems: 'flex-start' }}>
              <div className="field" style={{ flex: 1 }}>
                <label htmlFor={fields.publisher.id}>Publisher</label>
                <input {...getInputProps(fields.publisher, { type: 'text' })} />
              </div>
              <div className="field" style={{ flex: 1 }}>
                <label htmlFor={fields.publishedAt.id}>Published</label>
                <input {...getInputProps(fields.publishedAt, { type: 'date' })} />
                <FieldError field={fields.publishedAt} />
              </div>
            </div>
            <div className="field">
              <label htmlFor={fields.archivedUrl.id}>Archived copy URL</label>
              <input {...getInputProps(fields.archivedUrl, { type: 'url' })} placeholder="https://web.archive.org/…" />
              <FieldError field={fields.archivedUrl} />
            </div>
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>Stance</legend>
          {STANCES.map((s) => (
            <label key={s} className="radio inline">
              <input type="radio" name={fields.stance.name} value={s} /> {STANCE_LABELS[s]}
            </label>
          ))}
          <FieldError field={fields.stance} />
        </fieldset>
        <div className="field">
          <label htmlFor={fields.excerpt.id}>Excerpt from the source</label>
          <textarea {...getTextareaProps(fields.excerpt)} rows={3} />
          <FieldError field={fields.excerpt} />
        </div>
        <div className="field">
          <label htmlFor={fields.note.id}>Note</label>
          <input {...getInputProps(fields.note, { type: 'text' })} />
        </div>
        <button type="submit">Add evidence</button>
      </Form>
    </div>
  )
}

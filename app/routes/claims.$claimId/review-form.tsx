import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CORRECTION_NOTE_MAX_LENGTH, REVIEW_STATUSES, VERDICTS } from '~/workflow'
import { FieldError } from '~/components/field-error'
import { STATUS_LABELS, VERDICT_LABELS } from '~/components/status-badge'
import { idField } from '~/utils/schemas'
import type { action, loader } from './route'

const noneToNull = (v: unknown) => (v === '' || v === 'none' || v === undefined ? null : v)

export const ReviewSchema = z
  .object({
    intent: z.literal('review'),
    version: idField,
    status: z.enum(REVIEW_STATUSES, { error: 'Choose a status' }),
    verdict: z.preprocess(noneToNull, z.enum(VERDICTS, { error: 'Choose a verdict' }).nullable()),
    rationale: z.string().max(20_000, 'Rationale is too long').default(''),
    assigneeId: z.preprocess(noneToNull, idField.nullable()),
    note: z.string().max(2000, 'Note is too long').default(''),
    correction: z.string().max(CORRECTION_NOTE_MAX_LENGTH, 'Correction note is too long').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.status !== 'reviewed') return
    if (!v.verdict) ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'A reviewed claim needs a verdict' })
    if (!v.rationale.trim()) ctx.addIssue({ code: 'custom', path: ['rationale'], message: 'A reviewed claim needs a written rationale' })
  })

/** The reviewer's form: status, verdict, assignee, rationale and a note for the history. */
export function ReviewForm() {
  const { claim, users, published } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.form === 'review' ? actionData.conflict : null
  const initial = conflict
    ? { ...conflict.submitted, version: conflict.current.version, note: conflict.note, correction: conflict.correction }
    : { status: claim.status, verdict: claim.verdict, rationale: claim.rationale, assigneeId: claim.assigneeId, version: claim.version, note: '', correction: '' }
  const [form, fields] = useForm({
    id: `review-${claim.id}-${initial.version}`,
    lastResult: actionData?.form === 'review' && !conflict ? actionData.result : undefined,
    constraint: getZodConstraint(ReviewSchema),
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSchema }),
    defaultValue: {
      status: initial.status,
      verdict: initial.verdict ?? 'none',
      rationale: initial.rationale,
      assigneeId: initial.assigneeId ? String(initial.assigneeId) : 'none',
      note: initial.note,
      correction: initial.correction,
    },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="card" aria-labelledby="review-heading">
      <h2 id="review-heading" style={{ marginTop: 0 }}>
        Review
      </h2>
      {form.errors?.length ? (
        <div className="alert" role="alert" id={form.errorId}>
          {form.errors.join(' ')}
        </div>
      ) : null}
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="version" value={initial.version} />
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <div className="field" style={{ flex: 1, minWidth: '10rem' }}>
          <label htmlFor={fields.status.id}>Status</label>
          <select {...getSelectProps(fields.status)}>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <FieldError field={fields.status} />
        </div>
        <div className="field" style={{ flex: 1, minWidth: '10rem' }}>
          <label htmlFor={fields.verdict.id}>Verdict</label>
          <select {...getSelectProps(fields.verdict)}>
            <option value="none">No verdict yet</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
          <FieldError field={fields.verdict} />
        </div>
        <div className="field" style={{ flex: 1, minWidth: '10rem' }}>
          <label htmlFor={fields.assigneeId.id}>Assignee</label>
          <select {...getSelectProps(fields.assigneeId)}>
            <option value="none">Nobody</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <FieldError field={fields.assigneeId} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={fields.rationale.id}>Rationale</label>
        <textarea {...getTextareaProps(fields.rationale)} rows={5} />
        <p className="hint">Why the verdict holds: what the sources show. Published with the verdict.</p>
        <FieldError field={fields.rationale} />
      </div>
      <div className="field">
        <label htmlFor={fields.note.id}>Note for the history (optional)</label>
        <input {...getInputProps(fields.note, { type: 'text' })} />
        <FieldError field={fields.note} />
      </div>
      {published ? (
        <div className="field published-note">
          <label htmlFor={fields.correction.id}>Public correction note</label>
          <textarea {...getTextareaProps(fields.correction)} rows={2} />
          <p className="hint">
            This claim has been published in an export. Changing its verdict or rationale is a correction: say what changed and why. The
            note is published with the claim and listed under Corrections.
          </p>
          <FieldError field={fields.correction} />
        </div>
      ) : null}
      <button type="submit">{conflict ? 'Save my version anyway' : 'Save review'}</button>
    </Form>
  )
}

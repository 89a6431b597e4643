import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CommentText } from '~/components/comment-text'
import { FieldError } from '~/components/field-error'
import { MentionTextarea } from '~/components/mention-textarea'
import { idField } from '~/utils/schemas'
import { COMMENT_MAX_LENGTH } from '~/workflow'
import { formatWhen } from '~/utils/when'
import type { action, loader } from './route'

const body = z
  .string({ error: 'Write a comment' })
  .trim()
  .min(1, 'Write a comment')
  .max(COMMENT_MAX_LENGTH, `A comment holds at most ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters`)

export const CommentSchema = z.object({ intent: z.literal('comment'), body })
export const EditCommentSchema = z.object({ intent: z.literal('edit-comment'), commentId: idField, body })
export const DeleteCommentSchema = z.object({ intent: z.literal('delete-comment'), commentId: idField })

function NewComment() {
  const { claim, mentionUsers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: `comment-${claim.id}`,
    lastResult: actionData?.form === 'comment' ? actionData.result : undefined,
    constraint: getZodConstraint(CommentSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommentSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} aria-label="Add a comment">
      <input type="hidden" name="intent" value="comment" />
      <div className="field">
        <label htmlFor={fields.body.id}>Comment</label>
        <MentionTextarea {...getTextareaProps(fields.body)} users={mentionUsers} rows={3} />
        <p className="hint">Plain text; links become clickable. Type @ to mention someone: they see it in their inbox.</p>
        <FieldError field={fields.body} />
      </div>
      <button type="submit">Post comment</button>
    </Form>
  )
}

function EditComment({ id, text }: { id: number; text: string }) {
  const { mentionUsers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const mine = actionData?.form === 'edit-comment' && actionData.commentId === id
  const [form, fields] = useForm({
    id: `edit-comment-${id}`,
    lastResult: mine ? actionData.result : undefined,
    constraint: getZodConstraint(EditCommentSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditCommentSchema }),
    defaultValue: { body: text },
  })
  return (
    <details open={mine || undefined}>
      <summary className="small">Edit</summary>
      <Form method="post" {...getFormProps(form)} aria-label={`Edit comment ${id}`}>
        <input type="hidden" name="intent" value="edit-comment" />
        <input type="hidden" name="commentId" value={id} />
        <div className="field">
          <label htmlFor={fields.body.id}>Edited comment</label>
          <MentionTextarea {...getTextareaProps(fields.body)} users={mentionUsers} rows={3} />
          <FieldError field={fields.body} />
        </div>
        <button type="submit" className="small">
          Save comment
        </button>
      </Form>
    </details>
  )
}

/**
 * The claim's discussion: plain-text comments with clickable links and @mentions, each author's
 * own edit and delete. Open on approved claims too.
 */
export function Discussion() {
  const { comments, mentionUsers, viewer } = useLoaderData<typeof loader>()
  const handles = new Set(mentionUsers.map((u) => `@${u.handle}`))
  return (
    <section id="discussion" className="card" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading" style={{ marginTop: 0 }}>
        Discussion ({comments.filter((c) => !c.deleted).length})
      </h2>
      {comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
      <ol className="comments">
        {comments.map((c) => (
          <li key={c.id} id={`comment-${c.id}`}>
            <div className="small">
              <strong>{c.authorName ?? 'Someone'}</strong>{' '}
              <time className="muted" dateTime={new Date(c.createdAt).toISOString()}>
                {formatWhen(c.createdAt)}
              </time>
              {c.editedAt && !c.deleted ? <span className="muted"> · edited</span> : null}
            </div>
            {c.deleted ? (
              <p className="comment-deleted">Comment deleted{c.deletedAt ? ` on ${formatWhen(c.deletedAt)}` : ''}.</p>
            ) : (
              <CommentText body={c.body} handles={new Set([...handles, ...c.mentions.map((m) => m.handle)])} />
            )}
            {!c.deleted && c.authorId === viewer.id ? (
              <div className="comment-actions">
                <EditComment id={c.id} text={c.body} />
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="delete-comment" />
                  <input type="hidden" name="commentId" value={c.id} />
                  <button type="submit" className="danger small">
                    Delete<span className="skip-link"> comment {c.id}</span>
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {viewer.canComment ? <NewComment /> : null}
    </section>
  )
}

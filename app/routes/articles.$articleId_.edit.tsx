import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { correctArticle, getArticle } from '~/models/article.server'
import { requireUserWithRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { idField, isoDateField, optionalHttpUrlField, optionalText } from '~/utils/schemas'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Correct “${data.article.title}” · Claimdesk` : 'Correct article · Claimdesk' }]

export const CorrectionSchema = z.object({
  title: z.string({ error: 'Title is required' }).trim().min(1, 'Title is required').max(500, 'Title is too long'),
  body: z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v), z.string({ error: 'The text is required' }).min(1, 'The text is required').max(5 * 1024 * 1024, 'The text is larger than 5 MB')),
  url: optionalHttpUrlField('URL'),
  publisher: optionalText(200, 'Publisher'),
  author: optionalText(200, 'Author'),
  publishedAt: isoDateField,
})

function articleIdFrom(params: { articleId?: string }) {
  const id = idField.safeParse(params.articleId)
  if (!id.success) throw new Response(null, { status: 404, statusText: 'Not Found' })
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'reviewer')
  const article = getArticle({ id: articleIdFrom(params) })
  if (!article) throw new Response(null, { status: 404, statusText: 'Not Found' })
  return { article }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, 'reviewer')
  const id = articleIdFrom(params)
  const form = await readFormData(request, 6 * 1024 * 1024)
  const parsed = CorrectionSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) {
    return data({ errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])) as Record<string, string> }, { status: 400 })
  }
  const result = correctArticle({ id, actorId: user.id, ...parsed.data })
  if (!result.ok) {
    if (result.reason === 'not_found') throw new Response(null, { status: 404 })
    return data({ errors: { body: `Another article (#${result.existingId}) already has exactly this text.` } as Record<string, string> }, { status: 409 })
  }
  const parts = [`${result.moved} claim${result.moved === 1 ? '' : 's'} re-anchored`]
  if (result.reopened) parts.push(`${result.reopened} approved claim${result.reopened === 1 ? ' was' : 's were'} reopened because what ${result.reopened === 1 ? 'it exports' : 'they export'} changed`)
  if (result.orphaned) parts.push(`${result.orphaned} could not be placed and ${result.orphaned === 1 ? 'needs' : 'need'} a decision`)
  return redirectWithFlash(`/articles/${id}`, `Text corrected: ${parts.join('; ')}.`, result.orphaned || result.reopened ? { kind: 'error' } : undefined)
}

export default function CorrectArticlePage() {
  const { article } = useLoaderData<typeof loader>()
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {}
  const input = (name: 'title' | 'url' | 'publisher' | 'author' | 'publishedAt', label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`edit-${name}`}>{label}</label>
      <input id={`edit-${name}`} name={name} type={type} defaultValue={article[name] ?? ''} aria-invalid={errors[name] ? true : undefined} />
      {errors[name] ? <p className="field-error">{errors[name]}</p> : null}
    </div>
  )
  return (
    <>
      <p>
        <Link to={`/articles/${article.id}`}>← {article.title}</Link>
      </p>
      <h1>Correct the article</h1>
      <p className="muted">
        Saving re-places every claim in the corrected text by its quoted words. A claim whose words are gone is kept and marked for a decision; nothing is deleted.
      </p>
      <Form method="post" className="card">
        {input('title', 'Title')}
        <div className="field">
          <label htmlFor="edit-body">Article text</label>
          <textarea id="edit-body" name="body" rows={20} defaultValue={article.body} aria-invalid={errors.body ? true : undefined} />
          {errors.body ? <p className="field-error">{errors.body}</p> : null}
        </div>
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <div style={{ flex: 1 }}>{input('publisher', 'Publisher')}</div>
          <div style={{ flex: 1 }}>{input('author', 'Author')}</div>
          <div style={{ flex: 1 }}>{input('publishedAt', 'Publication date', 'date')}</div>
        </div>
        {input('url', 'URL', 'url')}
        <button type="submit">Save correction</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

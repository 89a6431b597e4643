import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { fetchArticlePage, FetchRefusedError } from '~/import/fetch-article.server'
import { htmlToArticle, markdownToText } from '~/import/html-to-text'
import { importArticleOffThread } from '~/models/article-import.server'
import { requireUserWithRole } from '~/utils/auth.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { isoDateField, optionalHttpUrlField, optionalText } from '~/utils/schemas'

export const meta: MetaFunction = () => [{ title: 'Import an article · Claimdesk' }]

const MAX_FILE = 5 * 1024 * 1024
const FILE_TYPES = ['.txt', '.md', '.markdown', '.html', '.htm']

export const ImportSchema = z.object({
  intent: z.enum(['fetch', 'import'], { error: 'Unknown action' }),
  title: optionalText(500, 'Title'),
  publisher: optionalText(200, 'Publisher'),
  author: optionalText(200, 'Author'),
  url: optionalHttpUrlField('URL'),
  publishedAt: isoDateField,
  language: z.preprocess((v) => (v === '' || v === undefined ? 'en' : v), z.string().trim().regex(/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/, 'Use a language code such as en or fr')),
  body: z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : ''), z.string().max(MAX_FILE, 'The text is larger than 5 MB')),
})

/**
 * A file's text if it is UTF-8 (a byte-order mark allowed) without the control characters that
 * only binary data contains (tab, line breaks and form feed are text); null otherwise.
 */
function readTextFile(bytes: Uint8Array): string | null {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
  return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text
}

type Values = Partial<Record<'title' | 'publisher' | 'author' | 'url' | 'publishedAt' | 'language' | 'body', string>>

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'reviewer')
  return null
}

function reply(values: Values, errors: Record<string, string>, status = 400, notice?: string) {
  return data({ values, errors, notice: notice ?? null }, { status })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, 'reviewer')
  const form = await readFormData(request, MAX_FILE + 1024 * 1024)
  const file = form.get('file')
  const fields = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>
  const parsed = ImportSchema.safeParse(fields)
  const values: Values = { ...fields }
  if (!parsed.success) {
    return reply(values, Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])))
  }
  const input = parsed.data

  if (input.intent === 'fetch') {
    if (!input.url) return reply(values, { url: 'Give the address of the article to fetch' })
    try {
      const page = await fetchArticlePage(input.url, { allowPrivate: getEnv().ALLOW_PRIVATE_FETCH })
      const readable = page.contentType.startsWith('text/plain') ? { title: null, author: null, publisher: null, publishedAt: null, url: page.url, body: page.text } : htmlToArticle(page.text, page.url)
      if (!readable.body.trim()) return reply(values, { url: 'No article text was found at that address' })
      return reply(
        {
          ...values,
          title: input.title ?? readable.title ?? '',
          publisher: input.publisher ?? readable.publisher ?? '',
          author: input.author ?? readable.author ?? '',
          publishedAt: input.publishedAt ?? readable.publishedAt ?? '',
          url: readable.url ?? input.url,
          body: readable.body,
        },
        {},
        200,
        'Fetched. Check the text and details below, then import.',
      )
    } catch (error) {
      if (error instanceof FetchRefusedError) return reply(values, { url: error.message }, 422)
      throw error
    }
  }

  let body = input.body
  let title = input.title
  let meta: Partial<Values> = {}
  if (file instanceof File && file.size > 0) {
    const name = file.name.toLowerCase()
    const ext = FILE_TYPES.find((t) => name.endsWith(t))
    if (!ext) return reply(values, { file: `Upload a ${FILE_TYPES.join(', ')} file` })
    if (file.size > MAX_FILE) return reply(values, { file: 'The file is larger than 5 MB' }, 413)
    const text = readTextFile(new Uint8Array(await file.arrayBuffer()))
    if (text === null) return reply(values, { file: 'The file is not text: upload a .txt, .md or .html file saved as UTF-8' }, 415)
    if (ext === '.html' || ext === '.htm') {
      const readable = htmlToArticle(text)
      body = readable.body
      title ??= readable.title ?? undefined
      meta = { publisher: readable.publisher ?? undefined, author: readable.author ?? undefined, publishedAt: readable.publishedAt ?? undefined, url: readable.url ?? undefined }
    } else {
      body = ext === '.txt' ? text.replace(/\r\n?/g, '\n') : markdownToText(text)
    }
    title ??= body.split('\n').find((l) => l.trim())?.trim().slice(0, 200) ?? file.name
  }
  if (!body.trim()) return reply(values, { body: 'Paste the article text, upload a file, or fetch it from its URL' })
  if (!title) return reply(values, { title: 'Give the article a title' })
  const { articleId, title: storedTitle, created, claimCount: count } = await importArticleOffThread({
    title,
    body,
    url: input.url ?? meta.url ?? null,
    publisher: input.publisher ?? meta.publisher ?? null,
    author: input.author ?? meta.author ?? null,
    publishedAt: input.publishedAt ?? meta.publishedAt ?? null,
    language: input.language,
    importedById: user.id,
  })
  if (!created) return redirectWithFlash(`/articles/${articleId}`, 'This article is already in Claimdesk; here is the existing copy.')
  return redirectWithFlash(`/articles/${articleId}`, `Imported “${storedTitle}” — ${count} candidate claim${count === 1 ? '' : 's'}.`)
}

export default function ImportPage() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const values = actionData?.values ?? {}
  const errors: Record<string, string> = actionData?.errors ?? {}
  const busy = navigation.state === 'submitting'
  const field = (name: keyof Values, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className="field">
      <label htmlFor={`import-${name}`}>{label}</label>
      <input id={`import-${name}`} name={name} defaultValue={values[name] ?? ''} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `import-${name}-error` : undefined} {...props} />
      {errors[name] ? (
        <p className="field-error" id={`import-${name}-error`}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  )
  return (
    <>
      <h1>Import an article</h1>
      <p className="muted">Paste the text, upload a .txt, .md or .html file, or fetch the page from its address. Claimdesk finds the checkable claims when you import.</p>
      {actionData?.notice ? (
        <div className="flash" role="status">
          {actionData.notice}
        </div>
      ) : null}
      {errors.form ? (
        <div className="alert" role="alert">
          {errors.form}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card" aria-label="Import an article" key={JSON.stringify(values)}>
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <div style={{ flex: 1 }}>{field('url', 'Address (URL)', { type: 'url', placeholder: 'https://' })}</div>
          <div className="field">
            <button type="submit" name="intent" value="fetch" className="secondary" formNoValidate disabled={busy}>
              Fetch from URL
            </button>
          </div>
        </div>
        <div className="grid-2" style={{ gap: '1rem' }}>
          <div>
            {field('title', 'Title')}
            <div className="field">
              <label htmlFor="import-body">Article text</label>
              <textarea id="import-body" name="body" rows={14} defaultValue={values.body ?? ''} aria-invalid={errors.body ? true : undefined} aria-describedby={errors.body ? 'import-body-error' : undefined} />
              {errors.body ? (
                <p className="field-error" id="import-body-error">
                  {errors.body}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="import-file">Or upload a file</label>
              <input id="import-file" type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" aria-invalid={errors.file ? true : undefined} />
              <p className="hint">.txt, .md or .html, up to 5 MB. HTML is reduced to its article text.</p>
              {errors.file ? <p className="field-error">{errors.file}</p> : null}
            </div>
          </div>
          <div>
            {field('publisher', 'Publisher')}
            {field('author', 'Author')}
            {field('publishedAt', 'Publication date', { type: 'date' })}
            {field('language', 'Language', { placeholder: 'en' })}
            <p className="hint">The publication date anchors relative dates such as “last year” or “on Monday”.</p>
          </div>
        </div>
        <button type="submit" name="intent" value="import" disabled={busy}>
          {busy ? 'Working…' : 'Import and find claims'}
        </button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

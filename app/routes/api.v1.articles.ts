import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { ArticleCreateSchema } from '~/api/schemas'
import { importArticleOffThread } from '~/models/article-import.server'
import { apiError, methodNotAllowed, parseJsonBody, requireApiUser } from '~/utils/api.server'

export async function loader({ request }: LoaderFunctionArgs) {
  requireApiUser(request)
  return methodNotAllowed(['POST'])
}

/** Imports an article: 201 with the article and its candidate claims, or 200 with the existing copy. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed(['POST'])
  const user = requireApiUser(request)
  const input = await parseJsonBody(request, ArticleCreateSchema, 6 * 1024 * 1024)
  if (!input.body?.trim()) {
    return apiError('validation_failed', 'body: importing by url alone is not available over the API; send the text', {
      fields: { body: ['Send the article text'] },
    })
  }
  const { articleId, created, api } = await importArticleOffThread(
    {
      title: input.title ?? input.url ?? 'Untitled',
      body: input.body,
      url: input.url ?? null,
      publisher: input.publisher ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ?? null,
      language: input.language,
      importedById: user.id,
    },
    { withApi: true },
  )
  return new Response(api, {
    status: created ? 201 : 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', Location: `/api/v1/articles/${articleId}` },
  })
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { articleToApi } from '~/api/serialize'
import { getArticle, listArticleClaims } from '~/models/article.server'
import { apiError, methodNotAllowed, requireApiUser } from '~/utils/api.server'
import { idField } from '~/utils/schemas'

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireApiUser(request)
  const id = idField.safeParse(params.articleId)
  const article = id.success ? getArticle({ id: id.data }) : undefined
  if (!article) return apiError('not_found', `No article with id ${params.articleId}.`)
  return Response.json(articleToApi(article, listArticleClaims({ articleId: article.id })))
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(['GET'])
}

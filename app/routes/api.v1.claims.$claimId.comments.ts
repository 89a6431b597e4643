import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { CommentCreateSchema } from '~/api/schemas'
import { commentToApi } from '~/api/serialize'
import { getClaim } from '~/models/claim.server'
import { addComment, listComments } from '~/models/comment.server'
import { apiError, methodNotAllowed, parseJsonBody, requireApiUser } from '~/utils/api.server'
import { idField } from '~/utils/schemas'

function claimFrom(raw: string | undefined) {
  const id = idField.safeParse(raw)
  return id.success ? getClaim({ id: id.data }) : undefined
}

/** The claim's discussion, oldest first; deleted comments are markers with an empty body. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireApiUser(request)
  const claim = claimFrom(params.claimId)
  if (!claim) return apiError('not_found', `No claim with id ${params.claimId}.`)
  return Response.json({ comments: listComments({ claimId: claim.id }).map(commentToApi) })
}

/** Posts a comment; `@handle` mentions reach those users' inboxes. Approved claims take comments too. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed(['GET', 'POST'])
  const user = requireApiUser(request)
  const claim = claimFrom(params.claimId)
  if (!claim) return apiError('not_found', `No claim with id ${params.claimId}.`)
  const { body } = await parseJsonBody(request, CommentCreateSchema, 64 * 1024)
  const result = addComment({ claimId: claim.id, author: user, body })
  if (!result.ok) return result.reason === 'not_found' ? apiError('not_found', 'No such claim.') : apiError('forbidden', result.message)
  return Response.json(commentToApi(result.comment), { status: 201 })
}

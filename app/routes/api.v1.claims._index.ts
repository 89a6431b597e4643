import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { QueueQuerySchema } from '~/api/queue-query'
import { apiError, methodNotAllowed, parseQuery, requireApiUser } from '~/utils/api.server'
import { BadCursorError, listClaims } from '~/models/claim-queue.server'

/** The claims queue with the same filters as /claims; follow `nextCursor` for the next page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireApiUser(request)
  const query = parseQuery(request, QueueQuerySchema)
  try {
    const { rows, nextCursor } = listClaims({ ...query, viewerId: user.id })
    return Response.json({
      claims: rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString(), createdAt: new Date(r.createdAt).toISOString() })),
      nextCursor,
    })
  } catch (error) {
    if (error instanceof BadCursorError) return apiError('bad_request', 'cursor: not valid', { fields: { cursor: ['not valid'] } })
    throw error
  }
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(['GET'])
}

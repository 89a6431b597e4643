import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { eventToApi } from '~/api/serialize'
import { getClaim, listClaimEvents } from '~/models/claim.server'
import { apiError, methodNotAllowed, requireApiUser } from '~/utils/api.server'
import { idField } from '~/utils/schemas'

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireApiUser(request)
  const id = idField.safeParse(params.claimId)
  const claim = id.success ? getClaim({ id: id.data }) : undefined
  if (!claim) return apiError('not_found', `No claim with id ${params.claimId}.`)
  return Response.json({ events: listClaimEvents({ claimId: claim.id }).map(eventToApi) })
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(['GET'])
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { ClaimPatchSchema } from '~/api/schemas'
import { claimToApi } from '~/api/serialize'
import { getClaim, updateClaim, type UpdateClaimResult } from '~/models/claim.server'
import { getUserById } from '~/models/user.server'
import { apiError, methodNotAllowed, parseJsonBody, requireApiUser } from '~/utils/api.server'
import { getEnv } from '~/utils/env.server'
import { idField } from '~/utils/schemas'

function claimId(raw: string | undefined) {
  const id = idField.safeParse(raw)
  return id.success ? id.data : null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireApiUser(request)
  const id = claimId(params.claimId)
  const claim = id ? getClaim({ id }) : undefined
  if (!claim) return apiError('not_found', `No claim with id ${params.claimId}.`)
  return Response.json(claimToApi(claim))
}

function failure(result: Exclude<UpdateClaimResult, { ok: true }>) {
  switch (result.reason) {
    case 'not_found':
      return apiError('not_found', 'No such claim.')
    case 'stale':
      return apiError('conflict', `The claim has changed since the version you sent; it is now at version ${result.current.version}.`, {
        extra: { current: claimToApi(result.current) },
      })
    case 'incomplete':
    case 'note_required':
    case 'correction_required':
      return apiError('validation_failed', result.message, {
        fields: Object.fromEntries(Object.entries(result.fields ?? {}).map(([k, v]) => [k, [v]])),
      })
    case 'forbidden':
    case 'self_approval':
      return apiError('forbidden', result.message)
    case 'locked':
    case 'not_reviewed':
    case 'not_approved':
      return apiError('conflict', result.message, { extra: { current: claimToApi(result.current) } })
  }
}

/**
 * Changes a claim as one whole through the workflow rules: a status (approving and reopening
 * included), verdict, rationale and assignee are all applied, or — when any part is refused —
 * none of them.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'PATCH') return methodNotAllowed(['GET', 'PATCH'])
  const user = requireApiUser(request)
  const id = claimId(params.claimId)
  if (!id || !getClaim({ id })) return apiError('not_found', `No claim with id ${params.claimId}.`)
  const { version, note = '', correction, ...changes } = await parseJsonBody(request, ClaimPatchSchema)
  if (changes.assigneeId) {
    const assignee = getUserById({ id: changes.assigneeId })
    if (!assignee || !assignee.active) {
      return apiError('validation_failed', 'assigneeId: no active user has that id', { fields: { assigneeId: ['No active user has that id'] } })
    }
  }
  const result = updateClaim({ id, version, actor: user, changes, note, correction, policy: { allowSelfApproval: getEnv().ALLOW_SELF_APPROVAL } })
  if (!result.ok) return failure(result)
  return Response.json(claimToApi(result.claim))
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { ClaimPatchSchema } from '~/api/schemas'
import { claimToApi } from '~/api/serialize'
import { approveClaim, getClaim, reopenClaim, updateClaim, type SignOffResult } from '~/models/claim.server'
import { getUserById } from '~/models/user.server'
import { apiError, methodNotAllowed, parseJsonBody, requireApiUser } from '~/utils/api.server'
import { hasRole } from '~/utils/auth.server'
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

function failure(result: Exclude<SignOffResult, { ok: true }>) {
  switch (result.reason) {
    case 'not_found':
      return apiError('not_found', 'No such claim.')
    case 'stale':
      return apiError('conflict', `The claim has changed since version you sent; it is now at version ${result.current.version}.`, {
        extra: { current: claimToApi(result.current) },
      })
    case 'locked':
      return apiError('conflict', 'The claim is approved and locked; an editor must reopen it (status "reviewed") first.', {
        extra: { current: claimToApi(result.current) },
      })
    case 'incomplete':
      return apiError('validation_failed', 'A reviewed claim needs a verdict and a rationale.', {
        fields: Object.fromEntries(Object.entries(result.fields).map(([k, v]) => [k, [v!]])),
      })
    case 'not_reviewed':
      return apiError('conflict', 'Only a reviewed claim with a verdict can be approved.')
    case 'self_approval':
      return apiError('forbidden', 'You set this claim’s verdict, so another editor must approve it.')
    case 'not_approved':
      return apiError('conflict', 'The claim is not approved.')
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'PATCH') return methodNotAllowed(['GET', 'PATCH'])
  const user = requireApiUser(request)
  const id = claimId(params.claimId)
  if (!id || !getClaim({ id })) return apiError('not_found', `No claim with id ${params.claimId}.`)
  const { version, note = '', status, ...changes } = await parseJsonBody(request, ClaimPatchSchema)
  if (changes.assigneeId) {
    const assignee = getUserById({ id: changes.assigneeId })
    if (!assignee || !assignee.active) {
      return apiError('validation_failed', 'assigneeId: no active user has that id', { fields: { assigneeId: ['No active user has that id'] } })
    }
  }
  const current = getClaim({ id })!
  const editorOnly = status === 'approved' || current.status === 'approved'
  if (editorOnly && !hasRole(user, 'editor')) {
    return apiError('forbidden', 'Approving a claim, or changing an approved one, needs the editor role.')
  }

  let workingVersion = version
  if (current.status === 'approved' && status !== undefined && status !== 'approved') {
    const reopened = reopenClaim({ id, version: workingVersion, editorId: user.id, note: note || 'Reopened' })
    if (!reopened.ok) return failure(reopened)
    workingVersion = reopened.claim.version
  }
  const otherChanges = { ...changes, ...(status && status !== 'approved' ? { status } : {}) }
  if (Object.values(otherChanges).some((v) => v !== undefined)) {
    const result = updateClaim({ id, version: workingVersion, actorId: user.id, changes: otherChanges, note })
    if (!result.ok) return failure(result)
    workingVersion = result.claim.version
  }
  if (status === 'approved' && getClaim({ id })!.status !== 'approved') {
    const approved = approveClaim({
      id,
      version: workingVersion,
      editorId: user.id,
      allowSelfApproval: getEnv().ALLOW_SELF_APPROVAL,
      note,
    })
    if (!approved.ok) return failure(approved)
  }
  return Response.json(claimToApi(getClaim({ id })!))
}

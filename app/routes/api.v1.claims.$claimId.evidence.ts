import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { EvidenceCreateSchema } from '~/api/schemas'
import { evidenceToApi } from '~/api/serialize'
import { addEvidence, listEvidenceWithSnapshots } from '~/models/evidence.server'
import { getClaim } from '~/models/claim.server'
import { snapshotInBackground } from '~/snapshots/capture.server'
import { apiError, methodNotAllowed, parseJsonBody, requireApiUser } from '~/utils/api.server'
import { getEnv } from '~/utils/env.server'
import { idField } from '~/utils/schemas'

const toApi = (e: ReturnType<typeof listEvidenceWithSnapshots>[number]) => evidenceToApi(e, e.snapshot, e.excerptCheck)

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireApiUser(request)
  const id = idField.safeParse(params.claimId)
  if (!id.success || !getClaim({ id: id.data })) return apiError('not_found', `No claim with id ${params.claimId}.`)
  return Response.json({ evidence: listEvidenceWithSnapshots({ claimId: id.data }).map(toApi) })
}

/** Links a source (existing `sourceId`, or a new `source`) to the claim; the source is snapshotted in the background. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed(['GET', 'POST'])
  const user = requireApiUser(request)
  const id = idField.safeParse(params.claimId)
  if (!id.success || !getClaim({ id: id.data })) return apiError('not_found', `No claim with id ${params.claimId}.`)
  const body = await parseJsonBody(request, EvidenceCreateSchema)
  const result = addEvidence({
    claimId: id.data,
    actorId: user.id,
    stance: body.stance,
    excerpt: body.excerpt,
    note: body.note,
    ...(body.sourceId ? { sourceId: body.sourceId } : { source: body.source! }),
  })
  if (!result.ok) {
    if (result.reason === 'locked') return apiError('conflict', 'The claim is approved and locked; an editor must reopen it first.')
    if (result.reason === 'source_not_found') return apiError('validation_failed', 'sourceId: no such source', { fields: { sourceId: ['No source has that id'] } })
    return apiError('not_found', 'No such claim.')
  }
  snapshotInBackground({ sourceId: result.sourceId, onlyIfStale: true }, { allowPrivate: getEnv().ALLOW_PRIVATE_FETCH })
  const created = listEvidenceWithSnapshots({ claimId: id.data }).find((e) => e.id === result.evidenceId)!
  return Response.json(toApi(created), { status: 201 })
}

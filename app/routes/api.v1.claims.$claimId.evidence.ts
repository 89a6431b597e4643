import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { EvidenceCreateSchema } from '~/api/schemas'
import { addEvidence, listEvidence } from '~/models/evidence.server'
import { getClaim } from '~/models/claim.server'
import { apiError, methodNotAllowed, parseJsonBody, requireApiUser } from '~/utils/api.server'
import { idField } from '~/utils/schemas'

function evidenceToApi(e: ReturnType<typeof listEvidence>[number]) {
  return {
    id: e.id,
    stance: e.stance,
    excerpt: e.excerpt,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
    createdBy: e.createdBy,
    source: { id: e.source.id, url: e.source.url, title: e.source.title, publisher: e.source.publisher, publishedAt: e.source.publishedAt, archivedUrl: e.source.archivedUrl },
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireApiUser(request)
  const id = idField.safeParse(params.claimId)
  if (!id.success || !getClaim({ id: id.data })) return apiError('not_found', `No claim with id ${params.claimId}.`)
  return Response.json({ evidence: listEvidence({ claimId: id.data }).map(evidenceToApi) })
}

/** Links a source (existing `sourceId`, or a new `source`) to the claim. */
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
  const created = listEvidence({ claimId: id.data }).find((e) => e.id === result.evidenceId)!
  return Response.json(evidenceToApi(created), { status: 201 })
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { sourceToApi } from '~/api/serialize'
import { snapshotSummaries } from '~/models/snapshot.server'
import { getSource } from '~/models/source.server'
import { apiError, methodNotAllowed, requireApiUser } from '~/utils/api.server'
import { idField } from '~/utils/schemas'

/** A source from the library with its newest snapshot. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireApiUser(request)
  const id = idField.safeParse(params.sourceId)
  const source = id.success ? getSource({ id: id.data }) : undefined
  if (!source) return apiError('not_found', `No source with id ${params.sourceId}.`)
  return Response.json(sourceToApi(source, snapshotSummaries({ sourceIds: [source.id] }).get(source.id)))
}

export async function action({ request }: ActionFunctionArgs) {
  requireApiUser(request)
  return methodNotAllowed(['GET'])
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { sourceToApi } from '~/api/serialize'
import { snapshotSummaries } from '~/models/snapshot.server'
import { getSource } from '~/models/source.server'
import { snapshotInBackground } from '~/snapshots/capture.server'
import { apiError, methodNotAllowed, requireApiUser } from '~/utils/api.server'
import { getEnv } from '~/utils/env.server'
import { idField } from '~/utils/schemas'

export async function loader({ request }: LoaderFunctionArgs) {
  requireApiUser(request)
  return methodNotAllowed(['POST'])
}

/** Checks the source again: 202 at once with the pending snapshot; the fetch runs in the background. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed(['POST'])
  requireApiUser(request)
  const id = idField.safeParse(params.sourceId)
  const source = id.success ? getSource({ id: id.data }) : undefined
  if (!source) return apiError('not_found', `No source with id ${params.sourceId}.`)
  snapshotInBackground({ sourceId: source.id }, { allowPrivate: getEnv().ALLOW_PRIVATE_FETCH })
  return Response.json(sourceToApi(source, snapshotSummaries({ sourceIds: [source.id] }).get(source.id)), {
    status: 202,
    headers: { Location: `/api/v1/sources/${source.id}` },
  })
}

import { openApiDocument } from '~/api/openapi'
import { QueueQuerySchema } from '~/api/queue-query'
import { publicOrigin } from '~/utils/export-response.server'

/** The OpenAPI document; public, so integrators can read it before they have a token. */
export async function loader() {
  return Response.json(openApiDocument({ serverUrl: publicOrigin(), queueQuery: QueueQuerySchema }))
}

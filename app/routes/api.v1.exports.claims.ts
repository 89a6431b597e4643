import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { ExportFiltersSchema } from '~/models/export.server'
import { methodNotAllowed, parseQuery, requireApiUser } from '~/utils/api.server'
import { exportResponse } from '~/utils/export-response.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireApiUser(request, 'editor')
  const filters = parseQuery(request, ExportFiltersSchema)
  return exportResponse(request, filters, user.id)
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(['GET'])
}

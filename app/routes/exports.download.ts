import type { LoaderFunctionArgs } from '@remix-run/node'
import { ExportFiltersSchema } from '~/models/export.server'
import { requireUserWithRole } from '~/utils/auth.server'
import { exportResponse } from '~/utils/export-response.server'

/** The download behind the exports page (session-authenticated twin of GET /api/v1/exports/claims). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, 'editor')
  const params = [...new URL(request.url).searchParams].filter(([, v]) => v !== '')
  const parsed = ExportFiltersSchema.safeParse(Object.fromEntries(params))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Response(`${issue.path.join('.')}: ${issue.message}`, { status: 400 })
  }
  return exportResponse(request, parsed.data, user.id)
}

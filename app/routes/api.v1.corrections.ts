import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { CorrectionsQuerySchema } from '~/api/schemas'
import { correctionToApi } from '~/api/serialize'
import { listCorrections } from '~/models/correction.server'
import { methodNotAllowed, parseQuery, requireApiUser } from '~/utils/api.server'

/** Corrections of published claims, newest first, in keyset pages (`before` = the previous page's `nextBefore`). */
export async function loader({ request }: LoaderFunctionArgs) {
  requireApiUser(request)
  const { before, limit } = parseQuery(request, CorrectionsQuerySchema)
  const rows = listCorrections({ before, limit: limit + 1 })
  const page = rows.slice(0, limit)
  return Response.json({ corrections: page.map(correctionToApi), nextBefore: rows.length > limit ? page[page.length - 1]!.id : null })
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(['GET'])
}

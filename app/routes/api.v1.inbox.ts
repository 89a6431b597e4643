import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { InboxQuerySchema } from '~/api/schemas'
import { inboxItemToApi } from '~/api/serialize'
import { countUnreadInbox, listInbox } from '~/models/inbox.server'
import { methodNotAllowed, parseQuery, requireApiUser } from '~/utils/api.server'

/** What needs the token's user, newest first; `?unread=true` for the unread items only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireApiUser(request)
  const { unread, before, limit } = parseQuery(request, InboxQuerySchema)
  const items = listInbox({ userId: user.id, unread: unread === 'true', before, limit: limit + 1 })
  const page = items.slice(0, limit)
  return Response.json({
    items: page.map(inboxItemToApi),
    unreadCount: countUnreadInbox({ userId: user.id }),
    nextBefore: items.length > limit ? page[page.length - 1]!.id : null,
  })
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(['GET'])
}

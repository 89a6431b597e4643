import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigate, useSearchParams } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { z } from 'zod'
import { CommentText } from '~/components/comment-text'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StatusBadge } from '~/components/status-badge'
import { countUnreadInbox, listInbox, markAllInboxRead, markInboxRead } from '~/models/inbox.server'
import { requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { idField } from '~/utils/schemas'
import { INBOX_LABELS } from '~/workflow'
import { formatWhen } from '~/utils/when'

export const meta: MetaFunction = () => [{ title: 'Inbox · Claimdesk' }]

export const InboxQuerySchema = z.object({ unread: z.enum(['true', 'false'], { error: 'unread must be true or false' }).optional() })

export const InboxActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('read'), itemId: idField }),
  z.object({ intent: z.literal('unread'), itemId: idField }),
  z.object({ intent: z.literal('read-all') }),
])

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = InboxQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw new Response(`unread: ${query.error.issues[0]!.message}`, { status: 400 })
  const unread = query.data.unread === 'true'
  return { items: listInbox({ userId: user.id, unread }), unreadCount: countUnreadInbox({ userId: user.id }), unreadOnly: unread }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = InboxActionSchema.safeParse(Object.fromEntries(await readFormData(request, 16 * 1024)))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Response(`${issue.path.join('.') || 'intent'}: ${issue.message}`, { status: 400 })
  }
  const back = new URL(request.url).search ? `/inbox${new URL(request.url).search}` : '/inbox'
  const input = parsed.data
  if (input.intent === 'read-all') {
    const n = markAllInboxRead({ userId: user.id })
    return redirectWithFlash(back, n ? `Marked ${n} item${n === 1 ? '' : 's'} read.` : 'Nothing was unread.')
  }
  if (!markInboxRead({ userId: user.id, id: input.itemId, read: input.intent === 'read' })) {
    throw new Response('itemId: no such item in your inbox', { status: 404 })
  }
  return redirectWithFlash(back, input.intent === 'read' ? 'Marked read.' : 'Marked unread.')
}

const NO_HANDLES = new Set<string>()

const SHORTCUTS: [string, string][] = [
  ['j / k', 'next / previous item'],
  ['o or Enter', 'open its claim'],
  ['r', 'mark the item read (or unread again)'],
  ['A', 'mark everything read'],
  ['?', 'show or hide this list'],
]

function useInboxKeyboard() {
  const [current, setCurrent] = useState(-1)
  const [help, setHelp] = useState(false)
  const navigate = useNavigate()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      if (e.metaKey || e.ctrlKey || e.altKey) return
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return
      const rows = Array.from(document.querySelectorAll<HTMLLIElement>('li[data-item]'))
      const focusRow = (i: number) => {
        const row = rows[i]
        if (!row) return
        setCurrent(i)
        row.focus()
      }
      switch (e.key) {
        case 'j':
          focusRow(Math.min(rows.length - 1, current + 1))
          break
        case 'k':
          focusRow(Math.max(0, current - 1))
          break
        case 'o':
        case 'Enter': {
          const link = rows[current]?.querySelector<HTMLAnchorElement>('a.item-link')
          if (!link) return
          navigate(link.getAttribute('href')!)
          break
        }
        case 'r':
          rows[current]?.querySelector<HTMLButtonElement>('button.toggle-read')?.click()
          break
        case 'A':
          document.querySelector<HTMLButtonElement>('button.read-all')?.click()
          break
        case '?':
          setHelp((h) => !h)
          break
        case 'Escape':
          setHelp(false)
          return
        default:
          return
      }
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [current, navigate])
  return { current, help, setHelp }
}

export default function Inbox() {
  const { items, unreadCount, unreadOnly } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const { current, help, setHelp } = useInboxKeyboard()
  const actionUrl = params.toString() ? `/inbox?${params}` : '/inbox'
  return (
    <>
      <div className="spread">
        <h1>Inbox</h1>
        <div className="row">
          <button type="button" className="secondary small" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            Keyboard shortcuts (?)
          </button>
        </div>
      </div>
      <div className="spread card">
        <p style={{ margin: 0 }}>
          <strong>{unreadCount}</strong> unread ·{' '}
          {unreadOnly ? <Link to="/inbox">Show everything</Link> : <Link to="/inbox?unread=true">Show unread only</Link>}
        </p>
        <Form method="post" action={actionUrl}>
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="secondary small read-all" disabled={unreadCount === 0}>
            Mark all read
          </button>
        </Form>
      </div>
      {items.length === 0 ? <p className="muted">Nothing needs you{unreadOnly ? ' that you have not read' : ''}.</p> : null}
      <ol className="inbox-list" aria-label="Inbox items">
        {items.map((item, i) => (
          <li
            key={item.id}
            data-item={item.id}
            tabIndex={-1}
            className={['card', item.read ? 'read' : 'unread', i === current ? 'current' : ''].filter(Boolean).join(' ')}
            aria-current={i === current ? 'true' : undefined}
          >
            <div className="spread">
              <div>
                <span className={`inbox-kind kind-${item.kind}`}>{INBOX_LABELS[item.kind]}</span>
                {item.read ? null : <span className="badge unread-count">unread</span>}{' '}
                <span className="muted small">
                  {item.actorName ? `${item.actorName} · ` : ''}
                  {formatWhen(item.createdAt)}
                </span>
              </div>
              <Form method="post" action={actionUrl} className="inline-form">
                <input type="hidden" name="intent" value={item.read ? 'unread' : 'read'} />
                <input type="hidden" name="itemId" value={item.id} />
                <button type="submit" className="secondary small toggle-read">
                  {item.read ? 'Mark unread' : 'Mark read'}
                  <span className="skip-link"> item {item.id}</span>
                </button>
              </Form>
            </div>
            <p style={{ margin: '0.35rem 0' }}>
              <Link className="item-link" to={`/claims/${item.claimId}${item.commentId ? `#comment-${item.commentId}` : ''}`}>
                {item.claimText}
              </Link>{' '}
              <StatusBadge status={item.claimStatus} />
            </p>
            {item.kind === 'mention' ? (
              item.commentDeleted ? (
                <p className="comment-deleted">The comment was deleted.</p>
              ) : (
                <blockquote className="inbox-quote">
                  <CommentText body={item.commentBody ?? ''} handles={NO_HANDLES} />
                </blockquote>
              )
            ) : null}
            {item.note ? <p className="note">“{item.note}”</p> : null}
          </li>
        ))}
      </ol>
      {help ? (
        <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="shortcuts-heading" onClick={() => setHelp(false)}>
          <div className="card" onClick={(e) => e.stopPropagation()}>
            <div className="spread">
              <h2 id="shortcuts-heading" style={{ marginTop: 0 }}>
                Keyboard shortcuts
              </h2>
              <button type="button" className="secondary small" onClick={() => setHelp(false)} autoFocus>
                Close
              </button>
            </div>
            <table>
              <tbody>
                {SHORTCUTS.map(([key, what]) => (
                  <tr key={key}>
                    <th scope="row">
                      <kbd>{key}</kbd>
                    </th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigate, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { CLAIM_STATUSES, VERDICTS } from '~/workflow'
import { QueueQuerySchema } from '~/api/queue-query'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { STATUS_LABELS, StatusBadge, VERDICT_LABELS, VerdictBadge } from '~/components/status-badge'
import { listArticleTitles, listArticleTitlesById } from '~/models/article.server'
import { updateClaim } from '~/models/claim.server'
import { BadCursorError, listClaims } from '~/models/claim-queue.server'
import { listUsers } from '~/models/user.server'
import styles from '~/styles/queue.css?url'
import { requireUser, requireUserWithRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { idField, safeRedirect } from '~/utils/schemas'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Claims · Claimdesk' }]

const BULK_STATUSES = ['unreviewed', 'in_review', 'discarded'] as const

/** How many recent articles the queue's article filter lists. */
const QUEUE_ARTICLE_MENU = 30

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = QueueQuerySchema.safeParse(params)
  // The article menu offers the most recent articles (and the one chosen); every article links to
  // its claims in the queue from the Articles page. Titles are shortened: the menu is in the page
  // twice, as HTML and in the loader data.
  const chosen = idField.safeParse(params.article)
  const recent = listArticleTitles({ limit: QUEUE_ARTICLE_MENU })
  const menu = chosen.success && !recent.some((a) => a.id === chosen.data) ? [...recent, ...listArticleTitlesById({ ids: [chosen.data] })] : recent
  const filterOptions = {
    users: listUsers().map((u) => ({ id: u.id, name: u.name })),
    articles: menu.map((a) => ({ id: a.id, title: a.title.length > 70 ? `${a.title.slice(0, 69)}…` : a.title })),
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    return data({ ...filterOptions, rows: [], nextCursor: null, problems, query: null }, { status: 400 })
  }
  try {
    const page = listClaims({ ...parsed.data, viewerId: user.id })
    // Only what the page shows goes into the loader data, which the document carries beside its HTML.
    const rows = page.rows.map((r) => ({
      id: r.id,
      text: r.text,
      status: r.status,
      verdict: r.verdict,
      checkworthiness: r.checkworthiness,
      version: r.version,
      articleId: r.articleId,
      articleTitle: r.articleTitle,
      assigneeName: r.assigneeName,
      evidenceCount: r.evidenceCount,
    }))
    return { ...filterOptions, rows, nextCursor: page.nextCursor, problems: [] as string[], query: parsed.data }
  } catch (error) {
    if (error instanceof BadCursorError) return data({ ...filterOptions, rows: [], nextCursor: null, problems: ['cursor: not valid; start from the first page'], query: null }, { status: 400 })
    throw error
  }
}

const BulkSchema = z.object({
  intent: z.literal('bulk'),
  ids: z.array(idField).min(1, 'Select at least one claim').max(100, 'Select at most 100 claims'),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(BULK_STATUSES, { error: 'Choose a status' }).optional()),
  assignee: z.preprocess((v) => (v === '' ? undefined : v), z.union([z.literal('none'), idField]).optional()),
  redirectTo: z.string().optional(),
})

/** Bulk change: each selected claim is updated from the version shown, so nobody's newer work is overwritten. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, 'reviewer')
  const form = await readFormData(request, 128 * 1024)
  const parsed = BulkSchema.safeParse({
    intent: form.get('intent'),
    ids: form.getAll('ids'),
    status: form.get('status') ?? undefined,
    assignee: form.get('assignee') ?? undefined,
    redirectTo: form.get('redirectTo') ?? undefined,
  })
  const back = safeRedirect(form.get('redirectTo'), '/claims')
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return redirectWithFlash(back, `${issue.path.join('.') || 'form'}: ${issue.message}`, { kind: 'error' })
  }
  const { ids, status, assignee } = parsed.data
  if (!status && !assignee) return redirectWithFlash(back, 'Choose a status or an assignee to apply.', { kind: 'error' })
  const assigneeId = assignee === 'none' ? null : assignee
  if (assigneeId && !listUsers().some((u) => u.id === assigneeId && u.active)) return redirectWithFlash(back, 'Choose an active user.', { kind: 'error' })
  let updated = 0
  const skipped: number[] = []
  for (const id of ids) {
    const version = idField.safeParse(form.get(`version-${id}`))
    if (!version.success) {
      skipped.push(id)
      continue
    }
    const result = updateClaim({
      id,
      version: version.data,
      actor: user,
      changes: { ...(status ? { status } : {}), ...(assignee ? { assigneeId } : {}) },
      note: 'bulk change',
    })
    if (result.ok) updated++
    else skipped.push(id)
  }
  const message = `${updated} claim${updated === 1 ? '' : 's'} updated${skipped.length ? `; ${skipped.length} skipped because someone else changed ${skipped.length === 1 ? 'it' : 'them'} or ${skipped.length === 1 ? 'it is' : 'they are'} locked (#${skipped.join(', #')})` : ''}.`
  return redirectWithFlash(back, message, skipped.length && !updated ? { kind: 'error' } : undefined)
}

const SHORTCUTS: [string, string][] = [
  ['j / k', 'next / previous claim'],
  ['o or Enter', 'open the claim'],
  ['x', 'select or unselect the claim'],
  ['i', 'set selected (or current) claims to In review'],
  ['u', 'set selected (or current) claims to Unreviewed'],
  ['d', 'discard selected (or current) claims'],
  ['/', 'search'],
  ['?', 'show or hide this list'],
]

function useQueueKeyboard(count: number, bulkForm: React.RefObject<HTMLFormElement | null>) {
  const [current, setCurrent] = useState(-1)
  const [help, setHelp] = useState(false)
  const navigate = useNavigate()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      if (e.metaKey || e.ctrlKey || e.altKey) return
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return
      const rows = Array.from(document.querySelectorAll<HTMLTableRowElement>('tr[data-claim]'))
      const focusRow = (i: number) => {
        const row = rows[i]
        if (!row) return
        setCurrent(i)
        row.focus()
      }
      const setStatus = (status: string) => {
        const form = bulkForm.current
        if (!form) return
        const checked = rows.filter((r) => r.querySelector<HTMLInputElement>('input[name="ids"]')?.checked)
        if (checked.length === 0 && rows[current]) rows[current]!.querySelector<HTMLInputElement>('input[name="ids"]')!.checked = true
        const select = form.querySelector<HTMLSelectElement>('select[name="status"]')
        if (!select) return
        select.value = status
        form.requestSubmit()
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
          const link = rows[current]?.querySelector<HTMLAnchorElement>('a.claim-link')
          if (link) navigate(link.getAttribute('href')!)
          break
        }
        case 'x': {
          const box = rows[current]?.querySelector<HTMLInputElement>('input[name="ids"]')
          if (box) box.checked = !box.checked
          break
        }
        case 'i':
          setStatus('in_review')
          break
        case 'u':
          setStatus('unreviewed')
          break
        case 'd':
          setStatus('discarded')
          break
        case '/':
          document.querySelector<HTMLInputElement>('#queue-q')?.focus()
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
  }, [current, count, navigate, bulkForm])
  return { current, help, setHelp }
}

/**
 * A click on a plain link inside the queue table navigates in the app, as a `<Link>` would, unless
 * it asks for a new tab or window. The rows use plain links because a page has a hundred of them
 * and each `<Link>` costs several hooks on every server render; `data-discover` keeps Remix
 * discovering their routes ahead of a click.
 */
function useTableNavigation() {
  const navigate = useNavigate()
  return (e: React.MouseEvent) => {
    const link = (e.target as HTMLElement).closest('a')
    if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || link.target) return
    const href = link.getAttribute('href')
    if (!href?.startsWith('/')) return
    e.preventDefault()
    navigate(href)
  }
}

export default function ClaimsQueue() {
  const { rows, nextCursor, problems, users, articles } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const onTableClick = useTableNavigation()
  const bulkForm = useRef<HTMLFormElement>(null)
  const { current, help, setHelp } = useQueueKeyboard(rows.length, bulkForm)
  const here = `/claims${params.toString() ? `?${params}` : ''}`
  const nextParams = new URLSearchParams(params)
  if (nextCursor) nextParams.set('cursor', nextCursor)
  const firstParams = new URLSearchParams(params)
  firstParams.delete('cursor')
  const value = (k: string) => params.get(k) ?? ''
  return (
    <>
      <div className="spread">
        <h1>Claims</h1>
        <button type="button" className="secondary small" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Keyboard shortcuts (?)
        </button>
      </div>
      <Form method="get" className="card queue-filters" aria-label="Filter claims">
        <div className="field">
          <label htmlFor="queue-q">Search</label>
          <input id="queue-q" type="search" name="q" defaultValue={value('q')} placeholder="Words in the claim" />
        </div>
        <div className="field">
          <label htmlFor="queue-status">Status</label>
          <select id="queue-status" name="status" defaultValue={value('status') || 'open'}>
            <option value="open">Open (not approved or discarded)</option>
            <option value="all">Any status</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-verdict">Verdict</label>
          <select id="queue-verdict" name="verdict" defaultValue={value('verdict')}>
            <option value="">Any</option>
            <option value="none">No verdict yet</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-assignee">Assignee</label>
          <select id="queue-assignee" name="assignee" defaultValue={value('assignee')}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Nobody</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-article">Article</label>
          <select id="queue-article" name="article" defaultValue={value('article')}>
            <option value="">All articles</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-evidence">Evidence</label>
          <select id="queue-evidence" name="evidence" defaultValue={value('evidence')}>
            <option value="">Either</option>
            <option value="yes">Has evidence</option>
            <option value="no">No evidence yet</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-from">Imported from</label>
          <input id="queue-from" type="date" name="from" defaultValue={value('from')} />
        </div>
        <div className="field">
          <label htmlFor="queue-to">Imported until</label>
          <input id="queue-to" type="date" name="to" defaultValue={value('to')} />
        </div>
        <div className="field">
          <label htmlFor="queue-sort">Sort by</label>
          <select id="queue-sort" name="sort" defaultValue={value('sort') || 'checkworthiness'}>
            <option value="checkworthiness">Most check-worthy first</option>
            <option value="recent">Recently changed first</option>
          </select>
        </div>
        {value('limit') ? <input type="hidden" name="limit" value={value('limit')} /> : null}
        <div className="field filter-buttons">
          <button type="submit">Apply filters</button>
          <Link to="/claims" className="button secondary">
            Reset
          </Link>
        </div>
      </Form>
      {problems.length ? (
        <div className="alert" role="alert">
          These filters could not be used: {problems.join('; ')}
        </div>
      ) : null}
      <Form method="post" ref={bulkForm} aria-label="Change selected claims">
        <input type="hidden" name="intent" value="bulk" />
        <input type="hidden" name="redirectTo" value={here} />
        <div className="bulk-bar row">
          <span className="muted">For the selected claims:</span>
          <label htmlFor="bulk-status" className="skip-link">
            New status
          </label>
          <select id="bulk-status" name="status" defaultValue="">
            <option value="">Status unchanged</option>
            {BULK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <label htmlFor="bulk-assignee" className="skip-link">
            New assignee
          </label>
          <select id="bulk-assignee" name="assignee" defaultValue="">
            <option value="">Assignee unchanged</option>
            <option value="none">Nobody</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <button type="submit" className="small">
            Apply to selected
          </button>
        </div>
        <div className="table-wrap">
          <table className="queue" onClick={onTableClick}>
            <thead>
              <tr>
                <th scope="col">
                  <span className="skip-link">Select</span>
                </th>
                <th scope="col">Claim</th>
                <th scope="col">Status</th>
                <th scope="col">Check-worthy</th>
                <th scope="col">Assignee</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={6} className="muted">
                    No claims match these filters.
                  </td>
                </tr>
              ) : null}
              {rows.map((r, i) => (
                <tr key={r.id} data-claim={r.id} tabIndex={-1} className={i === current ? 'current' : undefined} aria-current={i === current ? 'true' : undefined}>
                  <td>
                    <input type="checkbox" name="ids" value={r.id} aria-label={`Select claim ${r.id}`} />
                    <input type="hidden" name={`version-${r.id}`} value={r.version} />
                  </td>
                  <td>
                    <a href={`/claims/${r.id}`} className="claim-link" data-discover="true">
                      {r.text}
                    </a>
                    <div className="muted small">
                      <a href={`/articles/${r.articleId}`} data-discover="true">
                        {r.articleTitle}
                      </a>
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={r.status} /> <VerdictBadge verdict={r.verdict} />
                  </td>
                  <td>{`${Math.round(r.checkworthiness * 100)}%`}</td>
                  <td>{r.assigneeName ?? <span className="muted">—</span>}</td>
                  <td>{r.evidenceCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Form>
      <nav className="row pager" aria-label="Pages">
        {params.get('cursor') ? <Link to={`/claims?${firstParams}`}>First page</Link> : null}
        {nextCursor ? <Link to={`/claims?${nextParams}`}>Next page →</Link> : null}
      </nav>
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

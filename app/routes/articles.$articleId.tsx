import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useCallback, useState } from 'react'
import { z } from 'zod'
import { CLAIM_STATUSES, isLocked } from '~/workflow'
import { ArticleText } from '~/components/article-text'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { STATUS_LABELS, StatusBadge, VerdictBadge } from '~/components/status-badge'
import { getArticle, listArticleClaims, listArticleClaimsInRange, listOrphanedClaims } from '~/models/article.server'
import { countClaimsByStatus, updateClaim } from '~/models/claim.server'
import { addClaim, mergeClaims, splitClaim } from '~/models/claim-edit.server'
import styles from '~/styles/article.css?url'
import { requireUser, requireUserWithRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { idField } from '~/utils/schemas'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.article.title} · Claimdesk` : 'Article · Claimdesk' }]

const text = (max: number, label: string) => z.string({ error: `${label} is required` }).trim().min(3, `${label} is too short`).max(max, `${label} is too long`)

export const ArticleActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept'), claimId: idField, version: idField }),
  z.object({ intent: z.literal('discard'), claimId: idField, version: idField, note: z.string().max(2000).default('') }),
  z.object({ intent: z.literal('restore'), claimId: idField, version: idField }),
  z.object({ intent: z.literal('edit-text'), claimId: idField, version: idField, text: text(2000, 'Claim text') }),
  z.object({ intent: z.literal('merge-next'), claimId: idField, version: idField, nextId: idField, nextVersion: idField }),
  z.object({
    intent: z.literal('split'),
    claimId: idField,
    version: idField,
    at: z.coerce.number({ error: 'Split point must be a number' }).int('Split point must be a whole number').min(1, 'Split point must be inside the claim'),
    first: text(2000, 'First claim'),
    second: text(2000, 'Second claim'),
  }),
  z.object({
    intent: z.literal('add'),
    quote: z.string().max(5000, 'The quote is too long').optional(),
    occurrence: z.coerce.number().int().min(1).max(1000).default(1),
    start: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).optional()),
    end: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).optional()),
    text: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(2000, 'Claim text is too long').optional()),
  }),
])

function articleIdFrom(params: { articleId?: string }) {
  const id = idField.safeParse(params.articleId)
  if (!id.success) throw new Response(null, { status: 404, statusText: 'Not Found' })
  return id.data
}

/** Articles longer than this are shown one part at a time, each about this many characters. */
export const ARTICLE_PART_LENGTH = 50_000

/** [start, end) of each part of a body, cut after a line break where one is near the limit. */
export function articleParts(body: string, size = ARTICLE_PART_LENGTH): [number, number][] {
  const parts: [number, number][] = []
  for (let start = 0; start < body.length || parts.length === 0; ) {
    let end = Math.min(body.length, start + size)
    if (end < body.length) {
      const lineBreak = body.lastIndexOf('\n', end)
      if (lineBreak > start + size / 2) end = lineBreak + 1
      else if (/[\uD800-\uDBFF]/.test(body[end - 1] ?? '')) end-- // never split a surrogate pair
    }
    parts.push([start, end])
    start = end
  }
  return parts
}

const PartSchema = z.coerce.number().int().min(1).catch(1)

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const article = getArticle({ id: articleIdFrom(params) })
  if (!article) throw new Response(null, { status: 404, statusText: 'Not Found' })
  const parts = articleParts(article.body)
  const part = Math.min(PartSchema.parse(new URL(request.url).searchParams.get('part') ?? 1), parts.length)
  const [from, to] = parts[part - 1]!
  // A large article is read part by part: its text, and the claims that start in it.
  const { rows, before } =
    parts.length === 1
      ? { rows: listArticleClaims({ articleId: article.id }), before: 0 }
      : (() => {
          const inRange = listArticleClaimsInRange({ articleId: article.id, from, to })
          return { rows: [...inRange.rows, ...(part === 1 ? listOrphanedClaims({ articleId: article.id }) : [])], before: inRange.before }
        })()
  const claims = rows.map((c, i) => ({
    id: c.id,
    number: before + i + 1,
    text: c.text,
    start: c.anchorStart,
    end: c.anchorEnd,
    quote: c.quoteExact,
    status: c.status,
    verdict: c.verdict,
    version: c.version,
    orphaned: c.orphaned,
    checkworthiness: c.checkworthiness,
    dates: c.facets.dates.map((d) => d.value),
  }))
  const counts = countClaimsByStatus({ articleId: article.id })
  return {
    article: { ...article, body: article.body.slice(from, to) },
    claims,
    counts,
    view: { part, parts: parts.length, from, to, length: article.body.length },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, 'reviewer')
  const articleId = articleIdFrom(params)
  const back = `/articles/${articleId}`
  const parsed = ArticleActionSchema.safeParse(Object.fromEntries(await readFormData(request, 64 * 1024)))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return data({ error: `${issue.path.join('.') || 'form'}: ${issue.message}`, intent: null }, { status: 400 })
  }
  const input = parsed.data
  const fail = (message: string, status: number) => data({ error: message, intent: input.intent }, { status })

  if (input.intent === 'accept' || input.intent === 'discard' || input.intent === 'restore' || input.intent === 'edit-text') {
    const changes =
      input.intent === 'accept' ? { status: 'in_review' as const } : input.intent === 'discard' ? { status: 'discarded' as const } : input.intent === 'restore' ? { status: 'unreviewed' as const } : { text: input.text }
    const result = updateClaim({ id: input.claimId, version: input.version, actor: user, changes, note: input.intent === 'discard' ? input.note : '' })
    if (!result.ok) {
      if (result.reason === 'stale') return fail('Someone else changed that claim in the meantime. The list now shows the latest version; try again.', 409)
      if (result.reason === 'not_found') return fail('That claim no longer exists.', 404)
      return fail(result.message, result.reason === 'forbidden' ? 403 : 409)
    }
    const done = { accept: 'Accepted for review.', discard: 'Discarded.', restore: 'Restored.', 'edit-text': 'Claim text saved.' }
    return redirectWithFlash(`${back}#claim-${input.claimId}`, done[input.intent])
  }
  const result =
    input.intent === 'merge-next'
      ? mergeClaims({ first: { id: input.claimId, version: input.version }, second: { id: input.nextId, version: input.nextVersion }, actorId: user.id })
      : input.intent === 'split'
        ? splitClaim({ id: input.claimId, version: input.version, at: input.at, texts: [input.first, input.second], actorId: user.id })
        : addClaim({ articleId, actorId: user.id, quote: input.quote, occurrence: input.occurrence, start: input.start, end: input.end, text: input.text })
  if (!result.ok) return fail(result.message, result.reason === 'stale' || result.reason === 'locked' ? 409 : result.reason === 'not_found' ? 404 : 400)
  const done = { 'merge-next': 'Merged into one claim.', split: 'Split into two claims.', add: 'Claim added.' }
  return redirectWithFlash(`${back}#claim-${result.ids[0]}`, done[input.intent])
}

type ClaimItem = ReturnType<typeof useLoaderData<typeof loader>>['claims'][number]

function ClaimActions({ claim, next }: { claim: ClaimItem; next?: ClaimItem }) {
  const hidden = (
    <>
      <input type="hidden" name="claimId" value={claim.id} />
      <input type="hidden" name="version" value={claim.version} />
    </>
  )
  if (isLocked(claim)) return <p className="muted small">Approved and locked.</p>
  return (
    <div className="claim-actions">
      <div className="row" style={{ gap: '0.4rem' }}>
        {claim.status === 'unreviewed' ? (
          <Form method="post" className="inline-form">
            {hidden}
            <button type="submit" name="intent" value="accept" className="small">
              Accept<span className="skip-link"> claim {claim.number}</span>
            </button>
          </Form>
        ) : null}
        {claim.status !== 'discarded' ? (
          <Form method="post" className="inline-form">
            {hidden}
            <button type="submit" name="intent" value="discard" className="small secondary">
              Discard<span className="skip-link"> claim {claim.number}</span>
            </button>
          </Form>
        ) : (
          <Form method="post" className="inline-form">
            {hidden}
            <button type="submit" name="intent" value="restore" className="small secondary">
              Restore<span className="skip-link"> claim {claim.number}</span>
            </button>
          </Form>
        )}
        {next && !next.orphaned && !isLocked(next) ? (
          <Form method="post" className="inline-form">
            {hidden}
            <input type="hidden" name="nextId" value={next.id} />
            <input type="hidden" name="nextVersion" value={next.version} />
            <button type="submit" name="intent" value="merge-next" className="small secondary">
              Merge with next<span className="skip-link"> (claims {claim.number} and {next.number})</span>
            </button>
          </Form>
        ) : null}
      </div>
      <details>
        <summary>Edit text</summary>
        <Form method="post">
          {hidden}
          <label htmlFor={`text-${claim.id}`}>Claim text</label>
          <textarea id={`text-${claim.id}`} name="text" defaultValue={claim.text} rows={3} required minLength={3} maxLength={2000} />
          <button type="submit" name="intent" value="edit-text" className="small">
            Save text
          </button>
        </Form>
      </details>
      {!claim.orphaned ? (
        <details>
          <summary>Split in two</summary>
          <Form method="post">
            {hidden}
            <p className="hint">The quote is “{claim.quote}” ({claim.quote.length} characters). Split after character:</p>
            <label htmlFor={`at-${claim.id}`}>Split point (characters into the quote)</label>
            <input id={`at-${claim.id}`} type="number" name="at" min={1} max={claim.quote.length - 1} required defaultValue={splitGuess(claim.quote)} />
            <label htmlFor={`first-${claim.id}`}>First claim</label>
            <textarea id={`first-${claim.id}`} name="first" rows={2} required minLength={3} defaultValue={claim.quote.slice(0, splitGuess(claim.quote)).trim()} />
            <label htmlFor={`second-${claim.id}`}>Second claim</label>
            <textarea id={`second-${claim.id}`} name="second" rows={2} required minLength={3} defaultValue={claim.quote.slice(splitGuess(claim.quote)).trim()} />
            <button type="submit" name="intent" value="split" className="small">
              Split claim
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  )
}

/** A sensible default split point: the comma or "and" nearest the middle of the quote. */
function splitGuess(quote: string) {
  const mid = quote.length / 2
  let best = Math.max(1, Math.floor(mid))
  let bestDistance = Infinity
  for (const m of quote.matchAll(/,\s|\sand\s|;\s/g)) {
    const at = m.index + m[0].length
    if (Math.abs(at - mid) < bestDistance && at > 0 && at < quote.length) {
      best = at
      bestDistance = Math.abs(at - mid)
    }
  }
  return best
}

function PartNav({ view }: { view: { part: number; parts: number; from: number; to: number; length: number } }) {
  const n = (x: number) => x.toLocaleString('en')
  return (
    <nav className="alert part-nav" aria-label="Parts of the article">
      <p style={{ margin: 0 }}>
        {`This article is too large to show whole (${n(view.length)} characters). Showing part ${view.part} of ${view.parts}: characters ${n(view.from + 1)}–${n(view.to)}, with the claims that start in it.`}
      </p>
      <p className="row" style={{ margin: '0.3rem 0 0' }}>
        {view.part > 1 ? <Link to={`?part=${view.part - 1}`}>{`← Part ${view.part - 1}`}</Link> : null}
        {view.part < view.parts ? <Link to={`?part=${view.part + 1}`}>{`Part ${view.part + 1} →`}</Link> : null}
      </p>
    </nav>
  )
}

export default function ArticlePage() {
  const { article, claims, counts: byStatus, view } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [selection, setSelection] = useState<{ start: number; end: number; text: string } | null>(null)
  const onSelect = useCallback((s: typeof selection) => setSelection(s), [])
  const placed = claims.filter((c) => !c.orphaned)
  const orphaned = claims.filter((c) => c.orphaned)
  const counts = CLAIM_STATUSES.map((s) => [s, byStatus[s] ?? 0] as const).filter(([, n]) => n > 0)
  const total = counts.reduce((sum, [, n]) => sum + n, 0)
  // Highlights in this part's text: offsets relative to it, spans cut at its end.
  const highlights = placed.map((c) => ({ ...c, start: c.start - view.from, end: Math.min(c.end, view.to) - view.from }))
  return (
    <>
      <p>
        <Link to="/articles">← Articles</Link>
      </p>
      <div className="spread">
        <h1>{article.title}</h1>
        <Link to={`/articles/${article.id}/edit`} className="button secondary">
          Correct the text
        </Link>
      </div>
      <p className="muted">
        {[article.publisher, article.author, article.publishedAt].filter(Boolean).join(' · ') || 'No metadata'}
        {article.url ? (
          <>
            {' · '}
            <a href={article.url} rel="noreferrer noopener" target="_blank">
              Original
            </a>
          </>
        ) : null}
      </p>
      {actionData?.error ? (
        <div className="alert" role="alert">
          {actionData.error}
        </div>
      ) : null}
      <div className="legend" aria-label="Status colours">
        {counts.map(([s, n]) => (
          <span key={s} className={`legend-item status-${s}`}>
            <span className="swatch" aria-hidden="true" /> {STATUS_LABELS[s]} ({n})
          </span>
        ))}
      </div>
      <div className="article-layout">
        <section aria-labelledby="text-heading" className="card article-pane">
          <h2 id="text-heading" className="skip-link">
            Article text
          </h2>
          {view.parts > 1 ? <PartNav view={view} /> : null}
          <ArticleText body={article.body} claims={highlights} onSelect={onSelect} offset={view.from} />
          {view.parts > 1 ? <PartNav view={view} /> : null}
          {selection ? (
            <Form method="post" className="selection-form card" aria-label="Add the selected text as a claim" onSubmit={() => setSelection(null)}>
              <input type="hidden" name="intent" value="add" />
              <input type="hidden" name="start" value={selection.start} />
              <input type="hidden" name="end" value={selection.end} />
              <p className="small">“{selection.text.length > 160 ? `${selection.text.slice(0, 160)}…` : selection.text}”</p>
              <button type="submit" className="small">
                Add selection as a claim
              </button>
            </Form>
          ) : null}
        </section>
        <section aria-labelledby="claims-heading" className="claims-pane">
          <h2 id="claims-heading" style={{ marginTop: 0 }}>
            Claims ({view.parts > 1 ? `${placed.length} in this part of ${total}` : claims.length})
          </h2>
          <ol className="claim-list">
            {placed.map((c, i) => (
              <li key={c.id} id={`claim-${c.id}`} className={`claim-item status-${c.status}`}>
                <div className="claim-number" aria-hidden="true">
                  {c.number}
                </div>
                <div>
                  <Link to={`/claims/${c.id}`} className="claim-text">
                    {c.text}
                  </Link>
                  <div className="row small" style={{ gap: '0.4rem', margin: '0.3rem 0' }}>
                    <StatusBadge status={c.status} />
                    <VerdictBadge verdict={c.verdict} />
                    <span className="muted">{Math.round(c.checkworthiness * 100)}% check-worthy</span>
                    {c.dates.length ? <span className="muted">· {c.dates.join(', ')}</span> : null}
                  </div>
                  <ClaimActions claim={c} next={placed[i + 1]} />
                </div>
              </li>
            ))}
          </ol>
          {orphaned.length ? (
            <section aria-labelledby="orphaned-heading" className="card orphaned">
              <h3 id="orphaned-heading" style={{ marginTop: 0 }}>
                Not found in the corrected text ({orphaned.length})
              </h3>
              <p className="small">These claims could not be placed after the article was corrected. Nothing was dropped: open each to keep its work, discard it, or add it again from the new text.</p>
              <ul className="plain-list">
                {orphaned.map((c) => (
                  <li key={c.id}>
                    <Link to={`/claims/${c.id}`}>{c.text}</Link> <span className="muted small">was “{c.quote}”</span>
                    <ClaimActions claim={c} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <details className="card add-claim">
            <summary>Add a claim by pasting its exact words</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="add" />
              <label htmlFor="add-quote">Exact words from the article</label>
              <textarea id="add-quote" name="quote" rows={3} required />
              <label htmlFor="add-occurrence">Which occurrence (if the words appear more than once)</label>
              <input id="add-occurrence" type="number" name="occurrence" min={1} defaultValue={1} />
              <label htmlFor="add-text">Claim as the reviewer will check it (optional)</label>
              <textarea id="add-text" name="text" rows={2} />
              <button type="submit" className="small">
                Add claim
              </button>
            </Form>
            <p className="hint">With JavaScript on, you can also select text in the article and add it directly.</p>
          </details>
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

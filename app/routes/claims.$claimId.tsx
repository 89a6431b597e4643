import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { z } from 'zod'
import { isLocked, REVIEW_STATUSES, STANCES, VERDICTS, type ClaimStatus } from '~/workflow'
import { ClaimHistory } from '~/components/claim-history'
import { ClaimMatches } from '~/components/claim-matches'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SignOffPanel } from '~/components/sign-off-panel'
import { STATUS_LABELS, StatusBadge, VERDICT_LABELS, VerdictBadge } from '~/components/status-badge'
import { getArticle } from '~/models/article.server'
import { getClaim, listClaimEvents, updateClaim, type Claim } from '~/models/claim.server'
import { getClaimMatches } from '~/models/claim-match.server'
import { addEvidence, listEvidence, removeEvidence } from '~/models/evidence.server'
import { listSources } from '~/models/source.server'
import { listUsers } from '~/models/user.server'
import styles from '~/styles/claim.css?url'
import { hasRole, requireUser, requireUserWithRole } from '~/utils/auth.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { httpUrlField, idField, isoDateField, optionalHttpUrlField, optionalText } from '~/utils/schemas'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** After a 409 the page reloads its data too, so it shows what the other person saved. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Claim #${data.claim.id} · Claimdesk` : 'Claim · Claimdesk' },
]


const noneToNull = (v: unknown) => (v === '' || v === 'none' || v === undefined ? null : v)

export const ReviewSchema = z
  .object({
    intent: z.literal('review'),
    version: idField,
    status: z.enum(REVIEW_STATUSES, { error: 'Choose a status' }),
    verdict: z.preprocess(noneToNull, z.enum(VERDICTS, { error: 'Choose a verdict' }).nullable()),
    rationale: z.string().max(20_000, 'Rationale is too long').default(''),
    assigneeId: z.preprocess(noneToNull, idField.nullable()),
    note: z.string().max(2000, 'Note is too long').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.status !== 'reviewed') return
    if (!v.verdict) ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'A reviewed claim needs a verdict' })
    if (!v.rationale.trim()) ctx.addIssue({ code: 'custom', path: ['rationale'], message: 'A reviewed claim needs a written rationale' })
  })

export const EvidenceSchema = z
  .object({
    intent: z.literal('add-evidence'),
    sourceId: z.preprocess((v) => (v === '' || v === 'new' ? undefined : v), idField.optional()),
    url: z.preprocess((v) => (v === '' ? undefined : v), httpUrlField('Source URL').optional()),
    title: optionalText(500, 'Title'),
    publisher: optionalText(200, 'Publisher'),
    publishedAt: isoDateField,
    archivedUrl: optionalHttpUrlField('Archived copy URL'),
    stance: z.enum(STANCES, { error: 'Choose whether the source supports, refutes or gives context' }),
    excerpt: z.string().max(20_000, 'Excerpt is too long').default(''),
    note: z.string().max(5000, 'Note is too long').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.sourceId) return
    if (!v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Give the source’s URL, or pick a source from the library' })
    if (!v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'A new source needs a title' })
  })

const RemoveEvidenceSchema = z.object({ intent: z.literal('remove-evidence'), evidenceId: idField })

function claimIdFrom(params: { claimId?: string }) {
  const id = idField.safeParse(params.claimId)
  if (!id.success) throw new Response(null, { status: 404, statusText: 'Not Found' })
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const claim = getClaim({ id: claimIdFrom(params) })
  if (!claim) throw new Response(null, { status: 404, statusText: 'Not Found' })
  const article = getArticle({ id: claim.articleId })
  if (!article) throw new Response(null, { status: 404, statusText: 'Not Found' })
  const sourceQ = new URL(request.url).searchParams.get('sourceQ')?.slice(0, 200) ?? ''
  return {
    claim,
    article: { id: article.id, title: article.title, publishedAt: article.publishedAt, url: article.url },
    context: contextOf(article.body, claim),
    evidence: listEvidence({ claimId: claim.id }),
    events: listClaimEvents({ claimId: claim.id }),
    users: listUsers().filter((u) => u.active || u.id === claim.assigneeId).map((u) => ({ id: u.id, name: u.name })),
    sourceQ,
    sourceResults: sourceQ ? listSources({ q: sourceQ, limit: 10 }) : [],
    matches: getClaimMatches({ claimId: claim.id }),
    viewer: { id: user.id, role: user.role, canReview: hasRole(user, 'reviewer'), isEditor: hasRole(user, 'editor') },
    allowSelfApproval: getEnv().ALLOW_SELF_APPROVAL,
  }
}

/** The claim's quote with the paragraph around it, for reading it in context. */
function contextOf(body: string, claim: Claim) {
  if (claim.orphaned) return { before: claim.quotePrefix, quote: claim.quoteExact, after: claim.quoteSuffix }
  const paraStart = body.lastIndexOf('\n', claim.anchorStart - 1) + 1
  const nextBreak = body.indexOf('\n', claim.anchorEnd)
  const paraEnd = nextBreak === -1 ? body.length : nextBreak
  const start = Math.max(paraStart, claim.anchorStart - 400)
  const end = Math.min(paraEnd, claim.anchorEnd + 400)
  return {
    before: (start > paraStart ? '…' : '') + body.slice(start, claim.anchorStart),
    quote: body.slice(claim.anchorStart, claim.anchorEnd),
    after: body.slice(claim.anchorEnd, end) + (end < paraEnd ? '…' : ''),
  }
}

type Submitted = { status: string; verdict: string | null; rationale: string; assigneeId: number | null }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, 'reviewer')
  const claimId = claimIdFrom(params)
  const formData = await readFormData(request, 256 * 1024)
  const intent = formData.get('intent')

  if (intent === 'remove-evidence') {
    const parsed = RemoveEvidenceSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) throw new Response('evidenceId: must be an evidence id', { status: 400 })
    const result = removeEvidence({ evidenceId: parsed.data.evidenceId, claimId, actorId: user.id })
    if (!result.ok) {
      return redirectWithFlash(`/claims/${claimId}`, result.reason === 'locked' ? 'The claim is approved and locked.' : 'That evidence no longer exists.', { kind: 'error' })
    }
    return redirectWithFlash(`/claims/${claimId}#evidence`, 'Evidence removed. It stays in the history.')
  }

  if (intent === 'add-evidence') {
    const submission = parseWithZod(formData, { schema: EvidenceSchema })
    if (submission.status !== 'success') return data({ form: 'evidence' as const, result: submission.reply(), conflict: null }, { status: 400 })
    const v = submission.value
    const result = addEvidence({
      claimId,
      actorId: user.id,
      stance: v.stance,
      excerpt: v.excerpt.trim(),
      note: v.note.trim(),
      ...(v.sourceId
        ? { sourceId: v.sourceId }
        : { source: { url: v.url!, title: v.title!, publisher: v.publisher, publishedAt: v.publishedAt, archivedUrl: v.archivedUrl } }),
    })
    if (!result.ok) {
      const message =
        result.reason === 'locked' ? 'The claim is approved and locked; an editor must reopen it first.' : result.reason === 'source_not_found' ? 'That source no longer exists.' : 'The claim no longer exists.'
      return data({ form: 'evidence' as const, result: submission.reply({ formErrors: [message] }), conflict: null }, { status: result.reason === 'locked' ? 409 : 404 })
    }
    return redirectWithFlash(`/claims/${claimId}#evidence`, 'Evidence added.')
  }

  const submission = parseWithZod(formData, { schema: ReviewSchema })
  if (submission.status !== 'success') return data({ form: 'review' as const, result: submission.reply(), conflict: null }, { status: 400 })
  const v = submission.value
  if (v.assigneeId && !listUsers().some((u) => u.id === v.assigneeId && u.active)) {
    return data({ form: 'review' as const, result: submission.reply({ fieldErrors: { assigneeId: ['Choose an active user'] } }), conflict: null }, { status: 400 })
  }
  const result = updateClaim({
    id: claimId,
    version: v.version,
    actor: user,
    changes: { status: v.status, verdict: v.verdict, rationale: v.rationale, assigneeId: v.assigneeId },
    note: v.note.trim(),
  })
  if (result.ok) {
    return redirectWithFlash(`/claims/${claimId}`, result.changed.length ? 'Saved.' : 'Nothing changed.')
  }
  if (result.reason === 'not_found') throw new Response(null, { status: 404 })
  if (result.reason === 'incomplete') {
    return data({ form: 'review' as const, result: submission.reply({ fieldErrors: Object.fromEntries(Object.entries(result.fields ?? {}).map(([k, m]) => [k, [m]])) }), conflict: null }, { status: 400 })
  }
  if (result.reason !== 'stale') {
    return data({ form: 'review' as const, result: submission.reply({ formErrors: [result.message] }), conflict: null }, { status: result.reason === 'forbidden' ? 403 : 409 })
  }
  // Stale: show what the other person changed, and keep what this person submitted.
  const submitted: Submitted = { status: v.status, verdict: v.verdict, rationale: v.rationale, assigneeId: v.assigneeId }
  const recent = listClaimEvents({ claimId })
    .slice(-8)
    .map((e) => ({ actorName: e.actorName, kind: e.kind, at: e.createdAt.toISOString() }))
  return data(
    {
      form: 'review' as const,
      result: submission.reply(),
      conflict: {
        yourVersion: v.version,
        current: {
          version: result.current.version,
          status: result.current.status,
          verdict: result.current.verdict,
          rationale: result.current.rationale,
          assigneeId: result.current.assigneeId,
        },
        submitted,
        note: v.note,
        recent,
      },
    },
    { status: 409 },
  )
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p className="field-error" id={id}>
      {errors.join(' ')}
    </p>
  ) : null
}

function Facets({ claim }: { claim: Claim }) {
  const f = claim.facets
  const none = !f.dates.length && !f.numbers.length && !f.entities.length && !f.quotes.length && !f.attribution
  if (none) return <p className="muted">No dates, numbers, names or quotes were found in this claim.</p>
  return (
    <dl className="facets">
      {f.dates.length ? (
        <>
          <dt>Dates</dt>
          <dd>
            {f.dates.map((d, i) => (
              <span key={i} className="chip">
                {d.text} <code>{d.value}</code>
              </span>
            ))}
          </dd>
        </>
      ) : null}
      {f.numbers.length ? (
        <>
          <dt>Numbers</dt>
          <dd>
            {f.numbers.map((n, i) => (
              <span key={i} className="chip">
                {n.text} <span className="muted">{[n.kind, n.unit].filter(Boolean).join(', ')}</span>
              </span>
            ))}
          </dd>
        </>
      ) : null}
      {f.entities.length ? (
        <>
          <dt>Names</dt>
          <dd>
            {f.entities.map((e, i) => (
              <span key={i} className="chip">
                {e.text} <span className="muted">{e.type}</span>
              </span>
            ))}
          </dd>
        </>
      ) : null}
      {f.propositions && f.propositions.length > 1 ? (
        <>
          <dt>Asserts</dt>
          <dd>
            <ul className="propositions">
              {f.propositions.map((p, i) => (
                <li key={i}>{p.text}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {f.attribution ? (
        <>
          <dt>Attributed to</dt>
          <dd>
            {f.attribution.source} <span className="muted">— {f.attribution.verb}</span>
          </dd>
        </>
      ) : null}
      {f.quotes.length ? (
        <>
          <dt>Quotes</dt>
          <dd>
            {f.quotes.map((q, i) => (
              <q key={i}>{q.text}</q>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  )
}

function ReviewForm() {
  const { claim, users } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.form === 'review' ? actionData.conflict : null
  const initial = conflict
    ? { ...conflict.submitted, version: conflict.current.version, note: conflict.note }
    : { status: claim.status, verdict: claim.verdict, rationale: claim.rationale, assigneeId: claim.assigneeId, version: claim.version, note: '' }
  const [form, fields] = useForm({
    id: `review-${claim.id}-${initial.version}`,
    lastResult: actionData?.form === 'review' && !conflict ? actionData.result : undefined,
    constraint: getZodConstraint(ReviewSchema),
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSchema }),
    defaultValue: {
      status: initial.status,
      verdict: initial.verdict ?? 'none',
      rationale: initial.rationale,
      assigneeId: initial.assigneeId ? String(initial.assigneeId) : 'none',
      note: initial.note,
    },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="card" aria-labelledby="review-heading">
      <h2 id="review-heading" style={{ marginTop: 0 }}>
        Review
      </h2>
      {form.errors?.length ? (
        <div className="alert" role="alert" id={form.errorId}>
          {form.errors.join(' ')}
        </div>
      ) : null}
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="version" value={initial.version} />
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <div className="field" style={{ flex: 1, minWidth: '10rem' }}>
          <label htmlFor={fields.status.id}>Status</label>
          <select {...getSelectProps(fields.status)}>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <FieldError id={fields.status.errorId} errors={fields.status.errors} />
        </div>
        <div className="field" style={{ flex: 1, minWidth: '10rem' }}>
          <label htmlFor={fields.verdict.id}>Verdict</label>
          <select {...getSelectProps(fields.verdict)}>
            <option value="none">No verdict yet</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
          <FieldError id={fields.verdict.errorId} errors={fields.verdict.errors} />
        </div>
        <div className="field" style={{ flex: 1, minWidth: '10rem' }}>
          <label htmlFor={fields.assigneeId.id}>Assignee</label>
          <select {...getSelectProps(fields.assigneeId)}>
            <option value="none">Nobody</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <FieldError id={fields.assigneeId.errorId} errors={fields.assigneeId.errors} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={fields.rationale.id}>Rationale</label>
        <textarea {...getTextareaProps(fields.rationale)} rows={5} />
        <p className="hint">Why the verdict holds: what the sources show. Published with the verdict.</p>
        <FieldError id={fields.rationale.errorId} errors={fields.rationale.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.note.id}>Note for the history (optional)</label>
        <input {...getInputProps(fields.note, { type: 'text' })} />
        <FieldError id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <button type="submit">{conflict ? 'Save my version anyway' : 'Save review'}</button>
    </Form>
  )
}

function ConflictPanel() {
  const { users } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.form === 'review' ? actionData.conflict : null
  if (!conflict) return null
  const name = (id: number | null) => (id ? (users.find((u) => u.id === id)?.name ?? `user #${id}`) : 'nobody')
  const rows: [string, string, string][] = [
    ['Status', STATUS_LABELS[conflict.submitted.status as ClaimStatus] ?? conflict.submitted.status, STATUS_LABELS[conflict.current.status]],
    ['Verdict', conflict.submitted.verdict ? VERDICT_LABELS[conflict.submitted.verdict as keyof typeof VERDICT_LABELS] : 'none', conflict.current.verdict ? VERDICT_LABELS[conflict.current.verdict] : 'none'],
    ['Rationale', conflict.submitted.rationale || '(empty)', conflict.current.rationale || '(empty)'],
    ['Assignee', name(conflict.submitted.assigneeId), name(conflict.current.assigneeId)],
  ]
  const last = conflict.recent[conflict.recent.length - 1]
  const changedBy = last?.actorName ? [last.actorName] : []
  return (
    <section className="alert conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" style={{ marginTop: 0 }}>
        Someone else changed this claim while you were editing
      </h2>
      <p>
        {changedBy.length ? changedBy.join(' and ') : 'Another reviewer'} saved version {conflict.current.version}
        {last ? ` at ${last.at.slice(11, 16)} UTC` : ''}; your
        change was based on version {conflict.yourVersion}. Nothing was saved. Compare, then save your version again if it
        should win — the form below holds what you submitted.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your change</th>
            <th scope="col">Now saved</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([field, yours, theirs]) => (
            <tr key={field} className={yours === theirs ? undefined : 'differs'}>
              <th scope="row">{field}</th>
              <td>{yours}</td>
              <td>{theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function EvidenceForm() {
  const { claim, sourceQ, sourceResults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: `evidence-${claim.id}`,
    lastResult: actionData?.form === 'evidence' ? actionData.result : undefined,
    constraint: getZodConstraint(EvidenceSchema),
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EvidenceSchema }),
    defaultValue: { sourceId: sourceResults.length ? String(sourceResults[0]!.id) : 'new' },
  })
  return (
    <div className="card" aria-labelledby="add-evidence-heading" role="region">
      <h3 id="add-evidence-heading" style={{ marginTop: 0 }}>
        Add evidence
      </h3>
      <Form method="get" className="row source-search" aria-label="Search the sources library">
        <label htmlFor="sourceQ" className="skip-link">
          Search the sources library
        </label>
        <input id="sourceQ" type="search" name="sourceQ" defaultValue={sourceQ} placeholder="Search the sources library" style={{ flex: 1 }} />
        <button type="submit" className="secondary">
          Search sources
        </button>
      </Form>
      <Form method="post" {...getFormProps(form)} aria-label="Add evidence">
        {form.errors?.length ? (
          <div className="alert" role="alert" id={form.errorId}>
            {form.errors.join(' ')}
          </div>
        ) : null}
        <input type="hidden" name="intent" value="add-evidence" />
        <fieldset className="field">
          <legend>Source</legend>
          {sourceResults.map((s) => (
            <label key={s.id} className="radio">
              <input type="radio" name={fields.sourceId.name} value={s.id} defaultChecked={fields.sourceId.initialValue === String(s.id)} />{' '}
              {s.title} <span className="muted">— {s.publisher ?? new URL(s.url).hostname}</span>
            </label>
          ))}
          {sourceQ && sourceResults.length === 0 ? <p className="muted">No source in the library matches “{sourceQ}”.</p> : null}
          <label className="radio">
            <input type="radio" name={fields.sourceId.name} value="new" defaultChecked={fields.sourceId.initialValue === 'new'} /> A new source:
          </label>
          <div className="new-source">
            <div className="field">
              <label htmlFor={fields.url.id}>URL</label>
              <input {...getInputProps(fields.url, { type: 'url' })} placeholder="https://" required={false} />
              <FieldError id={fields.url.errorId} errors={fields.url.errors} />
            </div>
            <div className="field">
              <label htmlFor={fields.title.id}>Title</label>
              <input {...getInputProps(fields.title, { type: 'text' })} />
              <FieldError id={fields.title.errorId} errors={fields.title.errors} />
            </div>
            <div className="row" style={{ alignItems: 'flex-start' }}>
              <div className="field" style={{ flex: 1 }}>
                <label htmlFor={fields.publisher.id}>Publisher</label>
                <input {...getInputProps(fields.publisher, { type: 'text' })} />
              </div>
              <div className="field" style={{ flex: 1 }}>
                <label htmlFor={fields.publishedAt.id}>Published</label>
                <input {...getInputProps(fields.publishedAt, { type: 'date' })} />
                <FieldError id={fields.publishedAt.errorId} errors={fields.publishedAt.errors} />
              </div>
            </div>
            <div className="field">
              <label htmlFor={fields.archivedUrl.id}>Archived copy URL</label>
              <input {...getInputProps(fields.archivedUrl, { type: 'url' })} placeholder="https://web.archive.org/…" />
              <FieldError id={fields.archivedUrl.errorId} errors={fields.archivedUrl.errors} />
            </div>
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>Stance</legend>
          {STANCES.map((s) => (
            <label key={s} className="radio inline">
              <input type="radio" name={fields.stance.name} value={s} /> {s === 'supports' ? 'Supports' : s === 'refutes' ? 'Refutes' : 'Context'}
            </label>
          ))}
          <FieldError id={fields.stance.errorId} errors={fields.stance.errors} />
        </fieldset>
        <div className="field">
          <label htmlFor={fields.excerpt.id}>Excerpt from the source</label>
          <textarea {...getTextareaProps(fields.excerpt)} rows={3} />
          <FieldError id={fields.excerpt.errorId} errors={fields.excerpt.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.note.id}>Note</label>
          <input {...getInputProps(fields.note, { type: 'text' })} />
        </div>
        <button type="submit">Add evidence</button>
      </Form>
    </div>
  )
}

export default function ClaimPage() {
  const { claim, article, context, evidence, events, matches, viewer, allowSelfApproval, users } = useLoaderData<typeof loader>()
  const locked = isLocked(claim)
  return (
    <>
      <p>
        <Link to={`/articles/${article.id}`}>← {article.title}</Link>
      </p>
      <div className="claim-header">
        <h1>{claim.text}</h1>
        <div className="row">
          <StatusBadge status={claim.status} />
          <VerdictBadge verdict={claim.verdict} />
          <span className="muted">
            Claim #{claim.id} · version {claim.version} · check-worthiness {Math.round(claim.checkworthiness * 100)}%
          </span>
        </div>
      </div>
      {claim.orphaned ? (
        <p className="alert">
          This claim could not be placed in the corrected article text. Its original quote is kept below; decide on the
          article page whether to re-place or discard it.
        </p>
      ) : null}
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="context-heading">
            <h2 id="context-heading" style={{ marginTop: 0 }}>
              In the article
            </h2>
            <blockquote className="in-context">
              {context.before}
              <mark>{context.quote}</mark>
              {context.after}
            </blockquote>
          </section>
          <ConflictPanel />
          {locked ? (
            <section className="card">
              <h2 style={{ marginTop: 0 }}>Review</h2>
              <p>
                <VerdictBadge verdict={claim.verdict} /> {claim.rationale}
              </p>
              <p className="muted">Approved claims are locked. An editor can reopen it in the sign-off panel.</p>
            </section>
          ) : viewer.canReview ? (
            <ReviewForm />
          ) : null}
          <section id="evidence" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">Evidence ({evidence.length})</h2>
            {evidence.length === 0 ? <p className="muted">No sources linked yet.</p> : null}
            {(['supports', 'refutes', 'context'] as const).map((stance) => {
              const items = evidence.filter((e) => e.stance === stance)
              if (!items.length) return null
              return (
                <div key={stance} className={`evidence-group stance-${stance}`}>
                  <h3>{stance === 'supports' ? 'Supports' : stance === 'refutes' ? 'Refutes' : 'Context'}</h3>
                  <ul className="evidence-list">
                    {items.map((e) => (
                      <li key={e.id} className="card">
                        <div className="spread">
                          <a href={e.source.url} rel="noopener noreferrer" target="_blank">
                            {e.source.title}
                          </a>
                          {!locked ? (
                            <Form method="post" className="inline-form">
                              <input type="hidden" name="intent" value="remove-evidence" />
                              <input type="hidden" name="evidenceId" value={e.id} />
                              <button type="submit" className="danger small">
                                Remove<span className="skip-link"> {e.source.title}</span>
                              </button>
                            </Form>
                          ) : null}
                        </div>
                        <p className="muted small">
                          {[e.source.publisher, e.source.publishedAt].filter(Boolean).join(' · ')}
                          {e.source.archivedUrl ? (
                            <>
                              {' · '}
                              <a href={e.source.archivedUrl} rel="noopener noreferrer" target="_blank">
                                archived copy
                              </a>
                            </>
                          ) : null}
                          {' · '}
                          <Link to={`/sources/${e.source.id}`}>in the library</Link>
                        </p>
                        {e.excerpt ? <blockquote>{e.excerpt}</blockquote> : null}
                        {e.note ? <p>{e.note}</p> : null}
                        <p className="muted small">
                          Added by {e.createdBy ?? 'someone'} on {new Date(e.createdAt).toISOString().slice(0, 10)}
                        </p>
                      </li>
                    ))}
                  </ul>
                </div>
              )
            })}
            {!locked && viewer.canReview ? <EvidenceForm /> : null}
          </section>
        </div>
        <aside>
          {viewer.isEditor ? (
            <SignOffPanel claim={claim} viewer={viewer} allowSelfApproval={allowSelfApproval} />
          ) : null}
          <section className="card" aria-labelledby="facets-heading">
            <h2 id="facets-heading" style={{ marginTop: 0 }}>
              What it contains
            </h2>
            <Facets claim={claim} />
            <h3>Why it is check-worthy</h3>
            <ul className="reasons">
              {claim.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </section>
          <ClaimMatches matches={matches} />
          <ClaimHistory events={events} userNames={Object.fromEntries(users.map((u) => [String(u.id), u.name]))} />
        </aside>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

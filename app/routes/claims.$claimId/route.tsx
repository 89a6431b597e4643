import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StatusBadge, VerdictBadge } from '~/components/status-badge'
import { getArticle } from '~/models/article.server'
import { getClaim, listClaimEvents, updateClaim, type Claim } from '~/models/claim.server'
import { getClaimMatches } from '~/models/claim-match.server'
import { addComment, deleteComment, editComment, listComments, listUserHandles } from '~/models/comment.server'
import { addEvidence, listEvidenceWithSnapshots, removeEvidence } from '~/models/evidence.server'
import { listSources } from '~/models/source.server'
import { snapshotInBackground } from '~/snapshots/capture.server'
import { listUsers } from '~/models/user.server'
import styles from '~/styles/claim.css?url'
import { hasRole, requireUser, requireUserWithRole, type SessionUser } from '~/utils/auth.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { idField } from '~/utils/schemas'
import { isLocked, isPublished, mayComment } from '~/workflow'
import { ConflictPanel } from './conflict-panel'
import { CommentSchema, DeleteCommentSchema, Discussion, EditCommentSchema } from './discussion'
import { EvidencePanel, EvidenceSchema, RemoveEvidenceSchema } from './evidence-panel'
import { FacetsPanel } from './facets'
import { ClaimHistory } from './history'
import { ClaimMatches } from './matches'
import { ReviewForm, ReviewSchema } from './review-form'
import { SignOffPanel } from './sign-off-panel'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** After a 409 the page reloads its data too, so it shows what the other person saved. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Claim #${data.claim.id} · Claimdesk` : 'Claim · Claimdesk' },
]

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
    evidence: listEvidenceWithSnapshots({ claimId: claim.id }),
    events: listClaimEvents({ claimId: claim.id }),
    users: listUsers().filter((u) => u.active || u.id === claim.assigneeId).map((u) => ({ id: u.id, name: u.name })),
    sourceQ,
    sourceResults: sourceQ ? listSources({ q: sourceQ, limit: 10 }) : [],
    matches: getClaimMatches({ claimId: claim.id }),
    comments: listComments({ claimId: claim.id }),
    mentionUsers: listUserHandles()
      .filter((u) => u.active)
      .map((u) => ({ id: u.id, name: u.name, handle: u.handle })),
    published: isPublished(claim),
    viewer: { id: user.id, role: user.role, canReview: hasRole(user, 'reviewer'), isEditor: hasRole(user, 'editor'), canComment: mayComment(user) },
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

/** Each form on the page posts its `intent`; the review form is the default. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, 'reviewer')
  const claimId = claimIdFrom(params)
  const formData = await readFormData(request, 256 * 1024)
  const intent = formData.get('intent')
  if (intent === 'remove-evidence') return removeEvidenceAction(formData, claimId, user.id)
  if (intent === 'add-evidence') return addEvidenceAction(formData, claimId, user.id)
  if (intent === 'comment') return commentAction(formData, claimId, user)
  if (intent === 'edit-comment') return editCommentAction(formData, claimId, user)
  if (intent === 'delete-comment') return deleteCommentAction(formData, claimId, user)
  return reviewAction(formData, claimId, user)
}

function removeEvidenceAction(formData: FormData, claimId: number, actorId: number) {
  const parsed = RemoveEvidenceSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('evidenceId: must be an evidence id', { status: 400 })
  const result = removeEvidence({ evidenceId: parsed.data.evidenceId, claimId, actorId })
  if (!result.ok) {
    return redirectWithFlash(`/claims/${claimId}`, result.reason === 'locked' ? 'The claim is approved and locked.' : 'That evidence no longer exists.', { kind: 'error' })
  }
  return redirectWithFlash(`/claims/${claimId}#evidence`, 'Evidence removed. It stays in the history.')
}

function addEvidenceAction(formData: FormData, claimId: number, actorId: number) {
  const submission = parseWithZod(formData, { schema: EvidenceSchema })
  if (submission.status !== 'success') return data({ form: 'evidence' as const, result: submission.reply(), conflict: null }, { status: 400 })
  const v = submission.value
  const result = addEvidence({
    claimId,
    actorId,
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
  // The fetch runs after this response: a slow or dead source never holds up the form.
  snapshotInBackground({ sourceId: result.sourceId, onlyIfStale: true }, { allowPrivate: getEnv().ALLOW_PRIVATE_FETCH })
  return redirectWithFlash(`/claims/${claimId}#evidence`, 'Evidence added.')
}

function commentAction(formData: FormData, claimId: number, author: SessionUser) {
  const submission = parseWithZod(formData, { schema: CommentSchema })
  if (submission.status !== 'success') return data({ form: 'comment' as const, result: submission.reply(), conflict: null }, { status: 400 })
  const result = addComment({ claimId, author, body: submission.value.body })
  if (!result.ok) {
    if (result.reason === 'not_found') throw new Response(null, { status: 404 })
    return data({ form: 'comment' as const, result: submission.reply({ formErrors: [result.message] }), conflict: null }, { status: 403 })
  }
  return redirectWithFlash(`/claims/${claimId}#comment-${result.comment.id}`, 'Comment posted.')
}

function editCommentAction(formData: FormData, claimId: number, actor: SessionUser) {
  const submission = parseWithZod(formData, { schema: EditCommentSchema })
  const commentId = idField.safeParse(formData.get('commentId'))
  if (!commentId.success) throw new Response('commentId: must be a comment id', { status: 400 })
  if (submission.status !== 'success') {
    return data({ form: 'edit-comment' as const, commentId: commentId.data, result: submission.reply(), conflict: null }, { status: 400 })
  }
  const result = editComment({ id: submission.value.commentId, claimId, actor, body: submission.value.body })
  if (!result.ok) return commentRefused(claimId, result)
  return redirectWithFlash(`/claims/${claimId}#comment-${result.comment.id}`, 'Comment saved.')
}

function deleteCommentAction(formData: FormData, claimId: number, actor: SessionUser) {
  const parsed = DeleteCommentSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('commentId: must be a comment id', { status: 400 })
  const result = deleteComment({ id: parsed.data.commentId, claimId, actor })
  if (!result.ok) return commentRefused(claimId, result)
  return redirectWithFlash(`/claims/${claimId}#comment-${result.comment.id}`, 'Comment deleted. The history keeps it.')
}

/** A refused edit or delete: a plain 4xx page, since the form that sent it is no longer the right one. */
function commentRefused(claimId: number, result: { reason: string; message?: string }): never {
  if (result.reason === 'not_found') throw new Response('That comment does not exist on this claim.', { status: 404 })
  throw new Response(result.message ?? 'Refused.', { status: result.reason === 'forbidden' ? 403 : 409 })
}

function reviewAction(formData: FormData, claimId: number, actor: SessionUser) {
  const submission = parseWithZod(formData, { schema: ReviewSchema })
  if (submission.status !== 'success') return data({ form: 'review' as const, result: submission.reply(), conflict: null }, { status: 400 })
  const v = submission.value
  if (v.assigneeId && !listUsers().some((u) => u.id === v.assigneeId && u.active)) {
    return data({ form: 'review' as const, result: submission.reply({ fieldErrors: { assigneeId: ['Choose an active user'] } }), conflict: null }, { status: 400 })
  }
  const result = updateClaim({
    id: claimId,
    version: v.version,
    actor,
    changes: { status: v.status, verdict: v.verdict, rationale: v.rationale, assigneeId: v.assigneeId },
    note: v.note.trim(),
    correction: v.correction.trim() || undefined,
  })
  if (result.ok) {
    return redirectWithFlash(`/claims/${claimId}`, result.changed.length ? 'Saved.' : 'Nothing changed.')
  }
  if (result.reason === 'not_found') throw new Response(null, { status: 404 })
  if (result.reason === 'incomplete') {
    return data({ form: 'review' as const, result: submission.reply({ fieldErrors: Object.fromEntries(Object.entries(result.fields ?? {}).map(([k, m]) => [k, [m]])) }), conflict: null }, { status: 400 })
  }
  if (result.reason === 'correction_required') {
    return data({ form: 'review' as const, result: submission.reply({ fieldErrors: { correction: [result.message] } }), conflict: null }, { status: 400 })
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
        correction: v.correction,
        recent,
      },
    },
    { status: 409 },
  )
}

export default function ClaimPage() {
  const { claim, article, context, events, matches, viewer, allowSelfApproval, users } = useLoaderData<typeof loader>()
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
          <EvidencePanel locked={locked} />
          <Discussion />
        </div>
        <aside>
          {viewer.isEditor ? (
            <SignOffPanel claim={claim} viewer={viewer} allowSelfApproval={allowSelfApproval} />
          ) : null}
          <FacetsPanel claim={claim} />
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

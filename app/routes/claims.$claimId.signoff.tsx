import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { approveClaim, reopenClaim, sendBackClaim } from '~/models/claim.server'
import { requireUserWithRole } from '~/utils/auth.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { idField } from '~/utils/schemas'
import { SignOffSchema } from './claims.$claimId/sign-off-panel'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithRole(request, 'reviewer')
  return redirect(`/claims/${params.claimId}`)
}

/** Editors approve, send back or reopen a claim; the claim page shows the outcome. */
export async function action({ request, params }: ActionFunctionArgs) {
  const editor = await requireUserWithRole(request, 'editor')
  const id = idField.safeParse(params.claimId)
  if (!id.success) throw new Response(null, { status: 404 })
  const back = `/claims/${id.data}`
  const parsed = SignOffSchema.safeParse(Object.fromEntries(await readFormData(request, 16 * 1024)))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return redirectWithFlash(back, `${issue.path.join('.') || 'form'}: ${issue.message}`, { kind: 'error' })
  }
  const input = parsed.data
  const result =
    input.intent === 'approve'
      ? approveClaim({ id: id.data, version: input.version, editor, policy: { allowSelfApproval: getEnv().ALLOW_SELF_APPROVAL }, note: input.note })
      : input.intent === 'send-back'
        ? sendBackClaim({ id: id.data, version: input.version, editor, note: input.note })
        : reopenClaim({ id: id.data, version: input.version, editor, note: input.note })
  if (!result.ok) {
    const message =
      result.reason === 'not_found'
        ? 'That claim no longer exists.'
        : result.reason === 'stale'
          ? 'Someone changed this claim while you were looking at it. Check the latest version and sign off again.'
          : result.message
    return redirectWithFlash(back, message, { kind: 'error' })
  }
  const done = { approve: 'Approved. The claim is locked and ready to export.', 'send-back': 'Sent back to review.', reopen: 'Reopened for changes.' }
  return redirectWithFlash(back, done[input.intent])
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

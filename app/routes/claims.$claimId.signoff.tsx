import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { approveClaim, reopenClaim, sendBackClaim, type SignOffResult } from '~/models/claim.server'
import { requireUserWithRole } from '~/utils/auth.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { idField } from '~/utils/schemas'

const note = z.string().trim().max(2000, 'Note is too long')

export const SignOffSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), version: idField, note: note.default('') }),
  z.object({ intent: z.literal('send-back'), version: idField, note: note.min(1, 'Say what needs more work') }),
  z.object({ intent: z.literal('reopen'), version: idField, note: note.min(1, 'Say why the claim is reopened') }),
])

const MESSAGES: Record<Exclude<SignOffResult, { ok: true }>['reason'], string> = {
  not_found: 'That claim no longer exists.',
  stale: 'Someone changed this claim while you were looking at it. Check the latest version and sign off again.',
  locked: 'The claim is approved and locked.',
  incomplete: 'A claim needs a verdict and a rationale before it can be approved.',
  not_reviewed: 'Only a reviewed claim with a verdict can be approved or sent back.',
  self_approval: 'You set this claim’s verdict, so another editor must approve it.',
  not_approved: 'The claim is not approved, so there is nothing to reopen.',
}

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
      ? approveClaim({ id: id.data, version: input.version, editorId: editor.id, allowSelfApproval: getEnv().ALLOW_SELF_APPROVAL, note: input.note })
      : input.intent === 'send-back'
        ? sendBackClaim({ id: id.data, version: input.version, editorId: editor.id, note: input.note })
        : reopenClaim({ id: id.data, version: input.version, editorId: editor.id, note: input.note })
  if (!result.ok) return redirectWithFlash(back, MESSAGES[result.reason], { kind: 'error' })
  const done = { approve: 'Approved. The claim is locked and ready to export.', 'send-back': 'Sent back to review.', reopen: 'Reopened for changes.' }
  return redirectWithFlash(back, done[input.intent])
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

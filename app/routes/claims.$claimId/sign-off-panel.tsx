import { Form } from '@remix-run/react'
import { z } from 'zod'
import { allowedStatuses, isLocked, mayApprove, reviewGaps, type ClaimStatus, type Role, type Verdict } from '~/workflow'
import { idField } from '~/utils/schemas'

const note = z.string().trim().max(2000, 'Note is too long')

/** What the sign-off form posts to /claims/:id/signoff. */
export const SignOffSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), version: idField, note: note.default('') }),
  z.object({ intent: z.literal('send-back'), version: idField, note: note.min(1, 'Say what needs more work') }),
  z.object({ intent: z.literal('reopen'), version: idField, note: note.min(1, 'Say why the claim is reopened') }),
])

/**
 * Editors' sign-off on the claim page: approve or send back a reviewed claim, reopen an approved
 * one. It offers only what the workflow rules allow the viewer; /claims/:id/signoff applies them.
 */
export function SignOffPanel({
  claim,
  viewer,
  allowSelfApproval,
}: {
  claim: { id: number; version: number; status: ClaimStatus; verdict: Verdict | null; rationale: string; verdictById: number | null }
  viewer: { id: number; role: Role }
  allowSelfApproval: boolean
}) {
  const { version, status } = claim
  const action = `/claims/${claim.id}/signoff`
  if (isLocked(claim)) {
    return (
      <section className="card" aria-labelledby="signoff-heading">
        <h2 id="signoff-heading" style={{ marginTop: 0 }}>
          Sign-off
        </h2>
        <p>This claim is approved and locked. Reopen it to change anything; the reason goes into its history.</p>
        <Form method="post" action={action}>
          <input type="hidden" name="version" value={version} />
          <div className="field">
            <label htmlFor="reopen-note">Why reopen?</label>
            <textarea id="reopen-note" name="note" required maxLength={2000} rows={2} style={{ minHeight: '3rem' }} />
          </div>
          <button type="submit" name="intent" value="reopen" className="secondary">
            Reopen claim
          </button>
        </Form>
      </section>
    )
  }
  if (!allowedStatuses(viewer, status).includes('approved')) {
    return (
      <section className="card" aria-labelledby="signoff-heading">
        <h2 id="signoff-heading" style={{ marginTop: 0 }}>
          Sign-off
        </h2>
        <p className="muted">An editor can approve this claim once it is reviewed with a verdict and a rationale.</p>
      </section>
    )
  }
  const blocked = !mayApprove(claim.verdictById, viewer.id, { allowSelfApproval })
  const complete = Object.keys(reviewGaps(claim)).length === 0
  return (
    <section className="card" aria-labelledby="signoff-heading">
      <h2 id="signoff-heading" style={{ marginTop: 0 }}>
        Sign-off
      </h2>
      {blocked ? (
        <p className="alert">You set this claim’s verdict, so another editor must approve it.</p>
      ) : null}
      <Form method="post" action={action}>
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor="signoff-note">Note (required to send back)</label>
          <textarea id="signoff-note" name="note" maxLength={2000} rows={2} style={{ minHeight: '3rem' }} />
        </div>
        <div className="row">
          <button type="submit" name="intent" value="approve" disabled={blocked || !complete}>
            Approve
          </button>
          <button type="submit" name="intent" value="send-back" className="secondary">
            Send back to review
          </button>
        </div>
      </Form>
    </section>
  )
}

import { Form } from '@remix-run/react'
import type { ClaimStatus } from '../../db/schema'

/**
 * Editors' sign-off on the claim page: approve or send back a reviewed claim, reopen an approved
 * one. Posts to /claims/:id/signoff, which applies the four-eyes rule.
 */
export function SignOffPanel({
  claimId,
  version,
  status,
  hasVerdict,
  verdictSetByViewer,
  allowSelfApproval,
}: {
  claimId: number
  version: number
  status: ClaimStatus
  hasVerdict: boolean
  verdictSetByViewer: boolean
  allowSelfApproval: boolean
}) {
  const action = `/claims/${claimId}/signoff`
  if (status === 'approved') {
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
  if (status !== 'reviewed') {
    return (
      <section className="card" aria-labelledby="signoff-heading">
        <h2 id="signoff-heading" style={{ marginTop: 0 }}>
          Sign-off
        </h2>
        <p className="muted">An editor can approve this claim once it is reviewed with a verdict and a rationale.</p>
      </section>
    )
  }
  const blocked = verdictSetByViewer && !allowSelfApproval
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
          <button type="submit" name="intent" value="approve" disabled={blocked || !hasVerdict}>
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

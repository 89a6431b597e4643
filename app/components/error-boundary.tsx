import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const HEADLINES: Record<number, string> = {
  400: 'That request could not be understood',
  401: 'Please sign in',
  403: 'You do not have access to this page',
  404: 'We could not find that page',
  409: 'Someone else changed this in the meantime',
  413: 'That is too large',
  422: 'That could not be processed',
  429: 'Too many attempts',
}

const EXPLANATIONS: Record<number, string> = {
  403: 'Your account’s role does not allow this. Ask an administrator if you need access.',
  404: 'The address may be mistyped, or the item was removed.',
  409: 'Reload the page to see the latest version, then make your change again.',
}

/** Turns thrown responses into a plain sentence; anything unexpected is logged and shown generically. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    const headline = HEADLINES[error.status] ?? 'Something went wrong'
    const detail = typeof error.data === 'string' && error.data ? error.data : EXPLANATIONS[error.status]
    return (
      <div className="error-page card" role="alert">
        <p className="code">Error {error.status}</p>
        <h1>{headline}</h1>
        {detail ? <p>{detail}</p> : null}
        {error.status !== 403 && EXPLANATIONS[error.status] && detail !== EXPLANATIONS[error.status] ? (
          <p className="muted">{EXPLANATIONS[error.status]}</p>
        ) : null}
        <p>
          <Link to="/">Go to the start page</Link>
        </p>
      </div>
    )
  }
  if (typeof document === 'undefined') console.error(error)
  return (
    <div className="error-page card" role="alert">
      <p className="code">Unexpected error</p>
      <h1>Something went wrong on our side</h1>
      <p>Your work up to the last saved change is safe. Try again; if it keeps happening, tell an administrator.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </div>
  )
}

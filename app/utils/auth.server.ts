import { createCookie, redirect, type AppLoadContext } from '@remix-run/node'
import { hasRole, type Role } from '../workflow'
import { createSession, deleteSession, FREE_ATTEMPTS, FREE_ATTEMPTS_PER_ADDRESS, getSessionUser, type AttemptKey } from '../models/session.server'

export type SessionUser = { id: number; email: string; name: string; role: Role }

const sessionCookie = createCookie('claimdesk_session', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
})

/** Secure cookies whenever the request reached us (or our proxy) over HTTPS. */
function isHttps(request: Request) {
  return (
    new URL(request.url).protocol === 'https:' ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  )
}

export async function getSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : null
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request)
  if (!sessionId) return null
  return getSessionUser({ sessionId }) ?? null
}

function loginRedirect(request: Request) {
  const url = new URL(request.url)
  const redirectTo = url.pathname + url.search
  const search = redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`
  return redirect(`/login${search}`)
}

/** The signed-in user; anyone else is sent to the login page. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (!user) throw loginRedirect(request)
  return user
}

export { hasRole }

/** The signed-in user if their role is at least `role`; otherwise a 403 response is thrown. */
export async function requireUserWithRole(request: Request, role: Role): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!hasRole(user, role)) {
    throw new Response(`This page needs the ${role} role; you are signed in as a ${user.role}.`, {
      status: 403,
      statusText: 'Forbidden',
    })
  }
  return user
}

export async function startSession(request: Request, userId: number, redirectTo: string) {
  const session = createSession({ userId })
  return redirect(redirectTo, {
    headers: {
      'Set-Cookie': await sessionCookie.serialize(session.id, {
        expires: session.expiresAt,
        secure: isHttps(request),
      }),
    },
  })
}

export async function endSession(request: Request) {
  const sessionId = await getSessionId(request)
  if (sessionId) deleteSession({ sessionId })
  return redirect('/login', {
    headers: {
      'Set-Cookie': await sessionCookie.serialize('', { maxAge: 0, secure: isHttps(request) }),
    },
  })
}

/**
 * The client's address as the server determined it (`clientAddress` in the load context: the
 * socket's peer, or the address a configured proxy forwarded, see TRUST_PROXY). Headers the
 * client sends itself, such as X-Forwarded-For, are never read here.
 */
export function clientAddressOf(context: AppLoadContext): string | undefined {
  const address = context.clientAddress
  return typeof address === 'string' && address.length > 0 && address.length <= 64 ? address : undefined
}

/** Keys that sign-in attempts are counted under: the account, and the client address when known. */
export function loginAttemptKeys(email: string, clientAddress: string | undefined): AttemptKey[] {
  const keys: AttemptKey[] = [{ key: `email:${email}`, free: FREE_ATTEMPTS }]
  if (clientAddress) keys.push({ key: `ip:${clientAddress}`, free: FREE_ATTEMPTS_PER_ADDRESS })
  return keys
}

/** A wait in whole seconds and the sentence that says so. */
export function retryAfter(waitMs: number) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000))
  return { seconds, message: `Too many failed attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.` }
}

import { createCookie, redirect } from '@remix-run/node'

const flashCookie = createCookie('claimdesk_flash', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 })

export type FlashKind = 'success' | 'error'

/** Redirects and shows `message` once on the next page (as an error when `kind` says so). */
export async function redirectWithFlash(to: string, message: string, init?: ResponseInit & { kind?: FlashKind }) {
  const { kind = 'success', ...rest } = init ?? {}
  const headers = new Headers(rest.headers)
  headers.append('Set-Cookie', await flashCookie.serialize(`${kind === 'error' ? '!' : ''}${message.slice(0, 300)}`))
  return redirect(to, { ...rest, headers })
}

/** Reads the pending flash message and the header that clears it. */
export async function readFlash(request: Request) {
  const value = await flashCookie.parse(request.headers.get('Cookie'))
  if (typeof value !== 'string' || !value) return { message: null, kind: 'success' as FlashKind, headers: undefined }
  const kind: FlashKind = value.startsWith('!') ? 'error' : 'success'
  return {
    message: kind === 'error' ? value.slice(1) : value,
    kind,
    headers: { 'Set-Cookie': await flashCookie.serialize('', { maxAge: 0 }) },
  }
}

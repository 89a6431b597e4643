import { createCookie, redirect } from '@remix-run/node'

const flashCookie = createCookie('claimdesk_flash', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 })

/** Redirects and shows `message` once on the next page. */
export async function redirectWithFlash(to: string, message: string, init?: ResponseInit) {
  const headers = new Headers(init?.headers)
  headers.append('Set-Cookie', await flashCookie.serialize(message.slice(0, 300)))
  return redirect(to, { ...init, headers })
}

/** Reads the pending flash message and the header that clears it. */
export async function readFlash(request: Request) {
  const value = await flashCookie.parse(request.headers.get('Cookie'))
  if (typeof value !== 'string' || !value) return { message: null, headers: undefined }
  return {
    message: value,
    headers: { 'Set-Cookie': await flashCookie.serialize('', { maxAge: 0 }) },
  }
}

/** Largest form body accepted by default (article uploads pass their own limit). */
export const DEFAULT_FORM_LIMIT = 1024 * 1024

function tooLarge(limit: number) {
  return new Response(`The submitted form is larger than ${Math.round(limit / 1024)} KB.`, {
    status: 413,
    statusText: 'Payload Too Large',
  })
}

/**
 * Reads a form body, answering 413 for oversized bodies and 400 for ones that cannot be parsed,
 * instead of letting them become server errors.
 */
export async function readFormData(request: Request, limit = DEFAULT_FORM_LIMIT): Promise<FormData> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) throw tooLarge(limit)
  const type = request.headers.get('content-type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw new Response('Send the form as application/x-www-form-urlencoded or multipart/form-data.', {
      status: 415,
      statusText: 'Unsupported Media Type',
    })
  }
  const body = await readLimited(request, limit)
  try {
    return await new Response(body, { headers: { 'content-type': type } }).formData()
  } catch {
    throw new Response('The form could not be read.', { status: 400, statusText: 'Bad Request' })
  }
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw tooLarge(limit)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.byteLength
  }
  return out
}

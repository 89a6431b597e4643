/** Largest form body accepted by default (article uploads pass their own limit). */
export const DEFAULT_FORM_LIMIT = 1024 * 1024

/**
 * A refusal sent before the body was read in full. What is left of the body is read and dropped
 * (up to a bound) so the client sees the answer rather than a broken upload, and the connection is
 * closed so the unread rest can never be taken for the next request on it.
 */
export async function refuseBody(request: Request, response: Response, reader?: ReadableStreamDefaultReader<Uint8Array>) {
  const rest = reader ?? (request.body && !request.bodyUsed ? request.body.getReader() : undefined)
  if (rest) await drain(rest)
  response.headers.set('Connection', 'close')
  return response
}

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
  const type = request.headers.get('content-type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw await refuseBody(
      request,
      new Response('Send the form as application/x-www-form-urlencoded or multipart/form-data.', {
        status: 415,
        statusText: 'Unsupported Media Type',
      }),
    )
  }
  const body = await readBody(request, limit, () => tooLarge(limit))
  try {
    return await new Response(body, {
      headers: { 'content-type': type },
    }).formData()
  } catch {
    throw new Response('The form could not be read.', {
      status: 400,
      statusText: 'Bad Request',
    })
  }
}

/** Reads and drops what is left of a body, up to `max` bytes. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, max = 16 * 1024 * 1024) {
  let dropped = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      dropped += value.byteLength
      if (dropped > max) break
    }
  } catch {
    return
  }
  await reader.cancel().catch(() => {})
}

/**
 * The whole body, at most `limit` bytes; past it (declared or as it streams in) the body is
 * refused with `tooLarge()`.
 */
export async function readBody(request: Request, limit: number, tooLarge: () => Response): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get('content-length') ?? '0') > limit) throw await refuseBody(request, tooLarge())
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) throw await refuseBody(request, tooLarge(), reader)
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

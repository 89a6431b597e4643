import type { z } from 'zod'
import type { Role } from '../workflow'
import { getUserByApiToken } from '../models/api-token.server'
import { hasRole, type SessionUser } from './auth.server'
import { readBody, refuseBody } from './request.server'

export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
  /** The database stayed locked; answered with Retry-After by the server (server/database-busy.js). */
  | 'service_unavailable'

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  service_unavailable: 503,
}

/** `{"error":{"code","message","fields?"}}` with the matching status. */
export function apiError(
  code: ApiErrorCode,
  message: string,
  {
    fields,
    headers,
    extra,
  }: {
    fields?: Record<string, string[]>
    headers?: HeadersInit
    extra?: Record<string, unknown>
  } = {},
) {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}), ...extra } }, { status: STATUS[code], headers })
}

/** Field messages keyed by dotted path, from a zod error. */
export function zodFields(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    ;(fields[key] ??= []).push(issue.message)
  }
  return fields
}

export function validationError(error: z.ZodError, message = 'Some fields are invalid') {
  const fields = zodFields(error)
  return apiError('validation_failed', `${message}: ${Object.keys(fields).join(', ')}`, { fields })
}

/** The user a bearer token acts for; throws a 401 or 403 JSON response otherwise. */
export function requireApiUser(request: Request, role: Role = 'reviewer'): SessionUser {
  const header = request.headers.get('authorization') ?? ''
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match) {
    throw apiError('unauthorized', 'Send a personal API token as "Authorization: Bearer <token>".', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    })
  }
  const user = getUserByApiToken({ token: match[1]! })
  if (!user) {
    throw apiError('unauthorized', 'The API token is invalid or has been revoked.', {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    })
  }
  if (!hasRole(user, role)) {
    throw apiError('forbidden', `This needs the ${role} role; the token acts for a ${user.role}.`)
  }
  return user
}

export const DEFAULT_JSON_LIMIT = 1024 * 1024

/**
 * Reads and validates a JSON body: 415 for another content type, 413 past the limit, 400 for
 * malformed JSON, 422 with field messages when it does not fit the schema.
 */
export async function parseJsonBody<T extends z.ZodTypeAny>(request: Request, schema: T, limit = DEFAULT_JSON_LIMIT): Promise<z.infer<T>> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw await refuseBody(request, apiError('unsupported_media_type', 'Send the body as application/json.'))
  }
  const body = await readBody(request, limit, () =>
    apiError('payload_too_large', `The body is larger than ${Math.round(limit / 1024)} KB.`),
  )
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw apiError('bad_request', 'The body is not valid UTF-8.')
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw apiError('bad_request', 'The body is not valid JSON.')
  }
  const broken = loneSurrogateFields(json)
  if (broken.length) {
    const message = 'Contains a lone UTF-16 surrogate (an escape from \\ud800 to \\udfff without its pair), which is not text; send valid Unicode'
    throw apiError('validation_failed', `${broken.join(', ')}: ${message}.`, { fields: Object.fromEntries(broken.map((f) => [f, [message]])) })
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw validationError(parsed.error)
  return parsed.data
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * The fields of a parsed JSON body whose strings hold a lone surrogate. JSON's `\ud800` escapes
 * can carry one, and stored text with one would not survive being encoded as UTF-8 (offsets and
 * stored quotes would drift apart), so such a body is refused at the boundary.
 */
function loneSurrogateFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [path || 'body'] : []
  if (Array.isArray(value)) return value.flatMap((v, i) => loneSurrogateFields(v, `${path}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (LONE_SURROGATE.test(k) ? [path || 'body'] : loneSurrogateFields(v, path ? `${path}.${k}` : k)))
  }
  return []
}

/** Validates query-string parameters (empty ones count as absent), answering 400 with field messages. */
export function parseQuery<T extends z.ZodTypeAny>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ''))
  const parsed = schema.safeParse(params)
  if (!parsed.success) {
    const fields = zodFields(parsed.error)
    throw apiError('bad_request', `Invalid query parameters: ${Object.keys(fields).join(', ')}`, { fields })
  }
  return parsed.data
}

export function methodNotAllowed(allowed: string[]) {
  return apiError('method_not_allowed', `Use ${allowed.join(' or ')}.`, {
    headers: { Allow: allowed.join(', ') },
  })
}

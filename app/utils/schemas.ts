import { z } from 'zod'
import { ROLES } from '../workflow'

/** Field schemas shared by forms, API bodies and the CLI. */
export const emailField = z
  .string({ error: 'Email is required' })
  .trim()
  .toLowerCase()
  .min(1, 'Email is required')
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address'))

export const passwordField = z
  .string({ error: 'Password is required' })
  .min(1, 'Password is required')
  .max(1024, 'Password is too long')

export const newPasswordField = z
  .string({ error: 'Password is required' })
  .min(10, 'Use at least 10 characters')
  .max(1024, 'Password is too long')

export const nameField = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(120, 'Name is too long')

export const roleField = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}` })

export const idField = z.coerce
  .number({ error: 'Must be a number' })
  .int('Must be a whole number')
  .positive('Must be a positive number')
  .max(Number.MAX_SAFE_INTEGER)

export const LoginSchema = z.object({
  email: emailField,
  password: passwordField,
  redirectTo: z.string().optional(),
})

export const NewUserSchema = z.object({
  email: emailField,
  name: nameField,
  role: roleField,
  password: newPasswordField,
})
export type NewUser = z.infer<typeof NewUserSchema>

const REDIRECT_BASE = 'http://claimdesk.invalid'

/**
 * The path to go to after sign-in or a form, if `to` is a path on this site; `fallback` otherwise.
 * Browsers drop tabs and line breaks from a Location and read a backslash as a slash, so
 * `/\t/evil.example` or `/\\evil.example` would leave the site: `to` is taken only if it is
 * printable ASCII and still a path on this origin both as given and after percent-decoding. The
 * answer is the URL parser's own serialisation (ASCII, no control characters), safe for a header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/articles') {
  if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2048) return fallback
  let decoded: string
  try {
    decoded = decodeURIComponent(to)
  } catch {
    return fallback
  }
  // As given: printable ASCII without backslashes (every link the app makes is percent-encoded).
  if (!/^[\x21-\x5b\x5d-\x7e]+$/.test(to)) return fallback
  // Decoded: no control characters, and not the start of another host (`//`, `/\`).
  if (/[\x00-\x1f\x7f]/.test(decoded) || /^\/[/\\]/.test(decoded)) return fallback
  const url = new URL(to, REDIRECT_BASE)
  if (url.origin !== REDIRECT_BASE) return fallback
  return url.pathname + url.search + url.hash
}

/** An optional form field: empty strings count as absent. */
export const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, `${label} is too long`).optional())

export const isoDateField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31')
    .refine((v) => !Number.isNaN(Date.parse(v)), 'Not a real date')
    .optional(),
)

export const httpUrlField = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(2048, `${label} is too long`)
    .pipe(z.url({ protocol: /^https?$/, error: `${label} must start with http:// or https://` }))

export const optionalHttpUrlField = (label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), httpUrlField(label).optional())

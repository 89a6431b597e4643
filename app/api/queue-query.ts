import { z } from 'zod'
import { CLAIM_STATUSES, VERDICTS } from '../workflow'

const empty = (v: unknown) => (v === '' ? undefined : v)
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'Not a real date')

/**
 * The claims queue's filters, as a query string (`/claims?…` and `GET /api/v1/claims`).
 * `status=open` means every claim still being worked on (not approved, not discarded).
 * `from`/`to` apply to when the claim was created (imported).
 */
export const QueueQuerySchema = z.object({
  status: z.preprocess(empty, z.enum([...CLAIM_STATUSES, 'open', 'all'], { error: `status must be one of: ${CLAIM_STATUSES.join(', ')}, open, all` }).default('open')),
  verdict: z.preprocess(empty, z.enum([...VERDICTS, 'none'], { error: `verdict must be one of: ${VERDICTS.join(', ')}, none` }).optional()),
  assignee: z.preprocess(empty, z.union([z.literal('me'), z.literal('none'), z.coerce.number().int().positive()], { error: 'assignee must be a user id, me or none' }).optional()),
  article: z.preprocess(empty, z.coerce.number({ error: 'article must be an article id' }).int().positive().optional()),
  evidence: z.preprocess(empty, z.enum(['yes', 'no'], { error: 'evidence must be yes or no' }).optional()),
  from: z.preprocess(empty, isoDay.optional()),
  to: z.preprocess(empty, isoDay.optional()),
  q: z.preprocess(empty, z.string().max(200, 'q is too long').optional()),
  sort: z.preprocess(empty, z.enum(['checkworthiness', 'recent'], { error: 'sort must be checkworthiness or recent' }).default('checkworthiness')),
  cursor: z.preprocess(empty, z.string().max(200).regex(/^[A-Za-z0-9_-]+$/, 'cursor is not valid').optional()),
  limit: z.preprocess(empty, z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit must be at least 1').max(100, 'limit must be at most 100').default(50)),
})
export type QueueQuery = z.infer<typeof QueueQuerySchema>

import { z } from 'zod'
import { CLAIM_STATUSES, COMMENT_MAX_LENGTH, CORRECTION_NOTE_MAX_LENGTH, INBOX_KINDS, SNAPSHOT_STATUSES, SOURCE_CHANGES, STANCES, VERDICTS } from '../workflow'

/** Request and response shapes of the REST API; the OpenAPI document is generated from these. */

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31')
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'Must be an http or https URL' })
  .max(2048, 'URL is too long')

export const ArticleCreateSchema = z
  .object({
    title: z.string().trim().min(1, 'Title is required').max(500, 'Title is too long').optional(),
    body: z.string().max(5_000_000, 'Body is larger than 5 MB').optional(),
    url: httpUrl.optional(),
    publisher: z.string().trim().max(200).optional(),
    author: z.string().trim().max(200).optional(),
    publishedAt: isoDay.optional(),
    language: z.string().trim().min(2).max(16).optional(),
  })
  .refine((v) => (v.body && v.body.trim()) || v.url, { message: 'Give the article body or its url', path: ['body'] })
  .refine((v) => v.title || v.url, { message: 'Title is required', path: ['title'] })

export const ClaimPatchSchema = z
  .object({
    version: z.number({ error: 'version is required (the version your change is based on)' }).int().positive(),
    status: z.enum(CLAIM_STATUSES, { error: `status must be one of: ${CLAIM_STATUSES.join(', ')}` }).optional(),
    verdict: z.enum(VERDICTS, { error: `verdict must be one of: ${VERDICTS.join(', ')}, or null` }).nullable().optional(),
    rationale: z.string().max(20_000, 'Rationale is too long').optional(),
    assigneeId: z.number().int().positive().nullable().optional(),
    note: z.string().max(2000, 'Note is too long').optional(),
    correction: z
      .string()
      .max(CORRECTION_NOTE_MAX_LENGTH, 'Correction note is too long')
      .optional()
      .describe('The public correction note: required when the verdict or rationale of a published (approved and exported) claim changes'),
  })
  .strict()

export const EvidenceCreateSchema = z
  .object({
    sourceId: z.number().int().positive().optional(),
    source: z
      .object({
        url: httpUrl,
        title: z.string().trim().min(1, 'Title is required').max(500),
        publisher: z.string().trim().max(200).optional(),
        publishedAt: isoDay.optional(),
        archivedUrl: httpUrl.optional(),
      })
      .optional(),
    stance: z.enum(STANCES, { error: `stance must be one of: ${STANCES.join(', ')}` }),
    excerpt: z.string().max(20_000, 'Excerpt is too long').default(''),
    note: z.string().max(5000, 'Note is too long').default(''),
  })
  .refine((v) => Boolean(v.sourceId) !== Boolean(v.source), {
    message: 'Give either sourceId (an existing source) or source (a new one)',
    path: ['source'],
  })

const Anchor = z.object({
  start: z.number().int(),
  end: z.number().int(),
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
})

export const ClaimOutSchema = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  text: z.string(),
  anchor: Anchor,
  orphaned: z.boolean(),
  checkworthiness: z.number(),
  reasons: z.array(z.string()),
  facets: z.object({
    dates: z.array(z.object({ text: z.string(), start: z.number(), end: z.number(), value: z.string() })),
    numbers: z.array(z.object({ text: z.string(), start: z.number(), end: z.number(), value: z.number().nullable(), kind: z.string(), unit: z.string().optional() })),
    entities: z.array(z.object({ text: z.string(), start: z.number(), end: z.number(), type: z.string() })),
    quotes: z.array(z.object({ text: z.string(), start: z.number(), end: z.number() })),
    attribution: z.object({ source: z.string(), verb: z.string(), start: z.number(), end: z.number() }).nullable(),
    propositions: z.array(z.object({ text: z.string(), parts: z.array(z.object({ start: z.number(), end: z.number() })) })).optional(),
  }),
  status: z.enum(CLAIM_STATUSES),
  verdict: z.enum(VERDICTS).nullable(),
  rationale: z.string(),
  assigneeId: z.number().int().nullable(),
  version: z.number().int(),
  publishedAt: z.string().nullable().describe('When an export first carried the claim approved; from then on verdict and rationale changes are corrections'),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const ArticleOutSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string(),
  body: z.string(),
  contentHash: z.string(),
  createdAt: z.string(),
  claims: z.array(ClaimOutSchema),
})

export const EventOutSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string(),
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  at: z.string(),
})

export const SnapshotOutSchema = z
  .object({
    status: z.enum(SNAPSHOT_STATUSES).describe('pending while a fetch is under way (the other fields then describe the one before it)'),
    fetchedAt: z.string().nullable(),
    httpStatus: z.number().int().nullable(),
    sha256: z.string().nullable().describe('SHA-256 (hex) of the bytes received'),
    title: z.string().nullable(),
    contentType: z.string().nullable(),
    finalUrl: z.string().nullable().describe('The URL after redirects'),
    error: z.string().nullable().describe('Why the fetch failed'),
    change: z.enum(SOURCE_CHANGES).nullable().describe('Compared with the first good snapshot of the same URL; null for that first one'),
  })
  .nullable()
  .describe('The source’s newest snapshot; null before the first fetch')

export const SourceOutSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  publishedAt: z.string().nullable(),
  archivedUrl: z.string().nullable(),
  snapshot: SnapshotOutSchema,
})

export const EvidenceOutSchema = z.object({
  id: z.number().int(),
  stance: z.enum(STANCES),
  excerpt: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  source: SourceOutSchema,
  snapshot: SnapshotOutSchema,
  excerptFound: z.boolean().nullable().describe('Whether the excerpt occurs in the source’s newest good snapshot; null when there is nothing to check against'),
})

export const CommentCreateSchema = z
  .object({
    body: z
      .string({ error: 'body is required: the comment as plain text' })
      .trim()
      .min(1, 'body must not be empty')
      .max(COMMENT_MAX_LENGTH, `body holds at most ${COMMENT_MAX_LENGTH} characters`)
      .describe('Plain text; `@handle` mentions the user with that handle'),
  })
  .strict()

export const CommentOutSchema = z.object({
  id: z.number().int(),
  claimId: z.number().int(),
  author: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  body: z.string().describe('Empty when deleted'),
  deleted: z.boolean(),
  mentions: z.array(z.object({ userId: z.number().int(), handle: z.string() })),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
})

export const InboxQuerySchema = z.object({
  unread: z.enum(['true', 'false'], { error: 'unread must be true or false' }).optional(),
  before: z.coerce.number({ error: 'before must be an inbox item id' }).int().positive().optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit is at least 1').max(200, 'limit is at most 200').default(50),
})

export const InboxItemOutSchema = z.object({
  id: z.number().int(),
  kind: z.enum(INBOX_KINDS),
  claim: z.object({ id: z.number().int(), text: z.string(), status: z.enum(CLAIM_STATUSES) }),
  commentId: z.number().int().nullable(),
  comment: z.string().nullable().describe('The mentioning comment; null when deleted or not a mention'),
  actor: z.string().nullable(),
  note: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
})

export const CorrectionsQuerySchema = z.object({
  before: z.coerce.number({ error: 'before must be a correction id' }).int().positive().optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit is at least 1').max(200, 'limit is at most 200').default(50),
})

export const CorrectionOutSchema = z.object({
  id: z.number().int(),
  claim: z.object({ id: z.number().int(), text: z.string() }),
  oldVerdict: z.enum(VERDICTS).nullable(),
  newVerdict: z.enum(VERDICTS).nullable(),
  oldRationale: z.string(),
  newRationale: z.string(),
  note: z.string(),
  correctedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  at: z.string(),
})

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
})

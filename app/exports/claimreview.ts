import { z } from 'zod'
import { VERDICT_RATINGS } from '../workflow'
import type { ExportClaim, ExportContext } from './types'

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO 8601 date')

/** schema.org ClaimReview as search engines read it; every emitted review is checked against it. */
export const ClaimReviewSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  url: z.url(),
  claimReviewed: z.string().min(1),
  datePublished: isoDate,
  dateModified: isoDate,
  author: z.object({ '@type': z.literal('Organization'), name: z.string().min(1), url: z.url() }),
  reviewRating: z.object({
    '@type': z.literal('Rating'),
    ratingValue: z.number().int().min(1).max(5),
    bestRating: z.literal(5),
    worstRating: z.literal(1),
    alternateName: z.string().min(1),
  }),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    appearance: z
      .array(
        z.object({
          '@type': z.literal('CreativeWork'),
          url: z.url().optional(),
          headline: z.string().min(1),
          publisher: z.object({ '@type': z.literal('Organization'), name: z.string().min(1) }).optional(),
        }),
      )
      .min(1),
    author: z.object({ '@type': z.enum(['Person', 'Organization']), name: z.string().min(1) }).optional(),
    datePublished: isoDate.optional(),
  }),
})
export type ClaimReview = z.infer<typeof ClaimReviewSchema>

/** Claimants whose names look like institutions are Organizations; everyone else a Person. */
const ORGANIZATION_WORDS =
  /\b(ministry|department|committee|council|government|agency|office|bureau|police|court|commission|association|union|party|company|corporation|inc|ltd|university|institute|interpol|nations|organi[sz]ation|assembly|parliament|congress|senate|board|authority|service|bank)\b/i

function claimant(name: string) {
  return { '@type': ORGANIZATION_WORDS.test(name) ? ('Organization' as const) : ('Person' as const), name }
}

export class InvalidClaimReviewError extends Error {
  constructor(
    readonly claimId: number,
    readonly issues: string[],
  ) {
    super(`Claim ${claimId} cannot be exported as ClaimReview: ${issues.join('; ')}`)
  }
}

const AppearanceUrlSchema = ClaimReviewSchema.shape.itemReviewed.shape.appearance.element.shape.url
const ItemDateSchema = ClaimReviewSchema.shape.itemReviewed.shape.datePublished

/** An optional value from the article, only when it is valid where it goes (stored articles may predate validation). */
function validOr<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/**
 * The ClaimReview of one claim with a verdict, validated. The article's URL and date are optional in
 * ClaimReview and left out when not valid; a claim whose required fields are invalid throws
 * InvalidClaimReviewError.
 */
export function toClaimReview(claim: ExportClaim & { verdict: NonNullable<ExportClaim['verdict']> }, context: ExportContext): ClaimReview {
  const rating = VERDICT_RATINGS[claim.verdict]
  const article = claim.article
  const articleUrl = article.url ? validOr(AppearanceUrlSchema, article.url) : undefined
  const articleDate = article.publishedAt ? validOr(ItemDateSchema, article.publishedAt) : undefined
  const published = claim.publishedAt ?? claim.approvedAt ?? claim.updatedAt
  const lastCorrection = claim.corrections[claim.corrections.length - 1]?.at
  const modified = [published, claim.approvedAt, lastCorrection].filter((d): d is string => Boolean(d)).sort().at(-1)!
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${context.baseUrl}/claims/${claim.id}`,
    claimReviewed: claim.text,
    datePublished: published.slice(0, 10),
    dateModified: modified.slice(0, 10),
    author: { '@type': 'Organization', name: context.organization.name, url: context.organization.url },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.label,
    },
    itemReviewed: {
      '@type': 'Claim',
      appearance: [
        {
          '@type': 'CreativeWork',
          ...(articleUrl ? { url: articleUrl } : {}),
          headline: article.title,
          ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}),
        },
      ],
      ...(claim.attribution ? { author: claimant(claim.attribution.source) } : {}),
      ...(articleDate ? { datePublished: articleDate } : {}),
    },
  }
  const parsed = ClaimReviewSchema.safeParse(review)
  if (!parsed.success) {
    throw new InvalidClaimReviewError(
      claim.id,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    )
  }
  return parsed.data
}

/**
 * JSON for embedding as JSON-LD: `<` written as `\\u003c` (the same value to a JSON parser), so a
 * claim quoting `</script>` cannot end the script element a publisher pastes the export into.
 */
export function jsonLd(value: unknown) {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

/**
 * A JSON-LD array of ClaimReviews, one per claim, streamed. Claims without a verdict have no
 * rating to publish and are left out; so is a claim that cannot make a valid review (reported on
 * stderr), so one bad row never cuts the export short.
 */
export function* formatClaimReview(claims: Iterable<ExportClaim>, context: ExportContext): Generator<string> {
  yield '['
  let first = true
  for (const claim of claims) {
    if (!claim.verdict) continue
    let review: ClaimReview
    try {
      review = toClaimReview({ ...claim, verdict: claim.verdict }, context)
    } catch (error) {
      if (!(error instanceof InvalidClaimReviewError)) throw error
      console.error(`ClaimReview export: ${error.message}; left out`)
      continue
    }
    yield (first ? '\n' : ',\n') + jsonLd(review)
    first = false
  }
  yield '\n]\n'
}

import { formatClaimReview } from './claimreview'
import { formatCsv } from './csv'
import { formatJson } from './json'
import { formatMarkdown } from './markdown'
import type { ExportClaim, ExportContext, ExportFormat } from './types'

export * from './types'
export { VERDICT_RATINGS } from '../workflow'
export { ClaimReviewSchema, toClaimReview, InvalidClaimReviewError } from './claimreview'

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, { type: string; extension: string }> = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  md: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  claimreview: { type: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
}

/** The chunks of an export in the given format. */
export function formatExport(
  format: ExportFormat,
  claims: Iterable<ExportClaim>,
  context: ExportContext,
  options: { excel?: boolean } = {},
): Iterable<string> {
  switch (format) {
    case 'csv':
      return formatCsv(claims, context, options)
    case 'json':
      return formatJson(claims, context)
    case 'md':
      return formatMarkdown(claims, context)
    case 'claimreview':
      return formatClaimReview(claims, context)
  }
}

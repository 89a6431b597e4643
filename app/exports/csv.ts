import { stringify } from 'csv-stringify/sync'
import { VERDICT_RATINGS } from '../workflow'
import type { ExportClaim, ExportContext } from './types'

export const CSV_COLUMNS = [
  'claim_id',
  'claim',
  'quote',
  'status',
  'verdict',
  'rating_value',
  'rationale',
  'checkworthiness',
  'dates',
  'claimant',
  'article_id',
  'article_title',
  'article_url',
  'article_publisher',
  'article_published',
  'verdict_by',
  'approved_by',
  'approved_at',
  'evidence_count',
  'sources',
  'claim_url',
  'source_snapshot_times',
  'source_snapshot_sha256',
] as const

function csvRow(claim: ExportClaim, context: ExportContext): (string | number)[] {
  const rating = claim.verdict ? VERDICT_RATINGS[claim.verdict] : null
  return [
    claim.id,
    claim.text,
    claim.quote,
    claim.status,
    rating?.label ?? '',
    rating?.value ?? '',
    claim.rationale,
    claim.checkworthiness.toFixed(3),
    claim.dates.map((d) => d.value).join('; '),
    claim.attribution?.source ?? '',
    claim.article.id,
    claim.article.title,
    claim.article.url ?? '',
    claim.article.publisher ?? '',
    claim.article.publishedAt ?? '',
    claim.verdictBy ?? '',
    claim.approvedBy ?? '',
    claim.approvedAt ?? '',
    claim.evidence.length,
    claim.evidence.map((e) => `${e.stance}: ${e.source.url}`).join(' | '),
    `${context.baseUrl}/claims/${claim.id}`,
    // One entry per source, in the order of `sources`; "none" where no snapshot was taken.
    claim.evidence.map((e) => e.source.snapshot?.fetchedAt ?? 'none').join(' | '),
    claim.evidence.map((e) => e.source.snapshot?.sha256 ?? 'none').join(' | '),
  ]
}

/**
 * A cell Excel would run as a formula gets a leading apostrophe: one starting with `=`, `+`, `-`,
 * `@`, a tab or a line break, or their full-width forms, which Excel in East Asian locales also
 * reads as operators.
 */
function neutraliseFormula(cell: string | number) {
  return typeof cell === 'string' && /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? `'${cell}` : cell
}

/**
 * RFC 4180 CSV (CRLF line ends, quoted where needed, and always where a field holds a CR or LF),
 * one chunk per row. The `excel` option adds the UTF-8 byte-order mark Excel needs and neutralises
 * every cell Excel would run as a formula.
 */
export function* formatCsv(
  claims: Iterable<ExportClaim>,
  context: ExportContext,
  { excel = false }: { excel?: boolean } = {},
): Generator<string> {
  // csv-stringify quotes a field containing the record delimiter (CRLF) but not one with a lone CR
  // or LF, which readers that take any line end as a row end would split: quote every field with either.
  const options = { record_delimiter: '\r\n' as const, quoted_match: /[\r\n]/ }
  yield (excel ? '\uFEFF' : '') + stringify([[...CSV_COLUMNS]], options)
  for (const claim of claims) {
    const row = csvRow(claim, context)
    yield stringify([excel ? row.map(neutraliseFormula) : row], options)
  }
}

import { VERDICT_RATINGS } from '../workflow'
import type { ExportClaim, ExportContext } from './types'

function jsonClaim(claim: ExportClaim, context: ExportContext) {
  return {
    id: claim.id,
    url: `${context.baseUrl}/claims/${claim.id}`,
    text: claim.text,
    quote: claim.quote,
    status: claim.status,
    verdict: claim.verdict,
    verdictLabel: claim.verdict ? VERDICT_RATINGS[claim.verdict].label : null,
    rationale: claim.rationale,
    checkworthiness: claim.checkworthiness,
    dates: claim.dates,
    attribution: claim.attribution,
    article: claim.article,
    verdictBy: claim.verdictBy,
    approvedBy: claim.approvedBy,
    approvedAt: claim.approvedAt,
    publishedAt: claim.publishedAt,
    updatedAt: claim.updatedAt,
    evidence: claim.evidence,
    corrections: claim.corrections.map((c) => ({
      at: c.at,
      oldVerdict: c.oldVerdict,
      oldVerdictLabel: c.oldVerdict ? VERDICT_RATINGS[c.oldVerdict].label : null,
      newVerdict: c.newVerdict,
      newVerdictLabel: c.newVerdict ? VERDICT_RATINGS[c.newVerdict].label : null,
      note: c.note,
      by: c.by,
    })),
  }
}

/** `{"generatedAt":…,"organization":…,"claims":[…]}`, streamed one claim per chunk. */
export function* formatJson(claims: Iterable<ExportClaim>, context: ExportContext): Generator<string> {
  yield `{"generatedAt":${JSON.stringify(context.generatedAt)},"organization":${JSON.stringify(context.organization)},"claims":[`
  let first = true
  for (const claim of claims) {
    yield (first ? '\n' : ',\n') + JSON.stringify(jsonClaim(claim, context))
    first = false
  }
  yield '\n]}\n'
}

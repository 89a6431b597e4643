import { VERDICT_RATINGS } from '../workflow'
import type { ExportClaim, ExportContext } from './types'

/** Escapes characters Markdown would read as formatting. */
export function escapeMarkdown(text: string) {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1').replace(/\r?\n/g, ' ')
}

function link(text: string, url: string) {
  return `[${escapeMarkdown(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`
}

/**
 * A publication-ready list grouped by article, sources as links. Claims must arrive grouped by
 * article (the export query orders them so), which keeps the output streamable.
 */
export function* formatMarkdown(claims: Iterable<ExportClaim>, context: ExportContext): Generator<string> {
  yield `# Verified claims\n\n_${escapeMarkdown(context.organization.name)} · generated ${context.generatedAt.slice(0, 10)}_\n`
  let articleId: number | null = null
  for (const claim of claims) {
    if (claim.article.id !== articleId) {
      articleId = claim.article.id
      const a = claim.article
      const meta = [a.publisher, a.author, a.publishedAt].filter(Boolean).map((m) => escapeMarkdown(m!))
      yield `\n## ${a.url ? link(a.title, a.url) : escapeMarkdown(a.title)}\n\n${meta.length ? `${meta.join(' · ')}\n\n` : ''}`
    }
    const verdict = claim.verdict ? `**${VERDICT_RATINGS[claim.verdict].label}**` : '_No verdict_'
    const lines = [`- ${verdict} — ${escapeMarkdown(claim.text)}`]
    if (claim.attribution) lines.push(`  - Claimed by ${escapeMarkdown(claim.attribution.source)}`)
    if (claim.rationale) lines.push(`  - ${escapeMarkdown(claim.rationale)}`)
    for (const e of claim.evidence) {
      const source = link(e.source.title || e.source.url, e.source.url)
      const archived = e.source.archivedUrl ? ` (${link('archived', e.source.archivedUrl)})` : ''
      const excerpt = e.excerpt ? `: “${escapeMarkdown(e.excerpt)}”` : ''
      lines.push(`  - ${e.stance === 'supports' ? 'Supports' : e.stance === 'refutes' ? 'Refutes' : 'Context'}: ${source}${archived}${excerpt}`)
    }
    for (const c of claim.corrections) {
      const label = (v: typeof c.oldVerdict) => (v ? VERDICT_RATINGS[v].label : 'no verdict')
      const verdicts = c.oldVerdict !== c.newVerdict ? ` (was ${escapeMarkdown(label(c.oldVerdict))}, now ${escapeMarkdown(label(c.newVerdict))})` : ''
      lines.push(`  - _Correction ${c.at.slice(0, 10)}_${verdicts}: ${escapeMarkdown(c.note)}`)
    }
    yield lines.join('\n') + '\n'
  }
}

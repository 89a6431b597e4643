import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { z } from 'zod'
import { httpUrlField, isoDateField } from '../utils/schemas'

export type ReadableArticle = {
  title: string | null
  author: string | null
  publisher: string | null
  publishedAt: string | null
  url: string | null
  body: string
}

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HR', 'DL', 'DT', 'DD'])
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'NAV', 'ASIDE', 'FORM', 'BUTTON'])

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> }

/** Plain text of an HTML fragment: one paragraph, heading or list item per line. */
function textOf(root: Node): string {
  const out: string[] = []
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '))
      return
    }
    if (node.nodeType !== 1 || SKIP.has(node.nodeName)) return
    if (node.nodeName === 'BR') {
      out.push('\n')
      return
    }
    const block = BLOCK.has(node.nodeName)
    if (block) out.push('\n')
    if (node.nodeName === 'LI') out.push('- ')
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!)
    if (block) out.push('\n')
  }
  walk(root)
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l && l !== '-')
    .join('\n')
}

function meta(document: Document, ...names: string[]) {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`)
    const v = el?.getAttribute('content')?.trim()
    if (v) return v
  }
  return null
}

function jsonLdDate(document: Document) {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '')
    if (m) return m[1]!
  }
  return null
}

function isoDay(value: string | null) {
  if (!value) return null
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())
  if (m) return m[1]!
  const t = Date.parse(value)
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10)
}

/** A value the page's markup offered, kept only if it passes the field's own schema (the import form's). */
const orNull = <T extends z.ZodType>(schema: T) => z.unknown().transform((v) => {
  const parsed = schema.safeParse(v)
  return parsed.success && parsed.data != null ? (parsed.data as NonNullable<z.output<T>>) : null
})

/**
 * The metadata read from a page's markup, which anyone can write: each value is validated as the
 * import form validates what a person types, and one that fails is dropped (the article still
 * imports), so an uploaded or fetched page can never store what a form would refuse.
 */
export const PageMetadataSchema = z.object({
  title: orNull(z.string().trim().min(1).max(500)),
  author: orNull(z.string().trim().min(1).max(200)),
  publisher: orNull(z.string().trim().min(1).max(200)),
  publishedAt: orNull(isoDateField.refine((v) => v === undefined || (v >= '1000-01-01' && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), 'Not a real date')),
  url: orNull(httpUrlField('URL')),
})

/**
 * Readable article text and metadata from an HTML page: scripts, styles and navigation dropped,
 * the body as plain text with one paragraph per line (never HTML).
 */
export function htmlToArticle(html: string, pageUrl?: string): ReadableArticle {
  const { document } = parseHTML(html)
  const publishedAt = isoDay(meta(document as unknown as Document, 'article:published_time', 'datePublished', 'pubdate', 'date', 'DC.date.issued') ?? jsonLdDate(document as unknown as Document) ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null)
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document as unknown as Document, 'og:url') ?? pageUrl ?? null
  const parsed = new Readability(document as unknown as Document, { charThreshold: 100 }).parse()
  let body = ''
  if (parsed?.content) {
    const { document: fragment } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`)
    body = textOf(fragment.body as unknown as Node)
  }
  if (!body.trim()) {
    const { document: whole } = parseHTML(html)
    body = whole.body ? textOf(whole.body as unknown as Node) : ''
  }
  const title = parsed?.title?.trim() || meta(document as unknown as Document, 'og:title') || document.querySelector('title')?.textContent?.trim() || null
  const metadata = PageMetadataSchema.parse({
    title,
    author: parsed?.byline?.trim() || meta(document as unknown as Document, 'author', 'article:author') || null,
    publisher: parsed?.siteName?.trim() || meta(document as unknown as Document, 'og:site_name', 'publisher') || null,
    publishedAt: isoDay(parsed?.publishedTime ?? null) ?? publishedAt,
    url: canonical,
  })
  return { ...metadata, url: metadata.url ?? PageMetadataSchema.shape.url.parse(pageUrl ?? null), body }
}

/** Markdown to plain text: headings, emphasis and link syntax removed, one block per line. */
export function markdownToText(md: string) {
  return md
    .replace(/\r\n?/g, '\n')
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*/g, ''))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/^[ \t]*[*+][ \t]+/gm, '- ')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![*\w])[*_](?![\s*_])(.+?)(?<![\s*_])[*_](?![*\w])/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

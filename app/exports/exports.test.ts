import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { CSV_COLUMNS } from './csv'
import { ClaimReviewSchema, formatExport, InvalidClaimReviewError, toClaimReview, type ExportClaim, type ExportContext } from './index'

const context: ExportContext = {
  organization: { name: 'Example Fact Check', url: 'https://factcheck.example.org' },
  baseUrl: 'https://claimdesk.example.org',
  generatedAt: '2026-11-24T10:00:00.000Z',
}

function claim(overrides: Partial<ExportClaim> = {}): ExportClaim {
  return {
    id: 7,
    text: 'In June 2021, the Executive Committee decided to lift the measures.',
    quote: 'In June 2021, the Executive Committee decided to lift these measures',
    status: 'approved',
    verdict: 'true',
    rationale: 'INTERPOL’s own statement confirms the decision.',
    checkworthiness: 0.91,
    dates: [{ text: 'June 2021', value: '2021-06' }],
    attribution: { source: 'INTERPOL Executive Committee', verb: 'decided' },
    article: {
      id: 3,
      title: 'Syria seeks deeper INTERPOL cooperation',
      url: 'https://news.example.com/syria-interpol',
      publisher: 'Example News',
      author: 'A. Writer',
      publishedAt: '2025-11-20',
    },
    verdictBy: 'Rita Reviewer',
    approvedBy: 'Eddie Editor',
    approvedAt: '2025-11-22T09:30:00.000Z',
    publishedAt: null,
    updatedAt: '2025-11-22T09:30:00.000Z',
    corrections: [],
    evidence: [
      {
        stance: 'supports',
        excerpt: 'The Executive Committee decided in June 2021 to lift the corrective measures.',
        note: '',
        source: {
          url: 'https://www.interpol.example/news/2021',
          title: 'Executive Committee decision',
          publisher: 'INTERPOL',
          publishedAt: '2021-06-30',
          archivedUrl: 'https://archive.example/abc',
          snapshot: { fetchedAt: '2025-11-21T08:00:00.000Z', sha256: 'a'.repeat(64) },
        },
      },
    ],
    ...overrides,
  }
}

const collect = (chunks: Iterable<string>) => [...chunks].join('')

describe('ClaimReview export', () => {
  test('maps every field of a claim to schema.org ClaimReview', () => {
    const review = toClaimReview({ ...claim(), verdict: 'true' }, context)
    expect(review['@context']).toBe('https://schema.org')
    expect(review['@type']).toBe('ClaimReview')
    expect(review.url).toBe('https://claimdesk.example.org/claims/7')
    expect(review.claimReviewed).toBe('In June 2021, the Executive Committee decided to lift the measures.')
    expect(review.datePublished).toBe('2025-11-22')
    expect(review.author).toEqual({ '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org' })
    expect(review.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'True' })
    expect(review.itemReviewed['@type']).toBe('Claim')
    expect(review.itemReviewed.appearance).toEqual([
      {
        '@type': 'CreativeWork',
        url: 'https://news.example.com/syria-interpol',
        headline: 'Syria seeks deeper INTERPOL cooperation',
        publisher: { '@type': 'Organization', name: 'Example News' },
      },
    ])
    expect(review.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'INTERPOL Executive Committee' })
    expect(review.itemReviewed.datePublished).toBe('2025-11-20')
  })

  test('rates each verdict from 5 down to 1', () => {
    const values = (['true', 'mostly_true', 'misleading', 'false', 'unverifiable'] as const).map(
      (verdict) => toClaimReview({ ...claim(), verdict }, context).reviewRating,
    )
    expect(values.map((v) => v.ratingValue)).toEqual([5, 4, 3, 2, 1])
    expect(values.map((v) => v.alternateName)).toEqual(['True', 'Mostly true', 'Misleading', 'False', 'Unverifiable'])
  })

  test('a person as claimant, no article URL, and claims without a verdict left out', () => {
    const out = JSON.parse(
      collect(
        formatExport(
          'claimreview',
          [
            claim({ id: 1, attribution: { source: 'Helen Ortiz', verb: 'said' }, article: { ...claim().article, url: null } }),
            claim({ id: 2, verdict: null }),
          ],
          context,
        ),
      ),
    )
    expect(out).toHaveLength(1)
    expect(out[0].itemReviewed.author).toEqual({ '@type': 'Person', name: 'Helen Ortiz' })
    expect(out[0].itemReviewed.appearance[0].url).toBeUndefined()
    expect(ClaimReviewSchema.safeParse(out[0]).success).toBe(true)
  })

  test('an invalid review is refused, not emitted', () => {
    expect(() => toClaimReview({ ...claim({ text: '' }), verdict: 'false' }, context)).toThrow(InvalidClaimReviewError)
  })

  test('an article URL or date that is not valid is left out; a claim that cannot be reviewed is skipped, and the export goes on', () => {
    const badArticle = { ...claim().article, url: 'https://exa mple.com/x', publishedAt: '+099999-12' }
    const text = collect(
      formatExport(
        'claimreview',
        [claim({ id: 1, article: badArticle }), claim({ id: 2, text: '' }), claim({ id: 3 })],
        context,
      ),
    )
    const out = JSON.parse(text) as unknown[]
    expect(out).toHaveLength(2)
    for (const review of out) expect(ClaimReviewSchema.safeParse(review).success).toBe(true)
    const first = out[0] as { url: string; itemReviewed: { appearance: { url?: string }[]; datePublished?: string } }
    expect(first.url).toBe('https://claimdesk.example.org/claims/1')
    expect(first.itemReviewed.appearance[0]!.url).toBeUndefined()
    expect(first.itemReviewed.datePublished).toBeUndefined()
  })

  test('JSON-LD never contains a raw < (a pasted </script> cannot close the script element)', () => {
    const text = collect(formatExport('claimreview', [claim({ text: 'He wrote </script><script>alert(1)</script> on <b>Monday</b>' })], context))
    expect(text).not.toContain('<')
    expect(text).toContain('\\u003c/script>')
    expect((JSON.parse(text) as { claimReviewed: string }[])[0]!.claimReviewed).toBe('He wrote </script><script>alert(1)</script> on <b>Monday</b>')
  })
})

describe('CSV export', () => {
  test('round-trips commas, quotes, newlines and non-Latin text', () => {
    const tricky = claim({
      id: 11,
      text: 'He said "no", then, later:\nyes — 東京, العربية, Ελληνικά 🎉',
      rationale: 'Line one\r\nLine two, with "quotes"',
    })
    const csv = collect(formatExport('csv', [tricky, claim({ id: 12, verdict: null })], context))
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = parse(csv, { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(2)
    expect(rows[0]!.claim).toBe(tricky.text)
    expect(rows[0]!.rationale).toBe(tricky.rationale)
    expect(rows[0]!.verdict).toBe('True')
    expect(rows[0]!.rating_value).toBe('5')
    expect(rows[0]!.dates).toBe('2021-06')
    expect(rows[0]!.sources).toBe('supports: https://www.interpol.example/news/2021')
    expect(rows[0]!.source_snapshot_times).toBe('2025-11-21T08:00:00.000Z')
    expect(rows[0]!.source_snapshot_sha256).toBe('a'.repeat(64))
    expect(rows[1]!.verdict).toBe('')
  })

  test('the Excel option adds a BOM and neutralises formulas', () => {
    const csv = collect(formatExport('csv', [claim({ text: '=HYPERLINK("http://x")' })], context, { excel: true }))
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[]
    expect(rows[0]!.claim).toBe('\'=HYPERLINK("http://x")')
  })
})

describe('CSV rows survive line breaks of every kind', () => {
  // Readers that take any line end as the end of a row (Excel, many scripts) are what the export
  // must survive, so the parser here does too.
  const readCsv = (csv: string) =>
    parse(csv.replace(/^\uFEFF/, ''), { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true }) as string[][]

  test.each([
    ['a lone LF', 'First paragraph ends here\nSecond one starts'],
    ['a lone CR', 'First paragraph ends here\rSecond one starts'],
    ['CRLF', 'First paragraph ends here\r\nSecond one starts'],
    ['all three', 'one\ntwo\rthree\r\nfour'],
  ])('%s in the claim, quote, rationale and title: every row keeps all its fields', (_label, text) => {
    for (const excel of [false, true]) {
      const claims = [
        claim({ id: 1, text, quote: text, rationale: text, article: { ...claim().article, title: text } }),
        claim({ id: 2 }),
      ]
      const rows = readCsv(collect(formatExport('csv', claims, context, { excel })))
      expect(rows.map((r) => r.length)).toEqual([CSV_COLUMNS.length, CSV_COLUMNS.length, CSV_COLUMNS.length])
      const [header, first] = rows
      const cell = (name: string) => first![header!.indexOf(name)]
      expect(cell('claim')).toBe(text)
      expect(cell('quote')).toBe(text)
      expect(cell('rationale')).toBe(text)
      expect(cell('article_title')).toBe(text)
      expect(rows[2]![0]).toBe('2')
    }
  })

  test('the Excel variant leaves no cell that starts a formula, in any column', () => {
    const formula = '=HYPERLINK("http://evil.example","x")'
    const claims = [
      claim({
        id: 1,
        text: `Spending rose\n${formula}`,
        quote: `+${formula}`,
        rationale: `-1+1\r${formula}`,
        attribution: { source: '@SUM(1,1)', verb: 'said' },
        article: { ...claim().article, title: formula, publisher: '\tcmd', author: '\uFF1D1+1', url: null },
        verdictBy: '=1+1',
        approvedBy: '\r=1',
      }),
    ]
    const rows = readCsv(collect(formatExport('csv', claims, context, { excel: true })))
    expect(rows).toHaveLength(2)
    for (const cell of rows[1]!) expect(cell, cell).not.toMatch(/^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/)
    const header = rows[0]!
    expect(rows[1]![header.indexOf('claim')]).toBe(`Spending rose\n${formula}`)
    expect(rows[1]![header.indexOf('article_title')]).toBe(`'${formula}`)
    expect(rows[1]![header.indexOf('claimant')]).toBe("'@SUM(1,1)")
  })
})

describe('JSON and Markdown exports', () => {
  test('JSON parses and keeps every claim', () => {
    const out = JSON.parse(collect(formatExport('json', [claim({ id: 1 }), claim({ id: 2 })], context)))
    expect(out.claims.map((c: { id: number }) => c.id)).toEqual([1, 2])
    expect(out.claims[0].verdictLabel).toBe('True')
    expect(out.generatedAt).toBe(context.generatedAt)
    expect(JSON.parse(collect(formatExport('json', [], context))).claims).toEqual([])
    expect(out.claims[0].evidence[0].source.snapshot).toEqual({ fetchedAt: '2025-11-21T08:00:00.000Z', sha256: 'a'.repeat(64) })
  })

  test('Markdown groups claims by article with sources as links and escapes formatting', () => {
    const other = { ...claim().article, id: 4, title: 'Second *article*', url: null }
    const md = collect(
      formatExport('md', [claim({ id: 1 }), claim({ id: 2, verdict: 'false', text: 'A [link](x) claim' }), claim({ id: 3, article: other })], context),
    )
    expect(md.match(/^## /gm)).toHaveLength(2)
    expect(md).toContain('## [Syria seeks deeper INTERPOL cooperation](<https://news.example.com/syria-interpol>)')
    expect(md).toContain('## Second \\*article\\*')
    expect(md).toContain('- **False** — A \\[link\\]\\(x\\) claim')
    expect(md).toContain('Supports: [Executive Committee decision](<https://www.interpol.example/news/2021>) ([archived](<https://archive.example/abc>))')
  })
})

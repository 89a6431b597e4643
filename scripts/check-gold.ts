/**
 * Checks the hand-annotated gold claims in tests/gold/claims.jsonl against the articles they
 * annotate (read at run time from ../shared, never copied): every article exists, every quote is
 * the article's text at its offsets, every date value is a TimeML ISO 8601 value, no text is
 * empty. Prints the counts per split; exits 1 on any error.
 *   npx tsx scripts/check-gold.ts [gold.jsonl]
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SHARED = path.resolve(ROOT, '..', 'shared')
const MEANTIME_FILE = path.join(SHARED, 'eval', 'meantime', 'dev.jsonl')
const FIXTURE_DIR = path.join(SHARED, 'fixtures', 'articles')

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').refine(isRealDay, 'is not a calendar day')

function isRealDay(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

/** Calendar values as TimeML writes them, at the precision stated: century, decade, year, month,
 * day, ISO week (optionally its weekend), quarter, half, season. */
const TIMEML_VALUE =
  /^(\d{2}|\d{3}|\d{4}|\d{4}-(0[1-9]|1[0-2])|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])|\d{4}-W(0[1-9]|[1-4]\d|5[0-3])(-WE)?|\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-(SP|SU|FA|WI))$/

const nonEmpty = z.string().refine((s) => s.trim().length > 0, 'must not be empty')

const GoldDate = z.object({
  text: nonEmpty,
  value: z
    .string()
    .regex(TIMEML_VALUE, 'must be a TimeML ISO value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn, YYYY-Hn, YYYY-SU, YYY, YY)')
    .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isRealDay(v), 'is not a calendar day'),
})

const GoldClaim = z
  .object({
    text: nonEmpty,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    quote: nonEmpty,
    dates: z.array(GoldDate),
  })
  .refine((c) => c.start < c.end, { message: 'start must be before end', path: ['start'] })

const GoldRow = z.object({
  doc: z.string().regex(/^(meantime|fixture):\S+$/, 'must be "meantime:<doc_id>" or "fixture:<file name>"'),
  split: z.enum(['dev', 'holdout', 'holdout2', 'holdout3']),
  dct: isoDay.nullable(),
  claims: z.array(GoldClaim).min(1, 'must list at least one claim'),
})

// The corpus's own dct is not always ISO (one row reads "03-02-2009"); it is compared only when it is.
const MeantimeRow = z.object({ doc_id: z.string(), dct: z.string(), text: z.string() })

type Article = { text: string; dct: string | null; bodyStart: number }

function meantimeArticles(): Map<string, Article> {
  const articles = new Map<string, Article>()
  fs.readFileSync(MEANTIME_FILE, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return
      const parsed = MeantimeRow.safeParse(JSON.parse(line))
      if (!parsed.success) throw new Error(`${MEANTIME_FILE}:${i + 1}: ${z.prettifyError(parsed.error)}`)
      const { doc_id, dct, text } = parsed.data
      // The headline and the dateline are the first two lines; claims come from the body.
      const firstBreak = text.indexOf('\n')
      const secondBreak = firstBreak < 0 ? -1 : text.indexOf('\n', firstBreak + 1)
      articles.set(`meantime:${doc_id}`, { text, dct, bodyStart: secondBreak < 0 ? 0 : secondBreak + 1 })
    })
  return articles
}

function fixtureArticle(name: string): Article | undefined {
  if (name.includes('/') || name.includes('\\')) return undefined
  const file = path.join(FIXTURE_DIR, name)
  if (!fs.existsSync(file)) return undefined
  return { text: fs.readFileSync(file, 'utf8'), dct: null, bodyStart: 0 }
}

function main() {
  const args = z.array(z.string()).max(1, 'takes at most one argument: the gold file').safeParse(process.argv.slice(2))
  if (!args.success) {
    console.error(`check-gold: ${z.prettifyError(args.error)}`)
    process.exit(2)
  }
  const goldFile = path.resolve(args.data[0] ?? path.join(ROOT, 'tests', 'gold', 'claims.jsonl'))
  const meantime = meantimeArticles()
  const errors: string[] = []
  const warnings: string[] = []
  const seen = new Set<string>()
  const counts = new Map<string, { articles: number; claims: number; dates: number }>()

  fs.readFileSync(goldFile, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return
      const at = `${path.relative(process.cwd(), goldFile)}:${i + 1}`
      let json: unknown
      try {
        json = JSON.parse(line)
      } catch (e) {
        errors.push(`${at}: not JSON (${(e as Error).message})`)
        return
      }
      const parsed = GoldRow.safeParse(json)
      if (!parsed.success) {
        errors.push(`${at}: ${z.prettifyError(parsed.error).replace(/\n/g, '\n    ')}`)
        return
      }
      const row = parsed.data
      const where = `${at} (${row.doc})`
      if (seen.has(row.doc)) errors.push(`${where}: the article has more than one line`)
      seen.add(row.doc)

      const [kind, name] = [row.doc.slice(0, row.doc.indexOf(':')), row.doc.slice(row.doc.indexOf(':') + 1)]
      const article = kind === 'meantime' ? meantime.get(row.doc) : fixtureArticle(name)
      if (!article) {
        errors.push(`${where}: no such article in ${kind === 'meantime' ? MEANTIME_FILE : FIXTURE_DIR}`)
        return
      }
      if (kind === 'meantime' && isoDay.safeParse(article.dct).success && row.dct !== article.dct) errors.push(`${where}: dct ${row.dct} but the article's is ${article.dct}`)

      let previousStart = -1
      row.claims.forEach((claim, k) => {
        const c = `${where} claim ${k + 1}`
        if (claim.end > article.text.length) errors.push(`${c}: end ${claim.end} is past the article's end (${article.text.length})`)
        const actual = article.text.slice(claim.start, claim.end)
        if (actual !== claim.quote) errors.push(`${c}: quote differs from the text at [${claim.start}, ${claim.end}): ${JSON.stringify(actual)}`)
        if (claim.start < article.bodyStart) errors.push(`${c}: starts in the headline or dateline`)
        if (claim.start < previousStart) warnings.push(`${c}: not in reading order`)
        previousStart = claim.start
        for (const d of claim.dates) {
          if (!claim.quote.includes(d.text) && !claim.text.includes(d.text)) {
            errors.push(`${c}: date words ${JSON.stringify(d.text)} are in neither its quote nor its text`)
          }
        }
      })

      const count = counts.get(row.split) ?? { articles: 0, claims: 0, dates: 0 }
      count.articles += 1
      count.claims += row.claims.length
      count.dates += row.claims.reduce((n, c) => n + c.dates.length, 0)
      counts.set(row.split, count)
    })

  for (const [split, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${split.padEnd(8)} ${String(n.articles).padStart(3)} articles  ${String(n.claims).padStart(4)} claims  ${String(n.dates).padStart(4)} dates`)
  }
  for (const w of warnings) console.warn(`warning: ${w}`)
  for (const e of errors) console.error(`error: ${e}`)
  if (errors.length > 0) {
    console.error(`${errors.length} error(s) in ${goldFile}`)
    process.exit(1)
  }
  console.log(`${path.relative(process.cwd(), goldFile)}: ok`)
}

main()

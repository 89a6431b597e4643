import { createHash } from 'node:crypto'
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb, writeTransaction } from '../../db/client.server'
import { articles, claimEvents, claims } from '../../db/schema'
import { effectOfArticleCorrection, type ClaimStatus } from '../workflow'
import { extract, type ExtractionResult } from '../extraction'
import { reanchorClaims } from '../anchoring/reanchor'
import { textQuoteFor } from '../anchoring/text-quote'
import { matchClaims } from './claim-match.server'

export type NewArticle = {
  title: string
  body: string
  url?: string | null
  publisher?: string | null
  author?: string | null
  publishedAt?: string | null
  language?: string
  importedById?: number | null
}

const statementCache = new WeakMap<object, ReturnType<typeof prepareImportStatements>>()

function prepareImportStatements(db: ReturnType<typeof getDb>) {
  return {
    claim: db.$client.prepare(
      `insert into claims (article_id, text, anchor_start, anchor_end, quote_exact, quote_prefix, quote_suffix, checkworthiness, reasons, facets, created_by_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: db.$client.prepare("insert into claim_events (claim_id, actor_id, kind, to_value) values (?, ?, 'created', 'extracted')"),
    byHash: db
      .select()
      .from(articles)
      .where(eq(articles.contentHash, sql.placeholder('contentHash')))
      .prepare(),
  }
}

function importStatements(db: ReturnType<typeof getDb>) {
  let cached = statementCache.get(db.$client)
  if (!cached) {
    cached = prepareImportStatements(db)
    statementCache.set(db.$client, cached)
  }
  return cached
}

/** Identical content (ignoring whitespace differences) hashes the same, so re-imports are recognised. */
export function contentHashOf(body: string) {
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim()).digest('hex')
}

export function getArticleByHash({ contentHash }: { contentHash: string }) {
  return importStatements(getDb()).byHash.get({ contentHash })
}

/**
 * Stores an article and the candidate claims extraction finds in it, in one transaction.
 * Importing content that is already stored returns the existing article instead of a copy.
 * A bulk import may pass the extraction of `input.body`, computed elsewhere (another thread), and
 * may defer matching: it then calls `matchClaims` with the returned `claimIds` itself, once for
 * many articles (full-text queries between inserts are what make matching slow); and may pass
 * the body's `contentHashOf` when it has computed it already.
 */
export function importArticle(
  input: NewArticle,
  options: { extraction?: ExtractionResult; deferMatching?: boolean; contentHash?: string } = {},
): { article: typeof articles.$inferSelect; created: boolean; claimIds: number[] } {
  const db = getDb()
  const contentHash = options.contentHash ?? contentHashOf(input.body)
  const existing = getArticleByHash({ contentHash })
  if (existing) return { article: existing, created: false, claimIds: [] }
  const extraction = options.extraction ?? extract(input.body, { published: input.publishedAt ?? undefined })
  const statements = importStatements(db)
  const stored = writeTransaction((tx) => {
    // The same text may have been stored by another request while this one extracted.
    const raced = statements.byHash.get({ contentHash })
    if (raced) return { article: raced, created: false, claimIds: [] as number[] }
    const article = tx
      .insert(articles)
      .values({
        title: input.title,
        body: input.body,
        url: input.url ?? null,
        publisher: input.publisher ?? null,
        author: input.author ?? null,
        publishedAt: input.publishedAt ?? null,
        language: input.language ?? 'en',
        contentHash,
        importedById: input.importedById ?? null,
      })
      .returning()
      .get()
    // Claims are written with prepared statements: an article brings dozens, and this is the
    // hot path of bulk imports.
    const claimIds = extraction.claims.map((c) => {
      const quote = textQuoteFor(input.body, c.start, c.end)
      const facets = {
        dates: c.dates,
        numbers: c.numbers,
        entities: c.entities,
        quotes: c.quotes,
        attribution: c.attribution,
        propositions: c.propositions,
        context: c.context,
        types: c.types,
      }
      const id = Number(
        statements.claim.run(
          article.id,
          c.text,
          c.start,
          c.end,
          quote.exact,
          quote.prefix,
          quote.suffix,
          c.checkworthiness,
          JSON.stringify(c.reasons),
          JSON.stringify(facets),
          input.importedById ?? null,
        ).lastInsertRowid,
      )
      statements.event.run(id, input.importedById ?? null)
      return id
    })
    return { article, created: true, claimIds }
  })
  if (!options.deferMatching) matchClaims({ claimIds: stored.claimIds })
  return stored
}

export function getArticle({ id }: { id: number }) {
  return getDb()
    .select()
    .from(articles)
    .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
    .get()
}

export type ArticleSummary = {
  id: number
  title: string
  publisher: string | null
  publishedAt: string | null
  createdAt: Date
  claimCount: number
  counts: Partial<Record<ClaimStatus, number>>
}

export function listArticles({ limit = 100 }: { limit?: number } = {}): ArticleSummary[] {
  const db = getDb()
  const rows = db
    .select({
      id: articles.id,
      title: articles.title,
      publisher: articles.publisher,
      publishedAt: articles.publishedAt,
      createdAt: articles.createdAt,
    })
    .from(articles)
    .where(isNull(articles.deletedAt))
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(limit)
    .all()
  if (rows.length === 0) return []
  const counts = db
    .select({ articleId: claims.articleId, status: claims.status, n: sql<number>`count(*)` })
    .from(claims)
    .where(
      and(
        isNull(claims.deletedAt),
        sql`${claims.articleId} in (${sql.join(
          rows.map((r) => sql`${r.id}`),
          sql`, `,
        )})`,
      ),
    )
    .groupBy(claims.articleId, claims.status)
    .all()
  return rows.map((r) => {
    const mine = counts.filter((c) => c.articleId === r.id)
    return {
      ...r,
      claimCount: mine.reduce((sum, c) => sum + c.n, 0),
      counts: Object.fromEntries(mine.map((c) => [c.status, c.n])),
    }
  })
}

export function countArticles() {
  return getDb().select({ n: count() }).from(articles).get()?.n ?? 0
}

export function listArticleClaims({ articleId }: { articleId: number }) {
  return getDb()
    .select()
    .from(claims)
    .where(and(eq(claims.articleId, articleId), isNull(claims.deletedAt)))
    .orderBy(claims.anchorStart, claims.id)
    .all()
}

/** Claims of an article whose span starts in [from, to), in reading order, and how many come before. */
export function listArticleClaimsInRange({ articleId, from, to }: { articleId: number; from: number; to: number }) {
  const db = getDb()
  const where = and(eq(claims.articleId, articleId), isNull(claims.deletedAt), eq(claims.orphaned, false))
  const rows = db
    .select()
    .from(claims)
    .where(and(where, sql`${claims.anchorStart} >= ${from}`, sql`${claims.anchorStart} < ${to}`))
    .orderBy(claims.anchorStart, claims.id)
    .all()
  const before = db.select({ n: count() }).from(claims).where(and(where, sql`${claims.anchorStart} < ${from}`)).get()?.n ?? 0
  return { rows, before }
}

/** An article's orphaned claims (not placed in its text). */
export function listOrphanedClaims({ articleId }: { articleId: number }) {
  return getDb()
    .select()
    .from(claims)
    .where(and(eq(claims.articleId, articleId), isNull(claims.deletedAt), eq(claims.orphaned, true)))
    .orderBy(claims.id)
    .all()
}

export type ArticleCorrection = {
  id: number
  actorId: number | null
  title: string
  body: string
  url?: string | null
  publisher?: string | null
  author?: string | null
  publishedAt?: string | null
}

const ANCHOR_NOTES: Record<'unchanged' | 'exact' | 'normalized' | 'fuzzy', string> = {
  unchanged: '',
  exact: '',
  normalized: 'the quoted words differ only in Unicode normalisation',
  fuzzy: 'the quoted words changed slightly',
}

export type CorrectionResult =
  | { ok: true; moved: number; orphaned: number; unchanged: number; reopened: number }
  | { ok: false; reason: 'not_found' | 'duplicate'; existingId?: number }

/**
 * Saves a corrected article and re-anchors every claim from its TextQuote selector in the same
 * transaction. Claims that cannot be placed are marked orphaned (never deleted); every move is
 * recorded in the claim's history. What the correction does to an approved claim is the workflow
 * rule `effectOfArticleCorrection`: one whose exported content changes is reopened, with the cause
 * in its history.
 */
export function correctArticle(input: ArticleCorrection): CorrectionResult {
  return writeTransaction((tx) => {
    const article = tx
      .select()
      .from(articles)
      .where(and(eq(articles.id, input.id), isNull(articles.deletedAt)))
      .get()
    if (!article) return { ok: false, reason: 'not_found' } as const
    const contentHash = contentHashOf(input.body)
    const clash = tx.select({ id: articles.id }).from(articles).where(eq(articles.contentHash, contentHash)).get()
    if (clash && clash.id !== article.id) return { ok: false, reason: 'duplicate', existingId: clash.id } as const
    const details = {
      title: input.title,
      url: input.url ?? null,
      publisher: input.publisher ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ?? null,
    }
    const changedDetails = (Object.keys(details) as (keyof typeof details)[]).filter((k) => details[k] !== article[k])
    tx.update(articles)
      .set({ ...details, body: input.body, contentHash, updatedAt: new Date() })
      .where(eq(articles.id, article.id))
      .run()
    const bodyChanged = article.body !== input.body
    if (!bodyChanged && changedDetails.length === 0) return { ok: true, moved: 0, orphaned: 0, unchanged: 0, reopened: 0 } as const
    const rows = tx
      .select()
      .from(claims)
      .where(and(eq(claims.articleId, article.id), isNull(claims.deletedAt)))
      .all()
    const placed = new Map(
      (bodyChanged
        ? reanchorClaims(
            article.body,
            input.body,
            // Orphans are tried again: a later correction may restore their words.
            rows.map((c) => ({
              id: c.id,
              start: c.anchorStart,
              end: c.anchorEnd,
              quote: { exact: c.quoteExact, prefix: c.quotePrefix, suffix: c.quoteSuffix },
            })),
          )
        : []
      ).map((r) => [r.id, r]),
    )
    let moved = 0
    let orphaned = 0
    let unchanged = 0
    let reopened = 0
    for (const claim of rows) {
      const r = placed.get(claim.id)
      const set: Partial<typeof claims.$inferInsert> = {}
      const events: (typeof claimEvents.$inferInsert)[] = []
      let newQuote: string | null = claim.quoteExact
      if (r && 'orphaned' in r) {
        orphaned++
        newQuote = null
        if (!claim.orphaned) {
          set.orphaned = true
          events.push({ claimId: claim.id, actorId: input.actorId, kind: 'orphaned', fromValue: `${claim.anchorStart}-${claim.anchorEnd}`, note: 'not found in the corrected text' })
        }
      } else if (r) {
        const quote = textQuoteFor(input.body, r.start, r.end)
        newQuote = quote.exact
        Object.assign(set, { anchorStart: r.start, anchorEnd: r.end, quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix })
        if (claim.orphaned) set.orphaned = false
        if (!claim.orphaned && r.start === claim.anchorStart && r.end === claim.anchorEnd && quote.exact === claim.quoteExact) unchanged++
        else {
          moved++
          events.push({
            claimId: claim.id,
            actorId: input.actorId,
            kind: 'anchor',
            fromValue: claim.orphaned ? 'orphaned' : `${claim.anchorStart}-${claim.anchorEnd}`,
            toValue: `${r.start}-${r.end}`,
            note: [claim.orphaned ? 'placed again: its words are back in the text' : '', ANCHOR_NOTES[r.how]].filter(Boolean).join('; '),
          })
        }
      }
      const effect = effectOfArticleCorrection({ status: claim.status, oldQuote: claim.quoteExact, newQuote, changedDetails })
      if (effect.action === 'reopen') {
        reopened++
        Object.assign(set, { status: 'reviewed', approvedById: null, approvedAt: null })
        events.push({ claimId: claim.id, actorId: input.actorId, kind: 'status', fromValue: claim.status, toValue: 'reviewed', note: effect.cause })
      }
      if (events.length) Object.assign(set, { version: claim.version + 1, updatedAt: new Date() })
      if (Object.keys(set).length) tx.update(claims).set(set).where(eq(claims.id, claim.id)).run()
      for (const event of events) tx.insert(claimEvents).values(event).run()
    }
    return { ok: true, moved, orphaned, unchanged, reopened } as const
  })
}

/** Ids and titles of the most recent articles, for filter menus. */
export function listArticleTitles({ limit = 200 }: { limit?: number } = {}) {
  return getDb()
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(isNull(articles.deletedAt))
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(limit)
    .all()
}

/** Ids and titles of the given articles. */
export function listArticleTitlesById({ ids }: { ids: number[] }) {
  if (!ids.length) return []
  return getDb()
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(and(inArray(articles.id, ids), isNull(articles.deletedAt)))
    .all()
}

import { and, eq, inArray, isNull } from 'drizzle-orm'
import { getDb, writeTransaction, type Tx } from '../../db/client.server'
import { articles, claimEvents, claims } from '../../db/schema'
import { textQuoteFor } from '../anchoring/text-quote'
import { extract, scoreCheckworthiness } from '../extraction'
import { decideClaimWork } from '../workflow'

export type EditResult = { ok: true; ids: number[] } | { ok: false; reason: 'not_found' | 'stale' | 'locked' | 'invalid'; message: string }

function facetsFor(body: string, start: number, end: number, publishedAt: string | null) {
  // Facets of a hand-made span: extraction over the span's own text, shifted into the body.
  const text = body.slice(start, end)
  const r = extract(text, { published: publishedAt ?? undefined })
  const shift = <T extends { start: number; end: number }>(xs: T[]) => xs.map((x) => ({ ...x, start: x.start + start, end: x.end + start }))
  const all = r.claims
  return {
    dates: shift(all.flatMap((c) => c.dates)),
    numbers: shift(all.flatMap((c) => c.numbers)),
    entities: shift(all.flatMap((c) => c.entities)),
    quotes: shift(all.flatMap((c) => c.quotes)),
    attribution: all.find((c) => c.attribution)?.attribution ?? null,
    propositions: all.flatMap((c) => c.propositions).map((p) => ({ text: p.text, parts: shift(p.parts) })),
    types: [...new Set(all.flatMap((c) => c.types))],
  }
}

function insertClaim(tx: Tx, input: { articleId: number; body: string; publishedAt: string | null; start: number; end: number; text: string; actorId: number | null; origin: string }) {
  const quote = textQuoteFor(input.body, input.start, input.end)
  const scored = scoreCheckworthiness(input.text)
  const row = tx
    .insert(claims)
    .values({
      articleId: input.articleId,
      text: input.text,
      anchorStart: input.start,
      anchorEnd: input.end,
      quoteExact: quote.exact,
      quotePrefix: quote.prefix,
      quoteSuffix: quote.suffix,
      checkworthiness: scored.score,
      reasons: scored.reasons,
      facets: facetsFor(input.body, input.start, input.end, input.publishedAt),
      createdById: input.actorId,
    })
    .returning({ id: claims.id })
    .get()
  tx.insert(claimEvents).values({ claimId: row.id, actorId: input.actorId, kind: 'created', toValue: input.origin }).run()
  return row.id
}

function loadForEdit(tx: Tx, id: number, version: number) {
  const claim = tx.select().from(claims).where(and(eq(claims.id, id), isNull(claims.deletedAt))).get()
  if (!claim) return { error: { ok: false, reason: 'not_found', message: 'That claim no longer exists.' } as const }
  if (claim.version !== version) return { error: { ok: false, reason: 'stale', message: 'Someone changed this claim in the meantime; reload and try again.' } as const }
  const work = decideClaimWork(claim, 'it is split or merged')
  if (!work.ok) return { error: { ok: false, reason: 'locked', message: work.message } as const }
  return { claim }
}

/**
 * Splits a claim `at` characters into its span into two claims with the given texts. The
 * original is soft-deleted; every step is in the claims' histories. One transaction.
 */
export function splitClaim({ id, version, at, texts, actorId }: { id: number; version: number; at: number; texts: [string, string]; actorId: number | null }): EditResult {
  return writeTransaction((tx) => {
    const loaded = loadForEdit(tx, id, version)
    if (loaded.error) return loaded.error
    const claim = loaded.claim
    if (claim.orphaned) return { ok: false, reason: 'invalid', message: 'Place an orphaned claim again before splitting it.' } as const
    if (at <= 0 || at >= claim.anchorEnd - claim.anchorStart) {
      return { ok: false, reason: 'invalid', message: `The split point must fall inside the claim (between 1 and ${claim.anchorEnd - claim.anchorStart - 1}).` } as const
    }
    const cut = claim.anchorStart + at
    const article = tx.select().from(articles).where(eq(articles.id, claim.articleId)).get()!
    const trim = (s: number, e: number) => {
      while (s < e && /\s/.test(article.body[s]!)) s++
      while (e > s && /\s/.test(article.body[e - 1]!)) e--
      return [s, e] as const
    }
    const [s1, e1] = trim(claim.anchorStart, cut)
    const [s2, e2] = trim(cut, claim.anchorEnd)
    const base = { articleId: claim.articleId, body: article.body, publishedAt: article.publishedAt, actorId, origin: `split from #${claim.id}` }
    const a = insertClaim(tx, { ...base, start: s1, end: e1, text: texts[0] })
    const b = insertClaim(tx, { ...base, start: s2, end: e2, text: texts[1] })
    tx.update(claims).set({ deletedAt: new Date(), version: claim.version + 1 }).where(eq(claims.id, claim.id)).run()
    tx.insert(claimEvents).values({ claimId: claim.id, actorId, kind: 'split', toValue: `#${a}, #${b}` }).run()
    return { ok: true, ids: [a, b] } as const
  })
}

/** Merges two claims of one article into one spanning both; the originals are soft-deleted. */
export function mergeClaims({ first, second, text, actorId }: { first: { id: number; version: number }; second: { id: number; version: number }; text?: string; actorId: number | null }): EditResult {
  return writeTransaction((tx) => {
    if (first.id === second.id) return { ok: false, reason: 'invalid', message: 'Choose two different claims to merge.' } as const
    const a = loadForEdit(tx, first.id, first.version)
    if (a.error) return a.error
    const b = loadForEdit(tx, second.id, second.version)
    if (b.error) return b.error
    if (a.claim.articleId !== b.claim.articleId) return { ok: false, reason: 'invalid', message: 'Only claims of the same article can be merged.' } as const
    if (a.claim.orphaned || b.claim.orphaned) return { ok: false, reason: 'invalid', message: 'Place orphaned claims again before merging them.' } as const
    const [x, y] = a.claim.anchorStart <= b.claim.anchorStart ? [a.claim, b.claim] : [b.claim, a.claim]
    const article = tx.select().from(articles).where(eq(articles.id, x.articleId)).get()!
    const merged = text?.trim() || `${x.text.replace(/[.\s]+$/, '')}; ${y.text.charAt(0).toLowerCase()}${y.text.slice(1)}`
    const id = insertClaim(tx, {
      articleId: x.articleId,
      body: article.body,
      publishedAt: article.publishedAt,
      start: Math.min(x.anchorStart, y.anchorStart),
      end: Math.max(x.anchorEnd, y.anchorEnd),
      text: merged,
      actorId,
      origin: `merged from #${x.id} and #${y.id}`,
    })
    for (const c of [x, y]) {
      tx.update(claims).set({ deletedAt: new Date(), version: c.version + 1 }).where(eq(claims.id, c.id)).run()
      tx.insert(claimEvents).values({ claimId: c.id, actorId, kind: 'merged', toValue: `#${id}` }).run()
    }
    return { ok: true, ids: [id] } as const
  })
}

/**
 * Adds a claim for a span of the article: either the offsets (from a text selection) or the exact
 * quote pasted by the reviewer (its `occurrence`-th appearance, 1-based).
 */
export function addClaim({
  articleId,
  actorId,
  text,
  quote,
  occurrence = 1,
  start,
  end,
}: {
  articleId: number
  actorId: number | null
  text?: string
  quote?: string
  occurrence?: number
  start?: number
  end?: number
}): EditResult {
  return writeTransaction((tx) => {
    const article = tx.select().from(articles).where(and(eq(articles.id, articleId), isNull(articles.deletedAt))).get()
    if (!article) return { ok: false, reason: 'not_found', message: 'That article no longer exists.' } as const
    let s = start
    let e = end
    if (s === undefined || e === undefined) {
      const exact = (quote ?? '').trim()
      if (!exact) return { ok: false, reason: 'invalid', message: 'Paste the exact words of the claim from the article.' } as const
      let at = -1
      for (let n = 0; n < occurrence; n++) {
        at = article.body.indexOf(exact, at + 1)
        if (at === -1) break
      }
      if (at === -1) {
        return { ok: false, reason: 'invalid', message: 'Those exact words are not in the article. Copy them from the article text, including punctuation.' } as const
      }
      s = at
      e = at + exact.length
    }
    if (s < 0 || e > article.body.length || e - s < 3) return { ok: false, reason: 'invalid', message: 'The selection is outside the article text or too short.' } as const
    const span = article.body.slice(s, e).trim()
    const id = insertClaim(tx, {
      articleId,
      body: article.body,
      publishedAt: article.publishedAt,
      start: s,
      end: e,
      text: text?.trim() || span.replace(/\s+/g, ' '),
      actorId,
      origin: 'manual',
    })
    return { ok: true, ids: [id] } as const
  })
}

/** The current versions of several claims, to check what a bulk form was based on. */
export function getClaimVersions({ ids }: { ids: number[] }) {
  if (!ids.length) return new Map<number, number>()
  const rows = getDb().select({ id: claims.id, version: claims.version }).from(claims).where(inArray(claims.id, ids)).all()
  return new Map(rows.map((r) => [r.id, r.version]))
}

import { createHash } from 'node:crypto'
import type { DB } from '../../db/client.server'
import { CLAIM_STATUSES, STANCES, VERDICTS } from '../../app/workflow'

const SUBJECTS = ['The council', 'The ministry', 'Police', 'The company', 'The central bank', 'Researchers', 'The mayor', 'The agency']
const VERBS = ['approved', 'announced', 'reported', 'recorded', 'spent', 'cut', 'raised', 'confirmed']
const OBJECTS = ['a budget of $%d million', 'a rise of %d percent in arrests', '%d new jobs', 'a deficit of %d billion', '%d cases of fraud', 'a 2%d target']
const WHEN = ['in 2019', 'in March 2021', 'last year', 'on Monday', 'in the first quarter', 'since 2015']

/** Deterministic pseudo-random numbers, so every bench run fills the same data. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export function sentence(random: () => number) {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS).replace('%d', String(1 + Math.floor(random() * 900)))} ${pick(WHEN)}.`
}

/**
 * Fills a migrated database with `articles` articles of `claimsPerArticle` claims each, plus
 * sources, evidence and events, using prepared statements in large transactions. With
 * `allApproved` every claim is approved with a verdict (what an export of everything sees).
 */
export function seedLarge(
  db: DB,
  {
    articles = 5000,
    claimsPerArticle = 20,
    userId,
    allApproved = false,
  }: { articles?: number; claimsPerArticle?: number; userId: number; allApproved?: boolean },
) {
  const sqlite = db.$client
  const random = rng(42)
  const now = Date.now()
  const insertArticle = sqlite.prepare(
    'insert into articles (title, body, publisher, published_at, content_hash, imported_by_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insertClaim = sqlite.prepare(
    `insert into claims (article_id, text, anchor_start, anchor_end, quote_exact, quote_prefix, quote_suffix, checkworthiness, reasons, status, verdict, rationale, verdict_by_id, approved_by_id, approved_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertSource = sqlite.prepare('insert into sources (url, title, publisher, published_at) values (?, ?, ?, ?)')
  const insertEvidence = sqlite.prepare('insert into evidence (claim_id, source_id, stance, excerpt, created_by_id) values (?, ?, ?, ?, ?)')
  const insertEvent = sqlite.prepare("insert into claim_events (claim_id, actor_id, kind, to_value, created_at) values (?, ?, 'created', 'extracted', ?)")
  const sourceCount = Math.max(1, Math.floor(articles / 5))
  sqlite.transaction(() => {
    for (let i = 0; i < sourceCount; i++) insertSource.run(`https://source.example/${i}`, `Source document ${i}`, 'Example Statistics Office', '2024-01-01')
  })()
  const perTransaction = 250
  for (let start = 0; start < articles; start += perTransaction) {
    sqlite.transaction(() => {
      for (let a = start; a < Math.min(articles, start + perTransaction); a++) {
        const sentences = Array.from({ length: claimsPerArticle }, () => sentence(random))
        const body = sentences.join(' ')
        const created = now - (articles - a) * 60_000
        const articleId = Number(
          insertArticle.run(`Bench article ${a}`, body, 'Bench Wire', '2024-06-01', createHash('sha256').update(`${a}:${body}`).digest('hex'), userId, created, created).lastInsertRowid,
        )
        let offset = 0
        for (const text of sentences) {
          const status = allApproved ? 'approved' : CLAIM_STATUSES[Math.floor(random() * CLAIM_STATUSES.length)]!
          const reviewed = status === 'reviewed' || status === 'approved'
          const verdict = reviewed ? VERDICTS[Math.floor(random() * VERDICTS.length)]! : null
          const claimId = Number(
            insertClaim.run(
              articleId, text, offset, offset + text.length, text,
              body.slice(Math.max(0, offset - 32), offset), body.slice(offset + text.length, offset + text.length + 32),
              Math.round(random() * 1000) / 1000, status, verdict, reviewed ? 'Checked against the official statistics.' : '',
              reviewed ? userId : null, status === 'approved' ? userId : null, status === 'approved' ? created : null, created, created,
            ).lastInsertRowid,
          )
          insertEvent.run(claimId, userId, created)
          if (reviewed) {
            insertEvidence.run(claimId, 1 + Math.floor(random() * sourceCount), STANCES[Math.floor(random() * STANCES.length)]!, 'The official table shows the figure.', userId)
          }
          offset += text.length + 1
        }
      }
    })()
  }
  return { articles, claims: articles * claimsPerArticle }
}

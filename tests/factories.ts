import { textQuoteFor } from '../app/anchoring/text-quote'
import { createUser } from '../app/models/user.server'
import { getDb } from '../db/client.server'
import { articles, claims } from '../db/schema'
import { type Role } from '../app/workflow'

let sequence = 0

export async function makeUser(overrides: { email?: string; name?: string; role?: Role; password?: string } = {}) {
  sequence += 1
  const password = overrides.password ?? 'correct horse battery'
  const user = await createUser({
    email: overrides.email ?? `user${sequence}@example.test`,
    name: overrides.name ?? `User ${sequence}`,
    role: overrides.role ?? 'reviewer',
    password,
  })
  return { ...user, password }
}

/** An article with one claim per given sentence, inserted directly (no extraction run). */
export function makeArticleWithClaims({ sentences, title = 'Test article' }: { sentences: string[]; title?: string }) {
  const db = getDb()
  const body = sentences.join(' ')
  sequence += 1
  const article = db
    .insert(articles)
    .values({ title, body, contentHash: `test-${sequence}-${Date.now()}` })
    .returning()
    .get()
  let offset = 0
  const made = sentences.map((text) => {
    const start = offset
    offset += text.length + 1
    const quote = textQuoteFor(body, start, start + text.length)
    return db
      .insert(claims)
      .values({
        articleId: article.id,
        text,
        anchorStart: start,
        anchorEnd: start + text.length,
        quoteExact: quote.exact,
        quotePrefix: quote.prefix,
        quoteSuffix: quote.suffix,
        checkworthiness: 0.5,
      })
      .returning()
      .get()
  })
  return { article, claims: made }
}

import { relations, sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { INBOX_KINDS } from '../app/workflow/inbox'
import { CLAIM_STATUSES, ROLES, SNAPSHOT_STATUSES, SOURCE_CHANGES, STANCES, VERDICTS } from '../app/workflow/vocabulary'

/** Milliseconds since the epoch, set by SQLite when a row is written. */
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`

const timestamps = {
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(now)
    .$onUpdate(() => new Date()),
}

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('reviewer'),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_unique_idx').on(t.email)],
)

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Failed sign-in attempts, keyed by account email or client address. */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull(),
})

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex('api_tokens_token_hash_unique_idx').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
)

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    url: text('url'),
    publisher: text('publisher'),
    author: text('author'),
    /** ISO date (YYYY-MM-DD) as stated by the publisher. */
    publishedAt: text('published_at'),
    /** Plain text exactly as imported; never rendered as HTML. */
    body: text('body').notNull(),
    language: text('language').notNull().default('en'),
    contentHash: text('content_hash').notNull(),
    importedById: integer('imported_by_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('articles_content_hash_unique_idx').on(t.contentHash), index('articles_created_idx').on(t.createdAt)],
)

/** W3C Web Annotation TextQuoteSelector. */
export type TextQuote = { exact: string; prefix: string; suffix: string }

export type ClaimFacets = {
  dates: { text: string; start: number; end: number; value: string }[]
  numbers: { text: string; start: number; end: number; value: number | null; kind: string; unit?: string }[]
  entities: { text: string; start: number; end: number; type: string }[]
  quotes: { text: string; start: number; end: number }[]
  attribution: { source: string; verb: string; start: number; end: number } | null
  /** What the claim asserts, one fact at a time (absent on claims stored before propositions). */
  propositions?: { text: string; parts: { start: number; end: number }[] }[]
  /** What extraction put into (or left out of) the claim's text so it reads alone. */
  context?: { kind: string; text: string; replaces?: string }[]
  /** Full Fact's kinds of claim: quantity, comparison, cause, prediction, rule, personal, quote. */
  types?: string[]
}

export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** TextPositionSelector: UTF-16 offsets into the article body. */
    anchorStart: integer('anchor_start').notNull(),
    anchorEnd: integer('anchor_end').notNull(),
    /** TextQuoteSelector, used to re-anchor after the body is edited. */
    quoteExact: text('quote_exact').notNull(),
    quotePrefix: text('quote_prefix').notNull().default(''),
    quoteSuffix: text('quote_suffix').notNull().default(''),
    /** Set when the claim could not be re-anchored after an edit. */
    orphaned: integer('orphaned', { mode: 'boolean' }).notNull().default(false),
    checkworthiness: real('checkworthiness').notNull().default(0),
    reasons: text('reasons', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    facets: text('facets', { mode: 'json' })
      .$type<ClaimFacets>()
      .notNull()
      .default(sql`'{"dates":[],"numbers":[],"entities":[],"quotes":[],"attribution":null}'`),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('unreviewed'),
    verdict: text('verdict', { enum: VERDICTS }),
    rationale: text('rationale').notNull().default(''),
    verdictById: integer('verdict_by_id').references(() => users.id, { onDelete: 'set null' }),
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    approvedById: integer('approved_by_id').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    /** When an export first carried the claim while it was approved: from then on it is published. */
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    /** Optimistic locking: every change must name the version it was based on. */
    version: integer('version').notNull().default(1),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [
    index('claims_article_status_idx').on(t.articleId, t.status),
    index('claims_article_anchor_idx').on(t.articleId, t.anchorStart, t.id),
    index('claims_status_checkworthiness_idx').on(t.status, t.checkworthiness, t.id),
    index('claims_status_updated_idx').on(t.status, t.updatedAt, t.id),
    index('claims_checkworthiness_idx').on(t.checkworthiness, t.id),
    index('claims_updated_idx').on(t.updatedAt, t.id),
    index('claims_assignee_idx').on(t.assigneeId),
    index('claims_verdict_idx').on(t.verdict),
  ],
)

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull(),
    title: text('title').notNull(),
    publisher: text('publisher'),
    publishedAt: text('published_at'),
    accessedAt: text('accessed_at'),
    archivedUrl: text('archived_url'),
    notes: text('notes').notNull().default(''),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('sources_url_unique_idx').on(t.url)],
)

/**
 * What a source's URL answered at one moment, fetched in the background through the guarded fetch.
 * A row starts `pending` and becomes `ok` (with the text and the compressed bytes) or `failed`
 * (with the reason). Rows are never updated after that: each check adds one.
 */
export const sourceSnapshots = sqliteTable(
  'source_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    /** The URL asked for (the source's URL at the time); the final one after redirects is `finalUrl`. */
    requestedUrl: text('requested_url').notNull(),
    status: text('status', { enum: SNAPSHOT_STATUSES }).notNull().default('pending'),
    /** Why a failed fetch failed, in words for the reviewer. */
    error: text('error'),
    finalUrl: text('final_url'),
    httpStatus: integer('http_status'),
    contentType: text('content_type'),
    title: text('title'),
    /** Readable text of the page (HTML-to-text), or the text itself for text/plain; null for other types. */
    text: text('text'),
    /** SHA-256 (hex) of the bytes received. */
    sha256: text('sha256'),
    /** The bytes received, gzip-compressed. */
    content: blob('content', { mode: 'buffer' }),
    contentLength: integer('content_length'),
    change: text('change', { enum: SOURCE_CHANGES }),
    fetchedAt: integer('fetched_at', { mode: 'timestamp_ms' }),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('source_snapshots_source_idx').on(t.sourceId, t.id), index('source_snapshots_status_idx').on(t.status, t.sourceId)],
)

export const evidence = sqliteTable(
  'evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'restrict' }),
    stance: text('stance', { enum: STANCES }).notNull(),
    excerpt: text('excerpt').notNull().default(''),
    note: text('note').notNull().default(''),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [index('evidence_claim_idx').on(t.claimId), index('evidence_source_idx').on(t.sourceId)],
)

/** Append-only audit trail: nothing about a claim changes without a row here. */
export const claimEvents = sqliteTable(
  'claim_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** What changed: 'created', 'status', 'verdict', 'text', 'assignee', 'evidence_added', … */
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    note: text('note').notNull().default(''),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('claim_events_claim_idx').on(t.claimId, t.id)],
)

/**
 * Claims in different articles that say the same thing, found when claims are stored. Each pair
 * is stored once, the lower claim id first (`claimId < matchedClaimId`); a claim's matches are
 * the rows on either side. The table is WITHOUT ROWID (set in migration 0005).
 */
export const claimMatches = sqliteTable(
  'claim_matches',
  {
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    matchedClaimId: integer('matched_claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    /** Similarity in 0..1 of the two claims' texts. */
    similarity: real('similarity').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.claimId, t.matchedClaimId] }), index('claim_matches_matched_idx').on(t.matchedClaimId)],
)

/** A record of every export an editor or the API made. */
export const exportRecords = sqliteTable('export_records', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  format: text('format').notNull(),
  filters: text('filters', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  claimCount: integer('claim_count').notNull(),
  createdAt: timestamps.createdAt,
})

/** Which claims each export contained. */
export const exportClaims = sqliteTable(
  'export_claims',
  {
    exportId: integer('export_id')
      .notNull()
      .references(() => exportRecords.id, { onDelete: 'cascade' }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.claimId] }), index('export_claims_claim_idx').on(t.claimId)],
)

/** The discussion on a claim: plain text, never rendered as HTML. A deleted comment keeps its row as a marker. */
export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [index('comments_claim_idx').on(t.claimId, t.id)],
)

/** The users a comment mentions, resolved when it was written or edited. */
export const commentMentions = sqliteTable(
  'comment_mentions',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The text that mentioned them, e.g. `@editor`. */
    handle: text('handle').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index('comment_mentions_user_idx').on(t.userId)],
)

export const inboxItems = sqliteTable(
  'inbox_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: INBOX_KINDS }).notNull(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    commentId: integer('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The editor's note for a claim sent back; the source's change for a changed source. */
    note: text('note').notNull().default(''),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    /** Set when a later change means the item no longer needs its user (the claim was reassigned, signed off…). */
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('inbox_items_user_idx').on(t.userId, t.resolvedAt, t.id), index('inbox_items_claim_idx').on(t.claimId, t.kind)],
)

/** A public correction: a published claim's verdict or rationale changed, with the note saying what and why. */
export const corrections = sqliteTable(
  'corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    oldVerdict: text('old_verdict', { enum: VERDICTS }),
    newVerdict: text('new_verdict', { enum: VERDICTS }),
    oldRationale: text('old_rationale').notNull(),
    newRationale: text('new_rationale').notNull(),
    note: text('note').notNull(),
    correctedById: integer('corrected_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('corrections_claim_idx').on(t.claimId, t.id), index('corrections_created_idx').on(t.createdAt, t.id)],
)

export const usersRelations = relations(users, ({ many }) => ({
  sessions: many(sessions),
  apiTokens: many(apiTokens),
}))

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}))

export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  user: one(users, { fields: [apiTokens.userId], references: [users.id] }),
}))

export const articlesRelations = relations(articles, ({ one, many }) => ({
  importedBy: one(users, { fields: [articles.importedById], references: [users.id] }),
  claims: many(claims),
}))

export const claimsRelations = relations(claims, ({ one, many }) => ({
  article: one(articles, { fields: [claims.articleId], references: [articles.id] }),
  assignee: one(users, { fields: [claims.assigneeId], references: [users.id] }),
  evidence: many(evidence),
  events: many(claimEvents),
}))

export const sourcesRelations = relations(sources, ({ many }) => ({
  evidence: many(evidence),
  snapshots: many(sourceSnapshots),
}))

export const sourceSnapshotsRelations = relations(sourceSnapshots, ({ one }) => ({
  source: one(sources, { fields: [sourceSnapshots.sourceId], references: [sources.id] }),
}))

export const evidenceRelations = relations(evidence, ({ one }) => ({
  claim: one(claims, { fields: [evidence.claimId], references: [claims.id] }),
  source: one(sources, { fields: [evidence.sourceId], references: [sources.id] }),
  createdBy: one(users, { fields: [evidence.createdById], references: [users.id] }),
}))

export const claimEventsRelations = relations(claimEvents, ({ one }) => ({
  claim: one(claims, { fields: [claimEvents.claimId], references: [claims.id] }),
  actor: one(users, { fields: [claimEvents.actorId], references: [users.id] }),
}))

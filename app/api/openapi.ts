import { z } from 'zod'
import { ExportFiltersSchema } from './export-query'
import {
  ArticleCreateSchema,
  ArticleOutSchema,
  ClaimOutSchema,
  ClaimPatchSchema,
  CommentCreateSchema,
  CommentOutSchema,
  CorrectionOutSchema,
  CorrectionsQuerySchema,
  EvidenceCreateSchema,
  InboxItemOutSchema,
  InboxQuerySchema,
  ErrorSchema,
  EventOutSchema,
  EvidenceOutSchema,
  SourceOutSchema,
} from './schemas'

type Schema = z.ZodType
type Extra = { queryParameters?: z.ZodObject; requestBody?: Schema }

function jsonSchema(schema: Schema, io: 'input' | 'output') {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

function queryParameters(schema: z.ZodObject) {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }))
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})

const ERRORS = {
  '400': errorResponse('Malformed request (bad JSON, bad query parameter)'),
  '401': errorResponse('Missing, invalid or revoked token'),
  '403': errorResponse('The token’s user lacks the role'),
  '404': errorResponse('Not found'),
}

function op(summary: string, ok: Record<string, unknown>, extra: Extra & { errors?: Record<string, unknown>; pathId?: string } = {}) {
  return {
    summary,
    ...(extra.pathId ? { parameters: [{ name: extra.pathId, in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }] } : {}),
    ...(extra.queryParameters ? { parameters: queryParameters(extra.queryParameters) } : {}),
    ...(extra.requestBody
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(extra.requestBody, 'input') } } } }
      : {}),
    responses: { ...ok, ...ERRORS, ...extra.errors },
  }
}

const json = (description: string, schema: Record<string, unknown>) => ({
  description,
  content: { 'application/json': { schema } },
})

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that validate requests. */
export function openApiDocument({ serverUrl, queueQuery }: { serverUrl: string; queueQuery?: z.ZodObject }) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Claimdesk API',
      version: '1.0.0',
      description:
        'Claims, articles, evidence and exports. Authenticate with a personal token: `Authorization: Bearer <token>` (create one under API tokens in the app, or `npm run cli -- token create --email …`). Errors are `{"error":{"code","message","fields?"}}`.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: jsonSchema(ErrorSchema, 'output'),
        Article: jsonSchema(ArticleOutSchema, 'output'),
        Claim: jsonSchema(ClaimOutSchema, 'output'),
        ClaimEvent: jsonSchema(EventOutSchema, 'output'),
        Comment: jsonSchema(CommentOutSchema, 'output'),
        InboxItem: jsonSchema(InboxItemOutSchema, 'output'),
        Correction: jsonSchema(CorrectionOutSchema, 'output'),
        Source: jsonSchema(SourceOutSchema, 'output'),
        Evidence: jsonSchema(EvidenceOutSchema, 'output'),
      },
    },
    paths: {
      '/articles': {
        post: op(
          'Import an article; runs claim extraction',
          {
            '201': json('Imported, with candidate claims', { $ref: '#/components/schemas/Article' }),
            '200': json('The same content was already imported; the existing article', { $ref: '#/components/schemas/Article' }),
          },
          { requestBody: ArticleCreateSchema, errors: { '413': errorResponse('Body too large'), '415': errorResponse('Not JSON'), '422': errorResponse('Invalid fields') } },
        ),
      },
      '/articles/{articleId}': {
        get: op('An article with its claims', { '200': json('The article', { $ref: '#/components/schemas/Article' }) }, { pathId: 'articleId' }),
      },
      '/claims': {
        get: op(
          'The claims queue with its filters, keyset-paginated',
          {
            '200': json('A page of claims', {
              type: 'object',
              properties: { claims: { type: 'array', items: { type: 'object' } }, nextCursor: { type: ['string', 'null'] } },
            }),
          },
          queueQuery ? { queryParameters: queueQuery } : {},
        ),
      },
      '/claims/{claimId}': {
        get: op('One claim', { '200': json('The claim', { $ref: '#/components/schemas/Claim' }) }, { pathId: 'claimId' }),
        patch: op(
          'Change status, verdict, rationale or assignee, based on a version',
          { '200': json('The updated claim', { $ref: '#/components/schemas/Claim' }) },
          {
            pathId: 'claimId',
            requestBody: ClaimPatchSchema,
            errors: {
              '409': errorResponse('Stale version, or the claim is approved and locked'),
              '422': errorResponse('Invalid fields; or `correction` missing when the verdict or rationale of a published claim changes'),
            },
          },
        ),
      },
      '/claims/{claimId}/evidence': {
        get: op(
          'The claim’s evidence, each with its source’s snapshot and whether the excerpt was found in it',
          { '200': json('Evidence, oldest first', { type: 'object', properties: { evidence: { type: 'array', items: { $ref: '#/components/schemas/Evidence' } } } }) },
          { pathId: 'claimId' },
        ),
        post: op(
          'Link a source to a claim with a stance and an excerpt; the source is snapshotted in the background',
          { '201': json('The evidence (its snapshot pending)', { $ref: '#/components/schemas/Evidence' }) },
          { pathId: 'claimId', requestBody: EvidenceCreateSchema, errors: { '409': errorResponse('The claim is approved and locked'), '422': errorResponse('Invalid fields') } },
        ),
      },
      '/claims/{claimId}/events': {
        get: op(
          'The claim’s history',
          { '200': json('Events, oldest first', { type: 'object', properties: { events: { type: 'array', items: { $ref: '#/components/schemas/ClaimEvent' } } } }) },
          { pathId: 'claimId' },
        ),
      },
      '/sources/{sourceId}': {
        get: op('A source with its newest snapshot', { '200': json('The source', { $ref: '#/components/schemas/Source' }) }, { pathId: 'sourceId' }),
      },
      '/sources/{sourceId}/check': {
        post: op(
          'Fetch the source again in the background and compare it with its first snapshot',
          { '202': json('Accepted: the source, its snapshot pending', { $ref: '#/components/schemas/Source' }) },
          { pathId: 'sourceId' },
        ),
      },
      '/claims/{claimId}/comments': {
        get: op(
          'The claim’s discussion, oldest first (deleted comments are markers with an empty body)',
          { '200': json('Comments', { type: 'object', properties: { comments: { type: 'array', items: { $ref: '#/components/schemas/Comment' } } } }) },
          { pathId: 'claimId' },
        ),
        post: op(
          'Comment on a claim (approved claims too); `@handle` mentions reach those users’ inboxes',
          { '201': json('The comment', { $ref: '#/components/schemas/Comment' }) },
          { pathId: 'claimId', requestBody: CommentCreateSchema, errors: { '413': errorResponse('Body too large'), '415': errorResponse('Not JSON'), '422': errorResponse('Invalid fields') } },
        ),
      },
      '/inbox': {
        get: op(
          'What needs the token’s user, newest first: assignments, mentions, claims sent back, claims awaiting an editor',
          {
            '200': json('Inbox items', {
              type: 'object',
              properties: {
                items: { type: 'array', items: { $ref: '#/components/schemas/InboxItem' } },
                unreadCount: { type: 'integer' },
                nextBefore: { type: ['integer', 'null'] },
              },
            }),
          },
          { queryParameters: InboxQuerySchema },
        ),
      },
      '/corrections': {
        get: op(
          'Corrections of published claims, newest first',
          {
            '200': json('Corrections', {
              type: 'object',
              properties: { corrections: { type: 'array', items: { $ref: '#/components/schemas/Correction' } }, nextBefore: { type: ['integer', 'null'] } },
            }),
          },
          { queryParameters: CorrectionsQuerySchema },
        ),
      },
      '/exports/claims': {
        get: op(
          'Export claims (editors): CSV, JSON, Markdown or ClaimReview JSON-LD, streamed',
          {
            '200': {
              description: 'The export',
              content: {
                'text/csv': {},
                'application/json': {},
                'text/markdown': {},
                'application/ld+json': {},
              },
            },
          },
          { queryParameters: ExportFiltersSchema },
        ),
      },
    },
  }
}

import { z } from 'zod'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('./data/claimdesk.db'),
  /** Lets an editor approve a claim whose verdict they set themselves. */
  ALLOW_SELF_APPROVAL: booleanFlag,
  /** Lets URL import reach private, loopback and link-local addresses (for tests only). */
  ALLOW_PRIVATE_FETCH: booleanFlag,
  /** The fact-checking organisation named as author in ClaimReview exports. */
  ORGANIZATION_NAME: z.string().min(1).default('Claimdesk'),
  ORGANIZATION_URL: z.url().default('http://localhost:3000'),
})

export type Env = z.infer<typeof envSchema>

/** Parses the environment; on bad values prints one line per variable and exits. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  return result.data
}

let cached: Env | undefined
export function getEnv(): Env {
  cached ??= parseEnv()
  return cached
}

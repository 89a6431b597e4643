/**
 * `npm run --silent cli -- <command>`: administration from the shell.
 * Uses the database at DATABASE_URL (default ./data/claimdesk.db), migrating it first.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { migrateDatabase, openDatabase, setDb } from '../db/client.server'
import { createUser, DuplicateEmailError, listUsers } from '../app/models/user.server'
import { parseEnv } from '../app/utils/env.server'
import { NewUserSchema } from '../app/utils/schemas'

const USAGE = `Usage: npm run --silent cli -- <command>

Commands:
  user add --email <email> --name <name> --role <admin|editor|reviewer> --password <password>
  user list [--json]
`

class UsageError extends Error {}

function formatIssues(error: z.ZodError) {
  return error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')
}

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value)
  if (!result.success) throw new UsageError(formatIssues(result.error))
  return result.data
}

async function userAdd(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  })
  const input = parse(NewUserSchema, values)
  try {
    const user = await createUser(input)
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`)
  } catch (error) {
    if (error instanceof DuplicateEmailError) throw new UsageError(error.message)
    throw error
  }
}

function userList(args: string[]) {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true })
  const users = listUsers()
  if (values.json) {
    console.log(JSON.stringify(users, null, 2))
    return
  }
  const rows = users.map((u) => [String(u.id), u.email, u.name, u.role, u.active ? 'active' : 'deactivated'])
  const header = ['id', 'email', 'name', 'role', 'status']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd())
}

async function main(argv: string[]) {
  const [group, command, ...rest] = argv
  if (!group || group === '--help' || group === 'help') {
    process.stdout.write(USAGE)
    return
  }
  const env = parseEnv()
  const db = openDatabase(env.DATABASE_URL)
  migrateDatabase(db)
  setDb(db)
  try {
    if (group === 'user' && command === 'add') return await userAdd(rest)
    if (group === 'user' && command === 'list') return userList(rest)
    throw new UsageError(`Unknown command: ${[group, command].filter(Boolean).join(' ')}\n\n${USAGE}`)
  } finally {
    db.$client.close()
  }
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError || (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(error.message)
    process.exit(2)
  }
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})

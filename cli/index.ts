/**
 * `npm run --silent cli -- <command>`: administration from the shell.
 * Uses the database at DATABASE_URL (default ./data/claimdesk.db), migrating it first.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { z } from 'zod'
import { migrateDatabase, openDatabase, setDb, type DB } from '../db/client.server'
import type { ExportContext } from '../app/exports'
import { createApiToken, revokeApiToken } from '../app/models/api-token.server'
import { createUser, DuplicateEmailError, getUserByEmail, listUsers } from '../app/models/user.server'
import { parseEnv, type Env } from '../app/utils/env.server'
import { emailField, idField, NewUserSchema } from '../app/utils/schemas'
import { UsageError } from './usage'

const USAGE = `Usage: npm run --silent cli -- <command>

Commands:
  user add --email <email> --name <name> --role <admin|editor|reviewer> --password <password>
  user list [--json]
  token create --email <email> [--name <name>]     prints a new API token once
  token revoke --id <token id>
  import <files or folders…> [--email <importer>]  .txt, .md and .html files; safe to re-run
  export --format <csv|json|md|claimreview> [--status approved|…|all] [--verdict …]
         [--article <id>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--excel] [--out <file>]
  sources check [--older-than <30d|12h|90m>] [--json]
                                                   fetch sources again (all, or those last checked before
                                                   that long ago) and mark each unchanged, changed or gone
                                                   (pending: the server is fetching it now)
  export-snapshots --out <file.warc.gz>            every good snapshot as WARC/1.1 response records
  backup <file>                                    an online, consistent copy of the database
  restore <file> [--force]                         replace the database with a backup (stop the server first)
`

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new UsageError(result.error.issues.map((i) => `--${i.path.join('.') || 'arguments'}: ${i.message}`).join('\n'))
  }
  return result.data
}

function openMigrated(env: Env): DB {
  const db = openDatabase(env.DATABASE_URL)
  migrateDatabase(db)
  setDb(db)
  return db
}

async function userAdd(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
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
  for (const r of [header, ...rows])
    console.log(
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
}

function tokenCreate(args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true })
  const input = parse(z.object({ email: emailField, name: z.string().trim().min(1).max(80).default('command line') }), values)
  const user = getUserByEmail({ email: input.email })
  if (!user || !user.active) throw new UsageError(`--email: no active user ${input.email}`)
  const token = createApiToken({ userId: user.id, name: input.name })
  console.error(`Token ${token.id} for ${user.email} (${user.role}). It is shown only this once:`)
  console.log(token.token)
}

function tokenRevoke(args: string[]) {
  const { values } = parseArgs({ args, options: { id: { type: 'string' } }, strict: true })
  const { id } = parse(z.object({ id: idField }), values)
  if (!revokeApiToken({ id })) throw new UsageError(`--id: no live token with id ${id}`)
  console.log(`Revoked token ${id}.`)
}

async function exportClaims(args: string[], env: Env) {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string' },
      status: { type: 'string' },
      verdict: { type: 'string' },
      article: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      excel: { type: 'boolean' },
      out: { type: 'string' },
    },
    strict: true,
  })
  // Each command loads what only it needs, so the others start faster.
  const [{ ExportFiltersSchema }, { formatExport }, { iterateExportClaims, recordExport }] = await Promise.all([
    import('../app/api/export-query'),
    import('../app/exports'),
    import('../app/models/export.server'),
  ])
  const { out, excel, ...rest } = values
  const filters = parse(ExportFiltersSchema, { ...rest, ...(excel ? { excel: 'true' } : {}) })
  const context: ExportContext = {
    organization: { name: env.ORGANIZATION_NAME, url: env.ORGANIZATION_URL },
    baseUrl: env.ORGANIZATION_URL,
    generatedAt: new Date().toISOString(),
  }
  const { format, excel: forExcel, ...where } = filters
  // Recorded first: the claims it contains are published from now on, and the export says so.
  const count = recordExport({ userId: null, filters })
  const stream: NodeJS.WritableStream = out ? fs.createWriteStream(out) : process.stdout
  for (const chunk of formatExport(format, iterateExportClaims(where), context, { excel: forExcel })) {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()))
  }
  if (out) {
    await new Promise<void>((resolve, reject) => (stream as fs.WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())))
    console.error(`Wrote ${count} claim${count === 1 ? '' : 's'} as ${format} to ${out}.`)
  }
}

const DurationField = z
  .string()
  .regex(/^\d+[dhm]$/, 'use a number followed by d, h or m, e.g. 30d')
  .transform((v) => Number(v.slice(0, -1)) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[v.slice(-1) as 'd' | 'h' | 'm'])

async function sourcesCheck(args: string[], env: Env) {
  const { values } = parseArgs({ args, options: { 'older-than': { type: 'string' }, json: { type: 'boolean' } }, strict: true })
  const input = parse(z.object({ 'older-than': DurationField.optional() }), { 'older-than': values['older-than'] })
  const [{ backgroundSnapshotsSettled, snapshotInBackground }, snapshots] = await Promise.all([import('../app/snapshots/capture.server'), import('../app/models/snapshot.server')])
  snapshots.failAbandonedSnapshots({ olderThan: new Date(Date.now() - 10 * 60_000) })
  const due = snapshots.listSourcesToCheck({ olderThan: input['older-than'] === undefined ? null : new Date(Date.now() - input['older-than']) })
  for (const source of due) snapshotInBackground({ sourceId: source.id }, { allowPrivate: env.ALLOW_PRIVATE_FETCH })
  await backgroundSnapshotsSettled()
  const summaries = snapshots.snapshotSummaries({ sourceIds: due.map((s) => s.id) })
  const results = due.map((s) => {
    const snap = summaries.get(s.id)!
    const outcome = snap.status === 'pending' ? 'pending' : (snap.change ?? (snap.status === 'ok' ? 'captured' : 'failed'))
    return { sourceId: s.id, url: s.url, outcome, status: snap.status, change: snap.change, httpStatus: snap.httpStatus, error: snap.error, sha256: snap.sha256 }
  })
  if (values.json) {
    console.log(JSON.stringify(results, null, 2))
    return
  }
  const counts = new Map<string, number>()
  for (const r of results) {
    console.log(`${r.outcome.padEnd(9)} #${r.sourceId} ${r.url}${r.error ? ` — ${r.error}` : ''}`)
    counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1)
  }
  console.error(`Checked ${results.length} source${results.length === 1 ? '' : 's'}${counts.size ? `: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}` : ''}.`)
}

async function exportSnapshots(args: string[]) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true })
  const { out } = parse(z.object({ out: z.string({ error: 'give the file to write, e.g. --out snapshots.warc.gz' }).min(1, 'give the file to write') }), values)
  const [{ snapshotsToWarc }, { iterateSnapshotsForArchive }, { pipeline }, { Readable }] = await Promise.all([
    import('../app/snapshots/warc.server'),
    import('../app/models/snapshot.server'),
    import('node:stream/promises'),
    import('node:stream'),
  ])
  let count = 0
  function* counted() {
    for (const s of iterateSnapshotsForArchive()) {
      count++
      yield s
    }
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true })
  await pipeline(Readable.from(snapshotsToWarc(counted(), { filename: path.basename(out), software: 'Claimdesk' })), fs.createWriteStream(out))
  console.error(`Wrote ${count} snapshot${count === 1 ? '' : 's'} to ${out}.`)
}

async function backup(args: string[], db: DB) {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true })
  const [file] = parse(z.tuple([z.string().min(1, 'give the backup file')]), positionals)
  if (fs.existsSync(file)) throw new UsageError(`${file} already exists; choose a new file name`)
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  await db.$client.backup(file)
  console.log(`Backed up to ${file} (${fs.statSync(file).size} bytes).`)
}

function restore(args: string[], env: Env) {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } }, strict: true })
  const [file] = parse(z.tuple([z.string().min(1, 'give the backup file')]), positionals)
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist`)
  const check = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const result = check.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new UsageError(`${file} is damaged: ${String(result)}`)
    check.prepare('select count(*) from users').get()
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`${file} is not a Claimdesk backup: ${(error as Error).message}`)
  } finally {
    check.close()
  }
  const target = path.resolve(env.DATABASE_URL)
  if (fs.existsSync(target) && !values.force) {
    throw new UsageError(`${target} exists; stop the server and pass --force to replace it`)
  }
  const temp = `${target}.restoring`
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.copyFileSync(file, temp)
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true })
  fs.renameSync(temp, target)
  const db = openDatabase(target)
  migrateDatabase(db)
  db.$client.close()
  console.log(`Restored ${file} to ${target}.`)
}

async function main(argv: string[]) {
  const [group, command, ...rest] = argv
  if (!group || group === '--help' || group === 'help') {
    process.stdout.write(USAGE)
    return
  }
  const env = parseEnv()
  if (group === 'restore') return restore(argv.slice(1), env)
  const db = openMigrated(env)
  try {
    if (group === 'user' && command === 'add') return await userAdd(rest)
    if (group === 'user' && command === 'list') return userList(rest)
    if (group === 'token' && command === 'create') return tokenCreate(rest)
    if (group === 'token' && command === 'revoke') return tokenRevoke(rest)
    if (group === 'import') return await (await import('./import')).importFiles(argv.slice(1))
    if (group === 'export') return await exportClaims(argv.slice(1), env)
    if (group === 'backup') return await backup(argv.slice(1), db)
    if (group === 'sources' && command === 'check') return await sourcesCheck(rest, env)
    if (group === 'export-snapshots') return await exportSnapshots(argv.slice(1))
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

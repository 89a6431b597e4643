import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cachedStatement, createTestDatabase } from './client.server'
import { users } from './schema'

describe('cachedStatement', () => {
  it('hands out the same statement for the same SQL, in its default result mode', () => {
    const db = createTestDatabase()
    const sqlite = db.$client
    sqlite.exec("insert into users (email, name, role, password_hash) values ('a@example.org', 'A', 'reviewer', 'x')")
    const first = cachedStatement(sqlite, 'select id, email from users')
    expect(first.raw().get()).toEqual([1, 'a@example.org'])
    const second = cachedStatement(sqlite, 'select id, email from users')
    expect(second).toBe(first)
    expect(second.get()).toEqual({ id: 1, email: 'a@example.org' })
    second.pluck()
    expect(cachedStatement(sqlite, 'select id, email from users').get()).toEqual({ id: 1, email: 'a@example.org' })
    expect(cachedStatement(sqlite, 'select email from users')).not.toBe(first)
  })

  it('never hands out a statement that is still being iterated over', () => {
    const db = createTestDatabase()
    const sqlite = db.$client
    sqlite.exec("insert into users (email, name, role, password_hash) values ('a@example.org', 'A', 'reviewer', 'x'), ('b@example.org', 'B', 'editor', 'x')")
    const outer = cachedStatement(sqlite, 'select email from users order by id').pluck()
    const seen: string[][] = []
    for (const email of outer.iterate()) {
      seen.push([email as string, ...(cachedStatement(sqlite, 'select email from users order by id').pluck().all() as string[])])
    }
    expect(seen).toEqual([
      ['a@example.org', 'a@example.org', 'b@example.org'],
      ['b@example.org', 'a@example.org', 'b@example.org'],
    ])
  })

  it('keeps drizzle queries right when a raw and an object read share one SQL text', () => {
    const db = createTestDatabase()
    db.insert(users).values({ email: 'c@example.org', name: 'C', role: 'admin', passwordHash: 'x' }).run()
    // drizzle reads selected fields as raw rows and a bare `sql` query as objects.
    expect(db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, 1)).get()).toEqual({ id: 1, email: 'c@example.org' })
    const sqlText = db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, 1)).toSQL().sql
    expect(db.get(sql.raw(sqlText.replace('?', '1')))).toEqual({ id: 1, email: 'c@example.org' })
    expect(db.all(sql`select "id", "email" from "users"`)).toEqual([{ id: 1, email: 'c@example.org' }])
    expect(db.values(sql`select "id", "email" from "users"`)).toEqual([[1, 'c@example.org']])
    expect(db.all(sql`select "id", "email" from "users"`)).toEqual([{ id: 1, email: 'c@example.org' }])
  })
})

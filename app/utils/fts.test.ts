import { describe, expect, test } from 'vitest'
import { createTestDatabase } from '../../db/client.server'
import { toFtsQuery } from './fts'

describe('toFtsQuery', () => {
  test('quotes every word as a prefix term', () => {
    expect(toFtsQuery('Executive Committee')).toBe('"Executive"* "Committee"*')
    expect(toFtsQuery('lift OR measures', { any: true })).toBe('"lift"* OR "OR"* OR "measures"*')
  })

  test('returns null when nothing searchable is left', () => {
    expect(toFtsQuery('  ')).toBeNull()
    expect(toFtsQuery('"*^():-')).toBeNull()
  })

  test('FTS5 syntax in the input never reaches the query parser', () => {
    const db = createTestDatabase()
    for (const input of ['NEAR(a b', '"unbalanced', 'col:value', 'a AND OR NOT b', "'); drop table claims; --", '*', 'ü-ñ 2021']) {
      const q = toFtsQuery(input)
      if (q === null) continue
      expect(() => db.$client.prepare('select rowid from claims_fts where claims_fts match ?').all(q)).not.toThrow()
    }
  })
})

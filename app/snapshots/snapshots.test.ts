import { describe, expect, test } from 'vitest'
import { compareWithBaseline } from '../workflow/source-change'
import { excerptInContext, findExcerpt } from './excerpt'
import { textDiff } from './text-diff'

describe('findExcerpt', () => {
  const text = 'The minister said: “We will cut the deficit by 3%” — and later  withdrew it.\nSecond paragraph’s end.'

  test('finds an exact excerpt and gives its place in the original text', () => {
    const m = findExcerpt(text, 'We will cut the deficit')!
    expect(text.slice(m.start, m.end)).toBe('We will cut the deficit')
  })

  test('tolerates whitespace, quote-mark and dash variants', () => {
    const m = findExcerpt(text, '"We will cut the deficit by 3%" - and later withdrew it.')!
    expect(m).not.toBeNull()
    expect(text.slice(m.start, m.end)).toBe('“We will cut the deficit by 3%” — and later  withdrew it.')
    expect(findExcerpt(text, "withdrew it. Second paragraph's end")).not.toBeNull()
    expect(findExcerpt(text, '3%”—and')).not.toBeNull()
    expect(findExcerpt(text, '  cut   the\ndeficit  ')).not.toBeNull()
  })

  test('does not tolerate changed words, numbers or case', () => {
    expect(findExcerpt(text, 'We will cut the debt')).toBeNull()
    expect(findExcerpt(text, 'by 4%')).toBeNull()
    expect(findExcerpt(text, 'we will cut the deficit')).toBeNull()
    expect(findExcerpt(text, '   ')).toBeNull()
  })

  test('shows the match in context with ellipses where the text goes on', () => {
    const long = `${'word '.repeat(100)}the excerpt itself ${'more '.repeat(100)}`
    const ctx = excerptInContext(long, findExcerpt(long, 'the excerpt itself')!, 30)
    expect(ctx.match).toBe('the excerpt itself')
    expect(ctx.before.startsWith('…')).toBe(true)
    expect(ctx.after.endsWith('…')).toBe(true)
    expect(ctx.before.length).toBeLessThanOrEqual(32)
  })
})

describe('compareWithBaseline', () => {
  const base = { text: 'a\nb', sha256: 'x' }
  test('unchanged, changed and gone', () => {
    expect(compareWithBaseline({ status: 'ok', text: 'a\nb', sha256: 'y' }, base)).toBe('unchanged')
    expect(compareWithBaseline({ status: 'ok', text: 'a\nc', sha256: 'x' }, base)).toBe('changed')
    expect(compareWithBaseline({ status: 'failed', httpStatus: 404, unreachable: false }, base)).toBe('gone')
    expect(compareWithBaseline({ status: 'failed', httpStatus: null, unreachable: true }, base)).toBe('gone')
    expect(compareWithBaseline({ status: 'failed', httpStatus: null, unreachable: false }, base)).toBe('changed')
  })
  test('the first snapshot has nothing to compare with; documents without text compare bytes', () => {
    expect(compareWithBaseline({ status: 'ok', text: 'a', sha256: 'x' }, null)).toBeNull()
    expect(compareWithBaseline({ status: 'ok', text: null, sha256: 'p' }, { text: null, sha256: 'p' })).toBe('unchanged')
    expect(compareWithBaseline({ status: 'ok', text: null, sha256: 'q' }, { text: null, sha256: 'p' })).toBe('changed')
  })
})

describe('textDiff', () => {
  test('shows changed lines with their neighbours and counts the rest', () => {
    const before = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'].join('\n')
    const after = ['one', 'two', 'three', 'FOUR', 'five', 'six', 'seven'].join('\n')
    expect(textDiff(before, after, { context: 1 })).toEqual([
      { kind: 'skipped', lines: 2 },
      { kind: 'same', text: 'three' },
      { kind: 'removed', text: 'four' },
      { kind: 'added', text: 'FOUR' },
      { kind: 'same', text: 'five' },
      { kind: 'skipped', lines: 2 },
    ])
  })
  test('identical texts give no lines', () => {
    expect(textDiff('a\nb', 'a\nb')).toEqual([])
  })
})

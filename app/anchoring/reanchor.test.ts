import { describe, expect, test } from 'vitest'
import { reanchorClaims } from './reanchor'
import { textQuoteFor } from './text-quote'

function anchor(id: number, body: string, exact: string, occurrence = 1) {
  let start = -1
  for (let i = 0; i < occurrence; i++) start = body.indexOf(exact, start + 1)
  return { id, start, end: start + exact.length, quote: textQuoteFor(body, start, start + exact.length) }
}

const OLD = 'The council met on Tuesday. It voted 7 to 2 to approve a new bridge over the Mill River. The bridge will cost $48.5 million. Opponents objected.'

describe('reanchorClaims', () => {
  test('an unchanged body keeps every anchor', () => {
    const a = anchor(1, OLD, 'It voted 7 to 2 to approve a new bridge over the Mill River.')
    expect(reanchorClaims(OLD, OLD, [a])).toEqual([{ id: 1, start: a.start, end: a.end, how: 'unchanged' }])
  })

  test('text inserted before a claim moves it', () => {
    const a = anchor(1, OLD, 'The bridge will cost $48.5 million.')
    const edited = `Correction appended at the top. ${OLD}`
    const [r] = reanchorClaims(OLD, edited, [a])
    expect(r).toMatchObject({ how: 'exact' })
    expect(edited.slice((r as { start: number }).start, (r as { end: number }).end)).toBe('The bridge will cost $48.5 million.')
  })

  test('a small edit inside the claim is tolerated', () => {
    const a = anchor(1, OLD, 'It voted 7 to 2 to approve a new bridge over the Mill River.')
    const edited = OLD.replace('a new bridge over the Mill River', 'a new road bridge over the Mill River')
    const [r] = reanchorClaims(OLD, edited, [a])
    expect(r).toMatchObject({ how: 'fuzzy' })
    expect(edited.slice((r as { start: number }).start, (r as { end: number }).end)).toBe('It voted 7 to 2 to approve a new road bridge over the Mill River.')
  })

  test('a claim whose words are gone is orphaned, not dropped', () => {
    const a = anchor(1, OLD, 'The bridge will cost $48.5 million.')
    const edited = OLD.replace('The bridge will cost $48.5 million. ', '')
    expect(reanchorClaims(OLD, edited, [a])).toEqual([{ id: 1, orphaned: true }])
  })

  test('a repeated sentence is told apart by its prefix and suffix', () => {
    const body = 'Alpha said yes. Prices rose. Beta said no. Prices rose. Gamma shrugged.'
    const second = anchor(1, body, 'Prices rose.', 2)
    const edited = `Intro. ${body.replace('Alpha said yes.', 'Alpha said yes, twice.')}`
    const [r] = reanchorClaims(body, edited, [second])
    const start = (r as { start: number }).start
    expect(edited.slice(start - 14, start - 1)).toBe('Beta said no.')
  })
})

import { describe, expect, test } from 'vitest'
import { normalizedView, reanchorClaims } from './reanchor'
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

describe('reanchorClaims and Unicode normalisation', () => {
  const decomposed = 'Le cafe\u0301 de Jose\u0301 a ferme\u0301 en 2021. Le maire a dit que 40 emplois sont perdus. Fin.'
  const first = 'Le cafe\u0301 de Jose\u0301 a ferme\u0301 en 2021.'
  const second = 'Le maire a dit que 40 emplois sont perdus.'

  test('a claim whose accents are rewritten in composed form covers exactly its words, and its neighbour is placed right', () => {
    const composed = decomposed.normalize('NFC')
    expect(composed.length).toBe(decomposed.length - 3)
    const [a, b] = reanchorClaims(decomposed, composed, [anchor(1, decomposed, first), anchor(2, decomposed, second)]) as { start: number; end: number; how: string }[]
    expect(composed.slice(a!.start, a!.end)).toBe(first.normalize('NFC'))
    expect(a!.how).toBe('normalized')
    expect(composed.slice(b!.start, b!.end)).toBe(second)
    expect(a!.end).toBeLessThan(b!.start)
  })

  test('and the other way round: composed words found in a decomposed text', () => {
    const composed = decomposed.normalize('NFC')
    const [a] = reanchorClaims(composed, decomposed, [anchor(1, composed, first.normalize('NFC'))]) as { start: number; end: number }[]
    expect(decomposed.slice(a!.start, a!.end)).toBe(first)
  })
})

describe('normalizedView', () => {
  test('maps NFC offsets back to the original code units', () => {
    const text = 'ae\u0301b \u{1F600} c\u0327a'
    const view = normalizedView(text)
    expect(view.nfc).toBe(text.normalize('NFC'))
    for (let i = 0; i <= view.nfc.length; i++) {
      const back = view.toOriginal(i)
      expect(text.slice(0, back).normalize('NFC')).toBe(view.nfc.slice(0, text.slice(0, back).normalize('NFC').length))
    }
    expect(view.toOriginal(view.nfc.length)).toBe(text.length)
    expect(view.toOriginal(view.nfc.indexOf('b'))).toBe(text.indexOf('b'))
  })
})

import { describe, expect, test } from 'vitest'
import { segmentsFor } from './segments'

describe('segmentsFor', () => {
  test('uncovered text, a span, and overlapping spans (outermost first)', () => {
    const segs = segmentsFor(20, [
      { id: 1, start: 2, end: 10 },
      { id: 2, start: 6, end: 14 },
      { id: 3, start: 7, end: 8 },
    ])
    expect(segs).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 6, ids: [1] },
      { start: 6, end: 7, ids: [1, 2] },
      { start: 7, end: 8, ids: [1, 2, 3] },
      { start: 8, end: 10, ids: [1, 2] },
      { start: 10, end: 14, ids: [2] },
      { start: 14, end: 20, ids: [] },
    ])
  })

  test('segments tile the text exactly; invalid spans are ignored', () => {
    const segs = segmentsFor(10, [{ id: 1, start: 8, end: 30 }, { id: 2, start: 5, end: 5 }, { id: 3, start: 0, end: 10 }])
    expect(segs.map((s) => [s.start, s.end])).toEqual([[0, 10]])
    expect(segs[0]!.ids).toEqual([3])
    expect(segmentsFor(0, [])).toEqual([])
  })
})

import { describe, expect, test } from 'vitest'
import { MATCH_THRESHOLD, similarity } from './similarity'

/** Pairs written for this test: the same claim reworded (true) or related but different (false). */
const PAIRS: [string, string, boolean][] = [
  ['The council approved a new bridge over the Mill River.', 'A new bridge over the Mill River was approved by the council.', true],
  ['Unemployment fell to 4.1 percent in March.', 'In March unemployment fell to 4.1 percent.', true],
  ['The project will cost $48.5 million.', 'The project is expected to cost $48.5 million.', true],
  ['Syria has been a member of INTERPOL since 1953.', 'Syria has been an INTERPOL member since 1953.', true],
  ['The Executive Committee decided to lift the measures in June 2021.', 'In June 2021 the Executive Committee decided to lift these measures.', true],
  ['Police arrested 14 people after the protest.', 'After the protest, police arrested 14 people.', true],
  ['The company reported a loss of $3 billion.', 'The company posted a $3 billion loss, it reported.', true],
  ['Inflation reached 9 percent last year.', 'Last year inflation reached 9 percent.', true],
  ['The vaccine is 95 percent effective against severe illness.', 'Against severe illness the vaccine is 95 percent effective.', true],
  ['The old bridge carries about 14,000 vehicles a day.', 'About 14,000 vehicles a day use the old bridge.', true],
  ['The project will cost $48.5 million.', 'The town underspent on roads by $3 million.', false],
  ['Unemployment fell to 4.1 percent in March.', 'Unemployment rose to 5.2 percent in April.', false],
  ['The council approved a new bridge.', 'The council rejected a new school.', false],
  ['Syria has been a member of INTERPOL since 1953.', 'Measures were imposed on the bureau in Damascus in 2012.', false],
  ['Police arrested 14 people after the protest.', 'Police arrested 40 people after the match.', false],
  ['The company reported a loss of $3 billion.', 'The company reported a profit of $2 billion.', false],
  ['Inflation reached 9 percent last year.', 'Wages grew by 3 percent last year.', false],
  ['The vaccine is 95 percent effective.', 'The trial enrolled 43,000 volunteers.', false],
  ['The mayor said the bridge was built in 1958.', 'The mayor said commute times rose by 18 percent.', false],
  ['Exports to China doubled in 2021.', 'Imports from China fell in 2021.', false],
]

describe('claim similarity', () => {
  test('separates reworded claims from related but different ones', () => {
    let tp = 0
    let fp = 0
    let fn = 0
    for (const [a, b, same] of PAIRS) {
      const linked = similarity(a, b) >= MATCH_THRESHOLD
      if (linked && same) tp++
      else if (linked) fp++
      else if (same) fn++
    }
    const precision = tp / Math.max(1, tp + fp)
    const recall = tp / Math.max(1, tp + fn)
    expect(precision).toBeGreaterThanOrEqual(0.9)
    expect(recall).toBeGreaterThanOrEqual(0.8)
  })

  test('is symmetric and 1 for identical text', () => {
    expect(similarity('A bridge was built in 1958.', 'A bridge was built in 1958.')).toBe(1)
    expect(similarity('x y z', '')).toBe(0)
    const [a, b] = [PAIRS[0]![0], PAIRS[0]![1]]
    expect(similarity(a, b)).toBe(similarity(b, a))
  })
})

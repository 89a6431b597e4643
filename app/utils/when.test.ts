import { describe, expect, it } from 'vitest'
import { formatWhen } from './when'

describe('formatWhen', () => {
  it('writes the day, the short month, the year and the UTC time', () => {
    expect(formatWhen('2026-12-02T05:40:59Z')).toBe('2 Dec 2026, 05:40 UTC')
    expect(formatWhen(new Date(Date.UTC(2021, 5, 14, 23, 5)))).toBe('14 Jun 2021, 23:05 UTC')
  })

  it('names every month as the en-GB locale does, in UTC whatever the time zone', () => {
    for (let month = 0; month < 12; month++) {
      const d = new Date(Date.UTC(2024, month, 1, 0, 30))
      expect(formatWhen(d)).toBe(`1 ${d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} 2024, 00:30 UTC`)
    }
  })
})

export type AnchoredSpan = { id: number; start: number; end: number }
export type Segment = { start: number; end: number; ids: number[] }

/**
 * Cuts a text of `length` into consecutive segments, each listing the spans covering it (outermost
 * first), so overlapping and nested spans can be highlighted without nesting marks. O(n log n).
 */
export function segmentsFor(length: number, spans: AnchoredSpan[]): Segment[] {
  const valid = spans.filter((s) => s.start < s.end && s.start >= 0 && s.end <= length)
  const points = new Set<number>([0, length])
  for (const s of valid) {
    points.add(s.start)
    points.add(s.end)
  }
  const cuts = [...points].sort((a, b) => a - b)
  const byStart = [...valid].sort((a, b) => a.start - b.start || b.end - a.end)
  const segments: Segment[] = []
  let active: AnchoredSpan[] = []
  let next = 0
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!
    const end = cuts[i + 1]!
    active = active.filter((s) => s.end > start)
    while (next < byStart.length && byStart[next]!.start <= start) {
      if (byStart[next]!.end > start) active.push(byStart[next]!)
      next++
    }
    const ids = [...active].sort((a, b) => b.end - b.start - (a.end - a.start)).map((s) => s.id)
    segments.push({ start, end, ids })
  }
  return segments
}

/**
 * Turns what a person typed into a safe FTS5 query: every word becomes a quoted prefix term,
 * so FTS5 operators and syntax in the input are matched as text, never interpreted.
 */
export function toFtsQuery(input: string, { any = false, prefix = true }: { any?: boolean; prefix?: boolean } = {}): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 32)
  if (words.length === 0) return null
  return words.map((w) => `"${w.replace(/"/g, '""')}"${prefix ? '*' : ''}`).join(any ? ' OR ' : ' ')
}

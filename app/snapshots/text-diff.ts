import { diffLines } from 'diff'

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'skipped'; lines: number }

/**
 * A line-by-line diff of two snapshot texts (one paragraph per line), keeping `context` unchanged
 * lines around each change and counting the rest. Past `maxEdits` changed lines the texts are
 * reported as entirely different instead of being diffed further, so huge pages stay cheap.
 */
export function textDiff(before: string, after: string, { context = 2, maxEdits = 2000 }: { context?: number; maxEdits?: number } = {}): DiffLine[] {
  const parts = diffLines(before, after, { maxEditLength: maxEdits })
  const lines: { kind: 'same' | 'added' | 'removed'; text: string }[] = []
  const split = (value: string) => value.replace(/\n$/, '').split('\n')
  if (!parts) {
    for (const text of split(before)) lines.push({ kind: 'removed', text })
    for (const text of split(after)) lines.push({ kind: 'added', text })
  } else {
    for (const part of parts) {
      const kind = part.added ? 'added' : part.removed ? 'removed' : 'same'
      for (const text of split(part.value)) lines.push({ kind, text })
    }
  }
  const keep = lines.map(() => false)
  lines.forEach((line, i) => {
    if (line.kind === 'same') return
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true
  })
  const out: DiffLine[] = []
  let skipped = 0
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (skipped) out.push({ kind: 'skipped', lines: skipped })
      skipped = 0
      out.push(line)
    } else skipped++
  })
  if (skipped && out.length) out.push({ kind: 'skipped', lines: skipped })
  return out
}

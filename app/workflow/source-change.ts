import type { SourceChange } from './vocabulary'

export type SnapshotOutcome =
  | { status: 'ok'; text: string | null; sha256: string }
  | { status: 'failed'; httpStatus: number | null; unreachable: boolean }

/**
 * How a new snapshot compares with the source's baseline (its first good snapshot of the same URL):
 * an error status or no answer is `gone`; a good answer is `unchanged` when its readable text is the
 * same (or, without text, its bytes are), else `changed`. The first good snapshot has nothing to be
 * compared with (null), and neither has a fetch refused for its type or size.
 */
export function compareWithBaseline(
  outcome: SnapshotOutcome,
  baseline: { text: string | null; sha256: string | null } | null,
): SourceChange | null {
  if (outcome.status === 'failed') {
    if (outcome.unreachable || (outcome.httpStatus !== null && outcome.httpStatus >= 400)) return 'gone'
    return baseline ? 'changed' : null
  }
  if (!baseline) return null
  if (outcome.text !== null && baseline.text !== null) return outcome.text === baseline.text ? 'unchanged' : 'changed'
  return outcome.sha256 === baseline.sha256 ? 'unchanged' : 'changed'
}

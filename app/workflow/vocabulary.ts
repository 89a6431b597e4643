/**
 * The domain's words: roles, claim statuses, verdicts and evidence stances. Pure data, shared by
 * the database schema, the models, the routes, the API, the CLI and the UI.
 */

export const ROLES = ['admin', 'editor', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

/** Each role includes the ones ranked below it: an admin may do what an editor may, and so on. */
const ROLE_RANK: Record<Role, number> = { reviewer: 1, editor: 2, admin: 3 }

export function hasRole(user: { role: Role }, role: Role) {
  return ROLE_RANK[user.role] >= ROLE_RANK[role]
}

export const CLAIM_STATUSES = ['unreviewed', 'in_review', 'reviewed', 'approved', 'discarded'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unreviewed: 'Unreviewed',
  in_review: 'In review',
  reviewed: 'Reviewed',
  approved: 'Approved',
  discarded: 'Discarded',
}

export const VERDICTS = ['true', 'mostly_true', 'misleading', 'false', 'unverifiable'] as const
export type Verdict = (typeof VERDICTS)[number]

/** Each verdict's label and its ClaimReview ratingValue on a 1 (worst) to 5 (best) scale. */
export const VERDICT_RATINGS: Record<Verdict, { value: number; label: string }> = {
  true: { value: 5, label: 'True' },
  mostly_true: { value: 4, label: 'Mostly true' },
  misleading: { value: 3, label: 'Misleading' },
  false: { value: 2, label: 'False' },
  unverifiable: { value: 1, label: 'Unverifiable' },
}

export const VERDICT_LABELS = Object.fromEntries(VERDICTS.map((v) => [v, VERDICT_RATINGS[v].label])) as Record<Verdict, string>

export const STANCES = ['supports', 'refutes', 'context'] as const
export type Stance = (typeof STANCES)[number]

/** A source snapshot's state: fetching, fetched, or the fetch failed. */
export const SNAPSHOT_STATUSES = ['pending', 'ok', 'failed'] as const
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number]

/** How a snapshot compares with the source's first good snapshot of the same URL. */
export const SOURCE_CHANGES = ['unchanged', 'changed', 'gone'] as const
export type SourceChange = (typeof SOURCE_CHANGES)[number]

export const SOURCE_CHANGE_LABELS: Record<SourceChange, string> = {
  unchanged: 'Unchanged',
  changed: 'Changed',
  gone: 'Gone',
}

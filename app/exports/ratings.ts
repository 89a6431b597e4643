import type { Verdict } from '../../db/schema'

/** Each verdict's label and its ClaimReview ratingValue on a 1 (worst) to 5 (best) scale. */
export const VERDICT_RATINGS: Record<Verdict, { value: number; label: string }> = {
  true: { value: 5, label: 'True' },
  mostly_true: { value: 4, label: 'Mostly true' },
  misleading: { value: 3, label: 'Misleading' },
  false: { value: 2, label: 'False' },
  unverifiable: { value: 1, label: 'Unverifiable' },
}

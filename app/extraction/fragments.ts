/**
 * Whether a claim's text is a fragment rather than a sentence a reviewer can check as it
 * stands: too short, without a finite verb, or opening on a word that needs what came before.
 */
import { isFiniteVerb, tag } from './tagger'

const DANGLING_START = /^(?:and|or|but|nor|which|who|whom|whose|both of|all of|each of|none of|respectively|while|whereas|as well as)\b/i

export function isFragment(text: string): boolean {
  const t = text.trim()
  const words = t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))
  if (words.length < 4) return true
  if (DANGLING_START.test(t) || /^[a-z]/.test(t)) return true
  const tokens = tag(t)
  return !tokens.some((_, i) => isFiniteVerb(tokens, i))
}

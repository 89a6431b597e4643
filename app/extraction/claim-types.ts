/**
 * What kind of claim it is, after Full Fact's claim types: a quantity (a figure, amount or rate), a
 * comparison, a cause, a prediction, a law or rule, a personal experience, or what someone said.
 * Shown as a facet and used to keep checkable kinds from scoring as chatter.
 */
import type { NumberMention } from './numbers'

export type ClaimType = 'quantity' | 'comparison' | 'cause' | 'prediction' | 'rule' | 'personal' | 'quote'

const COMPARISON = /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|faster|slower|cheaper|better|worse|most|least|biggest|largest|highest|lowest|first|record|than|compared (?:with|to)|up from|down from|rose|fell|increased|decreased|doubled|tripled|halved)\b/i
const CAUSE = /\b(?:because|due to|as a result of|caused|causes|causing|led to|leads to|blamed|thanks to|resulted in|results in|owing to|so that)\b/i
const PREDICTION = /\b(?:will|would|is expected to|are expected to|is likely to|forecasts?|predicts?|projected|plans? to|aims? to|is set to|are set to|expects?)\b/i
const RULE = /\b(?:law|laws|rule|rules|regulation|regulations|banned|bans?|prohibit(?:s|ed)?|legal|illegal|required by|must|mandatory|statute|act|decree|ordinance|treaty|constitution)\b/i
const PERSONAL = /^(?:I|We)\b|\b(?:I|we) (?:was|were|have|had|saw|felt|lived|worked)\b/

export function claimTypes(text: string, numbers: NumberMention[], quoted: boolean): ClaimType[] {
  const out: ClaimType[] = []
  if (numbers.some((n) => n.kind !== 'ordinal')) out.push('quantity')
  if (COMPARISON.test(text)) out.push('comparison')
  if (CAUSE.test(text)) out.push('cause')
  if (PREDICTION.test(text)) out.push('prediction')
  if (RULE.test(text)) out.push('rule')
  if (PERSONAL.test(text)) out.push('personal')
  if (quoted) out.push('quote')
  return out
}

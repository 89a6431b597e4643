/** Characters of context kept on each side of a quote (W3C TextQuoteSelector prefix/suffix). */
export const QUOTE_CONTEXT = 32

export type TextQuoteSelector = { exact: string; prefix: string; suffix: string }
export type TextPositionSelector = { start: number; end: number }

/** The TextQuote selector for a span of `body` (UTF-16 offsets). */
export function textQuoteFor(body: string, start: number, end: number): TextQuoteSelector {
  return {
    exact: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: body.slice(end, end + QUOTE_CONTEXT),
  }
}

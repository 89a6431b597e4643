/**
 * How alike two claims are: Jaccard overlap of their content words (stop words dropped, light
 * stemming), with numbers kept exact so "$48.5 million" and "$3 million" never look the same.
 */
const STOP = new Set(
  'a an the of to in on at by for from with and or but is are was were be been being has have had do does did it its this that these those as into than then there their they he she his her we our you your i not no also said says say according which who whom whose what when where while about after before over under more most such can could would should will may might must just only very'.split(
    ' ',
  ),
)

function stem(w: string) {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1)
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3)
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2)
  return w
}

/** The content words of a claim, normalised; numbers as written without separators. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>()
  for (const raw of text.toLowerCase().match(/[$€£]?\d[\d,.]*%?|[\p{L}][\p{L}'’-]*/gu) ?? []) {
    if (/\d/.test(raw)) {
      out.add(`#${raw.replace(/,/g, '').replace(/\.$/, '')}`)
      continue
    }
    const w = raw.replace(/['’]s$/, '')
    if (STOP.has(w) || w.length < 2) continue
    out.add(stem(w))
  }
  return out
}

export function similarity(a: string, b: string) {
  return wordSimilarity(contentWords(a), contentWords(b))
}

/** `similarity` for content words already computed (a claim compared with many candidates). */
export function wordSimilarity(x: Set<string>, y: Set<string>) {
  if (x.size === 0 || y.size === 0) return 0
  let inter = 0
  for (const w of x) if (y.has(w)) inter++
  // Numbers must agree: a claim about a different figure is a different claim.
  const numsX = [...x].filter((w) => w.startsWith('#'))
  const numsY = [...y].filter((w) => w.startsWith('#'))
  if (numsX.length && numsY.length && !numsX.some((n) => y.has(n))) return 0
  return inter / (x.size + y.size - inter)
}

/** Claims at or above this similarity are linked as saying the same thing (measured in similarity.test.ts). */
export const MATCH_THRESHOLD = 0.45

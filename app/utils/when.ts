// One formatter for every call: building an Intl formatter (what toLocaleString does each time) costs
// more than the rest of the formatting, and a claim's history formats a date per event.
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' })

/** A moment as people read it on the desk: `2 Dec 2026, 05:40 UTC`. */
export function formatWhen(at: string | Date) {
  const d = new Date(at)
  return `${d.getUTCDate()} ${MONTH.format(d)} ${d.getUTCFullYear()}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`
}

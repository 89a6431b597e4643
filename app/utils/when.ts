/** A moment as people read it on the desk: `2 Dec 2026, 05:40 UTC`. */
export function formatWhen(at: string | Date) {
  const d = new Date(at)
  return `${d.getUTCDate()} ${d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${d.getUTCFullYear()}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`
}

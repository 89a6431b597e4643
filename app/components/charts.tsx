import type { ClaimStatus } from '../workflow'

export const STATUS_COLOURS: Record<ClaimStatus, string> = {
  unreviewed: '#6b7280',
  in_review: '#1f4fa3',
  reviewed: '#6d3fb3',
  approved: '#1d6b3a',
  discarded: '#b8bcc4',
}

type Part = { key: string; label: string; value: number; colour: string }

/** A horizontal stacked bar of parts, as an accessible SVG with a text summary. */
export function StackedBar({ parts, label, height = 18 }: { parts: Part[]; label: string; height?: number }) {
  const total = parts.reduce((n, p) => n + p.value, 0)
  const summary = `${label}: ${total === 0 ? 'no claims' : parts.filter((p) => p.value).map((p) => `${p.value} ${p.label.toLowerCase()}`).join(', ')}`
  let x = 0
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" className="stacked-bar" height={height}>
      <title>{summary}</title>
      {total === 0 ? <rect x="0" y="0" width="100" height={height} fill="#eef0f4" /> : null}
      {parts.map((p) => {
        const w = total ? (p.value / total) * 100 : 0
        const rect = w > 0 ? <rect key={p.key} x={x} y="0" width={w} height={height} fill={p.colour} /> : null
        x += w
        return rect
      })}
    </svg>
  )
}

/** Vertical bars with their values, for counts by category. */
export function BarChart({ parts, label }: { parts: Part[]; label: string }) {
  const max = Math.max(1, ...parts.map((p) => p.value))
  const width = parts.length * 60
  const summary = `${label}: ${parts.map((p) => `${p.label} ${p.value}`).join(', ')}`
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${width} 150`} className="bar-chart">
      <title>{summary}</title>
      {parts.map((p, i) => {
        const h = (p.value / max) * 100
        return (
          <g key={p.key}>
            <rect x={i * 60 + 10} y={115 - h} width="40" height={h} fill={p.colour} rx="3" />
            <text x={i * 60 + 30} y={110 - h} textAnchor="middle" fontSize="12" fill="#1d1f23">
              {p.value}
            </text>
            <text x={i * 60 + 30} y="132" textAnchor="middle" fontSize="10" fill="#5b616b">
              {p.label.length > 11 ? `${p.label.slice(0, 10)}…` : p.label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

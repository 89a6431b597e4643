import { Link } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import type { ClaimStatus } from '../workflow'
import { segmentsFor } from '../anchoring/segments'
import { STATUS_LABELS } from './status-badge'

type HighlightClaim = { id: number; start: number; end: number; status: ClaimStatus; number: number }

/**
 * The article body as plain text with every claim's span highlighted. Overlapping spans are cut
 * into segments; each highlight links to the innermost claim covering it.
 */
export function ArticleText({
  body,
  claims,
  onSelect,
  offset = 0,
}: {
  body: string
  /** Spans as offsets into `body`. */
  claims: HighlightClaim[]
  onSelect?: (selection: { start: number; end: number; text: string } | null) => void
  /** Where `body` starts in the whole article, when it is one part of it: selections are reported in the article's offsets. */
  offset?: number
}) {
  const ref = useRef<HTMLDivElement>(null)
  const byId = new Map(claims.map((c) => [c.id, c]))
  const segments = segmentsFor(body.length, claims)

  useEffect(() => {
    const el = ref.current
    if (!el || !onSelect) return
    const handler = () => {
      const sel = window.getSelection()
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return onSelect(null)
      const range = sel.getRangeAt(0)
      if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return onSelect(null)
      const offsetOf = (node: Node, offset: number) => {
        const pre = document.createRange()
        pre.selectNodeContents(el)
        pre.setEnd(node, offset)
        return pre.toString().length
      }
      const start = offsetOf(range.startContainer, range.startOffset)
      const end = offsetOf(range.endContainer, range.endOffset)
      if (end - start < 3) return onSelect(null)
      onSelect({ start: start + offset, end: end + offset, text: body.slice(start, end) })
    }
    el.addEventListener('mouseup', handler)
    el.addEventListener('keyup', handler)
    return () => {
      el.removeEventListener('mouseup', handler)
      el.removeEventListener('keyup', handler)
    }
  }, [body, onSelect, offset])

  return (
    <div ref={ref} className="article-body" aria-label="Article text with highlighted claims" role="document">
      {segments.map((seg) => {
        const text = body.slice(seg.start, seg.end)
        if (seg.ids.length === 0) return <span key={seg.start}>{text}</span>
        const inner = byId.get(seg.ids[seg.ids.length - 1]!)!
        const others = seg.ids.slice(0, -1).map((id) => `claim ${byId.get(id)!.number}`)
        return (
          <Link
            key={seg.start}
            to={`/claims/${inner.id}`}
            className={`hl status-${inner.status}${seg.ids.length > 1 ? ' overlap' : ''}`}
            aria-label={`Claim ${inner.number}: ${STATUS_LABELS[inner.status]}${others.length ? ` (also in ${others.join(', ')})` : ''}`}
            title={others.length ? `Also part of ${others.join(', ')}` : undefined}
            data-claim={inner.id}
          >
            <mark>{text}</mark>
          </Link>
        )
      })}
    </div>
  )
}

/** Offers "Add claim" for the text selected in the article (with JavaScript). */
export function useTextSelection() {
  const [selection, setSelection] = useState<{ start: number; end: number; text: string } | null>(null)
  return { selection, setSelection }
}

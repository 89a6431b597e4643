import { findMentions } from '~/workflow'

export type CommentPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string } | { kind: 'mention'; text: string }

/** http(s) addresses; anything else that looks like a scheme (javascript:, data:) stays text. */
const LINK = /\bhttps?:\/\/[^\s<>"'`]+/gi

/** Punctuation that ends a sentence rather than the address; a closing bracket only when unbalanced. */
function trimLink(url: string) {
  let end = url.length
  for (;;) {
    const last = url[end - 1]
    if (!last) break
    if ('.,;:!?\''.includes(last)) end--
    else if (last === ')' && (url.slice(0, end).match(/\(/g)?.length ?? 0) < (url.slice(0, end).match(/\)/g)?.length ?? 0)) end--
    else if (last === ']' || last === '}') end--
    else break
  }
  return url.slice(0, end)
}

/**
 * A comment's plain text as parts: links (http and https only), mentions of the given handles
 * (lower case, with the @), and text. Nothing else is markup: React renders every part as text.
 */
export function segmentComment(body: string, handles: ReadonlySet<string>): CommentPart[] {
  const marks: { start: number; end: number; part: CommentPart }[] = []
  for (const m of body.matchAll(LINK)) {
    const url = trimLink(m[0])
    let href: string
    try {
      href = new URL(url).href
    } catch {
      continue
    }
    marks.push({ start: m.index!, end: m.index! + url.length, part: { kind: 'link', text: url, href } })
  }
  for (const m of findMentions(body)) {
    if (!handles.has(`@${m.handle}`)) continue
    if (marks.some((k) => m.start < k.end && k.start < m.end)) continue
    marks.push({ start: m.start, end: m.end, part: { kind: 'mention', text: body.slice(m.start, m.end) } })
  }
  marks.sort((a, b) => a.start - b.start)
  const parts: CommentPart[] = []
  let at = 0
  for (const k of marks) {
    if (k.start < at) continue
    if (k.start > at) parts.push({ kind: 'text', text: body.slice(at, k.start) })
    parts.push(k.part)
    at = k.end
  }
  if (at < body.length) parts.push({ kind: 'text', text: body.slice(at) })
  return parts
}

/** A comment as people wrote it: line breaks kept, links clickable, mentions marked, nothing else rendered. */
export function CommentText({ body, handles }: { body: string; handles: ReadonlySet<string> }) {
  return (
    <div className="comment-body">
      {segmentComment(body, handles).map((p, i) =>
        p.kind === 'link' ? (
          <a key={i} href={p.href} rel="noopener noreferrer nofollow ugc" target="_blank">
            {p.text}
          </a>
        ) : p.kind === 'mention' ? (
          <span key={i} className="mention">
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  )
}

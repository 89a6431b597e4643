import { useId, useRef, useState, type TextareaHTMLAttributes } from 'react'

export type MentionUser = { id: number; name: string; handle: string }

/** The `@…` being typed just before the caret, if any. */
function typedMention(value: string, caret: number) {
  const m = /(^|[^\p{L}\p{N}_.@+-])@([\p{L}\p{N}._%+@-]*)$/u.exec(value.slice(0, caret))
  return m ? { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() } : null
}

/**
 * A textarea that suggests users while an `@handle` is typed: arrow keys choose, Enter or Tab
 * inserts, Escape closes; a click inserts too. Without JavaScript it is a plain textarea and
 * handles are typed in full.
 */
export function MentionTextarea({ users, ...props }: { users: MentionUser[] } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const listId = useId()
  const [open, setOpen] = useState<{ start: number; matches: MentionUser[] } | null>(null)
  const [active, setActive] = useState(0)

  const update = () => {
    const el = ref.current
    if (!el) return
    const typed = typedMention(el.value, el.selectionStart ?? el.value.length)
    if (!typed) return setOpen(null)
    const matches = users
      .filter((u) => u.handle.startsWith(typed.query) || u.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(typed.query)))
      .slice(0, 8)
    setOpen(matches.length ? { start: typed.start, matches } : null)
    setActive(0)
  }

  const insert = (user: MentionUser) => {
    const el = ref.current
    if (!el || !open) return
    const caret = el.selectionStart ?? el.value.length
    const text = `@${user.handle} `
    el.setRangeText(text, open.start, caret, 'end')
    // Form validation listens for input events; a programmatic change sends none of its own.
    el.dispatchEvent(new Event('input', { bubbles: true }))
    setOpen(null)
    el.focus()
  }

  return (
    <div className="mention-box">
      <textarea
        {...props}
        ref={ref}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onInput={update}
        onClick={update}
        onBlur={() => setTimeout(() => setOpen(null), 150)}
        onKeyDown={(e) => {
          if (!open) return
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            const n = open.matches.length
            setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n))
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault()
            insert(open.matches[active]!)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            setOpen(null)
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="People to mention" className="mention-list" hidden={!open}>
        {open?.matches.map((u, i) => (
          <li
            key={u.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault()
              insert(u)
            }}
          >
            <strong>@{u.handle}</strong> <span className="muted">{u.name}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}

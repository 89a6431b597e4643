import { describe, expect, test } from 'vitest'
import { segmentComment } from './comment-text'

const handles = new Set(['@editor', '@anna@example.org'])

describe('segmentComment', () => {
  test('links become link parts without trailing sentence punctuation; brackets balance', () => {
    expect(segmentComment('See https://example.org/a?b=1. And (https://en.wikipedia.org/wiki/Foo_(bar)).', handles)).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { kind: 'text', text: '. And (' },
      { kind: 'link', text: 'https://en.wikipedia.org/wiki/Foo_(bar)', href: 'https://en.wikipedia.org/wiki/Foo_(bar)' },
      { kind: 'text', text: ').' },
    ])
  })

  test('only http and https are links; markup stays text', () => {
    const parts = segmentComment('javascript:alert(1) <a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)> data:text/html,hi', handles)
    expect(parts).toEqual([{ kind: 'text', text: 'javascript:alert(1) <a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)> data:text/html,hi' }])
  })

  test('known mentions are marked, unknown ones and email addresses are text', () => {
    expect(segmentComment('@editor and @Anna@example.org, not @nobody or me@editor.com', handles)).toEqual([
      { kind: 'mention', text: '@editor' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', text: '@Anna@example.org' },
      { kind: 'text', text: ', not @nobody or me@editor.com' },
    ])
  })
})

import { describe, expect, test } from 'vitest'
import { htmlToArticle, markdownToText } from './html-to-text'

const PAGE = `<!doctype html><html><head><title>Council approves bridge | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-15T08:30:00Z"><link rel="canonical" href="https://news.example/bridge">
<style>body{color:red}</style><script>window.evil = 1</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Council approves bridge</h1>
<p>The council voted 7 to 2 on Tuesday to approve a new bridge over the river, ending a dispute that began in 2013.</p>
<p>The project is expected to cost $48.5 million, with 60% paid by the state government, officials said.</p>
<script>document.write('injected')</script><ul><li>First fact about the bridge project here.</li><li>Second fact.</li></ul></article>
<footer>Copyright</footer></body></html>`

describe('htmlToArticle', () => {
  test('keeps the article text as plain lines and drops scripts, styles and navigation', () => {
    const a = htmlToArticle(PAGE, 'https://news.example/bridge?utm=1')
    expect(a.body).toContain('The council voted 7 to 2 on Tuesday')
    expect(a.body.split('\n')).toContain('The project is expected to cost $48.5 million, with 60% paid by the state government, officials said.')
    expect(a.body).toContain('- First fact about the bridge project here.')
    expect(a.body).not.toMatch(/evil|injected|color:red|<\w+|World/)
    expect(a).toMatchObject({ publisher: 'Example News', author: 'Jane Reporter', publishedAt: '2024-03-15', url: 'https://news.example/bridge' })
    expect(a.title).toContain('Council approves bridge')
  })

  test.each([
    ['https://exa mple.com/x', '99999-12-31'],
    ['javascript:alert(1)', '2026-02-31'],
    ['//evil.example/x', '0000-01-01'],
    ['https://news.example/' + 'x'.repeat(3000), 'tomorrow-ish'],
  ])('metadata a form would refuse is dropped and the article kept (case %#)', (canonical, published) => {
    const page = PAGE.replace('https://news.example/bridge', canonical).replace('2024-03-15T08:30:00Z', published)
    const withoutUrl = htmlToArticle(page)
    expect(withoutUrl.body).toContain('The council voted 7 to 2 on Tuesday')
    expect(withoutUrl.url).toBeNull()
    expect(withoutUrl.publishedAt).toBeNull()
    expect(htmlToArticle(page, 'https://news.example/fetched').url).toBe('https://news.example/fetched')
  })

  test('markdown becomes plain text', () => {
    expect(markdownToText('# Title\n\nSome **bold** and _italic_ with a [link](http://x).\n\n* item')).toBe('Title\n\nSome bold and italic with a link.\n\n- item')
  })
})

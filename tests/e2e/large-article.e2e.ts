import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { baseURL, sessionCookie } from './browser'
import { roleTokens, useServerDatabase, type RoleTokens } from './server-db'

let db: ReturnType<typeof useServerDatabase>
let tokens: RoleTokens
let cookie: string

beforeAll(async () => {
  db = useServerDatabase()
  tokens = roleTokens('large article test')
  cookie = await sessionCookie('reviewer@example.com')
})
afterAll(() => db.$client.close())

/** About `size` characters of real news text: the fixture article, numbered, again and again. */
function largeText(size: number) {
  const article = fs.readFileSync(path.resolve(__dirname, '../../../shared/fixtures/articles/interpol-syria.txt'), 'utf8')
  const parts: string[] = []
  for (let i = 1, length = 0; length < size; i++) {
    const part = `Report ${i}.\n${article}\n\n`
    parts.push(part)
    length += part.length
  }
  return parts.join('')
}

describe('a multi-megabyte article', () => {
  test('while it is imported, /healthz keeps answering quickly; its page then answers 200 fast, one part at a time', async () => {
    const body = largeText(2_000_000)
    let importing = true
    const healthz: number[] = []
    const probe = (async () => {
      while (importing) {
        const started = performance.now()
        const res = await fetch(`${baseURL()}/healthz`)
        await res.arrayBuffer()
        expect(res.status).toBe(200)
        healthz.push(performance.now() - started)
        await new Promise((r) => setTimeout(r, 50))
      }
    })()
    const started = performance.now()
    const res = await fetch(`${baseURL()}/api/v1/articles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.reviewer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'A very long report', body }),
    })
    const imported = (await res.json()) as { id: number; claims: unknown[] }
    const importMs = performance.now() - started
    importing = false
    await probe
    expect(res.status).toBe(201)
    expect(imported.claims.length).toBeGreaterThan(5000)
    const sorted = [...healthz].sort((a, b) => a - b)
    console.log(
      `import of ${(body.length / 1e6).toFixed(1)} MB, ${imported.claims.length} claims: ${Math.round(importMs)} ms; ` +
        `/healthz during it: ${healthz.length} answers, median ${Math.round(sorted[sorted.length >> 1]!)} ms, slowest ${Math.round(sorted.at(-1)!)} ms`,
    )
    expect(healthz.length).toBeGreaterThan(10)
    expect(sorted.at(-1)!).toBeLessThan(1000)

    const pageStarted = performance.now()
    const page = await fetch(`${baseURL()}/articles/${imported.id}`, { headers: { Cookie: cookie } })
    const html = await page.text()
    const pageMs = performance.now() - pageStarted
    console.log(`article page: ${Math.round(pageMs)} ms, ${Math.round(html.length / 1024)} KB`)
    expect(page.status).toBe(200)
    expect(html).toContain('This article is too large to show whole')
    expect(html).toContain('Part 2 →')
    expect(html.length).toBeLessThan(3_000_000)
    expect(pageMs).toBeLessThan(3000)

    const last = await fetch(`${baseURL()}/articles/${imported.id}?part=999`, { headers: { Cookie: cookie } })
    expect(last.status).toBe(200)
    expect(await last.text()).toContain('← Part')
  }, 180_000)
})

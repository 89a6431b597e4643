import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getClaim } from '../../app/models/claim.server'
import { createApiToken } from '../../app/models/api-token.server'
import { makeArticleWithClaims, makeUser } from '../factories'
import { baseURL, expectVisible, launchBrowser, logIn, newContext, screenshot, type Browser } from './browser'
import { roleTokens, useServerDatabase, type RoleTokens } from './server-db'

let db: ReturnType<typeof useServerDatabase>
let browser: Browser
let tokens: RoleTokens

beforeAll(async () => {
  db = useServerDatabase()
  tokens = roleTokens('desk test')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  db.$client.close()
})

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

describe('comments, mentions and the inbox', () => {
  test('a mention with the autocomplete reaches the mentioned user’s inbox; the unread count falls when read', async () => {
    const mentioned = await makeUser({ email: 'mona.mention@example.com', name: 'Mona Mention', role: 'reviewer', password: 'mona-password-1' })
    const { claims } = makeArticleWithClaims({ title: 'Harbour report', sentences: ['The harbour handled 4.2 million containers in 2025.'] })
    const claimId = claims[0]!.id

    const context = await newContext(browser)
    const page = await context.newPage()
    await logIn(page, 'reviewer@example.com')
    await page.goto(`/claims/${claimId}`)
    const box = page.getByRole('combobox', { name: 'Comment' })
    await box.click()
    await box.pressSequentially('Could you check the port authority figures, @mon')
    const option = page.getByRole('option', { name: /@mona\.mention/ })
    await expectVisible(option)
    await box.press('Enter')
    expect(await box.inputValue()).toBe('Could you check the port authority figures, @mona.mention ')
    await box.pressSequentially('? Source: https://port.example/annual-2025. <b>not bold</b>')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Comment posted.' }))
    const thread = page.getByRole('region', { name: /Discussion/ })
    await expectVisible(thread.locator('.mention', { hasText: '@mona.mention' }))
    expect(await thread.getByRole('link', { name: 'https://port.example/annual-2025' }).getAttribute('href')).toBe('https://port.example/annual-2025')
    expect(await thread.locator('b').count()).toBe(0)
    await expectVisible(thread.getByText('<b>not bold</b>', { exact: false }))
    await expectVisible(page.getByRole('region', { name: 'History' }).getByText('commented'))
    await context.close()

    // Mona signs in: the navigation shows one unread, the inbox shows the mention.
    const monaContext = await newContext(browser)
    const mona = await monaContext.newPage()
    await logIn(mona, 'mona.mention@example.com', 'mona-password-1')
    const nav = mona.getByRole('navigation', { name: 'Main' })
    await expectVisible(nav.getByRole('link', { name: 'Inbox, 1 unread' }))
    await nav.getByRole('link', { name: /Inbox/ }).click()
    await mona.waitForURL(/\/inbox$/)
    const item = mona.getByRole('list', { name: 'Inbox items' }).getByRole('listitem').first()
    await expectVisible(item.getByText('You were mentioned'))
    await expectVisible(item.getByRole('link', { name: 'The harbour handled 4.2 million containers in 2025.' }))
    await expectVisible(item.getByText('Could you check the port authority figures', { exact: false }))
    await screenshot(mona, 'inbox')
    // Keyboard: j moves to the item, r marks it read.
    await mona.keyboard.press('j')
    await mona.keyboard.press('r')
    await expectVisible(mona.getByRole('status').filter({ hasText: 'Marked read.' }))
    await expectVisible(nav.getByRole('link', { name: 'Inbox', exact: true }))
    expect(await nav.getByRole('link', { name: /unread/ }).count()).toBe(0)
    // The API agrees.
    const token = createApiToken({ userId: mentioned.id, name: 'mona' }).token
    const inbox = await api('GET', '/inbox?unread=true', token)
    expect(inbox.status).toBe(200)
    expect(inbox.json).toMatchObject({ items: [], unreadCount: 0 })
    const all = await api('GET', '/inbox', token)
    expect(all.json.items[0]).toMatchObject({ kind: 'mention', claim: { id: claimId }, read: true })
    await monaContext.close()
  })

  test('the author edits and deletes their comment, which leaves a marker; others cannot; the API lists and posts comments', async () => {
    const { claims } = makeArticleWithClaims({ title: 'Budget report', sentences: ['The city spent 3 percent more on buses.'] })
    const claimId = claims[0]!.id
    const posted = await api('POST', `/claims/${claimId}/comments`, tokens.reviewer, { body: 'First look: the budget table, row 12.' })
    expect(posted.status).toBe(201)
    expect(posted.json).toMatchObject({ claimId, body: 'First look: the budget table, row 12.', deleted: false, author: { name: expect.any(String) } })
    expect((await api('POST', `/claims/${claimId}/comments`, tokens.reviewer, { body: '   ' })).json.error.fields).toHaveProperty('body')
    expect((await api('POST', `/claims/${claimId}/comments`, tokens.reviewer, { body: 'x', extra: 1 })).status).toBe(422)
    expect((await api('POST', '/claims/999999/comments', tokens.reviewer, { body: 'x' })).status).toBe(404)

    const context = await newContext(browser)
    const editor = await context.newPage()
    await logIn(editor, 'editor@example.com')
    await editor.goto(`/claims/${claimId}`)
    // Not the author: no edit or delete controls, and a forged delete is refused.
    expect(await editor.getByRole('button', { name: /Delete comment/ }).count()).toBe(0)
    const forged = await editor.request.post(`/claims/${claimId}`, { form: { intent: 'delete-comment', commentId: String(posted.json.id) }, maxRedirects: 0 })
    expect(forged.status()).toBe(403)
    await context.close()

    const reviewerContext = await newContext(browser)
    const page = await reviewerContext.newPage()
    await logIn(page, 'reviewer@example.com')
    await page.goto(`/claims/${claimId}`)
    const thread = page.getByRole('region', { name: /Discussion/ })
    await thread.getByText('Edit', { exact: true }).click()
    await thread.getByLabel('Edited comment').fill('First look: the budget table, row 14.')
    await thread.getByRole('button', { name: 'Save comment' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Comment saved.' }))
    await expectVisible(thread.getByText('First look: the budget table, row 14.'))
    await expectVisible(thread.getByText('edited', { exact: false }))
    await thread.getByRole('button', { name: /Delete comment/ }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Comment deleted.' }))
    await expectVisible(thread.getByText(/Comment deleted on/))
    const history = page.getByRole('region', { name: 'History' })
    await expectVisible(history.getByText('edited a comment'))
    await expectVisible(history.getByText('deleted a comment'))
    await reviewerContext.close()

    const listed = await api('GET', `/claims/${claimId}/comments`, tokens.editor)
    expect(listed.json.comments).toEqual([expect.objectContaining({ id: posted.json.id, deleted: true, body: '' })])
  })
})

describe('corrections after publication', () => {
  test('an editor reopens an exported claim and changes its verdict: the correction needs its note, is on /corrections and in the JSON export', async () => {
    const { claims } = makeArticleWithClaims({ title: 'Transit report', sentences: ['Ridership on the metro rose 12 percent in 2025.'] })
    const id = claims[0]!.id
    const reviewed = await api('PATCH', `/claims/${id}`, tokens.reviewer, { version: 1, status: 'reviewed', verdict: 'true', rationale: 'The transit authority’s annual report.' })
    expect(reviewed.status).toBe(200)
    expect((await api('PATCH', `/claims/${id}`, tokens.editor, { version: 2, status: 'approved' })).status).toBe(200)
    // Exported: now published.
    const exportRes = await fetch(`${baseURL()}/api/v1/exports/claims?format=json&article=${claims[0]!.articleId}`, { headers: { Authorization: `Bearer ${tokens.editor}` } })
    expect(exportRes.status).toBe(200)
    await exportRes.text()
    expect(getClaim({ id })!.publishedAt).not.toBeNull()
    // Through the API, a verdict change of a published claim without the note is a 422 naming `correction`.
    const refused = await api('PATCH', `/claims/${id}`, tokens.editor, { version: 3, status: 'reviewed', verdict: 'misleading' })
    expect(refused.status).toBe(422)
    expect(refused.json.error.fields).toHaveProperty('correction')
    expect(getClaim({ id })).toMatchObject({ status: 'approved', verdict: 'true' })

    const context = await newContext(browser)
    const page = await context.newPage()
    await logIn(page, 'editor@example.com')
    await page.goto(`/claims/${id}`)
    await page.getByLabel('Why reopen?').fill('The authority revised its figures.')
    await page.getByRole('button', { name: 'Reopen claim' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Reopened for changes.' }))
    await page.getByLabel('Verdict').selectOption('misleading')
    await page.getByLabel('Rationale').fill('The revised report shows 7 percent; 12 percent counted a one-off event.')
    await page.getByRole('button', { name: 'Save review' }).click()
    await expectVisible(page.locator('.field-error').filter({ hasText: 'public correction note' }))
    expect(getClaim({ id })!.verdict).toBe('true')
    await page.getByLabel('Public correction note').fill('Corrected: the transit authority revised ridership growth from 12 to 7 percent.')
    await page.getByRole('button', { name: 'Save review' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Saved.' }))
    expect(getClaim({ id })!.verdict).toBe('misleading')
    await expectVisible(page.getByRole('region', { name: 'History' }).getByText('published a correction'))

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Corrections' }).click()
    await page.waitForURL(/\/corrections$/)
    const first = page.getByRole('list', { name: 'Corrections' }).getByRole('listitem').first()
    await expectVisible(first.getByRole('link', { name: 'Ridership on the metro rose 12 percent in 2025.' }))
    await expectVisible(first.getByText('Corrected: the transit authority revised ridership growth from 12 to 7 percent.'))
    await expectVisible(first.getByText('True'))
    await expectVisible(first.getByText('Misleading'))
    await screenshot(page, 'corrections')
    await context.close()

    const listed = await api('GET', '/corrections', tokens.reviewer)
    expect(listed.json.corrections[0]).toMatchObject({ claim: { id }, oldVerdict: 'true', newVerdict: 'misleading', note: 'Corrected: the transit authority revised ridership growth from 12 to 7 percent.' })

    const json = await fetch(`${baseURL()}/api/v1/exports/claims?format=json&status=all&article=${claims[0]!.articleId}`, { headers: { Authorization: `Bearer ${tokens.editor}` } }).then((r) => r.json())
    expect(json.claims[0].corrections).toEqual([
      expect.objectContaining({ oldVerdict: 'true', newVerdict: 'misleading', note: 'Corrected: the transit authority revised ridership growth from 12 to 7 percent.' }),
    ])
    const md = await fetch(`${baseURL()}/api/v1/exports/claims?format=md&status=all&article=${claims[0]!.articleId}`, { headers: { Authorization: `Bearer ${tokens.editor}` } }).then((r) => r.text())
    expect(md).toContain('Correction')
    expect(md).toContain('was True, now Misleading')
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expectVisible, launchBrowser, logIn, newContext, screenshot, type Browser, type Page } from './browser'

const fixture = fs.readFileSync(path.resolve(__dirname, '../../../shared/fixtures/articles/interpol-syria.txt'), 'utf8')
const TITLE = 'Syria steps up INTERPOL engagement'
const JUNE_CLAIM = 'In June 2021, the Executive Committee decided to lift these measures.'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function openArticle(page: Page) {
  await page.goto('/articles')
  await page.getByRole('link', { name: TITLE }).click()
  await page.waitForURL(/\/articles\/\d+$/)
}

describe('the review workbench', () => {
  test('import the fixture article, review the June 2021 claim with evidence, and see its history', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await logIn(page, 'reviewer@example.com')

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click()
    await page.getByLabel('Title').fill(TITLE)
    await page.getByLabel('Article text').fill(fixture)
    await page.getByLabel('Publisher').fill('Test Wire')
    await page.getByLabel('Publication date').fill('2025-11-20')
    await screenshot(page, 'import')
    await page.getByRole('button', { name: 'Import and find claims' }).click()
    await page.waitForURL(/\/articles\/\d+$/)
    await expectVisible(page.getByRole('status').filter({ hasText: /Imported “Syria steps up INTERPOL engagement” — \d+ candidate claims/ }))
    const articleUrl = page.url()

    // Highlights: one link per highlighted segment, each naming its claim and status.
    const highlights = page.locator('.article-body a.hl')
    const claimItems = page.locator('ol.claim-list > li')
    expect(await claimItems.count()).toBeGreaterThanOrEqual(12)
    expect(await highlights.count()).toBeGreaterThanOrEqual(await claimItems.count())
    await expectVisible(page.getByRole('link', { name: /^Claim \d+: Unreviewed$/ }))
    await screenshot(page, 'article')

    // Importing the same text again points to the existing article.
    await page.goto('/articles/new')
    await page.getByLabel('Title').fill('A second copy')
    await page.getByLabel('Article text').fill(fixture)
    await page.getByRole('button', { name: 'Import and find claims' }).click()
    await page.waitForURL(articleUrl)
    await expectVisible(page.getByRole('status').filter({ hasText: 'already in Claimdesk' }))

    // The defining example: open the June 2021 claim from the claims list beside the text.
    await page.getByRole('link', { name: JUNE_CLAIM }).click()
    await page.waitForURL(/\/claims\/\d+$/)
    await expectVisible(page.getByRole('heading', { level: 1, name: JUNE_CLAIM }))
    await expectVisible(page.locator('.facets').getByText('2021-06'))

    await page.getByLabel('Status').selectOption('in_review')
    await page.getByRole('button', { name: 'Save review' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Saved.' }))

    const evidence = page.getByRole('form', { name: 'Add evidence' })
    await evidence.getByLabel('URL', { exact: true }).fill('https://www.interpol.example/news/2021/executive-committee')
    await evidence.getByLabel('Title').fill('Executive Committee lifts corrective measures')
    await evidence.getByLabel('Publisher').fill('INTERPOL')
    await evidence.getByLabel('Supports').check()
    await evidence.getByLabel('Excerpt from the source').fill('In June 2021 the Executive Committee decided to lift the corrective measures on NCB Damascus.')
    await evidence.getByRole('button', { name: 'Add evidence' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Evidence added.' }))
    await expectVisible(page.getByRole('link', { name: 'Executive Committee lifts corrective measures' }))

    // Reviewed needs a verdict and a rationale: the form says so.
    await page.getByLabel('Status').selectOption('reviewed')
    await page.getByRole('button', { name: 'Save review' }).click()
    await expectVisible(page.getByText('A reviewed claim needs a verdict'))
    await page.getByLabel('Verdict').selectOption('true')
    await page.getByLabel('Rationale').fill('INTERPOL’s own announcement confirms the June 2021 decision.')
    await page.getByRole('button', { name: 'Save review' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Saved.' }))

    const history = page.getByRole('region', { name: 'History' })
    for (const line of ['created the claim', 'changed the status', 'added evidence', 'set the verdict', 'edited the rationale']) {
      await expectVisible(history.getByText(line))
    }
    await expectVisible(history.getByText('Rita Reviewer').first())
    await screenshot(page, 'claim')
    await context.close()
  })

  test('an editor approves the reviewed claim (four eyes), it is locked, and it exports', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await logIn(page, 'editor@example.com')
    await page.goto('/claims?status=reviewed')
    await page.getByRole('link', { name: JUNE_CLAIM }).click()
    await page.getByRole('button', { name: 'Approve' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Approved' }))
    await expectVisible(page.getByText('This claim is approved and locked.'))
    expect(await page.getByRole('button', { name: 'Save review' }).count()).toBe(0)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }).click()
    await page.getByLabel('Format').selectOption('csv')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download export' }).click()])
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    expect(csv).toContain(JUNE_CLAIM)
    expect(csv).toContain('https://www.interpol.example/news/2021/executive-committee')
    // the page lists the export it just gave, without being reloaded
    await expectVisible(page.getByRole('cell', { name: 'Eddie Editor' }))
    await screenshot(page, 'exports')
    await context.close()
  })

  test('two people change the same claim: the second gets a 409 showing the other change, and nothing is lost', async () => {
    const reviewerContext = await newContext(browser)
    const editorContext = await newContext(browser)
    const reviewer = await reviewerContext.newPage()
    const editor = await editorContext.newPage()
    await logIn(reviewer, 'reviewer@example.com')
    await logIn(editor, 'editor@example.com')
    await openArticle(reviewer)
    await reviewer.getByRole('link', { name: /^Syria has been a member of INTERPOL since 1953/ }).click()
    await reviewer.waitForURL(/\/claims\/\d+$/)
    await editor.goto(reviewer.url())

    await editor.getByLabel('Verdict').selectOption('true')
    await editor.getByLabel('Rationale').fill('Member since 1953 per INTERPOL’s member list.')
    await editor.getByRole('button', { name: 'Save review' }).click()
    await expectVisible(editor.getByRole('status').filter({ hasText: 'Saved.' }))

    await reviewer.getByLabel('Rationale').fill('Checked the membership list: joined in 1953.')
    const [response] = await Promise.all([
      reviewer.waitForResponse((r) => r.request().method() === 'POST' && /\/claims\/\d+/.test(r.url())),
      reviewer.getByRole('button', { name: 'Save review' }).click(),
    ])
    expect(response.status()).toBe(409)
    const panel = reviewer.getByRole('alert').filter({ hasText: 'Someone else changed this claim' })
    await expectVisible(panel)
    await expectVisible(panel.getByText('Eddie Editor'))
    await expectVisible(panel.getByRole('cell', { name: 'Member since 1953 per INTERPOL’s member list.' }))
    await screenshot(reviewer, 'claim-conflict')
    expect(await reviewer.getByLabel('Rationale').inputValue()).toBe('Checked the membership list: joined in 1953.')
    await reviewer.getByRole('button', { name: 'Save my version anyway' }).click()
    await expectVisible(reviewer.getByRole('status').filter({ hasText: 'Saved.' }))
    expect(await reviewer.getByLabel('Rationale').inputValue()).toBe('Checked the membership list: joined in 1953.')
    await reviewerContext.close()
    await editorContext.close()
  })

  test('without JavaScript: accept a candidate, add a claim by pasting its words, and review it', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    await logIn(page, 'reviewer@example.com')
    await openArticle(page)
    const first = page.locator('ol.claim-list > li').filter({ hasText: 'Unreviewed' }).first()
    await first.getByRole('button', { name: /^Accept/ }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Accepted for review.' }))

    await page.getByText('Add a claim by pasting its exact words').click()
    await page.getByLabel('Exact words from the article').fill('not words from this article at all')
    await page.getByRole('button', { name: 'Add claim' }).click()
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Those exact words are not in the article' }))
    await page.getByText('Add a claim by pasting its exact words').click()
    await page.getByLabel('Exact words from the article').fill('Syria also expressed interest in utilizing INTERPOL’s specialized technical tools')
    await page.getByRole('button', { name: 'Add claim' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Claim added.' }))
    await page.getByRole('link', { name: 'Syria also expressed interest in utilizing INTERPOL’s specialized technical tools', exact: true }).click()
    await expectVisible(page.getByRole('region', { name: 'History' }).getByText('created the claim by hand'))
    await page.getByLabel('Assignee').selectOption({ label: 'Rita Reviewer' })
    await page.getByRole('button', { name: 'Save review' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: 'Saved.' }))
    await context.close()
  })

  test('the queue, the sources library and the dashboard', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await logIn(page, 'reviewer@example.com')
    await page.goto('/claims?q=Executive+Committee&status=all')
    await expectVisible(page.getByRole('link', { name: JUNE_CLAIM }))
    // Once the page runs (its shortcuts answer), a claim opens in the app without loading a new
    // document, and its article link leads to the article.
    // (a key pressed before the scripts have run is lost, so "?" is pressed until the dialog opens)
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    for (let tries = 0; tries < 20 && !(await shortcuts.isVisible()); tries++) {
      await page.keyboard.press('?')
      await shortcuts.waitFor({ state: 'visible', timeout: 500 }).catch(() => {})
    }
    await expectVisible(shortcuts)
    await page.keyboard.press('Escape')
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))
    await page.getByRole('link', { name: JUNE_CLAIM }).click()
    await page.waitForURL(/\/claims\/\d+$/)
    await expectVisible(page.getByRole('heading', { name: JUNE_CLAIM }))
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
    await page.goBack()
    await page.getByRole('row', { name: new RegExp(JUNE_CLAIM.slice(0, 20)) }).getByRole('link', { name: TITLE }).click()
    await page.waitForURL(/\/articles\/\d+$/)
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
    await page.goto('/claims?limit=2')
    expect(await page.locator('tr[data-claim]').count()).toBe(2)
    await page.getByRole('link', { name: 'Next page →' }).click()
    expect(await page.locator('tr[data-claim]').count()).toBe(2)
    await page.goto('/claims?limit=bad')
    await expectVisible(page.getByRole('alert').filter({ hasText: 'limit' }))

    await page.goto('/claims?status=unreviewed&limit=3')
    const boxes = page.locator('tr[data-claim] input[name="ids"]')
    await boxes.nth(0).check()
    await boxes.nth(1).check()
    await page.getByLabel('New status').selectOption('in_review')
    await page.getByRole('button', { name: 'Apply to selected' }).click()
    await expectVisible(page.getByRole('status').filter({ hasText: '2 claims updated.' }))
    await page.keyboard.press('j')
    await page.keyboard.press('?')
    await expectVisible(page.getByRole('dialog', { name: 'Keyboard shortcuts' }))
    await page.keyboard.press('Escape')
    await screenshot(page, 'queue')

    await page.goto('/sources')
    await page.getByLabel('Search sources').fill('corrective measures')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('link', { name: 'Executive Committee lifts corrective measures' }).click()
    await expectVisible(page.getByRole('heading', { name: 'Used as evidence for 1 claim' }))
    await screenshot(page, 'sources')

    await page.goto('/dashboard')
    await expectVisible(page.getByRole('img', { name: /^Claims by status: / }))
    await expectVisible(page.getByRole('link', { name: TITLE }))
    await screenshot(page, 'dashboard')
    await context.close()
  })
})

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expectVisible, launchBrowser, logIn, newContext, screenshot, type Browser } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('signing in and roles', () => {
  test.each([
    ['admin@example.com', 'Ada Admin', 'admin'],
    ['editor@example.com', 'Eddie Editor', 'editor'],
    ['reviewer@example.com', 'Rita Reviewer', 'reviewer'],
  ])('%s signs in, sees the articles list and logs out', async (email, name, role) => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await logIn(page, email)
    expect(new URL(page.url()).pathname).toBe('/articles')
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Articles' }))
    await expectVisible(page.getByRole('link', { name: /Riverton council approves new bridge/ }))
    await expectVisible(page.getByRole('banner').getByText(name))
    const usersLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })
    expect(await usersLink.count()).toBe(role === 'admin' ? 1 : 0)
    if (role === 'editor') await screenshot(page, 'articles-list')

    await page.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.goto('/articles')
    expect(new URL(page.url()).pathname).toBe('/login')
    await context.close()
  })

  test('a visitor who is not signed in is sent to the login page from every page', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    for (const path of ['/', '/articles', '/articles/1', '/admin/users', '/no-such-page']) {
      await page.goto(path)
      const url = new URL(page.url())
      expect(url.pathname, path).toBe('/login')
    }
    await page.goto('/articles/1')
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/articles/1')
    await screenshot(page, 'login')
    await context.close()
  })

  test('wrong credentials get one generic message and missing fields are named', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/login')
    await page.getByLabel('Email').fill('reviewer@example.com')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }))

    await page.getByLabel('Email').fill('nobody@example.com')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }))

    await page.getByLabel('Email').fill('')
    await page.getByLabel('Password').fill('')
    // bypass the browser's own required-field check to see the server's answer
    await page.evaluate(() => document.querySelector('form')?.setAttribute('novalidate', ''))
    const response = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/login') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]).then(([r]) => r)
    expect(response.status()).toBe(400)
    await expectVisible(page.getByText('Email is required'))
    await expectVisible(page.getByText('Password is required'))
    await context.close()
  })

  test('a reviewer gets a plain 403 page on the admin page; an admin sees the users', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await logIn(page, 'reviewer@example.com')
    const response = await page.goto('/admin/users')
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'You do not have access to this page',
    )
    await screenshot(page, 'forbidden')
    await context.close()

    const adminContext = await newContext(browser)
    const adminPage = await adminContext.newPage()
    await logIn(adminPage, 'admin@example.com')
    await adminPage.goto('/admin/users')
    await expectVisible(adminPage.getByRole('cell', { name: 'reviewer@example.com', exact: true }))
    await screenshot(adminPage, 'admin-users')
    await adminContext.close()
  })

  test('an admin creates a user who can then sign in, and deactivating them ends their session', async () => {
    const adminContext = await newContext(browser)
    const admin = await adminContext.newPage()
    await logIn(admin, 'admin@example.com')
    await admin.goto('/admin/users')
    const form = admin.getByRole('form', { name: 'Add a user' })
    await form.getByLabel('Email').fill('new.reviewer@example.com')
    await form.getByLabel('Name').fill('Nora New')
    await form.getByLabel('Role').selectOption('reviewer')
    await form.getByLabel('Initial password').fill('short')
    await form.getByRole('button', { name: 'Add user' }).click()
    await expectVisible(admin.getByText('Use at least 10 characters'))
    await form.getByLabel('Initial password').fill('a-long-enough-password')
    await form.getByRole('button', { name: 'Add user' }).click()
    await admin.getByRole('status').filter({ hasText: 'Created new.reviewer@example.com' }).waitFor()

    const userContext = await newContext(browser)
    const user = await userContext.newPage()
    await logIn(user, 'new.reviewer@example.com', 'a-long-enough-password')
    expect(new URL(user.url()).pathname).toBe('/articles')

    const row = admin.getByRole('row').filter({ hasText: 'new.reviewer@example.com' })
    await row.getByRole('button', { name: /Deactivate/ }).click()
    await admin.getByRole('status').filter({ hasText: 'deactivated' }).waitFor()

    await user.goto('/articles')
    expect(new URL(user.url()).pathname).toBe('/login')
    await adminContext.close()
    await userContext.close()
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser']

export function chromiumPath() {
  const found = CANDIDATES.find((p): p is string => Boolean(p && fs.existsSync(p)))
  if (!found) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH')
  return found
}

/** Launches the system Chromium headless (Playwright gives it a fresh profile) with no background networking. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export const baseURL = () => inject('baseURL')

export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  return browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 }, ...options })
}

export const DEMO_PASSWORD = 'claimdesk-demo'

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()])
}

/** Signs in over plain HTTP and returns the session cookie (`name=value`) for fetch requests. */
export async function sessionCookie(email: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseURL()}/login`, { method: 'POST', body: new URLSearchParams({ email, password }), redirect: 'manual' })
  const cookie = res.headers.get('set-cookie') ?? ''
  expect(cookie, `sign-in for ${email}`).toMatch(/claimdesk_session=/)
  return cookie.split(';')[0]!
}

const screenshotDir = path.resolve(__dirname, 'screenshots')

/** Saves a full-page screenshot for people to review after the run. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

/** Waits (briefly) until the element is visible; fails the test otherwise. */
export async function expectVisible(locator: Locator, timeout = 5000) {
  await locator.first().waitFor({ state: 'visible', timeout })
}

export type { Browser, BrowserContext, Locator, Page }

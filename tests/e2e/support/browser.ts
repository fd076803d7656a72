import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { inject } from 'vitest'
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium-path.mjs'

export const baseURL = () => inject('baseURL')

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) {
    throw new Error('No Chrome/Chromium found: run `node scripts/ensure-chromium.mjs`.')
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

export interface AppPage {
  context: BrowserContext
  page: Page
  /** Errors the page threw or logged, and Content-Security-Policy violations. */
  problems: string[]
}

/** A fresh profile (empty IndexedDB, no service worker) with one page, watched for errors. */
export async function openApp(
  browser: Browser,
  options: { width?: number; height?: number; hasTouch?: boolean } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    baseURL: baseURL(),
    hasTouch: options.hasTouch ?? false,
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  return { context, page, problems }
}

/**
 * Waits until the app says "Ready to work offline", and checks that by then the service worker
 * controls the page: the app works offline from here on, on the visit that installed it, with
 * no reload (a reload here would hide a page the worker does not control).
 */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor()
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    throw new Error(
      '"Ready to work offline" was shown before the service worker controlled the page',
    )
  }
}

/** Runs axe (WCAG 2.x A and AA rules) and returns the violations, readable in a failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
}

/** A browser with a profile on disk, so a test can close it and start it again ("restart"). */
export async function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('No Chrome/Chromium found.')
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args: CHROMIUM_ARGS,
    baseURL: baseURL(),
    viewport: { width: 1280, height: 800 },
  })
}

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
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

/** Pages whose context blocks service workers (see openApp). */
const withoutServiceWorker = new WeakSet<Page>()

/**
 * A fresh profile (empty IndexedDB, no service worker yet) with one page, watched for errors.
 * With `serviceWorker: true` the app's worker installs as on a real first visit: tests of
 * offline use ask for it. Otherwise the context blocks service workers, as a browser without
 * them would, which spares every other test the download and caching of the whole precache
 * (about 3 MB): about a sixth of the e2e run's time on two cores.
 */
export async function openApp(
  browser: Browser,
  options: { width?: number; height?: number; hasTouch?: boolean; serviceWorker?: boolean } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    baseURL: baseURL(),
    hasTouch: options.hasTouch ?? false,
    serviceWorkers: options.serviceWorker ? 'allow' : 'block',
  })
  const page = await context.newPage()
  if (!options.serviceWorker) withoutServiceWorker.add(page)
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
  if (withoutServiceWorker.has(page)) {
    throw new Error(
      'This page blocks service workers: open it with openApp(…, { serviceWorker: true }).',
    )
  }
  await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor()
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    throw new Error(
      '"Ready to work offline" was shown before the service worker controlled the page',
    )
  }
}

/** Runs axe (WCAG 2.x A and AA rules) and returns the violations, readable in a failure. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/**
 * axe-core's WCAG 2.x A/AA and best-practice rules over the page, or over the parts that match
 * `include`. axe runs in the page itself, injected once per document: @axe-core/playwright's
 * builder opens a second page for every scan to put the frames' results together, which on
 * this app (no frames) cost 0.6 to 1.5 s a scan against 0.1 s for the rules themselves.
 */
export async function axeViolations(
  page: Page,
  include: readonly string[] = [],
): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
      const context = include.length > 0 ? { include: include.map((s) => [s]) } : document
      const results = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        // Only violations are read: axe then keeps one node per passing rule, not all of them.
        resultTypes: ['violations'],
      })
      return results.violations.map((v) => ({
        id: v.id,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }))
    },
    { tags: AXE_TAGS, include: [...include] },
  )
  return violations.map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`)
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

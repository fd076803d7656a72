import { afterAll, beforeAll, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openApp } from '../tests/e2e/support/browser'
import { layoutShift, watchLayoutShift } from './layoutShift'
import { FIRST_SCREEN_BUDGET, measureFirstScreen } from '../tests/e2e/support/firstScreen'
import { kb, printFigure, printHeading } from './report'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it('first screen: gzip size of the JavaScript and CSS the start page loads', async () => {
  const { files, jsGzip, cssGzip } = await measureFirstScreen(browser)
  printHeading('First screen (start page, fresh profile, gzip -9)')
  for (const file of files) {
    printFigure(`  ${file.type} ${file.url}`, kb(file.gzipBytes), `${kb(file.bytes)} uncompressed`)
  }
  printFigure(
    'First-screen JavaScript (gzip)',
    kb(jsGzip),
    `budget ≤ ${kb(FIRST_SCREEN_BUDGET.jsGzip)}`,
  )
  printFigure('First-screen CSS (gzip)', kb(cssGzip), `budget ≤ ${kb(FIRST_SCREEN_BUDGET.cssGzip)}`)
})

it('first screen: layout shift from the first visit until the app is ready offline', async () => {
  const { context, page } = await openApp(browser, { serviceWorker: true })
  await watchLayoutShift(context)
  await page.goto('/')
  await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor()
  await page.waitForTimeout(1000)
  const cls = await layoutShift(page)
  await context.close()
  printHeading('First visit (fresh profile): layout shift until "Ready to work offline" + 1 s')
  printFigure('Cumulative layout shift (PerformanceObserver)', cls.toFixed(3), 'target 0')
})

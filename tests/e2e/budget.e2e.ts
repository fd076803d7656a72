import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openApp } from './support/browser'
import { FIRST_SCREEN_BUDGET, measureFirstScreen, type FirstScreen } from './support/firstScreen'

let browser: Browser
let firstScreen: FirstScreen

beforeAll(async () => {
  browser = await launchBrowser()
  firstScreen = await measureFirstScreen(browser)
})
afterAll(async () => {
  await browser?.close()
})

describe('first-screen size budget', () => {
  it('loads at most 110 KB of gzipped JavaScript', () => {
    expect(firstScreen.files.some((f) => f.type === 'script')).toBe(true)
    expect(firstScreen.jsGzip).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET.jsGzip)
  })

  it('loads at most 15 KB of gzipped CSS', () => {
    expect(firstScreen.files.some((f) => f.type === 'stylesheet')).toBe(true)
    expect(firstScreen.cssGzip).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET.cssGzip)
  })

  it('never loads chart.js or an export library (jsPDF, ExcelJS, docx) on the first screen', () => {
    for (const file of firstScreen.files) {
      expect(file.text, file.url).not.toMatch(/jsPDF|jspdf|Chart\.js|chart\.js|ExcelJS|w:tblHeader/)
    }
  })
})

describe('first visit, no layout shift', () => {
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ] as const) {
    it(`moves nothing on the page at ${width} px until the app is ready offline`, async () => {
      const { context, page } = await openApp(browser, { width, height, serviceWorker: true })
      await context.addInitScript(() => {
        const w = window as unknown as { __shifts: number[] }
        w.__shifts = []
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number
            hadRecentInput: boolean
          })[]) {
            if (!entry.hadRecentInput) w.__shifts.push(entry.value)
          }
        }).observe({ type: 'layout-shift', buffered: true })
      })
      await page.goto('/')
      await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor()
      await page.getByRole('button', { name: 'Import backup' }).waitFor()
      const shifts = await page.evaluate(
        () => (window as unknown as { __shifts: number[] }).__shifts,
      )
      await context.close()
      expect(shifts).toEqual([])
    })
  }
})

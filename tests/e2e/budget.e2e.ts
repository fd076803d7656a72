import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
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

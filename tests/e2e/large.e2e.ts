/**
 * A workspace at the largest register the app allows (10,000 risks): the Report and the Risks
 * screens list a page of it at a time, count all of it, and "show more" or turn the page with
 * focus on the first newly listed item. The rows are written to IndexedDB from the page, which
 * takes a second or two, instead of being typed in.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { buildGaps } from '@/domain/gaps'
import { filterRisks, NO_RISK_FILTER } from '@/domain/risk'
import { largeWorkspaceRecords, storeRecordsInPage } from '../../bench/largeWorkspace'
import { axeViolations, launchBrowser, openApp, type AppPage } from './support/browser'
import { goTo, overflowsHorizontally, text } from './support/overview'
import { assessmentInput } from './support/verdictFixtures'
import { MAX_RISKS_PER_WORKSPACE } from '@/domain/limits'

/** The most risks a workspace may hold. */
const MAX_RISKS = MAX_RISKS_PER_WORKSPACE
const records = largeWorkspaceRecords(MAX_RISKS, 'ws-large', 'Large Register Ltd')
const gaps = buildGaps(assessmentInput(records))
const riskGaps = gaps.filter((g) => g.riskId !== null)
const byLevel = filterRisks(records.risks, NO_RISK_FILTER, records.workspace.riskCriteria)

let browser: Browser
let app: AppPage

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  expect(app.problems).toEqual([])
  await app.context.close()
})

/** Writes a large workspace into the app's database and opens it on `section`. */
async function openLarge(page: Page, section: 'report' | 'risks', workspace = records) {
  await page.goto('/')
  await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
  await page.waitForFunction(async () =>
    (await indexedDB.databases()).some((d) => d.name === 'isms-readiness'),
  )
  await page.evaluate(storeRecordsInPage, workspace)
  await page.goto(`/w/${workspace.workspace.id}/${section}`)
  const name = workspace.workspace.organizationName
  await page.getByRole('heading', { name, level: 1 }).waitFor()
}

const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
/**
 * axe (WCAG 2.x A and AA) over the parts this file is about: over a whole screen of hundreds of
 * table rows it takes many seconds, and the rest of these screens is checked elsewhere.
 */
/** What the app's live region last announced. */
const announced = (page: Page) => text(page.locator('[aria-live="polite"][aria-atomic="true"]'))
const riskFindings = (page: Page) =>
  page.getByRole('region', { name: 'Findings on risks (scrolls sideways)' }).locator('tbody tr')

describe(`a workspace with ${MAX_RISKS.toLocaleString('en')} risks`, () => {
  it(
    'Report: counts every gap, lists 50 findings on risks and shows 50 more',
    { timeout: 60_000 },
    async () => {
      app = await openApp(browser)
      const { page } = app
      await openLarge(page, 'report')
      await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
      await expect
        .poll(() => text(page.getByRole('search', { name: 'Filter gaps' }).getByRole('status')))
        .toBe(`Showing ${gaps.length} of ${gaps.length}`)
      await page.getByRole('heading', { name: `Gaps (${gaps.length})` }).waitFor()
      const recordGaps = page.getByRole('region', { name: 'Gap list (scrolls sideways)' })
      await expect(recordGaps.locator('tbody tr').count()).resolves.toBe(
        gaps.length - riskGaps.length,
      )
      await page.getByRole('heading', { name: `Findings on risks (${riskGaps.length})` }).waitFor()
      await expect(riskFindings(page).count()).resolves.toBe(50)
      await page.getByText(`Listing 50 of ${riskGaps.length} findings on risks.`).waitFor()

      await page.getByRole('button', { name: 'Show 50 more findings on risks' }).click()
      await expect.poll(() => riskFindings(page).count()).toBe(100)
      // The link names the risk by its reference and title: "R-00306 Ransomware affecting …".
      await expect
        .poll(() => focusedText(page))
        .toMatch(new RegExp(`^R-\\d{5} ${riskGaps[50]?.title}$`))
      await expect
        .poll(() => announced(page))
        .toBe(`Listing 100 of ${riskGaps.length} findings on risks.`)

      // The newly focused finding links to its risk, opened on the page of the list that has it.
      const risk = records.risks.find((r) => r.id === riskGaps[50]?.riskId)
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { name: 'Risks', level: 2 }).waitFor()
      expect(page.url()).toContain(`risk=${risk?.id}`)
      const toggle = page.getByRole('button', { name: new RegExp(`^R-\\d{5} ${risk?.title} `) })
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true')
    },
  )

  it(
    'Risks: counts every risk, pages 25 at a time and searches all of them',
    { timeout: 60_000 },
    async () => {
      app = await openApp(browser)
      const { page } = app
      await openLarge(page, 'risks')
      const count = page.getByRole('search', { name: 'Filter risks' }).getByRole('status')
      await expect.poll(() => text(count)).toBe(`Showing ${MAX_RISKS} of ${MAX_RISKS} risks`)
      const rows = page.locator('.risk-list > li')
      await expect(rows.count()).resolves.toBe(25)
      await page
        .getByRole('button', { name: new RegExp(`^R-\\d{5} ${byLevel[0]?.title} `) })
        .waitFor()
      await page.getByText(`Page 1 of ${MAX_RISKS / 25}`, { exact: true }).waitFor()

      await page.getByRole('button', { name: 'Next page' }).click()
      await page.getByText(`Page 2 of ${MAX_RISKS / 25}`, { exact: true }).waitFor()
      await expect
        .poll(() => focusedText(page))
        .toMatch(new RegExp(`^R-\\d{5} ${byLevel[25]?.title} `))
      await expect.poll(() => announced(page)).toBe(`Listing risks 26 to 50 of ${MAX_RISKS}.`)

      const last = records.risks.at(-1)
      await page.getByLabel('Search risks').fill(last?.title ?? '')
      await expect.poll(() => text(count)).toBe(`Showing 1 of ${MAX_RISKS} risks`)
      await expect(rows.count()).resolves.toBe(1)
      await page.getByRole('button', { name: new RegExp(`^R-\\d{5} ${last?.title} `) }).waitFor()
    },
  )

  // A register of 300 risks has the same parts, and axe is quicker over it.
  it(
    'Report and Risks at 360 px, with more to show: no axe violations, no sideways scroll',
    { timeout: 60_000 },
    async () => {
      app = await openApp(browser, { width: 360, height: 740 })
      const { page } = app
      await openLarge(page, 'report', largeWorkspaceRecords(300, 'ws-phone', 'Phone Register Ltd'))
      // On a phone the gap list starts folded, and its findings are cards.
      await page.getByRole('button', { name: /^Gaps / }).click()
      const cards = page.locator('.gap-group:last-child .gap-card')
      await expect.poll(() => cards.count()).toBe(50)
      await page.getByRole('button', { name: 'Show 50 more findings on risks' }).click()
      await expect.poll(() => cards.count()).toBe(100)
      const more = page.locator('.gap-group:last-child').getByRole('button', { name: /^Show / })
      await expect(more.count()).resolves.toBe(1)
      expect(await axeViolations(page, ['.gap-group:last-child']), 'report').toEqual([])
      expect(await overflowsHorizontally(page), 'report scrolls sideways').toBe(false)
      await goTo(page, 'Risks')
      await page.getByRole('button', { name: 'Next page' }).click()
      await page.getByText('Page 2 of 12', { exact: true }).waitFor()
      expect(await axeViolations(page, ['.risk-list', '.pager']), 'risks').toEqual([])
      expect(await overflowsHorizontally(page), 'risks scrolls sideways').toBe(false)
    },
  )
})

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import {
  axeViolations,
  launchBrowser,
  openApp,
  waitForOfflineReady,
  type AppPage,
} from './support/browser'
import { newAssessment, sections } from './support/actions'
import { REMOTE_START_UP, scopingQuestion } from './support/fastStart'

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

const undecided = (page: Page, count: number) =>
  page.getByText(`${count} controls are still undecided.`).waitFor()

/** Answers the interview as a fully remote SaaS start-up, each answer saved as chosen. */
async function answerRemoteStartUp(page: Page) {
  for (const [q, a] of REMOTE_START_UP) {
    await scopingQuestion(page, q)
      .getByRole('radio', { name: a, exact: typeof a === 'string' })
      .check()
  }
  await page.getByText('13 of 13 questions answered.').waitFor()
}

describe('fast start', () => {
  it('interview → review → apply → undo, offline, without overwriting a decision made by hand', async () => {
    app = await openApp(browser, { width: 1920, height: 1080, serviceWorker: true })
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await newAssessment(page, 'Remote Start-up')
    await context.setOffline(true)

    // One decision made by hand first: 7.1 applicable (the interview will suggest excluded).
    await sections(page).getByRole('link', { name: 'Annex A' }).click()
    await page
      .getByRole('group', { name: 'Decision for A.7.1', exact: true })
      .getByRole('radio', { name: 'Applicable' })
      .check()
    await undecided(page, 92)

    await page.getByRole('link', { name: 'Fast start' }).click()
    await page.getByRole('heading', { name: 'Fast start', level: 2 }).waitFor()
    await answerRemoteStartUp(page)
    // The follow-up on secure areas is not asked without premises.
    await expect(scopingQuestion(page, 'room that needs more protection').count()).resolves.toBe(0)

    // The answers are kept: a reload shows them.
    await page.reload()
    await page.getByText('13 of 13 questions answered.').waitFor()
    await page.getByRole('button', { name: 'Review the suggested decisions' }).click()
    const review = page.getByRole('region', {
      name: 'Suggested decisions from the scoping interview',
    })
    await review.getByText('92 new, 1 differ from decisions already made').waitFor()

    // Every suggestion shows where it comes from; 7.1 shows both decisions and starts unticked.
    const row71 = review
      .getByRole('listitem')
      .filter({ hasText: 'A.7.1 Physical security perimeters' })
    await row71.getByText('Your decision now:').waitFor()
    await expect(row71.getByRole('checkbox').isChecked()).resolves.toBe(false)
    await review.getByLabel('Show').selectOption({ label: 'Suggested as excluded' })
    const excludedRows = review.locator('.review__row')
    await expect(excludedRows.count()).resolves.toBe(10)
    await expect(
      review
        .getByRole('listitem')
        .filter({ hasText: 'A.7.2 Physical entry' })
        .getByText('Rule P1: excluded')
        .count(),
    ).resolves.toBe(1)
    await review.getByLabel('Show').selectOption({ label: 'With a warning' })
    await expect(excludedRows.count()).resolves.toBe(4)
    await review.getByText(/A fully remote organization still needs 7\.10 Storage media/).waitFor()

    await review.getByRole('button', { name: 'Apply 92 decisions' }).click()
    const notice = page.locator('#main .bulk-notice')
    await notice
      .getByText('Applied from the scoping interview: 92 decisions recorded in Annex A.')
      .waitFor()
    // The notice is brought from the top of the screen into view, with the keyboard on it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-bulk-notice')))
      .toBe(true)
    await expect
      .poll(() =>
        notice.evaluate((el) => {
          const box = el.getBoundingClientRect()
          return box.top >= 0 && box.bottom <= window.innerHeight
        }),
      )
      .toBe(true)
    await review
      .getByText('0 new, 1 differ from decisions already made, 92 already as suggested')
      .waitFor()
    expect(await axeViolations(page, ['.bulk-notice']), 'notice after applying').toEqual([])

    // The undo follows to Annex A: open it to look, and undo there. All 92 go back to no
    // decision; the one made by hand stays.
    await notice.getByRole('link', { name: 'Open Annex A' }).click()
    await page.getByText('Every control has a decision.').waitFor()
    await notice.getByRole('button', { name: 'Undo' }).click()
    await notice.getByText('Undone: 92 controls are back as before.').waitFor()
    await undecided(page, 92)
    const d71 = page.getByRole('group', { name: 'Decision for A.7.1', exact: true })
    await expect(d71.getByRole('radio', { name: 'Applicable' }).isChecked()).resolves.toBe(true)

    // Back to Fast start: the review starts again from its default ticks. Apply again, and
    // every control is decided: 7.1 as the user left it, 7.2 excluded.
    await page.getByRole('link', { name: 'Fast start' }).click()
    await page.getByRole('button', { name: 'Review the suggested decisions' }).click()
    await review.getByText('92 new, 1 differ').waitFor()
    await review.getByRole('button', { name: 'Apply 92 decisions' }).click()
    await notice.getByText(/^Applied from the scoping interview: 92/).waitFor()
    await notice.getByRole('link', { name: 'Open Annex A' }).click()
    await page.getByText('Every control has a decision.').waitFor()
    await expect(d71.getByRole('radio', { name: 'Applicable' }).isChecked()).resolves.toBe(true)
    const d72 = page.getByRole('group', { name: 'Decision for A.7.2', exact: true })
    await expect(d72.getByRole('radio', { name: 'Excluded' }).isChecked()).resolves.toBe(true)
  })

  it('works at 360 px by keyboard, with no sideways scroll and axe clean', async () => {
    app = await openApp(browser, { width: 360, height: 740, hasTouch: true })
    const { page } = app
    await newAssessment(page, 'Phone Co')
    await page.goto(page.url().replace(/overview.*$/, 'fast-start'))
    await page.getByRole('heading', { name: 'Fast start', level: 2 }).waitFor()
    // A shared office asks who runs it.
    const premises = scopingQuestion(page, 'work from premises of its own')
    await premises.getByRole('radio', { name: /^Only rented space/ }).focus()
    await page.keyboard.press('Space')
    const name = page.getByLabel('Who runs the building (for example the co-working operator)?')
    await name.fill('Hive Offices')
    await page.keyboard.press('Enter')
    await scopingQuestion(page, 'room that needs more protection')
      .getByRole('radio', { name: 'No', exact: true })
      .check()
    await scopingQuestion(page, 'systems run')
      .getByRole('radio', { name: /^Also in cloud/ })
      .check()
    // One axe scan once the review is open: the page then holds the interview and the review.
    await page.getByRole('button', { name: 'Review the suggested decisions' }).click()
    const review = page.getByRole('region', {
      name: 'Suggested decisions from the scoping interview',
    })
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
      'Suggested decisions from the scoping interview',
    )
    await review
      .getByRole('listitem')
      .filter({ hasText: 'A.7.2 Physical entry' })
      .getByText('Applicable, provided by Hive Offices')
      .waitFor()
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360)
    // Every row of the review is the same template: axe reads two rows, not all 93.
    await review.getByLabel('Show').selectOption({ label: 'Suggested as excluded' })
    await expect(axeViolations(page)).resolves.toEqual([])
  })

  it('carries a 2013 SoA forward from CSV and from XLSX: mapping, review, apply, offline', async () => {
    app = await openApp(browser, { width: 1280, height: 900, serviceWorker: true })
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await newAssessment(page, 'Carried Co')
    await context.setOffline(true)
    await page.goto(page.url().replace(/overview.*$/, 'fast-start'))
    await page.getByRole('button', { name: 'Carry an old SoA forward' }).click()

    // A file of the wrong kind is refused, and nothing else happens.
    const file = page.getByLabel('SoA file (CSV or .xlsx)')
    await file.setInputFiles({
      name: 'soa.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7 …'),
    })
    await page.getByRole('alert').waitFor()

    // The 2013 CSV: columns guessed, rows previewed, 2022 suggestions reviewed.
    const csv = await readFile('tests/fixtures/soa-import/soa-2013.csv')
    await file.setInputFiles({ name: 'soa-2013.csv', mimeType: 'text/csv', buffer: csv })
    await page.getByRole('button', { name: /^Review \d+ suggestions$/ }).click()
    const review = page.getByRole('region', {
      name: 'Suggested decisions from the 2013 SoA “soa-2013.csv”',
    })
    await review.getByText(/to choose between/).waitFor()
    const perimeter = review
      .getByRole('listitem')
      .filter({ hasText: 'A.7.1 Physical security perimeters' })
    await perimeter.getByText(/^Row \d+: A\.11\.1\.1/).waitFor()
    const fresh = review
      .getByRole('listitem')
      .filter({ hasText: 'A.5.23 Information security for use of cloud services' })
    await fresh.getByRole('link', { name: 'Decide A.5.23 in Annex A' }).waitFor()
    const applyButton = review.getByRole('button', { name: /^Apply \d+ decisions$/ })
    const label = (await applyButton.textContent())!.trim()
    const applied = Number(/\d+/.exec(label)![0])
    await applyButton.click()
    await page
      .locator('#main')
      .getByText(
        `Applied from the 2013 SoA “soa-2013.csv”: ${applied} decisions recorded in Annex A.`,
      )
      .waitFor()
    // axe reads the mapping step, the preview and the rows left open (conflict, decide fresh).
    await review.getByLabel('Show').selectOption({ label: 'To choose or decide yourself' })
    await expect(axeViolations(page)).resolves.toEqual([])

    // A 2022 workbook with a title row above its header imports the same way.
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('SoA 2022')
    sheet.addRow(['Statement of Applicability, v3'])
    sheet.addRow(['Ref', 'Applicable', 'Justification', 'Status', 'Provided by'])
    sheet.addRow([
      'A.5.7',
      'Yes',
      'We subscribe to our sector’s threat alerts.',
      'Partly',
      'Supplier: CERT Feeds Ltd',
    ])
    sheet.addRow([
      'A.8.30',
      'No',
      'All development is done by our own staff; nothing is outsourced.',
      '',
    ])
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    await file.setInputFiles({
      name: 'soa-2022.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx,
    })
    await page.getByRole('button', { name: 'Review 2 suggestions' }).click()
    const review22 = page.getByRole('region', {
      name: 'Suggested decisions from the 2022 SoA “soa-2022.xlsx”',
    })
    const row57 = review22.getByRole('listitem').filter({ hasText: 'A.5.7 Threat intelligence' })
    await row57.getByText('We subscribe to our sector’s threat alerts.').first().waitFor()
    await review22.getByRole('button', { name: /^Apply \d+ decisions?$/ }).click()
    await page
      .locator('#main')
      .getByText(/^Applied from the 2022 SoA “soa-2022.xlsx”: \d+ decisions? recorded/)
      .waitFor()
    await page.getByRole('link', { name: 'Open Annex A' }).click()
    const d830 = page.getByRole('group', { name: 'Decision for A.8.30', exact: true })
    await expect(d830.getByRole('radio', { name: 'Excluded' }).isChecked()).resolves.toBe(true)
    // The workbook's "Provided by" column carried the supplier forward.
    await page.getByText('Supplier: CERT Feeds Ltd').waitFor()
  })
})

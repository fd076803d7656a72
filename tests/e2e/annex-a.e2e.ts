import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { axeViolations, launchBrowser, openApp, type AppPage } from './support/browser'
import { newAssessment, sections, settled } from './support/actions'

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

const decision = (page: Page, id: string) =>
  page.getByRole('group', { name: `Decision for A.${id}`, exact: true })
const status = (page: Page, id: string) =>
  page.getByLabel(`Implementation status for A.${id}`, { exact: true })
const undecided = (page: Page, count: number) =>
  page.getByText(`${count} controls are still undecided.`).waitFor()

/** The smallest side of every touch target on the Annex A rows, in CSS pixels. */
const smallestTarget = (page: Page) =>
  page.evaluate(() => {
    const targets = document.querySelectorAll(
      '.control-row__select, .control-row__toggle, .inline-decision label, .inline-decision select, .inline-decision button',
    )
    let smallest = Infinity
    for (const target of targets) {
      const box = target.getBoundingClientRect()
      // Hidden labels name the selects; they are not something to touch.
      if (target.classList.contains('visually-hidden')) continue
      smallest = Math.min(smallest, box.width, box.height)
    }
    return { count: targets.length, smallest }
  })

describe.each([
  { width: 360, height: 740, hasTouch: true },
  { width: 1920, height: 1080, hasTouch: false },
])('Annex A on its rows at $width px', ({ width, height, hasTouch }) => {
  it('decides controls inline, asks for the missing justification, and keeps them after reload', async () => {
    app = await openApp(browser, { width, height, hasTouch })
    const { page } = app
    const press = (target: Locator) => (hasTouch ? target.tap() : target.click())
    await newAssessment(page, 'Inline Co')
    await sections(page).getByRole('link', { name: 'Annex A' }).click()
    await undecided(page, 93)

    // Applicable and a status, without opening the row.
    await press(decision(page, '5.1').getByRole('radio', { name: 'Applicable' }))
    await status(page, '5.1').selectOption({ label: 'Implemented' })
    await undecided(page, 92)

    // Excluded: not recorded until its justification is written, and the row says so.
    await press(decision(page, '5.2').getByRole('radio', { name: 'Excluded' }))
    const needed = page.getByRole('button', { name: 'Justification needed for A.5.2', exact: true })
    await needed.waitFor()
    await expect(status(page, '5.2').count()).resolves.toBe(0)

    // The bulk panel starts with no decision and says what is missing.
    await press(page.getByRole('checkbox', { name: /^Select 5\.3 / }))
    const panel = page.getByRole('region', { name: /Decide 1 selected control together/ })
    await panel.getByText('Choose a decision: Applicable or Excluded.').waitFor()
    await expect(panel.getByRole('button', { name: /^Apply to/ }).isDisabled()).resolves.toBe(true)

    const targets = await smallestTarget(page)
    expect(targets.count).toBeGreaterThan(93 * 3)
    if (width === 360) expect(targets.smallest).toBeGreaterThanOrEqual(44)
    expect(await axeViolations(page), `annex a at ${width}`).toEqual([])
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
    ).toBe(false)

    // "Justification needed" opens the editor on the exclusion, the cursor in the text.
    await press(needed)
    const editor = page.locator('[data-control-id="5.2"]')
    // The exclusion's text is the editor's only text area until the control applies.
    const justification = editor.locator('textarea')
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
    await justification.fill('We are a one-person company: no roles to divide.')
    await justification.press('Tab')
    await settled(editor)
    await undecided(page, 91)

    await page.reload()
    await undecided(page, 91)
    await press(page.getByRole('button', { name: /^5\.2 / })) // close the editor
    await expect(
      decision(page, '5.1').getByRole('radio', { name: 'Applicable' }).isChecked(),
    ).resolves.toBe(true)
    await expect(status(page, '5.1').inputValue()).resolves.toBe('implemented')
    await expect(
      decision(page, '5.2').getByRole('radio', { name: 'Excluded' }).isChecked(),
    ).resolves.toBe(true)
    await expect(needed.count()).resolves.toBe(0)
  })
})

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { axeViolations, launchBrowser, openApp, type AppPage } from './support/browser'

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

/** True when the page scrolls sideways, i.e. something does not fit the viewport. */
const overflowsHorizontally = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)

const SCREENS = [
  { name: 'Overview', heading: 'Overview' },
  { name: 'Clauses', heading: '4.1 Understanding the organization and its context' },
  { name: 'Annex A', heading: 'Annex A controls' },
  { name: 'Risks', heading: 'Risks' },
  { name: 'Report', heading: 'Report' },
] as const

describe.each([
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
])('at $width px wide', ({ width, height }) => {
  it('has no axe violations and no sideways scrolling on any screen', async () => {
    app = await openApp(browser, { width, height })
    const { page } = app
    await page.goto('/')
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
    expect(await axeViolations(page), 'empty workspace list').toEqual([])

    const longName =
      'Vereinigte Informationssicherheitsgesellschaft für Kommunale Dienstleistungen mbH'
    await page.getByLabel('Organization name').fill(longName)
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: longName, level: 1 }).waitFor()

    for (const screen of SCREENS) {
      await page
        .getByRole('navigation', { name: /^Sections of/ })
        .getByRole('link', { name: screen.name, exact: true })
        .click()
      await page.getByRole('heading', { name: screen.heading, level: 2 }).waitFor()
      expect(await axeViolations(page), screen.name).toEqual([])
      expect(await overflowsHorizontally(page), screen.name).toBe(false)
    }

    await page.getByRole('link', { name: 'Assessments', exact: true }).click()
    await page.getByRole('link', { name: longName }).waitFor()
    expect(await axeViolations(page), 'workspace list').toEqual([])
    expect(await overflowsHorizontally(page), 'workspace list').toBe(false)

    await page.getByRole('button', { name: `Delete ${longName}` }).click()
    await page.getByRole('dialog').waitFor()
    expect(await axeViolations(page), 'delete dialog').toEqual([])
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: `Rename ${longName}` }).click()
    await page.getByRole('button', { name: 'New assessment' }).click() // empty name: error state
    await page.getByRole('alert').first().waitFor()
    expect(await axeViolations(page), 'form errors').toEqual([])

    for (const [path, heading] of [
      ['/about', 'About and storage'],
      ['/nowhere', 'Page not found'],
    ] as const) {
      await page.goto(path)
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
      expect(await axeViolations(page), path).toEqual([])
      expect(await overflowsHorizontally(page), path).toBe(false)
    }
  })
})

describe('keyboard alone', () => {
  /** Presses Tab (or Shift+Tab) until the focused element has the given accessible name. */
  async function tabTo(page: Page, accessibleName: RegExp, key = 'Tab', maxPresses = 60) {
    for (let i = 0; i < maxPresses; i++) {
      await page.keyboard.press(key)
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el) return ''
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null
        return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '')
          .replace(/\s+/g, ' ')
          .trim()
      })
      if (accessibleName.test(name)) return
    }
    throw new Error(`${key} never reached ${accessibleName}`)
  }

  it('creates, opens, walks the sections of, renames and deletes an assessment', async () => {
    app = await openApp(browser)
    const { page } = app
    await page.goto('/')
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()

    await tabTo(page, /^Skip to content$/)
    await tabTo(page, /^Organization name$/)
    await page.keyboard.type('Keyboard Co')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Keyboard Co', level: 1 }).waitFor()

    const nav = page.getByRole('navigation', { name: 'Sections of Keyboard Co' })
    for (const section of ['Clauses', 'Annex A', 'Risks', 'Report', 'Overview']) {
      await tabTo(page, new RegExp(`^${section}$`), 'Shift+Tab')
      await page.keyboard.press('Enter')
      await page.waitForFunction(
        (name) =>
          document
            .querySelector('nav[aria-label^="Sections of"] a[aria-current="page"]')
            ?.textContent?.trim() === name,
        section,
      )
      await expect(
        nav.getByRole('link', { name: section, exact: true }).getAttribute('aria-current'),
      ).resolves.toBe('page')
    }

    await tabTo(page, /^Assessments$/, 'Shift+Tab')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
    await tabTo(page, /^Rename Keyboard Co$/)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Keyboard Company')
    await page.keyboard.press('Enter')
    await page.getByRole('link', { name: 'Keyboard Company' }).waitFor()
    // focus returns to the Rename button, so the user keeps their place
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
    ).resolves.toBe('Rename Keyboard Company')

    await tabTo(page, /^Delete Keyboard Company$/)
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    // The safe choice has focus; Escape cancels.
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
      'Keep it',
    )
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false)
    await expect(page.getByRole('link', { name: 'Keyboard Company' }).isVisible()).resolves.toBe(
      true,
    )

    await page.keyboard.press('Enter') // focus went back to the Delete button
    await page.getByRole('dialog').waitFor()
    await tabTo(page, /^Delete Keyboard Company$/, 'Shift+Tab', 5)
    await page.keyboard.press('Enter')
    await page.getByText('No assessments on this device yet').waitFor()
  })
})

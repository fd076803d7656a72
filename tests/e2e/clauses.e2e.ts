import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { questionsFor } from '@/content'
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

const box = async (locator: Locator) => {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not on screen')
  return found
}
/** The question the focused element belongs to, or null. */
const focusedQuestion = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.closest('[data-question-id]')?.getAttribute('data-question-id'),
  )
const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '')

async function openClauses(page: Page, name: string) {
  await newAssessment(page, name)
  await sections(page).getByRole('link', { name: 'Clauses' }).click()
  await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()
  await page.locator('section.question').first().waitFor()
}

describe('the Clauses screen on a phone (360 × 740, touch)', () => {
  it('shows the first question and its status choice on the first screen, with large targets and a skip link', async () => {
    app = await openApp(browser, { width: 360, height: 740, hasTouch: true })
    const { page } = app
    await openClauses(page, 'Phone Ltd')
    await page.evaluate(() => window.scrollTo(0, 0))
    const first = page.locator('section.question').first()
    const heading = await box(first.getByRole('heading', { level: 3 }))
    const firstRadio = await box(first.locator('label.status-option').first())
    expect(heading.y).toBeGreaterThanOrEqual(0)
    expect(firstRadio.y + firstRadio.height).toBeLessThan(740 - 8)
    for (const label of await first.locator('label.status-option').all()) {
      const target = await box(label)
      expect(target.height).toBeGreaterThanOrEqual(44)
      expect(target.width).toBeGreaterThanOrEqual(44)
    }
    // The clause index starts folded on the phone.
    await expect(page.getByRole('link', { name: /^4\.2 / }).isVisible()).resolves.toBe(false)

    // From the top of the page: Skip to content, Skip to questions, and into the first question.
    await page.reload()
    await first.waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(focusedText(page)).resolves.toBe('Skip to questions')
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedQuestion(page)).toBe(questionsFor('4.1')[0]?.id)
    await expect(
      page.evaluate(() => (document.activeElement as HTMLInputElement).type),
    ).resolves.toBe('radio')
    expect(await axeViolations(page)).toEqual([])
  })
})

describe('the clause index on a wide screen', () => {
  it('marks the current sub-clause and keeps it in view within the index', async () => {
    app = await openApp(browser, { width: 1280, height: 800 })
    const { page } = app
    await openClauses(page, 'Index Follows Ltd')
    const index = page.getByRole('navigation', { name: 'Clause index' })
    await page.goto(page.url().replace(/4\.1$/, '10.1'))
    await page.getByRole('heading', { name: /^10\.1 /, level: 2 }).waitFor()
    const current = index.locator('[aria-current="page"]')
    await expect.poll(() => current.textContent()).toMatch(/^10\.1/)
    const inView = async () => {
      const [view, link] = [await box(index), await box(current)]
      return link.y >= view.y - 1 && link.y + link.height <= view.y + view.height + 1
    }
    await expect.poll(inView).toBe(true)
    // The index scrolled, the page did not.
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0)
    await expect(index.evaluate((nav) => nav.scrollTop)).resolves.toBeGreaterThan(0)

    // Scrolled back to the top of the index, the next sub-clause is out of its view until opened.
    await index.evaluate((nav) => nav.scrollTo(0, 0))
    await page.getByRole('link', { name: /^Next: 10\.2 / }).click()
    await page.getByRole('heading', { name: /^10\.2 /, level: 2 }).waitFor()
    await expect.poll(() => current.textContent()).toMatch(/^10\.2/)
    await expect.poll(inView).toBe(true)
  })
})

describe('presenter view at a 1920 × 1080 projector', () => {
  it('hides the app around the question, keeps the controls in place and moves across sub-clauses', async () => {
    app = await openApp(browser, { width: 1920, height: 1080 })
    const { page } = app
    await openClauses(page, 'Projector Ltd')
    const first = page.locator('section.question').first()
    await first.getByLabel('Note').fill('Budget is not agreed yet')
    await first.getByLabel('Note').press('Tab')
    await settled(first)

    await page.getByRole('button', { name: 'Presenter view' }).click()
    const exit = page.getByRole('button', { name: 'Exit presenter view' })
    await exit.waitFor()
    await expect(page.getByRole('banner').count()).resolves.toBe(0)
    await expect(sections(page).count()).resolves.toBe(0)
    await expect(page.getByText('All clauses:').count()).resolves.toBe(0)
    const shown = page.locator('section.question')
    await expect(shown.count()).resolves.toBe(1)
    const size = await shown
      .getByRole('heading', { level: 3 })
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(40)

    // Notes stay off the projector until asked for.
    await expect(page.getByText('Budget is not agreed yet').count()).resolves.toBe(0)
    await expect(shown.getByLabel('Note').count()).resolves.toBe(0)
    const toggle = page.getByRole('button', { name: 'Show notes and evidence' })
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false')

    // The agreed action can be written without scrolling, above the fixed controls.
    const next = page.getByRole('button', { name: 'Next question' })
    const previous = page.getByRole('button', { name: 'Previous question' })
    const controlsTop = (await box(next)).y
    for (const field of ['What needs doing', 'Owner', 'Due date']) {
      const place = await box(shown.getByLabel(field))
      expect(place.y).toBeGreaterThan(0)
      expect(place.y + place.height, field).toBeLessThan(controlsTop)
    }

    const in41 = questionsFor('4.1').length
    const nextPlace = await box(next)
    const previousPlace = await box(previous)
    for (let i = 2; i <= in41; i++) {
      await next.click()
      await page.getByText(`Question ${i} of ${in41} in 4.1`, { exact: true }).waitFor()
      expect(await box(next)).toEqual(nextPlace)
      expect(await box(previous)).toEqual(previousPlace)
    }
    // On from the last question of 4.1 into 4.2; focus stays on Next for the next press.
    await next.click()
    await page.getByRole('heading', { name: /^4\.2 /, level: 2 }).waitFor()
    await page
      .getByText(`Question 1 of ${questionsFor('4.2').length} in 4.2`, { exact: true })
      .waitFor()
    await expect.poll(() => focusedText(page)).toBe('Next question →')
    expect(await box(next)).toEqual(nextPlace)
    await previous.click()
    await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()
    await page.getByText(`Question ${in41} of ${in41} in 4.1`, { exact: true }).waitFor()
    expect(await box(previous)).toEqual(previousPlace)
    expect(await axeViolations(page)).toEqual([])

    // Escape (not typed into a field) leaves presenter view; the app comes back.
    await toggle.click()
    await expect(page.getByRole('navigation', { name: /^Sections of/ }).count()).resolves.toBe(0)
    await page.keyboard.press('Escape')
    await page.getByRole('banner').waitFor()
    await sections(page).waitFor()
    await expect(page.locator('section.question').count()).resolves.toBe(in41)
    await expect(exit.count()).resolves.toBe(0)
    // Entering again starts with notes hidden; the Exit button leaves too.
    await page.getByRole('button', { name: 'Presenter view' }).click()
    await expect(page.getByText('Budget is not agreed yet').count()).resolves.toBe(0)
    await exit.click()
    await sections(page).waitFor()
    await expect(page.getByLabel('Note').first().inputValue()).resolves.toBe(
      'Budget is not agreed yet',
    )
    expect(await axeViolations(page)).toEqual([])
  })
})

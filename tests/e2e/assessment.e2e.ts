import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { QUESTIONS, questionsFor } from '@/content'
import {
  axeViolations,
  launchBrowser,
  openApp,
  waitForOfflineReady,
  type AppPage,
} from './support/browser'
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

const question = (page: Page, text: RegExp) => page.getByRole('radiogroup', { name: text })
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null
    return el?.closest('label')?.textContent?.replace(/\s+/g, ' ').trim() ?? el?.textContent ?? ''
  })

async function checkedStatus(page: Page, text: RegExp) {
  const group = question(page, text)
  for (const label of ['Not started', 'Partly', 'In place', "Don't know"]) {
    if (await group.getByRole('radio', { name: label }).isChecked()) return label
  }
  return null
}

/** The focused element's accessible name, as the browser's accessibility tree gives it. */
async function focusedName(page: Page): Promise<string> {
  const snapshot = await page
    .locator(':focus')
    .ariaSnapshot()
    .catch(() => '')
  return /^- \w+ "(.*?)"/.exec(snapshot)?.[1] ?? ''
}

/** Presses Tab until the focused element's accessible name matches. */
async function tabTo(page: Page, name: RegExp, key = 'Tab', max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    if (name.test(await focusedName(page))) return
  }
  throw new Error(`${key} never reached ${name}`)
}

describe('clause walkthrough', () => {
  it('answers by keyboard alone, saves at once, resumes, and keeps everything after reload and offline', async () => {
    app = await openApp(browser, { serviceWorker: true })
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await newAssessment(page, 'Walkthrough Ltd')
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()

    // Into the first question's status choice, then number keys and Enter.
    await tabTo(page, /^Not started/)
    await page.keyboard.press('3')
    expect(await focusedLabel(page)).toMatch(/^In place/)
    await page.keyboard.press('Enter') // next question
    await page.keyboard.press('2')
    expect(await focusedLabel(page)).toMatch(/^Partly/)
    await tabTo(page, /^Note$/)
    await page.keyboard.type('Climate reviewed at the May board meeting')
    await page.keyboard.press('Tab')
    await settled(page.locator('section.question').nth(1))
    await tabTo(page, /^Partly/, 'Shift+Tab')
    // Past the remaining questions of 4.1 (none today), then past its last one: on to 4.2.
    for (let i = 2; i < questionsFor('4.1').length; i++) await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: /^4\.2 /, level: 2 }).waitFor()
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio')
    await page.keyboard.press('4')
    expect(await focusedLabel(page)).toMatch(/^Don't know/)
    await settled(page.locator('section.question').first())
    await page.getByText(`All clauses: 3 of ${QUESTIONS.length} answered`).waitFor()

    // Leave and come back: the walkthrough resumes at 4.2.
    await sections(page).getByRole('link', { name: 'Overview' }).click()
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    await page.getByRole('heading', { name: /^4\.2 /, level: 2 }).waitFor()
    expect(page.url()).toMatch(/\/clauses\/4\.2$/)

    for (const offline of [false, true]) {
      await context.setOffline(offline)
      await page.reload()
      await page.getByRole('heading', { name: /^4\.2 /, level: 2 }).waitFor()
      await page.getByText(`All clauses: 3 of ${QUESTIONS.length} answered`).waitFor()
      await page.getByRole('link', { name: /^4\.1 / }).click()
      await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()
      await expect(checkedStatus(page, /internal factors/)).resolves.toBe('In place')
      await expect(checkedStatus(page, /climate change/)).resolves.toBe('Partly')
      await expect(page.getByLabel('Note').nth(1).inputValue()).resolves.toBe(
        'Climate reviewed at the May board meeting',
      )
      await page.getByRole('link', { name: /^4\.2 / }).click()
      await page.getByRole('heading', { name: /^4\.2 /, level: 2 }).waitFor()
    }
  })

  it('records an action and evidence links, and shows user text as text', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Evidence Co')
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    const first = page.locator('section.question').first()
    await first.getByRole('radio', { name: 'Partly' }).check()
    await first
      .getByLabel('Evidence references')
      .fill('Context analysis v3\nhttps://wiki.example.com/isms/context\njavascript:alert(1)')
    await first.getByText('Action').click()
    await first.getByLabel('What needs doing').fill('Add supplier issues to the context analysis')
    await first.getByLabel('Owner').fill('Dana (CISO)')
    await first.getByLabel('Due date').fill('2027-01-31')
    await first.getByLabel('Due date').press('Tab')
    await settled(first)
    // Only the http(s) reference becomes a link.
    await expect(first.getByRole('link').allTextContents()).resolves.toEqual([
      'https://wiki.example.com/isms/context',
    ])
    await page.reload()
    const again = page.locator('section.question').first()
    await again.getByLabel('What needs doing').waitFor({ state: 'attached' })
    await expect
      .poll(() => again.getByLabel('What needs doing').inputValue())
      .toBe('Add supplier issues to the context analysis')
    await expect(again.getByLabel('Owner').inputValue()).resolves.toBe('Dana (CISO)')
    await expect(again.getByLabel('Due date').inputValue()).resolves.toBe('2027-01-31')
    await expect(again.getByLabel('Evidence references').inputValue()).resolves.toContain(
      'javascript:alert(1)',
    )
  })

  it('shows a failed write as an error and keeps what the user typed', async () => {
    app = await openApp(browser)
    const { page } = app
    // Fault injection: IndexedDB refuses writes with a quota error while the flag is set.
    await page.addInitScript(() => {
      const w = window as unknown as { failWrites: boolean }
      w.failWrites = false
      const original = IDBObjectStore.prototype.put
      IDBObjectStore.prototype.put = function (...args: Parameters<typeof original>) {
        if (w.failWrites)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return original.apply(this, args)
      }
    })
    await newAssessment(page, 'Full Disk Inc')
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    const first = page.locator('section.question').first()
    await first.getByRole('radio', { name: 'In place' }).check()
    await settled(first)

    await page.evaluate(() => {
      ;(window as unknown as { failWrites: boolean }).failWrites = true
    })
    app.problems.length = 0
    await first.getByLabel('Note').fill('Typed while the disk is full')
    await first.getByLabel('Note').press('Tab')
    await first.getByText(/Not saved: the storage on this device is full/).waitFor()
    await expect(first.getByLabel('Note').inputValue()).resolves.toBe(
      'Typed while the disk is full',
    )

    await page.evaluate(() => {
      ;(window as unknown as { failWrites: boolean }).failWrites = false
    })
    await first.getByLabel('Note').press('End')
    await first.getByLabel('Note').type('.')
    await settled(first)
    await page.reload()
    await expect
      .poll(() => page.locator('section.question').first().getByLabel('Note').inputValue())
      .toBe('Typed while the disk is full.')
    app.problems.length = 0
  })

  it('has a presenter view that shows one question at a time', async () => {
    app = await openApp(browser, { width: 1920, height: 1080 })
    const { page } = app
    await newAssessment(page, 'Workshop Client')
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    await page.getByRole('button', { name: 'Presenter view' }).click()
    await expect(page.locator('section.question').count()).resolves.toBe(1)
    // The one question uses the projector's width, in large type.
    const box = await page.locator('section.question').boundingBox()
    expect(box?.width ?? 0).toBeGreaterThan(1200)
    const size = await page
      .locator('.question__text')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(40)
    const in41 = questionsFor('4.1').length
    await page.getByText(`Question 1 of ${in41} in 4.1`, { exact: true }).waitFor()
    for (let i = 2; i <= in41; i++) {
      await page.getByRole('button', { name: 'Next question' }).click()
      await page.getByText(`Question ${i} of ${in41} in 4.1`, { exact: true }).waitFor()
    }
    // On the status choice, number keys answer and Enter moves on, into the next sub-clause.
    await page.locator('section.question').getByRole('radio').first().focus()
    await page.keyboard.press('3')
    await settled(page.locator('section.question'))
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: /^4\.2 /, level: 2 }).waitFor()
    await page
      .getByText(`Question 1 of ${questionsFor('4.2').length} in 4.2`, { exact: true })
      .waitFor()
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio')
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Exit presenter view' }).waitFor()
  })
})

describe('clause index by keyboard', () => {
  it('lands on the first question of a sub-clause opened from the index', async () => {
    app = await openApp(browser, { width: 1280, height: 800 })
    const { page } = app
    await newAssessment(page, 'Index Ltd')
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    const index = page.getByRole('navigation', { name: 'Clause index' })
    await index.getByRole('link', { name: /^6\.1\.2\b/ }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: /^6\.1\.2 /, level: 2 }).waitFor()
    const firstId = questionsFor('6.1.2')[0]?.id ?? ''
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (document.activeElement as HTMLInputElement | null)
              ?.closest('[data-question-id]')
              ?.getAttribute('data-question-id') ?? null,
        ),
      )
      .toBe(firstId)
    await expect(
      page.evaluate(() => (document.activeElement as HTMLInputElement).type),
    ).resolves.toBe('radio')
  })
})

describe('presenter view in front of a room', () => {
  it('keeps notes and evidence off the projector until asked, and never loses them', async () => {
    app = await openApp(browser, { width: 1920, height: 1080 })
    const { page } = app
    await newAssessment(page, 'Private Notes Ltd')
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    const first = page.locator('section.question').first()
    await first.getByRole('radio', { name: 'Partly' }).check()
    await first.getByLabel('Note').fill('CFO doubts the budget: do not say in front of staff')
    await first.getByLabel('Note').press('Tab')
    await settled(first)

    await page.getByRole('button', { name: 'Presenter view' }).click()
    const shown = page.locator('section.question')
    await expect(shown.count()).resolves.toBe(1)
    await shown
      .getByText('Note and evidence hidden while presenting (this question has some).')
      .waitFor()
    await expect(page.getByText('CFO doubts the budget').count()).resolves.toBe(0)
    await expect(shown.getByLabel('Note').count()).resolves.toBe(0)
    const toggle = page.getByRole('button', { name: 'Show notes and evidence' })
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false')

    await toggle.click()
    await expect(shown.getByLabel('Note').inputValue()).resolves.toBe(
      'CFO doubts the budget: do not say in front of staff',
    )
    // Leaving and entering presenter view again hides them again.
    await page.getByRole('button', { name: 'Exit presenter view' }).click()
    await page.getByRole('button', { name: 'Presenter view' }).click()
    await expect(page.getByText('CFO doubts the budget').count()).resolves.toBe(0)
    await page.getByRole('button', { name: 'Exit presenter view' }).click()
    await expect(
      page.locator('section.question').first().getByLabel('Note').inputValue(),
    ).resolves.toBe('CFO doubts the budget: do not say in front of staff')
  })
})

describe('Annex A decisions', () => {
  it('decides controls by keyboard alone and keeps them after reload and offline', async () => {
    app = await openApp(browser, { serviceWorker: true })
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await newAssessment(page, 'Decisions Ltd')
    await sections(page).getByRole('link', { name: 'Annex A' }).click()
    await page.getByText('93 controls are still undecided.').waitFor()
    // Every control is listed by default.
    await expect(page.locator('.control-row:visible').count()).resolves.toBe(93)

    await tabTo(page, /^5\.1 Policies for information security/)
    await page.keyboard.press('Enter')
    await tabTo(page, /^Undecided$/)
    await page.keyboard.press('ArrowRight') // Applicable
    await tabTo(page, /^Risk assessment$/)
    await page.keyboard.press('Space')
    await tabTo(page, /^Not implemented$/)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight') // Implemented
    await tabTo(page, /^Control owner$/)
    await page.keyboard.type('CEO')
    await page.keyboard.press('Tab')
    await settled(page.locator('.control-editor'))
    await page.getByText('92 controls are still undecided.').waitFor()

    // An exclusion is not recorded without its justification.
    await page.getByRole('button', { name: /^5\.2 / }).click()
    await page.locator('.control-editor').getByRole('radio', { name: 'Excluded' }).check()
    await page
      .getByRole('alert')
      .filter({ hasText: 'Write why this control is excluded' })
      .waitFor()
    await page.reload()
    await page.getByText('92 controls are still undecided.').waitFor()
    await expect(page.getByRole('button', { name: /^5\.2 / }).textContent()).resolves.toContain(
      'Undecided',
    )

    for (const offline of [false, true]) {
      await context.setOffline(offline)
      await page.reload()
      await page.getByText('92 controls are still undecided.').waitFor()
      const row = page.getByRole('button', { name: /^5\.1 / })
      await expect(row.textContent()).resolves.toMatch(/Applicable\s*Implemented/)
    }
  })

  it('excludes all physical controls at once with one justification, previews, and undoes', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Remote First')
    await sections(page).getByRole('link', { name: 'Annex A' }).click()
    await page.getByLabel('Theme', { exact: true }).selectOption('Physical')
    await page.getByText('Showing 14 of 93 controls').waitFor()
    await page.getByRole('button', { name: 'Select all 14 shown' }).click()
    const panel = page.getByRole('region', { name: /Decide 14 selected controls together/ })
    await panel.getByRole('radio', { name: 'Excluded' }).check()
    // Without a justification nothing can be applied.
    await expect(panel.getByRole('button', { name: /^Apply to/ }).isDisabled()).resolves.toBe(true)
    await panel.getByRole('checkbox', { name: 'Business need' }).check()
    await panel
      .getByLabel(/Shared justification/)
      .fill('Fully remote company: no offices or server rooms; hosting is with cloud providers.')
    await panel.getByText('This will change 14 controls:').waitFor()
    await expect(panel.getByRole('listitem').first().textContent()).resolves.toContain(
      '7.1 Physical security perimeters: Undecided → Excluded',
    )
    await panel.getByRole('button', { name: 'Apply to 14 controls' }).click()
    await page.locator('main').getByText('Excluded: 14 controls.').waitFor()
    await page.getByText('79 controls are still undecided.').waitFor()

    await page.getByRole('button', { name: 'Undo' }).click()
    await page
      .locator('main')
      .getByText(/Undone: 14 controls are back as before/)
      .waitFor()
    await page.getByText('93 controls are still undecided.').waitFor()

    await page.getByRole('button', { name: 'Select all 14 shown' }).click()
    await panel.getByRole('radio', { name: 'Excluded' }).check()
    await panel.getByLabel(/Shared justification/).fill('No premises of our own.')
    await panel.getByRole('button', { name: 'Apply to 14 controls' }).click()
    await page.getByText('79 controls are still undecided.').waitFor()
    await page.reload()
    await page.getByText('79 controls are still undecided.').waitFor()
    await page.getByLabel('Decision', { exact: true }).selectOption('excluded')
    await page.getByText('Showing 14 of 93 controls').waitFor()
  })

  it('filters as the user types and jumps to the next undecided control', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Filter Co')
    await sections(page).getByRole('link', { name: 'Annex A' }).click()
    const search = page.getByLabel('Search by number or title')
    await search.pressSequentially('8.2')
    await page.getByText('Showing 11 of 93 controls').waitFor() // 8.2 and 8.20–8.29
    await search.fill('backup')
    await page.getByText('Showing 1 of 93 controls').waitFor()
    await search.fill('')
    await page.getByLabel('New in 2022 only').check()
    await page.getByText('Showing 11 of 93 controls').waitFor()
    await page.getByLabel('New in 2022 only').uncheck()

    await page.getByRole('button', { name: 'Go to the next undecided control' }).click()
    await page.waitForFunction(() => document.activeElement?.id === 'control-5.1')
    expect(page.url()).toContain('control=5.1')
    await page.locator('.control-editor').getByRole('radio', { name: 'Applicable' }).check()
    await page.getByText('92 controls are still undecided.').waitFor()
    await page.getByRole('button', { name: 'Go to the next undecided control' }).click()
    await page.waitForFunction(() => document.activeElement?.id === 'control-5.2')
  })
})

describe.each([
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
])('assessment screens at $width px', ({ width, height }) => {
  it('have no axe violations with editors open', async () => {
    app = await openApp(browser, { width, height })
    const { page } = app
    await newAssessment(page, 'Axe Check')
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    const first = page.locator('section.question').first()
    await first.getByRole('radio', { name: 'Partly' }).check()
    await first.getByText('Why it matters and evidence examples').click()
    await first.getByText('Action').click()
    await settled(first)
    expect(await axeViolations(page), 'clauses').toEqual([])

    await sections(page).getByRole('link', { name: 'Annex A' }).click()
    await page.getByRole('button', { name: /^7\.1 / }).click()
    await page.locator('.control-editor').getByRole('radio', { name: 'Applicable' }).check()
    await page.getByRole('radio', { name: 'A supplier provides it' }).check()
    await page.getByLabel('Supplier name').fill('DataCentrum Brno a.s.')
    await page.getByLabel('Supplier name').press('Tab')
    await settled(page.locator('.control-editor'))
    // The row says who provides it, worded as the SoA words it.
    // The name is saved as the field is left; wait for the row to say so, not for a moment.
    await page
      .getByRole('button', { name: /^7\.1 / })
      .filter({ hasText: 'Supplier: DataCentrum Brno a.s.' })
      .waitFor()
    await page.getByRole('checkbox', { name: /Select 7\.2 / }).check()
    await page.getByRole('region', { name: /Decide 1 selected control together/ }).waitFor()
    expect(await axeViolations(page), 'annex a').toEqual([])
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
    ).toBe(false)
  })
})

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { QUESTIONS } from '@/content'
import { axeViolations, launchBrowser, openApp, type AppPage } from './support/browser'
import { newAssessment, sections } from './support/actions'
import { databaseVersion, readStore, upgradeDatabase } from './support/rawDatabase'

let browser: Browser
let app: AppPage

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  await app.context.close()
})

const firstQuestion = (page: Page) => page.locator('section.question').first()

/** Opens a second tab of the same profile on the page the first one shows. */
async function secondTab(app: AppPage, ready: (page: Page) => Promise<void>): Promise<Page> {
  const b = await app.context.newPage()
  b.on('pageerror', (error) => app.problems.push(`tab B page error: ${error.message}`))
  b.on('console', (message) => {
    if (message.type() === 'error') app.problems.push(`tab B console error: ${message.text()}`)
  })
  // Tab B's timers are under the test's control: its typing waits for its debounce until the
  // test lets time run, whatever the machine's load.
  await b.clock.install()
  await b.goto(app.page.url())
  await ready(b)
  return b
}

/** The stored answer to a question of the only assessment, read from IndexedDB. */
async function storedAnswer(page: Page, questionId: string) {
  const rows = await readStore<{ questionId: string }>(page, 'clauseAnswers')
  return rows.find((row) => row.questionId === questionId)
}

async function waitSaved(editor: ReturnType<typeof firstQuestion>) {
  await expect.poll(() => editor.getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull()
}

describe('several tabs', { timeout: 120_000 }, () => {
  it('shows an edit made in one tab in the other tab on the same assessment', async () => {
    app = await openApp(browser)
    const { page: a, context } = app
    await a.goto('/')
    await a.getByLabel('Organization name').fill('Two Tabs Ltd')
    await a.getByRole('button', { name: 'New assessment' }).click()
    await a.getByRole('heading', { name: 'Two Tabs Ltd', level: 1 }).waitFor()
    await a
      .getByRole('navigation', { name: /^Sections of/ })
      .getByRole('link', { name: 'Clauses' })
      .click()
    await firstQuestion(a).waitFor()

    const b = await context.newPage()
    await b.goto(a.url())
    await firstQuestion(b).waitFor()

    await firstQuestion(a).getByRole('radio', { name: 'In place' }).check()
    await firstQuestion(a).getByLabel('Note').fill('Agreed in the kick-off workshop')
    await firstQuestion(a).getByLabel('Note').press('Tab')
    await expect.poll(() => firstQuestion(a).getAttribute('aria-busy')).toBeNull()
    await firstQuestion(a).getByText('Saved', { exact: true }).waitFor()

    await expect
      .poll(() => firstQuestion(b).getByRole('radio', { name: 'In place' }).isChecked())
      .toBe(true)
    await expect
      .poll(() => firstQuestion(b).getByLabel('Note').inputValue())
      .toBe('Agreed in the kick-off workshop')
    await b.getByText(`All clauses: 1 of ${QUESTIONS.length} answered`).waitFor()
    expect(app.problems).toEqual([])
  })

  it('stops an outdated tab from writing once a newer version upgrades the database', async () => {
    app = await openApp(browser)
    const { page: old, context } = app
    await old.goto('/')
    await old.getByLabel('Organization name').fill('Old Tab Co')
    await old.getByRole('button', { name: 'New assessment' }).click()
    await old.getByRole('heading', { name: 'Old Tab Co', level: 1 }).waitFor()

    // Another tab opens the database at a higher schema version, as a newer build would.
    const newer = await context.newPage()
    await newer.goto('/about')
    await upgradeDatabase(newer)

    await old.getByRole('heading', { name: 'This tab is out of date' }).waitFor()
    // The old tab no longer writes: an attempt fails with a message saying why, not silently.
    await old.getByRole('link', { name: 'Assessments', exact: true }).click()
    await old.getByRole('button', { name: 'Rename Old Tab Co' }).click()
    await old.getByLabel('New name for Old Tab Co').fill('Renamed by the old tab')
    await old.getByRole('button', { name: 'Save name' }).click()
    await old
      .getByRole('alert')
      .filter({ hasText: 'a newer version of the app is open in another tab' })
      .first()
      .waitFor()

    // The stored name is still the original one: nothing was written.
    const names = (await readStore<{ organizationName: string }>(newer, 'workspaces')).map(
      (w) => w.organizationName,
    )
    expect(names).toEqual(['Old Tab Co'])
  })

  it('never lets a tab of older code write, when it is opened after the upgrade', async () => {
    app = await openApp(browser)
    const { page: first, context } = app
    await newAssessment(first, 'Upgraded Ltd')
    const url = first.url()
    await first.goto('/about')
    // A newer build upgrades the database; this tab is then closed.
    const version = await upgradeDatabase(first)
    await first.close()

    // A tab of this (older) build opened now reads and writes nothing.
    const late = await context.newPage()
    await late.goto('/')
    await late.getByRole('heading', { name: 'This tab is out of date' }).waitFor()
    await late.getByLabel('Organization name').fill('Written by the old tab')
    expect(await late.getByRole('button', { name: 'New assessment' }).isDisabled()).toBe(true)
    await late.getByLabel('Organization name').press('Enter')
    await late.getByText('Reload this tab to create an assessment.').first().waitFor()
    await late.goto(url)
    await late
      .getByRole('heading', { name: 'This assessment cannot be opened in this tab', level: 1 })
      .waitFor()

    const names = (await readStore<{ organizationName: string }>(late, 'workspaces')).map(
      (w) => w.organizationName,
    )
    expect(names).toEqual(['Upgraded Ltd'])
    expect(await databaseVersion(late)).toBe(version)
  })

  it('keeps one tab’s status and evidence when the other saves a note typed meanwhile', async () => {
    app = await openApp(browser)
    const { page: a } = app
    await newAssessment(a, 'Two Tabs Ltd')
    await sections(a).getByRole('link', { name: 'Clauses' }).click()
    await a
      .getByRole('link', { name: /^4\.2\b/ })
      .first()
      .click()
    await firstQuestion(a).waitFor()
    const questionId = await firstQuestion(a).getAttribute('data-question-id')
    const b = await secondTab(app, (page) => firstQuestion(page).waitFor())

    await firstQuestion(a).getByRole('radio', { name: 'Partly' }).check()
    await waitSaved(firstQuestion(a))
    await expect
      .poll(() => firstQuestion(b).getByRole('radio', { name: 'Partly' }).isChecked())
      .toBe(true)

    // B starts typing a note; its save waits for the debounce, which waits for B's clock.
    await b.clock.pauseAt(Date.now() + 60_000)
    await firstQuestion(b).getByLabel('Note').pressSequentially('Typed in tab B')

    // A chooses In place and adds an evidence line, then leaves the field: saved.
    await firstQuestion(a).getByRole('radio', { name: 'In place' }).check()
    await firstQuestion(a).getByLabel('Evidence references').fill('EVIDENCE-FROM-A')
    await firstQuestion(a).getByLabel('Evidence references').press('Tab')
    await waitSaved(firstQuestion(a))
    await firstQuestion(a).getByText('Saved', { exact: true }).waitFor()

    // B stops typing: its debounce fires and it saves.
    await b.clock.resume()
    await b.clock.runFor(1_000)
    await waitSaved(firstQuestion(b))

    await expect
      .poll(() => storedAnswer(a, questionId ?? ''))
      .toMatchObject({
        status: 'in-place',
        evidence: ['EVIDENCE-FROM-A'],
        note: 'Typed in tab B',
      })
    // Neither screen went back: both show the whole answer.
    for (const page of [a, b]) {
      await expect
        .poll(() => firstQuestion(page).getByRole('radio', { name: 'In place' }).isChecked())
        .toBe(true)
      await expect
        .poll(() => firstQuestion(page).getByLabel('Evidence references').inputValue())
        .toBe('EVIDENCE-FROM-A')
      await expect
        .poll(() => firstQuestion(page).getByLabel('Note').inputValue())
        .toBe('Typed in tab B')
    }
    expect(app.problems).toEqual([])
  })

  it('says so when two tabs changed the same note, and can put the other one back', async () => {
    app = await openApp(browser)
    const { page: a } = app
    await newAssessment(a, 'Same Field Ltd')
    await sections(a).getByRole('link', { name: 'Clauses' }).click()
    await firstQuestion(a).waitFor()
    const questionId = await firstQuestion(a).getAttribute('data-question-id')
    const b = await secondTab(app, (page) => firstQuestion(page).waitFor())

    await b.clock.pauseAt(Date.now() + 60_000)
    await firstQuestion(b).getByLabel('Note').pressSequentially('Note from B')
    await firstQuestion(a).getByLabel('Note').fill('Note from A')
    await firstQuestion(a).getByLabel('Note').press('Tab')
    await waitSaved(firstQuestion(a))
    await b.clock.resume()
    await b.clock.runFor(1_000)
    await waitSaved(firstQuestion(b))

    // The later save wins, and the tab that made it says what it replaced.
    const notice = firstQuestion(b).getByRole('alert')
    await notice.getByText('Note: theirs was “Note from A”').waitFor()
    expect(await axeViolations(b)).toEqual([])
    await expect
      .poll(() => storedAnswer(a, questionId ?? ''))
      .toMatchObject({ note: 'Note from B' })
    await expect.poll(() => firstQuestion(a).getByLabel('Note').inputValue()).toBe('Note from B')
    await firstQuestion(a).getByText('Updated from another tab: Note.').waitFor()

    await notice.getByRole('button', { name: "Use the other tab's version" }).click()
    await waitSaved(firstQuestion(b))
    await expect
      .poll(() => storedAnswer(a, questionId ?? ''))
      .toMatchObject({ note: 'Note from A' })
    await expect.poll(() => firstQuestion(b).getByLabel('Note').inputValue()).toBe('Note from A')
    expect(app.problems).toEqual([])
  })

  it('keeps a justification typed in one tab when the other saves the control’s owner', async () => {
    app = await openApp(browser)
    const { page: a } = app
    await newAssessment(a, 'Justified Ltd')
    await sections(a).getByRole('link', { name: 'Annex A' }).click()
    const openControl = async (page: Page) => {
      const toggle = page.getByRole('button', { name: /^7\.4\b/ }).first()
      await toggle.waitFor()
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
      await page.locator('[data-control-id="7.4"]').waitFor()
    }
    await openControl(a)
    const editor = (page: Page) => page.locator('[data-control-id="7.4"]')
    await editor(a).getByRole('radio', { name: 'Applicable' }).check()
    await editor(a).getByLabel('Justification').fill('We monitor the office.')
    await editor(a).getByLabel('Justification').press('Tab')
    await waitSaved(editor(a))

    const b = await secondTab(app, openControl)
    await expect
      .poll(() => editor(b).getByLabel('Justification').inputValue())
      .toBe('We monitor the office.')
    // B types more justification; A meanwhile saves the owner.
    await b.clock.pauseAt(Date.now() + 60_000)
    await editor(b).getByLabel('Justification').pressSequentially(' Cameras at the door.')
    await editor(a).getByLabel('Control owner').fill('CEO')
    await editor(a).getByLabel('Control owner').press('Tab')
    await waitSaved(editor(a))
    await b.clock.resume()
    await b.clock.runFor(1_000)
    await waitSaved(editor(b))

    for (const page of [a, b]) {
      await expect.poll(() => editor(page).getByLabel('Control owner').inputValue()).toBe('CEO')
      await expect
        .poll(() => editor(page).getByLabel('Justification').inputValue())
        .toBe('We monitor the office. Cameras at the door.')
    }
    expect(app.problems).toEqual([])
  })
})

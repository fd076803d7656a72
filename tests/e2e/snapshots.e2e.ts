import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
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

/** Answers the n-th question of the open sub-clause and waits until it is saved. */
async function answer(page: Page, n: number, status: string) {
  const question = page.locator('section.question').nth(n)
  await question.getByRole('radio', { name: status }).check()
  await settled(question)
}

const snapshotsSection = (page: Page) =>
  page.getByRole('region', { name: 'Snapshots and progress' })

const savedList = (page: Page) => page.getByRole('list', { name: /^Saved snapshots/ })

async function saveSnapshot(page: Page, name: string) {
  const section = snapshotsSection(page)
  await section.getByLabel('Name of the snapshot').fill(name)
  await section.getByRole('button', { name: 'Save snapshot' }).click()
  await savedList(page).getByText(name, { exact: true }).waitFor()
}

describe('workshop continuity', () => {
  it('shows exactly what changed since a snapshot, after a reload and offline', async () => {
    app = await openApp(browser, { width: 1920, height: 1080, serviceWorker: true })
    const { page } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await newAssessment(page, 'Workshop Co')
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    await answer(page, 0, 'Partly')
    await answer(page, 1, 'Not started')

    // The first workshop ends, at the last sub-clause, with a snapshot named after it.
    await page.goto(page.url().replace(/clauses.*$/, 'clauses/10.2'))
    const end = page.getByRole('form', { name: /^End of the walkthrough/ })
    const endName = end.getByLabel('Name of the snapshot')
    await expect(endName.inputValue()).resolves.toMatch(/^Workshop 1 · \d{4}-\d{2}-\d{2}$/)
    await endName.fill('Workshop 1')
    await end.getByRole('button', { name: 'Save snapshot' }).click()
    await expect.poll(() => endName.inputValue()).toMatch(/^Workshop 2 · /)
    await sections(page).getByRole('link', { name: 'Overview' }).click()
    await savedList(page).getByText('Workshop 1', { exact: true }).waitFor()
    await expect(
      snapshotsSection(page).getByLabel('Name of the snapshot').inputValue(),
    ).resolves.toMatch(/^Workshop 2 · /)

    // Between the workshops: three answers and one decision change.
    await page.goto(page.url().replace(/overview.*$/, 'clauses/4.1'))
    await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()
    await answer(page, 0, 'In place')
    await answer(page, 1, 'Partly')
    await page
      .getByRole('link', { name: /^4\.2 / })
      .first()
      .click()
    await page.getByRole('heading', { name: /^4\.2 /, level: 2 }).waitFor()
    await answer(page, 0, "Don't know")
    await sections(page).getByRole('link', { name: 'Annex A' }).click()
    await page
      .getByRole('group', { name: 'Decision for A.5.1', exact: true })
      .getByRole('radio', { name: 'Applicable' })
      .click()
    await page.getByText('92 controls are still undecided.').waitFor()

    // The second workshop starts with the comparison, also after a reload and offline.
    await page.reload()
    await app.context.setOffline(true)
    await sections(page).getByRole('link', { name: 'Overview' }).click()
    await snapshotsSection(page)
      .getByRole('link', { name: 'Compare “Workshop 1” with now' })
      .click()
    await page.getByRole('heading', { name: 'What changed', level: 2 }).waitFor()

    const answers = page.getByRole('region', { name: 'Answers changed (3)' })
    await answers.waitFor()
    const items = await answers.getByRole('listitem').allInnerTexts()
    expect(items).toHaveLength(3)
    expect(items[0]).toMatch(/^4\.1 [\s\S]*Partly → In place/)
    expect(items[1]).toMatch(/Not started → Partly/)
    expect(items[2]).toMatch(/^4\.2 [\s\S]*Not answered → Don't know/)
    const decisions = page.getByRole('region', { name: 'Annex A decisions changed (1)' })
    await expect(decisions.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(
        /^A\.5\.1 Policies for information security\s+Undecided → Applicable, not implemented/,
      ),
    ])
    // Nothing else is listed: no risks, no actions.
    await expect(page.getByRole('region', { name: /^Risks / }).count()).resolves.toBe(0)
    await expect(page.getByRole('region', { name: /^Actions / }).count()).resolves.toBe(0)
    await page.getByText('3 answers and 1 decision changed.').waitFor()

    // Each item leads to where it is.
    await decisions.getByRole('link', { name: /^A\.5\.1/ }).click()
    await expect.poll(() => new URL(page.url()).search).toBe('?control=5.1')
    await page.goBack()
    await answers.getByRole('link', { name: '4.1' }).first().click()
    await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()
    await app.context.setOffline(false)
  })

  it('approves the SoA, calls it a draft of the next version after a change, and keeps the history', async () => {
    app = await openApp(browser, { width: 1280, height: 900 })
    const { page } = app
    await newAssessment(page, 'Approval Co')
    await sections(page).getByRole('link', { name: 'Annex A' }).click()
    const decide = page.getByRole('group', { name: 'Decision for A.5.1', exact: true })
    await decide.getByRole('radio', { name: 'Applicable' }).click()
    await page.getByText('92 controls are still undecided.').waitFor()

    await sections(page).getByRole('link', { name: 'Report' }).click()
    const section = page.getByRole('region', { name: /^SoA approval and history/ })
    await section.getByText('Not approved yet: this is a draft.').waitFor()
    await section.getByRole('button', { name: 'Approve this SoA' }).click()
    const dialog = page.getByRole('dialog', { name: 'Approve this Statement of Applicability' })
    await dialog.getByText('92 controls are still undecided').waitFor()
    await dialog.getByLabel('Version').fill('1.0')
    await dialog.getByLabel('Approved by').fill('Dana (CEO)')
    expect(await axeViolations(page), 'approval dialog').toEqual([])
    await dialog.getByRole('button', { name: 'Approve version 1.0' }).click()
    await section
      .getByText(/Version 1\.0 approved by Dana \(CEO\) on \d{4}-\d{2}-\d{2}\./)
      .waitFor()

    // A changed decision makes the SoA a draft of version 1.1, naming the change.
    await sections(page).getByRole('link', { name: 'Annex A' }).click()
    await page.getByLabel('Implementation status for A.5.1', { exact: true }).selectOption({
      label: 'Implemented',
    })
    await sections(page).getByRole('link', { name: 'Report' }).click()
    await section
      .getByText(/Draft of version 1\.1: 1 decision changed since version 1\.0/)
      .waitFor()
    await section
      .getByText('A.5.1: Applicable, not implemented → Applicable, implemented')
      .waitFor()

    // The next approval asks why; the list of changes is its first draft.
    await section.getByRole('button', { name: 'Approve this SoA' }).click()
    const note = dialog.getByLabel('What changed and why')
    await expect(note.inputValue()).resolves.toContain('A.5.1: Applicable, not implemented')
    await note.fill('')
    await dialog.getByRole('button', { name: 'Approve version 1.1' }).click()
    await dialog.getByText('Say what changed since the last approved version, and why.').waitFor()
    await note.fill('The policy set was published on the intranet.')
    await dialog.getByRole('button', { name: 'Approve version 1.1' }).click()
    await section.getByText(/Version 1\.1 approved by Dana \(CEO\) on/).waitFor()
    const history = section.getByRole('list').last()
    await expect(history.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(
        /^Version 1\.1[\s\S]*published on the intranet[\s\S]*1 decision changed: A\.5\.1/,
      ),
      expect.stringMatching(/^Version 1\.0[\s\S]*First version approved in the app/),
    ])

    // The register of documents offers to record that approval on the SoA's row in one step.
    await sections(page).getByRole('link', { name: 'Documents' }).click()
    await page.getByText(/Approved in this app as version 1\.1 on \d{4}-\d{2}-\d{2}/).waitFor()
    await page.getByRole('button', { name: /Statement of Applicability/ }).click()
    const record = page.getByRole('button', { name: 'Record this approval here' })
    await record.waitFor()
    expect(await axeViolations(page, ['.register-row--open']), 'SoA row with its offer').toEqual([])
    await record.click()
    const row = page.locator('.register-row--open')
    await row.getByText('Saved', { exact: true }).waitFor()
    await row.getByText('Version 1.1', { exact: true }).waitFor()
    await row.getByText(/^Approved: Dana \(CEO\), \d{4}-\d{2}-\d{2}$/).waitFor()
    await expect(row.getByLabel('Status').inputValue()).resolves.toBe('approved')
    await expect(
      page.getByRole('button', { name: 'Record this approval here' }).count(),
    ).resolves.toBe(0)
  })

  describe.each([
    { width: 360, height: 740 },
    { width: 1920, height: 1080 },
  ])('at $width px', ({ width, height }) => {
    it('lists, renames and deletes snapshots, with no accessibility violation', async () => {
      app = await openApp(browser, { width, height })
      const { page } = app
      await newAssessment(page, `Snapshots ${width}`)
      await saveSnapshot(page, 'Kick-off')
      await saveSnapshot(page, 'Workshop 2')
      const list = savedList(page)
      await expect(list.getByRole('listitem').count()).resolves.toBe(2)
      expect(await axeViolations(page), `overview at ${width}`).toEqual([])

      await page.getByRole('button', { name: 'Rename “Kick-off”' }).click()
      const field = page.getByLabel('New name for “Kick-off”')
      await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('INPUT')
      await field.fill('Workshop 1')
      await field.press('Enter')
      await list.getByText('Workshop 1', { exact: true }).waitFor()

      await page.getByRole('button', { name: 'Delete “Workshop 2”' }).click()
      const dialog = page.getByRole('dialog', { name: 'Delete the snapshot “Workshop 2”?' })
      await dialog.getByRole('button', { name: 'Delete the snapshot' }).click()
      await expect.poll(() => list.getByRole('listitem').count()).toBe(1)

      await page.getByRole('link', { name: 'Compare “Workshop 1” with now' }).click()
      await page.getByText('No answer, decision, risk or document changed.').waitFor()
      expect(await axeViolations(page), `compare at ${width}`).toEqual([])
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
      ).toBe(false)
    })
  })
})

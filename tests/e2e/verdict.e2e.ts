/**
 * The readiness verdict of whole assessments, imported as backup files and read on the Overview
 * as a user reads it. What each scenario must show is computed by the domain from the very rows
 * in the file; the scenario's intent (this one is not ready, that one is) is checked on top.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { QUESTIONS } from '@/content'
import { inSentence } from '@/components/format'
import { BACKUP_FORMAT_VERSION } from '@/domain/backup'
import { CONTENT_CHANGES } from '@/domain/contentMigration'
import { bandLabel, computeReadiness, type Readiness } from '@/domain/readiness'
import { axeViolations, launchBrowser, openApp, type AppPage } from './support/browser'
import { importBackup, settled } from './support/actions'
import {
  blockerItem,
  blockersHeading,
  expectHeadline,
  findingsHeading,
  headline,
  headlineOf,
  overflowsHorizontally,
  text,
  readinessCard,
} from './support/overview'
import {
  SCOPE_STATEMENT,
  assessmentInput,
  backupFile,
  coreControlsExcluded,
  fullyEvidenced,
  makeAnswer,
  makeWorkspace,
  nothingRunning,
  type WorkspaceRecords,
} from './support/verdictFixtures'

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

/** Imports the workspace as a backup file and opens its Overview. */
async function openImported(
  page: Page,
  records: WorkspaceRecords,
  options: { contentVersion?: number } = {},
): Promise<void> {
  await page.goto('/')
  await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
  await importBackup(page, 'backup.json', await backupFile([records], options))
  const name = records.workspace.organizationName
  await page.getByRole('link', { name, exact: true }).click()
  await page.getByRole('heading', { name: 'Overview', level: 2 }).waitFor()
}

const verdictOf = (records: WorkspaceRecords) => computeReadiness(assessmentInput(records))

/** The blocker's list item, found by its title as a user scans the list. */
/** A blocker in the readiness card (the top actions may name it too, under "Start with"). */
const blockerTitled = (page: Page, title: string) =>
  readinessCard(page)
    .getByRole('listitem')
    .filter({ has: page.getByText(title, { exact: true }) })

/** Every blocker the domain computes is listed with its title, cap and sentence. */
async function expectBlockers(page: Page, readiness: Readiness) {
  await expect
    .poll(() => text(blockersHeading(page)))
    .toBe(`Blockers (${readiness.blockers.length})`)
  for (const blocker of readiness.blockers) {
    const item = blockerTitled(page, blocker.title)
    await expect(item.count(), blocker.title).resolves.toBe(1)
    const shown = await text(item)
    expect(shown).toContain(`caps at ${bandLabel(blocker.cap)}`)
    expect(shown).toContain(blocker.text)
  }
}

/** Every finding the domain computes is shown with its text. */
async function expectFindings(page: Page, readiness: Readiness) {
  await expect(text(findingsHeading(page))).resolves.toBe(
    `Where the answers and the records disagree (${readiness.findings.length})`,
  )
  for (const finding of readiness.findings) {
    await expect(
      page.locator('main').getByRole('listitem').filter({ hasText: finding.text }).count(),
      finding.id,
    ).resolves.toBeGreaterThan(0)
  }
}

describe('verdict of imported assessments', () => {
  it('(a) every answer in place but nothing running and an empty register: Not ready, risk assessment blocks', async () => {
    app = await openApp(browser)
    const { page } = app
    const records = nothingRunning()
    const readiness = verdictOf(records)
    expect(readiness.band).toBe('not-ready')

    await openImported(page, records)
    await expectHeadline(page, headlineOf(readiness))
    await expect(text(headline(page))).resolves.toMatch(
      new RegExp(`— ${inSentence(bandLabel('not-ready'))}$`),
    )
    const riskAssessment = blockerTitled(page, 'Risk assessment performed')
    await expect(text(riskAssessment)).resolves.toContain(`caps at ${bandLabel('not-ready')}`)
    await riskAssessment.getByRole('link', { name: 'Open the risk register' }).waitFor()
    await expectBlockers(page, readiness)
    await expectFindings(page, readiness)

    // No answer lifts it, so the top actions start with the register.
    const topActions = page.getByRole('region', { name: 'What raises your score most' })
    await topActions.getByRole('heading', { name: 'Start with the records' }).waitFor()
    await topActions
      .getByRole('listitem')
      .filter({ hasText: 'Risk assessment performed' })
      .getByRole('link', { name: 'Open the risk register' })
      .waitFor()

    // What is missing unfolds under the blocker.
    await riskAssessment.getByText(/^What is missing/).click()
    await riskAssessment
      .getByRole('listitem')
      .filter({ hasText: 'The risk register of this assessment is empty.' })
      .waitFor()
  })

  it('(b) core controls excluded as "n/a": not ready for Stage 1, the SoA blocks and each exclusion is a finding', async () => {
    app = await openApp(browser)
    const { page } = app
    const records = coreControlsExcluded()
    const readiness = verdictOf(records)
    expect(readiness.band).not.toBe('ready')
    const exclusions = readiness.findings.filter((f) => f.kind === 'indefensible-exclusion')
    expect(exclusions.map((f) => f.reference)).toEqual([
      '5.1',
      '5.15',
      '8.7',
      '8.8',
      '8.13',
      '8.24',
    ])

    await openImported(page, records)
    await expectHeadline(page, headlineOf(readiness))
    await expect(text(headline(page))).resolves.not.toContain(inSentence(bandLabel('ready')))
    const soa = blockerTitled(page, 'Complete Statement of Applicability')
    await expect(text(soa)).resolves.toContain(`caps at ${bandLabel('partly-ready')}`)
    await expectBlockers(page, readiness)
    await expectFindings(page, readiness)
    for (const finding of exclusions) {
      const item = page.locator('main').getByRole('listitem').filter({ hasText: finding.text })
      await expect(
        item.getByRole('link', { name: `Open control ${finding.reference}` }).getAttribute('href'),
      ).resolves.toMatch(new RegExp(`/annex-a\\?control=${finding.reference.replace('.', '\\.')}$`))
    }
  })

  it('(c) a fully evidenced assessment: Ready for Stage 1, no blockers', async () => {
    app = await openApp(browser)
    const { page } = app
    const records = fullyEvidenced()
    const readiness = verdictOf(records)
    expect(readiness.band).toBe('ready')

    await openImported(page, records)
    await expectHeadline(page, headlineOf(readiness))
    await expect(text(headline(page))).resolves.toMatch(
      new RegExp(`— ${inSentence(bandLabel('ready'))}$`),
    )
    await page
      .locator('main')
      .getByText(/No blockers: the scope/)
      .waitFor()
    await expect(blockersHeading(page).count()).resolves.toBe(0)
    await expect(findingsHeading(page).count()).resolves.toBe(0)
  })

  it('(d) a backup of content version 1 answering a question content version 2 split shows the answer on both new questions', async () => {
    app = await openApp(browser)
    const { page } = app
    const split = CONTENT_CHANGES.find((c) => c.version === 2)?.split?.['q-6.1.3-approval']
    expect(split).toEqual(['q-6.1.3-plan-approval', 'q-6.1.3-residual-acceptance'])
    const id = 'ws-content-v1'
    const records: WorkspaceRecords = {
      workspace: makeWorkspace(id, 'Early Adopter GmbH', SCOPE_STATEMENT),
      clauseAnswers: [makeAnswer(id, 'q-6.1.3-approval', 'partly', { contentVersion: 1 })],
      controlDecisions: [],
      risks: [],
    }
    const file = JSON.parse(await backupFile([records], { contentVersion: 1 })) as {
      formatVersion: number
      app: { contentVersion: number }
    }
    expect(file.formatVersion).toBe(BACKUP_FORMAT_VERSION)
    expect(file.app.contentVersion).toBe(1)

    await openImported(page, records, { contentVersion: 1 })
    await page.goto(`/w/${id}/clauses/6.1.3`)
    await page.getByRole('heading', { name: /^6\.1\.3 /, level: 2 }).waitFor()
    for (const questionId of split ?? []) {
      const question = QUESTIONS.find((q) => q.id === questionId)
      expect(question, questionId).toBeDefined()
      const group = page.getByRole('radiogroup', { name: question?.text ?? '', exact: true })
      await expect
        .poll(() => group.getByRole('radio', { name: 'Partly' }).isChecked(), { timeout: 10_000 })
        .toBe(true)
    }
  })

  it('"Write the scope statement" opens the details at the scope field, and a recorded scope lifts the blocker', async () => {
    app = await openApp(browser)
    const { page } = app
    const base = fullyEvidenced('ws-no-scope')
    const records: WorkspaceRecords = {
      ...base,
      workspace: { ...base.workspace, organizationName: 'Scopeless Ltd', scopeStatement: '' },
    }
    const before = verdictOf(records)
    const scope = before.blockers.find((b) => b.kind === 'scope')
    expect(scope?.link).toEqual({ to: 'overview' })

    await openImported(page, records)
    await expectHeadline(page, headlineOf(before))
    await expectBlockers(page, before)
    const details = page.locator('details.workspace-details')
    await expect(details.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false)
    await blockerItem(page, scope ?? { text: '' })
      .getByRole('button', { name: 'Write the scope statement' })
      .click()

    const field = page.getByLabel('Scope of the ISMS (draft)')
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type(SCOPE_STATEMENT)
    await settled(details)

    const after = verdictOf({
      ...records,
      workspace: { ...records.workspace, scopeStatement: SCOPE_STATEMENT },
    })
    expect(after.blockers.some((b) => b.kind === 'scope')).toBe(false)
    await expectHeadline(page, headlineOf(after))
    await expect(blockerItem(page, scope ?? { text: '' }).count()).resolves.toBe(0)
    await expect(
      page.locator('main').getByRole('button', { name: 'Write the scope statement' }).count(),
    ).resolves.toBe(0)
  })
})

describe.each([
  { width: 360, height: 740 },
  { width: 1920, height: 1080 },
])('Overview with blockers and findings at $width px', ({ width, height }) => {
  it('has no axe violations and no sideways page scroll', async () => {
    app = await openApp(browser, { width, height })
    const { page } = app
    const records = nothingRunning()
    const readiness = verdictOf(records)
    expect(readiness.blockers.length).toBeGreaterThan(0)
    expect(readiness.findings.length).toBeGreaterThan(0)

    await openImported(page, records)
    await expectHeadline(page, headlineOf(readiness))
    await expectBlockers(page, readiness)
    // Every "What is missing" unfolded, so the reasons are checked too.
    const summaries = page.locator('main').getByText(/^What is missing \(\d+\)$/)
    for (const summary of await summaries.all()) await summary.click()
    await findingsHeading(page).waitFor()

    expect(await axeViolations(page)).toEqual([])
    expect(await overflowsHorizontally(page)).toBe(false)

    // Set SCREENSHOT_DIR to keep a full-page picture of the Overview for a human to look at.
    const dir = process.env['SCREENSHOT_DIR']
    if (dir) {
      await mkdir(dir, { recursive: true })
      await page.screenshot({ path: join(dir, `overview-verdict-${width}.png`), fullPage: true })
    }
  })
})

/**
 * The register of documented information as a consultant uses it before Stage 1: the verdict
 * counts a mandatory document only as the register records it; one approval recorded for many
 * documents lifts the blockers; an overdue review is a finding; the audit evidence checklist
 * leaves the app offline as PDF and spreadsheet with the register's states in it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import ExcelJS from 'exceljs'
import { computeReadiness } from '@/domain/readiness'
import type { RegisterEntry } from '@/domain/register'
import {
  axeViolations,
  launchBrowser,
  openApp,
  waitForOfflineReady,
  type AppPage,
} from './support/browser'
import { download, importBackup, newAssessment, sections, settled } from './support/actions'
import { expectHeadline, headlineOf, overflowsHorizontally, text } from './support/overview'
import {
  assessmentInput,
  backupFile,
  emptyRegister,
  fullyEvidenced,
  type WorkspaceRecords,
} from './support/verdictFixtures'
import { pdfReadingText } from '../unit/reports/pdfInspect'

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

const APPROVER = 'Eva Dvořáková, CEO'
const APPROVED_ON = '2026-11-20'

/** A fully evidenced assessment whose register of documents nobody has filled in yet. */
const records: WorkspaceRecords = {
  ...fullyEvidenced('ws-paper-register'),
  workspace: {
    ...fullyEvidenced('ws-paper-register').workspace,
    organizationName: 'Žižkov Data a.s.',
  },
  registerEntries: [],
}
const verdictWith = (change: (entry: RegisterEntry) => RegisterEntry) =>
  computeReadiness({
    ...assessmentInput(records),
    register: {
      entries: emptyRegister(records.controlDecisions).map(change),
      today: assessmentInput(records).register!.today,
    },
  })
const approved = (entry: RegisterEntry): RegisterEntry => ({
  ...entry,
  status: 'approved',
  approver: APPROVER,
  approvedOn: APPROVED_ON,
})
const isPolicy = (entry: RegisterEntry) =>
  entry.source.kind === 'mandatory' && entry.source.key === 'is-policy'

describe('the register of documents', () => {
  it(
    'is the record the verdict counts: one approval lifts the blockers, an overdue review is a finding, and the checklist leaves offline with it',
    { timeout: 120_000 },
    async () => {
      app = await openApp(browser, { width: 1920, height: 1080, serviceWorker: true })
      const { page, context } = app
      await page.goto('/')
      await waitForOfflineReady(page)
      await importBackup(page, 'backup.json', await backupFile([records]))
      await page.getByRole('link', { name: records.workspace.organizationName }).click()
      await page.getByRole('heading', { name: 'Overview', level: 2 }).waitFor()
      await context.setOffline(true)

      // Every answer says "in place", but the register shows no document: not ready, and the
      // disagreement is named.
      const before = computeReadiness(assessmentInput(records))
      expect(before.band).toBe('not-ready')
      await expectHeadline(page, headlineOf(before))
      await page
        .locator('.readiness__findings')
        .getByText(/Information security policy \(5\.2\) as missing\. The register decides/)
        .waitFor()

      await sections(page).getByRole('link', { name: 'Documents' }).click()
      await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor()
      const needed = emptyRegister(records.controlDecisions).length
      await page.getByText(`Showing ${needed} of ${needed}`).waitFor()
      await page.getByLabel('Show', { exact: true }).selectOption('missing')
      await page.getByText(`Showing ${needed} of ${needed}`).waitFor()
      await page.getByLabel(`Select all ${needed} shown`).check()
      await page.getByLabel('Approved by', { exact: true }).fill(APPROVER)
      await page.getByLabel('Approved on', { exact: true }).fill(APPROVED_ON)
      await page.getByRole('button', { name: `Approve ${needed} selected documents` }).click()
      await page.getByText('No document matches.').waitFor()

      const ready = verdictWith(approved)
      expect(ready.band).toBe('ready')
      await sections(page).getByRole('link', { name: 'Overview' }).click()
      await expectHeadline(page, headlineOf(ready))

      // The policy's review date passes: the verdict says so and counts it only in part.
      await sections(page).getByRole('link', { name: 'Documents' }).click()
      await page.getByRole('button', { name: /^5\.2 Information security policy/ }).click()
      const editor = page.locator('.register-editor')
      await editor.getByLabel('Next review').fill('2026-01-01')
      await editor.getByLabel('Next review').press('Tab')
      await settled(editor)
      await page.getByText('Review overdue: the next review date has passed.').waitFor()
      expect(await axeViolations(page), 'documents with an editor open').toEqual([])

      const overdue = verdictWith((e) =>
        isPolicy(e) ? { ...approved(e), nextReviewOn: '2026-01-01' } : approved(e),
      )
      expect(overdue.band).toBe('not-ready')
      await sections(page).getByRole('link', { name: 'Overview' }).click()
      await expectHeadline(page, headlineOf(overdue))
      await page
        .locator('.readiness__findings')
        .getByText(
          /Information security policy \(5\.2\) as approved, but its review was due on 2026-01-01/,
        )
        .waitFor()

      // The checklist, offline, as PDF and spreadsheet.
      await sections(page).getByRole('link', { name: 'Report' }).click()
      await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
      const pdf = (await download(page, 'Download audit evidence checklist (PDF)')).buffer
      const reading = await pdfReadingText(pdf, [])
      expect(reading).toContain('Audit evidence checklist')
      expect(reading).toContain(records.workspace.organizationName)
      expect(reading).toContain(`approved by ${APPROVER} on ${APPROVED_ON}`)
      expect(reading).toContain('next review 2026-01-01')

      const xlsx = (await download(page, 'Download audit evidence checklist (spreadsheet)')).buffer
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(xlsx)
      const sheet = workbook.worksheets[0]!
      const rows: string[][] = []
      sheet.eachRow((row) => {
        const values = row.values as unknown[]
        rows.push(values.slice(1).map((v) => String(v ?? '')))
      })
      const header = rows[0]!
      const reference = header.indexOf('Reference')
      const documents = header.indexOf('Documents')
      expect(reference).toBeGreaterThanOrEqual(0)
      const policy = rows.find((r) => r[reference] === 'Clause 5.2')!
      expect(policy[documents]).toContain('Information security policy: Approved')
      expect(policy[documents]).toContain('next review 2026-01-01')
      expect(rows.find((r) => r[reference] === 'A.5.26')?.[documents]).toContain(APPROVER)
    },
  )

  it('works at 360 px by keyboard: open a row, change its status, add and delete a document of your own', async () => {
    app = await openApp(browser, { width: 360, height: 740 })
    const { page } = app
    await newAssessment(page, 'Phone Docs')
    await sections(page).getByRole('link', { name: 'Documents' }).click()
    await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor()

    const scope = page.getByRole('button', { name: /^4\.3 Scope of the ISMS/ })
    await scope.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => scope.getAttribute('aria-expanded')).toBe('true')
    const editor = page.locator('.register-editor')
    await editor.getByLabel('Status').focus()
    await editor.getByLabel('Status').selectOption('approved')
    await page
      .getByText('Marked approved, but without the name of the approver or the date.')
      .waitFor()
    await editor.getByLabel('Version').fill('0.3')
    await editor.getByLabel('Approved by').fill('Eva Dvořáková, Chief Executive Officer')
    await editor.getByLabel('Approved on').fill('2026-11-20')
    await editor.getByLabel('Approved on').press('Tab')
    await settled(editor)
    await expect(text(scope)).resolves.toContain(
      'Approved: Eva Dvořáková, Chief Executive Officer, 2026-11-20',
    )
    // Closed, the row's summary (a long approval among it) fits the phone's width.
    await scope.click()
    expect(await overflowsHorizontally(page)).toBe(false)
    await scope.click()

    await page.getByLabel('Add a document of your own').fill('Supplier security register')
    await page.getByLabel('Add a document of your own').press('Enter')
    const own = page.getByRole('button', { name: /^Own Supplier security register/ })
    await expect.poll(() => own.getAttribute('aria-expanded')).toBe('true')
    await page.waitForFunction(() => document.activeElement?.id.startsWith('document-'))
    expect(await axeViolations(page, ['.documents'])).toEqual([])
    expect(await overflowsHorizontally(page)).toBe(false)

    await page
      .getByRole('button', { name: 'Delete Supplier security register from the register' })
      .click()
    await page.getByRole('button', { name: 'Delete “Supplier security register”' }).click()
    await own.waitFor({ state: 'detached' })
    // The scope's row is kept as the user left it, after a reload too.
    await page.reload()
    await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor()
    await expect(
      text(page.getByRole('button', { name: /^4\.3 Scope of the ISMS/ })),
    ).resolves.toContain('Version 0.3')
  })
})

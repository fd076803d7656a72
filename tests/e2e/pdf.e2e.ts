import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, waitForOfflineReady, type AppPage } from './support/browser'
import { inSentence } from '@/components/format'
import { STAGE_EXPECTATION, bandLabel, computeReadiness } from '@/domain/readiness'
import { pageCount, pdfReadingText, pdfSource, pdfStrings } from '../unit/reports/pdfInspect'

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

async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])
  const bytes = await readFile(await file.path())
  return {
    name: file.suggestedFilename(),
    pdf: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  }
}

describe('PDF exports', () => {
  it('downloads the gap report and the SoA as PDFs, offline, in A4 and US Letter', async () => {
    app = await openApp(browser)
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await context.setOffline(true)
    await page.getByLabel('Organization name').fill('PDF Pty Ltd')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'PDF Pty Ltd', level: 1 }).waitFor()
    const details = page.locator('details.workspace-details')
    await details.getByText('Assessment details').click()
    await details.getByLabel('Scope of the ISMS (draft)').fill('Payments platform, Sydney office')
    await details.getByLabel('Assessor').fill('R. Auditor')
    await details.getByLabel('Assessor').press('Tab')
    await expect.poll(() => details.getAttribute('aria-busy')).toBeNull()
    await details.getByText('Saved', { exact: true }).waitFor()
    await page
      .getByRole('navigation', { name: /^Sections of/ })
      .getByRole('link', { name: 'Report' })
      .click()
    await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()

    const report = await download(page, 'Download gap report (PDF)')
    expect(report.name).toMatch(/^gap-report-pdf-pty-ltd-\d{4}-\d{2}-\d{2}\.pdf$/)
    expect(pdfSource(report.pdf).startsWith('%PDF-')).toBe(true)
    expect(pageCount(report.pdf)).toBeGreaterThan(3)
    const text = pdfStrings(report.pdf).join('\n')
    expect(text).toContain('PDF Pty Ltd')
    expect(text).toContain('Payments platform, Sydney office')
    expect(text).toContain('R. Auditor')
    // The executive summary prints the verdict the domain computes for these records.
    const readiness = computeReadiness({
      answers: [],
      decisions: [],
      risks: [],
      workspace: { scopeStatement: 'Payments platform, Sydney office' },
    })
    expect(text).toContain(`Stage 1 readiness: ${readiness.score}/100`)
    const date = /-(\d{4}-\d{2}-\d{2})\.pdf$/.exec(report.name)?.[1] ?? ''
    const reading = pdfReadingText(report.pdf, ['PDF Pty Ltd', `Readiness gap report - ${date}`])
    expect(reading).toContain(
      `Stage 1 readiness: ${readiness.score}/100, ${inSentence(readiness.bandLabel)}.`,
    )
    expect(reading.split(STAGE_EXPECTATION)).toHaveLength(2)
    expect(reading).toContain(`Blockers (${readiness.blockers.length})`)
    for (const blocker of readiness.blockers) {
      expect(reading).toContain(
        `${blocker.title} (${blocker.clauseRef}) — caps at ${bandLabel(blocker.cap)}: ${blocker.text}`,
      )
    }
    expect(pdfSource(report.pdf)).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/)

    await page.getByLabel('Page size for PDFs').selectOption('letter')
    const soa = await download(page, 'Download SoA (PDF)')
    expect(soa.name).toMatch(/^soa-pdf-pty-ltd-/)
    expect(pdfSource(soa.pdf)).toMatch(/\/MediaBox \[0 0 612\.? 792\.?\]/)
    expect(pdfStrings(soa.pdf).join('\n')).toContain('8.34 ')
    await page
      .locator('main')
      .getByText(/^Downloaded soa-pdf-pty-ltd-.*\.pdf\.$/)
      .waitFor()
  })
})

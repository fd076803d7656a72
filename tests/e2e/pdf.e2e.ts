/**
 * The deliverables as a consultant makes them, offline, in Chromium: names in Czech, Polish,
 * Greek and Russian, a workshop note and the assessor's summary, then every export read back as
 * its reader would (the PDF's text through pdf.js, the Word file's XML, the spreadsheet's cells).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { launchBrowser, openApp, waitForOfflineReady, type AppPage } from './support/browser'
import { download, settled } from './support/actions'
import { STAGE_EXPECTATION, bandLabel } from '@/domain/readiness'
import { GAP_REPORT_CHAPTERS } from '@/reports/gapReportDocument'
import { pageCount, pdfPageLines, pdfReadingText, pdfSource } from '../unit/reports/pdfInspect'

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

const ORGANIZATION = 'Čistá Voda s.r.o.'
const ASSESSOR = 'Łukasz Dvořák'
const PARTICIPANTS = 'Νίκος Παπαδόπουλος (Ελληνικά), Ольга Иванова (Москва)'
const SCOPE = 'Water treatment systems of the Brno site and the Москва support desk'
const NOTE = 'Context analysed in the kick-off with Νίκος; minutes filed by Ольга.'
const SUMMARY = 'Čistá Voda is close to Stage 1 once the internal audit has been held.'

describe('exports', () => {
  it('makes the gap report (PDF and Word), the SoA (PDF, spreadsheet, CSV) and the gap list offline, every name intact', async () => {
    app = await openApp(browser, { serviceWorker: true })
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await context.setOffline(true)
    await page.getByLabel('Organization name').fill(ORGANIZATION)
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: ORGANIZATION, level: 1 }).waitFor()
    const details = page.locator('details.workspace-details')
    await details.getByText('Assessment details').click()
    await details.getByLabel('Scope of the ISMS (draft)').fill(SCOPE)
    await details.getByLabel('Assessor').fill(ASSESSOR)
    await details.getByLabel('Participants').fill(PARTICIPANTS)
    await details.getByLabel('Participants').press('Tab')
    await expect.poll(() => details.getAttribute('aria-busy')).toBeNull()
    await details.getByText('Saved', { exact: true }).waitFor()

    const sections = page.getByRole('navigation', { name: /^Sections of/ })
    await sections.getByRole('link', { name: 'Clauses' }).click()
    const first = page.locator('.question').first()
    await first.getByRole('radio', { name: 'Partly' }).check()
    await first.getByLabel('Note').fill(NOTE)
    await first.getByLabel('Note').press('Tab')
    await settled(first)

    await sections.getByRole('link', { name: 'Report' }).click()
    await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
    // The note is on the Report screen, in the gap list.
    await page.getByText(NOTE).first().waitFor()
    const form = page.getByRole('region', { name: 'Report details' })
    await form.getByLabel("Assessor's summary").fill(SUMMARY)
    await form.getByLabel('Document version').fill('1.0')
    await form.getByLabel('Document version').press('Tab')
    await expect.poll(() => form.getAttribute('aria-busy')).toBeNull()
    // Saved, and then read back by the screen the export takes its details from (on a loaded
    // machine the download could otherwise start before the saved details reached it).
    await form.getByText('Saved', { exact: true }).waitFor()
    await page.waitForTimeout(300)

    // Gap report, PDF.
    const report = await download(page, 'Download gap report (PDF)')
    expect(report.name).toMatch(/^gap-report-cista-voda-s-r-o-\d{4}-\d{2}-\d{2}\.pdf$/)
    expect(pdfSource(report.buffer).startsWith('%PDF-')).toBe(true)
    const pages = await pdfPageLines(report.buffer)
    expect(pages.length).toBe(pageCount(report.buffer))
    const cover = pages[0]?.join('\n') ?? ''
    for (const text of [
      ORGANIZATION,
      ASSESSOR,
      'Νίκος Παπαδόπουλος',
      'Ольга Иванова',
      'Document version 1.0',
    ]) {
      expect(cover).toContain(text)
    }
    for (const page of pages.slice(1)) expect(page[0]).toContain(ORGANIZATION)
    const date = /-(\d{4}-\d{2}-\d{2})\.pdf$/.exec(report.name)?.[1] ?? ''
    const reading = await pdfReadingText(report.buffer, [
      ORGANIZATION,
      `Readiness gap report · ${date}`,
      `Confidential: prepared for ${ORGANIZATION} Not to be shared beyond the organization and its advisers.`,
    ])
    expect(reading).toContain(NOTE)
    expect(reading).toContain(SUMMARY)
    for (const chapter of GAP_REPORT_CHAPTERS) expect(reading).toContain(chapter)
    // The executive summary: the expectation once, the blockers the records cause with their cap.
    expect(reading.split(STAGE_EXPECTATION)).toHaveLength(2)
    for (const blocker of [
      'Information security policy (5.2)',
      'Risk assessment performed (6.1.2, 8.2)',
    ]) {
      expect(reading).toContain(`${blocker}: caps the verdict at ${bandLabel('not-ready')}`)
    }
    expect(pdfSource(report.buffer)).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/)

    // Gap report, Word: the same headings, the names, the note.
    const word = await download(page, 'Download gap report (Word)')
    expect(word.name).toMatch(/^gap-report-cista-voda-s-r-o-.*\.docx$/)
    const zip = await JSZip.loadAsync(word.bytes)
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    for (const text of [ORGANIZATION, ASSESSOR, NOTE, SUMMARY, ...GAP_REPORT_CHAPTERS]) {
      expect(xml).toContain(text.replace(/'/g, '&apos;'))
    }

    // Gap list and action plan, spreadsheet.
    const gaps = await download(page, 'Download gap list and action plan (spreadsheet)')
    const gapBook = new ExcelJS.Workbook()
    await gapBook.xlsx.load(gaps.buffer)
    expect(gapBook.worksheets.map((s) => s.name)).toEqual(['Gaps', 'Action plan', 'About'])
    const gapSheet = gapBook.getWorksheet('Gaps')
    const observations: unknown[] = []
    gapSheet?.eachRow((row) => observations.push(row.getCell(4).value))
    expect(observations).toContain(NOTE)

    // SoA in US Letter: PDF in landscape, spreadsheet and CSV with 93 distinct text ids.
    await page.getByLabel('Page size for PDF and Word').selectOption('letter')
    const soa = await download(page, 'Download SoA (PDF)')
    expect(soa.name).toMatch(/^soa-cista-voda-s-r-o-/)
    expect(pdfSource(soa.buffer)).toMatch(/\/MediaBox \[0 0 792\.? 612\.?\]/)
    expect((await pdfPageLines(soa.buffer)).flat().join('\n')).toContain('A.8.34')
    const sheet = await download(page, 'Download SoA (spreadsheet)')
    const soaBook = new ExcelJS.Workbook()
    await soaBook.xlsx.load(sheet.buffer)
    const ids: unknown[] = []
    soaBook.getWorksheet('Statement of Applicability')?.eachRow((row, n) => {
      if (n > 1) ids.push(row.getCell(1).value)
    })
    expect(ids).toHaveLength(93)
    expect(new Set(ids).size).toBe(93)
    expect(ids.every((id) => typeof id === 'string' && /^A\.\d\.\d+$/.test(id))).toBe(true)
    const csv = await download(page, 'Download SoA (CSV)')
    expect(csv.bytes.toString('utf8')).toContain('A.5.10,')
    await page
      .locator('main')
      .getByText(/^Downloaded soa-cista-voda-s-r-o-.*\.csv\.$/)
      .waitFor()
  })
})

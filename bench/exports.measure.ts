/**
 * The exports as a consultant makes them, in Chromium, from the built app: for each button of
 * the Report screen, the time from the click to the browser's download, and the gzip weight of
 * the code and font files that export fetched the first time (each export library is loaded
 * only when its button is first used). The workspace is the consultant's client of
 * consultantWorkspace.ts: 120 answers with notes, 11 agreed actions, 93 decisions, 8 risks.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp } from '../tests/e2e/support/browser'
import { pageCount } from '../tests/unit/reports/pdfInspect'
import { newWorkspace } from '@/domain/workspace'
import { CONSULTANT_WORKSPACE, consultantAssessment } from './consultantWorkspace'
import { storeRecordsInPage, type LargeWorkspaceRecords } from './largeWorkspace'
import { kb, printFigure, printHeading } from './report'
import { ms, percentile } from './stats'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const T = '2026-11-20T10:00:00.000Z'

function records(): LargeWorkspaceRecords {
  const input = consultantAssessment()
  const id = 'client'
  return {
    workspace: {
      ...newWorkspace(id, CONSULTANT_WORKSPACE.organizationName, T),
      ...CONSULTANT_WORKSPACE,
      riskCriteria: input.workspace?.riskCriteria,
    },
    clauseAnswers: input.answers.map((a) => ({ ...a, workspaceId: id })),
    controlDecisions: input.decisions.map((d) => ({ ...d, workspaceId: id })),
    risks: (input.risks ?? []).map((r) => ({ ...r, workspaceId: id })),
  }
}

const BUTTONS = [
  'Download gap report (PDF)',
  'Download gap report (Word)',
  'Download gap list and action plan (spreadsheet)',
  'Download SoA (PDF)',
  'Download SoA (spreadsheet)',
  'Download SoA (CSV)',
  'Download audit evidence checklist (PDF)',
  'Download audit evidence checklist (spreadsheet)',
  'Download audit evidence checklist (CSV)',
] as const

interface Fetched {
  url: string
  gzip: number
}

async function clickToFile(page: Page, button: string) {
  const start = Date.now()
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: button }).click(),
  ])
  const elapsed = Date.now() - start
  const path = await download.path()
  const { readFile } = await import('node:fs/promises')
  const bytes = await readFile(path)
  return { elapsed, bytes }
}

it('exports: click to file and the weight of what each export loads, in Chromium', async () => {
  const { context, page } = await openApp(browser, { serviceWorker: true })
  await page.goto('/')
  await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
  await page.waitForFunction(async () =>
    (await indexedDB.databases()).some((d) => d.name === 'isms-readiness'),
  )
  await page.evaluate(storeRecordsInPage, records())
  await page.goto('/w/client/report')
  await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
  await page.locator('.gap-table tbody tr').first().waitFor()
  await page.waitForLoadState('networkidle')

  const fetched: Fetched[] = []
  page.on('response', async (response) => {
    const url = new URL(response.url()).pathname
    if (!/\.(js|ttf)$/.test(url)) return
    fetched.push({ url, gzip: gzipSync(await response.body(), { level: 9 }).length })
  })

  const runs = 5
  printHeading(
    `Exports of the consultant's workspace (120 answers with notes, 93 decisions, 8 risks), Chromium, click to download event, ${runs} runs after the first`,
  )
  for (const button of BUTTONS) {
    fetched.length = 0
    const first = await clickToFile(page, button)
    await page.waitForTimeout(200)
    const loaded = [...fetched]
    const times: number[] = []
    for (let i = 0; i < runs; i++) times.push((await clickToFile(page, button)).elapsed)
    const extra = button.includes('(PDF)')
      ? `, ${pageCount(first.bytes.buffer.slice(first.bytes.byteOffset, first.bytes.byteOffset + first.bytes.byteLength) as ArrayBuffer)} pages`
      : ''
    printFigure(
      button,
      `first ${ms(first.elapsed)}, then p50 ${ms(percentile(times, 50))}`,
      `file ${kb(first.bytes.length)}${extra}`,
    )
    const total = loaded.reduce((sum, f) => sum + f.gzip, 0)
    printFigure(
      '  loaded on first use (gzip)',
      kb(total),
      loaded.map((f) => `${f.url.replace('/assets/', '')} ${kb(f.gzip)}`).join(', ') ||
        'nothing new',
    )
  }
  await context.close()
})

import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp } from '../tests/e2e/support/browser'
import { pageCount } from '../tests/unit/reports/pdfInspect'
import { largeWorkspaceRecords, storeRecordsInPage } from './largeWorkspace'
import { printFigure, printHeading } from './report'
import { ms, percentile } from './stats'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Records every main-thread task over 50 ms, so a figure can say how long the page froze. */
function watchLongTasks() {
  const w = window as unknown as { longTasks: { start: number; duration: number }[] }
  w.longTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      w.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }
  }).observe({ type: 'longtask', buffered: true })
}

/** The longest main-thread task that started between two page clock readings. */
const longestTask = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([a, b]) =>
      Math.max(
        0,
        ...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
          .filter((t) => t.start >= a && t.start <= b)
          .map((t) => t.duration),
      ),
    [from, to] as const,
  )

/**
 * From the Overview, clicks a section's link and waits until `selector` matches and one more
 * frame has been drawn. The clock starts just before the click and stops at that frame.
 */
const openSection = (page: Page, section: string, selector: string) =>
  page.evaluate(
    async ([name, ready]) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r))
      const link = (text: string) =>
        [...document.querySelectorAll<HTMLAnchorElement>('nav a')].find(
          (a) => a.textContent?.trim() === text,
        )
      link('Overview')?.click()
      while (!document.querySelector('#overview-title')) await frame()
      await frame()
      const start = performance.now()
      link(name)?.click()
      while (!document.querySelector(ready)) await frame()
      await frame()
      return { start, elapsed: performance.now() - start }
    },
    [section, selector] as const,
  )

interface Figures {
  openOverview: number
  reportFirst: number
  report: number[]
  reportLongest: number
  gapRows: number
  gapCount: number
  gapFilter: number[]
  risksFirst: number
  risks: number[]
  risksLongest: number
  keystrokes: number[]
  keystrokesLongest: number
  pdf: number
  pdfLongest: number
  pdfPages: number
  pdfBytes: number
}

async function measure(riskCount: number): Promise<Figures> {
  const { page, context } = await openApp(browser, { serviceWorker: true })
  await context.addInitScript(watchLongTasks)
  await page.goto('/')
  await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
  await page.waitForFunction(async () =>
    (await indexedDB.databases()).some((d) => d.name === 'isms-readiness'),
  )
  const records = largeWorkspaceRecords(riskCount, 'large', `Large ${riskCount}`)
  await page.evaluate(storeRecordsInPage, records)

  // Opening the workspace: from the address to the Overview's verdict drawn.
  const openStart = Date.now()
  await page.goto('/w/large/overview')
  await page
    .locator('main')
    .getByRole('heading', { level: 3, name: /^Stage 1 readiness:/ })
    .waitFor()
  const openOverview = Date.now() - openStart

  const reportRuns = []
  for (let i = 0; i < 6; i++)
    reportRuns.push(await openSection(page, 'Report', '.gap-table tbody tr'))
  const reportEnd = await page.evaluate(() => performance.now())
  const reportLongest = await longestTask(page, reportRuns[0]?.start ?? 0, reportEnd)
  const gapRows = await page.locator('.gap-table tbody tr').count()
  const gapCount = Number(
    /\((\d+)\)/.exec(
      (await page.getByRole('heading', { name: /^Gaps \(/ }).textContent()) ?? '',
    )?.[1],
  )

  // One change of the gap list's Severity filter, to the next frame.
  const gapFilter = await page.evaluate(async () => {
    const select = [...document.querySelectorAll<HTMLSelectElement>('select')].find(
      (el) => el.labels?.[0]?.textContent?.trim() === 'Severity',
    )
    if (!select) throw new Error('no Severity filter')
    const out: number[] = []
    for (const value of ['high', 'medium', 'any', 'low', 'any']) {
      const start = performance.now()
      select.value = value
      select.dispatchEvent(new Event('change', { bubbles: true }))
      await new Promise((r) => requestAnimationFrame(r))
      out.push(performance.now() - start)
    }
    return out
  })

  const risksRuns = []
  for (let i = 0; i < 6; i++) risksRuns.push(await openSection(page, 'Risks', '.risk-row'))
  const risksEnd = await page.evaluate(() => performance.now())
  const risksLongest = await longestTask(page, risksRuns[0]?.start ?? 0, risksEnd)

  // Typing in "Search risks" and deleting again, one character at a time, each to the next frame.
  const typing = await page.evaluate(async () => {
    const input = [...document.querySelectorAll<HTMLInputElement>('input[type=search]')].find(
      (el) => el.labels?.[0]?.textContent?.trim() === 'Search risks',
    )
    if (!input) throw new Error('no risk search field')
    const out: number[] = []
    const first = performance.now()
    for (const text of ['ransomware', 'system 99', 'owner 7']) {
      const values = [
        ...Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)),
        ...Array.from({ length: text.length }, (_, i) => text.slice(0, text.length - i - 1)),
      ]
      for (const value of values) {
        const start = performance.now()
        input.value = value
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await new Promise((r) => requestAnimationFrame(r))
        out.push(performance.now() - start)
      }
    }
    return { out, first, last: performance.now() }
  })
  const keystrokesLongest = await longestTask(page, typing.first, typing.last)

  // The gap report: from the click on its button (in Node) to the browser's download event.
  await openSection(page, 'Report', '.gap-table tbody tr')
  const pdfFrom = await page.evaluate(() => performance.now())
  const pdfStart = Date.now()
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 600_000 }),
    page.getByRole('button', { name: 'Download gap report (PDF)' }).click(),
  ])
  const pdf = Date.now() - pdfStart
  const pdfTo = await page.evaluate(() => performance.now())
  const pdfLongest = await longestTask(page, pdfFrom, pdfTo)
  const bytes = await readFile(await download.path())
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  await context.close()

  return {
    openOverview,
    reportFirst: reportRuns[0]?.elapsed ?? Number.NaN,
    report: reportRuns.slice(1).map((r) => r.elapsed),
    reportLongest,
    gapRows,
    gapCount,
    gapFilter,
    risksFirst: risksRuns[0]?.elapsed ?? Number.NaN,
    risks: risksRuns.slice(1).map((r) => r.elapsed),
    risksLongest,
    keystrokes: typing.out,
    keystrokesLongest,
    pdf,
    pdfLongest,
    pdfPages: pageCount(file as ArrayBuffer),
    pdfBytes: bytes.byteLength,
  }
}

function print(riskCount: number, f: Figures) {
  printHeading(`Large workspace: ${riskCount} risks, every question answered, 93 decisions`)
  printFigure('Open workspace: goto → Overview verdict (Node clock)', ms(f.openOverview))
  printFigure('Report, 1st visit: click → gap rows drawn', ms(f.reportFirst), 'target < 1000 ms')
  printFigure('Report, again: click → gap rows drawn, p50', ms(percentile(f.report, 50)))
  printFigure('Report, again: click → gap rows drawn, max', ms(Math.max(...f.report)))
  printFigure('Report: longest main-thread task, all visits', ms(f.reportLongest))
  printFigure('Report: gap rows in the page / gaps counted', `${f.gapRows} / ${f.gapCount}`)
  printFigure('Gap Severity filter: change → next frame, max', ms(Math.max(...f.gapFilter)))
  printFigure('Risks, 1st visit: click → risk rows drawn', ms(f.risksFirst), 'target < 1000 ms')
  printFigure('Risks, again: click → risk rows drawn, p50', ms(percentile(f.risks, 50)))
  printFigure('Risks, again: click → risk rows drawn, max', ms(Math.max(...f.risks)))
  printFigure('Risks: longest main-thread task, all visits', ms(f.risksLongest))
  printFigure(
    `Search risks: keystroke → next frame, p50 (${f.keystrokes.length} keys)`,
    ms(percentile(f.keystrokes, 50)),
  )
  printFigure(
    'Search risks: keystroke → next frame, p95',
    ms(percentile(f.keystrokes, 95)),
    'target ≤ 100 ms',
  )
  printFigure('Search risks: keystroke → next frame, max', ms(Math.max(...f.keystrokes)))
  printFigure('Search risks: longest main-thread task', ms(f.keystrokesLongest))
  printFigure('Gap report PDF: click → download (Node clock)', ms(f.pdf), 'target < 10000 ms')
  printFigure('Gap report PDF: longest main-thread task', ms(f.pdfLongest))
  printFigure(
    'Gap report PDF: pages / size',
    `${f.pdfPages} / ${(f.pdfBytes / 1024).toFixed(0)} KB`,
  )
}

it('Report, Risks and gap report PDF with 1,000 and 10,000 risks, in Chromium', async () => {
  process.stdout.write(
    'Screens: page clock from just before the click on the section link (from the Overview) to the\n' +
      'first animation frame after its first rows exist. First visit loads the view and computes its\n' +
      'results; "again" are 5 more visits. Filters: from the change to the next frame. PDF: Node clock\n' +
      'from the button click to the browser starting the download. Longest task: the page frozen.\n',
  )
  for (const riskCount of [1_000, 10_000]) print(riskCount, await measure(riskCount))
})

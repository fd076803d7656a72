import { fileURLToPath, URL } from 'node:url'
import { afterAll, beforeAll, it } from 'vitest'
import { build } from 'vite'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../tests/e2e/support/browser'
import { serveDirectory, type CopiedSite } from '../tests/e2e/support/staticServer'
import { printFigure, printHeading } from './report'
import { ms, percentile } from './stats'

let browser: Browser
let site: CopiedSite

beforeAll(async () => {
  // The bench page (bench/pdf-page) is built on its own, into dist-bench/.
  await build({
    configFile: false,
    logLevel: 'warn',
    root: fileURLToPath(new URL('./pdf-page', import.meta.url)),
    base: './',
    resolve: { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } },
    define: { __APP_VERSION__: '"bench"' },
    build: {
      outDir: fileURLToPath(new URL('../dist-bench', import.meta.url)),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
    },
  })
  site = await serveDirectory(fileURLToPath(new URL('../dist-bench', import.meta.url)))
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

it('results computation and gap report PDF for a full workspace, in Chromium', async () => {
  const page = await browser.newPage()
  await page.goto(`${site.url}/`)
  await page.waitForFunction(() => typeof window.runBench === 'function')
  const runs = 10
  const resultRuns = 200
  const result = await page.evaluate(([n, m]) => window.runBench(n, m), [runs, resultRuns] as const)
  await page.close()

  const { counts } = result
  const p50p95 = (samples: readonly number[]) =>
    `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`
  printHeading(
    `One change to a full workspace (${counts.answers} answers, ${counts.decisions} decisions, ${counts.risks} risks linked to controls), Chromium, ${resultRuns} runs each`,
  )
  process.stdout.write(
    '   clock: performance.now() in the page, from the complete event of the readwrite\n' +
      '   transaction that saved the change, until the live queries have emitted the rows read\n' +
      '   back from IndexedDB and the verdict, gaps, SoA and top actions are computed from them\n',
  )
  for (const [name, change] of [
    ['An answer saved (answers + workspace re-read)', result.answerChange],
    ['A risk saved (1,000 risks + workspace re-read)', result.riskChange],
  ] as const) {
    printFigure(`${name}, p50`, ms(percentile(change.total, 50)))
    printFigure(`${name}, p95`, ms(percentile(change.total, 95)), 'target < 5 ms')
    printFigure('  Re-read, until the live queries emitted, p50 / p95', p50p95(change.reRead))
    printFigure('  Then computed from them, p50 / p95', p50p95(change.compute))
  }

  printHeading(`The computation alone, on rows already in memory (${resultRuns} runs)`)
  process.stdout.write('   clock: performance.now() in the page, around each call\n')
  printFigure('Score + gaps + SoA + top actions, p50 / p95', p50p95(result.results))
  const parts = [
    ['Verdict (readinessOf), p50 / p95', result.verdict],
    ['Gaps (buildGaps), p50 / p95', result.gaps],
    ['SoA (buildSoa), p50 / p95', result.soa],
    ['Top actions (rankImprovementsOf), p50 / p95', result.improvements],
  ] as const
  for (const [name, samples] of parts) printFigure(`  ${name}`, p50p95(samples))
  printFigure('  Gaps / blockers in the result', `${counts.gaps} / ${counts.blockers}`)

  printHeading(
    `Gap report PDF (embedded DejaVu Sans) vs bare jspdf-autotable of the same table rows (${runs} runs each)`,
  )
  process.stdout.write(
    '   clock: performance.now() in the page, around building the whole file in memory\n',
  )
  for (const [name, reportRuns, baselineRuns] of [
    [
      "Consultant's workspace (120 answers with notes, 93 decisions, 8 risks)",
      result.report,
      result.baseline,
    ],
    ['Full workspace (1,000 risks; 200 listed)', result.fullReport, result.fullBaseline],
  ] as const) {
    const report = percentile(reportRuns, 50)
    const baseline = percentile(baselineRuns, 50)
    printFigure(`${name}: gap report, p50`, ms(report), 'target < 1500 ms')
    printFigure('  Baseline (same rows, bare autotable, Helvetica), p50', ms(baseline))
    printFigure('  Ratio report / baseline', `${(report / baseline).toFixed(2)}x`, 'target ≤ 3x')
  }
  printFigure(
    "Consultant's gap report: pages, size",
    `${result.reportPages} pages, ${(result.reportBytes / 1024).toFixed(0)} KB`,
  )
  printFigure('Font files fetched and read (first export of a page load)', ms(result.fontLoad))
})

/**
 * The screens on a 360 × 740 phone, for the consultant's fully worked assessment: how tall each
 * screen is (in screens of 740 px), the Report before and after opening its sections, and
 * whether anything scrolls sideways. Also the layout shift of the start page listing it, while
 * each assessment's score line arrives.
 */
import { afterAll, beforeAll, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { DEFAULT_RISK_CRITERIA } from '@/domain/risk'
import { newWorkspace } from '@/domain/workspace'
import { launchBrowser, openApp } from '../tests/e2e/support/browser'
import { layoutShift, watchLayoutShift } from './layoutShift'
import { CONSULTANT_WORKSPACE, consultantAssessment } from './consultantWorkspace'
import { storeRecordsInPage } from './largeWorkspace'
import { printFigure, printHeading } from './report'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const HEIGHT = 740

function records() {
  const input = consultantAssessment()
  return {
    workspace: {
      ...newWorkspace('client', CONSULTANT_WORKSPACE.organizationName, '2026-11-20T10:00:00.000Z'),
      ...CONSULTANT_WORKSPACE,
      riskCriteria: DEFAULT_RISK_CRITERIA,
    },
    clauseAnswers: input.answers,
    controlDecisions: input.decisions,
    risks: input.risks ?? [],
  }
}

it('screens on a 360 px phone for a fully answered assessment', async () => {
  const app = await openApp(browser, {
    width: 360,
    height: HEIGHT,
    hasTouch: true,
    serviceWorker: true,
  })
  const { page, context } = app
  await page.goto('/')
  await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
  await page.waitForFunction(async () =>
    (await indexedDB.databases()).some((d) => d.name === 'isms-readiness'),
  )
  await page.evaluate(storeRecordsInPage, records())

  // The start page, watched for layout shift while the score line is worked out.
  await watchLayoutShift(context)
  await page.reload()
  await page.getByText(/\d+\/100/).waitFor()
  await page.waitForTimeout(500)
  const cls = await layoutShift(page)

  const size = () =>
    page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      sideways: document.documentElement.scrollWidth > window.innerWidth,
    }))
  const screens = (h: number) => `${(h / HEIGHT).toFixed(1)} screens`
  const figures: [string, { height: number; sideways: boolean }][] = []
  for (const [name, path, ready] of [
    ['Overview', '/w/client/overview', 'Stage 1 readiness'],
    ['Clauses (6.1.2)', '/w/client/clauses/6.1.2', 'Skip to questions'],
    ['Annex A', '/w/client/annex-a', 'Every control has a decision.'],
    ['Risks', '/w/client/risks', 'Showing 8 of 8 risks'],
    ['Report, sections folded', '/w/client/report', 'Download gap report (PDF)'],
  ] as const) {
    await page.goto(path)
    await page.getByText(ready).first().waitFor({ state: 'attached' })
    await page.waitForTimeout(300)
    figures.push([name, await size()])
  }
  for (const toggle of await page.locator('.report-section__toggle').all()) await toggle.click()
  await page.locator('.gap-card').first().waitFor()
  figures.push(['Report, every section opened', await size()])

  const { clauseAnswers, controlDecisions, risks } = records()
  printHeading(
    `Phone, 360 × 740, consultant workspace (${clauseAnswers.length} answers, ${controlDecisions.length} decisions, ${risks.length} risks)`,
  )
  for (const [name, { height, sideways }] of figures) {
    printFigure(
      `${name}: page height`,
      `${height.toLocaleString('en')} px`,
      `${screens(height)}${sideways ? ', SCROLLS SIDEWAYS' : ', no sideways scroll'}`,
    )
  }
  printFigure('Start page: layout shift while the scores arrive', cls.toFixed(3), 'target 0')
  if (app.problems.length > 0) throw new Error(app.problems.join('\n'))
  await context.close()
})

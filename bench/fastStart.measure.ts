/**
 * Fast start: clicks and time to decide all 93 Annex A controls, every one justified, for a
 * fully remote SaaS start-up, with the scoping interview and without it (the quickest way the
 * Annex A screen offers: two bulk exclusions, each with its justification typed, and every
 * other control applicable together with its reason). Then the same from last year's 2013 SoA.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { ANNEX_A_CONTROLS } from '@/content'
import { launchBrowser, openApp } from '../tests/e2e/support/browser'
import { REMOTE_START_UP, scopingQuestion } from '../tests/e2e/support/fastStart'
import { printFigure, printHeading } from './report'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Counts what the user does: clicks (a native select takes two) and characters typed. */
function counter() {
  let clicks = 0
  let typed = 0
  return {
    get clicks() {
      return clicks
    },
    get typed() {
      return typed
    },
    async click(target: Locator) {
      clicks += 1
      await target.click()
    },
    async check(target: Locator) {
      clicks += 1
      await target.check()
    },
    async choose(select: Locator, label: string) {
      clicks += 2
      await select.selectOption({ label })
    },
    add(n: number) {
      clicks += n
    },
    async type(field: Locator, text: string) {
      clicks += 1
      typed += text.length
      await field.click()
      await field.pressSequentially(text, { delay: 0 })
    },
  }
}
type Counter = ReturnType<typeof counter>

async function openAnnexA(page: Page, name: string) {
  await page.goto('/')
  await page.getByLabel('Organization name').fill(name)
  await page.getByRole('button', { name: 'New assessment' }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
  await page
    .getByRole('navigation', { name: /^Sections of/ })
    .getByRole('link', { name: 'Annex A' })
    .click()
  await page.getByText(`${ANNEX_A_CONTROLS.length} controls are still undecided.`).waitFor()
}

const allDecided = (page: Page) => page.getByText('Every control has a decision.').waitFor()

const PREMISES = ['7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '7.8', '7.11', '7.12']
const PREMISES_TEXT =
  'Fully remote company: no offices, server rooms or equipment sites of our own; hosting is with cloud providers.'
const OUTSOURCING_TEXT = 'We outsource no software development and use only our own developers.'

async function excludeTogether(page: Page, count: Counter, ids: readonly string[], text: string) {
  for (const id of ids) {
    await count.click(
      page.getByRole('checkbox', { name: new RegExp(`^Select ${id.replace('.', '\\.')} `) }),
    )
  }
  const panel = page.getByRole('region', { name: /selected controls? together/ })
  await count.click(panel.getByRole('radio', { name: 'Excluded', exact: true }))
  await count.type(panel.getByLabel(/Shared justification/), text)
  await count.click(
    panel.getByRole('button', { name: new RegExp(`^Apply to ${ids.length} control`) }),
  )
  await page.getByRole('button', { name: 'Undo' }).waitFor()
}

/** How many decisions are stored, and how many of them carry a written justification. */
function storedJustifications(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('isms-readiness')
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error)
    })
    const rows = await new Promise<{ justification: string }[]>((resolve) => {
      const q = db.transaction('controlDecisions').objectStore('controlDecisions').getAll()
      q.onsuccess = () => resolve(q.result as { justification: string }[])
    })
    db.close()
    return {
      decided: rows.length,
      withText: rows.filter((r) => r.justification.trim() !== '').length,
    }
  })
}

it('fast start: clicks and time to decide all 93 controls for a fully remote SaaS start-up', async () => {
  // Without the interview: the quickest way the Annex A screen offers.
  const manual = await openApp(browser, { width: 1280, height: 800, serviceWorker: true })
  const m = counter()
  await openAnnexA(manual.page, 'Remote Manual')
  const manualStart = performance.now()
  await excludeTogether(manual.page, m, PREMISES, PREMISES_TEXT)
  await excludeTogether(manual.page, m, ['8.30'], OUTSOURCING_TEXT)
  await m.choose(manual.page.getByLabel('Decision', { exact: true }), 'Undecided')
  const rest = ANNEX_A_CONTROLS.length - PREMISES.length - 1
  await m.click(manual.page.getByRole('button', { name: `Select all ${rest} shown` }))
  const panel = manual.page.getByRole('region', { name: /selected controls? together/ })
  await m.click(panel.getByRole('radio', { name: 'Applicable', exact: true }))
  await m.click(panel.getByRole('checkbox', { name: 'Risk assessment', exact: true }))
  await m.click(panel.getByRole('button', { name: `Apply to ${rest} controls` }))
  await allDecided(manual.page)
  const manualMs = performance.now() - manualStart
  const manualJustified = await storedJustifications(manual.page)
  await manual.context.close()

  // With the interview: Fast start, 13 answers, review, apply.
  const fast = await openApp(browser, { width: 1280, height: 800, serviceWorker: true })
  const f = counter()
  await openAnnexA(fast.page, 'Remote Interview')
  const fastStart = performance.now()
  await f.click(fast.page.getByRole('link', { name: 'Fast start' }))
  for (const [q, a] of REMOTE_START_UP) {
    await f.check(
      scopingQuestion(fast.page, q).getByRole('radio', { name: a, exact: typeof a === 'string' }),
    )
  }
  await fast.page.getByText('13 of 13 questions answered.').waitFor()
  await f.click(fast.page.getByRole('button', { name: 'Review the suggested decisions' }))
  const reviewShown = performance.now()
  await f.click(fast.page.getByRole('button', { name: 'Apply 93 decisions' }))
  await fast.page
    .locator('#main')
    .getByText('Applied from the scoping interview: 93 decisions recorded in Annex A.')
    .waitFor()
  const applyMs = performance.now() - reviewShown
  await f.click(fast.page.getByRole('link', { name: 'Open Annex A' }))
  await allDecided(fast.page)
  const fastMs = performance.now() - fastStart
  const justified = await storedJustifications(fast.page)
  await fast.context.close()

  // Last year's 2013 SoA: choose the file, review, apply.
  const carried = await openApp(browser, { width: 1280, height: 800, serviceWorker: true })
  const c = counter()
  await openAnnexA(carried.page, 'Remote Carried')
  const csv = await readFile('tests/fixtures/soa-import/soa-2013.csv')
  const carriedStart = performance.now()
  await c.click(carried.page.getByRole('link', { name: 'Fast start' }))
  await c.click(carried.page.getByRole('button', { name: 'Carry an old SoA forward' }))
  c.add(1) // choosing the file in the browser's dialog
  await carried.page
    .getByLabel('SoA file (CSV or .xlsx)')
    .setInputFiles({ name: 'soa-2013.csv', mimeType: 'text/csv', buffer: csv })
  await c.click(carried.page.getByRole('button', { name: /^Review \d+ suggestions$/ }))
  const apply = carried.page.getByRole('button', { name: /^Apply \d+ decisions$/ })
  const appliedCount = Number(/\d+/.exec((await apply.textContent())!)![0])
  await c.click(apply)
  await carried.page
    .locator('#main')
    .getByText(/^Applied from/)
    .waitFor()
  const carriedMs = performance.now() - carriedStart
  await c.click(carried.page.getByRole('link', { name: 'Open Annex A' }))
  const left = await carried.page.locator('.annex-a__undecided strong').textContent()
  await carried.context.close()

  printHeading(
    `Fast start: all ${ANNEX_A_CONTROLS.length} controls decided, fully remote SaaS start-up (10 excluded, 83 applicable)`,
  )
  printFigure(
    'Without the interview: clicks',
    String(m.clicks),
    'two bulk exclusions, one bulk applicable',
  )
  printFigure('Without the interview: characters typed', String(m.typed), 'the two exclusion texts')
  printFigure(
    'Without the interview: time (automated)',
    `${(manualMs / 1000).toFixed(1)} s`,
    'typing at machine speed',
  )
  printFigure(
    '  decisions stored, with a written justification',
    `${manualJustified.decided}, ${manualJustified.withText}`,
    'the 83 applicable: a ticked reason only',
  )
  printFigure(
    'With the interview: clicks',
    String(f.clicks),
    '13 answers, review, apply, open Annex A',
  )
  printFigure('With the interview: characters typed', String(f.typed))
  printFigure('With the interview: time (automated)', `${(fastMs / 1000).toFixed(1)} s`)
  printFigure('  of which Apply 93 to recorded', `${applyMs.toFixed(0)} ms`, 'one transaction')
  printFigure(
    '  decisions stored, with a written justification',
    `${justified.decided}, ${justified.withText}`,
  )
  printHeading(
    'Fast start: last year’s 2013 SoA carried forward (tests/fixtures/soa-import/soa-2013.csv)',
  )
  printFigure('Clicks to a reviewed, applied 2022 draft', String(c.clicks), 'file, review, apply')
  printFigure('Decisions applied from the file', String(appliedCount))
  printFigure('Controls left to decide fresh or choose', String(left ?? '?'))
  printFigure('Time (automated)', `${(carriedMs / 1000).toFixed(1)} s`)
  const problems = [...manual.problems, ...fast.problems, ...carried.problems]
  if (problems.length > 0) throw new Error(problems.join('\n'))
})

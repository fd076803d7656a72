import { afterAll, beforeAll, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { ANNEX_A_CONTROLS, type ControlId } from '@/content'
import { IMPLEMENTATION_STATUSES } from '@/domain/controlDecision'
import { launchBrowser, openApp } from '../tests/e2e/support/browser'
import { printFigure, printHeading } from './report'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** A fully remote company: no premises of its own, so the controls on premises are excluded. */
const EXCLUDED: readonly ControlId[] = ['7.1', '7.2', '7.3', '7.4', '7.6', '7.11', '7.12', '7.13']
const JUSTIFICATION =
  'Fully remote company: no offices, server rooms or equipment sites of our own; hosting is with cloud providers.'
const APPLICABLE = ANNEX_A_CONTROLS.filter((c) => !EXCLUDED.includes(c.id))
/** A spread of statuses, the same in both runs: the n-th applicable control gets the n-th. */
const statusOf = (index: number) =>
  IMPLEMENTATION_STATUSES[index % IMPLEMENTATION_STATUSES.length] ?? IMPLEMENTATION_STATUSES[0]
const DEFAULT_STATUS = IMPLEMENTATION_STATUSES[0].value

/** Counts what the user clicks. A native select takes two: one to open it, one on the option. */
function clickCounter() {
  let clicks = 0
  return {
    get clicks() {
      return clicks
    },
    async click(target: Locator) {
      clicks += 1
      await target.click()
    },
    async choose(select: Locator, label: string) {
      clicks += 2
      await select.selectOption({ label })
    },
  }
}
type Counter = ReturnType<typeof clickCounter>

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

/** Both runs exclude the premises controls the same way: tick them, Excluded, the text, Apply. */
async function excludeTogether(page: Page, count: Counter) {
  for (const id of EXCLUDED) {
    await count.click(
      page.getByRole('checkbox', { name: new RegExp(`^Select ${id.replace('.', '\\.')} `) }),
    )
  }
  const panel = page.getByRole('region', { name: /selected controls? together/ })
  await count.click(panel.getByRole('radio', { name: 'Excluded', exact: true }))
  const text = panel.getByLabel(/Shared justification/)
  await count.click(text)
  await text.pressSequentially(JUSTIFICATION, { delay: 0 })
  await count.click(panel.getByRole('button', { name: `Apply to ${EXCLUDED.length} controls` }))
  await page
    .getByText(`${ANNEX_A_CONTROLS.length - EXCLUDED.length} controls are still undecided.`)
    .waitFor()
}

async function expectAllDecided(page: Page) {
  await page.getByText('Every control has a decision.').waitFor()
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null)
}

it(`clicks to decide all ${ANNEX_A_CONTROLS.length} controls for a fully remote company`, async () => {
  // Inline: on each closed row, "Applicable", then the status when it is not the first one.
  const inline = await openApp(browser, { width: 1280, height: 800, serviceWorker: true })
  const inlineCount = clickCounter()
  await openAnnexA(inline.page, 'Remote Inline')
  await excludeTogether(inline.page, inlineCount)
  for (const [index, control] of APPLICABLE.entries()) {
    const group = inline.page.getByRole('group', {
      name: `Decision for A.${control.id}`,
      exact: true,
    })
    await inlineCount.click(group.getByRole('radio', { name: 'Applicable', exact: true }))
    const status = statusOf(index)
    if (status.value !== DEFAULT_STATUS) {
      await inlineCount.choose(
        inline.page.getByLabel(`Implementation status for A.${control.id}`, { exact: true }),
        status.label,
      )
    }
  }
  await expectAllDecided(inline.page)
  await inline.context.close()

  // The full editor alone, as before the inline choices: open the row, "Applicable", the
  // status. Opening the next row closes this one, so closing costs no click.
  const editor = await openApp(browser, { width: 1280, height: 800, serviceWorker: true })
  const editorCount = clickCounter()
  await openAnnexA(editor.page, 'Remote Editor')
  await excludeTogether(editor.page, editorCount)
  for (const [index, control] of APPLICABLE.entries()) {
    await editorCount.click(editor.page.locator(`[id="control-${control.id}"]`))
    const form = editor.page.locator(`[data-control-id="${control.id}"]`)
    await editorCount.click(form.getByRole('radio', { name: 'Applicable', exact: true }))
    const status = statusOf(index)
    if (status.value !== DEFAULT_STATUS) {
      await editorCount.click(form.getByRole('radio', { name: status.label, exact: true }))
    }
  }
  await expectAllDecided(editor.page)
  await editor.context.close()

  // The quickest way now: the premises excluded together, then every control still undecided
  // made applicable together with its reason (filter, select all shown, Applicable, the reason,
  // Apply), then each status on its row.
  const bulk = await openApp(browser, { width: 1280, height: 800, serviceWorker: true })
  const bulkCount = clickCounter()
  await openAnnexA(bulk.page, 'Remote Bulk')
  await excludeTogether(bulk.page, bulkCount)
  await bulkCount.choose(bulk.page.getByLabel('Decision', { exact: true }), 'Undecided')
  await bulkCount.click(
    bulk.page.getByRole('button', { name: `Select all ${APPLICABLE.length} shown` }),
  )
  const panel = bulk.page.getByRole('region', { name: /selected controls? together/ })
  await bulkCount.click(panel.getByRole('radio', { name: 'Applicable', exact: true }))
  await bulkCount.click(panel.getByRole('checkbox', { name: 'Risk assessment', exact: true }))
  await bulkCount.click(
    panel.getByRole('button', { name: `Apply to ${APPLICABLE.length} controls` }),
  )
  await bulk.page.getByText('Every control has a decision.').waitFor()
  await bulkCount.choose(bulk.page.getByLabel('Decision', { exact: true }), 'Any decision')
  for (const [index, control] of APPLICABLE.entries()) {
    const status = statusOf(index)
    if (status.value !== DEFAULT_STATUS) {
      await bulkCount.choose(
        bulk.page.getByLabel(`Implementation status for A.${control.id}`, { exact: true }),
        status.label,
      )
    }
  }
  await expectAllDecided(bulk.page)
  await bulk.context.close()

  const withStatus = APPLICABLE.filter((_, i) => statusOf(i).value !== DEFAULT_STATUS).length
  // The issue's count of the old way: open, decide, tick a reason, choose the status, close.
  const bulkClicks = EXCLUDED.length + 3
  const asTheIssueCounts = bulkClicks + APPLICABLE.length * 5
  printHeading(
    `Annex A: clicks to decide ${ANNEX_A_CONTROLS.length} controls, fully remote company (${EXCLUDED.length} excluded together, ${APPLICABLE.length} applicable, ${withStatus} of them with a status other than "${IMPLEMENTATION_STATUSES[0].label}")`,
  )
  printFigure(
    'Clicks, inline on the rows (counted)',
    String(inlineCount.clicks),
    'select = 2 clicks',
  )
  printFigure(
    'Clicks, applicable together with a reason, then statuses inline (counted)',
    String(bulkCount.clicks),
    'every control justified',
  )
  printFigure('Clicks, full editor only (counted)', String(editorCount.clicks), 'no reason ticked')
  printFigure('Clicks, old flow as the issue counts it', String(asTheIssueCounts), '5 per control')
  printFigure('  of which the bulk exclusion', String(bulkClicks), 'plus typing the justification')
  if ([inline, editor, bulk].some((run) => run.problems.length > 0)) {
    throw new Error([...inline.problems, ...editor.problems, ...bulk.problems].join('\n'))
  }
})

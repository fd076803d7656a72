import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import {
  axeViolations,
  launchBrowser,
  openApp,
  waitForOfflineReady,
  type AppPage,
} from './support/browser'
import { newAssessment, sections, settled } from './support/actions'
import { parseCsv } from '../unit/reports/csvParse'

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

const goTo = (page: Page, section: 'Overview' | 'Clauses' | 'Annex A' | 'Report') =>
  sections(page).getByRole('link', { name: section, exact: true }).click()

/** An element's text with whitespace collapsed, as it reads on screen. */
const text = async (locator: Locator) =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
/** The cells of a table row, header cell included, as text. */
const cells = async (row: Locator) =>
  (await row.locator('th, td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim())
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The readiness headline of the Overview, e.g. "Stage 1 readiness: 0/100 — not ready". */
const headline = (page: Page) =>
  page.locator('main').getByRole('heading', { level: 3, name: /^Stage 1 readiness:/ })
async function expectHeadline(page: Page, expected: string) {
  await expect.poll(() => text(headline(page)), { timeout: 10_000 }).toBe(expected)
}
const blockersHeading = (page: Page) =>
  page.locator('main').getByRole('heading', { level: 4, name: /^Blockers \(\d+\)$/ })
const blockerLinks = (page: Page) => page.locator('main').getByRole('link', { name: /^Go to / })
const topActions = (page: Page) => page.getByRole('region', { name: 'What raises your score most' })
const chart = (page: Page) => page.getByRole('img', { name: /^Bar chart of conformance by clause/ })

/** True once chart.js has drawn on the canvas (some pixel is no longer transparent). */
const chartDrawn = (canvas: Locator) =>
  canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement
    if (c.width === 0 || c.height === 0) return false
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true
    return false
  })

/** The number in the Annex A status "93 controls are still undecided." */
async function undecidedControls(page: Page) {
  const status = page.locator('main').getByRole('status').filter({ hasText: 'still undecided' })
  return Number(/^(\d+) /.exec(await text(status))?.[1])
}

/** Sub-clauses and question counts, as the Clauses screen's index shows them. */
async function clauseIndex(page: Page) {
  const links = page.getByRole('navigation', { name: 'Clause index' }).getByRole('link')
  const entries = new Map<string, number>()
  for (const link of await links.all()) {
    const answered = /(\d+)\/(\d+) answered$/.exec(await text(link))
    entries.set(await text(link.locator('.ref')), Number(answered?.[2]))
  }
  return entries
}

/** Each row's reference link as [text, href], read in one go (there can be 200 rows). */
const referenceLinks = (rows: Locator) =>
  rows
    .getByRole('link')
    .evaluateAll((links) =>
      links.map((a) => [a.textContent?.trim() ?? '', a.getAttribute('href') ?? ''] as const),
    )

async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
}

describe('Overview', () => {
  it('shows a new assessment as 0/100 with its blockers, top actions, explanation and chart', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Fresh Start Ltd')
    await expectHeadline(page, 'Stage 1 readiness: 0/100 — not ready')
    // 15 mandatory documents, none in place yet: 13 missing documents, plus no internal audit
    // (9.2.2) and no management review (9.3.3).
    await expect(text(blockersHeading(page))).resolves.toBe('Blockers (15)')
    await expect(blockerLinks(page).count()).resolves.toBe(15)
    await page
      .locator('main')
      .getByText(
        'No internal audit yet: Internal audit programme and results (9.2.2) not in place.',
      )
      .waitFor()

    const actions = topActions(page)
    await expect(actions.getByRole('listitem').count()).resolves.toBe(5)
    for (const item of await actions.getByRole('listitem').all()) {
      await expect(item.getByRole('link').count()).resolves.toBe(1)
      await expect(text(item)).resolves.toMatch(/\+\d+(\.\d)? points?/)
    }

    // The explanation is folded until asked for.
    const explanation = page.getByRole('heading', { name: 'How the score is calculated' })
    await expect(explanation.isVisible()).resolves.toBe(false)
    await page.getByText('How is this calculated?').click()
    await explanation.waitFor()
    await page.getByRole('heading', { name: 'Where the 100 points come from', level: 5 }).waitFor()
    await page.getByRole('heading', { name: 'Blockers', level: 5 }).waitFor()
    await expect(
      page.locator('details.readiness__how').evaluate((d) => (d as HTMLDetailsElement).open),
    ).resolves.toBe(true)

    // The chart has a text alternative listing every clause, and the same figures as a table.
    const canvas = chart(page)
    await expect(canvas.getAttribute('aria-label')).resolves.toBe(
      'Bar chart of conformance by clause: Clause 4 0%, Clause 5 0%, Clause 6 0%, Clause 7 0%, ' +
        'Clause 8 0%, Clause 9 0%, Clause 10 0%. The same figures are in the table below.',
    )
    await expect.poll(() => chartDrawn(canvas), { timeout: 10_000 }).toBe(true)
    const table = page.getByRole('table', { name: 'Conformance and answers per clause' })
    await expect(table.getByRole('rowheader').allTextContents()).resolves.toEqual([
      '4. Context of the organization',
      '5. Leadership',
      '6. Planning',
      '7. Support',
      '8. Operation',
      '9. Performance evaluation',
      '10. Improvement',
    ])
    await expect(
      table.locator('tbody tr').first().getByRole('cell').allTextContents(),
    ).resolves.toEqual(['0%', '0%'])
  })

  it('moves the score exactly as the formula says, and top actions link to the right place', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Formula Check')

    // The clause index gives the number of sub-clauses and the questions of each.
    await goTo(page, 'Clauses')
    await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()
    const index = await clauseIndex(page)
    const subClauses = index.size // 30
    const questionsOf41 = index.get('4.1') ?? 0 // 2
    expect(subClauses).toBe(30)
    expect(questionsOf41).toBe(2)
    const groups = page.locator('main').getByRole('radiogroup', { name: /\?$/ })
    await expect(groups.count()).resolves.toBe(questionsOf41)
    for (const name of [/internal factors/, /climate change/]) {
      const group = page.getByRole('radiogroup', { name })
      await group.getByRole('radio', { name: 'In place' }).check()
      await settled(page.locator('section.question').filter({ has: group }))
    }

    // Clauses: 60 × (the share in place of each sub-clause, averaged over the sub-clauses).
    // 4.1 is fully in place (2/2 = 1), the other 29 are at 0: 60 × 1 / 30 = 2 points.
    // Nothing is decided in Annex A yet, so the score is 2.
    const clauseFraction = questionsOf41 / questionsOf41 / subClauses // 1/30
    const clausePoints = 60 * clauseFraction
    expect(clausePoints).toBe(2)
    await goTo(page, 'Overview')
    await expectHeadline(page, `Stage 1 readiness: ${Math.round(clausePoints)}/100 — not ready`)
    const parts = page.getByRole('table', { name: 'Where the score comes from' })
    const part = (name: string) => cells(parts.getByRole('row', { name: new RegExp(`^${name}`) }))
    // Shown as a whole percentage and points to one decimal.
    const percent = (fraction: number) => `${Math.round(fraction * 100)}%`
    const points = (n: number, weight: number) => `${Math.round(n * 10) / 10} of ${weight}`
    await expect(part('Clauses 4 to 10')).resolves.toEqual([
      'Clauses 4 to 10',
      percent(clauseFraction), // 3%
      points(clausePoints, 60), // 2 of 60
    ])
    // Clause 4 averages its 4 sub-clauses: (1 + 0 + 0 + 0) / 4 = 25%.
    await expect(chart(page).getAttribute('aria-label')).resolves.toMatch(
      /^Bar chart of conformance by clause: Clause 4 25%, Clause 5 0%,/,
    )

    // Exclude the 14 physical controls at once, with a justification.
    await goTo(page, 'Annex A')
    await page.getByText(/controls are still undecided\./).waitFor()
    const controls = await undecidedControls(page) // all 93 are undecided
    expect(controls).toBe(93)
    await page.getByLabel('Theme', { exact: true }).selectOption('Physical')
    await page.getByText(`Showing 14 of ${controls} controls`).waitFor()
    await page.getByRole('button', { name: 'Select all 14 shown' }).click()
    const panel = page.getByRole('region', { name: /Decide 14 selected controls together/ })
    await panel.getByRole('radio', { name: 'Excluded' }).check()
    await panel
      .getByLabel(/Shared justification/)
      .fill('Fully remote: no offices or server rooms; hosting is with cloud providers.')
    await panel.getByRole('button', { name: 'Apply to 14 controls' }).click()
    await page.locator('main').getByText('Excluded: 14 controls.').waitFor()
    await page.getByText(`${controls - 14} controls are still undecided.`).waitFor()

    // An excluded, justified control earns SoA credit 1 and implementation credit 1 (nothing to
    // implement), each averaged over all 93 controls:
    // SoA 25 × 14/93 = 3.763 and implementation 15 × 14/93 = 2.258, together 6.02 more;
    // 2 + 6.02 = 8.02, shown rounded: 8.
    const excluded = 14
    const soaPoints = (25 * excluded) / controls
    const implementationPoints = (15 * excluded) / controls
    expect(soaPoints + implementationPoints).toBeCloseTo(6.02, 2)
    const expected = Math.round(clausePoints + soaPoints + implementationPoints)
    expect(expected).toBe(8)
    await goTo(page, 'Overview')
    await expectHeadline(page, `Stage 1 readiness: ${expected}/100 — not ready`)
    await expect(part('Statement of Applicability')).resolves.toEqual([
      'Statement of Applicability',
      percent(excluded / controls), // 15%
      points(soaPoints, 25), // 3.8 of 25
    ])
    await expect(part('Annex A controls implemented')).resolves.toEqual([
      'Annex A controls implemented',
      percent(excluded / controls), // 15%
      points(implementationPoints, 15), // 2.3 of 15
    ])
    const themes = page.getByRole('region', { name: 'Annex A by theme (scrolls sideways)' })
    await expect(cells(themes.getByRole('row', { name: /^Physical/ }))).resolves.toEqual([
      'Physical (7.1–7.14)',
      '0', // undecided
      '0', // applicable
      '14', // excluded
      '0 of 0', // implemented of applicable
    ])

    // Every top action links to its sub-clause or control; the first one opens its sub-clause.
    // While documents are missing, the top actions are the unanswered questions asking for one;
    // each adds 60 / 30 / (questions of its sub-clause) points.
    const items = topActions(page).getByRole('listitem')
    await expect(items.count()).resolves.toBe(5)
    for (const item of await items.all()) {
      const reference = await text(item.locator('.ref'))
      const href = (await item.getByRole('link').getAttribute('href')) ?? ''
      expect(href).toMatch(
        new RegExp(`/clauses/${escape(reference)}$|/annex-a\\?control=${escape(reference)}$`),
      )
      await expect(text(item)).resolves.toContain('Lifts a blocker')
      const gain = 60 / subClauses / (index.get(reference) ?? NaN)
      await expect(text(item.locator('.top-actions__gain'))).resolves.toBe(
        `+${Math.round(gain * 10) / 10} ${Math.round(gain * 10) / 10 === 1 ? 'point' : 'points'}`,
      )
    }
    const first = items.first()
    const reference = await text(first.locator('.ref'))
    await first.getByRole('link').click()
    await page
      .getByRole('heading', { level: 2, name: new RegExp(`^${escape(reference)} `) })
      .waitFor()
    expect(page.url()).toMatch(new RegExp(`/clauses/${escape(reference)}$`))
  })

  it('opens a blocker’s sub-clause and lifts the blocker when its document is in place', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Scope Matters')
    await expect(text(blockersHeading(page))).resolves.toBe('Blockers (15)')
    const before = await blockerLinks(page).count()
    const blocker = page
      .locator('main')
      .getByRole('listitem')
      .filter({ hasText: 'Mandatory document missing: Scope of the ISMS (4.3).' })
    await blocker.getByRole('link', { name: 'Go to 4.3' }).click()
    await page.getByRole('heading', { name: /^4\.3 Determining the scope/, level: 2 }).waitFor()

    // The only question of 4.3 that asks for a document carries the badge.
    const withDocument = page
      .locator('section.question')
      .filter({ has: page.getByText('Mandatory document', { exact: true }) })
    await expect(withDocument.count()).resolves.toBe(1)
    await expect(text(withDocument.locator('.question__doc'))).resolves.toBe(
      'Mandatory document Scope of the ISMS (4.3)',
    )
    await withDocument.getByRole('radiogroup').getByRole('radio', { name: 'In place' }).check()
    await settled(withDocument)

    await goTo(page, 'Overview')
    await expect
      .poll(() => text(blockersHeading(page)), { timeout: 10_000 })
      .toBe(`Blockers (${before - 1})`)
    await expect(blockerLinks(page).count()).resolves.toBe(before - 1)
    await expect(
      page.locator('main').getByRole('link', { name: 'Go to 4.3', exact: true }).count(),
    ).resolves.toBe(0)
    await expect(
      page.getByText('Mandatory document missing: Scope of the ISMS (4.3).').count(),
    ).resolves.toBe(0)
  })
})

describe('Report', () => {
  it('lists gaps with mandatory documents first, filters and sorts them, and shows the SoA', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Gap Finders')

    // Record actions with due dates on two questions, the later date first.
    await goTo(page, 'Clauses')
    await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()
    const climate = page.locator('section.question').filter({
      has: page.getByRole('radiogroup', { name: /climate change/ }),
    })
    await climate.getByRole('radio', { name: 'Partly' }).check()
    await climate.getByText('Action').click()
    await climate.getByLabel('What needs doing').fill('Write down the climate conclusion')
    await climate.getByLabel('Owner').fill('Ops lead')
    await climate.getByLabel('Due date').fill('2027-03-31')
    await climate.getByLabel('Due date').press('Tab')
    await settled(climate)
    await page
      .getByRole('link', { name: /^4\.2 / })
      .first()
      .click()
    await page.getByRole('heading', { name: /^4\.2 /, level: 2 }).waitFor()
    const parties = page.locator('section.question').first()
    await parties.getByRole('radio', { name: 'Not started' }).check()
    await parties.getByText('Action').click()
    await parties.getByLabel('What needs doing').fill('List the interested parties')
    await parties.getByLabel('Owner').fill('CISO')
    await parties.getByLabel('Due date').fill('2026-11-30')
    await parties.getByLabel('Due date').press('Tab')
    await settled(parties)

    await goTo(page, 'Report')
    await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
    const gapRegion = page.getByRole('region', { name: 'Gap list (scrolls sideways)' })
    const rows = gapRegion.locator('tbody tr')
    const status = page.getByRole('search', { name: 'Filter gaps' }).getByRole('status')
    const total = Number(
      /^Gaps \((\d+)\)$/.exec(await text(page.getByRole('heading', { name: /^Gaps / })))?.[1],
    )
    // 120 questions not in place and 93 undecided controls.
    expect(total).toBe(120 + 93)
    await expect(text(status)).resolves.toBe(`Showing ${total} of ${total}`)
    await expect(rows.count()).resolves.toBe(total)

    // Mandatory documents first.
    const firstRow = rows.first()
    await expect(firstRow.getByText('Mandatory document', { exact: true }).count()).resolves.toBe(1)
    await expect(text(firstRow.getByRole('cell').nth(2))).resolves.toBe('Blocker')
    const documentRows = rows.filter({ has: page.getByText('Mandatory document', { exact: true }) })
    await expect(documentRows.count()).resolves.toBe(15)

    const severity = page.getByLabel('Severity')
    const area = page.getByLabel('Area')
    await severity.selectOption({ label: 'Blocker' })
    await expect.poll(() => text(status)).toBe(`Showing 15 of ${total}`)
    await expect(rows.count()).resolves.toBe(15)
    for (const cell of await rows.locator('td:nth-child(3)').all()) {
      await expect(text(cell)).resolves.toBe('Blocker')
    }
    await area.selectOption({ label: 'Annex A controls' })
    await expect.poll(() => text(status)).toBe(`Showing 0 of ${total}`)
    await expect(rows.count()).resolves.toBe(0)
    await severity.selectOption({ label: 'All severities' })
    await expect.poll(() => text(status)).toBe(`Showing 93 of ${total}`)
    // Control references link to the control in Annex A.
    const controlLinks = await referenceLinks(rows)
    expect(controlLinks).toHaveLength(93)
    for (const [reference, href] of controlLinks) {
      expect(href).toMatch(new RegExp(`/annex-a\\?control=${escape(reference)}$`))
    }
    await area.selectOption({ label: 'Clauses 4–10' })
    await expect.poll(() => text(status)).toBe(`Showing 120 of ${total}`)
    const clauseLinks = await referenceLinks(rows)
    expect(clauseLinks).toHaveLength(120)
    for (const [reference, href] of clauseLinks) {
      expect(href).toMatch(new RegExp(`/clauses/${escape(reference)}$`))
    }
    await area.selectOption({ label: 'Clauses and controls' })
    await expect.poll(() => text(status)).toBe(`Showing ${total} of ${total}`)

    // Sorting by due date puts the actions with dates first, earliest first.
    await page.getByLabel('Sort by').selectOption({ label: 'Due date' })
    await expect.poll(() => text(rows.first().getByRole('cell').last())).toBe('2026-11-30')
    await expect(text(rows.nth(0).getByRole('link'))).resolves.toBe('4.2')
    await expect(text(rows.nth(0).getByRole('cell').nth(4))).resolves.toBe('CISO')
    await expect(text(rows.nth(1).getByRole('link'))).resolves.toBe('4.1')
    await expect(text(rows.nth(1).getByRole('cell').last())).resolves.toBe('2027-03-31')
    await expect(text(rows.nth(2).getByRole('cell').last())).resolves.toBe('—')

    // The draft SoA lists all 93 controls, undecided ones included.
    const soa = page.getByRole('region', { name: 'Statement of Applicability (scrolls sideways)' })
    await expect(soa.locator('tbody tr').count()).resolves.toBe(93)
    await expect(
      soa
        .locator('tbody tr')
        .filter({ has: page.getByRole('cell', { name: 'Undecided', exact: true }) })
        .count(),
    ).resolves.toBe(93)

    // A gap's reference opens its place: the first row (sorted by due date) is 4.2.
    await rows.first().getByRole('link', { name: '4.2' }).click()
    await page.getByRole('heading', { name: /^4\.2 /, level: 2 }).waitFor()
    await goTo(page, 'Report')
    await area.selectOption({ label: 'Annex A controls' })
    await rows.first().getByRole('link').click()
    await page.getByRole('heading', { name: 'Annex A controls', level: 2 }).waitFor()
    await expect(
      page.getByRole('button', { name: /^5\.1 / }).getAttribute('aria-expanded'),
    ).resolves.toBe('true')
    expect(page.url()).toMatch(/\/annex-a\?control=5\.1$/)
  })

  it('downloads the SoA as CSV with a BOM, 93 rows and spreadsheet formulas neutralised', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Müller & Söhne, GmbH')

    await goTo(page, 'Annex A')
    await page.getByRole('button', { name: /^5\.1 / }).click()
    const editor = page.locator('.control-editor')
    await editor.getByRole('radio', { name: 'Applicable' }).check()
    await editor.getByLabel('Control owner').fill('=1+1')
    await editor.getByLabel('Control owner').press('Tab')
    await settled(editor)
    await page.getByText('92 controls are still undecided.').waitFor()

    await goTo(page, 'Report')
    await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
    const soa = page.getByRole('region', { name: 'Statement of Applicability (scrolls sideways)' })
    const row51 = soa
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: /^5\.1 / }) })
    await expect(text(row51.getByRole('cell').nth(3))).resolves.toBe('=1+1')

    // The app dates the file with the UTC date, which is not the local date near midnight in
    // time zones far from UTC; either is accepted so the test does not depend on the machine's.
    const dates = () =>
      page.evaluate(() => [
        new Date().toLocaleDateString('en-CA'), // yyyy-mm-dd, local
        new Date().toISOString().slice(0, 10), // yyyy-mm-dd, UTC
      ])
    const before = await dates()
    const file = await download(page, 'Download SoA (CSV)')
    const after = await dates()
    // "Müller & Söhne, GmbH": every run of characters other than a-z and 0-9 becomes a hyphen.
    const [, slug, date] = /^soa-([a-z0-9-]+)-(\d{4}-\d{2}-\d{2})\.csv$/.exec(file.name) ?? []
    expect(slug).toBe('muller-sohne-gmbh')
    expect([...before, ...after]).toContain(date)
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = file.bytes.toString('utf8').slice(1)
    expect(csv.startsWith('Control,Theme,Title,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.slice(0, -2).split('\r\n')).toHaveLength(94)
    const table = parseCsv(csv)
    expect(table).toHaveLength(94)
    const header = table[0] ?? []
    for (const line of table) expect(line).toHaveLength(header.length)
    const cell = (id: string, column: string) =>
      table.find((line) => line[0] === id)?.[header.indexOf(column)]
    expect(cell('5.1', 'Owner')).toBe("'=1+1")
    expect(cell('5.1', 'Applicability')).toBe('Applicable')
    expect(cell('8.34', 'Applicability')).toBe('Undecided')
    await page.locator('main').getByText(`Downloaded ${file.name}.`, { exact: true }).waitFor()
  })
})

describe('results offline', () => {
  it('renders the score and the chart after an offline reload, and exports the CSV offline', async () => {
    app = await openApp(browser)
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await newAssessment(page, 'Offline Results')
    await goTo(page, 'Clauses')
    const group = page.getByRole('radiogroup', { name: /internal factors/ })
    await group.getByRole('radio', { name: 'In place' }).check()
    await settled(page.locator('section.question').filter({ has: group }))
    await goTo(page, 'Overview')
    await expectHeadline(page, 'Stage 1 readiness: 1/100 — not ready')

    await context.setOffline(true)
    const chartChunks: { url: string; fromServiceWorker: boolean; status: number }[] = []
    page.on('response', (response) => {
      if (/\/assets\/chart-[^/]*\.js$/.test(response.url())) {
        chartChunks.push({
          url: response.url(),
          fromServiceWorker: response.fromServiceWorker(),
          status: response.status(),
        })
      }
    })
    await page.reload()
    // 60 × (1/2) / 30 = 1 point.
    await expectHeadline(page, 'Stage 1 readiness: 1/100 — not ready')
    const canvas = chart(page)
    await expect(canvas.getAttribute('aria-label')).resolves.toMatch(/Clause 4 13%/)
    await expect.poll(() => chartDrawn(canvas), { timeout: 10_000 }).toBe(true)
    expect(chartChunks).toHaveLength(1)
    expect(chartChunks[0]).toMatchObject({ fromServiceWorker: true, status: 200 })

    await goTo(page, 'Report')
    await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
    const file = await download(page, 'Download SoA (CSV)')
    expect(file.name).toMatch(/^soa-offline-results-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(file.bytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(/^Control,Theme,Title,/)
    await context.setOffline(false)
  })
})

describe.each([
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
])('results screens at $width px', ({ width, height }) => {
  it('have no axe violations and no sideways page scroll', async () => {
    app = await openApp(browser, { width, height })
    const { page } = app
    await newAssessment(page, 'Accessible Results With A Rather Long Organization Name Pty Ltd')
    await goTo(page, 'Clauses')
    const group = page.getByRole('radiogroup', { name: /internal factors/ })
    await group.getByRole('radio', { name: 'Partly' }).check()
    await settled(page.locator('section.question').filter({ has: group }))

    await goTo(page, 'Overview')
    await expectHeadline(page, 'Stage 1 readiness: 1/100 — not ready')
    await page.getByText('How is this calculated?').click()
    await page.getByRole('heading', { name: 'How the score is calculated' }).waitFor()
    await expect.poll(() => chartDrawn(chart(page)), { timeout: 10_000 }).toBe(true)
    expect(await axeViolations(page), 'overview').toEqual([])
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'overview scrolls sideways',
    ).toBe(true)

    await goTo(page, 'Report')
    await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
    await page.getByRole('region', { name: 'Gap list (scrolls sideways)' }).waitFor()
    expect(await axeViolations(page), 'report').toEqual([])
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'report scrolls sideways',
    ).toBe(true)
  })
})

import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import {
  ANNEX_A_CONTROLS,
  CLAUSE_SECTIONS,
  QUESTIONS,
  questionsFor,
  type ClauseId,
  type Question,
} from '@/content'
import { pointGain } from '@/components/format'
import type { AssessmentInput } from '@/domain/assessment'
import { localDate } from '@/components/format'
import { emptyRegister } from './support/verdictFixtures'
import type { RegisterEntry } from '@/domain/register'
import { rankImprovements, type Improvement } from '@/domain/improvements'
import type { AnswerStatus, ClauseAnswer, ControlDecision } from '@/domain/model'
import {
  SCORE_WEIGHTS,
  SOA_CREDIT,
  bandLabel,
  computeReadiness,
  questionsForDocument,
  recordBlockers,
  sectionWeight,
  type Readiness,
} from '@/domain/readiness'
import {
  axeViolations,
  launchBrowser,
  openApp,
  waitForOfflineReady,
  type AppPage,
} from './support/browser'
import { newAssessment, settled } from './support/actions'
import {
  blockerItem,
  readinessCard,
  blockersHeading,
  expectHeadline,
  goTo,
  headlineOf,
  text,
} from './support/overview'
import { excludedControl, makeAnswer } from './support/verdictFixtures'
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

/** The cells of a table row, header cell included, as text. */
const cells = async (row: Locator) =>
  (await row.locator('th, td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim())
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const blockerLinks = (page: Page) => page.locator('main').getByRole('link', { name: /^Go to / })
const topActions = (page: Page) => page.getByRole('region', { name: 'What raises your score most' })
/** The ranked steps, apart from the blockers the top actions start with. */
const rankedSteps = (page: Page) =>
  topActions(page).getByRole('list', { name: 'Steps, the one that adds most first' })
const chart = (page: Page) => page.getByRole('img', { name: /^Bar chart of conformance by clause/ })

/** What the domain computes for a new assessment with these answers and decisions. */
const verdictOf = (
  answers: readonly ClauseAnswer[] = [],
  decisions: readonly ControlDecision[] = [],
  recorded: (entry: RegisterEntry) => RegisterEntry = (entry) => entry,
): { input: AssessmentInput; readiness: Readiness } => {
  const input: AssessmentInput = {
    answers,
    decisions,
    risks: [],
    workspace: { scopeStatement: '' },
    // A new assessment's register of documents: every document missing, as the app reads it.
    register: { entries: emptyRegister(decisions).map(recorded), today: localDate() },
  }
  return { input, readiness: computeReadiness(input) }
}
const answered = (questions: readonly Question[], status: AnswerStatus) =>
  questions.map((q) => makeAnswer('w', q.id, status))

/** The chart's text alternative for a verdict. */
const chartLabel = (readiness: Readiness) =>
  'Bar chart of conformance by clause: ' +
  readiness.chapters
    .map((c) => `Clause ${c.chapter} ${Math.round(c.conformance * 100)}%`)
    .join(', ') +
  '. The same figures are in the table below.'

/** A part of the score as the parts table shows it: label, share complete, points of weight. */
const partRow = (readiness: Readiness, key: keyof Readiness['parts']) => {
  const part = readiness.parts[key]
  return [
    part.label,
    `${Math.round(part.fraction * 100)}%`,
    `${(Math.round(part.contribution * 10) / 10).toLocaleString('en')} of ${part.weight}`,
  ]
}

/** The question of 4.1 about internal and external issues. */
const internalFactors = (() => {
  const question = questionsFor('4.1').find((q) => /internal factors/.test(q.text))
  if (!question) throw new Error('4.1 has no question about internal factors')
  return question
})()

/** Sets the status of a question on the Clauses screen and waits until it is saved. */
async function answer(page: Page, question: Question, status: 'Partly' | 'In place') {
  const group = page.getByRole('radiogroup', { name: question.text, exact: true })
  await group.getByRole('radio', { name: status }).check()
  await settled(page.getByRole('region', { name: question.text, exact: true }))
}

/** The number in the Annex A status "93 controls are still undecided." */
async function undecidedControls(page: Page) {
  const status = page.locator('main').getByRole('status').filter({ hasText: 'still undecided' })
  return Number(/^(\d+) /.exec(await text(status))?.[1])
}

/** True once chart.js has drawn on the canvas (some pixel is no longer transparent). */
const chartDrawn = (canvas: Locator) =>
  canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement
    if (c.width === 0 || c.height === 0) return false
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true
    return false
  })

/** Sub-clauses and question counts, as the Clauses screen's index shows them. */
async function clauseIndex(page: Page) {
  const links = page.getByRole('navigation', { name: 'Clause index' }).getByRole('link')
  const entries = new Map<string, number>()
  for (const link of await links.all()) {
    const answeredCount = /(\d+)\/(\d+) answered$/.exec(await text(link))
    entries.set(await text(link.locator('.ref')), Number(answeredCount?.[2]))
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

/**
 * The top actions match the domain's ranking, item by item: the action, the gain, the lifted
 * blockers, and a link to the sub-clause, control or risk (a button for the scope statement).
 */
async function expectTopActions(page: Page, expected: readonly Improvement[]) {
  const items = rankedSteps(page).getByRole('listitem')
  await expect.poll(() => items.count()).toBe(expected.length)
  for (const [i, improvement] of expected.entries()) {
    const item = items.nth(i)
    const shown = await text(item)
    expect(shown).toContain(improvement.action)
    await expect(text(item.locator('.top-actions__gain'))).resolves.toBe(
      pointGain(improvement.gain.exact),
    )
    if (improvement.removesBlockers.length > 0) {
      expect(shown).toContain(improvement.removesBlockers.map((b) => b.title).join('; '))
    } else {
      expect(shown).not.toContain('Lifts')
    }
    if (improvement.kind === 'scope-statement') {
      await expect(item.getByRole('button', { name: improvement.action }).count()).resolves.toBe(1)
      continue
    }
    const href = (await item.getByRole('link').getAttribute('href')) ?? ''
    const reference = escape(improvement.reference)
    expect(href).toMatch(
      improvement.questionId
        ? new RegExp(`/clauses/${reference}$`)
        : improvement.riskId
          ? new RegExp(`/risks\\?risk=${reference}$`)
          : new RegExp(`/annex-a\\?control=${reference}$`),
    )
  }
}

describe('Overview', () => {
  it('shows a new assessment with the verdict the domain computes: blockers, top actions, explanation and chart', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Fresh Start Ltd')
    const { input, readiness } = verdictOf()
    await expectHeadline(page, headlineOf(readiness))
    await expect(text(blockersHeading(page))).resolves.toBe(
      `Blockers (${readiness.blockers.length})`,
    )
    const linkingTo = (to: string) => readiness.blockers.filter((b) => b.link.to === to).length
    // Each blocker is listed with what it caps and a way to lift it.
    for (const blocker of readiness.blockers) {
      const item = blockerItem(page, blocker)
      await expect(item.count(), blocker.title).resolves.toBe(1)
      await expect(text(item)).resolves.toContain(
        `${blocker.title} ${blocker.clauseRef} caps at ${bandLabel(blocker.cap)}`,
      )
    }
    await expect(blockerLinks(page).count()).resolves.toBe(linkingTo('clauses'))
    await expect(
      readinessCard(page).getByRole('button', { name: 'Write the scope statement' }).count(),
    ).resolves.toBe(linkingTo('overview'))
    await expect(
      readinessCard(page).getByRole('link', { name: 'Open the risk register' }).count(),
    ).resolves.toBe(linkingTo('risks'))
    // Those the records alone can lift are named again where the top actions start.
    const startWith = topActions(page).getByRole('list', {
      name: 'Blockers only the records can lift',
    })
    await expect(startWith.getByRole('listitem').count()).resolves.toBe(
      recordBlockers(readiness.blockers).length,
    )

    await expectTopActions(page, rankImprovements(input, 5))

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
    await expect(canvas.getAttribute('aria-label')).resolves.toBe(chartLabel(readiness))
    await expect.poll(() => chartDrawn(canvas), { timeout: 10_000 }).toBe(true)
    const table = page.getByRole('table', { name: 'Conformance and answers per clause' })
    await expect(table.getByRole('rowheader').allTextContents()).resolves.toEqual(
      readiness.chapters.map((c) => `${c.chapter}. ${c.title}`),
    )
    await expect(
      table.locator('tbody tr').first().getByRole('cell').allTextContents(),
    ).resolves.toEqual(['0%', '0%'])
  })

  it('moves the score exactly as the domain computes it, and top actions link to the right place', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Formula Check')

    // The clause index lists every sub-clause with the number of its questions.
    await goTo(page, 'Clauses')
    await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()
    const index = await clauseIndex(page)
    expect([...index.keys()]).toEqual(CLAUSE_SECTIONS.map((s) => s.id))
    for (const [clause, count] of index) {
      expect(count, clause).toBe(questionsFor(clause as ClauseId).length)
    }
    const of41 = questionsFor('4.1')
    await expect(
      page.locator('main').getByRole('radiogroup', { name: /\?$/ }).count(),
    ).resolves.toBe(of41.length)
    for (const question of of41) await answer(page, question, 'In place')

    // 4.1 fully in place: its share of the clause part is its weight over all the weights.
    const first = verdictOf(answered(of41, 'in-place'))
    const totalWeight = CLAUSE_SECTIONS.reduce((sum, s) => sum + sectionWeight(s.id), 0)
    expect(first.readiness.parts.clauseConformance.contribution).toBeCloseTo(
      (SCORE_WEIGHTS.clauseConformance * sectionWeight('4.1')) / totalWeight,
      10,
    )
    await goTo(page, 'Overview')
    await expectHeadline(page, headlineOf(first.readiness))
    const parts = page.getByRole('table', { name: 'Where the score comes from' })
    const part = (label: string) => cells(parts.getByRole('row', { name: new RegExp(`^${label}`) }))
    for (const key of ['clauseConformance', 'soaCompleteness', 'annexAImplementation'] as const) {
      const row = partRow(first.readiness, key)
      await expect(part(row[0] ?? '')).resolves.toEqual(row)
    }
    await expect(chart(page).getAttribute('aria-label')).resolves.toBe(chartLabel(first.readiness))

    // Exclude the physical controls at once, with a justification that says why.
    const physical = ANNEX_A_CONTROLS.filter((c) => c.theme === 'Physical')
    const justification =
      'Fully remote: no offices or server rooms; hosting is with cloud providers.'
    await goTo(page, 'Annex A')
    await page.getByText(/controls are still undecided\./).waitFor()
    await expect(undecidedControls(page)).resolves.toBe(ANNEX_A_CONTROLS.length)
    await page.getByLabel('Theme', { exact: true }).selectOption('Physical')
    await page
      .getByText(`Showing ${physical.length} of ${ANNEX_A_CONTROLS.length} controls`)
      .waitFor()
    await page.getByRole('button', { name: `Select all ${physical.length} shown` }).click()
    const panel = page.getByRole('region', {
      name: new RegExp(`Decide ${physical.length} selected controls together`),
    })
    await panel.getByRole('radio', { name: 'Excluded' }).check()
    await panel.getByLabel(/Shared justification/).fill(justification)
    await panel.getByRole('button', { name: `Apply to ${physical.length} controls` }).click()
    await page.locator('main').getByText(`Excluded: ${physical.length} controls.`).waitFor()
    await page
      .getByText(`${ANNEX_A_CONTROLS.length - physical.length} controls are still undecided.`)
      .waitFor()

    // Each justified exclusion earns the full SoA credit; the part averages over all controls.
    const second = verdictOf(
      answered(of41, 'in-place'),
      physical.map((c) => excludedControl('w', c.id, justification)),
    )
    expect(second.readiness.parts.soaCompleteness.contribution).toBeCloseTo(
      (SCORE_WEIGHTS.soaCompleteness * physical.length * SOA_CREDIT['decided-justified']) /
        ANNEX_A_CONTROLS.length,
      10,
    )
    await goTo(page, 'Overview')
    await expectHeadline(page, headlineOf(second.readiness))
    for (const key of ['clauseConformance', 'soaCompleteness', 'annexAImplementation'] as const) {
      const row = partRow(second.readiness, key)
      await expect(part(row[0] ?? '')).resolves.toEqual(row)
    }
    const themes = page.getByRole('region', { name: 'Annex A by theme (scrolls sideways)' })
    await expect(cells(themes.getByRole('row', { name: /^Physical/ }))).resolves.toEqual([
      'Physical (7.1–7.14)',
      '0', // undecided
      '0', // applicable
      String(physical.length), // excluded
      '0 of 0', // implemented of applicable
    ])

    // The top actions are the domain's ranking; the first with a link opens its place.
    const improvements = rankImprovements(second.input, 5)
    await expectTopActions(page, improvements)
    const target = improvements.findIndex((i) => i.kind !== 'scope-statement')
    const chosen = improvements[target]
    expect(chosen?.questionId).toBeTruthy()
    await rankedSteps(page).getByRole('listitem').nth(target).getByRole('link').click()
    await page
      .getByRole('heading', { level: 2, name: new RegExp(`^${escape(chosen?.reference ?? '')} `) })
      .waitFor()
    expect(page.url()).toMatch(new RegExp(`/clauses/${escape(chosen?.reference ?? '')}$`))
  })

  it('opens a blocker’s sub-clause, and lifts the blocker once its document is in place and approved in the register', async () => {
    app = await openApp(browser)
    const { page } = app
    await newAssessment(page, 'Policy Matters')
    const before = verdictOf().readiness
    const policy = before.blockers.find((b) => b.kind === 'policy')
    expect(policy?.link).toEqual({ to: 'clauses', clause: '5.2' })
    await expect(text(blockersHeading(page))).resolves.toBe(`Blockers (${before.blockers.length})`)
    await blockerItem(page, policy ?? { text: '' })
      .getByRole('link', { name: 'Go to 5.2' })
      .click()
    await page.getByRole('heading', { name: /^5\.2 /, level: 2 }).waitFor()

    // The questions of 5.2 that ask for the policy carry the badge; put them in place.
    const asking = questionsForDocument('is-policy').filter((q) => q.clause === '5.2')
    const withDocument = page
      .locator('section.question')
      .filter({ has: page.getByText('Mandatory document', { exact: true }) })
    await expect(withDocument.count()).resolves.toBe(asking.length)
    await expect(text(withDocument.first().locator('.question__doc'))).resolves.toBe(
      'Mandatory document Information security policy (5.2)',
    )
    for (const question of asking) await answer(page, question, 'In place')

    // The answers alone do not lift it: the register of documents is the record, and it has no
    // policy yet. The blocker now sends the user there.
    const answeredOnly = verdictOf(answered(asking, 'in-place')).readiness
    expect(answeredOnly.blockers.find((b) => b.kind === 'policy')?.link).toEqual({
      to: 'documents',
    })
    await goTo(page, 'Overview')
    await expectHeadline(page, headlineOf(answeredOnly))
    await blockerItem(page, policy ?? { text: '' })
      .getByRole('link', { name: 'Open the register of documents' })
      .click()
    await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor()
    await page.getByRole('button', { name: /^5\.2 Information security policy/ }).click()
    const editor = page.locator('.register-editor')
    await editor.getByLabel('Status').selectOption('approved')
    await editor.getByLabel('Approved by').fill('Eva Dvořáková, CEO')
    await editor.getByLabel('Approved on').fill('2026-11-02')
    await editor.getByLabel('Approved on').press('Tab')
    await settled(editor)

    const after = verdictOf(answered(asking, 'in-place'), [], (entry) =>
      entry.source.kind === 'mandatory' && entry.source.key === 'is-policy'
        ? { ...entry, status: 'approved', approver: 'Eva Dvořáková, CEO', approvedOn: '2026-11-02' }
        : entry,
    ).readiness
    expect(after.blockers.some((b) => b.kind === 'policy')).toBe(false)
    await goTo(page, 'Overview')
    await expect
      .poll(() => text(blockersHeading(page)), { timeout: 10_000 })
      .toBe(`Blockers (${after.blockers.length})`)
    await expect(blockerItem(page, policy ?? { text: '' }).count()).resolves.toBe(0)
    await expect(
      page.locator('main').getByRole('link', { name: 'Go to 5.2', exact: true }).count(),
    ).resolves.toBe(0)
    await expectHeadline(page, headlineOf(after))
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
      /^Gaps \((\d+)\)/.exec(await text(page.getByRole('heading', { name: /^Gaps / })))?.[1],
    )
    // Every question not in place and every control undecided.
    expect(total).toBe(QUESTIONS.length + ANNEX_A_CONTROLS.length)
    await expect(text(status)).resolves.toBe(`Showing ${total} of ${total}`)
    await expect(rows.count()).resolves.toBe(total)

    // Mandatory documents first.
    const firstRow = rows.first()
    await expect(firstRow.getByText('Mandatory document', { exact: true }).count()).resolves.toBe(1)
    await expect(text(firstRow.getByRole('cell').nth(2))).resolves.toBe('Blocker')
    const documentRows = rows.filter({ has: page.getByText('Mandatory document', { exact: true }) })
    const documentQuestions = QUESTIONS.filter((q) => q.documents.length > 0).length
    await expect(documentRows.count()).resolves.toBe(documentQuestions)

    const severity = page.getByLabel('Severity')
    const area = page.getByLabel('Area')
    await severity.selectOption({ label: 'Blocker' })
    await expect.poll(() => text(status)).toBe(`Showing ${documentQuestions} of ${total}`)
    await expect(rows.count()).resolves.toBe(documentQuestions)
    for (const cell of await rows.locator('td:nth-child(3)').all()) {
      await expect(text(cell)).resolves.toBe('Blocker')
    }
    await area.selectOption({ label: 'Annex A controls' })
    await expect.poll(() => text(status)).toBe(`Showing 0 of ${total}`)
    await expect(rows.count()).resolves.toBe(0)
    await severity.selectOption({ label: 'All severities' })
    await expect.poll(() => text(status)).toBe(`Showing 93 of ${total}`)
    // Control references ("A.5.1", as every export writes them) link to the control in Annex A.
    const controlLinks = await referenceLinks(rows)
    expect(controlLinks).toHaveLength(93)
    for (const [reference, href] of controlLinks) {
      expect(reference).toMatch(/^A\.\d\.\d+$/)
      expect(href).toMatch(new RegExp(`/annex-a\\?control=${escape(reference.slice(2))}$`))
    }
    await area.selectOption({ label: 'Clauses 4–10' })
    await expect.poll(() => text(status)).toBe(`Showing ${QUESTIONS.length} of ${total}`)
    const clauseLinks = await referenceLinks(rows)
    expect(clauseLinks).toHaveLength(QUESTIONS.length)
    for (const [reference, href] of clauseLinks) {
      expect(href).toMatch(new RegExp(`/clauses/${escape(reference)}$`))
    }
    await area.selectOption({ label: 'All areas' })
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
      .filter({ has: page.getByRole('rowheader', { name: /^A\.5\.1 / }) })
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
    expect(csv.startsWith('Control,Title,Theme,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.slice(0, -2).split('\r\n')).toHaveLength(94)
    const table = parseCsv(csv)
    expect(table).toHaveLength(94)
    const header = table[0] ?? []
    for (const line of table) expect(line).toHaveLength(header.length)
    const cell = (id: string, column: string) =>
      table.find((line) => line[0] === id)?.[header.indexOf(column)]
    expect(cell('A.5.1', 'Owner')).toBe("'=1+1")
    expect(cell('A.5.1', 'Applicability')).toBe('Applicable')
    expect(cell('A.8.34', 'Applicability')).toBe('Undecided')
    await page.locator('main').getByText(`Downloaded ${file.name}.`, { exact: true }).waitFor()
  })
})

describe('results offline', () => {
  it('renders the score and the chart after an offline reload, and exports the CSV offline', async () => {
    app = await openApp(browser, { serviceWorker: true })
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await newAssessment(page, 'Offline Results')
    await goTo(page, 'Clauses')
    await answer(page, internalFactors, 'In place')
    const { readiness } = verdictOf(answered([internalFactors], 'in-place'))
    await goTo(page, 'Overview')
    await expectHeadline(page, headlineOf(readiness))

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
    await expectHeadline(page, headlineOf(readiness))
    const canvas = chart(page)
    await expect(canvas.getAttribute('aria-label')).resolves.toBe(chartLabel(readiness))
    await expect.poll(() => chartDrawn(canvas), { timeout: 10_000 }).toBe(true)
    expect(chartChunks).toHaveLength(1)
    expect(chartChunks[0]).toMatchObject({ fromServiceWorker: true, status: 200 })

    await goTo(page, 'Report')
    await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
    const file = await download(page, 'Download SoA (CSV)')
    expect(file.name).toMatch(/^soa-offline-results-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(file.bytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(/^Control,Title,Theme,/)
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
    await answer(page, internalFactors, 'Partly')

    await goTo(page, 'Overview')
    await expectHeadline(
      page,
      headlineOf(verdictOf(answered([internalFactors], 'partly')).readiness),
    )
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
    if (width < 768) {
      // A phone: the sections start folded; opened, the gaps and the SoA are cards, not tables.
      for (const section of [/^Report details/, /^Gaps /, /^Draft Statement of Applicability/]) {
        const toggle = page.getByRole('button', { name: section })
        await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false')
        await toggle.click()
        await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true')
      }
      await page.locator('.gap-card').first().waitFor()
      await page.locator('.soa-card').first().waitFor()
      await expect(page.locator('.report table').count()).resolves.toBe(0)
    } else {
      await page.getByRole('region', { name: 'Gap list (scrolls sideways)' }).waitFor()
    }
    // Every gap is drawn alike: axe reads the blockers' (a few dozen), not all 222 of them.
    const filters = page.getByRole('search', { name: 'Filter gaps' })
    await filters.getByLabel('Severity').selectOption('blocker')
    await expect
      .poll(async () => {
        const [, shown, all] = /(\d+) of (\d+)/.exec((await filters.textContent()) ?? '') ?? []
        return Number(shown) > 0 && Number(shown) < Number(all)
      })
      .toBe(true)
    expect(await axeViolations(page), 'report').toEqual([])
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'report scrolls sideways',
    ).toBe(true)
  })
})

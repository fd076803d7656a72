import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  axeViolations,
  launchBrowser,
  openApp,
  waitForOfflineReady,
  type AppPage,
} from './support/browser'

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

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /^Sections of/ }).getByRole('link', { name, exact: true })

async function settled(page: Page) {
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0)
}

describe('risk register and traceability', () => {
  it('adds a risk, links two controls, and the SoA gains the risk-assessment reason; reload and offline keep it', async () => {
    app = await openApp(browser, { serviceWorker: true })
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await page.getByLabel('Organization name').fill('Risky Ltd')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'Risky Ltd', level: 1 }).waitFor()
    await section(page, 'Risks').click()

    // The scale's meanings are the workspace's own (6.1.2 a).
    await page.getByText('Risk criteria (6.1.2 a)').click()
    await page.getByLabel('Meaning of likelihood 5').fill('Expected within the year')
    await page.getByLabel('Meaning of likelihood 5').press('Tab')
    await page.locator('main').getByText('Level meaning saved.').waitFor()

    await page.getByLabel('Risk title').first().fill('Ransomware encrypts the file server')
    await page.getByRole('button', { name: 'Add risk' }).click()
    const editor = page.locator('.risk-editor')
    await editor.waitFor()
    await editor.getByLabel('Likelihood', { exact: true }).selectOption('4')
    await editor.getByLabel('Impact', { exact: true }).selectOption('5')
    await editor.getByText('Risk level: 20').waitFor()
    await expect(
      editor.getByLabel('Likelihood', { exact: true }).locator('option').allTextContents(),
    ).resolves.toContain('5 – Expected within the year')
    await editor.getByRole('radio', { name: 'Modify' }).check()
    const search = editor.getByLabel('Find a control to link')
    await search.fill('8.13')
    await editor.getByRole('button', { name: /^Link 8\.13 / }).click()
    // Enter links the first match, and says which.
    await search.fill('malware')
    await search.press('Enter')
    await editor
      .getByRole('status')
      .filter({ hasText: 'Linked 8.7 Protection against malware.' })
      .waitFor()
    await expect(search.inputValue()).resolves.toBe('')
    await editor.getByRole('button', { name: /^Unlink 8\.7 / }).waitFor()
    await editor.getByRole('button', { name: /^Unlink 8\.13 / }).waitFor()
    await editor.getByLabel('Risk owner').fill('CTO')
    await editor.getByLabel('Risk owner').press('Tab')
    await settled(page)
    // The traceability table names the risk by its reference and says the decision in words.
    const traceRow = page
      .getByRole('region', { name: 'Traceability table (scrolls sideways)' })
      .getByRole('row', { name: /^8\.7 / })
    await expect(traceRow.textContent()).resolves.toContain(
      'R-01 Ransomware encrypts the file server',
    )
    await expect(traceRow.textContent()).resolves.toContain('Undecided: Risk assessment')
    // Accepting it as it is, at 20, is said to be above the criteria (and still saved).
    await editor.getByLabel('Residual risk accepted by').fill('CEO')
    await editor.getByLabel('Accepted on').fill('2026-11-20')
    await editor
      .getByRole('status')
      .filter({ hasText: 'Accepted at level 20, above your acceptance threshold of 4.' })
      .waitFor()
    await settled(page)
    expect(await axeViolations(page)).toEqual([])

    // The heat map shows it and filters the list.
    await page
      .getByRole('button', { name: /^1 risk with likelihood 4 and impact 5 \(before/ })
      .click()
    await expect
      .poll(() => page.locator('.risk-filters__count').textContent())
      .toMatch(/Showing 1 of 1 risk/)

    // The draft SoA names risk assessment as a reason for both linked controls.
    await section(page, 'Annex A').click()
    await page.getByRole('button', { name: /^8\.13 / }).click()
    await page.locator('.control-editor').getByRole('radio', { name: 'Applicable' }).check()
    await settled(page)
    await page.getByRole('link', { name: 'Ransomware encrypts the file server' }).waitFor()
    await section(page, 'Report').click()
    const row = page.locator('.soa-table tbody tr').filter({ hasText: '8.13 Information backup' })
    await expect(row.textContent()).resolves.toContain('Risk assessment')
    // Traceability break: the risk's residual risk is not accepted yet.
    await page
      .locator('.gap-table')
      .getByText(/not accepted|acceptance/i)
      .first()
      .waitFor()

    for (const offline of [false, true]) {
      await context.setOffline(offline)
      await page.reload()
      await page.locator('.soa-table').waitFor()
      await expect(
        page
          .locator('.soa-table tbody tr')
          .filter({ hasText: '8.7 Protection against malware' })
          .textContent(),
      ).resolves.toContain('Risk assessment')
      await section(page, 'Risks').click()
      await page
        .getByRole('button', { name: /^R-01 Ransomware encrypts the file server/ })
        .waitFor()
      await section(page, 'Report').click()
    }
  })

  it('stays usable with 1,000 risks: paginated list and search', async () => {
    app = await openApp(browser)
    const { page } = app
    await page.goto('/')
    await page.getByLabel('Organization name').fill('Big Register')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'Big Register', level: 1 }).waitFor()
    const workspaceId = page.url().split('/w/')[1]?.split('/')[0] ?? ''
    await page.evaluate(async (id) => {
      const open = indexedDB.open('isms-readiness')
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      const tx = db.transaction('risks', 'readwrite')
      for (let i = 0; i < 1000; i++) {
        tx.objectStore('risks').put({
          id: `bulk-${i}`,
          workspaceId: id,
          title: `Risk number ${i}`,
          asset: i % 2 ? 'Laptops' : 'Servers',
          threat: 'Theft',
          vulnerability: '',
          likelihood: (i % 5) + 1,
          impact: ((i * 3) % 5) + 1,
          treatment: 'modify',
          controlIds: ['8.1'],
          owner: 'IT',
          residualLikelihood: null,
          residualImpact: null,
          acceptedBy: '',
          acceptedOn: null,
          createdAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
        })
      }
      await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()))
      db.close()
    }, workspaceId)
    // Written behind the app's back: reload so it reads them.
    await page.reload()
    await section(page, 'Risks').click()
    await expect
      .poll(() => page.locator('.risk-filters__count').textContent())
      .toMatch(/Showing 1000 of 1000 risks/)
    await expect(page.locator('.risk-row').count()).resolves.toBe(25)
    await page.getByText('Page 1 of 40').waitFor()
    await page.getByRole('button', { name: 'Next page' }).click()
    await page.getByText('Page 2 of 40').waitFor()
    await page.getByLabel('Search risks').fill('number 99')
    await expect
      .poll(() => page.locator('.risk-filters__count').textContent())
      .toMatch(/Showing 11 of 1000 risks/)
  })

  it('works at 360 px with the criteria and a risk editor open: no axe violations, no sideways scroll', async () => {
    app = await openApp(browser, { width: 360, height: 740 })
    const { page } = app
    await page.goto('/')
    await page.getByLabel('Organization name').fill('Phone Risks')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'Phone Risks', level: 1 }).waitFor()
    await section(page, 'Risks').click()
    await page.getByText('Risk criteria (6.1.2 a)').click()
    await page.getByLabel('Risk title').first().fill('Phishing leads to account takeover')
    await page.getByRole('button', { name: 'Add risk' }).click()
    await page.locator('.risk-editor').waitFor()
    expect(await axeViolations(page)).toEqual([])
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
    ).toBe(false)
  })
})

describe('risk register on a phone', () => {
  it('opens, scrolls to and focuses a new risk, and keeps the card in place while it is re-rated', async () => {
    app = await openApp(browser, { width: 360, height: 740, hasTouch: true })
    const { page } = app
    await page.goto('/')
    await page.getByLabel('Organization name').fill('Pocket Ltd')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'Pocket Ltd', level: 1 }).waitFor()
    await section(page, 'Risks').click()

    const rows = page.locator('.risk-row__title')
    for (const [title, likelihood] of [
      ['Phishing of finance staff', '5'],
      ['Laptop stolen on a train', '3'],
    ] as const) {
      await page.getByLabel('Risk title').first().fill(title)
      await page.getByRole('button', { name: 'Add risk' }).click()
      const editor = page.locator('.risk-editor')
      await editor.getByLabel('Likelihood', { exact: true }).selectOption(likelihood)
      await editor.getByLabel('Impact', { exact: true }).selectOption('4')
      await settled(page)
    }

    // A third risk: it is opened, heads the list, is on screen and has the keyboard focus.
    await page.getByLabel('Risk title').first().fill('Supplier outage')
    await page.getByRole('button', { name: 'Add risk' }).click()
    const added = page.getByRole('button', { name: /Supplier outage/, expanded: true })
    await added.waitFor()
    await expect.poll(() => rows.first().textContent()).toContain('Supplier outage')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Supplier outage')
    await expect
      .poll(
        async () => {
          const box = await added.boundingBox()
          return box !== null && box.y >= 0 && box.y + box.height <= 740
        },
        { message: 'the new risk is on screen' },
      )
      .toBe(true)

    // Rated the highest of the three, it would sort first anyway; rated the lowest, it stays
    // where it is while open, and takes its place by level once closed.
    const editor = page.locator('.risk-editor')
    await editor.getByLabel('Likelihood', { exact: true }).selectOption('1')
    await editor.getByLabel('Impact', { exact: true }).selectOption('1')
    await settled(page)
    await expect(rows.first().textContent()).resolves.toContain('Supplier outage')
    await added.click()
    await expect.poll(() => rows.last().textContent()).toContain('Supplier outage')
    await expect(rows.first().textContent()).resolves.toContain('Phishing of finance staff')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  })
})

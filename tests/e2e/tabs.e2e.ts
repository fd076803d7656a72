import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { QUESTIONS } from '@/content'
import { launchBrowser, openApp, type AppPage } from './support/browser'

let browser: Browser
let app: AppPage

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  await app.context.close()
})

const firstQuestion = (page: Page) => page.locator('section.question').first()

describe('several tabs', () => {
  it('shows an edit made in one tab in the other tab on the same assessment', async () => {
    app = await openApp(browser)
    const { page: a, context } = app
    await a.goto('/')
    await a.getByLabel('Organization name').fill('Two Tabs Ltd')
    await a.getByRole('button', { name: 'New assessment' }).click()
    await a.getByRole('heading', { name: 'Two Tabs Ltd', level: 1 }).waitFor()
    await a
      .getByRole('navigation', { name: /^Sections of/ })
      .getByRole('link', { name: 'Clauses' })
      .click()
    await firstQuestion(a).waitFor()

    const b = await context.newPage()
    await b.goto(a.url())
    await firstQuestion(b).waitFor()

    await firstQuestion(a).getByRole('radio', { name: 'In place' }).check()
    await firstQuestion(a).getByLabel('Note').fill('Agreed in the kick-off workshop')
    await firstQuestion(a).getByLabel('Note').press('Tab')
    await expect.poll(() => firstQuestion(a).getAttribute('aria-busy')).toBeNull()
    await firstQuestion(a).getByText('Saved', { exact: true }).waitFor()

    await expect
      .poll(() => firstQuestion(b).getByRole('radio', { name: 'In place' }).isChecked())
      .toBe(true)
    await expect
      .poll(() => firstQuestion(b).getByLabel('Note').inputValue())
      .toBe('Agreed in the kick-off workshop')
    await b.getByText(`All clauses: 1 of ${QUESTIONS.length} answered`).waitFor()
    expect(app.problems).toEqual([])
  })

  it('stops an outdated tab from writing once a newer version upgrades the database', async () => {
    app = await openApp(browser)
    const { page: old, context } = app
    await old.goto('/')
    await old.getByLabel('Organization name').fill('Old Tab Co')
    await old.getByRole('button', { name: 'New assessment' }).click()
    await old.getByRole('heading', { name: 'Old Tab Co', level: 1 }).waitFor()

    // Another tab opens the database at a higher schema version, as a newer build would.
    const newer = await context.newPage()
    await newer.goto('/about')
    await newer.evaluate(async () => {
      const current = await new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('isms-readiness')
        request.onsuccess = () => {
          const version = request.result.version
          request.result.close()
          resolve(version)
        }
        request.onerror = () => reject(request.error)
      })
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('isms-readiness', current + 10)
        request.onsuccess = () => {
          request.result.close()
          resolve()
        }
        request.onerror = () => reject(request.error)
        request.onblocked = () => reject(new Error('the old tab blocked the upgrade'))
      })
    })

    await old.getByRole('heading', { name: 'This tab is out of date' }).waitFor()
    // The old tab no longer writes: an attempt fails with a message saying why, not silently.
    await old.getByRole('link', { name: 'Assessments', exact: true }).click()
    await old.getByRole('button', { name: 'Rename Old Tab Co' }).click()
    await old.getByLabel('New name for Old Tab Co').fill('Renamed by the old tab')
    await old.getByRole('button', { name: 'Save name' }).click()
    await old
      .getByRole('alert')
      .filter({ hasText: 'a newer version of the app is open in another tab' })
      .first()
      .waitFor()

    // The newer tab still sees the original name: nothing was written.
    await newer.goto('/')
    await newer.getByRole('link', { name: 'Old Tab Co' }).waitFor()
  })
})

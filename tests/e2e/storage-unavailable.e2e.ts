import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { axeViolations, launchBrowser, openApp, type AppPage } from './support/browser'

let browser: Browser
let app: AppPage

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})
// A refused storage is handled, not thrown: the page logs no error and throws nothing (Dexie's
// retry of UnknownError logs a warning, which is not an error).
afterEach(async () => {
  expect(app.problems).toEqual([])
  await app.context.close()
})

const MESSAGE =
  'This browser is not letting the app store anything on this device (private browsing, a ' +
  'browser setting or a full disk can cause this). Nothing you type can be kept. Try a normal ' +
  'window, allow site data for this address, or free disk space, then reload.'

type Refusal = 'missing' | 'open-throws' | 'open-fails-later' | 'never-answers'

/**
 * Before any app script runs, makes IndexedDB refuse as some private modes, policies and full
 * disks do. `window.refuseStorage = false` lifts the refusal (not possible once the API is
 * missing: Dexie reads `indexedDB` when it loads).
 */
async function refuseStorage(page: Page, refusal: Refusal) {
  await page.addInitScript((how: Refusal) => {
    const w = window as unknown as { refuseStorage: boolean }
    w.refuseStorage = true
    if (how === 'missing') {
      Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined })
      return
    }
    const factory = window.indexedDB
    const open = factory.open.bind(factory)
    Object.defineProperty(factory, 'open', {
      configurable: true,
      value(name: string, version?: number) {
        if (!w.refuseStorage) return open(name, version)
        if (how === 'open-throws') {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        }
        if (how === 'never-answers') {
          // A request that never fires success, error or blocked (a wedged profile).
          const pending = new EventTarget() as EventTarget & { readyState: string }
          pending.readyState = 'pending'
          return pending
        }
        // A request that fails a moment later, as Chrome's "Internal error opening backing store".
        const request = new EventTarget() as EventTarget & {
          onerror: ((event: Event) => void) | null
          error: DOMException | null
          readyState: string
        }
        request.onerror = null
        request.error = null
        request.readyState = 'pending'
        request.addEventListener('error', (event) => request.onerror?.(event))
        setTimeout(() => {
          request.readyState = 'done'
          request.error = new DOMException(
            'Internal error opening backing store for indexedDB.open.',
            'UnknownError',
          )
          request.dispatchEvent(new Event('error', { cancelable: true }))
        }, 50)
        return request
      },
    })
  }, refusal)
}

/**
 * The alert naming what happened, in place of a spinner. (It comes at once for a refusal and
 * after OPEN_PATIENCE_MS for an open that never answers; the wait here is the default, so a
 * loaded machine cannot fail it.)
 */
async function expectStorageAlert(page: Page) {
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing can be stored in this browser' })
  await alert.waitFor()
  await expect(alert.getByText(MESSAGE, { exact: true }).count()).resolves.toBe(1)
  await expect(alert.getByRole('button', { name: 'Try again' }).isEnabled()).resolves.toBe(true)
  return alert
}

describe.each([
  { refusal: 'missing', case: 'indexedDB is missing' },
  { refusal: 'open-throws', case: 'indexedDB.open throws' },
  { refusal: 'open-fails-later', case: 'the open request fires an error' },
] as const)('when $case', ({ refusal }) => {
  it('the assessment list says so, and "New assessment" is disabled with the reason', async () => {
    app = await openApp(browser, { width: 360, height: 740 })
    const { page } = app
    await refuseStorage(page, refusal)
    await page.goto('/')
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
    await expectStorageAlert(page)
    await expect(page.getByText('Loading your assessments…').count()).resolves.toBe(0)

    const create = page.getByRole('button', { name: 'New assessment' })
    await expect(create.isDisabled()).resolves.toBe(true)
    const reasonId = await create.getAttribute('aria-describedby')
    expect(reasonId).toBeTruthy()
    await expect(page.locator(`[id="${reasonId}"]`).textContent()).resolves.toMatch(
      /^\s*Not available: this browser is not letting the app store anything/,
    )
    await expect(page.getByText(/newer version of the app/).count()).resolves.toBe(0)
    // A backup could not be kept either: Import is disabled, with the reason.
    const importButton = page.getByRole('button', { name: 'Import backup' })
    await expect(importButton.isDisabled()).resolves.toBe(true)
    const importReason = await importButton.getAttribute('aria-describedby')
    await expect(page.locator(`[id="${importReason}"]`).textContent()).resolves.toMatch(
      /^\s*Not available: an imported backup could not be kept in this browser/,
    )
    expect(await axeViolations(page)).toEqual([])

    // Trying again while the browser still refuses keeps the explanation and says so.
    await page.getByRole('button', { name: 'Try again' }).click()
    await expectStorageAlert(page)
    await expect(create.isDisabled()).resolves.toBe(true)
  })

  it('a deep link into an assessment says so instead of spinning', async () => {
    app = await openApp(browser, { width: 360, height: 740 })
    const { page } = app
    await refuseStorage(page, refusal)
    await page.goto('/w/4b1d6c1e-0000-4000-8000-000000000000/clauses/6.1.2')
    await page
      .getByRole('heading', { name: 'This assessment cannot be opened here', level: 1 })
      .waitFor()
    await expectStorageAlert(page)
    await expect(page.getByText('Opening the assessment…').count()).resolves.toBe(0)
    await page.getByRole('link', { name: 'Back to all assessments' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
  })
})

// A missing API cannot come back without a reload (Dexie reads `indexedDB` when it loads).
describe.each([
  { refusal: 'open-throws', case: 'indexedDB.open threw' },
  { refusal: 'open-fails-later', case: 'the open request fired an error' },
] as const)('after $case', ({ refusal }) => {
  it('"Try again" opens the storage once the browser allows it', async () => {
    app = await openApp(browser, { width: 360, height: 740 })
    const { page } = app
    await refuseStorage(page, refusal)
    await page.goto('/w/4b1d6c1e-0000-4000-8000-000000000000/overview')
    await expectStorageAlert(page)
    await page.evaluate(() => {
      ;(window as unknown as { refuseStorage: boolean }).refuseStorage = false
    })
    await page.getByRole('button', { name: 'Try again' }).click()
    // The database opens, and nothing was written while it could not be: no such assessment.
    await page.getByRole('heading', { name: 'Assessment not found', level: 1 }).waitFor()
    await page.getByRole('link', { name: 'Back to all assessments' }).click()
    await page.getByText('No assessments on this device yet.', { exact: false }).waitFor()
    await page.getByLabel('Organization name').fill('Recovered Ltd')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'Recovered Ltd', level: 1 }).waitFor()
  })
})

describe('when the browser never answers the open', () => {
  it('says so after a moment instead of loading for ever, and offers a reload', async () => {
    app = await openApp(browser, { width: 360, height: 740 })
    const { page } = app
    await refuseStorage(page, 'never-answers')
    await page.goto('/')
    const alert = page.getByRole('alert').filter({ hasText: 'The app’s storage does not answer' })
    // It follows OPEN_PATIENCE_MS (2 s); the default wait keeps a loaded machine from failing.
    await alert.waitFor()
    await alert.getByText(/Close the other tabs of the app and reload this page/).waitFor()
    await expect(page.getByText('Loading your assessments…').count()).resolves.toBe(0)
    await expect(page.getByRole('button', { name: 'New assessment' }).isDisabled()).resolves.toBe(
      true,
    )
    expect(await axeViolations(page)).toEqual([])

    // Once the browser lets the app open its storage, a reload works.
    await page.evaluate(() => {
      ;(window as unknown as { refuseStorage: boolean }).refuseStorage = false
    })
    await page.addInitScript(() => {
      ;(window as unknown as { refuseStorage: boolean }).refuseStorage = false
    })
    await alert.getByRole('button', { name: 'Reload this page' }).click()
    await page.getByText('No assessments on this device yet.', { exact: false }).waitFor()
  })
})

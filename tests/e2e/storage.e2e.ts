import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { axeViolations, launchBrowser, openApp, type AppPage } from './support/browser'

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

/** Makes the browser report best-effort storage, and grant or refuse persistence. */
async function mockStorage(grant: boolean) {
  await app.context.addInitScript((granted: boolean) => {
    // The granted state outlives a reload, as a real browser's does.
    const KEY = 'mock-storage-persisted'
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: {
        persisted: async () => sessionStorage.getItem(KEY) === '1',
        persist: async () => {
          if (granted) sessionStorage.setItem(KEY, '1')
          return granted
        },
        estimate: async () => ({ usage: 3 * 1024 * 1024, quota: 2 * 1024 * 1024 * 1024 }),
        getDirectory: undefined,
      },
    })
  }, grant)
}

async function createAssessment(name: string) {
  const { page } = app
  await page.goto('/')
  await page.getByLabel('Organization name').fill(name)
  await page.getByRole('button', { name: 'New assessment' }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
}

describe('persistent storage', () => {
  it('asks once there is work to keep, and shows the outcome', async () => {
    app = await openApp(browser)
    await mockStorage(true)
    const { page } = app
    await page.goto('/')
    // Nothing is asked on the empty start page.
    await expect(
      page.getByRole('button', { name: 'Keep my data on this device' }).count(),
    ).resolves.toBe(0)
    await createAssessment('Keeper Ltd')
    await page.getByRole('heading', { name: 'Keep this work on this device' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Keep my data on this device' }).click()
    await page.getByText('Done: this browser will keep your assessments on this device.').waitFor()

    await page.goto('/about')
    await page.getByText(/^Persistent: the browser will not delete/).waitFor()
    await page.getByText('3.0 MB of 2048.0 MB available').waitFor()
  })

  it('explains the risk when the browser refuses, and does not ask again on the next visit', async () => {
    app = await openApp(browser)
    await mockStorage(false)
    const { page } = app
    await createAssessment('Refused Co')
    await page.getByRole('button', { name: 'Keep my data on this device' }).click()
    await page.getByText(/The browser did not agree/).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Overview', level: 2 }).waitFor()
    await expect(
      page.getByRole('heading', { name: 'Keep this work on this device' }).count(),
    ).resolves.toBe(0)
    await page.goto('/about')
    await page.getByText(/^Best effort: the browser may delete stored data/).waitFor()
  })

  it('is put away for good with "Not now"', async () => {
    app = await openApp(browser)
    await mockStorage(false)
    const { page } = app
    await createAssessment('Later Ltd')
    await page.getByRole('button', { name: 'Not now' }).click()
    await expect(
      page.getByRole('heading', { name: 'Keep this work on this device' }).count(),
    ).resolves.toBe(0)
    await page.reload()
    await page.getByRole('heading', { name: 'Overview', level: 2 }).waitFor()
    await expect(
      page.getByRole('heading', { name: 'Keep this work on this device' }).count(),
    ).resolves.toBe(0)
  })
})

describe('Content-Security-Policy', () => {
  it('is in force: an injected inline script is blocked and reported', async () => {
    app = await openApp(browser)
    const { page } = app
    await page.goto('/')
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content')
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __inline?: boolean }
      const script = document.createElement('script')
      script.textContent = 'window.__inline = true'
      document.body.append(script)
      await new Promise((r) => setTimeout(r, 50))
      return w.__inline === true
    })
    expect(ran).toBe(false)
    expect(app.problems.some((p) => p.includes('CSP violation'))).toBe(true)
    app.problems.length = 0
  })
})

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import {
  baseURL,
  launchBrowser,
  openApp,
  waitForOfflineReady,
  type AppPage,
} from './support/browser'
import { serveCopyOfDist } from './support/staticServer'

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

interface Manifest {
  name: string
  display: string
  theme_color: string
  start_url: string
  icons: { src: string; sizes: string; purpose?: string; type: string }[]
}

describe('installable, offline-first app', () => {
  it('has a web app manifest with 192, 512 and maskable icons, standalone display and theme colour', async () => {
    app = await openApp(browser)
    const { page } = app
    await page.goto('/')
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    expect(href).toBeTruthy()
    const response = await page.request.get(new URL(href ?? '', baseURL()).toString())
    expect(response.ok()).toBe(true)
    const manifest = (await response.json()) as Manifest
    expect(manifest.name).toBe('ISMS Readiness')
    expect(manifest.display).toBe('standalone')
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
    const icon = (sizes: string, purpose: string) =>
      manifest.icons.find(
        (i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose),
      )
    for (const found of [
      icon('192x192', 'any'),
      icon('512x512', 'any'),
      icon('512x512', 'maskable'),
    ]) {
      expect(found).toBeDefined()
      const image = await page.request.get(new URL(found?.src ?? '', baseURL()).toString())
      expect(image.ok()).toBe(true)
      expect(image.headers()['content-type']).toBe('image/png')
      // The PNG header records the real pixel size, which must match what the manifest claims.
      const body = await image.body()
      const [width, height] = [body.readUInt32BE(16), body.readUInt32BE(20)]
      expect(`${width}x${height}`).toBe(found?.sizes)
    }
    await expect(page.locator('meta[name="theme-color"]').getAttribute('content')).resolves.toBe(
      manifest.theme_color,
    )
  })

  it('reloads offline with the assessments still there, and opens deep links offline', async () => {
    app = await openApp(browser, { serviceWorker: true })
    const { page, context } = app
    await page.goto('/')
    await waitForOfflineReady(page)
    await page.getByLabel('Organization name').fill('Offline Org')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'Offline Org', level: 1 }).waitFor()
    const overviewUrl = page.url()

    await context.setOffline(true)
    await page.goto('/')
    await page.getByRole('link', { name: 'Offline Org' }).waitFor()
    await page.reload()
    await page.getByRole('link', { name: 'Offline Org' }).waitFor()

    // Deep links to every section work without a network, in a new tab too.
    const annexUrl = overviewUrl.replace(/overview$/, 'annex-a')
    const tab = await context.newPage()
    await tab.goto(annexUrl)
    await tab.getByRole('heading', { name: 'Annex A controls', level: 2 }).waitFor()
    await tab
      .getByRole('button', {
        name: /^8\.34 Protection of information systems during audit testing/,
      })
      .waitFor()
    await tab.goto(overviewUrl.replace(/overview$/, 'clauses'))
    await tab
      .getByRole('heading', {
        name: '4.1 Understanding the organization and its context',
        level: 2,
      })
      .waitFor()
    await tab.goto('/about')
    await tab.getByRole('heading', { name: 'About and storage', level: 1 }).waitFor()
    await tab.close()

    // Still offline: creating works and survives a reload.
    await page.getByLabel('Organization name').fill('Made Offline')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'Made Offline', level: 1 }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Made Offline', level: 1 }).waitFor()
    await context.setOffline(false)
  })

  it('works offline right after the first visit, without a reload, on screens never opened', async () => {
    app = await openApp(browser, { serviceWorker: true })
    const { page, context } = app
    await page.goto('/')
    // The notice floats over the page: the content does not move when it comes or goes.
    const mainTop = async () => (await page.locator('main').boundingBox())?.y
    const before = await mainTop()
    await waitForOfflineReady(page)
    expect(await mainTop()).toBe(before)
    await page.getByLabel('Organization name').fill('First Visit Ltd')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'First Visit Ltd', level: 1 }).waitFor()
    const indicator = page
      .getByRole('status')
      .filter({ hasText: 'Offline: your work is saved on this device' })
    await expect(indicator.count()).resolves.toBe(0)
    await context.setOffline(true)
    // The header says the device is offline, and that nothing is lost by it.
    await indicator.waitFor()
    const sections = page.getByRole('navigation', { name: /^Sections of/ })
    for (const [link, heading] of [
      ['Clauses', /^4\.1 /],
      ['Annex A', 'Annex A controls'],
      ['Risks', 'Risks'],
      ['Report', 'Report'],
    ] as const) {
      await sections.getByRole('link', { name: link }).click()
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor()
    }
    await page.getByRole('link', { name: 'About and storage' }).click()
    await page.getByRole('heading', { name: 'About and storage', level: 1 }).waitFor()
    // The notice goes by itself, and nothing moves when it does.
    await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor({
      state: 'detached',
    })
    expect(await mainTop()).toBe(before)
    await context.setOffline(false)
    await indicator.waitFor({ state: 'detached' })
  })

  it('says a screen cannot be opened, never a dead click, when its code is not on the device', async () => {
    // No service worker at all: the state of a first visit that went offline too early.
    const context = await browser.newContext({ baseURL: baseURL(), serviceWorkers: 'block' })
    const page = await context.newPage()
    app = { context, page, problems: [] }
    await page.goto('/')
    await page.getByLabel('Organization name').fill('Too Early Ltd')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await page.getByRole('heading', { name: 'Too Early Ltd', level: 1 }).waitFor()
    await context.setOffline(true)
    const sections = page.getByRole('navigation', { name: /^Sections of/ })
    await sections.getByRole('link', { name: 'Report' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'Report could not be opened' })
    await alert.waitFor()
    await expect(alert.textContent()).resolves.toContain('Your answers are safe here.')
    // Where the user was is still on screen.
    await page.getByRole('heading', { name: 'Too Early Ltd', level: 1 }).waitFor()

    await context.setOffline(false)
    await alert.getByRole('link', { name: 'Try again' }).click()
    await page.getByRole('heading', { name: 'Report', level: 2 }).waitFor()
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'could not be opened' }).count())
      .toBe(0)
  })

  it('asks before a new version takes over, and never reloads by itself', async () => {
    const site = await serveCopyOfDist()
    try {
      app = await openApp(browser, { serviceWorker: true })
      const { page } = app
      await page.goto(`${site.url}/`)
      await waitForOfflineReady(page)
      await page.getByLabel('Organization name').fill('Kept Org')
      await page.getByRole('button', { name: 'New assessment' }).click()
      await page.getByRole('heading', { name: 'Kept Org', level: 1 }).waitFor()
      await page.goto(`${site.url}/`)

      // Deploy a new version: the service worker script changes on the server.
      const swPath = join(site.root, 'sw.js')
      await appendFile(swPath, `\n// deployed ${Date.now()}\n`)
      await page.getByLabel('Organization name').fill('Mid-edit text')
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update()
      })
      await page.getByRole('heading', { name: 'A new version of the app is ready' }).waitFor()
      // Nothing reloaded: the text being typed is still in the field.
      await expect(page.getByLabel('Organization name').inputValue()).resolves.toBe('Mid-edit text')

      await page.getByRole('button', { name: 'Later' }).click()
      await page
        .getByRole('heading', { name: 'A new version of the app is ready' })
        .waitFor({ state: 'hidden' })
      await expect(page.getByLabel('Organization name').inputValue()).resolves.toBe('Mid-edit text')
      const waitingBefore = await page.evaluate(async () =>
        Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
      )
      expect(waitingBefore).toBe(true)

      // The update stays one click away; when the user accepts, the new version takes over and
      // the data is all there.
      await page.getByRole('button', { name: 'Update the app' }).click()
      await page.waitForFunction(async () => {
        const registration = await navigator.serviceWorker.getRegistration()
        return Boolean(registration?.active) && !registration?.waiting
      })
      await page.getByRole('link', { name: 'Kept Org' }).waitFor()
    } finally {
      await app.context.close().catch(() => undefined)
      await site.close()
    }
  })
})

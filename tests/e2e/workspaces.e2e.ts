import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { ANNEX_A_CONTROLS, QUESTIONS } from '@/content'
import { launchBrowser, launchPersistent, openApp, type AppPage } from './support/browser'
import { settled } from './support/actions'

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

async function createAssessment(name: string) {
  const { page } = app
  await page.goto('/')
  await page.getByLabel('Organization name').fill(name)
  await page.getByRole('button', { name: 'New assessment' }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
}

describe('workspaces', () => {
  it('creates an assessment that is still there after a reload', async () => {
    app = await openApp(browser)
    const { page } = app
    await createAssessment('Acme Ltd')
    expect(page.url()).toMatch(/\/w\/[\w-]+\/overview$/)
    await page.reload()
    await page.getByRole('heading', { name: 'Acme Ltd', level: 1 }).waitFor()
  })

  it('shows each assessment with its score and how far it has got, and follows the changes', async () => {
    app = await openApp(browser, { width: 360, height: 740 })
    const { page } = app
    await createAssessment('Progress Ltd')
    const overviewScore = Number(
      /(\d+)\/100/.exec((await page.locator('.readiness').first().textContent()) ?? '')?.[1],
    )
    await page.getByRole('link', { name: 'Assessments', exact: true }).click()
    const item = page.locator('.workspace-item').filter({ hasText: 'Progress Ltd' })
    await expect
      .poll(() => item.textContent())
      .toContain(
        `0 of ${QUESTIONS.length} questions answered, 0 of ${ANNEX_A_CONTROLS.length} controls decided`,
      )
    await expect(item.textContent()).resolves.toContain(`${overviewScore}/100`)

    await item.getByRole('link', { name: 'Progress Ltd' }).click()
    await page
      .getByRole('navigation', { name: /^Sections of/ })
      .getByRole('link', { name: 'Clauses' })
      .click()
    await page.locator('section.question').first().getByRole('radio', { name: 'In place' }).check()
    await settled(page.locator('section.question').first())
    await page.getByRole('link', { name: 'Assessments', exact: true }).click()
    await expect
      .poll(() => item.textContent())
      .toContain(`1 of ${QUESTIONS.length} questions answered`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    // Offline, the header says so beside the app's name: the page does not move down.
    const mainTop = async () => (await page.locator('main').boundingBox())?.y
    const before = await mainTop()
    await app.context.setOffline(true)
    await page
      .getByRole('status')
      .filter({ hasText: 'Offline: your work is saved on this device' })
      .waitFor()
    await page.locator('.offline-indicator__short').waitFor()
    expect(await mainTop()).toBe(before)
    await app.context.setOffline(false)
  })

  it('keeps assessments when the browser is closed and started again', async () => {
    app = await openApp(browser) // unused page; the test drives its own on-disk profile
    const profile = await mkdtemp(join(tmpdir(), 'isms-profile-'))
    try {
      const first = await launchPersistent(profile)
      const page = await first.newPage()
      await page.goto('/')
      await page.getByLabel('Organization name').fill('Survives Restart')
      await page.getByRole('button', { name: 'New assessment' }).click()
      await page.getByRole('heading', { name: 'Survives Restart', level: 1 }).waitFor()
      await first.close()

      const second = await launchPersistent(profile)
      const again = await second.newPage()
      await again.goto('/')
      await again.getByRole('link', { name: 'Survives Restart' }).waitFor()
      await second.close()
    } finally {
      await rm(profile, { recursive: true, force: true })
    }
  })

  it('explains an empty name and creates nothing', async () => {
    app = await openApp(browser)
    const { page } = app
    await page.goto('/')
    await page.getByRole('button', { name: 'New assessment' }).click()
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Enter the organization name',
    )
    await expect(page.getByLabel('Organization name').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    )
    await page.getByText('No assessments on this device yet').waitFor()
  })

  it('renames, duplicates and opens assessments from the list', async () => {
    app = await openApp(browser)
    const { page } = app
    await createAssessment('Globex')
    await page.getByRole('link', { name: 'Assessments' }).click()

    await page.getByRole('button', { name: 'Rename Globex' }).click()
    const field = page.getByLabel('New name for Globex')
    await field.fill('Globex Corporation')
    await field.press('Enter')
    await page.getByRole('link', { name: 'Globex Corporation' }).waitFor()

    await page.getByRole('button', { name: 'Duplicate Globex Corporation' }).click()
    await page.getByRole('link', { name: 'Globex Corporation (copy)' }).waitFor()

    await page.reload()
    await page.getByRole('link', { name: 'Globex Corporation (copy)' }).waitFor()
    const names = await page.getByRole('heading', { level: 3 }).allTextContents()
    expect(names.map((n) => n.trim()).sort()).toEqual([
      'Globex Corporation',
      'Globex Corporation (copy)',
    ])

    await page.getByRole('link', { name: 'Globex Corporation (copy)' }).click()
    await page.getByRole('heading', { name: 'Globex Corporation (copy)', level: 1 }).waitFor()
  })

  it('deletes only after a confirmation that names the assessment', async () => {
    app = await openApp(browser)
    const { page } = app
    await createAssessment('Initech')
    await page.getByRole('link', { name: 'Assessments' }).click()

    await page.getByRole('button', { name: 'Delete Initech' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete “Initech”?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Keep it' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('link', { name: 'Initech' }).waitFor()

    await page.getByRole('button', { name: 'Delete Initech' }).click()
    await dialog.getByRole('button', { name: 'Delete Initech' }).click()
    await page.getByText('No assessments on this device yet').waitFor()
    await page.reload()
    await page.getByText('No assessments on this device yet').waitFor()
  })

  it('shows organization names as text, never as markup', async () => {
    app = await openApp(browser)
    const { page } = app
    const hostile = '<img src=x onerror="window.__pwned=1">'
    await createAssessment(hostile)
    await expect(
      page.evaluate(() => (window as { __pwned?: number }).__pwned),
    ).resolves.toBeUndefined()
    await expect(page.locator('main img').count()).resolves.toBe(0)
  })

  it('shows every section of an assessment and no dead end', async () => {
    app = await openApp(browser)
    const { page } = app
    await createAssessment('Umbrella')
    const nav = page.getByRole('navigation', { name: 'Sections of Umbrella' })
    for (const [label, heading] of [
      ['Clauses', '4.1 Understanding the organization and its context'],
      ['Annex A', 'Annex A controls'],
      ['Risks', 'Risks'],
      ['Report', 'Report'],
      ['Overview', 'Overview'],
    ] as const) {
      await nav.getByRole('link', { name: label, exact: true }).click()
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor()
      await expect(
        nav.getByRole('link', { name: label, exact: true }).getAttribute('aria-current'),
      ).resolves.toBe('page')
      // focus moves to the new section's heading for keyboard and screen-reader users
      await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
        heading,
      )
    }
    await page.goto('/w/does-not-exist/overview')
    await page.getByRole('heading', { name: 'Assessment not found' }).waitFor()
    await page.getByRole('link', { name: 'Back to all assessments' }).click()
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor()
    await page.goto('/no/such/page')
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
  })
})

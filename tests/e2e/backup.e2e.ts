import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, waitForOfflineReady, type AppPage } from './support/browser'
import { newAssessment } from './support/actions'

let browser: Browser
const opened: AppPage[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  for (const app of opened.splice(0)) {
    expect(app.problems).toEqual([])
    await app.context.close()
  }
})

async function open() {
  const app = await openApp(browser)
  opened.push(app)
  return app
}

async function exportAll(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup', exact: true }).click(),
  ])
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') }
}

async function importFile(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import backup' }).click(),
  ])
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') })
}

const listedNames = async (page: Page) =>
  (await page.getByRole('heading', { level: 3 }).allTextContents()).map((n) => n.trim()).sort()

describe('backups', () => {
  it('exports every assessment and imports them on another device, offline', async () => {
    const source = await open()
    await source.page.goto('/')
    await waitForOfflineReady(source.page)
    await source.context.setOffline(true)
    await newAssessment(source.page, 'Acme Ltd')
    await source.page
      .getByRole('navigation', { name: /^Sections of/ })
      .getByRole('link', { name: 'Clauses' })
      .click()
    await source.page
      .locator('section.question')
      .first()
      .getByRole('radio', { name: 'In place' })
      .check()
    await expect
      .poll(() => source.page.locator('section.question').first().getAttribute('aria-busy'))
      .toBeNull()
    await newAssessment(source.page, 'Globex')
    await source.page.getByRole('link', { name: 'Assessments', exact: true }).click()
    await source.page.getByRole('link', { name: 'Acme Ltd' }).waitFor()

    const file = await exportAll(source.page)
    expect(file.name).toMatch(/^isms-readiness-backup-\d{4}-\d{2}-\d{2}\.json$/)
    const parsed = JSON.parse(file.text) as { format: string; counts: Record<string, number> }
    expect(parsed.format).toBe('isms-readiness-backup')
    expect(parsed.counts).toMatchObject({ workspaces: 2, clauseAnswers: 1 })
    await source.page.locator('main').getByText('Exported 2 assessments').waitFor()

    const target = await open()
    await target.page.goto('/')
    await waitForOfflineReady(target.page)
    await target.context.setOffline(true)
    await target.page.getByText('No assessments on this device yet').waitFor()
    await importFile(target.page, file.name, file.text)
    await target.page
      .locator('main')
      .getByText(/Imported 2 assessments \(.*\): 1 answer,/)
      .waitFor()
    await target.page.getByRole('link', { name: 'Globex' }).waitFor()
    expect(await listedNames(target.page)).toEqual(['Acme Ltd', 'Globex'])
    await target.page.getByRole('link', { name: 'Acme Ltd' }).click()
    await target.page
      .getByRole('navigation', { name: /^Sections of/ })
      .getByRole('link', { name: 'Clauses' })
      .click()
    await expect
      .poll(() =>
        target.page
          .locator('section.question')
          .first()
          .getByRole('radio', { name: 'In place' })
          .isChecked(),
      )
      .toBe(true)
  })

  it('asks before overwriting: imports as copies, or replaces after saving a backup of what it replaces', async () => {
    const { page } = await open()
    await newAssessment(page, 'Initech')
    await page.getByRole('link', { name: 'Assessments', exact: true }).click()
    const file = await exportAll(page)

    await importFile(page, file.name, file.text)
    const dialog = page.getByRole('dialog', { name: 'Some assessments are already on this device' })
    await dialog.waitFor()
    await expect(dialog.getByRole('listitem').allTextContents()).resolves.toEqual(['Initech'])
    await dialog.getByRole('button', { name: 'Import as copies' }).click()
    await page.getByRole('link', { name: 'Initech (copy)' }).waitFor()
    expect(await listedNames(page)).toEqual(['Initech', 'Initech (copy)'])

    await page.getByRole('button', { name: 'Rename Initech', exact: true }).click()
    await page.getByLabel('New name for Initech').fill('Initech renamed here')
    await page.getByRole('button', { name: 'Save name' }).click()
    await page.getByRole('link', { name: 'Initech renamed here' }).waitFor()

    await importFile(page, file.name, file.text)
    await dialog.waitFor()
    const [safety] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Replace the ones on this device' }).click(),
    ])
    expect(safety.suggestedFilename()).toMatch(/backup-before-replace/)
    const saved = JSON.parse(await readFile(await safety.path(), 'utf8')) as {
      data: { workspaces: { organizationName: string }[] }
    }
    expect(saved.data.workspaces.map((w) => w.organizationName)).toEqual(['Initech renamed here'])
    await page.getByRole('link', { name: 'Initech', exact: true }).waitFor()
    expect(await listedNames(page)).toEqual(['Initech', 'Initech (copy)'])
  })

  it('refuses a damaged or hostile file with a clear message and changes nothing', async () => {
    const { page } = await open()
    await newAssessment(page, 'Careful Co')
    await page.getByRole('link', { name: 'Assessments', exact: true }).click()
    const file = await exportAll(page)
    const before = await listedNames(page)

    const cases: [string, string, RegExp][] = [
      [
        'truncated.json',
        file.text.slice(0, Math.floor(file.text.length / 2)),
        /not a readable|JSON|damaged|incomplete/i,
      ],
      ['photo.json', 'GIF89a\u0000\u0001', /./],
      [
        'future.json',
        file.text.replace('"formatVersion": 1', '"formatVersion": 99'),
        /newer version/i,
      ],
      [
        'hostile.json',
        file.text.replace('"sector": ""', '"sector": "", "__proto__": { "polluted": true }'),
        /./,
      ],
      ['edited.json', file.text.replace('Careful Co', 'Careless Co'), /changed or damaged/i],
    ]
    for (const [name, text, message] of cases) {
      await importFile(page, name, text)
      const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' })
      await alert.waitFor()
      await expect(alert.textContent()).resolves.toMatch(message)
      expect(await listedNames(page)).toEqual(before)
      expect(
        await page.evaluate(() => ({}) as { polluted?: boolean }).then((o) => o.polluted),
      ).toBeUndefined()
    }
    await page.reload()
    await page.getByRole('link', { name: 'Careful Co' }).waitFor()
    expect(await listedNames(page)).toEqual(before)
  })
})

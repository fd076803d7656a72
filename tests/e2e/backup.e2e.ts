import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { QUESTIONS } from '@/content'
import {
  axeViolations,
  baseURL,
  launchBrowser,
  openApp,
  waitForOfflineReady,
  type AppPage,
} from './support/browser'
import { newAssessment } from './support/actions'
import { backupFile, makeAnswer, makeWorkspace } from './support/verdictFixtures'

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

async function open(options: { serviceWorker?: boolean } = {}) {
  const app = await openApp(browser, options)
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

/** A date as the app shows it in this browser's locale. */
const shownDate = (page: Page, iso: string) =>
  page.evaluate(
    (at) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(at),
      ),
    iso,
  )

const accessibleDescription = (locator: Locator) =>
  locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  )

const INITECH_ID = 'ws-initech'

/** A backup file holding the assessment of Initech, with one answer. */
const initechFile = () =>
  backupFile([
    {
      workspace: makeWorkspace(INITECH_ID, 'Initech'),
      clauseAnswers: [makeAnswer(INITECH_ID, QUESTIONS[0]?.id ?? '', 'in-place')],
      controlDecisions: [],
      risks: [],
    },
  ])

/**
 * Imports Initech, then renames it on this device: the file and the device now hold two
 * versions of one assessment.
 */
async function onDeviceAndInFile(page: Page) {
  await page.goto('/')
  await importFile(page, 'initech.json', await initechFile())
  await page.getByRole('link', { name: 'Initech', exact: true }).waitFor()
  await page.getByRole('button', { name: 'Rename Initech', exact: true }).click()
  await page.getByLabel('New name for Initech').fill('Initech renamed here')
  await page.getByRole('button', { name: 'Save name' }).click()
  await page.getByRole('link', { name: 'Initech renamed here' }).waitFor()
}

/** An init script: a browser without the File System Access API's save dialog. */
function withoutSaveDialog() {
  Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true })
}

interface FakeSaveDialog {
  __failWrite?: boolean
  __written?: string
  __finishWrite?: () => void
}

/**
 * An init script: a save dialog that the user answers at once, writing to a file that fails
 * when `__failWrite` is set, and otherwise is closed only when the test calls `__finishWrite`.
 */
function fakeSaveDialog() {
  const w = window as unknown as FakeSaveDialog
  const showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => ({
    name: suggestedName.replace(/-\d{4}-\d{2}-\d{2}\.json$/, '.json'),
    createWritable: async () => ({
      write: async (data: string) => {
        if (w.__failWrite) throw new DOMException('The disk is full.', 'QuotaExceededError')
        w.__written = data
      },
      close: () => new Promise<void>((resolve) => (w.__finishWrite = resolve)),
      abort: async () => undefined,
    }),
  })
  Object.defineProperty(window, 'showSaveFilePicker', {
    value: showSaveFilePicker,
    configurable: true,
  })
}

/** A fresh profile whose browser refuses every download, as a locked-down laptop can. */
async function openWithDownloadsBlocked(): Promise<AppPage> {
  const context = await browser.newContext({
    acceptDownloads: false,
    baseURL: baseURL(),
    viewport: { width: 1280, height: 800 },
  })
  await context.addInitScript(withoutSaveDialog)
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  const page = await context.newPage()
  const app: AppPage = { context, page, problems: [] }
  page.on('pageerror', (error) => app.problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') app.problems.push(`console error: ${message.text()}`)
  })
  opened.push(app)
  return app
}

describe('backups', () => {
  it('exports every assessment and imports them on another device, offline', async () => {
    const source = await open({ serviceWorker: true })
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

    const target = await open({ serviceWorker: true })
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

  it('asks before overwriting, naming the incoming assessment, and imports as copies', async () => {
    const { page } = await open()
    await newAssessment(page, 'Initech')
    await page.getByRole('link', { name: 'Assessments', exact: true }).click()
    const file = await exportAll(page)
    const exported = JSON.parse(file.text) as { data: { workspaces: { updatedAt: string }[] } }
    const changed = await shownDate(page, exported.data.workspaces[0]?.updatedAt ?? '')

    await importFile(page, file.name, file.text)
    const dialog = page.getByRole('dialog', { name: 'Some assessments are already on this device' })
    await dialog.waitFor()
    const [item] = await dialog.getByRole('listitem').allTextContents()
    expect(item?.replace(/\s+/g, ' ').trim()).toBe(
      `In the file: Initech, last changed ${changed}. ` +
        `It would replace, on this device: Initech, last changed ${changed}.`,
    )
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Import as copies' }).click()
    await page.getByRole('link', { name: 'Initech (copy)' }).waitFor()
    expect(await listedNames(page)).toEqual(['Initech', 'Initech (copy)'])
  })

  it('replaces only once the user confirms the downloaded safety copy arrived', async () => {
    const app = await open()
    await app.context.addInitScript(withoutSaveDialog)
    const { page } = app
    await onDeviceAndInFile(page)

    await importFile(page, 'initech.json', await initechFile())
    const dialog = page.getByRole('dialog')
    const [safety] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Replace the ones on this device' }).click(),
    ])
    await dialog.getByRole('heading', { name: 'Check that the safety copy arrived' }).waitFor()
    expect(safety.suggestedFilename()).toMatch(
      /^isms-readiness-backup-before-replace-initech-renamed-here-\d{4}-\d{2}-\d{2}\.json$/,
    )
    const saved = JSON.parse(await readFile(await safety.path(), 'utf8')) as {
      data: { workspaces: { organizationName: string }[] }
    }
    expect(saved.data.workspaces.map((w) => w.organizationName)).toEqual(['Initech renamed here'])
    expect(await listedNames(page)).toEqual(['Initech renamed here'])

    await dialog.getByRole('button', { name: 'I have the safety copy — replace now' }).click()
    await page.getByRole('link', { name: 'Initech', exact: true }).waitFor()
    expect(await listedNames(page)).toEqual(['Initech'])
  })

  it('never replaces while the safety copy is not confirmed, when the browser blocks downloads', async () => {
    const app = await openWithDownloadsBlocked()
    const { page } = app
    await onDeviceAndInFile(page)

    await importFile(page, 'initech.json', await initechFile())
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Replace the ones on this device' }).click()
    const step = dialog.getByRole('heading', { name: 'Check that the safety copy arrived' })
    await step.waitFor()
    // Focus moved into the new step, for keyboard and screen reader users.
    await expect.poll(() => step.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await page.waitForTimeout(500)
    expect(await listedNames(page)).toEqual(['Initech renamed here'])

    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await page.reload()
    await page.getByRole('link', { name: 'Initech renamed here' }).waitFor()
    expect(await listedNames(page)).toEqual(['Initech renamed here'])

    // Going without a safety copy is the user's explicit choice, and says what is lost.
    await importFile(page, 'initech.json', await initechFile())
    await dialog.getByRole('button', { name: 'Replace the ones on this device' }).click()
    const without = dialog.getByRole('button', { name: 'Replace without a safety copy' })
    await expect(accessibleDescription(without)).resolves.toMatch(/deleted for good/)
    await without.click()
    await page.getByRole('link', { name: 'Initech', exact: true }).waitFor()
    expect(await listedNames(page)).toEqual(['Initech'])
  })

  it('with a save dialog: a failed write never replaces, a written copy replaces once written', async () => {
    const app = await open()
    await app.context.addInitScript(fakeSaveDialog)
    const { page } = app
    await onDeviceAndInFile(page)

    await page.evaluate(() => ((window as unknown as FakeSaveDialog).__failWrite = true))
    await importFile(page, 'initech.json', await initechFile())
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Replace the ones on this device' }).click()
    await dialog.getByRole('heading', { name: 'No safety copy was saved' }).waitFor()
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe(
      'The file isms-readiness-backup-before-replace-initech-renamed-here.json could not be written (The disk is full.). Nothing has been replaced.',
    )
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await listedNames(page)).toEqual(['Initech renamed here'])

    await page.evaluate(() => ((window as unknown as FakeSaveDialog).__failWrite = false))
    await importFile(page, 'initech.json', await initechFile())
    await dialog.getByRole('button', { name: 'Replace the ones on this device' }).click()
    // The copy is written but the file not yet closed: nothing is replaced until it is.
    await page.waitForFunction(() => Boolean((window as unknown as FakeSaveDialog).__finishWrite))
    await dialog.getByRole('heading', { name: 'Saving the safety copy…' }).waitFor()
    expect(await listedNames(page)).toEqual(['Initech renamed here'])
    await page.evaluate(() => (window as unknown as FakeSaveDialog).__finishWrite?.())
    await page.getByRole('link', { name: 'Initech', exact: true }).waitFor()
    expect(await listedNames(page)).toEqual(['Initech'])
    const written = await page.evaluate(() => (window as unknown as FakeSaveDialog).__written)
    const copy = JSON.parse(written ?? '{}') as {
      data: { workspaces: { organizationName: string }[] }
    }
    expect(copy.data.workspaces.map((w) => w.organizationName)).toEqual(['Initech renamed here'])
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
        file.text.replace(/"formatVersion": \d+/, '"formatVersion": 99'),
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

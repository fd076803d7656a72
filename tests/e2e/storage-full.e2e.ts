import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { QUESTIONS } from '@/content'
import { axeViolations, launchBrowser, openApp, type AppPage } from './support/browser'
import { newAssessment, sections, settled } from './support/actions'

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

/**
 * From now on every write is refused as a full disk refuses it (QuotaExceededError from the
 * object store), until `fillDisk(page, false)`. Reads still work, as they do on a full disk.
 */
async function fillDisk(page: Page, full: boolean) {
  await page.evaluate((on) => {
    const w = window as unknown as { diskFull?: boolean; diskPatched?: boolean }
    w.diskFull = on
    if (w.diskPatched) return
    w.diskPatched = true
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method]
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (w.diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return (original as (...a: unknown[]) => IDBRequest).apply(this, args)
      } as never
    }
  }, full)
}

const question = (page: Page) => page.locator('section.question').first()

describe('a disk that fills up while the app is open', { timeout: 120_000 }, () => {
  it('says so, keeps the typing, offers a copy made from memory, and recovers', async () => {
    app = await openApp(browser, { width: 360, height: 740 })
    const { page } = app
    await newAssessment(page, 'Full Disk Ltd')
    await sections(page).getByRole('link', { name: 'Clauses' }).click()
    await question(page).getByRole('radio', { name: 'In place' }).check()
    await settled(question(page))

    await fillDisk(page, true)
    await question(page).getByLabel('Note').fill('Typed while the disk was full')
    await question(page).getByLabel('Note').press('Tab')
    await question(page)
      .getByText('Not saved: the storage on this device is full.', { exact: false })
      .waitFor()
    const banner = page.getByRole('alert').filter({ hasText: 'The storage on this device is full' })
    await banner.waitFor()
    await expect(question(page).getByLabel('Note').inputValue()).resolves.toBe(
      'Typed while the disk was full',
    )
    expect(await axeViolations(page)).toEqual([])

    // The copy needs no database write: it downloads while the disk is still full.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.getByRole('button', { name: 'Download a copy of Full Disk Ltd' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^isms-readiness-backup-full-disk-ltd-.*\.json$/)
    const path = await download.path()
    const { readFile } = await import('node:fs/promises')
    const copy = JSON.parse(await readFile(path, 'utf8')) as {
      data: { workspaces: { organizationName: string }[]; clauseAnswers: { status: string }[] }
    }
    expect(copy.data.workspaces.map((w) => w.organizationName)).toEqual(['Full Disk Ltd'])
    expect(copy.data.clauseAnswers.map((a) => a.status)).toEqual(['in-place'])

    // Leaving the screen while the note is only on it asks first; Cancel stays, with the note.
    const asked: string[] = []
    page.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    await page.getByRole('link', { name: 'Assessments', exact: true }).click()
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toContain('could not be saved and is only on the screen')
    await expect(question(page).getByLabel('Note').inputValue()).resolves.toBe(
      'Typed while the disk was full',
    )

    // A backup from the list still comes out on a full disk (recording it is the only write).
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('link', { name: 'Assessments', exact: true }).click()
    const [backup] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export backup', exact: true }).click(),
    ])
    expect(backup.suggestedFilename()).toMatch(/^isms-readiness-backup-.*\.json$/)
    await page.getByRole('link', { name: 'Full Disk Ltd' }).click()
    await sections(page).getByRole('link', { name: 'Clauses' }).click()

    // Space is freed: the next change saves, and the banner goes.
    await fillDisk(page, false)
    await question(page).getByLabel('Note').fill('Typed after space was freed')
    await question(page).getByLabel('Note').press('Tab')
    await settled(question(page))
    await expect.poll(() => banner.count()).toBe(0)
    await page.getByText(`All clauses: 1 of ${QUESTIONS.length} answered`).waitFor()
    expect(app.problems.filter((p) => !p.includes('QuotaExceeded'))).toEqual([])
  })
})

import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, type AppPage } from './support/browser'
import { importBackup } from './support/actions'

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

async function open(): Promise<Page> {
  const app = await openApp(browser)
  opened.push(app)
  await app.page.goto('/')
  await app.page.getByText('No assessments on this device yet').waitFor()
  return app.page
}

type Rows = Record<string, Record<string, unknown>[]>

/** The committed format-1 fixture, edited and re-checksummed as a crafted file would be. */
async function fixture(change: (data: Rows, file: Record<string, unknown>) => void = () => {}) {
  const file = JSON.parse(await readFile('tests/fixtures/backups/format-1.json', 'utf8')) as {
    data: Rows
    sha256: string
  } & Record<string, unknown>
  change(file.data, file)
  file.sha256 = createHash('sha256').update(JSON.stringify(file.data)).digest('hex')
  return JSON.stringify(file, null, 2)
}

function row(data: Rows, table: string, index: number): Record<string, unknown> {
  const found = data[table]?.[index]
  if (!found) throw new Error(`no ${table}[${index}] in the fixture`)
  return found
}

async function refused(page: Page, text: string, message: string | RegExp) {
  await importBackup(page, 'crafted.json', text)
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' })
  await alert.waitFor()
  await expect(alert.textContent()).resolves.toMatch(message)
  await page.getByText('No assessments on this device yet').waitFor()
}

describe('an imported file is held to the rules of the editors', () => {
  it('refuses a file that breaks a rule, naming the row and the rule, and imports nothing', async () => {
    const page = await open()
    const cases: [string, string | RegExp][] = [
      [
        await fixture((d) => (row(d, 'controlDecisions', 2)['justification'] = ' ')),
        'controlDecisions[2] (control 8.30 of “Nordwind Logistik GmbH”) is excluded without a justification',
      ],
      [
        await fixture((d) => (row(d, 'risks', 2)['likelihood'] = 5)),
        'risks[2] (risk “Patient records lost with a stolen laptop” of “Harbour Dental Clinic”) has a likelihood of 5, outside the 1–3 scale',
      ],
      [
        await fixture((d) => (row(d, 'workspaces', 0)['organizationName'] = 'Nordwind\u0000')),
        'has a control character',
      ],
      [
        (await fixture()).replace('{\n', `{\n  "sha256": "${'0'.repeat(64)}",\n`),
        'the field "sha256" twice at the top level of the file',
      ],
      [
        await fixture((_, file) => ((file['app'] as Record<string, number>)['schemaVersion'] = 99)),
        /made by a newer version of ISMS Readiness \(database version 99/,
      ],
    ]
    for (const [text, message] of cases) await refused(page, text, message)
  })

  it('imports a file it only had to tidy, and says what it tidied', async () => {
    const page = await open()
    const text = await fixture((d) => {
      row(d, 'clauseAnswers', 1)['evidence'] = ['Context analysis v1.2', '  ']
      row(d, 'workspaces', 0)['lastBackupAt'] = '2099-01-01T00:00:00.000Z'
    })
    await importBackup(page, 'tidy.json', text)
    await page
      .locator('main')
      .getByText(/^Imported 2 assessments/)
      .waitFor()
    const repairs = page.getByRole('status').filter({ hasText: 'tidied up' })
    await repairs.waitFor()
    await expect(repairs.textContent()).resolves.toContain(
      'Blank evidence references were left out of clauseAnswers[1] (question q-4.1-issues of “Nordwind Logistik GmbH”): they held no text.',
    )
    await expect(repairs.textContent()).resolves.toContain(
      'The date of the last backup of workspaces[0] (“Nordwind Logistik GmbH”) was later than this file was made',
    )
    await page.getByRole('link', { name: 'Nordwind Logistik GmbH' }).waitFor()
  })
})

import { readFile } from 'node:fs/promises'
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'

/** Creates an assessment from the start page and waits until it is open. */
export async function newAssessment(page: Page, name: string): Promise<void> {
  await page.goto('/')
  await page.getByLabel('Organization name').fill(name)
  await page.getByRole('button', { name: 'New assessment' }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
}

/** Waits until an editor has written everything the user changed (it is busy until then). */
export async function settled(editor: Locator): Promise<void> {
  await expect.poll(() => editor.getAttribute('aria-busy')).toBeNull()
  await editor.getByText('Saved', { exact: true }).waitFor()
}

/** The section navigation of the open assessment. */
export const sections = (page: Page) => page.getByRole('navigation', { name: /^Sections of/ })

/** Imports a backup file through the start page's "Import backup" button. */
export async function importBackup(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import backup' }).click(),
  ])
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') })
}

/** Clicks a download button and reads the file the browser saved. */
export async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])
  const bytes = await readFile(await file.path())
  return {
    name: file.suggestedFilename(),
    bytes,
    buffer: bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    ) as ArrayBuffer,
  }
}

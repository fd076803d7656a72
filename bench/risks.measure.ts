import { afterAll, beforeAll, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openApp } from '../tests/e2e/support/browser'
import { printFigure, printHeading } from './report'
import { ms, percentile } from './stats'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it('risk register with 1,000 risks: render and filter per keystroke, in Chromium', async () => {
  const { page, context } = await openApp(browser)
  await page.goto('/')
  await page.getByLabel('Organization name').fill('Risk Bench')
  await page.getByRole('button', { name: 'New assessment' }).click()
  await page.getByRole('heading', { name: 'Risk Bench', level: 1 }).waitFor()
  const workspaceId = page.url().split('/w/')[1]?.split('/')[0] ?? ''
  await page.evaluate(async (id) => {
    const open = indexedDB.open('isms-readiness')
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = db.transaction('risks', 'readwrite')
    const threats = ['Ransomware', 'Phishing', 'Laptop theft', 'Insider misuse', 'Supplier outage']
    for (let i = 0; i < 1000; i++) {
      tx.objectStore('risks').put({
        id: `bench-${i}`,
        workspaceId: id,
        title: `${threats[i % 5]} affecting system ${i}`,
        asset: `System ${i % 40}`,
        threat: threats[i % 5],
        vulnerability: 'Missing patch',
        likelihood: (i % 5) + 1,
        impact: ((i * 7) % 5) + 1,
        treatment: ['modify', 'avoid', 'share', 'retain'][i % 4],
        controlIds: ['8.7', '8.8'],
        owner: `Owner ${i % 12}`,
        residualLikelihood: 1,
        residualImpact: 2,
        acceptedBy: 'CEO',
        acceptedOn: '2026-11-20',
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
      })
    }
    await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()))
    db.close()
  }, workspaceId)
  await page.reload()
  await page.getByRole('heading', { name: 'Overview', level: 2 }).waitFor()

  const renders: number[] = []
  for (let i = 0; i < 5; i++) {
    const elapsed = await page.evaluate(async () => {
      const link = (name: string) =>
        [...document.querySelectorAll<HTMLAnchorElement>('nav a')].find(
          (a) => a.textContent?.trim() === name,
        )
      link('Overview')?.click()
      while (!document.querySelector('#overview-title')) {
        await new Promise((r) => requestAnimationFrame(r))
      }
      const start = performance.now()
      link('Risks')?.click()
      while (document.querySelectorAll('.risk-row').length < 25) {
        await new Promise((r) => requestAnimationFrame(r))
      }
      await new Promise((r) => requestAnimationFrame(r))
      return performance.now() - start
    })
    renders.push(elapsed)
  }

  const keystrokes = await page.evaluate(async () => {
    const input = [...document.querySelectorAll<HTMLInputElement>('input[type=search]')].find(
      (el) => el.labels?.[0]?.textContent?.trim() === 'Search risks',
    )
    if (!input) throw new Error('no risk search field')
    const out: { patched: number; frame: number }[] = []
    for (const text of ['ransomware', 'system 99', 'owner 7', 'laptop theft']) {
      const values = [
        ...Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)),
        ...Array.from({ length: text.length }, (_, i) => text.slice(0, text.length - i - 1)),
      ]
      for (const value of values) {
        const start = performance.now()
        input.value = value
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await new Promise((r) => setTimeout(r, 0))
        const patched = performance.now() - start
        await new Promise((r) => requestAnimationFrame(r))
        out.push({ patched, frame: performance.now() - start })
      }
    }
    return out
  })
  await context.close()

  printHeading('Risk register with 1,000 risks (list paginated at 25)')
  printFigure('Render from navigation, p50', ms(percentile(renders, 50)))
  printFigure('Render from navigation, max', ms(Math.max(...renders)))
  const patched = keystrokes.map((k) => k.patched)
  const frame = keystrokes.map((k) => k.frame)
  printFigure('Filter keystrokes measured', String(keystrokes.length))
  printFigure('Filter per keystroke to DOM updated, p50', ms(percentile(patched, 50)))
  printFigure('Filter per keystroke to DOM updated, p95', ms(percentile(patched, 95)))
  printFigure(
    'Filter per keystroke to next frame, p95',
    ms(percentile(frame, 95)),
    'target ≤ 100 ms',
  )
})

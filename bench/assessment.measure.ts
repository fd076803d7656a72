import { afterAll, beforeAll, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
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

async function newAssessment(page: Page, name: string) {
  await page.goto('/')
  await page.getByLabel('Organization name').fill(name)
  await page.getByRole('button', { name: 'New assessment' }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
}

/**
 * Records when each read-write IndexedDB transaction completes, so a measurement can wait for
 * the commit that a user action caused.
 */
function instrumentCommits() {
  const w = window as unknown as { __commits: number[] }
  w.__commits = []
  const original = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<typeof original>
  ) {
    const tx = original.apply(this, args)
    if (args[1] === 'readwrite') {
      tx.addEventListener('complete', () => w.__commits.push(performance.now()))
    }
    return tx
  }
}

it('status choice → IndexedDB commit latency over 240 answers', async () => {
  const { page, context } = await openApp(browser)
  await page.addInitScript(instrumentCommits)
  await newAssessment(page, 'Latency Bench')
  await page
    .getByRole('navigation', { name: /^Sections of/ })
    .getByRole('link', { name: 'Clauses' })
    .click()
  await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()

  const samples: number[] = []
  // Two passes over every question (Partly, then In place): two answers per question.
  for (const status of ['partly', 'in-place']) {
    for (let section = 0; section < 30; section++) {
      await page.locator('section.question').first().waitFor()
      const timings = await page.evaluate(async (value) => {
        const w = window as unknown as { __commits: number[] }
        const radios = [
          ...document.querySelectorAll<HTMLInputElement>(`input[type=radio][value="${value}"]`),
        ]
        const out: number[] = []
        for (const radio of radios) {
          const before = w.__commits.length
          const start = performance.now()
          radio.click()
          while (w.__commits.length === before) await new Promise((r) => setTimeout(r, 0))
          out.push((w.__commits[before] ?? start) - start)
        }
        return out
      }, status)
      samples.push(...timings)
      const next = page.getByRole('link', { name: /^Next: / })
      if ((await next.count()) > 0) {
        const title = await page.locator('h2#clause-title').textContent()
        await next.click()
        await page.waitForFunction(
          (previous) => document.querySelector('h2#clause-title')?.textContent !== previous,
          title,
        )
      }
    }
    await page.getByRole('link', { name: /^4\.1 / }).click()
    await page.getByRole('heading', { name: /^4\.1 /, level: 2 }).waitFor()
  }
  await context.close()

  printHeading('Answer save latency (radio click → IndexedDB readwrite transaction complete)')
  printFigure('Answers measured', String(samples.length))
  printFigure('p50', ms(percentile(samples, 50)))
  printFigure('p95', ms(percentile(samples, 95)), 'target ≤ 30 ms')
  printFigure('max', ms(Math.max(...samples)))
})

it('Annex A: render the full list of 93 controls, and filter it per keystroke', async () => {
  const { page, context } = await openApp(browser)
  await newAssessment(page, 'Annex Bench')
  const nav = page.getByRole('navigation', { name: /^Sections of/ })

  const renders: number[] = []
  for (let i = 0; i < 10; i++) {
    await nav.getByRole('link', { name: 'Overview' }).click()
    await page.getByRole('heading', { name: 'Overview', level: 2 }).waitFor()
    const elapsed = await page.evaluate(async () => {
      const link = [...document.querySelectorAll<HTMLAnchorElement>('nav a')].find(
        (a) => a.textContent?.trim() === 'Annex A',
      )
      const start = performance.now()
      link?.click()
      while (document.querySelectorAll('.control-row').length < 93) {
        await new Promise((r) => requestAnimationFrame(r))
      }
      await new Promise((r) => requestAnimationFrame(r))
      return performance.now() - start
    })
    renders.push(elapsed)
  }

  const queries = ['backup', '8.2', 'access control', 'supplier', 'physical security', '5.1']
  const keystrokes: { patched: number; frame: number }[] = []
  for (const query of queries) {
    const perKey = await page.evaluate(async (text) => {
      const input = document.querySelector<HTMLInputElement>('input[type=search]')
      if (!input) throw new Error('no search field')
      const out: { patched: number; frame: number }[] = []
      const typeValue = async (value: string) => {
        const start = performance.now()
        input.value = value
        input.dispatchEvent(new Event('input', { bubbles: true }))
        // Vue patches the DOM in a microtask: by the next task the filtered list is in place.
        await new Promise((r) => setTimeout(r, 0))
        const patched = performance.now() - start
        await new Promise((r) => requestAnimationFrame(r))
        out.push({ patched, frame: performance.now() - start })
      }
      for (let i = 1; i <= text.length; i++) await typeValue(text.slice(0, i))
      for (let i = text.length - 1; i >= 0; i--) await typeValue(text.slice(0, i))
      return out
    }, query)
    keystrokes.push(...perKey)
  }
  await context.close()

  printHeading('Annex A list (93 controls)')
  printFigure('Render full list from navigation, p50', ms(percentile(renders, 50)))
  printFigure('Render full list from navigation, max', ms(Math.max(...renders)))
  const patched = keystrokes.map((k) => k.patched)
  const frame = keystrokes.map((k) => k.frame)
  printFigure('Filter keystrokes measured', String(keystrokes.length))
  printFigure('Filter per keystroke to DOM updated, p50', ms(percentile(patched, 50)))
  printFigure('Filter per keystroke to DOM updated, p95', ms(percentile(patched, 95)))
  printFigure(
    'Filter per keystroke to next frame, p95',
    ms(percentile(frame, 95)),
    'target ≤ 50 ms',
  )
  printFigure('Filter per keystroke to next frame, max', ms(Math.max(...frame)))
})

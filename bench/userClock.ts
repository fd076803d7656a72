/**
 * Clocks that start where a user's action starts: the `timeStamp` of the trusted input event
 * Chromium received from Playwright's mouse or keyboard, read in the page on its own
 * performance.now() timeline, and stop once the frame showing the result has been drawn
 * (requestAnimationFrame, then a task after it).
 */
import type { Locator, Page } from 'playwright-core'
import { printFigure } from './report'
import { ms, percentile } from './stats'

/** What `instrumentPage` records in the page. */
export interface Instrumented {
  __idb: {
    /** IndexedDB transactions begun and not yet completed or aborted. */
    open: number
    /** When each readwrite transaction completed. */
    commits: number[]
    /** How many readonly transactions completed after the `index`-th commit. */
    readsAfter(index: number): number
  }
}

/** An init script: tracks the page's IndexedDB transactions (see `Instrumented`). */
export function instrumentPage(): void {
  const commits: number[] = []
  const reads: number[] = []
  const state: Instrumented['__idb'] = {
    open: 0,
    commits,
    readsAfter: (index) => {
      const at = commits[index]
      return at === undefined ? 0 : reads.filter((t) => t >= at).length
    },
  }
  ;(window as unknown as Instrumented).__idb = state
  const original = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<typeof original>
  ) {
    const tx = original.apply(this, args)
    state.open++
    const readwrite = args[1] === 'readwrite'
    tx.addEventListener('complete', () => {
      state.open--
      ;(readwrite ? commits : reads).push(performance.now())
    })
    tx.addEventListener('abort', () => state.open--)
    return tx
  }
}

export interface Keystroke {
  /** Keydown → the end of the task that handled the input: Vue has patched the DOM. */
  patched: number
  /** Keydown → requestAnimationFrame and a task after it: the frame is drawn. */
  frame: number
}

/** Arms the page for one keystroke (runs in the page; see `Keystroke`). */
function armKeystroke() {
  const w = window as unknown as { __key: Promise<Keystroke> }
  w.__key = new Promise((resolve) => {
    let downAt: number | null = null
    window.addEventListener('keydown', (event) => (downAt = event.timeStamp), {
      capture: true,
      once: true,
    })
    document.addEventListener(
      'input',
      () => {
        const start = downAt ?? Number.NaN
        setTimeout(() => {
          const patched = performance.now() - start
          requestAnimationFrame(() =>
            setTimeout(() => resolve({ patched, frame: performance.now() - start }), 0),
          )
        }, 0)
      },
      { capture: true, once: true },
    )
  })
}

/**
 * Types each query into a search field one key at a time, then deletes it with Backspace,
 * through Playwright's keyboard; one sample per keystroke, each awaited before the next key.
 */
export async function typeAndMeasure(
  page: Page,
  field: Locator,
  queries: readonly string[],
): Promise<Keystroke[]> {
  await field.click()
  const out: Keystroke[] = []
  const press = async (key: string) => {
    await page.evaluate(armKeystroke)
    await page.keyboard.press(key)
    out.push(await page.evaluate(() => (window as unknown as { __key: Promise<Keystroke> }).__key))
  }
  for (const query of queries) {
    for (const char of query) await press(char === ' ' ? 'Space' : char)
    for (let i = 0; i < query.length; i++) await press('Backspace')
  }
  return out
}

/** Prints the per-keystroke figures of a search field, saying where their clocks run. */
export function printKeystrokes(keystrokes: readonly Keystroke[], target: string): void {
  process.stdout.write(
    '   clock: performance.now() in the page, from the timeStamp of the trusted keydown\n' +
      '   (Playwright keyboard) to the end of the task that handled the input (DOM updated),\n' +
      '   and to requestAnimationFrame and a task after it (frame drawn)\n',
  )
  const patched = keystrokes.map((k) => k.patched)
  const frame = keystrokes.map((k) => k.frame)
  printFigure('Filter keystrokes measured', String(keystrokes.length))
  printFigure('Filter per keystroke to DOM updated, p50', ms(percentile(patched, 50)))
  printFigure('Filter per keystroke to DOM updated, p95', ms(percentile(patched, 95)))
  printFigure('Filter per keystroke to frame drawn, p50', ms(percentile(frame, 50)))
  printFigure('Filter per keystroke to frame drawn, p95', ms(percentile(frame, 95)), target)
  printFigure('Filter per keystroke to frame drawn, max', ms(Math.max(...frame)))
}

/**
 * Clicks a link with Playwright's mouse and returns the time from the trusted click to the
 * frame drawn after `ready` (a page function) first holds.
 */
export async function clickUntil(
  page: Page,
  link: Locator,
  ready: { selector: string; count: number },
): Promise<number> {
  await page.evaluate(({ selector, count }) => {
    const w = window as unknown as { __render: Promise<number> }
    w.__render = new Promise((resolve) => {
      window.addEventListener(
        'click',
        async (event) => {
          const start = event.timeStamp
          while (document.querySelectorAll(selector).length < count) {
            await new Promise((r) => requestAnimationFrame(r))
          }
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
        },
        { capture: true, once: true },
      )
    })
  }, ready)
  await link.click()
  return page.evaluate(() => (window as unknown as { __render: Promise<number> }).__render)
}

/**
 * Reading the verdict on the Overview as a user does: the readiness headline, the blockers and
 * the findings, located by role and text. Expected values come from the domain's own result.
 */
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { inSentence } from '@/components/format'
import type { Blocker, Readiness } from '@/domain/readiness'
import { sections } from './actions'

export type Section = 'Overview' | 'Clauses' | 'Annex A' | 'Risks' | 'Report'

export const goTo = (page: Page, section: Section) =>
  sections(page).getByRole('link', { name: section, exact: true }).click()

/** An element's text with whitespace collapsed, as it reads on screen. */
export const text = async (locator: Locator) =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** The readiness headline of the Overview, e.g. "Stage 1 readiness: 0/100 — not ready". */
export const headline = (page: Page) =>
  page.locator('main').getByRole('heading', { level: 3, name: /^Stage 1 readiness:/ })

/** The headline the Overview shows for a verdict. */
export const headlineOf = (readiness: Readiness) =>
  `Stage 1 readiness: ${readiness.score}/100 — ${inSentence(readiness.bandLabel)}`

export async function expectHeadline(page: Page, expected: string) {
  await expect.poll(() => text(headline(page)), { timeout: 10_000 }).toBe(expected)
}

export const blockersHeading = (page: Page) =>
  page.locator('main').getByRole('heading', { level: 4, name: /^Blockers \(\d+\)$/ })

/** The readiness card: score, parts, blockers and findings. */
export const readinessCard = (page: Page) =>
  page.getByRole('region', { name: /^Stage 1 readiness:/ })

/** The list item of a blocker in the readiness card, found by the sentence saying what is missing. */
export const blockerItem = (page: Page, blocker: Pick<Blocker, 'text'>) =>
  readinessCard(page).getByRole('listitem').filter({ hasText: blocker.text })

export const findingsHeading = (page: Page) =>
  page.locator('main').getByRole('heading', {
    level: 4,
    name: /^Where the answers and the records disagree \(\d+\)$/,
  })

/** True when the page scrolls sideways, i.e. something does not fit the viewport. */
export const overflowsHorizontally = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)

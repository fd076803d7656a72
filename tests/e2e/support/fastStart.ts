import type { Page } from 'playwright-core'

/** A question of the scoping interview, by part of its text. */
export const scopingQuestion = (page: Page, text: string) =>
  page.getByRole('group', { name: new RegExp(text.replace(/[?()]/g, '\\$&')) })

/** The interview's answers of a fully remote SaaS start-up (the e2e test and the bench). */
export const REMOTE_START_UP: readonly [string, string | RegExp][] = [
  ['work from premises of its own', 'No: everyone works from home or on the road'],
  ['work from home or while travelling', 'Most or all people'],
  ['systems run', /^Also in cloud infrastructure/],
  ['Is software developed', 'Yes, by its own people'],
  ['service that customers use', 'Yes'],
  ['payment card numbers', 'No'],
  ['health or medical', 'No'],
  ['personal data at scale', 'Yes'],
  ['suppliers or contractors have access', 'Yes'],
  ['USB drives', 'No'],
  ['laptops and phones taken out', 'Yes'],
  ['watches for security events', 'Nobody in particular yet'],
  ['contracts name security requirements', 'Yes'],
]

/**
 * Rules for answers to the clause 4–10 questions.
 */
import { CONTENT_VERSION } from '@/content'
import { FIELD_LIMITS } from './limits'
import type { ActionItem, AnswerStatus, ClauseAnswer, WorkspaceId } from './model'

/** The statuses in the order they are offered; the number key chooses the status. */
export const ANSWER_STATUSES = [
  { value: 'not-started', label: 'Not started', key: '1' },
  { value: 'partly', label: 'Partly', key: '2' },
  { value: 'in-place', label: 'In place', key: '3' },
  { value: 'dont-know', label: "Don't know", key: '4' },
] as const satisfies readonly { value: AnswerStatus; label: string; key: string }[]

export function answerStatusLabel(status: AnswerStatus): string {
  return ANSWER_STATUSES.find((s) => s.value === status)?.label ?? status
}

/** The answer a question has before the user touches it. */
export function emptyAnswer(
  workspaceId: WorkspaceId,
  questionId: string,
  now: string,
): ClauseAnswer {
  return {
    workspaceId,
    questionId,
    status: 'not-started',
    note: '',
    evidence: [],
    action: null,
    contentVersion: CONTENT_VERSION,
    updatedAt: now,
  }
}

/** True for a real calendar date written yyyy-mm-dd (2026-02-29 and 2026-13-45 are not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/** An action is worth keeping when any of its fields is filled in. */
export function normalizeAction(action: ActionItem | null): ActionItem | null {
  if (!action) return null
  const what = action.what.trim()
  const owner = action.owner.trim()
  const due = action.due && isCalendarDate(action.due) ? action.due : null
  return what || owner || due ? { what, owner, due } : null
}

/**
 * Evidence references are typed one per line; blank lines are dropped and each line trimmed,
 * in the user's order.
 */
export function parseEvidence(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

/** The evidence references as the editor shows them: one per line. */
export function evidenceText(references: readonly string[]): string {
  return references.join('\n')
}

export type EvidenceProblem = 'empty-reference' | 'multi-line-reference' | 'too-long'

/**
 * What keeps a list of evidence references from being one the editor saves. The editor holds
 * them as one text of at most FIELD_LIMITS.longText characters, one reference per line, and
 * keeps only the non-blank lines (parseEvidence): so no reference is blank, none spans two lines,
 * and joined by line breaks they fit in that text.
 */
export function evidenceProblems(references: readonly string[]): EvidenceProblem[] {
  const problems: EvidenceProblem[] = []
  if (references.some((reference) => reference.trim() === '')) problems.push('empty-reference')
  if (references.some((reference) => /[\r\n]/.test(reference))) {
    problems.push('multi-line-reference')
  }
  // The length of evidenceText(references), without building it: imports check thousands.
  const length = references.reduce((sum, reference) => sum + reference.length + 1, -1)
  if (length > FIELD_LIMITS.longText) problems.push('too-long')
  return problems
}

/**
 * A reference becomes a clickable link only when it is an http(s) URL; anything else
 * (including javascript: or data: URLs) stays plain text.
 */
export function evidenceHref(reference: string): string | null {
  try {
    const url = new URL(reference)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

/**
 * A question counts as answered once the user has recorded anything for it: a stored answer
 * exists. An explicit "Not started" is an answer too ("we have not begun this").
 */
export function isAnswered(answer: ClauseAnswer | undefined): answer is ClauseAnswer {
  return answer !== undefined
}

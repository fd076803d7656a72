/**
 * Carrying answers over when the question bank changes. Answers record the content version
 * they were given against; when a later version renames a question or splits it into several,
 * the answer is mapped forward so nothing the user said is lost. Mapping happens when answers
 * are read; stored rows are left as they were until the user edits them.
 */
import { CONTENT_VERSION } from '@/content'
import type { ClauseAnswer } from './model'

export interface ContentChange {
  /** The content version that introduced the change. */
  readonly version: number
  /** Question ids renamed: old id → new id. */
  readonly renamed?: Readonly<Record<string, string>>
  /** Questions split into several: old id → new ids; each new question starts from the old answer. */
  readonly split?: Readonly<Record<string, readonly string[]>>
}

/** Released content changes, oldest first. Version 1 is the first released content. */
export const CONTENT_CHANGES: readonly ContentChange[] = []

function forward(answer: ClauseAnswer, changes: readonly ContentChange[]): ClauseAnswer[] {
  let current: ClauseAnswer[] = [answer]
  for (const change of changes) {
    if (change.version <= answer.contentVersion) continue
    current = current.flatMap((a) => {
      const renamed = change.renamed?.[a.questionId]
      if (renamed) return [{ ...a, questionId: renamed }]
      const parts = change.split?.[a.questionId]
      if (parts) return parts.map((questionId) => ({ ...a, questionId }))
      return [a]
    })
  }
  return current
}

/**
 * Every answer expressed against the current content. An answer given against the current
 * version always wins over one mapped forward from an older version for the same question.
 */
export function migrateAnswers(
  answers: readonly ClauseAnswer[],
  changes: readonly ContentChange[] = CONTENT_CHANGES,
  currentVersion: number = CONTENT_VERSION,
): ClauseAnswer[] {
  const result = new Map<string, { answer: ClauseAnswer; givenAgainst: number }>()
  for (const answer of answers) {
    const mapped =
      answer.contentVersion >= currentVersion
        ? [answer]
        : forward(answer, changes).map((a) => ({ ...a, contentVersion: currentVersion }))
    for (const a of mapped) {
      const existing = result.get(a.questionId)
      // An answer given against newer content wins; among equals, the latest edit wins.
      const wins =
        !existing ||
        existing.givenAgainst < answer.contentVersion ||
        (existing.givenAgainst === answer.contentVersion &&
          existing.answer.updatedAt <= a.updatedAt)
      if (wins) result.set(a.questionId, { answer: a, givenAgainst: answer.contentVersion })
    }
  }
  return [...result.values()].map((entry) => entry.answer)
}

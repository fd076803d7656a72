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
export const CONTENT_CHANGES: readonly ContentChange[] = [
  {
    // Questions that asked about several requirements at once, so that "Partly" could not say
    // which part was missing, became one question per requirement.
    version: 2,
    split: {
      'q-6.1.3-approval': ['q-6.1.3-plan-approval', 'q-6.1.3-residual-acceptance'],
      'q-6.2-plans': ['q-6.2-plan-actions', 'q-6.2-plan-owners-deadlines', 'q-6.2-plan-evaluation'],
      'q-7.2-closing-gaps': ['q-7.2-gap-actions', 'q-7.2-action-effectiveness'],
      'q-8.1-process-criteria': [
        'q-8.1-processes-planned',
        'q-8.1-criteria-defined',
        'q-8.1-processes-controlled',
      ],
      'q-8.1-change-control': ['q-8.1-planned-changes', 'q-8.1-unintended-changes'],
      'q-9.1-schedule-and-owners': ['q-9.1-collection-schedule', 'q-9.1-analysis-schedule'],
      'q-9.2.1-audit-coverage': ['q-9.2.1-conformity', 'q-9.2.1-effectiveness'],
    },
  },
]

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

import { describe, expect, it } from 'vitest'
import { migrateAnswers, type ContentChange } from '@/domain/contentMigration'
import type { AnswerStatus, ClauseAnswer } from '@/domain/model'

function answer(
  questionId: string,
  contentVersion: number,
  status: AnswerStatus = 'partly',
  updatedAt = '2026-11-01T10:00:00.000Z',
): ClauseAnswer {
  return {
    workspaceId: 'w',
    questionId,
    status,
    note: `note for ${questionId}`,
    evidence: ['doc'],
    action: null,
    contentVersion,
    updatedAt,
  }
}

const CHANGES: ContentChange[] = [
  { version: 2, renamed: { 'q-4.1-old': 'q-4.1-issues' } },
  { version: 3, split: { 'q-4.1-issues': ['q-4.1-internal', 'q-4.1-external'] } },
]

const byId = (answers: ClauseAnswer[]) =>
  Object.fromEntries(answers.map((a) => [a.questionId, a.status]))

describe('migrateAnswers', () => {
  it('leaves current answers as they are when nothing changed', () => {
    const answers = [answer('q-5.1-a', 1), answer('q-5.2-b', 1)]
    expect(migrateAnswers(answers, [], 1)).toEqual(answers)
  })

  it('follows a rename and then a split, so the old answer reaches every new question', () => {
    const migrated = migrateAnswers([answer('q-4.1-old', 1, 'in-place')], CHANGES, 3)
    expect(byId(migrated)).toEqual({ 'q-4.1-internal': 'in-place', 'q-4.1-external': 'in-place' })
    expect(migrated.every((a) => a.note === 'note for q-4.1-old')).toBe(true)
    // Mapped answers now belong to the current content, so saving one does not map it again.
    expect(migrated.every((a) => a.contentVersion === 3)).toBe(true)
  })

  it('applies only the changes after the version an answer was given against', () => {
    const migrated = migrateAnswers([answer('q-4.1-issues', 2, 'partly')], CHANGES, 3)
    expect(byId(migrated)).toEqual({ 'q-4.1-internal': 'partly', 'q-4.1-external': 'partly' })
  })

  it('never lets an answer mapped from old content overwrite one given against the current content', () => {
    const migrated = migrateAnswers(
      [
        answer('q-4.1-internal', 3, 'not-started', '2026-01-01T00:00:00.000Z'),
        answer('q-4.1-old', 1, 'in-place', '2026-12-01T00:00:00.000Z'),
      ],
      CHANGES,
      3,
    )
    expect(byId(migrated)).toEqual({
      'q-4.1-internal': 'not-started',
      'q-4.1-external': 'in-place',
    })
  })
})

import { describe, expect, it } from 'vitest'
import { CONTENT_VERSION, QUESTIONS } from '@/content'
import { CONTENT_CHANGES, migrateAnswers, type ContentChange } from '@/domain/contentMigration'
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

describe('the released content changes', () => {
  const questionIds = new Set(QUESTIONS.map((q) => q.id))
  const splits = CONTENT_CHANGES.flatMap((change) =>
    Object.entries(change.split ?? {}).map(([retired, parts]) => ({
      version: change.version,
      retired,
      parts,
    })),
  )
  const fullAnswer = (questionId: string, contentVersion: number): ClauseAnswer => ({
    workspaceId: 'w',
    questionId,
    status: 'partly',
    note: 'Approved by the CEO, not yet by the CTO',
    evidence: ['Board minutes 2026-03', 'Risk register v4'],
    action: { what: 'Get the CTO to sign off', owner: 'Dana', due: '2026-12-01' },
    contentVersion,
    updatedAt: '2026-11-01T10:00:00.000Z',
  })

  it('split the seven merged questions of version 1 into one question per requirement', () => {
    expect(CONTENT_CHANGES.find((c) => c.version === 2)?.split).toEqual({
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
    })
  })

  it('are released in order and none is newer than the current content', () => {
    const versions = CONTENT_CHANGES.map((c) => c.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    for (const v of versions) expect(v).toBeLessThanOrEqual(CONTENT_VERSION)
  })

  it('split only into questions that exist today, and retire questions that no longer do', () => {
    expect(splits.length).toBeGreaterThan(0)
    for (const { retired, parts } of splits) {
      expect(questionIds.has(retired), retired).toBe(false)
      expect(parts.length, retired).toBeGreaterThanOrEqual(2)
      for (const id of parts) expect(questionIds.has(id), `${retired} → ${id}`).toBe(true)
    }
  })

  it('carry an answer to each retired question onto every new question, status, note, evidence and action', () => {
    for (const { version, retired, parts } of splits) {
      const old = fullAnswer(retired, version - 1)
      const migrated = migrateAnswers([old])
      expect(migrated.map((a) => a.questionId).sort(), retired).toEqual([...parts].sort())
      for (const a of migrated) {
        expect(a, `${retired} → ${a.questionId}`).toEqual({
          ...old,
          questionId: a.questionId,
          contentVersion: CONTENT_VERSION,
        })
      }
    }
  })

  it('let an answer given to a new question win over one carried forward to it', () => {
    for (const { version, retired, parts } of splits) {
      const [first, ...rest] = parts
      if (first === undefined) throw new Error(`${retired} splits into nothing`)
      const carried = fullAnswer(retired, version - 1)
      // The new answer is older than the carried one, and still wins: it was given to this question.
      const given: ClauseAnswer = {
        ...fullAnswer(first, CONTENT_VERSION),
        status: 'in-place',
        note: 'Both signed',
        updatedAt: '2026-01-01T00:00:00.000Z',
      }
      const migrated = new Map(migrateAnswers([carried, given]).map((a) => [a.questionId, a]))
      expect(migrated.get(first), first).toEqual(given)
      for (const id of rest) expect(migrated.get(id)?.status, id).toBe('partly')
    }
  })

  it('leave answers to questions that did not change as they were, now at the current version', () => {
    const kept = QUESTIONS[0]?.id ?? ''
    expect(migrateAnswers([fullAnswer(kept, 1)])).toEqual([
      { ...fullAnswer(kept, 1), contentVersion: CONTENT_VERSION },
    ])
  })
})

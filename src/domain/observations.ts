/**
 * What the workshop wrote on questions that are in place. A question not in place carries its
 * note on its gap (Gap.observation); these have no gap, so the Report screen and the reports list
 * them apart, and no note of the workshop is left out of what the client reads.
 */
import { QUESTIONS } from '@/content'
import type { ClauseId } from '@/content'
import type { Gap } from './gaps'
import type { ClauseAnswer } from './model'

export interface Observation {
  readonly questionId: string
  readonly clause: ClauseId
  /** The question. */
  readonly text: string
  /** The note, trimmed. */
  readonly note: string
}

/**
 * The notes on answers in place, in the order of the standard, but for questions that have a
 * gap all the same (an answer the records do not support): their gap carries the note.
 */
export function inPlaceObservations(
  answers: readonly ClauseAnswer[],
  gaps: readonly Pick<Gap, 'questionId'>[],
): Observation[] {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]))
  const withGap = new Set(gaps.map((g) => g.questionId))
  return QUESTIONS.flatMap((q) => {
    if (withGap.has(q.id)) return []
    const answer = byQuestion.get(q.id)
    const note = answer?.note.trim() ?? ''
    if (!answer || answer.status !== 'in-place' || note === '') return []
    return [{ questionId: q.id, clause: q.clause, text: q.text, note }]
  })
}

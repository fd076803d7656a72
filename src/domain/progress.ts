/**
 * How far the clause walkthrough has got: per sub-clause, per clause (4–10) and overall.
 */
import { CLAUSE_CHAPTERS, CLAUSE_SECTIONS, questionsFor } from '@/content'
import type { ClauseChapter, ClauseId } from '@/content'
import type { ClauseAnswer } from './model'

export interface Progress {
  readonly total: number
  readonly answered: number
  readonly inPlace: number
}

export interface WalkthroughProgress {
  readonly bySection: ReadonlyMap<ClauseId, Progress>
  readonly byChapter: ReadonlyMap<ClauseChapter, Progress>
  readonly overall: Progress
}

const add = (a: Progress, b: Progress): Progress => ({
  total: a.total + b.total,
  answered: a.answered + b.answered,
  inPlace: a.inPlace + b.inPlace,
})
const ZERO: Progress = { total: 0, answered: 0, inPlace: 0 }

/** Counts answered and in-place questions; a question is answered once it has a stored answer. */
export function walkthroughProgress(
  answers: ReadonlyMap<string, ClauseAnswer>,
): WalkthroughProgress {
  const bySection = new Map<ClauseId, Progress>()
  for (const section of CLAUSE_SECTIONS) {
    const questions = questionsFor(section.id)
    let answered = 0
    let inPlace = 0
    for (const q of questions) {
      const answer = answers.get(q.id)
      if (answer) answered++
      if (answer?.status === 'in-place') inPlace++
    }
    bySection.set(section.id, { total: questions.length, answered, inPlace })
  }
  const byChapter = new Map<ClauseChapter, Progress>()
  for (const { chapter } of CLAUSE_CHAPTERS) {
    byChapter.set(
      chapter,
      CLAUSE_SECTIONS.filter((s) => s.chapter === chapter)
        .map((s) => bySection.get(s.id) ?? ZERO)
        .reduce(add, ZERO),
    )
  }
  const overall = [...bySection.values()].reduce(add, ZERO)
  return { bySection, byChapter, overall }
}

/** Whole-number percentage, 0 when there is nothing to count. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100)
}

/**
 * An assessment in one line, for the list of assessments: how far it has got and where the
 * verdict stands, computed as the Overview computes it.
 */
import { ANNEX_A_CONTROLS, QUESTIONS } from '@/content'
import { indexAssessment, type AssessmentInput } from './assessment'
import { readinessOf, verdictBasis, type ReadinessBand } from './readiness'

export interface AssessmentSummary {
  readonly score: number
  readonly band: ReadinessBand
  readonly bandLabel: string
  /** Questions of clauses 4 to 10 with an answer, of `questions`. */
  readonly answered: number
  readonly questions: number
  /** Annex A controls decided applicable or excluded, of `controls`. */
  readonly decided: number
  readonly controls: number
  readonly risks: number
}

export function assessmentSummary(input: AssessmentInput): AssessmentSummary {
  const index = indexAssessment(input)
  const readiness = readinessOf(index, verdictBasis(index))
  const questionIds = new Set(QUESTIONS.map((q) => q.id))
  return {
    score: readiness.score,
    band: readiness.band,
    bandLabel: readiness.bandLabel,
    answered: input.answers.filter((a) => questionIds.has(a.questionId)).length,
    questions: QUESTIONS.length,
    decided: readiness.controls.total - readiness.controls.undecided,
    controls: ANNEX_A_CONTROLS.length,
    risks: input.risks?.length ?? 0,
  }
}

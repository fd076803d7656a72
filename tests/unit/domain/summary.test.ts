import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, QUESTIONS } from '@/content'
import { computeReadiness } from '@/domain/readiness'
import { assessmentSummary } from '@/domain/summary'
import { consultantAssessment } from '../../../bench/consultantWorkspace'

describe('assessmentSummary (the line each assessment gets in the list)', () => {
  it('says a new assessment has nothing answered or decided, with the verdict the Overview shows', () => {
    const input = { answers: [], decisions: [], risks: [] }
    const summary = assessmentSummary(input)
    const readiness = computeReadiness(input)
    expect(summary).toEqual({
      score: readiness.score,
      band: readiness.band,
      bandLabel: readiness.bandLabel,
      answered: 0,
      questions: QUESTIONS.length,
      decided: 0,
      controls: ANNEX_A_CONTROLS.length,
      risks: 0,
    })
  })

  it('counts every answer and decision of a worked assessment, and its risks', () => {
    const input = consultantAssessment()
    const summary = assessmentSummary(input)
    expect(summary.answered).toBe(QUESTIONS.length)
    expect(summary.decided).toBe(ANNEX_A_CONTROLS.length)
    expect(summary.risks).toBe(input.risks?.length)
    expect(summary.score).toBe(computeReadiness(input).score)
    expect(summary.score).toBeGreaterThan(0)
  })

  it('leaves out a decision still undecided and an answer to a question no longer asked', () => {
    const input = consultantAssessment()
    const [first, ...rest] = input.answers
    const decisions = input.decisions.map((d, i) =>
      i === 0 ? { ...d, applicability: 'undecided' as const } : d,
    )
    const summary = assessmentSummary({
      ...input,
      answers: [{ ...first!, questionId: 'q-retired' }, ...rest],
      decisions,
    })
    expect(summary.answered).toBe(QUESTIONS.length - 1)
    expect(summary.decided).toBe(ANNEX_A_CONTROLS.length - 1)
  })
})

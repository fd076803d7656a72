import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { AnswerStatus, ClauseAnswer, ControlDecision } from '@/domain/model'
import { applyDiff, diffStates, isEmptyDiff, type AssessmentState } from '@/domain/stateDiff'
import { consultantAssessment } from '../../../bench/consultantWorkspace'

const base = consultantAssessment()
const BASE: AssessmentState = {
  answers: base.answers,
  decisions: base.decisions,
  risks: base.risks ?? [],
}
const STATUSES: AnswerStatus[] = ['not-started', 'partly', 'in-place', 'dont-know']

/** A later state of BASE: some answers re-answered or dropped, some decisions flipped or dropped. */
const laterState = fc
  .record({
    answerEdits: fc.array(
      fc.record({
        index: fc.nat({ max: BASE.answers.length - 1 }),
        status: fc.constantFrom(...STATUSES),
        note: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        drop: fc.boolean(),
      }),
      { maxLength: 15 },
    ),
    decisionEdits: fc.array(
      fc.record({
        index: fc.nat({ max: BASE.decisions.length - 1 }),
        excluded: fc.boolean(),
        drop: fc.boolean(),
      }),
      { maxLength: 15 },
    ),
  })
  .map(({ answerEdits, decisionEdits }) => {
    const answers = new Map<string, ClauseAnswer>(BASE.answers.map((a) => [a.questionId, a]))
    for (const edit of answerEdits) {
      const a = BASE.answers[edit.index]
      if (!a) continue
      if (edit.drop) answers.delete(a.questionId)
      else
        answers.set(a.questionId, {
          ...a,
          status: edit.status,
          note: edit.note ?? a.note,
          updatedAt: '2027-01-10T09:00:00.000Z',
        })
    }
    const decisions = new Map<string, ControlDecision>(BASE.decisions.map((d) => [d.controlId, d]))
    for (const edit of decisionEdits) {
      const d = BASE.decisions[edit.index]
      if (!d) continue
      if (edit.drop) decisions.delete(d.controlId)
      else
        decisions.set(d.controlId, {
          ...d,
          applicability: edit.excluded ? 'excluded' : 'applicable',
          justification: edit.excluded ? 'No premises of our own.' : d.justification,
        })
    }
    return { ...BASE, answers: [...answers.values()], decisions: [...decisions.values()] }
  })

/** A state's records by key, without the bookkeeping fields the diff ignores. */
function comparable(state: Pick<AssessmentState, 'answers' | 'decisions'>) {
  const strip = ({ updatedAt: _u, contentVersion: _c, ...rest }: ClauseAnswer | ControlDecision) =>
    rest
  return {
    answers: new Map(state.answers.map((a) => [a.questionId, strip(a)])),
    decisions: new Map(state.decisions.map((d) => [d.controlId, strip(d)])),
  }
}

describe('diffStates (what changed between two moments of an assessment)', () => {
  it('finds nothing between a state and itself, or a copy saved again later', () => {
    expect(isEmptyDiff(diffStates(BASE, BASE))).toBe(true)
    const savedAgain = {
      ...BASE,
      answers: BASE.answers.map((a) => ({ ...a, updatedAt: '2027-02-01T00:00:00.000Z' })),
    }
    expect(isEmptyDiff(diffStates(BASE, savedAgain))).toBe(true)
  })

  it('lists exactly the answers and the decision changed, with both sides', () => {
    const [a0, a1, a2] = BASE.answers
    const d0 = BASE.decisions[0]!
    const later: AssessmentState = {
      ...BASE,
      answers: BASE.answers.map((a) =>
        a === a0 || a === a1 || a === a2
          ? { ...a, status: a.status === 'in-place' ? 'partly' : 'in-place' }
          : a,
      ),
      decisions: BASE.decisions.map((d) =>
        d === d0 ? { ...d, applicability: 'excluded', justification: 'Fully remote.' } : d,
      ),
    }
    const diff = diffStates(BASE, later)
    expect(diff.answers.map((c) => c.key)).toEqual([a0, a1, a2].map((a) => a!.questionId))
    expect(diff.answers[0]?.before?.status).toBe(a0?.status)
    expect(diff.decisions).toHaveLength(1)
    expect(diff.decisions[0]?.after?.applicability).toBe('excluded')
    expect(diff.risksAdded).toEqual([])
  })

  it('tells risks added, removed, re-rated and otherwise edited apart', () => {
    const [r0, r1, r2, ...rest] = BASE.risks
    const later: AssessmentState = {
      ...BASE,
      risks: [
        { ...r0!, likelihood: r0!.likelihood === 1 ? 2 : 1 },
        { ...r1!, owner: 'Someone else' },
        ...rest,
        { ...r2!, id: 'risk-new', title: 'A new risk' },
      ],
    }
    const diff = diffStates(BASE, later)
    expect(diff.risksRerated.map((r) => r.riskId)).toEqual([r0!.id])
    expect(diff.risksEdited.map((c) => c.key)).toEqual([r1!.id])
    expect(diff.risksAdded.map((r) => r.id)).toEqual(['risk-new'])
    expect(diff.risksRemoved.map((r) => r.id)).toEqual([r2!.id])
  })

  it('PROPERTY: applying the changes it lists to the earlier state gives the later one', () => {
    fc.assert(
      fc.property(laterState, (later) => {
        const diff = diffStates(BASE, later)
        expect(comparable(applyDiff(BASE, diff))).toEqual(comparable(later))
        expect(isEmptyDiff(diffStates(later, later))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

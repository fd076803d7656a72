import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AssessmentInput } from '@/domain/assessment'
import { rankImprovements, type Improvement } from '@/domain/improvements'
import { computeReadiness } from '@/domain/readiness'
import {
  CONTROL_IDS,
  applicable,
  fullyReady,
  makeAnswer,
  makeDecision,
  makeInput,
  makeRisk,
  midWorkspace,
  shuffledArb,
  withAnswer,
  withDecision,
  workspaceArb,
} from './builders'

/** Makes the change an improvement describes, the way a user would in the app. */
function applyImprovement(input: AssessmentInput, improvement: Improvement): AssessmentInput {
  if (improvement.kind === 'question-in-place') {
    const id = improvement.questionId ?? ''
    const current = input.answers.find((a) => a.questionId === id) ?? makeAnswer(id, 'not-started')
    return withAnswer(input, { ...current, status: 'in-place' })
  }
  const id = CONTROL_IDS.find((c) => c === improvement.reference)
  if (!id) throw new Error(`not a control: ${improvement.reference}`)
  const current = input.decisions.find((d) => d.controlId === id) ?? makeDecision(id)
  switch (improvement.kind) {
    case 'control-implemented':
      return withDecision(input, { ...current, implementationStatus: 'implemented' })
    case 'control-decide':
      return withDecision(input, {
        ...current,
        applicability: 'applicable',
        reasons: ['risk-assessment'],
        implementationStatus: 'not-implemented',
      })
    case 'control-justify':
      return withDecision(input, { ...current, justification: 'Written justification.' })
  }
}

describe('rankImprovements: worked examples', () => {
  it('suggests nothing when the workspace is complete', () => {
    expect(rankImprovements(fullyReady())).toEqual([])
  })

  it('returns five by default, as many as asked, and none for a limit of 0', () => {
    expect(rankImprovements(makeInput())).toHaveLength(5)
    expect(rankImprovements(makeInput(), 3)).toHaveLength(3)
    expect(rankImprovements(makeInput(), 0)).toEqual([])
    // Every question and every undecided control is a candidate.
    expect(rankImprovements(makeInput(), Infinity)).toHaveLength(120 + 93)
  })

  it('puts the documents that lift a blocker first, the larger gain first', () => {
    // Empty workspace: each mandatory document question lifts its blocker. Its gain is
    // 60 / 30 / (questions in its sub-clause): 7.5.1, 8.3 and 9.3.3 have 2 questions (1 point),
    // 8.2 has 3 (0.67), then 4.3 has 4 (0.5), first in content order among 4.3, 7.2, 8.1, 9.1.
    const top = rankImprovements(makeInput())
    expect(top.map((i) => i.questionId)).toEqual([
      'q-7.5.1-own-documents',
      'q-8.3-results-retained',
      'q-9.3.3-results-retained',
      'q-8.2-results-retained',
      'q-4.3-documented',
    ])
    expect(top.map((i) => i.gain.exact)).toEqual(
      [1, 1, 1, 2 / 3, 0.5].map((n) => expect.closeTo(n, 12)),
    )
    expect(top[2]?.removesBlockers.map((b) => b.kind)).toEqual(['no-management-review'])
    expect(top[0]).toMatchObject({
      id: 'question-in-place:q-7.5.1-own-documents',
      kind: 'question-in-place',
      reference: '7.5.1',
      action: 'Put the mandatory document in place: Documents you decided the ISMS needs (7.5.1 b)',
      gain: { rounded: 1 },
      scoreAfter: 1,
      bandAfter: 'not-ready',
    })
  })

  it('ranks the mid-way workspace as computed by hand', () => {
    // 4.3 is already in place there, so 7.2 (4 questions, 0.5 points) comes fifth instead.
    const top = rankImprovements(midWorkspace())
    expect(top.map((i) => i.questionId)).toEqual([
      'q-7.5.1-own-documents',
      'q-8.3-results-retained',
      'q-9.3.3-results-retained',
      'q-8.2-results-retained',
      'q-7.2-competence-records',
    ])
    // Without blockers to lift, the biggest single gain is 6.3's only question ("don't know"):
    // 60 / 30 = 2 points.
    const rest = rankImprovements(midWorkspace(), Infinity).filter(
      (i) => i.removesBlockers.length === 0,
    )
    expect(rest[0]).toMatchObject({
      questionId: 'q-6.3-planned',
      action: 'Find out whether this is in place, and put it in place if not',
    })
    expect(rest[0]?.gain.exact).toBeCloseTo(2, 12)
  })

  it('values each kind of control step by its share of the Annex A points', () => {
    const input = makeInput({
      decisions: [
        applicable('8.13', 'not-implemented'),
        applicable('8.15', 'planned'),
        makeDecision('8.16', { applicability: 'applicable' }),
      ],
    })
    const all = rankImprovements(input, Infinity)
    const gain = (id: string) => all.find((i) => i.id === id)?.gain.exact
    expect(gain('control-implemented:8.13')).toBeCloseTo(15 / 93, 12)
    expect(gain('control-implemented:8.15')).toBeCloseTo((15 * 0.75) / 93, 12)
    expect(gain('control-justify:8.16')).toBeCloseTo((25 * 0.5) / 93, 12)
    // Deciding counts as applicable and justified, nothing implemented: the SoA share only.
    expect(gain('control-decide:5.1')).toBeCloseTo(25 / 93, 12)
    expect(all.find((i) => i.id === 'control-decide:5.1')?.action).toBe(
      'Decide whether control 5.1 Policies for information security applies, and record why',
    )
    expect(all.find((i) => i.id === 'control-justify:8.16')?.action).toMatch(/is applicable$/)
  })

  it('does not ask to justify a control that a linked risk treated by modification justifies', () => {
    const input = makeInput({
      decisions: [makeDecision('8.16', { applicability: 'applicable' })],
      risks: [makeRisk('r-1', { controlIds: ['8.16'] })],
    })
    const ids = rankImprovements(input, Infinity).map((i) => i.id)
    expect(ids).toContain('control-implemented:8.16')
    expect(ids).not.toContain('control-justify:8.16')
  })

  it('shows the band a blocker-lifting step reaches', () => {
    const input = withAnswer(fullyReady(), makeAnswer('q-9.2.2-records', 'not-started'))
    expect(computeReadiness(input).band).toBe('nearly-ready')
    const [first] = rankImprovements(input)
    expect(first).toMatchObject({
      questionId: 'q-9.2.2-records',
      scoreAfter: 100,
      bandAfter: 'ready',
      removesBlockers: [{ kind: 'no-internal-audit' }],
    })
  })
})

describe('rankImprovements: properties over random workspaces', () => {
  it('reports for each step exactly the score, band and blockers that making it gives', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const before = computeReadiness(input)
        for (const improvement of rankImprovements(input, Infinity)) {
          const after = computeReadiness(applyImprovement(input, improvement))
          expect(improvement.gain.exact).toBeGreaterThan(0)
          expect(after.exact).toBeCloseTo(before.exact + improvement.gain.exact, 9)
          expect(after.score).toBe(improvement.scoreAfter)
          expect(improvement.gain.rounded).toBe(after.score - before.score)
          expect(after.band).toBe(improvement.bandAfter)
          const lifted = before.blockers.filter((b) => !after.blockers.some((a) => a.id === b.id))
          expect(improvement.removesBlockers.map((b) => b.id)).toEqual(lifted.map((b) => b.id))
        }
      }),
      { numRuns: 60 },
    )
  })

  it('ranks blocker-lifting steps first, then by gain', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const ranked = rankImprovements(input, Infinity)
        const lifts = ranked.map((i) => i.removesBlockers.length > 0)
        expect(lifts).toEqual([...lifts].sort((a, b) => Number(b) - Number(a)))
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]]
          if (a && b && lifts[i - 1] === lifts[i]) {
            expect(a.gain.exact).toBeGreaterThanOrEqual(b.gain.exact - 1e-9)
          }
        }
        expect(rankImprovements(input)).toEqual(ranked.slice(0, 5))
      }),
      { numRuns: 100 },
    )
  })

  it('is deterministic: the same records in any order give the same ranking', () => {
    fc.assert(
      fc.property(
        workspaceArb.chain((input) => fc.tuple(fc.constant(input), shuffledArb(input))),
        ([input, shuffled]) => {
          expect(rankImprovements(shuffled, Infinity)).toEqual(rankImprovements(input, Infinity))
        },
      ),
      { numRuns: 100 },
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLAUSE_SECTIONS, MANDATORY_DOCUMENTS, QUESTIONS } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import {
  READINESS_BANDS,
  SCORE_WEIGHTS,
  bandForScore,
  bandRank,
  computeReadiness,
  questionsForDocument,
  type Readiness,
} from '@/domain/readiness'
import {
  CONTROL_IDS,
  QUESTION_IDS,
  allAnswers,
  applicable,
  applyStep,
  excluded,
  fullyReady,
  linkRisk,
  makeAnswer,
  makeDecision,
  makeInput,
  makeRisk,
  midWorkspace,
  questionsOf,
  shuffledArb,
  stepArb,
  withAnswer,
  withRisk,
  withoutAnswer,
  workspaceArb,
} from './builders'

const RUNS = { numRuns: 300 }

/** The SoA and implementation credit sums, read back from the part fractions. */
const soaCredits = (r: Readiness) => r.parts.soaCompleteness.fraction * CONTROL_IDS.length
const implementationCredits = (r: Readiness) =>
  r.parts.annexAImplementation.fraction * CONTROL_IDS.length

/** Everything in place and implemented, except one question set to `status`. */
function readyExcept(questionId: string, status: 'not-started' | 'partly'): AssessmentInput {
  return withAnswer(fullyReady(), makeAnswer(questionId, status))
}

describe('computeReadiness: worked examples', () => {
  it('gives an empty workspace 0, "not ready" and every blocker', () => {
    const r = computeReadiness(makeInput())
    expect(r.score).toBe(0)
    expect(r.exact).toBe(0)
    expect(r.band).toBe('not-ready')
    expect(r.bandLabel).toBe('Not ready')
    expect(r.uncappedBand).toBe('not-ready')
    expect(r.capped).toBe(false)
    expect(r.cap?.band).toBe('partly-ready')
    expect(r.blockers.map((b) => b.document.key)).toEqual(MANDATORY_DOCUMENTS.map((d) => d.key))
    expect(r.blockers.filter((b) => b.kind !== 'missing-document')).toMatchObject([
      { kind: 'no-internal-audit', document: { key: 'audit-programme-and-results' } },
      { kind: 'no-management-review', document: { key: 'management-review-results' } },
    ])
    expect(r.controls).toEqual({
      total: 93,
      undecided: 93,
      applicable: 0,
      excluded: 0,
      justified: 0,
      implemented: 0,
    })
  })

  it('gives a workspace with everything in place, decided, justified and implemented 100 and "ready"', () => {
    const r = computeReadiness(fullyReady())
    expect(r.score).toBe(100)
    expect(r.exact).toBe(100)
    expect(r.band).toBe('ready')
    expect(r.bandLabel).toBe('Ready for Stage 1')
    expect(r.blockers).toEqual([])
    expect(r.cap).toBeNull()
    expect(r.capped).toBe(false)
    for (const part of Object.values(r.parts)) {
      expect(part.fraction).toBe(1)
      expect(part.contribution).toBe(part.weight)
    }
    expect(r.controls.implemented).toBe(93)
  })

  it('does not penalize a justified exclusion: excluded controls count as complete', () => {
    const input = makeInput({
      answers: allAnswers('in-place'),
      decisions: CONTROL_IDS.map((id) => (id.startsWith('7.') ? excluded(id) : applicable(id))),
    })
    expect(computeReadiness(input).score).toBe(100)
  })

  it('computes a mid-way workspace to the hand-computed score', () => {
    // Clauses: 4.1–4.4 all in place (4 sub-clauses at 1), 5.2's 7 questions partly (0.5),
    // 6.3's single question "don't know" (0), 9.3.2: 5 of 10 in place, 5 not started (0.5).
    // Sub-clause sum = 4 + 0.5 + 0 + 0.5 = 5, conformance 5/30, contribution 60 × 5/30 = 10.
    // Controls: 5.1–5.37 (37) applicable with a reason and implemented: SoA 37, impl 37.
    // 7.1–7.14 (14) excluded with a written justification: SoA 14, impl 14.
    // 8.1–8.10 (10) applicable with neither reason nor text, planned: SoA 10 × 0.5 = 5,
    // impl 10 × 0.25 = 2.5. The other 32 undecided: 0 and 0.
    // SoA = 25 × 56/93 = 1400/93 ≈ 15.054; implementation = 15 × 53.5/93 = 802.5/93 ≈ 8.629.
    // Total ≈ 33.683, shown as 34: "not ready".
    const input = midWorkspace()
    expect(input.answers.every((a) => QUESTION_IDS.includes(a.questionId))).toBe(true)
    expect(input.answers).toHaveLength(12 + 7 + 1 + 10)
    const r = computeReadiness(input)
    expect(r.parts.clauseConformance.fraction).toBeCloseTo(5 / 30, 12)
    expect(r.parts.clauseConformance.contribution).toBeCloseTo(10, 12)
    expect(r.parts.soaCompleteness.contribution).toBeCloseTo(1400 / 93, 12)
    expect(r.parts.annexAImplementation.contribution).toBeCloseTo(802.5 / 93, 12)
    expect(r.exact).toBeCloseTo(10 + 2202.5 / 93, 12)
    expect(r.score).toBe(34)
    expect(r.band).toBe('not-ready')
    expect(r.controls).toEqual({
      total: 93,
      undecided: 32,
      applicable: 47,
      excluded: 14,
      justified: 51,
      implemented: 37,
    })
    // 4.3's scope document is in place; the policy (5.2, only partly) and the others are not.
    expect(r.blockers.map((b) => b.document.key)).not.toContain('isms-scope')
    expect(r.blockers).toHaveLength(14)
  })

  it('caps the band at "nearly ready" when only the internal audit is missing', () => {
    // 9.2.2 has 5 questions: one partly loses 60 × (0.5/5) / 30 = 0.2 points.
    const r = computeReadiness(readyExcept('q-9.2.2-records', 'partly'))
    expect(r.exact).toBeCloseTo(99.8, 12)
    expect(r.score).toBe(100)
    expect(r.uncappedBand).toBe('ready')
    expect(r.band).toBe('nearly-ready')
    expect(r.capped).toBe(true)
    expect(r.blockers.map((b) => b.kind)).toEqual(['no-internal-audit'])
    expect(r.cap).toMatchObject({ band: 'nearly-ready', reason: 'no-audit-or-review' })
    expect(r.cap?.text).toBe(
      'The band cannot be higher than Nearly ready while no internal audit has been recorded.',
    )
  })

  it('names both the internal audit and the management review when both are missing', () => {
    const input = withAnswer(
      readyExcept('q-9.2.2-records', 'partly'),
      makeAnswer('q-9.3.3-results-retained', 'not-started'),
    )
    const r = computeReadiness(input)
    expect(r.blockers.map((b) => b.kind)).toEqual(['no-internal-audit', 'no-management-review'])
    expect(r.band).toBe('nearly-ready')
    expect(r.cap?.text).toContain('no internal audit and no management review')
  })

  it('caps the band at "partly ready" when a mandatory document is missing, whatever the number', () => {
    // 6.1.3 has 7 questions: one not started loses 60 × (1/7) / 30 ≈ 0.286 points.
    const r = computeReadiness(readyExcept('q-6.1.3-soa', 'not-started'))
    expect(r.score).toBe(100)
    expect(r.uncappedBand).toBe('ready')
    expect(r.band).toBe('partly-ready')
    expect(r.bandLabel).toBe('Partly ready')
    expect(r.blockers).toMatchObject([
      {
        id: 'blocker:soa',
        kind: 'missing-document',
        questionIds: ['q-6.1.3-soa'],
        text: 'Mandatory document missing: Statement of Applicability (6.1.3 d).',
      },
    ])
    expect(r.cap).toMatchObject({ band: 'partly-ready', reason: 'missing-documents' })
  })

  it('lets a missing document cap the band harder than a missing audit', () => {
    const input = withAnswer(
      readyExcept('q-9.2.2-records', 'partly'),
      makeAnswer('q-4.3-documented', 'partly'),
    )
    expect(computeReadiness(input).band).toBe('partly-ready')
  })

  it('counts a document as present only when its question is in place', () => {
    for (const status of ['not-started', 'dont-know', 'partly'] as const) {
      const r = computeReadiness(withAnswer(fullyReady(), makeAnswer('q-5.2-documented', status)))
      expect(r.blockers.map((b) => b.id)).toEqual(['blocker:is-policy'])
    }
    const unanswered = computeReadiness(withoutAnswer(fullyReady(), 'q-5.2-documented'))
    expect(unanswered.blockers.map((b) => b.id)).toEqual(['blocker:is-policy'])
  })
})

describe('computeReadiness: the rules of each part', () => {
  it('weighs every sub-clause the same, however many questions it has', () => {
    // 6.3 has one question, 9.3.2 has ten: each fully in place adds 60/30 = 2 points.
    const one = computeReadiness(makeInput({ answers: [makeAnswer('q-6.3-planned', 'in-place')] }))
    const ten = computeReadiness(
      makeInput({ answers: questionsOf('9.3.2').map((id) => makeAnswer(id, 'in-place')) }),
    )
    expect(questionsOf('6.3')).toEqual(['q-6.3-planned'])
    expect(questionsOf('9.3.2')).toHaveLength(10)
    expect(one.exact).toBeCloseTo(2, 12)
    expect(ten.exact).toBeCloseTo(2, 12)
  })

  it('gives a question 1 in place, 0.5 partly, and nothing not started, unknown or unanswered', () => {
    // 4.1 has two questions, so each full question is worth 60 × (1/2) / 30 = 1 point.
    const score = (status: 'not-started' | 'dont-know' | 'partly' | 'in-place') =>
      computeReadiness(makeInput({ answers: [makeAnswer('q-4.1-issues', status)] })).exact
    expect(score('in-place')).toBeCloseTo(1, 12)
    expect(score('partly')).toBeCloseTo(0.5, 12)
    expect(score('not-started')).toBe(0)
    expect(score('dont-know')).toBe(0)
  })

  it('scores a decision in the SoA: 0 undecided, 0.5 decided, 1 decided and justified', () => {
    const soa = (decision: ReturnType<typeof makeDecision>) =>
      soaCredits(computeReadiness(makeInput({ decisions: [decision] })))
    expect(soa(makeDecision('5.1'))).toBe(0)
    expect(soa(makeDecision('5.1', { justification: 'Why', reasons: ['contractual'] }))).toBe(0)
    expect(soa(makeDecision('5.1', { applicability: 'applicable' }))).toBeCloseTo(0.5, 12)
    expect(
      soa(makeDecision('5.1', { applicability: 'applicable', justification: ' \n ' })),
    ).toBeCloseTo(0.5, 12)
    expect(
      soa(makeDecision('5.1', { applicability: 'applicable', reasons: ['legal-regulatory'] })),
    ).toBeCloseTo(1, 12)
    expect(
      soa(makeDecision('5.1', { applicability: 'applicable', justification: 'GDPR' })),
    ).toBeCloseTo(1, 12)
    // An exclusion is justified only in writing: a ticked reason is not enough.
    expect(
      soa(makeDecision('7.4', { applicability: 'excluded', reasons: ['business-need'] })),
    ).toBeCloseTo(0.5, 12)
    expect(soa(excluded('7.4'))).toBeCloseTo(1, 12)
  })

  it('justifies an applicable control by a linked risk treated by modification, raising the score', () => {
    // 8.1–8.10 of the mid-way workspace are applicable with neither reason nor text (0.5 each).
    const before = computeReadiness(midWorkspace())
    const linked = withRisk(midWorkspace(), makeRisk('r-1', { controlIds: ['8.1', '8.2'] }))
    const after = computeReadiness(linked)
    expect(after.exact - before.exact).toBeCloseTo((2 * 25 * 0.5) / 93, 12)
    expect(after.controls.justified).toBe(before.controls.justified + 2)
    // Only "modify" says the control was chosen to treat the risk.
    for (const treatment of ['avoid', 'share', 'retain', null] as const) {
      const other = withRisk(midWorkspace(), makeRisk('r-1', { treatment, controlIds: ['8.1'] }))
      expect(computeReadiness(other).exact).toBe(before.exact)
    }
    // Nor does a risk justify an exclusion or decide an undecided control.
    const elsewhere = withRisk(midWorkspace(), makeRisk('r-1', { controlIds: ['7.4', '8.30'] }))
    expect(computeReadiness(elsewhere).exact).toBe(before.exact)
    const unjustifiedExclusion = makeInput({
      decisions: [makeDecision('7.4', { applicability: 'excluded' })],
      risks: [makeRisk('r-1', { controlIds: ['7.4'] })],
    })
    expect(soaCredits(computeReadiness(unjustifiedExclusion))).toBeCloseTo(0.5, 12)
  })

  it('scores implementation over all 93 controls, counting an exclusion as complete', () => {
    const impl = (decision: ReturnType<typeof makeDecision>) =>
      implementationCredits(computeReadiness(makeInput({ decisions: [decision] })))
    expect(impl(makeDecision('8.13', { implementationStatus: 'implemented' }))).toBe(0)
    expect(impl(excluded('8.13'))).toBeCloseTo(1, 12)
    expect(impl(applicable('8.13', 'not-implemented'))).toBe(0)
    expect(impl(applicable('8.13', 'planned'))).toBeCloseTo(0.25, 12)
    expect(impl(applicable('8.13', 'partly'))).toBeCloseTo(0.5, 12)
    expect(impl(applicable('8.13', 'implemented'))).toBeCloseTo(1, 12)
  })

  it('adds up to 100 with weights 60, 25 and 15', () => {
    expect(SCORE_WEIGHTS).toEqual({
      clauseConformance: 60,
      soaCompleteness: 25,
      annexAImplementation: 15,
    })
  })

  it('puts scores into bands at 40, 70 and 85', () => {
    const bands = [0, 39, 40, 69, 70, 84, 85, 100].map(bandForScore)
    expect(bands).toEqual([
      'not-ready',
      'not-ready',
      'partly-ready',
      'partly-ready',
      'nearly-ready',
      'nearly-ready',
      'ready',
      'ready',
    ])
    expect(READINESS_BANDS.map((b) => b.label)).toEqual([
      'Not ready',
      'Partly ready',
      'Nearly ready',
      'Ready for Stage 1',
    ])
  })

  it('reports progress per sub-clause and per clause for the charts', () => {
    const r = computeReadiness(
      makeInput({
        answers: [makeAnswer('q-4.1-issues', 'in-place'), makeAnswer('q-4.1-climate', 'dont-know')],
      }),
    )
    expect(r.sections).toHaveLength(30)
    expect(r.sections.map((s) => s.clause)).toEqual(CLAUSE_SECTIONS.map((s) => s.id))
    expect(r.sections[0]).toEqual({
      clause: '4.1',
      chapter: 4,
      title: 'Understanding the organization and its context',
      questions: 2,
      answered: 2,
      inPlace: 1,
      fractionAnswered: 1,
      fractionInPlace: 0.5,
      conformance: 0.5,
    })
    expect(r.chapters.map((c) => c.chapter)).toEqual([4, 5, 6, 7, 8, 9, 10])
    expect(r.chapters[0]).toMatchObject({
      chapter: 4,
      title: 'Context of the organization',
      questions: 12,
      answered: 2,
      inPlace: 1,
      fractionAnswered: 2 / 12,
      fractionInPlace: 1 / 12,
      // The average of 4.1's 0.5 and three sub-clauses at 0.
      conformance: 0.125,
    })
    expect(r.chapters.reduce((n, c) => n + c.questions, 0)).toBe(QUESTIONS.length)
  })

  it('ignores answers and decisions for ids the content does not have', () => {
    const input = makeInput({
      answers: [makeAnswer('q-retired', 'in-place')],
      decisions: [applicable('5.99')],
    })
    expect(computeReadiness(input)).toEqual(computeReadiness(makeInput()))
  })

  it('counts the most recently updated record when an id appears twice, in any order', () => {
    const older = makeAnswer('q-4.1-issues', 'in-place', { updatedAt: '2026-11-01T10:00:00.000Z' })
    const newer = makeAnswer('q-4.1-issues', 'partly', { updatedAt: '2026-11-02T10:00:00.000Z' })
    const a = computeReadiness(makeInput({ answers: [older, newer] }))
    const b = computeReadiness(makeInput({ answers: [newer, older] }))
    expect(a).toEqual(b)
    expect(a.exact).toBeCloseTo(0.5, 12)
  })

  it('relies on every mandatory document being asked for by at least one question', () => {
    for (const document of MANDATORY_DOCUMENTS) {
      expect(questionsForDocument(document.key).length, document.key).toBeGreaterThan(0)
    }
  })
})

describe('computeReadiness: properties over random workspaces', () => {
  it('always gives a whole score from 0 to 100, the rounded exact score', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const r = computeReadiness(input)
        expect(Number.isInteger(r.score)).toBe(true)
        expect(r.score).toBeGreaterThanOrEqual(0)
        expect(r.score).toBeLessThanOrEqual(100)
        expect(r.exact).toBeGreaterThanOrEqual(0)
        expect(r.exact).toBeLessThanOrEqual(100)
        expect(r.score).toBe(Math.round(r.exact))
        const sum = Object.values(r.parts).reduce((n, p) => n + p.contribution, 0)
        expect(r.exact).toBeCloseTo(sum, 9)
        expect(r.uncappedBand).toBe(bandForScore(r.score))
        expect(bandRank(r.band)).toBeLessThanOrEqual(bandRank(r.uncappedBand))
        if (r.blockers.length === 0) expect(r.band).toBe(r.uncappedBand)
        if (r.blockers.some((b) => b.kind === 'missing-document')) {
          expect(bandRank(r.band)).toBeLessThanOrEqual(bandRank('partly-ready'))
        }
        if (r.blockers.length > 0) {
          expect(bandRank(r.band)).toBeLessThanOrEqual(bandRank('nearly-ready'))
        }
      }),
      RUNS,
    )
  })

  it('never lowers the score or the band, nor adds a blocker, when one answer or decision improves', () => {
    fc.assert(
      fc.property(workspaceArb, stepArb, (input, step) => {
        const before = computeReadiness(input)
        const after = computeReadiness(applyStep(input, step))
        expect(after.exact).toBeGreaterThanOrEqual(before.exact)
        expect(after.score).toBeGreaterThanOrEqual(before.score)
        expect(bandRank(after.band)).toBeGreaterThanOrEqual(bandRank(before.band))
        expect(bandRank(after.uncappedBand)).toBeGreaterThanOrEqual(bandRank(before.uncappedBand))
        const remaining = new Set(before.blockers.map((b) => b.id))
        for (const blocker of after.blockers) expect(remaining.has(blocker.id)).toBe(true)
      }),
      RUNS,
    )
  })

  it('never lowers the score over a chain of improvements', () => {
    fc.assert(
      fc.property(workspaceArb, fc.array(stepArb, { maxLength: 20 }), (input, steps) => {
        let current = input
        let previous = computeReadiness(current)
        for (const step of steps) {
          current = applyStep(current, step)
          const next = computeReadiness(current)
          expect(next.exact).toBeGreaterThanOrEqual(previous.exact)
          expect(bandRank(next.band)).toBeGreaterThanOrEqual(bandRank(previous.band))
          previous = next
        }
      }),
      { numRuns: 100 },
    )
  })

  it('never lowers the score, the band or the justified count when a risk is linked to a control', () => {
    fc.assert(
      fc.property(
        workspaceArb,
        fc.nat(),
        fc.nat(),
        fc.option(fc.constantFrom('modify', 'avoid', 'share', 'retain'), { nil: null }),
        (input, riskAt, controlAt, treatment) => {
          const controlId = CONTROL_IDS[controlAt % CONTROL_IDS.length] ?? '5.1'
          const before = computeReadiness(input)
          // Link an existing risk, or add a new one with the link.
          const changed = [
            linkRisk(input, riskAt, controlId),
            withRisk(input, makeRisk('r-new', { treatment, controlIds: [controlId] })),
          ]
          for (const after of changed.map(computeReadiness)) {
            expect(after.exact).toBeGreaterThanOrEqual(before.exact)
            expect(bandRank(after.band)).toBeGreaterThanOrEqual(bandRank(before.band))
            expect(after.controls.justified).toBeGreaterThanOrEqual(before.controls.justified)
            expect(after.blockers).toEqual(before.blockers)
          }
        },
      ),
      RUNS,
    )
  })

  it('treats "not started", "don\'t know" and no answer alike', () => {
    fc.assert(
      fc.property(
        workspaceArb,
        fc.nat(),
        fc.constantFrom('not-started', 'dont-know', 'unanswered'),
        (input, at, to) => {
          const questionId = QUESTION_IDS[at % QUESTION_IDS.length] ?? ''
          const status = input.answers.find((a) => a.questionId === questionId)?.status
          fc.pre(status === undefined || status === 'not-started' || status === 'dont-know')
          const changed =
            to === 'unanswered'
              ? withoutAnswer(input, questionId)
              : withAnswer(input, makeAnswer(questionId, to))
          const a = computeReadiness(input)
          const b = computeReadiness(changed)
          expect(b.exact).toBe(a.exact)
          expect(b.band).toBe(a.band)
          expect(b.blockers).toEqual(a.blockers)
        },
      ),
      RUNS,
    )
  })

  it('is deterministic: the same records in any order give the same result', () => {
    fc.assert(
      fc.property(
        workspaceArb.chain((input) => fc.tuple(fc.constant(input), shuffledArb(input))),
        ([input, shuffled]) => {
          const r = computeReadiness(input)
          expect(computeReadiness(input)).toEqual(r)
          expect(computeReadiness(shuffled)).toEqual(r)
        },
      ),
      RUNS,
    )
  })
})

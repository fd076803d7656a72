import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLAUSE_SECTIONS, MANDATORY_DOCUMENTS, NON_EXCLUDABLE_CONTROLS, QUESTIONS } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import {
  IMPLEMENTATION_FLOOR,
  READINESS_BANDS,
  RECORD_BACKED_QUESTIONS,
  SCORE_WEIGHTS,
  bandForScore,
  bandRank,
  computeReadiness,
  questionsForDocument,
  recordBlockers,
  sectionWeight,
  type BlockerKind,
} from '@/domain/readiness'
import {
  CONTROL_IDS,
  QUESTION_IDS,
  SCOPE_STATEMENT,
  allAnswers,
  applicable,
  applyStep,
  excluded,
  fullyReady,
  makeAnswer,
  makeDecision,
  makeInput,
  makeRisk,
  midWorkspace,
  questionsOf,
  shuffledArb,
  stepArb,
  withAnswer,
  withDecision,
  withoutAnswer,
  workspaceArb,
} from './builders'

/** Property tests run hundreds of workspaces: a loaded CI machine needs more than 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 }

const RUNS = { numRuns: 300 }

const blockerKinds = (input: AssessmentInput) => computeReadiness(input).blockers.map((b) => b.kind)

/** Everything recorded and in place, except the answers to `questionIds` set to `status`. */
function readyExcept(
  questionIds: readonly string[],
  status: 'not-started' | 'partly',
): AssessmentInput {
  return questionIds.reduce((input, id) => withAnswer(input, makeAnswer(id, status)), fullyReady())
}

const documentQuestions = (key: (typeof MANDATORY_DOCUMENTS)[number]['key']) =>
  questionsForDocument(key).map((q) => q.id)

describe('computeReadiness: worked examples', () => {
  it('gives an empty workspace 0, "not ready" and the foundation blockers first', () => {
    const r = computeReadiness(makeInput())
    expect(r.score).toBe(0)
    expect(r.exact).toBe(0)
    expect(r.band).toBe('not-ready')
    expect(r.bandLabel).toBe('Not ready')
    expect(r.capped).toBe(false)
    expect(r.cap?.band).toBe('not-ready')
    expect(r.blockers.slice(0, 3).map((b) => b.kind)).toEqual([
      'scope',
      'policy',
      'risk-assessment',
    ])
    expect(r.blockers.map((b) => b.cap)).toEqual(
      [...r.blockers.map((b) => b.cap)].sort((a, b) => bandRank(a) - bandRank(b)),
    )
    // Every mandatory document stands behind some blocker.
    const documents = new Set(r.blockers.flatMap((b) => b.documents.map((d) => d.key)))
    expect([...documents].sort()).toEqual(MANDATORY_DOCUMENTS.map((d) => d.key).sort())
    expect(r.controls).toEqual({
      total: 93,
      undecided: 93,
      applicable: 0,
      excluded: 0,
      justified: 0,
      implemented: 0,
    })
  })

  it('gives a fully evidenced workspace 100, "ready" and no blocker or finding', () => {
    const r = computeReadiness(fullyReady())
    expect(r.score).toBe(100)
    expect(r.exact).toBeCloseTo(100, 12)
    expect(r.band).toBe('ready')
    expect(r.bandLabel).toBe('Ready for Stage 1')
    expect(r.blockers).toEqual([])
    expect(r.findings).toEqual([])
    expect(r.cap).toBeNull()
    expect(r.floor.met).toBe(true)
    for (const part of Object.values(r.parts)) expect(part.fraction).toBeCloseTo(1, 12)
    expect(r.controls.implemented).toBe(93)
  })

  it('computes a mid-way workspace to the hand-computed score', () => {
    // Clauses (45 points; weights 4.1 2, 4.2 2, 4.3 3, 4.4 2, 5.2 3, 6.3 1, 9.3.2 1, total 56):
    // 4.1, 4.2 and 4.4 in place (1 each); 4.3 in place but no scope statement is recorded, so
    // its documented-scope question counts 0 (today 3 of 4 = 0.75); 5.2 partly (0.5); 6.3 "don't
    // know" (0); 9.3.2 five questions in place, the others not started (today 5 of 10 = 0.5).
    // Weighted sum today 2 + 2 + 2.25 + 2 + 1.5 + 0 + 0.5 = 10.25. The shares of 4.3 and 9.3.2
    // are read from the content, so a question added there keeps this example true.
    const in43 = questionsOf('4.3').length
    const in932 = questionsOf('9.3.2').length
    const clauses = 2 + 2 + 3 * ((in43 - 1) / in43) + 2 + 3 * 0.5 + 0 + 5 / in932
    // Risk register (15): empty, 0.
    // SoA (15): 5.x 37 justified, 7.x 14 excluded in words, 8.1–8.10 applicable without a
    // reason (0.5 each): 56 of 93.
    // Implementation (25): the 14 exclusions are left out, 79 count: 37 implemented + 10
    // planned × 0.25 = 39.5 of 79 = 0.5.
    const exact = (45 * clauses) / 56 + (15 * 56) / 93 + 12.5
    const r = computeReadiness(midWorkspace())
    expect(r.parts.clauseConformance.contribution).toBeCloseTo((45 * clauses) / 56, 12)
    expect(r.parts.riskRegister.contribution).toBe(0)
    expect(r.parts.soaCompleteness.contribution).toBeCloseTo((15 * 56) / 93, 12)
    expect(r.parts.annexAImplementation.contribution).toBeCloseTo(12.5, 12)
    expect(r.exact).toBeCloseTo(exact, 12)
    expect(r.score).toBe(Math.round(exact)) // 30 with today's content
    expect(r.band).toBe('not-ready')
    expect(r.findings.map((f) => f.id)).toEqual(['contradiction:scope-statement'])
  })

  it('ignores answers and decisions for ids the content does not have', () => {
    const input = makeInput({
      answers: [makeAnswer('q-retired', 'in-place')],
      decisions: [applicable('5.99')],
    })
    expect(computeReadiness(input)).toEqual(computeReadiness(makeInput()))
  })

  it('counts the most recently updated record when an id appears twice, in any order', () => {
    const older = makeAnswer('q-4.4-system', 'in-place', { updatedAt: '2026-11-01T10:00:00.000Z' })
    const newer = makeAnswer('q-4.4-system', 'partly', { updatedAt: '2026-11-02T10:00:00.000Z' })
    const a = computeReadiness(makeInput({ answers: [older, newer] }))
    const b = computeReadiness(makeInput({ answers: [newer, older] }))
    expect(a).toEqual(b)
    const count = questionsOf('4.4').length
    expect(a.exact).toBeCloseTo((45 * 2 * (0.5 / count)) / 56, 12)
  })
})

describe('computeReadiness: weights', () => {
  it('adds the four parts up to 100', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100)
  })

  it('weighs the sub-clauses Stage 1 hinges on more than supporting ones', () => {
    for (const core of ['4.3', '5.2', '6.1.2', '6.1.3', '6.2'] as const) {
      expect(sectionWeight(core)).toBeGreaterThan(sectionWeight('4.1'))
      expect(sectionWeight(core)).toBeGreaterThan(sectionWeight('7.4'))
    }
    const total = (prefix: string) =>
      CLAUSE_SECTIONS.filter((s) => s.id.startsWith(prefix)).reduce(
        (sum, s) => sum + sectionWeight(s.id),
        0,
      )
    expect(total('9.2')).toBe(sectionWeight('4.3'))
    expect(total('9.3')).toBe(sectionWeight('4.3'))
  })

  it('counts the climate question as a quarter of 4.1, not half of it', () => {
    const r = computeReadiness(makeInput({ answers: [makeAnswer('q-4.1-issues', 'in-place')] }))
    // Every other question of 4.1 weighs 1 (today there is one other: 1 of 1.25).
    const others = questionsOf('4.1').length - 1
    expect(r.sections.find((s) => s.clause === '4.1')?.conformance).toBeCloseTo(
      1 / (others + 0.25),
      12,
    )
  })

  it('puts scores into bands at 40, 70 and 85', () => {
    expect([0, 39, 40, 69, 70, 84, 85, 100].map(bandForScore)).toEqual([
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
})

describe('computeReadiness: records over declarations', () => {
  it('knows every record-backed question in the content', () => {
    const ids = new Set(QUESTION_IDS)
    for (const id of Object.keys(RECORD_BACKED_QUESTIONS)) expect(ids.has(id), id).toBe(true)
  })

  it('lets an incomplete SoA count the SoA answer only as partly in place', () => {
    const input = CONTROL_IDS.slice(0, 12).reduce(
      (acc, id) => withDecision(acc, makeDecision(id)),
      fullyReady(),
    )
    const r = computeReadiness(input)
    const finding = r.findings.find((f) => f.id === 'contradiction:soa-rows')
    expect(finding).toMatchObject({
      answers: [{ questionId: 'q-6.1.3-soa', clause: '6.1.3', declared: 'in-place' }],
      counted: 'partly',
    })
    expect(finding?.text).toBe(
      'The answer to 6.1.3 says in place, but 12 of the 93 controls are still undecided. The records decide: it counts as partly in place until the two agree.',
    )
    expect(r.blockers.map((b) => b.kind)).toContain('soa')
  })

  it('counts "risk assessment results exist" as nothing while the register is empty', () => {
    const r = computeReadiness({ ...fullyReady(), risks: [] })
    const empty = r.findings.find((f) => f.id === 'contradiction:risks-identified')
    expect(empty?.answers.map((a) => a.questionId)).toEqual([
      'q-6.1.2-identification',
      'q-6.1.2-analysis',
      'q-8.2-results-retained',
    ])
    // One finding per record, naming every answer it contradicts.
    expect(empty?.text).toBe(
      'The answers to 6.1.2 (2 questions) and 8.2 say in place, but the risk register of this assessment is empty. The records decide: they count as not in place until the two agree.',
    )
    expect(new Set(r.findings.map((f) => f.id)).size).toBe(r.findings.length)
    expect(r.parts.riskRegister.fraction).toBe(0)
    expect(r.band).toBe('not-ready')
  })

  it('reads the scope from the workspace: an answer alone never lifts the scope blocker', () => {
    const withoutScope = { ...fullyReady(), workspace: { scopeStatement: '  ' } }
    expect(blockerKinds(withoutScope)).toEqual(['scope'])
    const placeholder = { ...fullyReady(), workspace: { scopeStatement: 'n/a' } }
    expect(blockerKinds(placeholder)).toEqual(['scope'])
    const recordedOnly = withAnswer(fullyReady(), makeAnswer('q-4.3-documented', 'not-started'))
    expect(blockerKinds(recordedOnly)).toEqual(['scope'])
  })

  it('needs every risk owned, treated and accepted for the treatment plan', () => {
    const cases = [
      makeRisk('r-9', { owner: '' }),
      makeRisk('r-9', { treatment: null }),
      makeRisk('r-9', { treatment: 'modify', controlIds: [] }),
      makeRisk('r-9', { acceptedBy: '' }),
      makeRisk('r-9', { acceptedOn: null }),
    ]
    for (const risk of cases) {
      const input = { ...fullyReady(), risks: [...(fullyReady().risks ?? []), risk] }
      expect(blockerKinds(input), JSON.stringify(risk)).toContain('treatment-plan')
      expect(computeReadiness(input).band).not.toBe('ready')
    }
  })
})

describe('computeReadiness: exclusions are neutral', PROPERTY_TIMEOUT, () => {
  it('leaves a control excluded in words out of the implementation part', () => {
    const input = CONTROL_IDS.filter((id) => id.startsWith('7.')).reduce(
      (acc, id) => withDecision(acc, excluded(id)),
      fullyReady(),
    )
    const r = computeReadiness(input)
    expect(r.parts.annexAImplementation.fraction).toBe(1)
    expect(r.score).toBe(100)
  })

  it('never scores an exclusion that is not defensible above keeping the control applicable and not implemented', () => {
    const weak = ['n/a', '-', 'Not applicable to us', 'We simply do not need this control here.']
    fc.assert(
      fc.property(workspaceArb, fc.nat(), fc.constantFrom(...weak), (input, at, text) => {
        const id = CONTROL_IDS[at % CONTROL_IDS.length] ?? '5.1'
        const nonExcludable = NON_EXCLUDABLE_CONTROLS.some((c) => c.id === id)
        fc.pre(nonExcludable || text !== weak[3])
        const exclusion = computeReadiness(withDecision(input, excluded(id, text)))
        const honest = computeReadiness(withDecision(input, applicable(id, 'not-implemented')))
        expect(exclusion.exact).toBeLessThanOrEqual(honest.exact + 1e-9)
        expect(bandRank(exclusion.band)).toBeLessThanOrEqual(bandRank(honest.band))
      }),
      RUNS,
    )
  })

  it('keeps the band below Ready, with a finding, when a control no organization can exclude is excluded', () => {
    for (const { id } of NON_EXCLUDABLE_CONTROLS) {
      const r = computeReadiness(
        withDecision(fullyReady(), excluded(id, 'We decided it is out of our scope entirely.')),
      )
      expect(r.band, id).not.toBe('ready')
      expect(r.findings.map((f) => f.id)).toContain(`indefensible-exclusion:${id}`)
    }
  })
})

describe('computeReadiness: blockers and their caps', () => {
  const cases: readonly [string, () => AssessmentInput, BlockerKind, string][] = [
    [
      'no policy',
      () => readyExcept(documentQuestions('is-policy'), 'partly'),
      'policy',
      'not-ready',
    ],
    [
      'no objectives',
      () => readyExcept(documentQuestions('is-objectives'), 'partly'),
      'objectives',
      'partly-ready',
    ],
    [
      'no management review',
      () => readyExcept(documentQuestions('management-review-results'), 'partly'),
      'management-review',
      'partly-ready',
    ],
    [
      'monitoring results only partly kept',
      () => readyExcept(documentQuestions('monitoring-results'), 'partly'),
      'missing-document',
      'nearly-ready',
    ],
    [
      'communication (7.4) not started at all',
      () => readyExcept(questionsOf('7.4'), 'not-started'),
      'requirements-not-addressed',
      'nearly-ready',
    ],
    [
      'leadership (5.1) not started at all',
      () => readyExcept(questionsOf('5.1'), 'not-started'),
      'requirements-not-addressed',
      'partly-ready',
    ],
  ]
  it.each(cases)('%s: one blocker, and the band it caps at', (_, input, kind, band) => {
    const r = computeReadiness(input())
    expect(r.blockers.map((b) => b.kind)).toEqual([kind])
    expect(r.band).toBe(band)
    expect(r.cap?.text).toContain(r.blockers[0]?.title ?? '?')
  })

  it(`needs ${IMPLEMENTATION_FLOOR * 100}% of the controls that apply at least partly implemented for Ready`, () => {
    const atFloor = Math.ceil(CONTROL_IDS.length * IMPLEMENTATION_FLOOR)
    // The risks of fullyReady() rely on 5.1 and 8.13: they stay implemented throughout.
    const others = CONTROL_IDS.filter((id) => id !== '5.1' && id !== '8.13')
    const planned = (running: number) =>
      others
        .slice(running - 2)
        .reduce((acc, id) => withDecision(acc, applicable(id, 'planned')), fullyReady())
    expect(computeReadiness(planned(atFloor)).floor.met).toBe(true)
    expect(computeReadiness(planned(atFloor - 1)).floor.met).toBe(false)
    expect(blockerKinds(planned(atFloor - 1))).toEqual(['implementation-floor'])
  })
})

describe('computeReadiness: progress for the charts', () => {
  it('reports progress per sub-clause and per clause, weighted as the score is', () => {
    const r = computeReadiness(
      makeInput({
        answers: [makeAnswer('q-4.1-issues', 'in-place'), makeAnswer('q-4.1-climate', 'dont-know')],
      }),
    )
    // The other questions of 4.1 weigh 1 each, the climate question 0.25 (today 1 of 1.25).
    const in41 = questionsOf('4.1').length
    const conformance = 1 / (in41 - 1 + 0.25)
    expect(r.sections.map((s) => s.clause)).toEqual(CLAUSE_SECTIONS.map((s) => s.id))
    expect(r.sections[0]).toMatchObject({
      clause: '4.1',
      questions: in41,
      answered: 2,
      inPlace: 1,
      conformance: expect.closeTo(conformance, 12),
      weight: 2,
    })
    const chapterWeight = CLAUSE_SECTIONS.filter((s) => s.chapter === 4).reduce(
      (sum, s) => sum + sectionWeight(s.id),
      0,
    )
    expect(r.chapters[0]?.conformance).toBeCloseTo((2 * conformance) / chapterWeight, 12)
    expect(r.chapters.reduce((n, c) => n + c.questions, 0)).toBe(QUESTIONS.length)
  })
})

describe('computeReadiness: properties over random workspaces', PROPERTY_TIMEOUT, () => {
  it('always gives a whole score from 0 to 100, the rounded sum of the parts', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const r = computeReadiness(input)
        expect(r.score).toBe(Math.round(r.exact))
        expect(r.exact).toBeGreaterThanOrEqual(0)
        expect(r.exact).toBeLessThanOrEqual(100 + 1e-9)
        const sum = Object.values(r.parts).reduce((n, p) => n + p.contribution, 0)
        expect(r.exact).toBeCloseTo(sum, 9)
        expect(r.uncappedBand).toBe(bandForScore(r.score))
        expect(bandRank(r.band)).toBeLessThanOrEqual(bandRank(r.uncappedBand))
        for (const blocker of r.blockers) {
          expect(bandRank(r.band)).toBeLessThanOrEqual(bandRank(blocker.cap))
        }
        if (r.band === 'ready') {
          expect(r.blockers).toEqual([])
          expect(r.floor.met).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('never lowers the score or the band, nor adds a blocker, when one record improves', () => {
    fc.assert(
      fc.property(workspaceArb, stepArb, (input, step) => {
        const before = computeReadiness(input)
        const after = computeReadiness(applyStep(input, step))
        expect(after.exact).toBeGreaterThanOrEqual(before.exact - 1e-9)
        expect(after.score).toBeGreaterThanOrEqual(before.score)
        expect(bandRank(after.band)).toBeGreaterThanOrEqual(bandRank(before.band))
        const remaining = new Set(before.blockers.map((b) => b.id))
        for (const blocker of after.blockers) expect(remaining.has(blocker.id)).toBe(true)
      }),
      { numRuns: 1000 },
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
          expect(next.exact).toBeGreaterThanOrEqual(previous.exact - 1e-9)
          expect(bandRank(next.band)).toBeGreaterThanOrEqual(bandRank(previous.band))
          previous = next
        }
      }),
      { numRuns: 100 },
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
          expect(b.blockers.map((x) => x.id)).toEqual(a.blockers.map((x) => x.id))
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

  it('relies on every mandatory document being asked for by at least one question', () => {
    for (const document of MANDATORY_DOCUMENTS) {
      expect(questionsForDocument(document.key).length, document.key).toBeGreaterThan(0)
    }
    expect(SCOPE_STATEMENT.length).toBeGreaterThan(20)
    expect(allAnswers('in-place')).toHaveLength(QUESTIONS.length)
  })
})

describe('computeReadiness: where a blocker sends the user', () => {
  it('points at the records while they are incomplete, then at the open question', () => {
    const scopeOf = (input: AssessmentInput) =>
      computeReadiness(input).blockers.find((b) => b.kind === 'scope')?.link
    expect(scopeOf({ ...fullyReady(), workspace: { scopeStatement: '' } })).toEqual({
      to: 'overview',
    })
    expect(scopeOf(withAnswer(fullyReady(), makeAnswer('q-4.3-documented', 'partly')))).toEqual({
      to: 'clauses',
      clause: '4.3',
    })
    const risksOf = (input: AssessmentInput) =>
      computeReadiness(input).blockers.find((b) => b.kind === 'risk-assessment')?.link
    expect(risksOf({ ...fullyReady(), risks: [] })).toEqual({ to: 'risks' })
    expect(
      risksOf(withAnswer(fullyReady(), makeAnswer('q-6.1.2-documented', 'not-started'))),
    ).toEqual({ to: 'clauses', clause: '6.1.2' })
  })
})

describe('recordBlockers', () => {
  it('names the binding blockers only the records can lift', () => {
    const kindsOf = (input: AssessmentInput) =>
      recordBlockers(computeReadiness(input).blockers).map((b) => b.kind)
    expect(kindsOf({ ...fullyReady(), risks: [] })).toEqual(['risk-assessment'])
    expect(kindsOf({ ...fullyReady(), risks: [], workspace: { scopeStatement: '' } })).toEqual([
      'scope',
      'risk-assessment',
    ])
    // A policy question open holds the band lower than the register: answer it first.
    const policy = withAnswer(
      { ...fullyReady(), risks: [] },
      makeAnswer('q-5.2-documented', 'partly'),
    )
    expect(kindsOf(policy)).toEqual(['risk-assessment'])
    expect(kindsOf(withAnswer(fullyReady(), makeAnswer('q-5.2-documented', 'partly')))).toEqual([])
    expect(kindsOf(fullyReady())).toEqual([])
  })
})

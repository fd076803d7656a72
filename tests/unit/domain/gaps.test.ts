import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, QUESTIONS, controlById, type ControlId } from '@/content'
import { buildGaps, type Gap, type GapSeverity } from '@/domain/gaps'
import { computeReadiness } from '@/domain/readiness'
import { findTraceBreaks } from '@/domain/traceability'
import {
  CONTROL_IDS,
  applicable,
  excluded,
  fullyReady,
  makeAnswer,
  makeDecision,
  makeInput,
  makeRisk,
  shuffledArb,
  withAnswer,
  withDecision,
  withRisk,
  workspaceArb,
} from './builders'

/** Property tests run hundreds of workspaces: a loaded CI machine needs more than 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 }

const SEVERITY_ORDER: readonly GapSeverity[] = ['blocker', 'high', 'medium', 'low']

const question = (id: string) => {
  const q = QUESTIONS.find((x) => x.id === id)
  if (!q) throw new Error(`no question ${id}`)
  return q
}
const control = (id: ControlId) => {
  const c = controlById(id)
  if (!c) throw new Error(`no control ${id}`)
  return c
}

/** The gaps of a workspace that is complete except for the given records. */
function gapsWith(...changes: Parameters<typeof withAnswer>[1][]): Gap[] {
  return buildGaps(changes.reduce(withAnswer, fullyReady()))
}
/**
 * Leaves out the answers "in place" that the records contradict (tested on their own below):
 * an unfinished control makes the SoA answer of a complete workspace one of them.
 */
const withoutContradictions = (gaps: readonly Gap[]) =>
  gaps.filter((g) => g.kind !== 'clause-question' || g.status !== 'in-place')

function gapsWithDecision(decision: Parameters<typeof withDecision>[1]): Gap[] {
  return withoutContradictions(buildGaps(withDecision(fullyReady(), decision)))
}

/**
 * Position of a gap's subject in content: questions in order, then controls in catalog order,
 * then traceability breaks in the order findTraceBreaks gives (`breakIds`).
 */
function contentPosition(gap: Gap, breakIds: readonly string[] = []): number {
  if (gap.kind === 'traceability') {
    return QUESTIONS.length + ANNEX_A_CONTROLS.length + breakIds.indexOf(gap.id)
  }
  if (gap.questionId !== null) return QUESTIONS.findIndex((q) => q.id === gap.questionId)
  return QUESTIONS.length + ANNEX_A_CONTROLS.findIndex((c) => c.id === gap.reference)
}

describe('buildGaps: what is a gap', () => {
  it('finds no gaps when everything is in place, decided, justified and implemented', () => {
    expect(buildGaps(fullyReady())).toEqual([])
  })

  it('lists every question and every undecided control of an empty workspace', () => {
    const gaps = buildGaps(makeInput())
    expect(gaps).toHaveLength(QUESTIONS.length + CONTROL_IDS.length)
    expect(gaps.filter((g) => g.kind === 'clause-question')).toHaveLength(QUESTIONS.length)
    expect(gaps.filter((g) => g.kind === 'control-undecided')).toHaveLength(93)
    expect(gaps.every((g) => g.status === 'unanswered' || g.status === 'undecided')).toBe(true)
  })

  it('puts the missing mandatory documents first, then high, then medium', () => {
    const gaps = buildGaps(makeInput())
    const askingForDocuments = QUESTIONS.filter((q) => q.documents.length > 0)
    const documents = gaps.slice(0, askingForDocuments.length)
    expect(documents.every((g) => g.isMandatoryDocument && g.severity === 'blocker')).toBe(true)
    expect(documents.map((g) => g.questionId)).toEqual(askingForDocuments.map((q) => q.id))
    expect(gaps[askingForDocuments.length]).toMatchObject({
      questionId: QUESTIONS.find((q) => q.documents.length === 0)?.id,
      severity: 'high',
    })
    expect(gaps.at(-1)).toMatchObject({ reference: '8.34', kind: 'control-undecided' })
  })

  it('rates a question by its status, and a mandatory document as a blocker whatever its status', () => {
    const gaps = gapsWith(
      makeAnswer('q-4.1-issues', 'not-started'),
      makeAnswer('q-4.1-climate', 'dont-know'),
      makeAnswer('q-4.2-parties', 'partly'),
      makeAnswer('q-4.3-documented', 'partly'),
    )
    expect(gaps.map((g) => [g.questionId, g.status, g.severity])).toEqual([
      ['q-4.3-documented', 'partly', 'blocker'],
      ['q-4.1-issues', 'not-started', 'high'],
      ['q-4.1-climate', 'dont-know', 'medium'],
      ['q-4.2-parties', 'partly', 'medium'],
    ])
    expect(gaps[0]).toMatchObject({
      id: 'clause-question:q-4.3-documented',
      kind: 'clause-question',
      reference: '4.3',
      title: 'Determining the scope of the information security management system',
      text: question('q-4.3-documented').text,
      statusLabel: 'Partly',
      isMandatoryDocument: true,
      documents: [{ key: 'isms-scope', clauseRef: '4.3' }],
    })
    expect(gaps[1]?.isMandatoryDocument).toBe(false)
    expect(gaps[1]?.documents).toEqual([])
  })

  it('rates an applicable control by its implementation status', () => {
    const rate = (status: 'not-implemented' | 'planned' | 'partly' | 'implemented') =>
      gapsWithDecision(applicable('8.13', status)).map((g) => [g.kind, g.status, g.severity])
    expect(rate('not-implemented')).toEqual([['control-implementation', 'not-implemented', 'high']])
    expect(rate('planned')).toEqual([['control-implementation', 'planned', 'medium']])
    expect(rate('partly')).toEqual([['control-implementation', 'partly', 'medium']])
    expect(rate('implemented')).toEqual([])
  })

  it('lists undecided controls and decisions without a justification as SoA gaps', () => {
    expect(gapsWithDecision(makeDecision('5.23'))).toMatchObject([
      {
        id: 'control-undecided:5.23',
        kind: 'control-undecided',
        reference: '5.23',
        title: control('5.23').title,
        text: control('5.23').intent,
        status: 'undecided',
        severity: 'medium',
        questionId: null,
      },
    ])
    expect(gapsWithDecision(excluded('7.4'))).toEqual([])
    expect(
      gapsWithDecision(
        makeDecision('7.4', { applicability: 'excluded', reasons: ['contractual'] }),
      ),
    ).toMatchObject([{ kind: 'control-unjustified', status: 'unjustified', severity: 'low' }])
    // Applicable, neither reason nor text, not implemented: two gaps, implementation first.
    expect(
      gapsWithDecision(applicable('8.16', 'not-implemented', { reasons: [] })).map((g) => g.id),
    ).toEqual(['control-implementation:8.16', 'control-unjustified:8.16'])
    // A justification of a word or two is no justification.
    const weak = gapsWithDecision(excluded('7.4', 'n/a'))
    expect(weak.map((g) => g.id)).toEqual(['control-unjustified:7.4'])
    expect(weak[0]?.nextStep).toMatch(/^Say why this control does not apply: "n\/a"/)
  })

  it('reports an exclusion no organization can defend as a high gap', () => {
    const gaps = gapsWithDecision(excluded('8.13', 'Our cloud provider handles all of it.'))
    expect(gaps.map((g) => [g.id, g.severity, g.statusLabel])).toEqual([
      ['indefensible-exclusion:8.13', 'high', 'Excluded, cannot be defended'],
      ['traceability:excluded-but-linked:8.13', 'high', 'Excluded but linked to a risk'],
    ])
    expect(gaps[0]?.nextStep).toMatch(/^Decide that this control applies/)
  })

  it('lists an answer the records contradict, with what the records lack', () => {
    const gaps = buildGaps(withDecision(fullyReady(), makeDecision('5.23')))
    expect(gaps[0]).toMatchObject({
      id: 'clause-question:q-6.1.3-soa',
      status: 'in-place',
      statusLabel: 'In place, not supported by the records',
      severity: 'blocker',
    })
    expect(gaps[0]?.nextStep).toMatch(/1 of the 93 controls is still undecided/)
  })

  it('does not ask to implement an excluded or undecided control', () => {
    const gaps = gapsWithDecision(makeDecision('7.4', { implementationStatus: 'not-implemented' }))
    expect(gaps.map((g) => g.kind)).toEqual(['control-undecided'])
  })
})

describe('buildGaps: the risk register and traceability', () => {
  it('finds no gaps in a complete workspace with a clean risk chain', () => {
    expect(buildGaps(withRisk(fullyReady(), makeRisk('r-1')))).toEqual([])
  })

  it('counts a linked risk treated by modification as the reason an applicable control applies', () => {
    const unjustified = withDecision(
      fullyReady(),
      applicable('8.16', 'implemented', { reasons: [] }),
    )
    const ids = (input: typeof unjustified) =>
      withoutContradictions(buildGaps(input)).map((g) => g.id)
    expect(ids(unjustified)).toEqual(['control-unjustified:8.16'])
    const linked = withRisk(unjustified, makeRisk('r-4', { controlIds: ['8.16'] }))
    expect(buildGaps(linked)).toEqual([])
    // A risk retained or shared does not say why a control applies.
    const retained = withRisk(
      unjustified,
      makeRisk('r-4', { treatment: 'retain', controlIds: ['8.16'], likelihood: 1, impact: 2 }),
    )
    expect(ids(retained)).toEqual(['control-unjustified:8.16'])
  })

  it('lists each break of the chain as a traceability gap, with its severity and next step', () => {
    const input = [
      applicable('8.1', 'implemented', { evidence: [], owner: 'Ben' }),
      excluded('7.4'),
    ].reduce(
      withDecision,
      [
        makeRisk('r-1', { controlIds: [], owner: ' ' }),
        makeRisk('r-2', { treatment: 'retain', controlIds: ['7.4'], acceptedOn: null }),
      ].reduce(withRisk, fullyReady()),
    )
    const gaps = buildGaps(input).filter((g) => g.kind === 'traceability')
    expect(gaps.map((g) => [g.id, g.severity, g.status])).toEqual([
      ['traceability:excluded-but-linked:7.4', 'high', 'excluded-but-linked'],
      ['traceability:modify-without-control:r-1', 'high', 'modify-without-control'],
      ['traceability:implemented-without-evidence:8.1', 'medium', 'implemented-without-evidence'],
      ['traceability:risk-without-owner:r-1', 'medium', 'risk-without-owner'],
      ['traceability:risk-without-acceptance:r-2', 'medium', 'risk-without-acceptance'],
    ])
    expect(gaps.every((g) => g.kind === 'traceability' && !g.isMandatoryDocument)).toBe(true)
    expect(gaps[1]).toMatchObject({
      reference: 'r-1',
      riskId: 'r-1',
      questionId: null,
      title: 'Risk r-1',
      statusLabel: 'Modify without a control',
      owner: null,
      documents: [],
      plannedAction: null,
      due: null,
    })
    expect(gaps[1]?.text).toMatch(/^The risk "Risk r-1" is to be modified/)
    expect(gaps[1]?.nextStep).toMatch(/^Link the controls that reduce this risk/)
    expect(gaps[2]).toMatchObject({ reference: '8.1', riskId: null, owner: 'Ben' })
    expect(gaps[4]).toMatchObject({ owner: 'Ana', statusLabel: 'Residual risk not accepted' })
  })

  it('reports an applicable control without a reason once, as an unjustified decision', () => {
    const gaps = withoutContradictions(
      buildGaps(withDecision(fullyReady(), applicable('5.2', 'implemented', { reasons: [] }))),
    )
    expect(gaps.map((g) => g.id)).toEqual(['control-unjustified:5.2'])
    expect(gaps[0]?.nextStep).toMatch(/link the risks it treats/)
  })

  it('puts traceability gaps after mandatory documents, by severity like the others', () => {
    const input = withRisk(
      withAnswer(fullyReady(), makeAnswer('q-4.3-documented', 'partly')),
      makeRisk('r-1', { controlIds: [] }),
    )
    const withControlGap = withDecision(input, applicable('8.13', 'planned'))
    expect(withoutContradictions(buildGaps(withControlGap)).map((g) => g.id)).toEqual([
      'clause-question:q-4.3-documented',
      'traceability:modify-without-control:r-1',
      'control-implementation:8.13',
    ])
  })
})

describe('buildGaps: next step, owner and due date', () => {
  it('writes a next step that fits the status', () => {
    const q = question('q-4.1-issues')
    const step = (status: 'not-started' | 'dont-know' | 'partly') =>
      gapsWith(makeAnswer(q.id, status))[0]?.nextStep ?? ''
    expect(step('not-started')).toContain(q.evidence[0])
    expect(step('not-started')).toMatch(/^Decide who puts this in place/)
    expect(step('dont-know')).toMatch(/^Find out who in the organization knows/)
    expect(step('partly')).toMatch(/^Finish what is missing/)
    const unanswered = buildGaps(makeInput()).find((g) => g.questionId === q.id)
    expect(unanswered?.nextStep).toMatch(/^Not answered yet/)
    expect(unanswered?.statusLabel).toBe('Not answered')
  })

  it('names the mandatory document in the next step of a document gap', () => {
    const gap = gapsWith(makeAnswer('q-6.1.3-soa', 'not-started'))[0]
    expect(gap?.nextStep).toMatch(
      /^Mandatory documented information: Statement of Applicability \(6\.1\.3 d\)\. /,
    )
  })

  it('points a control gap at the evidence an auditor samples, or at the decision to make', () => {
    const c = control('8.13')
    expect(gapsWithDecision(applicable('8.13', 'not-implemented'))[0]?.nextStep).toContain(
      c.evidence[0],
    )
    expect(gapsWithDecision(applicable('8.13', 'planned'))[0]?.nextStep).toMatch(
      /^Carry out the plan/,
    )
    const undecided = gapsWithDecision(makeDecision('7.4'))[0]?.nextStep ?? ''
    expect(undecided).toMatch(/^Decide whether this control applies/)
    const reason = control('7.4').exclusionReasons[0]
    if (reason) expect(undecided).toContain(reason)
    expect(
      gapsWithDecision(makeDecision('7.4', { applicability: 'excluded' }))[0]?.nextStep,
    ).toMatch(/^Write why this control is excluded/)
  })

  it("takes owner, due date and planned action from the user's action or the decision owner", () => {
    const [gap] = gapsWith(
      makeAnswer('q-4.1-issues', 'partly', {
        action: { what: ' Run the context workshop ', owner: ' Ana ', due: '2027-01-31' },
      }),
    )
    expect(gap).toMatchObject({
      plannedAction: 'Run the context workshop',
      owner: 'Ana',
      due: '2027-01-31',
    })
    const [blank] = gapsWith(makeAnswer('q-4.1-issues', 'partly'))
    expect(blank).toMatchObject({ plannedAction: null, owner: null, due: null })
    const [controlGap] = gapsWithDecision(applicable('8.13', 'planned', { owner: 'Ben' }))
    expect(controlGap).toMatchObject({ owner: 'Ben', due: null, plannedAction: null })
  })
})

describe('buildGaps: properties over random workspaces', PROPERTY_TIMEOUT, () => {
  it('sorts mandatory documents first, then by severity, then in content order', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const gaps = buildGaps(input)
        const breakIds = findTraceBreaks(input).map((b) => `traceability:${b.id}`)
        for (let i = 1; i < gaps.length; i++) {
          const a = gaps[i - 1]
          const b = gaps[i]
          if (!a || !b) continue
          const key = (g: Gap) => [
            g.isMandatoryDocument ? 0 : 1,
            SEVERITY_ORDER.indexOf(g.severity),
            contentPosition(g, breakIds),
          ]
          const [ka, kb] = [key(a), key(b)]
          const cmp = ka.findIndex((v, j) => v !== kb[j])
          if (cmp >= 0) expect(ka[cmp]).toBeLessThan(kb[cmp] ?? 0)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('has unique ids and a gap for every question not in place and every unfinished control', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const gaps = buildGaps(input)
        expect(new Set(gaps.map((g) => g.id)).size).toBe(gaps.length)
        const answers = new Map(input.answers.map((a) => [a.questionId, a.status]))
        const notInPlace = QUESTIONS.filter((q) => answers.get(q.id) !== 'in-place')
        const contradicted = computeReadiness(input)
          .findings.flatMap((f) => f.answers)
          .filter((a) => a.declared === 'in-place')
        expect(gaps.filter((g) => g.kind === 'clause-question')).toHaveLength(
          notInPlace.length + contradicted.length,
        )
        const decisions = new Map(input.decisions.map((d) => [d.controlId, d]))
        const unimplemented = CONTROL_IDS.filter((id) => {
          const d = decisions.get(id)
          return d?.applicability === 'applicable' && d.implementationStatus !== 'implemented'
        })
        const implementation = gaps.filter((g) => g.kind === 'control-implementation')
        expect(new Set(implementation.map((g) => g.reference))).toEqual(new Set(unimplemented))
        for (const gap of gaps) expect(gap.nextStep.length).toBeGreaterThan(20)
      }),
      { numRuns: 100 },
    )
  })

  it('is deterministic: the same records in any order give the same gaps', () => {
    fc.assert(
      fc.property(
        workspaceArb.chain((input) => fc.tuple(fc.constant(input), shuffledArb(input))),
        ([input, shuffled]) => {
          const gaps = buildGaps(input)
          expect(buildGaps(input)).toEqual(gaps)
          expect(buildGaps(shuffled)).toEqual(gaps)
        },
      ),
      { numRuns: 100 },
    )
  })
})

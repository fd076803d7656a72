import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { controlById, type ControlId } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import {
  TRACE_BREAK_LABELS,
  findTraceBreaks,
  traceControls,
  type TraceBreakKind,
} from '@/domain/traceability'
import {
  CONTROL_IDS,
  applicable,
  excluded,
  makeDecision,
  makeInput,
  makeRisk,
  shuffledArb,
  withDecision,
  withRisk,
  workspaceArb,
} from './builders'

const title = (id: ControlId) => controlById(id)?.title ?? ''

/** Property tests run hundreds of workspaces: a loaded CI machine needs more than 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 }

/**
 * A clean chain: risk r-1 is treated by modification with control 8.13, which is applicable,
 * implemented and evidenced; its owner accepted the residual risk. Control 7.4 is excluded in
 * writing and no risk links to it.
 */
function cleanChain(): AssessmentInput {
  return makeInput({
    decisions: [applicable('8.13', 'implemented', { reasons: [] }), excluded('7.4')],
    risks: [makeRisk('r-1', { title: 'Lost backups', controlIds: ['8.13'] })],
  })
}

const kinds = (input: AssessmentInput) => findTraceBreaks(input).map((b) => [b.kind, b.reference])

describe('findTraceBreaks: each break', () => {
  it('finds no break in a clean chain, nor in an empty workspace', () => {
    expect(findTraceBreaks(cleanChain())).toEqual([])
    expect(findTraceBreaks(makeInput())).toEqual([])
  })

  it('finds an applicable control with no reason, no justification and no risk it treats', () => {
    const input = withDecision(cleanChain(), applicable('5.15', 'planned', { reasons: [] }))
    expect(findTraceBreaks(input)).toEqual([
      {
        id: 'applicable-without-reason:5.15',
        kind: 'applicable-without-reason',
        subject: 'control',
        reference: '5.15',
        title: title('5.15'),
        text: `Control 5.15 ${title('5.15')} is applicable, but nothing says why: no reason is ticked, no justification is written and no risk it treats is linked to it.`,
        nextStep:
          'Link the risks this control treats (with the treatment "Modify"), or tick a reason or write a short justification, so its SoA row says why it applies (6.1.3 d).',
        owner: null,
      },
    ])
    // A ticked reason, a justification or a linked risk treated by modification each mend it.
    const mended = [
      withDecision(input, applicable('5.15', 'planned', { reasons: ['contractual'] })),
      withDecision(
        input,
        applicable('5.15', 'planned', { reasons: [], justification: 'Required by the GDPR.' }),
      ),
      withRisk(input, makeRisk('r-2', { controlIds: ['5.15'] })),
    ]
    for (const fixed of mended) expect(findTraceBreaks(fixed)).toEqual([])
    // A risk with another treatment does not say why the control applies.
    expect(
      kinds(withRisk(input, makeRisk('r-2', { treatment: 'share', controlIds: ['5.15'] }))),
    ).toEqual([['applicable-without-reason', '5.15']])
  })

  it('finds a risk to be modified with no control linked', () => {
    const input = withRisk(cleanChain(), makeRisk('r-2', { title: ' Phishing ', controlIds: [] }))
    expect(findTraceBreaks(input)).toMatchObject([
      {
        id: 'modify-without-control:r-2',
        kind: 'modify-without-control',
        subject: 'risk',
        reference: 'r-2',
        title: 'Phishing',
        text: 'The risk "Phishing" is to be modified, but no Annex A control is linked to carry out the treatment.',
        owner: 'Ana',
      },
    ])
    expect(findTraceBreaks(input)[0]?.nextStep).toMatch(/^Link the controls that reduce this risk/)
    // Other treatments need no control.
    for (const treatment of ['avoid', 'share', 'retain'] as const) {
      expect(
        findTraceBreaks(withRisk(input, makeRisk('r-2', { treatment, controlIds: [] }))),
      ).toEqual([])
    }
  })

  it('finds a risk with no owner, whatever its treatment', () => {
    const input = withRisk(
      cleanChain(),
      makeRisk('r-2', { title: '', owner: '  ', treatment: 'retain', controlIds: [] }),
    )
    expect(findTraceBreaks(input)).toMatchObject([
      {
        id: 'risk-without-owner:r-2',
        kind: 'risk-without-owner',
        reference: 'r-2',
        title: 'Untitled risk',
        text: 'The risk "Untitled risk" has no owner: nobody is accountable for managing it.',
        owner: null,
      },
    ])
  })

  it('finds a treated risk whose residual risk nobody has accepted, by name and date', () => {
    const accepted = (acceptedBy: string, acceptedOn: string | null) =>
      findTraceBreaks(
        withRisk(cleanChain(), makeRisk('r-1', { acceptedBy, acceptedOn, controlIds: ['8.13'] })),
      )
    expect(accepted('', null)).toMatchObject([
      {
        id: 'risk-without-acceptance:r-1',
        kind: 'risk-without-acceptance',
        text: 'The residual risk of "Risk r-1" has not been accepted: nobody is named as accepting it and there is no date.',
      },
    ])
    expect(accepted(' ', '2026-11-01')[0]?.text).toMatch(/nobody is named as accepting it\.$/)
    expect(accepted('Ana', null)[0]?.text).toMatch(/the date it was accepted is missing\.$/)
    expect(accepted('Ana', null)[0]?.nextStep).toContain('(6.1.3 f)')
    // Until a treatment is decided there is nothing to accept yet: the missing treatment is
    // the break.
    const undecided = withRisk(
      cleanChain(),
      makeRisk('r-2', { treatment: null, acceptedBy: '', acceptedOn: null, controlIds: [] }),
    )
    expect(kinds(undecided)).toEqual([['risk-without-treatment', 'r-2']])
  })

  it('finds a risk with no treatment decided, and says so louder above the threshold', () => {
    const breakOf = (likelihood: number, impact: number) =>
      findTraceBreaks(
        withRisk(cleanChain(), makeRisk('r-2', { treatment: null, likelihood, impact })),
      )[0]
    expect(breakOf(5, 5)?.text).toBe(
      'The risk "Risk r-2" is rated 25, above the acceptance threshold of 4, and no treatment is decided: the plan leaves it open.',
    )
    expect(breakOf(1, 2)?.text).toBe('No treatment is decided for the risk "Risk r-2".')
  })

  it('finds a risk accepted above the acceptance criteria', () => {
    const input = withRisk(
      cleanChain(),
      makeRisk('r-2', { residualLikelihood: 3, residualImpact: 3, controlIds: ['8.13'] }),
    )
    expect(kinds(input)).toEqual([['accepted-above-criteria', 'r-2']])
    const unrated = withRisk(
      cleanChain(),
      makeRisk('r-3', { treatment: 'retain', residualLikelihood: null, residualImpact: null }),
    )
    // Without a residual rating, the risk was accepted at its inherent level (3 × 4).
    expect(findTraceBreaks(unrated)[0]?.text).toContain('accepted at level 12')
  })

  it('finds an applicable control marked implemented with no evidence', () => {
    const input = withDecision(
      cleanChain(),
      applicable('8.13', 'implemented', { reasons: [], evidence: [' ', ''], owner: ' Ben ' }),
    )
    expect(findTraceBreaks(input)).toMatchObject([
      {
        id: 'implemented-without-evidence:8.13',
        kind: 'implemented-without-evidence',
        subject: 'control',
        reference: '8.13',
        title: title('8.13'),
        text: `Control 8.13 ${title('8.13')} is marked implemented, but no evidence is recorded to show that it runs.`,
        owner: 'Ben',
      },
    ])
    expect(findTraceBreaks(input)[0]?.nextStep).toMatch(/^Add a reference to the evidence/)
    // Not implemented yet, or not applicable: nothing to prove.
    const planned = applicable('8.13', 'partly', { reasons: [], evidence: [] })
    expect(findTraceBreaks(withDecision(cleanChain(), planned))).toEqual([])
    const excludedImplemented = makeDecision('7.4', {
      applicability: 'excluded',
      justification: 'No premises.',
      implementationStatus: 'implemented',
    })
    expect(findTraceBreaks(withDecision(cleanChain(), excludedImplemented))).toEqual([])
  })

  it('finds an excluded control that a risk links to, naming the risks', () => {
    const one = withRisk(
      cleanChain(),
      makeRisk('r-2', { title: 'Break-in', treatment: 'retain', controlIds: ['7.4'] }),
    )
    expect(findTraceBreaks(one)).toMatchObject([
      {
        id: 'excluded-but-linked:7.4',
        kind: 'excluded-but-linked',
        reference: '7.4',
        text: `Control 7.4 ${title('7.4')} is excluded, but the risk "Break-in" is linked to it. The SoA and the risk treatment contradict each other.`,
      },
    ])
    const many = ['a', 'b', 'c', 'd', 'e'].reduce(
      (input, id) =>
        withRisk(input, makeRisk(id, { title: `Risk ${id}`, controlIds: ['8.13', '7.4'] })),
      cleanChain(),
    )
    expect(findTraceBreaks(many)[0]?.text).toContain(
      '5 risks are linked to it: "Risk a", "Risk b", "Risk c" and 2 more.',
    )
  })
})

describe('findTraceBreaks: order and stability', PROPERTY_TIMEOUT, () => {
  it('lists controls in catalog order, then risks oldest first, then by id', () => {
    const input = makeInput({
      decisions: [
        applicable('8.1', 'implemented', { reasons: [], evidence: [] }),
        applicable('5.2', 'planned', { reasons: [] }),
        excluded('7.4'),
      ],
      risks: [
        makeRisk('z', { createdAt: '2026-10-01T00:00:00.000Z', owner: '', controlIds: ['7.4'] }),
        makeRisk('b', {
          createdAt: '2026-11-02T00:00:00.000Z',
          treatment: 'modify',
          controlIds: [],
        }),
        makeRisk('a', { createdAt: '2026-11-02T00:00:00.000Z', owner: '', acceptedOn: null }),
      ],
    })
    expect(findTraceBreaks(input).map((b) => b.id)).toEqual([
      'applicable-without-reason:5.2',
      'excluded-but-linked:7.4',
      'applicable-without-reason:8.1',
      'implemented-without-evidence:8.1',
      'risk-without-owner:z',
      'risk-without-owner:a',
      'risk-without-acceptance:a',
      'modify-without-control:b',
    ])
  })

  it('has a label for every kind, and unique ids with text and a next step', () => {
    const all: TraceBreakKind[] = [
      'applicable-without-reason',
      'modify-without-control',
      'risk-without-owner',
      'risk-without-acceptance',
      'implemented-without-evidence',
      'excluded-but-linked',
      'risk-without-treatment',
      'accepted-above-criteria',
    ]
    expect(Object.keys(TRACE_BREAK_LABELS).sort()).toEqual([...all].sort())
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const breaks = findTraceBreaks(input)
        expect(new Set(breaks.map((b) => b.id)).size).toBe(breaks.length)
        for (const b of breaks) {
          expect(b.id).toBe(`${b.kind}:${b.reference}`)
          expect(b.text.length).toBeGreaterThan(30)
          expect(b.nextStep.length).toBeGreaterThan(30)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('is deterministic: the same records in any order give the same breaks', () => {
    fc.assert(
      fc.property(
        workspaceArb.chain((input) => fc.tuple(fc.constant(input), shuffledArb(input))),
        ([input, shuffled]) => {
          expect(findTraceBreaks(shuffled)).toEqual(findTraceBreaks(input))
          expect(traceControls(shuffled)).toEqual(traceControls(input))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('counts the most recently updated record of a risk id that appears twice', () => {
    const older = makeRisk('r-1', { owner: '', updatedAt: '2026-10-01T00:00:00.000Z' })
    const newer = makeRisk('r-1', { owner: 'Ana', controlIds: ['8.13'] })
    const input = makeInput({ decisions: cleanChain().decisions, risks: [newer, older] })
    expect(findTraceBreaks(input)).toEqual([])
  })
})

describe('traceControls', () => {
  it('has one row per control in catalog order, with the linked risks and the SoA row', () => {
    const input = withRisk(
      cleanChain(),
      makeRisk('r-0', {
        title: ' Old risk ',
        treatment: null,
        controlIds: ['8.13', '8.13'],
        createdAt: '2026-01-01T00:00:00.000Z',
      }),
    )
    const rows = traceControls(input)
    expect(rows.map((r) => r.controlId)).toEqual(CONTROL_IDS)
    expect(rows.find((r) => r.controlId === '8.13')).toEqual({
      controlId: '8.13',
      title: title('8.13'),
      theme: 'Technological',
      risks: [
        { id: 'r-0', title: 'Old risk', treatment: null },
        { id: 'r-1', title: 'Lost backups', treatment: 'modify' },
      ],
      applicability: 'applicable',
      reasons: ['risk-assessment'],
      derivedReasons: ['risk-assessment'],
      justification: '',
      implementationStatus: 'implemented',
      owner: '',
      evidence: ['Records of 8.13 in the ISMS folder'],
    })
    expect(rows.find((r) => r.controlId === '7.4')).toMatchObject({
      risks: [],
      applicability: 'excluded',
      reasons: [],
      implementationStatus: null,
    })
    expect(rows.find((r) => r.controlId === '5.1')).toMatchObject({
      applicability: 'undecided',
      risks: [],
      reasons: [],
    })
  })
})

/**
 * Small builders for results tests: answers, decisions, risks and whole workspaces over the real
 * content ids, plus the improvement order the score must respect.
 */
import fc from 'fast-check'
import { ANNEX_A_CONTROLS, CONTENT_VERSION, QUESTIONS, type ControlId } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import { applyDecisionChange, applyRiskChange, type Improvement } from '@/domain/improvements'
import { isAboveThreshold } from '@/domain/records'
import { DEFAULT_RISK_CRITERIA } from '@/domain/risk'
import type {
  AnswerStatus,
  ClauseAnswer,
  ControlDecision,
  ImplementationStatus,
  JustificationReason,
  Risk,
  TreatmentOption,
} from '@/domain/model'

export const WS = 'ws-results'
export const T0 = '2026-11-01T10:00:00.000Z'

export const QUESTION_IDS = QUESTIONS.map((q) => q.id)
export const CONTROL_IDS: readonly ControlId[] = ANNEX_A_CONTROLS.map((c) => c.id)

export function makeAnswer(
  questionId: string,
  status: AnswerStatus,
  overrides: Partial<ClauseAnswer> = {},
): ClauseAnswer {
  return {
    workspaceId: WS,
    questionId,
    status,
    note: '',
    evidence: [],
    action: null,
    contentVersion: CONTENT_VERSION,
    updatedAt: T0,
    ...overrides,
  }
}

/** A decision; undecided with nothing filled in unless overridden. */
export function makeDecision(
  controlId: ControlId,
  overrides: Partial<ControlDecision> = {},
): ControlDecision {
  return {
    workspaceId: WS,
    controlId,
    applicability: 'undecided',
    provider: 'in-house',
    supplierName: '',
    reasons: [],
    justification: '',
    implementationStatus: 'not-implemented',
    owner: '',
    evidence: [],
    contentVersion: CONTENT_VERSION,
    updatedAt: T0,
    ...overrides,
  }
}

/**
 * Applicable, justified by the risk assessment, at the given implementation status, with an
 * evidence reference (so "implemented" is not a traceability break).
 */
export function applicable(
  controlId: ControlId,
  implementationStatus: ImplementationStatus = 'implemented',
  overrides: Partial<ControlDecision> = {},
): ControlDecision {
  return makeDecision(controlId, {
    applicability: 'applicable',
    reasons: ['risk-assessment'],
    implementationStatus,
    evidence: [`Records of ${controlId} in the ISMS folder`],
    ...overrides,
  })
}

/** Excluded with a written justification. */
export function excluded(
  controlId: ControlId,
  justification = 'Fully remote organization with no premises of its own.',
): ControlDecision {
  return makeDecision(controlId, { applicability: 'excluded', justification })
}

/**
 * A risk with a clean chain unless overridden: owned, treated by modification with control 5.1,
 * its residual risk rated and accepted.
 */
export function makeRisk(id: string, overrides: Partial<Risk> = {}): Risk {
  return {
    id,
    workspaceId: WS,
    title: `Risk ${id}`,
    asset: 'Customer database',
    threat: 'Theft',
    vulnerability: 'Unencrypted laptops',
    likelihood: 3,
    impact: 4,
    treatment: 'modify',
    controlIds: ['5.1'],
    owner: 'Ana',
    residualLikelihood: 2,
    residualImpact: 2,
    acceptedBy: 'Ana',
    acceptedOn: '2026-11-01',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  }
}

export function makeInput({
  answers = [],
  decisions = [],
  risks = [],
  workspace,
}: Partial<AssessmentInput> = {}): AssessmentInput {
  return workspace ? { answers, decisions, risks, workspace } : { answers, decisions, risks }
}

/** A scope statement that says what the ISMS covers. */
export const SCOPE_STATEMENT =
  'The design, development and operation of the Acme invoicing platform, with its people and offices.'

/** Every question answered with `status`. */
export function allAnswers(status: AnswerStatus): ClauseAnswer[] {
  return QUESTION_IDS.map((id) => makeAnswer(id, status))
}

/**
 * Everything in place and recorded: every answer, a scope statement, all 93 controls applicable,
 * justified and implemented with evidence, and a register of three risks each owned, treated,
 * rated after treatment and accepted (two above the acceptance threshold, treated by 5.1 and
 * 8.13).
 */
export function fullyReady(): AssessmentInput {
  return makeInput({
    answers: allAnswers('in-place'),
    decisions: CONTROL_IDS.map((id) => applicable(id)),
    risks: [
      makeRisk('r-1'),
      makeRisk('r-2', { controlIds: ['8.13'], likelihood: 2, impact: 5 }),
      makeRisk('r-3', { treatment: 'retain', controlIds: [], likelihood: 1, impact: 2 }),
    ],
    workspace: { scopeStatement: SCOPE_STATEMENT },
  })
}

/** Replaces (or adds) the answer to one question. */
export function withAnswer(input: AssessmentInput, answer: ClauseAnswer): AssessmentInput {
  return {
    ...input,
    answers: [...input.answers.filter((a) => a.questionId !== answer.questionId), answer],
  }
}

/** Replaces (or adds) the decision on one control. */
export function withDecision(input: AssessmentInput, decision: ControlDecision): AssessmentInput {
  return {
    ...input,
    decisions: [...input.decisions.filter((d) => d.controlId !== decision.controlId), decision],
  }
}

/** Replaces (or adds) one risk. */
export function withRisk(input: AssessmentInput, risk: Risk): AssessmentInput {
  return { ...input, risks: [...(input.risks ?? []).filter((r) => r.id !== risk.id), risk] }
}

export function withoutAnswer(input: AssessmentInput, questionId: string): AssessmentInput {
  return { ...input, answers: input.answers.filter((a) => a.questionId !== questionId) }
}

export function questionsOf(clause: string): string[] {
  return QUESTIONS.filter((q) => q.clause === clause).map((q) => q.id)
}

export function controlsFrom(theme: 5 | 6 | 7 | 8): ControlId[] {
  return CONTROL_IDS.filter((id) => id.startsWith(`${theme}.`))
}

/** The mid-way workspace of the hand-computed example (see readiness.test.ts for the arithmetic). */
export function midWorkspace(): AssessmentInput {
  const inPlace = ['4.1', '4.2', '4.3', '4.4'].flatMap(questionsOf)
  const review = questionsOf('9.3.2')
  return makeInput({
    answers: [
      ...inPlace.map((id) => makeAnswer(id, 'in-place')),
      ...questionsOf('5.2').map((id) => makeAnswer(id, 'partly')),
      makeAnswer('q-6.3-planned', 'dont-know'),
      ...review.slice(0, 5).map((id) => makeAnswer(id, 'in-place')),
      ...review.slice(5).map((id) => makeAnswer(id, 'not-started')),
    ],
    decisions: [
      ...controlsFrom(5).map((id) => applicable(id, 'implemented')),
      ...controlsFrom(7).map((id) => excluded(id)),
      ...controlsFrom(8)
        .slice(0, 10)
        .map((id) => applicable(id, 'planned', { reasons: [] })),
    ],
  })
}

// The improvement order the score and band must respect, stated once for every test.

/** Answer level: no answer, "not started" and "don't know" are all 0. */
export const ANSWER_LEVEL: Record<AnswerStatus | 'unanswered', number> = {
  unanswered: 0,
  'not-started': 0,
  'dont-know': 0,
  partly: 1,
  'in-place': 2,
}

export const IMPLEMENTATION_LEVEL: Record<ImplementationStatus, number> = {
  'not-implemented': 0,
  planned: 1,
  partly: 2,
  implemented: 3,
}

export const ANSWER_STATUSES: readonly AnswerStatus[] = [
  'not-started',
  'dont-know',
  'partly',
  'in-place',
]
export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = [
  'not-implemented',
  'planned',
  'partly',
  'implemented',
]
export const REASONS: readonly JustificationReason[] = [
  'risk-assessment',
  'legal-regulatory',
  'contractual',
  'business-need',
]

// Random workspaces over the real content ids.

const answerArb = fc.record({
  status: fc.constantFrom(...ANSWER_STATUSES),
  action: fc.option(
    fc.record({
      what: fc.constantFrom('', 'Draft it'),
      owner: fc.constantFrom('', ' ', 'Ana'),
      due: fc.constantFrom(null, '2027-01-31'),
    }),
  ),
})

const decisionArb = fc.record({
  applicability: fc.constantFrom('undecided', 'applicable', 'excluded', 'applicable'),
  reasons: fc.subarray([...REASONS]),
  justification: fc.constantFrom('', '   ', 'n/a', 'Required by our customer contracts.'),
  implementationStatus: fc.constantFrom(...IMPLEMENTATION_STATUSES),
  provider: fc.constantFrom('in-house', 'supplier'),
  supplierName: fc.constantFrom('', 'CloudCo'),
  owner: fc.constantFrom('', 'Ben'),
  evidence: fc.constantFrom([], ['https://wiki.example/backup']),
} satisfies { [K in keyof ControlDecision]?: fc.Arbitrary<ControlDecision[K]> })

export const TREATMENTS: readonly TreatmentOption[] = ['modify', 'avoid', 'share', 'retain']

const level = fc.integer({ min: 1, max: 5 })
const riskArb = fc.record({
  likelihood: level,
  impact: level,
  treatment: fc.option(fc.constantFrom(...TREATMENTS), { nil: null }),
  controlIds: fc.subarray([...CONTROL_IDS], { maxLength: 4 }),
  owner: fc.constantFrom('', 'Ana'),
  residualLikelihood: fc.option(level, { nil: null }),
  residualImpact: fc.option(level, { nil: null }),
  acceptedBy: fc.constantFrom('', 'Ana'),
  acceptedOn: fc.constantFrom(null, '2026-11-01'),
  createdAt: fc.constantFrom(T0, '2026-10-01T10:00:00.000Z'),
} satisfies { [K in keyof Risk]?: fc.Arbitrary<Risk[K]> })

/** Decided, justified and implemented: applicable with a reason, or excluded in writing. */
const goodDecisionArb = decisionArb.chain((d) =>
  fc
    .constantFrom<Partial<ControlDecision>>(
      { ...d, applicability: 'applicable', reasons: ['risk-assessment'] },
      { ...d, applicability: 'excluded', justification: 'No premises of our own.' },
    )
    .map((good) => ({ ...good, implementationStatus: 'implemented' as const })),
)

/** No record, a random one, or a good one with weight `maturity` (in place, or decided well). */
function skewed<T>(
  good: fc.Arbitrary<T>,
  random: fc.Arbitrary<T>,
  [maturity, emptiness]: readonly [number, number],
) {
  return fc.oneof(
    { arbitrary: fc.constant(null), weight: emptiness },
    { arbitrary: random, weight: 2 },
    { arbitrary: good, weight: maturity },
  )
}

/**
 * A random workspace over the real content ids: each question and control may or may not have
 * a record, with random statuses, reasons and texts. A per-workspace maturity skews it from
 * mostly empty to almost complete, so every band and every blocker situation occurs.
 */
export const workspaceArb: fc.Arbitrary<AssessmentInput> = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 30 }))
  .chain((skew) =>
    fc.tuple(
      fc.array(
        skewed(
          answerArb.map((a) => ({ ...a, status: 'in-place' as const })),
          answerArb,
          skew,
        ),
        { minLength: QUESTION_IDS.length, maxLength: QUESTION_IDS.length },
      ),
      fc.array(skewed<Partial<ControlDecision>>(goodDecisionArb, decisionArb, skew), {
        minLength: CONTROL_IDS.length,
        maxLength: CONTROL_IDS.length,
      }),
      fc.array(riskArb, { maxLength: 8 }),
      fc.constantFrom('', 'n/a', SCOPE_STATEMENT),
    ),
  )
  .map(([answers, decisions, risks, scopeStatement]) =>
    makeInput({
      workspace: { scopeStatement },
      answers: answers.flatMap((a, i) =>
        a && QUESTION_IDS[i] ? [makeAnswer(QUESTION_IDS[i], a.status, { action: a.action })] : [],
      ),
      decisions: decisions.flatMap((d, i) =>
        d && CONTROL_IDS[i] ? [makeDecision(CONTROL_IDS[i], d)] : [],
      ),
      risks: risks.map((r, i) => makeRisk(`r-${i}`, r)),
    }),
  )

/**
 * One improvement step, chosen by position so it always applies to any workspace. Each kind
 * moves exactly one answer or decision one or more steps up the improvement order.
 */
export type ImprovementStep =
  | { readonly kind: 'raise-answer'; readonly at: number; readonly to: number }
  | { readonly kind: 'decide'; readonly at: number; readonly to: 'applicable' | 'excluded' }
  | { readonly kind: 'add-reason'; readonly at: number; readonly reason: number }
  | { readonly kind: 'add-justification'; readonly at: number }
  | { readonly kind: 'raise-implementation'; readonly at: number; readonly to: number }
  | { readonly kind: 'link-risk'; readonly at: number; readonly risk: number }
  | { readonly kind: 'record-scope' }
  | {
      readonly kind: 'improve-risk'
      readonly risk: number
      readonly part: 'owner' | 'treatment' | 'residual' | 'acceptance'
      readonly treatment: TreatmentOption
    }

export const stepArb: fc.Arbitrary<ImprovementStep> = fc.oneof(
  fc.record({ kind: fc.constant('raise-answer'), at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('decide'),
    at: fc.nat(),
    to: fc.constantFrom('applicable', 'excluded'),
  }),
  fc.record({ kind: fc.constant('add-reason'), at: fc.nat(), reason: fc.nat() }),
  fc.record({ kind: fc.constant('add-justification'), at: fc.nat() }),
  fc.record({ kind: fc.constant('raise-implementation'), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('link-risk'), at: fc.nat(), risk: fc.nat() }),
  fc.record({ kind: fc.constant('record-scope') }),
  fc.record({
    kind: fc.constant('improve-risk'),
    risk: fc.nat(),
    part: fc.constantFrom('owner', 'treatment', 'residual', 'acceptance'),
    treatment: fc.constantFrom(...TREATMENTS),
  }),
)

const pick = <T>(list: readonly T[], at: number): T => {
  const item = list[at % list.length]
  if (item === undefined) throw new Error('empty list')
  return item
}

/**
 * Links a risk (chosen by position) to a control; a workspace without risks is left as it is.
 */
export function linkRisk(input: AssessmentInput, riskAt: number, controlId: ControlId) {
  const risks = input.risks ?? []
  if (risks.length === 0) return input
  const risk = pick(risks, riskAt)
  if (risk.controlIds.includes(controlId)) return input
  return withRisk(input, { ...risk, controlIds: [...risk.controlIds, controlId] })
}

/**
 * Whether linking the risk to the control is an improvement: it is, unless the risk is rated
 * above the acceptance threshold and the control is not excluded and not yet at least partly
 * implemented (the link then reveals a significant risk left without a working control).
 */
function linkImproves(input: AssessmentInput, riskAt: number, controlId: ControlId): boolean {
  const risks = input.risks ?? []
  if (risks.length === 0) return true
  const risk = pick(risks, riskAt)
  if (!isAboveThreshold(risk, input.workspace?.riskCriteria ?? DEFAULT_RISK_CRITERIA)) return true
  const decision = input.decisions.find((d) => d.controlId === controlId)
  if (decision?.applicability === 'excluded') return true
  return (
    decision?.applicability === 'applicable' &&
    (decision.implementationStatus === 'partly' || decision.implementationStatus === 'implemented')
  )
}

function improveRisk(
  input: AssessmentInput,
  step: Extract<ImprovementStep, { kind: 'improve-risk' }>,
): AssessmentInput {
  const risks = input.risks ?? []
  if (risks.length === 0) return input
  const risk = pick(risks, step.risk)
  switch (step.part) {
    case 'owner':
      return risk.owner.trim() ? input : withRisk(input, { ...risk, owner: 'Ana' })
    case 'treatment':
      return risk.treatment ? input : withRisk(input, { ...risk, treatment: step.treatment })
    case 'residual':
      return risk.residualLikelihood !== null && risk.residualImpact !== null
        ? input
        : withRisk(input, { ...risk, residualLikelihood: 2, residualImpact: 2 })
    case 'acceptance':
      return withRisk(input, {
        ...risk,
        acceptedBy: risk.acceptedBy.trim() || 'Ana',
        acceptedOn: risk.acceptedOn ?? '2026-11-20',
      })
  }
}

/** Applies one improvement step: the result is never worse in the improvement order. */
export function applyStep(input: AssessmentInput, step: ImprovementStep): AssessmentInput {
  if (step.kind === 'link-risk') {
    const controlId = pick(CONTROL_IDS, step.at)
    return linkImproves(input, step.risk, controlId) ? linkRisk(input, step.risk, controlId) : input
  }
  if (step.kind === 'record-scope') {
    return { ...input, workspace: { ...input.workspace, scopeStatement: SCOPE_STATEMENT } }
  }
  if (step.kind === 'improve-risk') return improveRisk(input, step)
  if (step.kind === 'raise-answer') {
    const questionId = pick(QUESTION_IDS, step.at)
    const current = input.answers.find((a) => a.questionId === questionId)
    const level = ANSWER_LEVEL[current?.status ?? 'unanswered']
    const higher = ANSWER_STATUSES.filter((s) => ANSWER_LEVEL[s] >= level)
    const status = pick(higher, step.to)
    return withAnswer(input, current ? { ...current, status } : makeAnswer(questionId, status))
  }
  const controlId = pick(CONTROL_IDS, step.at)
  const current = input.decisions.find((d) => d.controlId === controlId) ?? makeDecision(controlId)
  switch (step.kind) {
    case 'decide':
      return current.applicability === 'undecided'
        ? withDecision(input, { ...current, applicability: step.to })
        : input
    case 'add-reason': {
      const reason = pick(REASONS, step.reason)
      return current.reasons.includes(reason)
        ? input
        : withDecision(input, { ...current, reasons: [...current.reasons, reason] })
    }
    case 'add-justification':
      return withDecision(input, {
        ...current,
        justification: `${current.justification} Needed for our customers.`.trim(),
      })
    case 'raise-implementation': {
      const level = IMPLEMENTATION_LEVEL[current.implementationStatus]
      const higher = IMPLEMENTATION_STATUSES.filter((s) => IMPLEMENTATION_LEVEL[s] >= level)
      return withDecision(input, { ...current, implementationStatus: pick(higher, step.to) })
    }
  }
}

const shuffled = <T>(rows: readonly T[]) =>
  fc.shuffledSubarray([...rows], { minLength: rows.length, maxLength: rows.length })

/** Every order of the same records. */
export const shuffledArb = (input: AssessmentInput): fc.Arbitrary<AssessmentInput> =>
  fc
    .tuple(shuffled(input.answers), shuffled(input.decisions), shuffled(input.risks ?? []))
    .map(([answers, decisions, risks]) =>
      makeInput({ answers, decisions, risks, workspace: input.workspace }),
    )

/**
 * Makes exactly the change an improvement describes (see ImprovementChange), the way a user
 * would in the app; `today` dates an acceptance as rankImprovements was told.
 */
export function applyImprovement(
  input: AssessmentInput,
  improvement: Improvement,
  today = '1970-01-01',
): AssessmentInput {
  const change = improvement.change
  switch (change.kind) {
    case 'answer': {
      const current =
        input.answers.find((a) => a.questionId === change.questionId) ??
        makeAnswer(change.questionId, 'not-started')
      return withAnswer(input, { ...current, status: change.status })
    }
    case 'scope-statement':
      return { ...input, workspace: { ...input.workspace, scopeStatement: SCOPE_STATEMENT } }
    case 'decision': {
      const current = input.decisions.find((d) => d.controlId === change.controlId)
      const after = applyDecisionChange(
        current ?? makeDecision(change.controlId),
        change.controlId,
        change,
      )
      return withDecision(input, after)
    }
    case 'risk': {
      const risk = (input.risks ?? []).find((r) => r.id === change.riskId)
      if (!risk) throw new Error(`no risk ${change.riskId}`)
      return withRisk(input, applyRiskChange(risk, change, today))
    }
  }
}

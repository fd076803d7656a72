/**
 * The gap list: everything between the workspace and a clean Stage 1, each with its severity and
 * a next step in plain words, missing mandatory documents first.
 */
import {
  ANNEX_A_CONTROLS,
  QUESTIONS,
  clauseSection,
  mandatoryDocument,
  nonExcludableReason,
} from '@/content'
import type { AnnexAControl, ClauseId, ControlId, MandatoryDocument, Question } from '@/content'
import {
  answerStateOf,
  applicabilityOf,
  decisionStateOf,
  hasRiskReason,
  indexAssessment,
  textOrNull,
  type AnswerState,
  type AssessmentIndex,
  type AssessmentInput,
} from './assessment'
import { answerStatusLabel } from './clauseAnswer'
import { implementationLabel } from './controlDecision'
import type { ClauseAnswer, ControlDecision, ImplementationStatus } from './model'
import {
  ANSWER_CREDIT,
  controlList,
  documentName,
  questionSupport,
  type RecordSupport,
} from './readiness'
import { summarizeRecords, tallySoa, type RecordSummary } from './records'
import {
  TRACE_BREAK_LABELS,
  findTraceBreaks,
  type TraceBreak,
  type TraceBreakKind,
} from './traceability'

export type GapKind =
  | 'clause-question'
  | 'control-implementation'
  | 'control-undecided'
  | 'control-unjustified'
  | 'indefensible-exclusion'
  | 'traceability'

export type GapSeverity = 'blocker' | 'high' | 'medium' | 'low'

/** Severities from most to least urgent, with their labels. */
export const GAP_SEVERITIES = [
  { value: 'blocker', label: 'Blocker' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
] as const satisfies readonly { value: GapSeverity; label: string }[]

/**
 * Where the item stands now: a question's answer state, an applicable control's implementation
 * status, a control's SoA state ('undecided', 'unjustified'), or the kind of traceability break.
 */
export type GapStatus =
  AnswerState | ImplementationStatus | 'undecided' | 'unjustified' | 'indefensible' | TraceBreakKind

export interface Gap {
  /** Stable across recomputations, e.g. 'clause-question:q-4.3-documented'. */
  readonly id: string
  readonly kind: GapKind
  /**
   * The clause id (e.g. '6.1.2') or control id (e.g. '8.13'); for a traceability gap on a risk,
   * the risk's id (then `riskId` holds it too). The type is therefore widened to string.
   */
  readonly reference: ClauseId | ControlId | string
  /** The question's id for clause questions, null otherwise. */
  readonly questionId: string | null
  /** The risk's id for traceability gaps on a risk, null otherwise. */
  readonly riskId: string | null
  /** The sub-clause or control title. */
  readonly title: string
  /** The question, or what the control is for. */
  readonly text: string
  readonly status: GapStatus
  readonly statusLabel: string
  readonly severity: GapSeverity
  /** True when the question asks for mandatory documented information. */
  readonly isMandatoryDocument: boolean
  readonly documents: readonly MandatoryDocument[]
  /** What to do next, in plain words: `generalStep` and `specificStep` in one text. */
  readonly nextStep: string
  /**
   * The part of the next step every gap of the same kind and status shares, word for word: a
   * report says it once per kind (see the gap report's "How to close the findings").
   */
  readonly generalStep: string
  /**
   * The part that is this gap's own (the documents it names, what the records lack, the evidence
   * an auditor samples for it, where an exclusion can be defended), or null.
   */
  readonly specificStep: string | null
  /** What the workshop observed: the answer's note, trimmed; null when none is written. */
  readonly observation: string | null
  /** The action the user recorded for it (answer action), or null. */
  readonly plannedAction: string | null
  /** From the answer's action or the control decision's owner; null when nobody is named. */
  readonly owner: string | null
  /** ISO date (yyyy-mm-dd) from the answer's action, or null. */
  readonly due: string | null
}

const SEVERITY_RANK: Record<GapSeverity, number> = { blocker: 0, high: 1, medium: 2, low: 3 }

function firstEvidence(evidence: readonly string[]): string {
  const first = evidence[0]
  return first ? `, for example: ${first.replace(/\.$/, '')}` : ''
}

/** "Expected evidence: …" (the content's first example), or null when it names none. */
function expectedEvidence(evidence: readonly string[], what = 'Expected evidence'): string | null {
  const first = evidence[0]
  return first ? `${what}: ${first.replace(/\.$/, '')}.` : null
}

/** Joins the parts of a next step that exist, in order. */
const joinSteps = (...parts: readonly (string | null)[]) =>
  parts.filter((p): p is string => p !== null && p !== '').join(' ')

function questionSeverity(question: Question, state: AnswerState): GapSeverity {
  if (question.documents.length > 0) return 'blocker'
  return state === 'not-started' || state === 'unanswered' ? 'high' : 'medium'
}

/** The shared part of a question's next step, by its answer state (see Gap.generalStep). */
export const QUESTION_STEPS = {
  unanswered:
    'Not answered yet. Go through it with the person responsible; if nothing exists yet, decide who puts it in place and by when, and start with the evidence an auditor expects.',
  'not-started':
    'Decide who puts this in place and by when, then start with the evidence an auditor expects.',
  'dont-know':
    'Find out who in the organization knows, ask them to confirm whether this is in place and to show the evidence, then update the answer.',
  partly:
    'Finish what is missing and keep the evidence an auditor will ask to see; then mark it in place.',
  'in-place': 'Complete the records, then the answer counts in full.',
} as const satisfies Record<AnswerState, string>

function questionNextStep(
  question: Question,
  state: Exclude<AnswerState, 'in-place'>,
  documents: readonly MandatoryDocument[],
): string {
  const example = firstEvidence(question.evidence)
  const step = {
    unanswered: `Not answered yet. Go through it with the person responsible; if nothing exists yet, decide who puts it in place and by when, and start with the evidence an auditor expects${example}.`,
    'not-started': `Decide who puts this in place and by when, then start with the evidence an auditor expects${example}.`,
    'dont-know': `Find out who in the organization knows, ask them to confirm whether this is in place and to show the evidence${example}, then update the answer.`,
    partly: `Finish what is missing and keep the evidence an auditor will ask to see${example}; then mark it in place.`,
  }[state]
  if (documents.length === 0) return step
  return `${mandatoryDocumentsText(documents)} ${step}`
}

const mandatoryDocumentsText = (documents: readonly MandatoryDocument[]) =>
  `Mandatory documented information: ${documents.map(documentName).join(', ')}. An auditor asks for it first at Stage 1.`

function questionGap(
  question: Question,
  answer: ClauseAnswer | undefined,
  support: RecordSupport | null,
): Gap | null {
  const state = answerStateOf(answer)
  const contradicted = support !== null && ANSWER_CREDIT[state] > support.credit
  if (state === 'in-place' && !contradicted) return null
  const documents = question.documents.map(mandatoryDocument)
  const label = state === 'unanswered' ? 'Not answered' : answerStatusLabel(state)
  const records = contradicted
    ? `The records in this app do not support the answer: ${controlList(support.problems)}. Until they do, it counts only as far as they go. `
    : ''
  const step =
    state === 'in-place'
      ? 'Complete the records, then the answer counts in full.'
      : questionNextStep(question, state, documents)
  return {
    id: `clause-question:${question.id}`,
    kind: 'clause-question',
    reference: question.clause,
    questionId: question.id,
    riskId: null,
    title: clauseSection(question.clause).title,
    text: question.text,
    status: state,
    statusLabel: contradicted ? `${label}, not supported by the records` : label,
    severity: contradicted && documents.length === 0 ? 'high' : questionSeverity(question, state),
    isMandatoryDocument: documents.length > 0,
    documents,
    nextStep: records + step,
    generalStep: QUESTION_STEPS[state],
    specificStep: textOrNull(
      joinSteps(
        documents.length > 0
          ? `Mandatory document: ${documents.map(documentName).join(', ')}.`
          : null,
        contradicted
          ? `The records do not support the answer: ${controlList(support.problems)}.`
          : null,
        state === 'in-place' ? null : expectedEvidence(question.evidence),
      ),
    ),
    observation: textOrNull(answer?.note),
    plannedAction: textOrNull(answer?.action?.what),
    owner: textOrNull(answer?.action?.owner),
    due: textOrNull(answer?.action?.due),
  }
}

function implementationNextStep(
  control: AnnexAControl,
  status: Exclude<ImplementationStatus, 'implemented'>,
): string {
  const example = firstEvidence(control.evidence)
  switch (status) {
    case 'not-implemented':
      return `Name an owner and a date, put the control in place and keep the evidence an auditor samples${example}.`
    case 'planned':
      return `Carry out the plan and keep the evidence an auditor samples${example}; then mark it implemented.`
    case 'partly':
      return `Complete the control where it is still missing and keep the evidence an auditor samples${example}; then mark it implemented.`
  }
}

const UNDECIDED_STEP =
  'Decide whether this control applies, from your risk assessment and your legal, contractual and business requirements, and record why (6.1.3 d).'

function undecidedNextStep(control: AnnexAControl): string {
  const decide = UNDECIDED_STEP
  const reason = control.exclusionReasons[0]
  return reason
    ? `${decide} An exclusion can be defended only in cases such as: ${reason}`
    : `${decide} Excluding it is hard to defend for almost any organization.`
}

const INDEFENSIBLE_STEP =
  'Decide that this control applies and plan how to implement it: no organization with an ISMS can defend excluding it.'

/** The shared part of an applicable control's next step, by its implementation status. */
export const IMPLEMENTATION_STEPS = {
  'not-implemented':
    'Name an owner and a date, put the control in place and keep the evidence an auditor samples.',
  planned: 'Carry out the plan and keep the evidence an auditor samples; then mark it implemented.',
  partly:
    'Complete the control where it is still missing and keep the evidence an auditor samples; then mark it implemented.',
} as const satisfies Record<Exclude<ImplementationStatus, 'implemented'>, string>

function controlGaps(
  control: AnnexAControl,
  decision: ControlDecision | undefined,
  riskReason: boolean,
): Gap[] {
  const applicability = applicabilityOf(decision)
  const base = {
    reference: control.id,
    questionId: null,
    riskId: null,
    title: control.title,
    text: control.intent,
    isMandatoryDocument: false,
    documents: [],
    observation: null,
    plannedAction: null,
    owner: textOrNull(decision?.owner),
    due: null,
  } as const satisfies Partial<Gap>
  if (applicability === 'undecided') {
    return [
      {
        ...base,
        id: `control-undecided:${control.id}`,
        kind: 'control-undecided',
        status: 'undecided',
        statusLabel: 'Undecided',
        severity: 'medium',
        nextStep: undecidedNextStep(control),
        generalStep: UNDECIDED_STEP,
        specificStep: control.exclusionReasons[0]
          ? `An exclusion can be defended only in cases such as: ${control.exclusionReasons[0]}`
          : 'Excluding it is hard to defend for almost any organization.',
      },
    ]
  }
  const gaps: Gap[] = []
  const cannotExclude = nonExcludableReason(control.id)
  if (applicability === 'excluded' && cannotExclude) {
    return [
      {
        ...base,
        id: `indefensible-exclusion:${control.id}`,
        kind: 'indefensible-exclusion',
        status: 'indefensible',
        statusLabel: 'Excluded, cannot be defended',
        severity: 'high',
        nextStep: `${INDEFENSIBLE_STEP} ${cannotExclude}`,
        generalStep: INDEFENSIBLE_STEP,
        specificStep: cannotExclude,
      },
    ]
  }
  const status = decision?.implementationStatus ?? 'not-implemented'
  if (applicability === 'applicable' && status !== 'implemented') {
    gaps.push({
      ...base,
      id: `control-implementation:${control.id}`,
      kind: 'control-implementation',
      status,
      statusLabel: implementationLabel(status),
      severity: status === 'not-implemented' ? 'high' : 'medium',
      nextStep: implementationNextStep(control, status),
      generalStep: IMPLEMENTATION_STEPS[status],
      specificStep: expectedEvidence(control.evidence, 'Evidence an auditor samples'),
    })
  }
  if (decisionStateOf(decision, riskReason) === 'decided-unjustified') {
    const applicable = applicability === 'applicable'
    const written = decision?.justification.trim() ?? ''
    const generalStep = applicable
      ? 'Record why this control applies: link the risks it treats (with the treatment "Modify"), tick at least one reason (risk assessment, legal or regulatory, contractual, business need) or write a short justification (6.1.3 d).'
      : written !== ''
        ? 'Say why this control does not apply, naming the situation the organization is in (6.1.3 d).'
        : 'Write why this control is excluded: an auditor accepts an exclusion only with a written justification (6.1.3 d).'
    gaps.push({
      ...base,
      id: `control-unjustified:${control.id}`,
      kind: 'control-unjustified',
      status: 'unjustified',
      statusLabel: applicable ? 'Applicable, not justified' : 'Excluded, not justified',
      severity: 'low',
      nextStep: applicable
        ? generalStep
        : written !== ''
          ? `Say why this control does not apply: "${written}" does not tell an auditor why (6.1.3 d). Name the situation, for example: ${control.exclusionReasons[0] ?? 'what the organization does not have or do that the control is about'}`
          : generalStep,
      generalStep,
      specificStep:
        !applicable && written !== ''
          ? `"${written}" does not tell an auditor why. For example: ${control.exclusionReasons[0] ?? 'what the organization does not have or do that the control is about'}`
          : null,
    })
  }
  return gaps
}

/** Breaks that contradict the SoA or leave a chosen treatment undone weigh more. */
const TRACE_BREAK_SEVERITY = {
  'applicable-without-reason': 'low',
  'modify-without-control': 'high',
  'risk-without-owner': 'medium',
  'risk-without-acceptance': 'medium',
  'implemented-without-evidence': 'medium',
  'excluded-but-linked': 'high',
  'risk-without-treatment': 'high',
  'accepted-above-criteria': 'medium',
} as const satisfies Record<TraceBreakKind, GapSeverity>

/**
 * A break's next step is the same for every break of its kind, except the evidence example of an
 * implemented control without evidence, which is the control's own.
 */
function traceSteps(traceBreak: TraceBreak): Pick<Gap, 'generalStep' | 'specificStep'> {
  if (traceBreak.kind !== 'implemented-without-evidence') {
    return { generalStep: traceBreak.nextStep, specificStep: null }
  }
  const control = ANNEX_A_CONTROLS.find((c) => c.id === traceBreak.reference)
  return {
    generalStep:
      'Add a reference to the evidence an auditor samples. Without it, "implemented" is a claim an auditor cannot check.',
    specificStep: control
      ? expectedEvidence(control.evidence, 'Evidence an auditor samples')
      : null,
  }
}

function traceabilityGap(traceBreak: TraceBreak): Gap {
  return {
    id: `traceability:${traceBreak.id}`,
    kind: 'traceability',
    reference: traceBreak.reference,
    questionId: null,
    riskId: traceBreak.subject === 'risk' ? traceBreak.reference : null,
    title: traceBreak.title,
    text: traceBreak.text,
    status: traceBreak.kind,
    statusLabel: TRACE_BREAK_LABELS[traceBreak.kind],
    severity: TRACE_BREAK_SEVERITY[traceBreak.kind],
    isMandatoryDocument: false,
    documents: [],
    nextStep: traceBreak.nextStep,
    ...traceSteps(traceBreak),
    observation: null,
    plannedAction: null,
    owner: traceBreak.owner,
    due: null,
  }
}

/**
 * The gap list. Every clause 4–10 question not in place (unanswered ones included, since clauses
 * 4–10 cannot be excluded), every applicable Annex A control not implemented, every undecided
 * control and every decided control without a justification (6.1.3 d; a linked risk treated by
 * modification justifies an applicable control), and every break in the traceability chain
 * risk → treatment → control → SoA → evidence (see findTraceBreaks; "applicable without a
 * reason" is left out there, being the same finding as the unjustified decision). Severity:
 * "blocker" for a question asking for mandatory documented information, whatever its status;
 * "high" for a question not started or not answered, an applicable control not implemented, a
 * risk to be modified without a control and an excluded control a risk relies on; "medium" for
 * a question partly in place or marked "don't know", a control planned or partly implemented, an
 * undecided control, a risk without owner or without accepted residual risk, and an implemented
 * control without evidence; "low" for a decision that lacks its justification. Mandatory
 * documents come first, then by severity, then questions in the order of the standard, controls
 * in catalog order, then traceability breaks in their order. Owner and due date come from the
 * user's action, the decision owner or the risk owner.
 * `index`, when given, is indexAssessment(input), and `records` summarizeRecords(index), shared
 * by callers computing several results.
 */
export function buildGaps(
  input: AssessmentInput,
  index: AssessmentIndex = indexAssessment(input),
  records: RecordSummary = summarizeRecords(index),
): Gap[] {
  // Gaps are collected in content order (questions, then controls in catalog order), so the
  // position in this list is the final tie-breaker of the sort.
  const collected: Gap[] = []
  const soa = tallySoa(records.controls)
  for (const question of QUESTIONS) {
    const support = questionSupport(question, records, soa)
    const gap = questionGap(question, index.answers.get(question.id), support)
    if (gap) collected.push(gap)
  }
  for (const control of ANNEX_A_CONTROLS) {
    const decision = index.decisions.get(control.id)
    collected.push(...controlGaps(control, decision, hasRiskReason(index, control.id)))
  }
  for (const traceBreak of findTraceBreaks(input, index)) {
    if (traceBreak.kind !== 'applicable-without-reason') {
      collected.push(traceabilityGap(traceBreak))
    }
  }
  return collected
    .map((gap, order) => ({ gap, order }))
    .sort(
      (a, b) =>
        Number(b.gap.isMandatoryDocument) - Number(a.gap.isMandatoryDocument) ||
        SEVERITY_RANK[a.gap.severity] - SEVERITY_RANK[b.gap.severity] ||
        a.order - b.order,
    )
    .map((r) => r.gap)
}

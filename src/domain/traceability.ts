/**
 * The auditor's thread through the ISMS: risk → treatment decision → control → SoA row →
 * evidence. `traceControls` lays the chain out per Annex A control; `findTraceBreaks` names every
 * place where it is broken, in plain words, with what to do next.
 */
import { ANNEX_A_CONTROLS, controlById } from '@/content'
import type { AnnexAControl, ControlId, Theme } from '@/content'
import {
  applicabilityOf,
  hasRiskReason,
  indexAssessment,
  isJustified,
  risksOf,
  textOrNull,
  type AssessmentIndex,
  type AssessmentInput,
} from './assessment'
import type {
  Applicability,
  ImplementationStatus,
  JustificationReason,
  Risk,
  TreatmentOption,
} from './model'
import { residualLevel, riskLevel, type RiskCriteria } from './risk'
import { buildSoa } from './soa'

/** A risk as the chain shows it next to a control. */
export interface TraceRisk {
  readonly id: string
  /** Trimmed. */
  readonly title: string
  readonly treatment: TreatmentOption | null
}

/** One Annex A control with the risks that lead to it and what its SoA row says. */
export interface TraceRow {
  readonly controlId: ControlId
  readonly title: string
  readonly theme: Theme
  /** The risks linked to the control, whatever their treatment, oldest first. */
  readonly risks: readonly TraceRisk[]
  readonly applicability: Applicability
  /** As in the SoA: the ticked reasons and the derived ones. */
  readonly reasons: readonly JustificationReason[]
  /** The reasons among `reasons` derived from a risk treated by modification (see the SoA). */
  readonly derivedReasons: readonly JustificationReason[]
  /** The written justification, trimmed. */
  readonly justification: string
  /** Null unless applicable. */
  readonly implementationStatus: ImplementationStatus | null
  /** Trimmed; '' when nobody is named. */
  readonly owner: string
  readonly evidence: readonly string[]
}

/**
 * The traceability chain per control: exactly one row for each of the 93 Annex A controls, in
 * catalog order, with the risks linked to it (any treatment) and its SoA row: applicability,
 * reasons (including "risk assessment" derived from a risk treated by modification),
 * justification, implementation status, owner and evidence (6.1.3 b, c and d). Read left to
 * right it is the thread an auditor follows from a risk to the proof that its control runs.
 * `index`, when given, is indexAssessment(input), shared by callers computing several results.
 */
export function traceControls(
  input: AssessmentInput,
  index: AssessmentIndex = indexAssessment(input),
): TraceRow[] {
  return buildSoa(input, index).map((row) => ({
    controlId: row.id,
    title: row.title,
    theme: row.theme,
    risks: risksOf(index, row.id).map((risk) => ({
      id: risk.id,
      title: risk.title.trim(),
      treatment: risk.treatment,
    })),
    applicability: row.applicability,
    reasons: row.reasons,
    derivedReasons: row.derivedReasons,
    justification: row.justification,
    implementationStatus: row.implementationStatus,
    owner: row.owner,
    evidence: row.evidence,
  }))
}

export type TraceBreakKind =
  | 'applicable-without-reason'
  | 'modify-without-control'
  | 'risk-without-owner'
  | 'risk-without-acceptance'
  | 'implemented-without-evidence'
  | 'excluded-but-linked'
  | 'risk-without-treatment'
  | 'accepted-above-criteria'

/** Short labels of the breaks, for a status column. */
export const TRACE_BREAK_LABELS = {
  'applicable-without-reason': 'Applicable without a reason',
  'modify-without-control': 'Modify without a control',
  'risk-without-owner': 'No risk owner',
  'risk-without-acceptance': 'Residual risk not accepted',
  'implemented-without-evidence': 'Implemented without evidence',
  'excluded-but-linked': 'Excluded but linked to a risk',
  'risk-without-treatment': 'No treatment decided',
  'accepted-above-criteria': 'Accepted above the acceptance criteria',
} as const satisfies Record<TraceBreakKind, string>

export interface TraceBreak {
  /** Stable across recomputations: `${kind}:${reference}`, e.g. 'risk-without-owner:r-1'. */
  readonly id: string
  readonly kind: TraceBreakKind
  /** Whether the break is on a control (reference is a control id) or a risk (a risk id). */
  readonly subject: 'control' | 'risk'
  /** The control id (e.g. '8.13') or the risk id. */
  readonly reference: ControlId | string
  /** The control's title or the risk's title ("Untitled risk" when blank). */
  readonly title: string
  /** What is broken, in plain words. */
  readonly text: string
  /** What to do next, in plain words. */
  readonly nextStep: string
  /** The risk owner or the control owner, trimmed; null when nobody is named. */
  readonly owner: string | null
}

const riskName = (risk: Risk) => risk.title.trim() || 'Untitled risk'

function quoted(risks: readonly Risk[]): string {
  const names = risks.slice(0, 3).map((r) => `"${riskName(r)}"`)
  const more = risks.length - names.length
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ')
}

function controlBreak(
  kind: TraceBreakKind,
  control: AnnexAControl,
  owner: string | null,
  text: string,
  nextStep: string,
): TraceBreak {
  const reference = control.id
  return {
    id: `${kind}:${reference}`,
    kind,
    subject: 'control',
    reference,
    title: control.title,
    text,
    nextStep,
    owner,
  }
}

function riskBreak(kind: TraceBreakKind, risk: Risk, text: string, nextStep: string): TraceBreak {
  return {
    id: `${kind}:${risk.id}`,
    kind,
    subject: 'risk',
    reference: risk.id,
    title: riskName(risk),
    text,
    nextStep,
    owner: textOrNull(risk.owner),
  }
}

function controlBreaks(control: AnnexAControl, index: AssessmentIndex): TraceBreak[] {
  const decision = index.decisions.get(control.id)
  const applicability = applicabilityOf(decision)
  const owner = textOrNull(decision?.owner)
  const name = `Control ${control.id} ${control.title}`
  const breaks: TraceBreak[] = []
  if (applicability === 'applicable' && decision) {
    if (!isJustified(decision, hasRiskReason(index, control.id))) {
      breaks.push(
        controlBreak(
          'applicable-without-reason',
          control,
          owner,
          `${name} is applicable, but nothing says why: no reason is ticked, no justification is written and no risk it treats is linked to it.`,
          'Link the risks this control treats (with the treatment "Modify"), or tick a reason or write a short justification, so its SoA row says why it applies (6.1.3 d).',
        ),
      )
    }
    const hasEvidence = decision.evidence.some((e) => e.trim() !== '')
    if (decision.implementationStatus === 'implemented' && !hasEvidence) {
      const example = control.evidence[0]
      breaks.push(
        controlBreak(
          'implemented-without-evidence',
          control,
          owner,
          `${name} is marked implemented, but no evidence is recorded to show that it runs.`,
          `Add a reference to the evidence an auditor samples${example ? `, for example: ${example.replace(/\.$/, '')}` : ''}. Without it, "implemented" is a claim an auditor cannot check.`,
        ),
      )
    }
  }
  const linked = risksOf(index, control.id)
  if (applicability === 'excluded' && linked.length > 0) {
    const which =
      linked.length === 1
        ? `the risk ${quoted(linked)} is linked to it`
        : `${linked.length} risks are linked to it: ${quoted(linked)}`
    breaks.push(
      controlBreak(
        'excluded-but-linked',
        control,
        owner,
        `${name} is excluded, but ${which}. The SoA and the risk treatment contradict each other.`,
        'Either decide that the control applies, since the risk treatment relies on it, or unlink it from these risks and record how they are treated instead (6.1.3 b and d).',
      ),
    )
  }
  return breaks
}

function riskBreaks(risk: Risk, criteria: RiskCriteria): TraceBreak[] {
  const name = `"${riskName(risk)}"`
  const breaks: TraceBreak[] = []
  const level = riskLevel(risk.likelihood, risk.impact)
  if (risk.treatment === null) {
    const above = level > criteria.acceptanceThreshold
    breaks.push(
      riskBreak(
        'risk-without-treatment',
        risk,
        above
          ? `The risk ${name} is rated ${level}, above the acceptance threshold of ${criteria.acceptanceThreshold}, and no treatment is decided: the plan leaves it open.`
          : `No treatment is decided for the risk ${name}.`,
        above
          ? 'Decide with the risk owner how to treat it: modify it with controls, avoid the activity, or share it; retaining a risk above the threshold needs the owner to accept it knowingly (6.1.3 a).'
          : 'Decide how it is treated; a risk within the acceptance threshold is usually retained, with the owner accepting it (6.1.3 a).',
      ),
    )
  }
  if (risk.treatment === 'modify' && !risk.controlIds.some((id) => controlById(id))) {
    breaks.push(
      riskBreak(
        'modify-without-control',
        risk,
        `The risk ${name} is to be modified, but no Annex A control is linked to carry out the treatment.`,
        'Link the controls that reduce this risk (6.1.3 b), or choose another treatment option if no control will.',
      ),
    )
  }
  if (risk.owner.trim() === '') {
    breaks.push(
      riskBreak(
        'risk-without-owner',
        risk,
        `The risk ${name} has no owner: nobody is accountable for managing it.`,
        'Name the risk owner: the person with the authority to decide how the risk is treated and to accept what remains (6.1.2 c).',
      ),
    )
  }
  const noAcceptor = risk.acceptedBy.trim() === ''
  const noDate = risk.acceptedOn === null
  if (risk.treatment !== null && (noAcceptor || noDate)) {
    const missing =
      noAcceptor && noDate
        ? 'nobody is named as accepting it and there is no date'
        : noAcceptor
          ? 'nobody is named as accepting it'
          : 'the date it was accepted is missing'
    breaks.push(
      riskBreak(
        'risk-without-acceptance',
        risk,
        `The residual risk of ${name} has not been accepted: ${missing}.`,
        'Ask the risk owner to approve the treatment plan and accept the residual risk, then record who accepted it and when (6.1.3 f).',
      ),
    )
  }
  const remaining = residualLevel(risk) ?? level
  if (!noAcceptor && !noDate && remaining > criteria.acceptanceThreshold) {
    breaks.push(
      riskBreak(
        'accepted-above-criteria',
        risk,
        `The risk ${name} was accepted at level ${remaining}, above the acceptance threshold of ${criteria.acceptanceThreshold}.`,
        'An auditor asks why a risk above your own acceptance criteria was accepted: treat it further, or record the owner’s reasons and the management decision behind the acceptance (6.1.2 a, 6.1.3 f).',
      ),
    )
  }
  return breaks
}

/**
 * Every break in the chain risk → treatment → control → SoA → evidence. For controls, in catalog
 * order: an applicable control with no reason, no justification and no linked risk treated by
 * modification (the SoA cannot say why it applies, 6.1.3 d); an applicable control marked
 * implemented with no evidence reference; an excluded control that a risk links to (the SoA
 * contradicts the risk treatment, 6.1.3 b and d). Then for risks, oldest first (by createdAt,
 * then id): a risk with no treatment decided (6.1.3 a); a risk treated by modification with no
 * Annex A control linked (6.1.3 b); a risk with no owner (6.1.2 c); once a treatment is decided, a
 * risk whose residual risk nobody has accepted (no name or no date, 6.1.3 f); and a risk accepted
 * at a level (residual, or inherent when no residual is rated) above the acceptance threshold. Each break has a stable id, the text naming it and the
 * next step; the same records in any order give the same list.
 * `index`, when given, is indexAssessment(input), shared by callers computing several results.
 */
export function findTraceBreaks(
  input: AssessmentInput,
  index: AssessmentIndex = indexAssessment(input),
): TraceBreak[] {
  return [
    ...ANNEX_A_CONTROLS.flatMap((control) => controlBreaks(control, index)),
    ...index.risks.flatMap((risk) => riskBreaks(risk, index.criteria)),
  ]
}

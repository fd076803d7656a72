/**
 * The draft Statement of Applicability (6.1.3 d): one row per Annex A control, always all 93.
 */
import { ANNEX_A_CONTROLS, nonExcludableReason } from '@/content'
import type { ControlId, Theme } from '@/content'
import {
  applicabilityOf,
  hasRiskReason,
  indexAssessment,
  isJustified,
  risksOf,
  type AssessmentIndex,
  type AssessmentInput,
} from './assessment'
import { JUSTIFICATION_REASONS } from './controlDecision'
import type {
  Applicability,
  ControlProvider,
  ImplementationStatus,
  JustificationReason,
} from './model'

export interface SoaRow {
  readonly id: ControlId
  readonly theme: Theme
  readonly title: string
  readonly newIn2022: boolean
  readonly applicability: Applicability
  /** Who operates an applicable control; null unless applicable. */
  readonly provider: ControlProvider | null
  /** The supplier's name when a supplier provides the control, else ''. */
  readonly supplierName: string
  /**
   * In the order the reasons are offered, without repeats: the ticked ones and the derived ones.
   */
  readonly reasons: readonly JustificationReason[]
  /**
   * The reasons among `reasons` that nobody ticked: 'risk-assessment' when a risk treated by
   * modification links to a control that is not excluded (see hasRiskReason). Derived, never
   * stored; empty when the reason is ticked as well.
   */
  readonly derivedReasons: readonly JustificationReason[]
  /** The written justification, trimmed. */
  readonly justification: string
  /** Whether the decision carries the justification the SoA needs (see isJustified). */
  readonly justified: boolean
  /**
   * False for an exclusion no organization can defend (NON_EXCLUDABLE_CONTROLS), whatever its
   * justification says; true otherwise.
   */
  readonly defensible: boolean
  /** Null unless applicable: an excluded or undecided control has no implementation status. */
  readonly implementationStatus: ImplementationStatus | null
  /** Trimmed; '' when nobody is named. */
  readonly owner: string
  readonly evidence: readonly string[]
  /** The risks linked to the control, whatever their treatment, oldest first. */
  readonly riskIds: readonly string[]
  /** Their titles, trimmed, in the same order. */
  readonly riskTitles: readonly string[]
}

const REASON_ORDER: readonly JustificationReason[] = JUSTIFICATION_REASONS.map((r) => r.value)

/**
 * The draft SoA: exactly one row for each of the 93 Annex A controls, in catalog order, whether
 * or not a decision exists. Each row says whether the control is applicable, excluded or still
 * undecided (undecided rows stay visible, since the SoA must cover every control), the
 * justification for including or excluding it, who provides it, and, for an applicable control
 * only, how far it is implemented (6.1.3 d). A control that a risk treated by modification links
 * to, and that is not excluded, has "risk assessment" among its reasons without anyone ticking
 * it: the risk treatment chose it (6.1.3 b), and for an applicable control that reason justifies
 * the row exactly as a ticked one does, in the score and the gaps too. Each row lists the risks
 * linked to its control, whatever their treatment, so the SoA points back to the risk register.
 * `index`, when given, is indexAssessment(input), shared by callers computing several results.
 */
export function buildSoa(
  input: AssessmentInput,
  index: AssessmentIndex = indexAssessment(input),
): SoaRow[] {
  return ANNEX_A_CONTROLS.map((control) => {
    const decision = index.decisions.get(control.id)
    const applicability = applicabilityOf(decision)
    const applicable = applicability === 'applicable'
    const provider = applicable ? (decision?.provider ?? 'in-house') : null
    const riskReason = hasRiskReason(index, control.id)
    const ticked = (r: JustificationReason) => decision?.reasons.includes(r) ?? false
    const derived = (r: JustificationReason) => riskReason && r === 'risk-assessment' && !ticked(r)
    const risks = risksOf(index, control.id)
    return {
      id: control.id,
      theme: control.theme,
      title: control.title,
      newIn2022: control.newIn2022,
      applicability,
      provider,
      supplierName: provider === 'supplier' ? (decision?.supplierName.trim() ?? '') : '',
      reasons: REASON_ORDER.filter((r) => ticked(r) || derived(r)),
      derivedReasons: REASON_ORDER.filter(derived),
      justification: decision?.justification.trim() ?? '',
      justified: isJustified(decision, riskReason),
      defensible: applicability !== 'excluded' || nonExcludableReason(control.id) === null,
      implementationStatus: applicable ? (decision?.implementationStatus ?? null) : null,
      owner: decision?.owner.trim() ?? '',
      evidence: decision ? [...decision.evidence] : [],
      riskIds: risks.map((r) => r.id),
      riskTitles: risks.map((r) => r.title.trim()),
    }
  })
}

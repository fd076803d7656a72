/**
 * Rules for Annex A applicability decisions (the rows of the Statement of Applicability,
 * 6.1.3 d): whether a control applies, why, who runs it and how far it is implemented.
 */
import { CONTENT_VERSION } from '@/content'
import type { AnnexAControl, ControlId, Theme } from '@/content'
import type {
  Applicability,
  ControlDecision,
  ImplementationStatus,
  JustificationReason,
  WorkspaceId,
} from './model'

export const APPLICABILITY_OPTIONS = [
  { value: 'undecided', label: 'Undecided' },
  { value: 'applicable', label: 'Applicable' },
  { value: 'excluded', label: 'Excluded' },
] as const satisfies readonly { value: Applicability; label: string }[]

export const JUSTIFICATION_REASONS = [
  { value: 'risk-assessment', label: 'Risk assessment' },
  { value: 'legal-regulatory', label: 'Legal or regulatory requirement' },
  { value: 'contractual', label: 'Contractual obligation' },
  { value: 'business-need', label: 'Business need' },
] as const satisfies readonly { value: JustificationReason; label: string }[]

export const IMPLEMENTATION_STATUSES = [
  { value: 'not-implemented', label: 'Not implemented' },
  { value: 'planned', label: 'Planned' },
  { value: 'partly', label: 'Partly implemented' },
  { value: 'implemented', label: 'Implemented' },
] as const satisfies readonly { value: ImplementationStatus; label: string }[]

export const applicabilityLabel = (value: Applicability) =>
  APPLICABILITY_OPTIONS.find((o) => o.value === value)?.label ?? value
export const implementationLabel = (value: ImplementationStatus) =>
  IMPLEMENTATION_STATUSES.find((o) => o.value === value)?.label ?? value
export const reasonLabel = (value: JustificationReason) =>
  JUSTIFICATION_REASONS.find((o) => o.value === value)?.label ?? value

export function emptyDecision(
  workspaceId: WorkspaceId,
  controlId: ControlId,
  now: string,
): ControlDecision {
  return {
    workspaceId,
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
    updatedAt: now,
  }
}

/** What an editor holds of a decision while its applicability is being chosen. */
export interface ApplicabilityChoice {
  readonly applicability: Applicability
  /** The ticked reasons. */
  readonly reasons: readonly JustificationReason[]
  /** Reasons cleared by the last switch to excluded, given back on a switch back to applicable. */
  readonly setAsideReasons: readonly JustificationReason[]
}

/**
 * Choosing an applicability. The reasons on offer (risk assessment, legal or regulatory,
 * contractual, business need) say why a control applies, so a switch to excluded clears the
 * ticked ones: they must never stand silently in the SoA as the justification of an exclusion
 * (6.1.3 d). They are set aside rather than lost, and come back when the control is switched
 * back to applicable with nothing ticked meanwhile. The written justification is the user's own
 * text and is not touched: an exclusion still needs its own.
 */
export function chooseApplicability(
  current: ApplicabilityChoice,
  applicability: Applicability,
): ApplicabilityChoice {
  if (applicability === current.applicability) return current
  if (applicability === 'excluded') {
    return {
      applicability,
      reasons: [],
      setAsideReasons: current.reasons.length > 0 ? [...current.reasons] : current.setAsideReasons,
    }
  }
  if (applicability === 'applicable') {
    const reasons = current.reasons.length > 0 ? current.reasons : current.setAsideReasons
    return { applicability, reasons: [...reasons], setAsideReasons: [] }
  }
  return { ...current, applicability }
}

/** What an editor holds of the written justification while the applicability is chosen. */
export interface JustificationChoice {
  readonly justification: string
  /** The applicability the text was written for; null while written for an undecided control. */
  readonly writtenFor: Exclude<Applicability, 'undecided'> | null
  /** Texts set aside by a flip, by the applicability they were written for. */
  readonly setAside: Readonly<Partial<Record<Exclude<Applicability, 'undecided'>, string>>>
}

/**
 * The justification when the applicability flips. Why a control applies is never why it is
 * excluded, nor the other way round: a flip between applicable and excluded sets the text aside
 * (kept, by the side it was written for) and gives back what was written for the new side, or
 * nothing, so the user writes the new justification instead of the old one standing silently
 * in the SoA (6.1.3 d). Undecided in between changes nothing.
 */
export function chooseJustification(
  current: JustificationChoice,
  applicability: Applicability,
): JustificationChoice {
  if (applicability === 'undecided' || current.writtenFor === applicability) return current
  if (current.writtenFor === null) return { ...current, writtenFor: applicability }
  const setAside = { ...current.setAside }
  const text = current.justification.trim()
  if (text !== '') setAside[current.writtenFor] = current.justification
  const back = setAside[applicability] ?? ''
  delete setAside[applicability]
  return { justification: back, writtenFor: applicability, setAside }
}

export type DecisionProblem = 'exclusion-needs-justification' | 'supplier-needs-name'

export const DECISION_PROBLEM_MESSAGES: Record<DecisionProblem, string> = {
  'exclusion-needs-justification':
    'Write why this control is excluded: an exclusion is only recorded with its justification.',
  'supplier-needs-name': 'Name the supplier that provides this control.',
}

/**
 * What keeps a decision from being recorded. An exclusion must carry a written justification
 * (6.1.3 d: the SoA justifies every exclusion); a control provided by a supplier names it.
 */
export function decisionProblems(decision: ControlDecision): DecisionProblem[] {
  const problems: DecisionProblem[] = []
  if (decision.applicability === 'excluded' && decision.justification.trim() === '') {
    problems.push('exclusion-needs-justification')
  }
  if (
    decision.applicability === 'applicable' &&
    decision.provider === 'supplier' &&
    decision.supplierName.trim() === ''
  ) {
    problems.push('supplier-needs-name')
  }
  return problems
}

export interface BulkDecision {
  readonly applicability: Exclude<Applicability, 'undecided'>
  readonly reasons: readonly JustificationReason[]
  readonly justification: string
}

export interface BulkChange {
  readonly controlId: ControlId
  readonly before: ControlDecision | undefined
  readonly after: ControlDecision
}

/**
 * The changes one shared decision makes to several controls, for preview and then for saving.
 * Each control keeps its owner, evidence and implementation status; its applicability, reasons
 * and justification become the shared ones. Controls already in that exact state are left out.
 * Refuses (returns the problem) an exclusion without a justification.
 */
export function planBulkDecision(
  workspaceId: WorkspaceId,
  controlIds: readonly ControlId[],
  existing: ReadonlyMap<string, ControlDecision>,
  bulk: BulkDecision,
  now: string,
): { ok: true; changes: BulkChange[] } | { ok: false; problem: DecisionProblem } {
  const justification = bulk.justification.trim()
  if (bulk.applicability === 'excluded' && justification === '') {
    return { ok: false, problem: 'exclusion-needs-justification' }
  }
  const changes: BulkChange[] = []
  for (const controlId of controlIds) {
    const before = existing.get(controlId)
    const base = before ?? emptyDecision(workspaceId, controlId, now)
    const unchanged =
      base.applicability === bulk.applicability &&
      base.justification === justification &&
      base.reasons.length === bulk.reasons.length &&
      base.reasons.every((r) => bulk.reasons.includes(r))
    if (unchanged && before) continue
    changes.push({
      controlId,
      before,
      after: {
        ...base,
        applicability: bulk.applicability,
        reasons: [...bulk.reasons],
        justification,
        contentVersion: CONTENT_VERSION,
        updatedAt: now,
      },
    })
  }
  return { ok: true, changes }
}

export type ImplementationFilter = ImplementationStatus | 'any'

export interface ControlFilter {
  readonly text: string
  readonly theme: Theme | 'any'
  readonly applicability: Applicability | 'any'
  readonly implementation: ImplementationFilter
  readonly newIn2022Only: boolean
}

export const NO_CONTROL_FILTER: ControlFilter = {
  text: '',
  theme: 'any',
  applicability: 'any',
  implementation: 'any',
  newIn2022Only: false,
}

/**
 * The controls matching every active filter, in catalog order. Text matches the control id
 * ("8.2" matches 8.2 and 8.20–8.29) or any part of the title, ignoring case.
 */
export function filterControls(
  controls: readonly AnnexAControl[],
  decisions: ReadonlyMap<string, ControlDecision>,
  filter: ControlFilter,
): AnnexAControl[] {
  const text = filter.text.trim().toLowerCase().replace(/^a\./, '')
  return controls.filter((control) => {
    if (filter.theme !== 'any' && control.theme !== filter.theme) return false
    if (filter.newIn2022Only && !control.newIn2022) return false
    const decision = decisions.get(control.id)
    const applicability = decision?.applicability ?? 'undecided'
    if (filter.applicability !== 'any' && applicability !== filter.applicability) return false
    if (filter.implementation !== 'any') {
      if (applicability !== 'applicable') return false
      if ((decision?.implementationStatus ?? 'not-implemented') !== filter.implementation) {
        return false
      }
    }
    if (text === '') return true
    return control.id.startsWith(text) || control.title.toLowerCase().includes(text)
  })
}

/** The first undecided control after `afterId` in catalog order, wrapping around. */
export function nextUndecided(
  controls: readonly AnnexAControl[],
  decisions: ReadonlyMap<string, ControlDecision>,
  afterId: string | null,
): AnnexAControl | undefined {
  const start = afterId ? controls.findIndex((c) => c.id === afterId) + 1 : 0
  for (let i = 0; i < controls.length; i++) {
    const control = controls[(start + i) % controls.length]
    if (control && (decisions.get(control.id)?.applicability ?? 'undecided') === 'undecided') {
      return control
    }
  }
  return undefined
}

/** How many of the catalog's controls have no decision yet (no row, or "undecided"). */
export function countUndecided(
  controls: readonly AnnexAControl[],
  decisions: ReadonlyMap<string, ControlDecision>,
): number {
  return controls.filter((c) => (decisions.get(c.id)?.applicability ?? 'undecided') === 'undecided')
    .length
}

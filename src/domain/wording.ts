/**
 * One wording per value. Every place that shows an SoA row, a gap or a risk reference (the
 * Report screen, the PDF, the Word file, the CSV and the spreadsheet) takes its text from here,
 * so a supplier, a decision or a risk reads the same wherever the client meets it. An empty
 * string means "nothing recorded": screens and documents print a dash, spreadsheets leave the
 * cell empty.
 */
import type { ControlId } from '@/content'
import { GAP_SEVERITIES, type Gap, type GapSeverity } from './gaps'
import type { JustificationReason, Risk } from './model'
import type { SoaRow } from './soa'
import { applicabilityLabel, implementationLabel, reasonLabel } from './controlDecision'

/**
 * An Annex A control as SoAs write it: "A.5.10". The "A." prefix says which list the number is
 * from, and it keeps spreadsheets from reading 5.10 as the number 5.1 or as a date.
 */
export const controlRef = (id: ControlId | string): string => `A.${id}`

/**
 * Readable references for the risks of a register: … in the order they were recorded
 * (creation time, then id, as the traceability findings list them), with at least two digits and
 * as many as the register needs (R-001 from 100 risks). Derived, never stored: the same register
 * gives the same references on the screen and in every export, and a reference changes only when
 * an older risk is deleted.
 */
export function riskRefs(
  risks: readonly Pick<Risk, 'id' | 'createdAt'>[],
): ReadonlyMap<string, string> {
  const ordered = [...risks].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )
  const digits = Math.max(2, String(ordered.length).length)
  return new Map(ordered.map((r, i) => [r.id, `R-${String(i + 1).padStart(digits, '0')}`]))
}

/** The title a report gives a risk: its own, or "Untitled risk". */
export const riskTitle = (risk: Pick<Risk, 'title'>): string => risk.title.trim() || 'Untitled risk'

export const severityLabel = (severity: GapSeverity): string =>
  GAP_SEVERITIES.find((s) => s.value === severity)?.label ?? severity

/** An SoA row as text, one string per column of the SoA in every export. */
export interface SoaCells {
  /** "A.5.10". */
  readonly control: string
  readonly title: string
  /** "Organizational", "People", "Physical", "Technological". */
  readonly theme: string
  /** "Yes" for the 11 controls new in ISO/IEC 27001:2022, else "No". */
  readonly newIn2022: string
  /** "Applicable", "Excluded" or "Undecided". */
  readonly decision: string
  /** "In-house" or "Supplier: <name>" for an applicable control; '' otherwise. */
  readonly providedBy: string
  /** The reasons, ticked and derived, "; " between them. */
  readonly reasons: string
  readonly justification: string
  /** The reasons and the written justification in one sentence, as the SoA column prints them. */
  readonly justificationText: string
  /** An applicable control's implementation status; '' otherwise. */
  readonly implementation: string
  readonly owner: string
  /** The evidence references, "; " between them. */
  readonly evidence: string
  /** The readable references of the linked risks, "R-01, R-04". */
  readonly linkedRisks: string
  /** What an auditor would object to in the row, or ''. */
  readonly warning: string
}

export const providedByText = (row: Pick<SoaRow, 'provider' | 'supplierName'>): string =>
  row.provider === 'supplier'
    ? `Supplier: ${row.supplierName || 'not named'}`
    : row.provider === 'in-house'
      ? 'In-house'
      : ''

/** Why a control applies or is excluded, in one sentence: "Risk assessment; Contractual. Text". */
export function justificationText(
  reasons: readonly JustificationReason[],
  justification: string,
): string {
  return [reasons.map(reasonLabel).join('; '), justification.trim()].filter(Boolean).join('. ')
}

export function soaCells(row: SoaRow, refs: ReadonlyMap<string, string>): SoaCells {
  const reasons = row.reasons.map(reasonLabel).join('; ')
  return {
    control: controlRef(row.id),
    title: row.title,
    theme: row.theme,
    newIn2022: row.newIn2022 ? 'Yes' : 'No',
    decision: applicabilityLabel(row.applicability),
    providedBy: providedByText(row),
    reasons,
    justification: row.justification,
    justificationText: justificationText(row.reasons, row.justification),
    implementation: row.implementationStatus ? implementationLabel(row.implementationStatus) : '',
    owner: row.owner,
    evidence: row.evidence.join('; '),
    linkedRisks: row.riskIds
      .map((id) => refs.get(id) ?? '')
      .filter(Boolean)
      .join(', '),
    warning: !row.defensible
      ? 'No organization can defend excluding this control.'
      : row.applicability !== 'undecided' && !row.justified
        ? 'No justification that says why yet.'
        : '',
  }
}

/** A gap as text, one string per column of the gap list in every export. */
export interface GapCells {
  /** The sub-clause "6.1.2", the control "A.8.13" or the risk "R-03". */
  readonly ref: string
  /** The sub-clause, control or risk title. */
  readonly title: string
  /** The question, what the control is for, or what is broken. */
  readonly finding: string
  readonly observation: string
  /** "Partly in place", with "mandatory document" when it is one. */
  readonly status: string
  readonly severity: string
  /** The action agreed in the workshop, or ''. */
  readonly agreedAction: string
  readonly owner: string
  /** yyyy-mm-dd or ''. */
  readonly due: string
  readonly nextStep: string
}

/** Where a gap is: its question's clause, its control, or its risk's readable reference. */
export function gapRef(gap: Gap, refs: ReadonlyMap<string, string>): string {
  if (gap.riskId !== null) return refs.get(gap.riskId) ?? 'Risk'
  return gap.questionId !== null ? String(gap.reference) : controlRef(gap.reference)
}

export function gapCells(gap: Gap, refs: ReadonlyMap<string, string>): GapCells {
  return {
    ref: gapRef(gap, refs),
    title: gap.title,
    finding: gap.text,
    observation: gap.observation ?? '',
    status: gap.isMandatoryDocument ? `${gap.statusLabel} (mandatory document)` : gap.statusLabel,
    severity: severityLabel(gap.severity),
    agreedAction: gap.plannedAction ?? '',
    owner: gap.owner ?? '',
    due: gap.due ?? '',
    nextStep: gap.nextStep,
  }
}

/** The confidentiality line of the reports: the assessor's own, or one naming the organization. */
export function confidentialityLine(workspace: {
  readonly organizationName: string
  readonly confidentiality: string
}): string {
  const name = workspace.organizationName.trim()
  const stop = /[.!?]$/.test(name) ? '' : '.'
  return (
    workspace.confidentiality.trim() ||
    `Confidential: prepared for ${name}${stop} Not to be shared beyond the organization and its advisers.`
  )
}

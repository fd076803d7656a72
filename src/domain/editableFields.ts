/**
 * The fields each editor changes, field by field (see fieldMerge.ts). Everything else in a
 * record (its keys, timestamps, content version) is the storage layer's business.
 */
import type { ClauseAnswer, ControlDecision, Risk, Workspace } from './model'

export const ANSWER_FIELDS = [
  'status',
  'note',
  'evidence',
  'action',
] as const satisfies readonly (keyof ClauseAnswer)[]

export const DECISION_FIELDS = [
  'applicability',
  'provider',
  'supplierName',
  'reasons',
  'justification',
  'implementationStatus',
  'owner',
  'evidence',
] as const satisfies readonly (keyof ControlDecision)[]

export const RISK_FIELDS = [
  'title',
  'asset',
  'threat',
  'vulnerability',
  'likelihood',
  'impact',
  'treatment',
  'controlIds',
  'owner',
  'residualLikelihood',
  'residualImpact',
  'acceptedBy',
  'acceptedOn',
] as const satisfies readonly (keyof Risk)[]

/** The assessment details printed on the report's cover (the assessment details form). */
export const ASSESSMENT_DETAIL_FIELDS = [
  'sector',
  'size',
  'scopeStatement',
  'assessor',
  'participants',
  'targetAuditDate',
] as const satisfies readonly (keyof Workspace)[]

/**
 * What the consultant writes for the deliverables (the report details form): the gap report's
 * version, confidentiality line, summary and recommendations, and the SoA's version, owner and
 * approval.
 */
export const REPORT_DETAIL_FIELDS = [
  'reportVersion',
  'confidentiality',
  'consultantSummary',
  'recommendations',
  'soaVersion',
  'soaOwner',
  'soaApprover',
  'soaApprovedOn',
] as const satisfies readonly (keyof Workspace)[]

/** Every workspace field an editor changes, field by field. */
export const DETAIL_FIELDS = [
  ...ASSESSMENT_DETAIL_FIELDS,
  ...REPORT_DETAIL_FIELDS,
] as const satisfies readonly (keyof Workspace)[]

export type DetailField = (typeof DETAIL_FIELDS)[number]
export type WorkspaceDetails = Pick<Workspace, DetailField>
export type AssessmentDetails = Pick<Workspace, (typeof ASSESSMENT_DETAIL_FIELDS)[number]>
export type ReportDetails = Pick<Workspace, (typeof REPORT_DETAIL_FIELDS)[number]>

export function assessmentDetailsOf(workspace: Workspace): AssessmentDetails {
  return {
    sector: workspace.sector,
    size: workspace.size,
    scopeStatement: workspace.scopeStatement,
    assessor: workspace.assessor,
    participants: workspace.participants,
    targetAuditDate: workspace.targetAuditDate,
  }
}

export function reportDetailsOf(workspace: Workspace): ReportDetails {
  return {
    reportVersion: workspace.reportVersion,
    confidentiality: workspace.confidentiality,
    consultantSummary: workspace.consultantSummary,
    recommendations: workspace.recommendations,
    soaVersion: workspace.soaVersion,
    soaOwner: workspace.soaOwner,
    soaApprover: workspace.soaApprover,
    soaApprovedOn: workspace.soaApprovedOn,
  }
}

export function detailsOf(workspace: Workspace): WorkspaceDetails {
  return { ...assessmentDetailsOf(workspace), ...reportDetailsOf(workspace) }
}

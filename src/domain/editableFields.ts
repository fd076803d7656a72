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

/** The assessment details printed on the report's cover. */
export const DETAIL_FIELDS = [
  'sector',
  'size',
  'scopeStatement',
  'assessor',
  'participants',
  'targetAuditDate',
] as const satisfies readonly (keyof Workspace)[]

export type WorkspaceDetails = Pick<Workspace, (typeof DETAIL_FIELDS)[number]>

export function detailsOf(workspace: Workspace): WorkspaceDetails {
  return {
    sector: workspace.sector,
    size: workspace.size,
    scopeStatement: workspace.scopeStatement,
    assessor: workspace.assessor,
    participants: workspace.participants,
    targetAuditDate: workspace.targetAuditDate,
  }
}

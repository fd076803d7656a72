/**
 * Backup format 1, the first released: the rows of the five tables as the app stored them
 * before the report details (database schema version 1).
 *
 * A released format is never edited. Since format 2 came, this file has `up(data)`, turning
 * format 1's data into format 2's, instead of `read` and `write`, which moved to format2.ts; and
 * tests/fixtures/backups/format-1.json keeps proving that files of this format still import.
 *
 * The fields of each row are listed in the order the app writes them, so that the rows a
 * schema gives back are already in that order.
 */
import * as v from 'valibot'
import { ANNEX_A_CONTROLS, CLAUSE_IDS } from '@/content'
import { RISK_SCALES, checkCriteria } from '../risk'
import {
  ANSWER_STATUSES,
  APPLICABILITIES,
  IMPLEMENTATION_STATUSES,
  PROVIDERS,
  REASONS,
  TREATMENTS,
  controlId,
  evidence,
  id,
  isoDate,
  level,
  longText,
  name,
  positiveInteger,
  questionId,
  shortText,
  timestamp,
} from './fields'
import type { Format2Data } from './format2'
import type { OlderFormat } from './registry'

const criteriaLabels = v.pipe(
  v.array(name),
  v.check(
    (labels) => RISK_SCALES.some((scale) => scale === labels.length),
    `is not a list of ${RISK_SCALES.join(' or ')} labels`,
  ),
)

// Field by field first, for a precise path; then the fields together (labels per level, the
// threshold within the scale), by the same rule the criteria editor applies.
const RiskCriteriaSchema = v.pipe(
  v.strictObject({
    scale: v.picklist(RISK_SCALES),
    likelihoodLabels: criteriaLabels,
    impactLabels: criteriaLabels,
    acceptanceThreshold: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(25)),
  }),
  v.check(
    (criteria) => checkCriteria(criteria).length === 0,
    'does not fit its scale (one non-blank label per level, a threshold up to scale × scale)',
  ),
)

const WorkspaceSchema = v.strictObject({
  id,
  organizationName: name,
  sector: name,
  size: name,
  scopeStatement: longText,
  assessor: name,
  participants: shortText,
  targetAuditDate: v.nullable(isoDate),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastClause: v.optional(v.picklist(CLAUSE_IDS)),
  lastBackupAt: v.optional(timestamp),
  riskCriteria: v.optional(RiskCriteriaSchema),
})

const ActionSchema = v.strictObject({
  what: shortText,
  owner: name,
  due: v.nullable(isoDate),
})

const ClauseAnswerSchema = v.strictObject({
  workspaceId: id,
  questionId,
  status: v.picklist(ANSWER_STATUSES),
  note: longText,
  evidence,
  action: v.nullable(ActionSchema),
  contentVersion: positiveInteger,
  updatedAt: timestamp,
})

const ControlDecisionSchema = v.strictObject({
  workspaceId: id,
  controlId,
  applicability: v.picklist(APPLICABILITIES),
  provider: v.picklist(PROVIDERS),
  supplierName: name,
  reasons: v.pipe(v.array(v.picklist(REASONS)), v.maxLength(REASONS.length)),
  justification: longText,
  implementationStatus: v.picklist(IMPLEMENTATION_STATUSES),
  owner: name,
  evidence,
  contentVersion: positiveInteger,
  updatedAt: timestamp,
})

const RiskSchema = v.strictObject({
  id,
  workspaceId: id,
  title: shortText,
  asset: shortText,
  threat: shortText,
  vulnerability: shortText,
  likelihood: level,
  impact: level,
  treatment: v.nullable(v.picklist(TREATMENTS)),
  controlIds: v.pipe(v.array(controlId), v.maxLength(ANNEX_A_CONTROLS.length)),
  owner: name,
  residualLikelihood: v.nullable(level),
  residualImpact: v.nullable(level),
  acceptedBy: name,
  acceptedOn: v.nullable(isoDate),
  createdAt: timestamp,
  updatedAt: timestamp,
})

const SnapshotSchema = v.strictObject({
  id,
  workspaceId: id,
  takenAt: timestamp,
  label: shortText,
  score: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100)),
})

/** The schema of format 1's data; format 2 shares the schemas of the tables it did not change. */
export const Format1Data = v.strictObject({
  workspaces: v.array(WorkspaceSchema),
  clauseAnswers: v.array(ClauseAnswerSchema),
  controlDecisions: v.array(ControlDecisionSchema),
  risks: v.array(RiskSchema),
  snapshots: v.array(SnapshotSchema),
})

export type Format1Data = v.InferOutput<typeof Format1Data>

type Format1Workspace = Format1Data['workspaces'][number]
type Format2Workspace = Format2Data['workspaces'][number]

/**
 * A format-1 workspace in format 2: the report details it could not hold, empty (the defaults
 * of a new workspace), after the target audit date, where format 2 writes them.
 */
function withReportDetails(workspace: Format1Workspace): Format2Workspace {
  const {
    id,
    organizationName,
    sector,
    size,
    scopeStatement,
    assessor,
    participants,
    targetAuditDate,
    ...rest
  } = workspace
  return {
    id,
    organizationName,
    sector,
    size,
    scopeStatement,
    assessor,
    participants,
    targetAuditDate,
    reportVersion: '',
    confidentiality: '',
    consultantSummary: '',
    recommendations: '',
    soaVersion: '',
    soaOwner: '',
    soaApprover: '',
    soaApprovedOn: null,
    ...rest,
  }
}

export const format1 = {
  version: 1,
  data: Format1Data,
  up: (data: Format1Data): Format2Data => ({
    workspaces: data.workspaces.map(withReportDetails),
    clauseAnswers: data.clauseAnswers,
    controlDecisions: data.controlDecisions,
    risks: data.risks,
    snapshots: data.snapshots,
  }),
} as const satisfies OlderFormat<typeof Format1Data, Format2Data>

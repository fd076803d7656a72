/**
 * Backup format 1, the first released, and today the one this app writes: the rows of the five
 * tables exactly as the app stores them (src/domain/model.ts).
 *
 * A released format is never edited. When format 2 comes, this file gains `up(data)`, turning
 * format 1's data into format 2's, and loses `read` and `write`, which move to format2.ts; and
 * tests/fixtures/backups/format-1.json keeps proving that files of this format still import.
 *
 * The fields of each row are listed in the order the app writes them, so that the rows a
 * schema gives back are already in that order.
 */
import * as v from 'valibot'
import { ANNEX_A_CONTROLS, CLAUSE_IDS } from '@/content'
import { RISK_SCALES, checkCriteria } from '../risk'
import type { BackupData } from './types'
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
import type { CurrentFormat } from './registry'

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

const Format1Data = v.strictObject({
  workspaces: v.array(WorkspaceSchema),
  clauseAnswers: v.array(ClauseAnswerSchema),
  controlDecisions: v.array(ControlDecisionSchema),
  risks: v.array(RiskSchema),
  snapshots: v.array(SnapshotSchema),
})

export type Format1Data = v.InferOutput<typeof Format1Data>

export const format1 = {
  version: 1,
  data: Format1Data,
  read: (data: Format1Data): BackupData => data,
  write: (data: BackupData) => ({
    workspaces: data.workspaces,
    clauseAnswers: data.clauseAnswers,
    controlDecisions: data.controlDecisions,
    risks: data.risks,
    snapshots: data.snapshots,
  }),
} as const satisfies CurrentFormat<typeof Format1Data>

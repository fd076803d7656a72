/**
 * Backup format 2, and today the one this app writes: the rows of the five tables exactly as the
 * app stores them (src/domain/model.ts). It is format 1 with the report details of a workspace:
 * the gap report's version, confidentiality line, consultant's summary and recommendations, and
 * the Statement of Applicability's version, owner, approver and date of approval.
 *
 * A released format is never edited. When format 3 comes, this file gains `up(data)`, turning
 * format 2's data into format 3's, and loses `read` and `write`, which move to format3.ts; and
 * tests/fixtures/backups/format-2.json keeps proving that files of this format still import.
 *
 * The fields of each row are listed in the order the app writes them (canonical.ts), so that
 * the rows a schema gives back are already in that order.
 */
import * as v from 'valibot'
import { CLAUSE_IDS } from '@/content'
import type { BackupData } from './types'
import { id, isoDate, longText, name, shortText, timestamp } from './fields'
import { Format1Data } from './format1'
import type { CurrentFormat } from './registry'

// The tables format 2 did not change, and the risk criteria, are checked as format 1 checks
// them: a released format's schemas never change, so format 2 shares them.
const format1Tables = Format1Data.entries
const format1Workspace = format1Tables.workspaces.item.entries

const WorkspaceSchema = v.strictObject({
  id,
  organizationName: name,
  sector: name,
  size: name,
  scopeStatement: longText,
  assessor: name,
  participants: shortText,
  targetAuditDate: v.nullable(isoDate),
  reportVersion: name,
  confidentiality: shortText,
  consultantSummary: longText,
  recommendations: longText,
  soaVersion: name,
  soaOwner: name,
  soaApprover: name,
  soaApprovedOn: v.nullable(isoDate),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastClause: v.optional(v.picklist(CLAUSE_IDS)),
  lastBackupAt: v.optional(timestamp),
  riskCriteria: format1Workspace.riskCriteria,
})

const Format2Data = v.strictObject({
  workspaces: v.array(WorkspaceSchema),
  clauseAnswers: format1Tables.clauseAnswers,
  controlDecisions: format1Tables.controlDecisions,
  risks: format1Tables.risks,
  snapshots: format1Tables.snapshots,
})

export type Format2Data = v.InferOutput<typeof Format2Data>

export const format2 = {
  version: 2,
  data: Format2Data,
  read: (data: Format2Data): BackupData => data,
  write: (data: BackupData) => ({
    workspaces: data.workspaces,
    clauseAnswers: data.clauseAnswers,
    controlDecisions: data.controlDecisions,
    risks: data.risks,
    snapshots: data.snapshots,
  }),
} as const satisfies CurrentFormat<typeof Format2Data>

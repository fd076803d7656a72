/**
 * Backup format 2: the rows of the five tables as the app stored them at database schema
 * version 2. It is format 1 with the report details of a workspace:
 * the gap report's version, confidentiality line, consultant's summary and recommendations, and
 * the Statement of Applicability's version, owner, approver and date of approval.
 *
 * A released format is never edited. Since format 3 came, this file has `up(data)`, turning
 * format 2's data into format 3's (snapshots that hold their records), instead of `read` and
 * `write`, which moved to format3.ts; and tests/fixtures/backups/format-2.json keeps proving
 * that files of this format still import.
 *
 * The fields of each row are listed in the order the app writes them (canonical.ts), so that
 * the rows a schema gives back are already in that order.
 */
import * as v from 'valibot'
import { CLAUSE_IDS } from '@/content'
import { id, isoDate, longText, name, shortText, timestamp } from './fields'
import { Format1Data } from './format1'
import type { Format3Data } from './format3'
import type { OlderFormat } from './registry'

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

export const Format2Data = v.strictObject({
  workspaces: v.array(WorkspaceSchema),
  clauseAnswers: format1Tables.clauseAnswers,
  controlDecisions: format1Tables.controlDecisions,
  risks: format1Tables.risks,
  snapshots: format1Tables.snapshots,
})

export type Format2Data = v.InferOutput<typeof Format2Data>

type Format2Snapshot = Format2Data['snapshots'][number]
type Format3Snapshot = Format3Data['snapshots'][number]

/**
 * A format-2 snapshot in format 3. Format 2 kept only a snapshot's score, so the snapshot keeps
 * it, with the band that score gives by itself, no parts, no blockers and no records: it is
 * charted, and the compare screen says it cannot be compared.
 */
function scoreOnly(snapshot: Format2Snapshot): Format3Snapshot {
  const score = Math.round(snapshot.score)
  // The bands of the score when format 3 was released, frozen here as this upgrade is.
  const band =
    score >= 85
      ? 'ready'
      : score >= 70
        ? 'nearly-ready'
        : score >= 40
          ? 'partly-ready'
          : 'not-ready'
  return {
    id: snapshot.id,
    workspaceId: snapshot.workspaceId,
    takenAt: snapshot.takenAt,
    label: snapshot.label.trim() || 'Snapshot',
    verdict: { score, band, parts: null, blockers: [] },
    records: null,
    soaApproval: null,
  }
}

export const format2 = {
  version: 2,
  data: Format2Data,
  up: (data: Format2Data): Format3Data => ({
    workspaces: data.workspaces,
    clauseAnswers: data.clauseAnswers,
    controlDecisions: data.controlDecisions,
    risks: data.risks,
    snapshots: data.snapshots.map(scoreOnly),
  }),
} as const satisfies OlderFormat<typeof Format2Data, Format3Data>

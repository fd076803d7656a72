/**
 * Backup format 3: the rows of the five tables as the app stored them before the scoping
 * interview (database schema version 3). It is format 2 with snapshots that hold what they froze:
 * the answers, decisions and risks of their moment (each without its workspace id, which the
 * snapshot carries), the verdict of that moment (score, band, the parts' points, blockers), and,
 * for an approved Statement of Applicability, the approval (version, approver, date, change note).
 *
 * A released format is never edited. Since format 4 came, this file has `up(data)`, turning
 * format 3's data into format 4's (workspaces without scoping answers), instead of `read` and
 * `write`, which moved to format4.ts; and tests/fixtures/backups/format-3.json keeps proving that
 * files of this format still import.
 *
 * The fields of each row are listed in the order the app writes them (canonical.ts), so that
 * the rows a schema gives back are already in that order.
 */
import * as v from 'valibot'
import { ANNEX_A_CONTROLS } from '@/content'
import { MAX_CLAUSE_ANSWERS_PER_WORKSPACE, MAX_RISKS_PER_WORKSPACE } from '../limits'
import { id, isoDate, longText, name, shortText, timestamp } from './fields'
import { Format2Data } from './format2'
import type { Format4Data } from './format4'
import type { OlderFormat } from './registry'

// The tables format 3 did not change are checked as format 2 checks them: a released format's
// schemas never change, so format 3 shares them.
const format2Tables = Format2Data.entries

const points = (max: number) => v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(max))

const VerdictSchema = v.strictObject({
  score: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
  band: v.picklist(['not-ready', 'partly-ready', 'nearly-ready', 'ready']),
  parts: v.nullable(
    v.strictObject({
      clauseConformance: points(100),
      riskRegister: points(100),
      soaCompleteness: points(100),
      annexAImplementation: points(100),
    }),
  ),
  blockers: v.pipe(v.array(v.strictObject({ id: name, title: shortText })), v.maxLength(100)),
})

const RecordsSchema = v.strictObject({
  answers: v.pipe(
    v.array(v.omit(format2Tables.clauseAnswers.item, ['workspaceId'])),
    v.maxLength(MAX_CLAUSE_ANSWERS_PER_WORKSPACE),
  ),
  decisions: v.pipe(
    v.array(v.omit(format2Tables.controlDecisions.item, ['workspaceId'])),
    v.maxLength(ANNEX_A_CONTROLS.length),
  ),
  risks: v.pipe(
    v.array(v.omit(format2Tables.risks.item, ['workspaceId'])),
    v.maxLength(MAX_RISKS_PER_WORKSPACE),
  ),
})

const SoaApprovalSchema = v.strictObject({
  version: v.pipe(name, v.minLength(1)),
  approver: v.pipe(name, v.minLength(1)),
  approvedOn: isoDate,
  changeNote: longText,
})

const SnapshotSchema = v.strictObject({
  id,
  workspaceId: id,
  takenAt: timestamp,
  label: v.pipe(shortText, v.minLength(1)),
  verdict: VerdictSchema,
  records: v.nullable(RecordsSchema),
  soaApproval: v.nullable(SoaApprovalSchema),
})

export const Format3Data = v.strictObject({
  workspaces: format2Tables.workspaces,
  clauseAnswers: format2Tables.clauseAnswers,
  controlDecisions: format2Tables.controlDecisions,
  risks: format2Tables.risks,
  snapshots: v.array(SnapshotSchema),
})

export type Format3Data = v.InferOutput<typeof Format3Data>

export const format3 = {
  version: 3,
  data: Format3Data,
  // Format 3 had no scoping interview: its workspaces are format-4 workspaces without one, the
  // interview not yet answered.
  up: (data: Format3Data): Format4Data => data,
} as const satisfies OlderFormat<typeof Format3Data, Format4Data>

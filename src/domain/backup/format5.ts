/**
 * Backup format 5, and today the one this app writes: the rows of the six tables exactly as the
 * app stores them (src/domain/model.ts, src/domain/register.ts). It is format 4 with the register
 * of documented information: the rows the organization recorded something about (a document the
 * clauses require, one an Annex A control calls for, or one of its own), and, in each snapshot
 * taken since, the register rows stored at that moment.
 *
 * A released format is never edited. When format 6 comes, this file gains `up(data)`, turning
 * format 5's data into format 6's, and loses `read` and `write`, which move to format6.ts; and
 * tests/fixtures/backups/format-5.json keeps proving that files of this format still import.
 *
 * The fields of each row are listed in the order the app writes them (canonical.ts), so that
 * the rows a schema gives back are already in that order.
 */
import * as v from 'valibot'
import {
  CONTROL_DOCUMENTS,
  MANDATORY_DOCUMENTS,
  type ControlDocumentKey,
  type MandatoryDocumentKey,
} from '@/content'
import { FIELD_LIMITS } from '../limits'
import { MAX_REGISTER_ENTRIES, REGISTER_STATUSES } from '../register'
import type { BackupData } from './types'
import { id, isoDate, longText, name, shortText, timestamp } from './fields'
import { Format4Data } from './format4'
import type { CurrentFormat } from './registry'

// The tables format 5 did not change are checked as format 4 checks them: a released format's
// schemas never change, so format 5 shares them.
const format4Tables = Format4Data.entries
const format4Snapshot = format4Tables.snapshots.item
const format4Records = format4Snapshot.entries.records.wrapped

const MANDATORY_KEYS = new Set<string>(MANDATORY_DOCUMENTS.map((d) => d.key))
const CONTROL_KEYS = new Set<string>(CONTROL_DOCUMENTS.map((d) => d.key))

/**
 * The key of a document the content names. Keys are the content's, as control ids are the
 * catalog's: never renamed or removed once released (a newer content version, which may add
 * some, is refused before the rows are read), so a key this app does not know is refused here,
 * naming the row's path.
 */
const mandatoryKey = v.custom<MandatoryDocumentKey>(
  (value) => typeof value === 'string' && MANDATORY_KEYS.has(value),
  'is not a document the clauses require',
)
const controlKey = v.custom<ControlDocumentKey>(
  (value) => typeof value === 'string' && CONTROL_KEYS.has(value),
  'is not a document an Annex A control calls for',
)

const SourceSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('mandatory'), key: mandatoryKey }),
  v.strictObject({ kind: v.literal('control'), key: controlKey }),
  v.strictObject({ kind: v.literal('custom') }),
])

/**
 * A row's id: a random one (as for risks) for a row the organization added, or the fixed id of a
 * document the content names, "<workspace id>/<mandatory|control>:<key>" (registerEntryId). The
 * rules check that a fixed id is the row's own.
 */
const registerId = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(2 * FIELD_LIMITS.id + 20),
  v.regex(/^[A-Za-z0-9_-]+(\/(mandatory|control):[a-z0-9-]+)?$/),
)

const RegisterEntrySchema = v.strictObject({
  id: registerId,
  workspaceId: id,
  source: SourceSchema,
  title: shortText,
  status: v.picklist(REGISTER_STATUSES),
  version: name,
  owner: name,
  approver: name,
  approvedOn: v.nullable(isoDate),
  nextReviewOn: v.nullable(isoDate),
  location: shortText,
  note: longText,
  createdAt: timestamp,
  updatedAt: timestamp,
})

/** A register row frozen in a snapshot: the row without its workspace, which the snapshot has. */
const SnapshotRegisterSchema = v.omit(RegisterEntrySchema, ['workspaceId'])

const RecordsSchema = v.strictObject({
  ...format4Records.entries,
  // Absent on a snapshot taken before snapshots kept the register (every format-4 snapshot).
  register: v.optional(v.pipe(v.array(SnapshotRegisterSchema), v.maxLength(MAX_REGISTER_ENTRIES))),
})

const SnapshotSchema = v.strictObject({
  ...format4Snapshot.entries,
  records: v.nullable(RecordsSchema),
})

export const Format5Data = v.strictObject({
  workspaces: format4Tables.workspaces,
  clauseAnswers: format4Tables.clauseAnswers,
  controlDecisions: format4Tables.controlDecisions,
  risks: format4Tables.risks,
  snapshots: v.array(SnapshotSchema),
  registerEntries: v.array(RegisterEntrySchema),
})

export type Format5Data = v.InferOutput<typeof Format5Data>

export const format5 = {
  version: 5,
  data: Format5Data,
  read: (data: Format5Data): BackupData => data,
  write: (data: BackupData) => ({
    workspaces: data.workspaces,
    clauseAnswers: data.clauseAnswers,
    controlDecisions: data.controlDecisions,
    risks: data.risks,
    snapshots: data.snapshots,
    registerEntries: data.registerEntries,
  }),
} as const satisfies CurrentFormat<typeof Format5Data>

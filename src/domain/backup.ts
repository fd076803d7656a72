/**
 * The backup file: one JSON document holding whole workspaces with every row that belongs to
 * them, wrapped in an envelope that says what made it (format, app, schema and content
 * versions), how many rows each table holds and a SHA-256 of the rows.
 *
 * An imported file is hostile until proven otherwise. `parseBackup` checks it in a fixed order
 * (size, JSON without prototype keys, envelope, strict schema field by field, counts and
 * checksum, references between rows) and only then builds fresh typed rows from the validated
 * values; the parsed JSON itself never leaves this module.
 */
import { FIELD_LIMITS } from './limits'
import * as v from 'valibot'
import { ANNEX_A_CONTROLS, CLAUSE_IDS, controlById, type ControlId } from '@/content'
import type {
  ActionItem,
  AnswerStatus,
  Applicability,
  ClauseAnswer,
  ControlDecision,
  ControlProvider,
  ImplementationStatus,
  JustificationReason,
  Risk,
  Snapshot,
  TreatmentOption,
  Workspace,
} from './model'
import { RISK_SCALES, checkCriteria, type RiskCriteria } from './risk'

export const BACKUP_FORMAT = 'isms-readiness-backup'
export const BACKUP_FORMAT_VERSION = 1

/**
 * The largest backup accepted, in bytes. A backup of 100 full workspaces is around 10 MB, so
 * 50 MB leaves room while keeping a hostile file from exhausting memory.
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024

/** The longest values a backup may hold: the same limits the editors enforce. */
export const BACKUP_LIMITS = FIELD_LIMITS

export interface BackupData {
  readonly workspaces: readonly Workspace[]
  readonly clauseAnswers: readonly ClauseAnswer[]
  readonly controlDecisions: readonly ControlDecision[]
  readonly risks: readonly Risk[]
  readonly snapshots: readonly Snapshot[]
}

export type BackupTable = keyof BackupData
export type BackupCounts = { readonly [T in BackupTable]: number }

export const BACKUP_TABLES = [
  'workspaces',
  'clauseAnswers',
  'controlDecisions',
  'risks',
  'snapshots',
] as const satisfies readonly BackupTable[]

/** What made the backup. `exportedAt` is an ISO timestamp. */
export interface BackupMeta {
  readonly appVersion: string
  readonly schemaVersion: number
  readonly contentVersion: number
  readonly exportedAt: string
}

/** SHA-256 of the UTF-8 bytes of a text, as lowercase hex (WebCrypto in the app). */
export type Sha256 = (text: string) => Promise<string>

export type BackupErrorKind =
  | 'too-large'
  | 'not-json'
  | 'hostile'
  | 'not-a-backup'
  | 'future-version'
  | 'invalid'
  | 'checksum'
  | 'inconsistent'

export interface BackupError {
  readonly kind: BackupErrorKind
  /** What happened and what to do, in plain words, for the user. */
  readonly message: string
  /** The first offending place in the file, e.g. "clauseAnswers[3].status", when there is one. */
  readonly path?: string
}

export type ParsedBackup =
  | { readonly ok: true; readonly data: BackupData; readonly meta: BackupMeta }
  | { readonly ok: false; readonly error: BackupError }

/**
 * Writes the backup file: pretty-printed JSON of the envelope, with `sha256` computed over
 * `JSON.stringify(data)`. Rows are sorted by their primary key and their fields written in a
 * fixed order, so the same data always gives the same text, byte for byte.
 */
export async function buildBackup(
  data: BackupData,
  meta: BackupMeta,
  sha256: Sha256,
): Promise<string> {
  const rows = canonicalData(data)
  const envelope = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: {
      version: meta.appVersion,
      schemaVersion: meta.schemaVersion,
      contentVersion: meta.contentVersion,
    },
    exportedAt: meta.exportedAt,
    counts: countRows(rows),
    sha256: await sha256(JSON.stringify(rows)),
    data: rows,
  }
  return `${JSON.stringify(envelope, null, 2)}\n`
}

/**
 * Reads a backup file and accepts it only when every check passes, in this order:
 * 1. size: the text is at most MAX_BACKUP_BYTES UTF-16 code units long (never more than its
 *    size in UTF-8 bytes, so a file within the limit is never refused; callers holding a File
 *    compare `file.size` with MAX_BACKUP_BYTES before reading it, so a huge file is never read);
 * 2. JSON: it parses, and no object anywhere has a key named `__proto__`, `constructor` or
 *    `prototype` (refused as hostile, never silently dropped);
 * 3. envelope: it says it is an ISMS Readiness backup, in a format version this app reads;
 * 4. schema: every field of every row has the right type, allowed value and length, and no
 *    unknown field is present ("invalid", naming the first offending path);
 * 5. integrity: the counts match the rows and the SHA-256 matches the data ("checksum");
 * 6. references: ids are unique and every row belongs to a workspace in the file.
 * Question ids unknown to this app are kept (a newer content version may have added them);
 * control ids must be in the Annex A catalog. The data returned is built afresh from the
 * validated values.
 */
export async function parseBackup(text: string, sha256: Sha256): Promise<ParsedBackup> {
  if (text.length > MAX_BACKUP_BYTES) return fail('too-large', MESSAGES.tooLarge)

  let parsed: unknown
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''), refusePrototypeKeys)
  } catch (error) {
    if (error instanceof PrototypeKeyError) return fail('hostile', MESSAGES.hostile(error.key))
    return fail('not-json', MESSAGES.notJson)
  }

  if (!isRecord(parsed) || parsed['format'] !== BACKUP_FORMAT) {
    return fail('not-a-backup', MESSAGES.notABackup)
  }
  const formatVersion = parsed['formatVersion']
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return fail('not-a-backup', MESSAGES.notABackup)
  }
  if (formatVersion > BACKUP_FORMAT_VERSION) {
    return fail('future-version', MESSAGES.futureVersion(formatVersion))
  }

  const result = v.safeParse(EnvelopeSchema, parsed, { abortEarly: true })
  if (!result.success) {
    const [issue] = result.issues
    const path = issuePath(issue.path)
    return fail('invalid', MESSAGES.invalid(path, describeIssue(issue)), path)
  }
  const envelope = result.output

  for (const table of BACKUP_TABLES) {
    const declared = envelope.counts[table]
    const actual = envelope.data[table].length
    if (declared !== actual) {
      return fail('checksum', MESSAGES.countMismatch(table, declared, actual), `counts.${table}`)
    }
  }
  // The checksum covers the data as written in the file, which the schema has just shown to be
  // nothing but known fields of known types.
  if ((await sha256(JSON.stringify(parsed['data']))) !== envelope.sha256) {
    return fail('checksum', MESSAGES.checksum, 'sha256')
  }

  const contradiction = findContradiction(envelope.data)
  if (contradiction) {
    return fail('inconsistent', MESSAGES.inconsistent(contradiction.what), contradiction.path)
  }
  return {
    ok: true,
    data: canonicalData(envelope.data),
    meta: {
      appVersion: envelope.app.version,
      schemaVersion: envelope.app.schemaVersion,
      contentVersion: envelope.app.contentVersion,
      exportedAt: envelope.exportedAt,
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

const MESSAGES = {
  tooLarge: `This file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB, far more than any ISMS Readiness backup. Nothing was imported. Choose the backup file (.json) the app exported.`,
  notJson:
    'This file is not a complete backup: it is not readable JSON, or it was cut off while being saved or copied. Nothing was imported. Choose the backup file (.json) the app exported, or export it again.',
  hostile: (key: string) =>
    `This file contains a field named "${key}", which no backup has and which can be used to attack the app. Nothing was imported. Only import backups exported by ISMS Readiness.`,
  notABackup:
    'This file is not an ISMS Readiness backup. Nothing was imported. Choose a backup file (.json) exported by ISMS Readiness.',
  futureVersion: (version: number) =>
    `This backup was made by a newer version of ISMS Readiness (backup format ${version}; this version reads format ${BACKUP_FORMAT_VERSION}). Nothing was imported. Update the app, then import again.`,
  invalid: (path: string, problem: string) =>
    `This backup cannot be imported: ${path} ${problem}. Nothing was imported. The file was edited or damaged after it was exported; export it again from the device that made it.`,
  countMismatch: (table: BackupTable, declared: number, actual: number) =>
    `This backup says it holds ${declared} ${TABLE_WORDS[table]} but holds ${actual}: the file was changed or damaged after it was exported. Nothing was imported. Export it again from the device that made it.`,
  checksum:
    'This backup does not match its checksum: the file was changed or damaged after it was exported. Nothing was imported. Export it again from the device that made it.',
  inconsistent: (what: string) =>
    `This backup contradicts itself: ${what}. Nothing was imported. The file was edited after it was exported; export it again from the device that made it.`,
}

const TABLE_WORDS: Record<BackupTable, string> = {
  workspaces: 'assessments',
  clauseAnswers: 'clause answers',
  controlDecisions: 'control decisions',
  risks: 'risks',
  snapshots: 'snapshots',
}

function fail(kind: BackupErrorKind, message: string, path?: string): ParsedBackup {
  return { ok: false, error: path === undefined ? { kind, message } : { kind, message, path } }
}

// ---------------------------------------------------------------------------------------------
// JSON

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

class PrototypeKeyError extends Error {
  constructor(readonly key: string) {
    super(`Refused key ${key}`)
  }
}

// JSON.parse itself defines "__proto__" as an own property without touching the prototype, but
// any later spread or merge would; a strict schema may drop it silently. Refuse the whole file.
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new PrototypeKeyError(key)
  return value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ---------------------------------------------------------------------------------------------
// Schema

/** The members of a union type, listed once; fails to compile when one is missing. */
const allOf =
  <T extends string>() =>
  <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : never),
  ): A =>
    values

const ANSWER_STATUSES = allOf<AnswerStatus>()(['not-started', 'partly', 'in-place', 'dont-know'])
const APPLICABILITIES = allOf<Applicability>()(['undecided', 'applicable', 'excluded'])
const REASONS = allOf<JustificationReason>()([
  'risk-assessment',
  'legal-regulatory',
  'contractual',
  'business-need',
])
const IMPLEMENTATION_STATUSES = allOf<ImplementationStatus>()([
  'not-implemented',
  'planned',
  'partly',
  'implemented',
])
const PROVIDERS = allOf<ControlProvider>()(['in-house', 'supplier'])
const TREATMENTS = allOf<TreatmentOption>()(['modify', 'avoid', 'share', 'retain'])

const ID_PATTERN = /^[A-Za-z0-9_-]+$/
const QUESTION_ID_PATTERN = /^q-[\d.]+-[a-z0-9-]+$/
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
const SHA256_PATTERN = /^[0-9a-f]{64}$/

/** True for a timestamp that names a real instant (no 31 February, no 25:00). */
function isRealTimestamp(value: string): boolean {
  const time = Date.parse(value)
  return !Number.isNaN(time) && new Date(time).toISOString() === value
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const name = text(BACKUP_LIMITS.name)
const shortText = text(BACKUP_LIMITS.shortText)
const longText = text(BACKUP_LIMITS.longText)
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(BACKUP_LIMITS.id), v.regex(ID_PATTERN))
const timestamp = v.pipe(
  v.string(),
  v.regex(TIMESTAMP_PATTERN),
  v.check(isRealTimestamp, 'is not a real date and time'),
)
const isoDate = v.pipe(
  v.string(),
  v.regex(DATE_PATTERN),
  v.check((date) => isRealTimestamp(`${date}T00:00:00.000Z`), 'is not a real date'),
)
const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1))
const count = v.pipe(v.number(), v.integer(), v.minValue(0))
const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))
const evidence = v.pipe(v.array(longText), v.maxLength(BACKUP_LIMITS.evidenceItems))
const questionId = v.pipe(v.string(), v.maxLength(100), v.regex(QUESTION_ID_PATTERN))
const controlId = v.custom<ControlId>(
  (value) => typeof value === 'string' && controlById(value) !== undefined,
  'is not a control of the Annex A catalog',
)

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
  organizationName: v.pipe(v.string(), v.minLength(1), v.maxLength(BACKUP_LIMITS.name)),
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

const EnvelopeSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION),
  app: v.strictObject({
    version: v.pipe(v.string(), v.minLength(1), v.maxLength(50)),
    schemaVersion: positiveInteger,
    contentVersion: positiveInteger,
  }),
  exportedAt: timestamp,
  counts: v.strictObject({
    workspaces: count,
    clauseAnswers: count,
    controlDecisions: count,
    risks: count,
    snapshots: count,
  }),
  sha256: v.pipe(v.string(), v.regex(SHA256_PATTERN)),
  data: v.strictObject({
    workspaces: v.array(WorkspaceSchema),
    clauseAnswers: v.array(ClauseAnswerSchema),
    controlDecisions: v.array(ControlDecisionSchema),
    risks: v.array(RiskSchema),
    snapshots: v.array(SnapshotSchema),
  }),
})

function issuePath(path: readonly { readonly key: unknown }[] | undefined): string {
  let out = ''
  for (const { key } of path ?? []) {
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`
  }
  return out.replace(/^data\./, '') || 'the file'
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  strict_object: 'a group of fields',
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return 'is a field no backup has'
  }
  if (issue.received === 'undefined') return 'is missing'
  switch (issue.type) {
    case 'max_length':
      return typeof issue.input === 'string'
        ? `is too long (at most ${String(issue.requirement)} characters)`
        : `has too many items (at most ${String(issue.requirement)})`
    case 'min_length':
      return 'is empty'
    case 'regex':
      return 'is not in the expected form'
    case 'integer':
      return 'is not a whole number'
    case 'min_value':
      return `is below ${String(issue.requirement)}`
    case 'max_value':
      return `is above ${String(issue.requirement)}`
    case 'finite':
      return 'is not a finite number'
    case 'picklist':
    case 'literal':
      return 'is not one of the allowed values'
    case 'check':
    case 'custom':
      return issue.message
    default:
      return `has the wrong type (expected ${TYPE_WORDS[issue.type] ?? issue.type})`
  }
}

// ---------------------------------------------------------------------------------------------
// Rows

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function sortedBy<T>(rows: readonly T[], ...keys: ((row: T) => string)[]): T[] {
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const order = compareText(key(a), key(b))
      if (order !== 0) return order
    }
    return 0
  })
}

/** Fresh rows with their fields in a fixed order, sorted by primary key. */
function canonicalData(data: BackupData): BackupData {
  return {
    workspaces: sortedBy(data.workspaces, (w) => w.id).map(copyWorkspace),
    clauseAnswers: sortedBy(
      data.clauseAnswers,
      (a) => a.workspaceId,
      (a) => a.questionId,
    ).map(copyClauseAnswer),
    controlDecisions: sortedBy(
      data.controlDecisions,
      (d) => d.workspaceId,
      (d) => d.controlId,
    ).map(copyControlDecision),
    risks: sortedBy(data.risks, (r) => r.id).map(copyRisk),
    snapshots: sortedBy(data.snapshots, (s) => s.id).map(copySnapshot),
  }
}

function countRows(data: BackupData): BackupCounts {
  return {
    workspaces: data.workspaces.length,
    clauseAnswers: data.clauseAnswers.length,
    controlDecisions: data.controlDecisions.length,
    risks: data.risks.length,
    snapshots: data.snapshots.length,
  }
}

function copyWorkspace(w: Workspace): Workspace {
  return {
    id: w.id,
    organizationName: w.organizationName,
    sector: w.sector,
    size: w.size,
    scopeStatement: w.scopeStatement,
    assessor: w.assessor,
    participants: w.participants,
    targetAuditDate: w.targetAuditDate,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    ...(w.lastClause === undefined ? {} : { lastClause: w.lastClause }),
    ...(w.lastBackupAt === undefined ? {} : { lastBackupAt: w.lastBackupAt }),
    ...(w.riskCriteria === undefined ? {} : { riskCriteria: copyCriteria(w.riskCriteria) }),
  }
}

function copyCriteria(c: RiskCriteria): RiskCriteria {
  return {
    scale: c.scale,
    likelihoodLabels: [...c.likelihoodLabels],
    impactLabels: [...c.impactLabels],
    acceptanceThreshold: c.acceptanceThreshold,
  }
}

function copyAction(action: ActionItem | null): ActionItem | null {
  return action && { what: action.what, owner: action.owner, due: action.due }
}

function copyClauseAnswer(a: ClauseAnswer): ClauseAnswer {
  return {
    workspaceId: a.workspaceId,
    questionId: a.questionId,
    status: a.status,
    note: a.note,
    evidence: [...a.evidence],
    action: copyAction(a.action),
    contentVersion: a.contentVersion,
    updatedAt: a.updatedAt,
  }
}

function copyControlDecision(d: ControlDecision): ControlDecision {
  return {
    workspaceId: d.workspaceId,
    controlId: d.controlId,
    applicability: d.applicability,
    provider: d.provider,
    supplierName: d.supplierName,
    reasons: [...d.reasons],
    justification: d.justification,
    implementationStatus: d.implementationStatus,
    owner: d.owner,
    evidence: [...d.evidence],
    contentVersion: d.contentVersion,
    updatedAt: d.updatedAt,
  }
}

function copyRisk(r: Risk): Risk {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    title: r.title,
    asset: r.asset,
    threat: r.threat,
    vulnerability: r.vulnerability,
    likelihood: r.likelihood,
    impact: r.impact,
    treatment: r.treatment,
    controlIds: [...r.controlIds],
    owner: r.owner,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    acceptedBy: r.acceptedBy,
    acceptedOn: r.acceptedOn,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

function copySnapshot(s: Snapshot): Snapshot {
  return {
    id: s.id,
    workspaceId: s.workspaceId,
    takenAt: s.takenAt,
    label: s.label,
    score: s.score,
  }
}

// ---------------------------------------------------------------------------------------------
// References

interface Contradiction {
  readonly path: string
  readonly what: string
}

/** The first place where the rows of a file contradict each other, in file order. */
function findContradiction(data: BackupData): Contradiction | undefined {
  const workspaceIds = new Map<string, number>()
  for (const [i, w] of data.workspaces.entries()) {
    const first = workspaceIds.get(w.id)
    if (first !== undefined) {
      return {
        path: `workspaces[${i}]`,
        what: `workspaces[${i}] has the same id as workspaces[${first}]`,
      }
    }
    workspaceIds.set(w.id, i)
  }
  const belongs = (workspaceId: string) => workspaceIds.has(workspaceId)
  return (
    checkRows(
      'clauseAnswers',
      data.clauseAnswers,
      belongs,
      (a) => [a.workspaceId, a.questionId],
      'answers the same question of the same assessment as',
    ) ??
    checkRows(
      'controlDecisions',
      data.controlDecisions,
      belongs,
      (d) => [d.workspaceId, d.controlId],
      'decides the same control of the same assessment as',
    ) ??
    checkRows('risks', data.risks, belongs, (r) => [r.id], 'has the same id as') ??
    checkRows('snapshots', data.snapshots, belongs, (s) => [s.id], 'has the same id as')
  )
}

/** A row whose workspace is not in the file, or whose primary key an earlier row already has. */
function checkRows<T extends { readonly workspaceId: string }>(
  table: BackupTable,
  rows: readonly T[],
  belongs: (workspaceId: string) => boolean,
  primaryKey: (row: T) => readonly string[],
  same: string,
): Contradiction | undefined {
  const seen = new Map<string, number>()
  for (const [i, row] of rows.entries()) {
    const path = `${table}[${i}]`
    if (!belongs(row.workspaceId)) {
      return { path, what: `${path} belongs to an assessment that is not in the file` }
    }
    const key = JSON.stringify(primaryKey(row))
    const first = seen.get(key)
    if (first !== undefined) return { path, what: `${path} ${same} ${table}[${first}]` }
    seen.set(key, i)
  }
  return undefined
}

/**
 * What the import tells the user, in plain words: why a file was refused (what is wrong, where,
 * and what to do; always saying that nothing was imported) and what it repaired.
 */
import { CONTENT_VERSION, type ScopingOption, type ScopingQuestion } from '@/content'
import { evidenceText } from '../clauseAnswer'
import type { DecisionProblem } from '../controlDecision'
import { BACKUP_CLOCK_SKEW_MS, FIELD_LIMITS } from '../limits'
import type { ClauseAnswer, ControlDecision, Risk, Snapshot, Workspace } from '../model'
import type { RegisterEntry, RegisterEntryProblem } from '../register'
import type { RiskCriteria, RiskProblem } from '../risk'
import { hasControlCharacters } from '../workspace'
import type { BackupError, BackupErrorKind, BackupRepairKind, BackupTable } from './types'

const MB = 1024 * 1024
const HOUR = 60 * 60 * 1000

const EDITED =
  'The file was edited or damaged after it was exported; export it again from the device that made it.'
const UPDATE = 'Update the app, then import again.'
const CORRECT =
  'Correct it in ISMS Readiness on the device that made the backup, then export the backup again.'
const CLOCK =
  'If the date and time of the device that made the backup were wrong, correct them there, then export the backup again.'

const TABLE_WORDS: Readonly<Record<string, string>> & Record<BackupTable, string> = {
  workspaces: 'assessments',
  clauseAnswers: 'clause answers',
  controlDecisions: 'control decisions',
  risks: 'risks',
  snapshots: 'snapshots',
  registerEntries: 'documents in the register',
}

/** Messages about the file as a whole, before its rows are looked at one by one. */
export const MESSAGES = {
  tooLarge: (maxBytes: number) =>
    `This file is larger than ${maxBytes / MB} MB, more than any ISMS Readiness backup can be. Nothing was imported. Choose the backup file (.json) the app exported.`,
  notJson:
    'This file is not a complete backup: it is not readable JSON, or it was cut off while being saved or copied. Nothing was imported. Choose the backup file (.json) the app exported, or export it again.',
  hostile: (key: string) =>
    `This file contains a field named "${key}", which no backup has and which can be used to attack the app. Nothing was imported. Only import backups exported by ISMS Readiness.`,
  duplicateKey: (key: string, where: string) =>
    `This file has the field "${key}" twice ${where}. A backup never repeats a field, and the app cannot tell which of the two is meant. Nothing was imported. Only import backups exported by ISMS Readiness, or export it again.`,
  notABackup:
    'This file is not an ISMS Readiness backup. Nothing was imported. Choose a backup file (.json) exported by ISMS Readiness.',
  futureFormat: (version: number, current: number) =>
    `This backup was made by a newer version of ISMS Readiness (backup format ${version}; this version reads format ${current}). Nothing was imported. ${UPDATE}`,
  futureSchema: (version: number, current: number) =>
    `This backup was made by a newer version of ISMS Readiness (database version ${version}; this version has database version ${current}). Nothing was imported. ${UPDATE}`,
  futureContent: (version: number) =>
    `This backup was made by a newer version of ISMS Readiness (content version ${version}; this version has content version ${CONTENT_VERSION}). Nothing was imported. ${UPDATE}`,
  exportedInFuture: (exportedAt: string, now: string) =>
    `This backup says it was made on ${instant(exportedAt)}, later than the date and time of this device (${instant(now)}). Nothing was imported. Check the date and time of this device and of the one that made the backup, then import again.`,
  invalid: (path: string, problem: string) =>
    `This backup cannot be imported: ${path} ${problem}. Nothing was imported. ${EDITED}`,
  countMismatch: (table: string, declared: number, actual: number) =>
    `This backup says it holds ${declared} ${TABLE_WORDS[table] ?? table} but holds ${actual}: the file was changed or damaged after it was exported. Nothing was imported. Export it again from the device that made it.`,
  checksum:
    'This backup does not match its checksum: the file was changed or damaged after it was exported. Nothing was imported. Export it again from the device that made it.',
  inconsistent: (what: string) =>
    `This backup contradicts itself: ${what}. Nothing was imported. The file was edited after it was exported; export it again from the device that made it.`,
}

function error(kind: BackupErrorKind, message: string, path?: string): BackupError {
  return path === undefined ? { kind, message } : { kind, message, path }
}

/** "2026-11-05 09:30 UTC", from an ISO timestamp. */
function instant(timestamp: string): string {
  return `${timestamp.slice(0, 10)} ${timestamp.slice(11, 16)} UTC`
}

// ---------------------------------------------------------------------------------------------
// Naming a record

/** What the rules know of a file's workspaces, to name the assessment a row belongs to. */
export interface LabelContext {
  readonly names: ReadonlyMap<string, string>
}

/** A row of the file, by its table and place in the file. */
export type RecordLabel = { readonly index: number; readonly context: LabelContext } & (
  | { readonly table: 'workspaces'; readonly row: Workspace }
  | { readonly table: 'clauseAnswers'; readonly row: ClauseAnswer }
  | { readonly table: 'controlDecisions'; readonly row: ControlDecision }
  | { readonly table: 'risks'; readonly row: Risk }
  | { readonly table: 'snapshots'; readonly row: Snapshot }
  | { readonly table: 'registerEntries'; readonly row: RegisterEntry }
)

const SHOWN_LENGTH = 60

/** A text from the file as it can be shown: control characters visible, long texts cut. */
function shown(text: string): string {
  const visible = [...text.replace(/\s+/g, ' ').trim()].map((c) =>
    hasControlCharacters(c) ? '\uFFFD' : c,
  )
  return visible.length > SHOWN_LENGTH
    ? `${visible.slice(0, SHOWN_LENGTH - 1).join('')}…`
    : visible.join('')
}

function quoted(text: string): string {
  return `“${shown(text)}”`
}

function assessment(label: RecordLabel, workspaceId: string): string {
  const name = label.context.names.get(workspaceId) ?? ''
  return shown(name) === '' ? 'an assessment without a name' : quoted(name)
}

/** "controlDecisions[3] (control 5.7 of “Acme”)": the place in the file, then what the row is. */
export function describeRecord(label: RecordLabel): string {
  return `${pathOf(label)} (${whatRecord(label)})`
}

function pathOf(label: RecordLabel, field?: string): string {
  return `${label.table}[${label.index}]${field === undefined ? '' : `.${field}`}`
}

function whatRecord(label: RecordLabel): string {
  switch (label.table) {
    case 'workspaces':
      return shown(label.row.organizationName) === ''
        ? 'an assessment without a name'
        : quoted(label.row.organizationName)
    case 'clauseAnswers':
      return `question ${label.row.questionId} of ${assessment(label, label.row.workspaceId)}`
    case 'controlDecisions':
      return `control ${label.row.controlId} of ${assessment(label, label.row.workspaceId)}`
    case 'risks':
      return shown(label.row.title) === ''
        ? `a risk without a title, of ${assessment(label, label.row.workspaceId)}`
        : `risk ${quoted(label.row.title)} of ${assessment(label, label.row.workspaceId)}`
    case 'snapshots':
      return shown(label.row.label) === ''
        ? `a snapshot of ${assessment(label, label.row.workspaceId)}`
        : `snapshot ${quoted(label.row.label)} of ${assessment(label, label.row.workspaceId)}`
    case 'registerEntries':
      return shown(label.row.title) === ''
        ? `a document without a title, of ${assessment(label, label.row.workspaceId)}`
        : `${quoted(label.row.title)} of ${assessment(label, label.row.workspaceId)}`
  }
}

function breaksRule(label: RecordLabel, field: string, what: string, next = CORRECT): BackupError {
  return error(
    'breaks-rule',
    `This backup cannot be imported: ${describeRecord(label)} ${what}. Nothing was imported. ${next}`,
    pathOf(label, field),
  )
}

// ---------------------------------------------------------------------------------------------
// Rules

/** Name fields, which may hold no control character (see hasControlCharacters). */
export type NameField =
  | 'organizationName'
  | 'sector'
  | 'size'
  | 'assessor'
  | 'reportVersion'
  | 'soaVersion'
  | 'soaOwner'
  | 'soaApprover'
  | 'likelihoodLabel'
  | 'impactLabel'
  | 'actionOwner'
  | 'owner'
  | 'supplierName'
  | 'acceptedBy'
  | 'version'
  | 'approver'

const NAME_FIELDS: Record<NameField, { readonly words: string; readonly field: string }> = {
  organizationName: { words: 'its organization name', field: 'organizationName' },
  sector: { words: 'its sector', field: 'sector' },
  size: { words: 'its size', field: 'size' },
  assessor: { words: 'its assessor', field: 'assessor' },
  reportVersion: { words: 'the version of its gap report', field: 'reportVersion' },
  soaVersion: { words: 'the version of its Statement of Applicability', field: 'soaVersion' },
  soaOwner: { words: 'the owner of its Statement of Applicability', field: 'soaOwner' },
  soaApprover: {
    words: 'the name of who approved its Statement of Applicability',
    field: 'soaApprover',
  },
  likelihoodLabel: {
    words: 'a likelihood label of its risk criteria',
    field: 'riskCriteria.likelihoodLabels',
  },
  impactLabel: {
    words: 'an impact label of its risk criteria',
    field: 'riskCriteria.impactLabels',
  },
  actionOwner: { words: 'the owner of its action', field: 'action.owner' },
  owner: { words: 'its owner', field: 'owner' },
  supplierName: { words: 'its supplier name', field: 'supplierName' },
  acceptedBy: { words: 'the name of who accepted the residual risk', field: 'acceptedBy' },
  version: { words: 'its version', field: 'version' },
  approver: { words: 'the name of who approved it', field: 'approver' },
}

const DECISION_WORDS: Record<DecisionProblem, { readonly words: string; readonly field: string }> =
  {
    'exclusion-needs-justification': {
      words:
        'is excluded without a justification; the app records an exclusion only with its reason written down (the SoA justifies every exclusion, 6.1.3 d)',
      field: 'justification',
    },
    'supplier-needs-name': {
      words:
        "is provided by a supplier whose name is not given; the app records a supplier's control only with the supplier's name",
      field: 'supplierName',
    },
  }

const scaleWords = (criteria: RiskCriteria) =>
  `the 1–${criteria.scale} scale of its assessment's risk criteria`

const RISK_WORDS: Record<
  RiskProblem,
  (risk: Risk, criteria: RiskCriteria) => { readonly words: string; readonly field: string }
> = {
  'title-required': () => ({ words: 'has no title; every risk has one', field: 'title' }),
  'title-too-long': () => ({
    words: `has a title longer than ${FIELD_LIMITS.shortText.toLocaleString('en')} characters`,
    field: 'title',
  }),
  'text-too-long': () => ({
    words: 'has a text longer than the risk editor allows',
    field: 'asset',
  }),
  'likelihood-out-of-scale': (risk, criteria) => ({
    words: `has a likelihood of ${risk.likelihood}, outside ${scaleWords(criteria)}`,
    field: 'likelihood',
  }),
  'impact-out-of-scale': (risk, criteria) => ({
    words: `has an impact of ${risk.impact}, outside ${scaleWords(criteria)}`,
    field: 'impact',
  }),
  'residual-out-of-scale': (risk, criteria) => ({
    words: `has a residual rating (likelihood ${risk.residualLikelihood ?? 'none'}, impact ${risk.residualImpact ?? 'none'}) outside ${scaleWords(criteria)}`,
    field: 'residualLikelihood',
  }),
  'residual-incomplete': (risk) =>
    risk.residualImpact === null
      ? {
          words:
            'has a residual likelihood but no residual impact; the app records both or neither',
          field: 'residualImpact',
        }
      : {
          words:
            'has a residual impact but no residual likelihood; the app records both or neither',
          field: 'residualLikelihood',
        },
  'accepted-on-invalid': () => ({
    words: 'has a date of acceptance that is not a real date',
    field: 'acceptedOn',
  }),
}

/**
 * What the register's editor says of each problem (registerEntryProblems), as the end of a
 * sentence naming the row, and the field it is in.
 */
const REGISTER_WORDS: Record<
  RegisterEntryProblem,
  { readonly words: string; readonly field: string }
> = {
  'no-title': { words: 'has no title; every document in the register has one', field: 'title' },
  'title-too-long': {
    words: `has a title longer than ${FIELD_LIMITS.shortText.toLocaleString('en')} characters`,
    field: 'title',
  },
  'name-too-long': {
    words: `has a version, owner or approver longer than ${FIELD_LIMITS.name} characters`,
    field: 'version',
  },
  'location-too-long': {
    words: `has a location longer than ${FIELD_LIMITS.shortText.toLocaleString('en')} characters`,
    field: 'location',
  },
  'note-too-long': {
    words: `has a note longer than ${FIELD_LIMITS.longText.toLocaleString('en')} characters`,
    field: 'note',
  },
  'invalid-location': {
    words:
      'has a location that is neither a plain reference nor a web link the app can open (a javascript: or data: address, say); the register records only plain references and http(s) links',
    field: 'location',
  },
  'invalid-date': {
    words: 'has a date that is not a calendar date',
    field: 'approvedOn',
  },
  'approval-in-future': {
    words:
      'was approved on a date after the backup itself was made; the register records an approval only once it has happened',
    field: 'approvedOn',
  },
}

const TIME_WORDS: Record<string, string> = {
  createdAt: 'was created on',
  updatedAt: 'was last changed on',
  takenAt: 'was taken on',
  'scoping.updatedAt': 'had its scoping interview last changed on',
}

const CONTROL_CHARACTER =
  'has a control character (an invisible one, such as a tab, a line break or U+0000) in'

const REPAIR_WORDS: Record<BackupRepairKind, (records: string, count: number) => string> = {
  'future-last-backup-dropped': (records, count) =>
    `The date of the last backup of ${records} was later than this file was made, so it was left out: the app will remind you to back ${count === 1 ? 'it' : 'them'} up.`,
  'empty-evidence-dropped': (records) =>
    `Blank evidence references were left out of ${records}: they held no text.`,
  'empty-action-dropped': (records) =>
    `Empty actions (no task, owner or due date) were left out of ${records}.`,
  'empty-scoping-name-dropped': (records) =>
    `Empty supplier names were left out of the scoping interview of ${records}: their answers ask for no name.`,
  'register-entry-rekeyed': (records, count) => {
    const [it, its, was] = count === 1 ? ['it', 'its', 'was'] : ['them', 'their', 'were']
    return `${records} ${was} given the id the register gives ${its} document: the file had ${it} under another id. Nothing in ${it} changed.`
  },
}

/** Records named in a repair message; the rest are counted. */
const NAMED_IN_REPAIR = 3

/** Messages about single rows, naming the row (see describeRecord) and the rule. */
export const RULE_MESSAGES = {
  inconsistent: (path: string, what: string) =>
    error('inconsistent', MESSAGES.inconsistent(`${path} ${what}`), path),
  tooManyWorkspaces: (count: number, max: number) =>
    error(
      'too-many',
      `This backup holds ${count.toLocaleString('en')} assessments, more than the app imports from one file (${max.toLocaleString('en')}). Nothing was imported. Export the assessments in smaller files (each assessment has its own export), then import them one file at a time.`,
      'workspaces',
    ),
  tooManyRows: (table: BackupTable, count: number, name: string, max: number) =>
    error(
      'too-many',
      `This backup holds ${count.toLocaleString('en')} ${TABLE_WORDS[table]} for ${shown(name) === '' ? 'one assessment' : quoted(name)}, more than the app holds in one assessment (${max.toLocaleString('en')}). Nothing was imported. Remove some on the device that made the backup, then export it again.`,
      table,
    ),
  organizationName: (label: RecordLabel, blank: boolean, editorMessage: string) =>
    breaksRule(
      label,
      'organizationName',
      blank
        ? 'has a blank organization name; every assessment has one'
        : `has an organization name the app refuses (${editorMessage.replace(/\.$/, '')})`,
    ),
  controlCharacters: (label: RecordLabel, field: NameField) =>
    breaksRule(
      label,
      NAME_FIELDS[field].field,
      `${CONTROL_CHARACTER} ${NAME_FIELDS[field].words}; the app refuses them in names`,
    ),
  scopingAnswer: (label: RecordLabel, question: ScopingQuestion, value: string) =>
    breaksRule(
      label,
      `scoping.answers.${question.id}`,
      `has a scoping interview that answers ${quoted(value)} to “${question.text}”, which is not one of its options`,
    ),
  scopingNameControlCharacters: (label: RecordLabel, question: ScopingQuestion) =>
    breaksRule(
      label,
      `scoping.names.${question.id}`,
      `${CONTROL_CHARACTER} the supplier its scoping interview names for “${question.text}”; the app refuses them in names`,
    ),
  scopingNameNotAsked: (
    label: RecordLabel,
    question: ScopingQuestion,
    name: string,
    answer: ScopingOption | undefined,
  ) =>
    breaksRule(
      label,
      `scoping.names.${question.id}`,
      `has a scoping interview that names ${quoted(name)} as the supplier for “${question.text}”, ${
        answer
          ? `but its answer (“${answer.label}”) asks for no name`
          : 'but leaves that question unanswered'
      }; the interview records a supplier only with an answer that asks for one`,
    ),
  register: (label: RecordLabel, problem: RegisterEntryProblem) =>
    breaksRule(label, REGISTER_WORDS[problem].field, REGISTER_WORDS[problem].words),
  /** A frozen register row that breaks a rule of the register, at `path` in a snapshot. */
  frozenRegister: (path: string, problem: RegisterEntryProblem) =>
    error(
      'inconsistent',
      MESSAGES.inconsistent(
        `${path} ${
          problem === 'approval-in-future'
            ? 'was approved on a date after the snapshot was taken'
            : REGISTER_WORDS[problem].words
        }`,
      ),
      `${path}.${REGISTER_WORDS[problem].field}`,
    ),
  decision: (label: RecordLabel, problem: DecisionProblem) =>
    breaksRule(label, DECISION_WORDS[problem].field, DECISION_WORDS[problem].words),
  risk: (
    label: RecordLabel & { readonly row: Risk },
    problem: RiskProblem,
    criteria: RiskCriteria,
  ) => {
    const { words, field } = RISK_WORDS[problem](label.row, criteria)
    return breaksRule(label, field, words)
  },
  multiLineEvidence: (label: RecordLabel) =>
    breaksRule(
      label,
      'evidence',
      'has an evidence reference written over several lines; the app keeps one reference per line',
    ),
  evidenceTooLong: (label: RecordLabel, evidence: readonly string[]) =>
    breaksRule(
      label,
      'evidence',
      `has evidence references of ${evidenceText(evidence).length.toLocaleString('en')} characters in all, more than the ${FIELD_LIMITS.longText.toLocaleString('en')} the evidence field holds`,
    ),
  timeAfterExport: (label: RecordLabel, field: string, value: string, exportedAt: string) =>
    breaksRule(
      label,
      field,
      `${TIME_WORDS[field] ?? `has ${field}`} ${instant(value)}, more than ${BACKUP_CLOCK_SKEW_MS / HOUR} hours after the backup itself was made (${instant(exportedAt)})`,
      CLOCK,
    ),
  newerContent: (label: RecordLabel, version: number) =>
    error(
      'future-version',
      `This backup was made by a newer version of ISMS Readiness: ${describeRecord(label)} was recorded against content version ${version}, and this version has content version ${CONTENT_VERSION}. Nothing was imported. ${UPDATE}`,
      pathOf(label, 'contentVersion'),
    ),
  repair: (kind: BackupRepairKind, labels: readonly RecordLabel[]) => {
    const named = labels.slice(0, NAMED_IN_REPAIR).map(describeRecord)
    const more = labels.length - named.length
    const records =
      more > 0 ? `${named.join(', ')} and ${more.toLocaleString('en')} more` : named.join(', ')
    return REPAIR_WORDS[kind](records, labels.length)
  },
}

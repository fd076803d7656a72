/**
 * The current rules, applied to the rows of a file once they are in the current shape: the rows
 * refer to each other properly, there are no more of them than the app holds, and each one is a
 * row the app's editors could have saved. The rules are the editors' own (decisionProblems,
 * riskProblems, checkOrganizationName, evidenceProblems, normalizeAction): one rule set, used by
 * both. A row that breaks one refuses the whole file, naming the row and the rule; the only
 * changes made instead are those that lose nothing the user wrote, and each is reported.
 */
import { CONTENT_VERSION, SCOPING_QUESTIONS, type ScopingQuestion } from '@/content'
import { evidenceProblems, normalizeAction } from '../clauseAnswer'
import { decisionProblems } from '../controlDecision'
import {
  BACKUP_CLOCK_SKEW_MS,
  MAX_CLAUSE_ANSWERS_PER_WORKSPACE,
  MAX_RISKS_PER_WORKSPACE,
  MAX_SNAPSHOTS_PER_WORKSPACE,
  MAX_WORKSPACES_PER_BACKUP,
} from '../limits'
import type {
  ClauseAnswer,
  ControlDecision,
  Risk,
  ScopingProfile,
  Snapshot,
  SnapshotAnswer,
  SnapshotDecision,
  SnapshotRegisterEntry,
  SnapshotRisk,
  Workspace,
} from '../model'
import {
  MAX_REGISTER_ENTRIES,
  registerEntryId,
  registerEntryProblems,
  type RegisterEntry,
} from '../register'
import { DEFAULT_RISK_CRITERIA, criteriaOf, riskProblems, type RiskCriteria } from '../risk'
import { checkOrganizationName, hasControlCharacters } from '../workspace'
import { copyWorkspace } from './canonical'
import { RULE_MESSAGES, type NameField, type RecordLabel } from './messages'
import type { BackupData, BackupError, BackupRepair, BackupRepairKind, BackupTable } from './types'

export type RulesOutcome =
  | { readonly ok: true; readonly data: BackupData; readonly repairs: readonly BackupRepair[] }
  | { readonly ok: false; readonly error: BackupError }

class Refusal extends Error {
  constructor(readonly error: BackupError) {
    super(error.message)
  }
}

/**
 * Applies the current rules to rows in file order (workspaces, then answers, decisions, risks,
 * snapshots and register rows), and gives back the rows with their lossless repairs, or the
 * first refusal:
 * 1. references: ids are unique and every row belongs to a workspace of the file;
 * 2. limits: at most MAX_WORKSPACES_PER_BACKUP workspaces, and per workspace at most
 *    MAX_CLAUSE_ANSWERS_PER_WORKSPACE answers, MAX_RISKS_PER_WORKSPACE risks,
 *    MAX_SNAPSHOTS_PER_WORKSPACE snapshots and MAX_REGISTER_ENTRIES register rows (at most one
 *    decision per Annex A control follows from the references);
 * 3. each row: what its editor requires (see the functions named above), no control character
 *    in a name, no content version newer than this app's, a scoping interview whose answers are
 *    options of their questions and whose names are given only for answers that ask for one
 *    (see checkScoping), register rows as the register's editor saves them under the ids the
 *    register gives them (see checkRegister), and no time later than the file's
 *    exportedAt by more than BACKUP_CLOCK_SKEW_MS. A time that late cannot come from the clock
 *    that made the file, or from any clock its rows were imported from: it is refused, not
 *    clamped, because the app cannot know the real time.
 * Repaired, and reported: empty or blank evidence references are left out (they hold no text);
 * an action with nothing in it becomes no action (normalizeAction); a blank supplier name for a
 * scoping answer that asks for none is left out (it holds no text); and a lastBackupAt later
 * than the file (beyond the same skew) is left out; the row of a document the content names,
 * found under a random id where the register would give it its fixed id, is moved to that id
 * (see checkRegister). Keeping such a lastBackupAt would silence
 * the backup reminder for work no backup holds; leaving it out only makes the reminder come
 * sooner, and the date of a backup is nothing the user wrote. Refusing the file for it would
 * block the user's own rows over a date.
 */
export function applyRules(data: BackupData, exportedAt: string): RulesOutcome {
  try {
    const context = checkReferences(data)
    checkLimits(data, context)
    const clock: Clock = { exportedAt, latest: latestTime(exportedAt) }
    const repairs = new Repairs()
    const rows: BackupData = {
      workspaces: data.workspaces.map((w, i) => checkWorkspace(w, i, clock, context, repairs)),
      clauseAnswers: data.clauseAnswers.map((a, i) => checkAnswer(a, i, clock, context, repairs)),
      controlDecisions: data.controlDecisions.map((d, i) =>
        checkDecision(d, i, clock, context, repairs),
      ),
      risks: data.risks.map((r, i) => checkRisk(r, i, clock, context)),
      snapshots: data.snapshots.map((s, i) => checkSnapshot(s, i, clock, context)),
      registerEntries: checkRegister(data.registerEntries, clock, context, repairs),
    }
    return { ok: true, data: rows, repairs: repairs.list() }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error }
    throw error
  }
}

/** What the rows of one file know about its workspaces. */
interface Context {
  readonly names: ReadonlyMap<string, string>
  readonly criteria: ReadonlyMap<string, RiskCriteria>
}

function refuse(error: BackupError): never {
  throw new Refusal(error)
}

// ---------------------------------------------------------------------------------------------
// References

function checkReferences(data: BackupData): Context {
  const workspaceIndex = new Map<string, number>()
  const names = new Map<string, string>()
  const criteria = new Map<string, RiskCriteria>()
  for (const [i, w] of data.workspaces.entries()) {
    const first = workspaceIndex.get(w.id)
    if (first !== undefined) {
      refuse(
        RULE_MESSAGES.inconsistent(`workspaces[${i}]`, `has the same id as workspaces[${first}]`),
      )
    }
    workspaceIndex.set(w.id, i)
    names.set(w.id, w.organizationName)
    criteria.set(w.id, criteriaOf(w))
  }
  const belongs = (workspaceId: string) => workspaceIndex.has(workspaceId)
  checkRows(
    'clauseAnswers',
    data.clauseAnswers,
    belongs,
    (a) => `${a.workspaceId}\u0000${a.questionId}`,
    'answers the same question of the same assessment as',
  )
  checkRows(
    'controlDecisions',
    data.controlDecisions,
    belongs,
    (d) => `${d.workspaceId}\u0000${d.controlId}`,
    'decides the same control of the same assessment as',
  )
  checkRows('risks', data.risks, belongs, (r) => r.id, 'has the same id as')
  checkRows('snapshots', data.snapshots, belongs, (s) => s.id, 'has the same id as')
  checkRows('registerEntries', data.registerEntries, belongs, (e) => e.id, 'has the same id as')
  return { names, criteria }
}

/** Refuses a row whose workspace is not in the file, or whose key an earlier row already has. */
function checkRows<T extends { readonly workspaceId: string }>(
  table: BackupTable,
  rows: readonly T[],
  belongs: (workspaceId: string) => boolean,
  primaryKey: (row: T) => string,
  same: string,
): void {
  const seen = new Map<string, number>()
  for (const [i, row] of rows.entries()) {
    const path = `${table}[${i}]`
    if (!belongs(row.workspaceId)) {
      refuse(RULE_MESSAGES.inconsistent(path, 'belongs to an assessment that is not in the file'))
    }
    const key = primaryKey(row)
    const first = seen.get(key)
    if (first !== undefined) refuse(RULE_MESSAGES.inconsistent(path, `${same} ${table}[${first}]`))
    seen.set(key, i)
  }
}

// ---------------------------------------------------------------------------------------------
// Limits

type LimitedTable = 'clauseAnswers' | 'risks' | 'snapshots' | 'registerEntries'

const PER_WORKSPACE: Record<LimitedTable, number> = {
  clauseAnswers: MAX_CLAUSE_ANSWERS_PER_WORKSPACE,
  risks: MAX_RISKS_PER_WORKSPACE,
  snapshots: MAX_SNAPSHOTS_PER_WORKSPACE,
  registerEntries: MAX_REGISTER_ENTRIES,
}

function checkLimits(data: BackupData, context: Context): void {
  if (data.workspaces.length > MAX_WORKSPACES_PER_BACKUP) {
    refuse(RULE_MESSAGES.tooManyWorkspaces(data.workspaces.length, MAX_WORKSPACES_PER_BACKUP))
  }
  for (const table of ['clauseAnswers', 'risks', 'snapshots', 'registerEntries'] as const) {
    const perWorkspace = new Map<string, number>()
    for (const row of data[table]) {
      const n = (perWorkspace.get(row.workspaceId) ?? 0) + 1
      perWorkspace.set(row.workspaceId, n)
    }
    for (const [workspaceId, n] of perWorkspace) {
      if (n > PER_WORKSPACE[table]) {
        const name = context.names.get(workspaceId) ?? ''
        refuse(RULE_MESSAGES.tooManyRows(table, n, name, PER_WORKSPACE[table]))
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rows

/** The latest time a row may carry: the file's exportedAt plus the tolerated clock skew. */
function latestTime(exportedAt: string): string {
  return new Date(Date.parse(exportedAt) + BACKUP_CLOCK_SKEW_MS).toISOString()
}

/** When the file was made, and the latest time a row of it may carry. */
interface Clock {
  readonly exportedAt: string
  readonly latest: string
}

/** Timestamps of one form (yyyy-mm-ddThh:mm:ss.sssZ, checked by the schema) sort as text. */
function checkTime(label: RecordLabel, field: string, value: string, clock: Clock): void {
  if (value > clock.latest) {
    refuse(RULE_MESSAGES.timeAfterExport(label, field, value, clock.exportedAt))
  }
}

function checkNames(label: RecordLabel, fields: readonly (readonly [NameField, string])[]): void {
  for (const [field, value] of fields) {
    if (hasControlCharacters(value)) refuse(RULE_MESSAGES.controlCharacters(label, field))
  }
}

function checkContentVersion(label: RecordLabel, version: number): void {
  if (version > CONTENT_VERSION) refuse(RULE_MESSAGES.newerContent(label, version))
}

function checkWorkspace(
  w: Workspace,
  i: number,
  clock: Clock,
  context: Context,
  repairs: Repairs,
): Workspace {
  const label: RecordLabel = { table: 'workspaces', index: i, row: w, context }
  if (hasControlCharacters(w.organizationName)) {
    refuse(RULE_MESSAGES.controlCharacters(label, 'organizationName'))
  }
  const name = checkOrganizationName(w.organizationName)
  if (!name.ok) {
    const blank = w.organizationName.trim() === ''
    refuse(RULE_MESSAGES.organizationName(label, blank, name.error))
  }
  const labels = w.riskCriteria
    ? [
        ...w.riskCriteria.likelihoodLabels.map((l) => ['likelihoodLabel', l] as const),
        ...w.riskCriteria.impactLabels.map((l) => ['impactLabel', l] as const),
      ]
    : []
  checkNames(label, [
    ['sector', w.sector],
    ['size', w.size],
    ['assessor', w.assessor],
    ['reportVersion', w.reportVersion],
    ['soaVersion', w.soaVersion],
    ['soaOwner', w.soaOwner],
    ['soaApprover', w.soaApprover],
    ...labels,
  ])
  const scoping = w.scoping && checkScoping(label, w.scoping, clock, repairs)
  checkTime(label, 'createdAt', w.createdAt, clock)
  checkTime(label, 'updatedAt', w.updatedAt, clock)
  const lateBackup = w.lastBackupAt !== undefined && w.lastBackupAt > clock.latest
  if (lateBackup) repairs.add('future-last-backup-dropped', label)
  if (!lateBackup && scoping === w.scoping) return w
  return copyWorkspace({ ...w, scoping, lastBackupAt: lateBackup ? undefined : w.lastBackupAt })
}

const scopingQuestions: readonly ScopingQuestion[] = SCOPING_QUESTIONS

/**
 * The scoping interview of a workspace, held to what the interview records: each answer is one
 * of its question's options (the schema has already refused questions the interview does not
 * have), and a supplier is named only for an answer that asks for one (ScopingOption.asksFor),
 * in a name without control characters, as every name.
 *
 * A name given for an answer that asks for none is refused, not dropped: it is text the user
 * wrote, and repairs only ever leave out what holds nothing. A blank one holds nothing, so it is
 * left out and reported. An answer the interview no longer asks (its askedWhen does not hold) is
 * kept: it is still a valid answer of its question, and the interview keeps it for when the
 * question is asked again.
 */
function checkScoping(
  label: RecordLabel,
  scoping: ScopingProfile,
  clock: Clock,
  repairs: Repairs,
): ScopingProfile {
  let names = scoping.names
  for (const question of scopingQuestions) {
    const value = scoping.answers[question.id]
    const answer =
      value === undefined ? undefined : question.options.find((option) => option.value === value)
    if (value !== undefined && !answer) {
      refuse(RULE_MESSAGES.scopingAnswer(label, question, value))
    }
    const name = scoping.names[question.id]
    if (name === undefined) continue
    if (hasControlCharacters(name)) {
      refuse(RULE_MESSAGES.scopingNameControlCharacters(label, question))
    }
    if (answer?.asksFor !== undefined) continue
    if (name.trim() !== '') refuse(RULE_MESSAGES.scopingNameNotAsked(label, question, name, answer))
    names = Object.fromEntries(Object.entries(names).filter(([id]) => id !== question.id))
  }
  checkTime(label, 'scoping.updatedAt', scoping.updatedAt, clock)
  if (names === scoping.names) return scoping
  repairs.add('empty-scoping-name-dropped', label)
  return { ...scoping, names }
}

function checkEvidence(
  label: RecordLabel,
  evidence: readonly string[],
  repairs: Repairs,
): readonly string[] {
  const problems = evidenceProblems(evidence)
  if (problems.length === 0) return evidence
  if (problems.includes('multi-line-reference')) refuse(RULE_MESSAGES.multiLineEvidence(label))
  // Blank references hold no text: leaving them out loses nothing. What is left must still fit.
  const kept = problems.includes('empty-reference')
    ? evidence.filter((reference) => reference.trim() !== '')
    : evidence
  if (evidenceProblems(kept).includes('too-long'))
    refuse(RULE_MESSAGES.evidenceTooLong(label, kept))
  if (kept !== evidence) repairs.add('empty-evidence-dropped', label)
  return kept
}

function checkAnswer(
  a: ClauseAnswer,
  i: number,
  clock: Clock,
  context: Context,
  repairs: Repairs,
): ClauseAnswer {
  const label: RecordLabel = { table: 'clauseAnswers', index: i, row: a, context }
  if (a.action) checkNames(label, [['actionOwner', a.action.owner]])
  checkContentVersion(label, a.contentVersion)
  checkTime(label, 'updatedAt', a.updatedAt, clock)
  const evidence = checkEvidence(label, a.evidence, repairs)
  const emptyAction = a.action !== null && normalizeAction(a.action) === null
  if (emptyAction) repairs.add('empty-action-dropped', label)
  if (evidence === a.evidence && !emptyAction) return a
  return { ...a, evidence, action: emptyAction ? null : a.action }
}

function checkDecision(
  d: ControlDecision,
  i: number,
  clock: Clock,
  context: Context,
  repairs: Repairs,
): ControlDecision {
  const label: RecordLabel = { table: 'controlDecisions', index: i, row: d, context }
  const [problem] = decisionProblems(d)
  if (problem) refuse(RULE_MESSAGES.decision(label, problem))
  checkNames(label, [
    ['owner', d.owner],
    ['supplierName', d.supplierName],
  ])
  checkContentVersion(label, d.contentVersion)
  checkTime(label, 'updatedAt', d.updatedAt, clock)
  const evidence = checkEvidence(label, d.evidence, repairs)
  return evidence === d.evidence ? d : { ...d, evidence }
}

function checkRisk(r: Risk, i: number, clock: Clock, context: Context): Risk {
  const label = { table: 'risks', index: i, row: r, context } as const
  const criteria = context.criteria.get(r.workspaceId) ?? DEFAULT_RISK_CRITERIA
  const [problem] = riskProblems(r, criteria)
  if (problem) refuse(RULE_MESSAGES.risk(label, problem, criteria))
  checkNames(label, [
    ['owner', r.owner],
    ['acceptedBy', r.acceptedBy],
  ])
  checkTime(label, 'createdAt', r.createdAt, clock)
  checkTime(label, 'updatedAt', r.updatedAt, clock)
  return r
}

/**
 * A snapshot: its time, and the records it froze, which must be one per question, control and
 * risk, against content this app knows, and no later than the snapshot itself. The frozen
 * records are not held to today's editing rules: they are what the app stored at that moment
 * (a risk rated on the scale of that day, say), and they are only ever read.
 */
function checkSnapshot(s: Snapshot, i: number, clock: Clock, context: Context): Snapshot {
  const label: RecordLabel = { table: 'snapshots', index: i, row: s, context }
  checkTime(label, 'takenAt', s.takenAt, clock)
  if (!s.records) return s
  const path = `snapshots[${i}].records`
  const latest = latestTime(s.takenAt)
  const nested = [
    ['answers', s.records.answers, (a: SnapshotAnswer) => a.questionId],
    ['decisions', s.records.decisions, (d: SnapshotDecision) => d.controlId],
    ['risks', s.records.risks, (r: SnapshotRisk) => r.id],
    ['register', s.records.register ?? [], (e: SnapshotRegisterEntry) => e.id],
  ] as const
  type Frozen = SnapshotAnswer | SnapshotDecision | SnapshotRisk | SnapshotRegisterEntry
  for (const [table, rows, keyOf] of nested) {
    const seen = new Map<string, number>()
    for (const [j, row] of (rows as readonly Frozen[]).entries()) {
      const at = `${path}.${table}[${j}]`
      const key = (keyOf as (r: typeof row) => string)(row)
      const first = seen.get(key)
      if (first !== undefined) {
        refuse(RULE_MESSAGES.inconsistent(at, `repeats ${path}.${table}[${first}]`))
      }
      seen.set(key, j)
      if ('contentVersion' in row && row.contentVersion > CONTENT_VERSION) {
        refuse(
          RULE_MESSAGES.inconsistent(
            at,
            `was given against content version ${row.contentVersion}, newer than this app's (${CONTENT_VERSION}): update the app first`,
          ),
        )
      }
      if (row.updatedAt > latest) {
        refuse(RULE_MESSAGES.inconsistent(at, 'was changed after the snapshot was taken'))
      }
    }
  }
  for (const [j, row] of (s.records.register ?? []).entries()) {
    checkFrozenRegisterEntry(
      `${path}.register[${j}]`,
      { ...row, workspaceId: s.workspaceId },
      latest,
    )
  }
  return s
}

/**
 * A register row frozen in a snapshot, held to the rules of the register's editor as the rows of
 * the register are (see checkRegister), with the snapshot's moment as "today". It is never
 * repaired: a snapshot is only ever read, and its rows are compared by id as it froze them, so a
 * document's row under a random id stays under it (the register kept such a row as a second row
 * of its document).
 */
function checkFrozenRegisterEntry(at: string, row: RegisterEntry, latest: string): void {
  const [problem] = registerEntryProblems(row, latest.slice(0, 10))
  if (problem) refuse(RULE_MESSAGES.frozenRegister(at, problem))
  if ([row.version, row.owner, row.approver].some(hasControlCharacters)) {
    refuse(
      RULE_MESSAGES.inconsistent(
        at,
        'has a control character in its version, owner or approver; the app refuses them in names',
      ),
    )
  }
  const idProblem = registerIdProblem(row)
  if (idProblem) refuse(RULE_MESSAGES.inconsistent(at, idProblem))
}

/**
 * What is wrong with a register row's id, if anything: a fixed id (the form registerEntryId
 * gives, "<workspace>/<kind>:<key>") belongs only to the row of its own document in its own
 * workspace. A random id is any other row's: one the organization added, or a second row of a
 * document (which the register keeps while it is filled in, flagged as a duplicate).
 */
function registerIdProblem(row: RegisterEntry): string | null {
  if (!row.id.includes('/')) return null
  if (row.source.kind === 'custom') {
    return "is a document of the organization's own under an id the register gives only to the documents the app names"
  }
  return row.id === registerEntryId(row.workspaceId, row.source)
    ? null
    : 'is the row of one document under the id the register gives another'
}

/**
 * The register rows: each one as the register's editor saves it (registerEntryProblems: a title,
 * texts within their limits, a location that is a plain reference or a safe web link, calendar
 * dates, no approval dated after "today"), no control character in its version, owner or
 * approver, times no later than the file, and an id the register could have given it.
 *
 * "Today" is the day of the file's exportedAt plus the tolerated clock skew: the editor compared
 * the approval date with the local date of the device that made the file, which can be a day
 * ahead of the UTC date of exportedAt, and never with the date of the device importing it. A
 * file that imports today imports the same way next year, or on a device whose clock is behind.
 *
 * A document the content names has its row under the fixed id registerEntryId gives it, the same
 * on every device. A row of such a document under a random id (a file edited by hand) is moved
 * to the fixed id when no row holds it and it is the first row of its document in its
 * workspace, in file order: the id is derived from the workspace and the document, nothing the
 * user wrote, so this loses nothing, and it is reported. Any later row of the same document
 * keeps its random id: two rows cannot share the fixed id, and the register keeps a second row
 * of a document (flagged as a duplicate while it holds anything, see registerOf) rather than
 * lose what it says. A fixed id on the wrong row (another document's, or a row the organization
 * added) cannot be told apart from a mistake in the file, and is refused.
 */
function checkRegister(
  rows: readonly RegisterEntry[],
  clock: Clock,
  context: Context,
  repairs: Repairs,
): RegisterEntry[] {
  const ids = new Set(rows.map((e) => e.id))
  const rekeyed = new Set<string>()
  return rows.map((e, i) => {
    const label: RecordLabel = { table: 'registerEntries', index: i, row: e, context }
    const [problem] = registerEntryProblems(e, clock.latest.slice(0, 10))
    if (problem) refuse(RULE_MESSAGES.register(label, problem))
    checkNames(label, [
      ['version', e.version],
      ['owner', e.owner],
      ['approver', e.approver],
    ])
    checkTime(label, 'createdAt', e.createdAt, clock)
    checkTime(label, 'updatedAt', e.updatedAt, clock)
    const idProblem = registerIdProblem(e)
    if (idProblem) refuse(RULE_MESSAGES.inconsistent(`registerEntries[${i}]`, idProblem))
    if (e.source.kind === 'custom') return e
    const fixed = registerEntryId(e.workspaceId, e.source)
    if (e.id === fixed || ids.has(fixed) || rekeyed.has(fixed)) return e
    rekeyed.add(fixed)
    repairs.add('register-entry-rekeyed', label)
    return { ...e, id: fixed }
  })
}

// ---------------------------------------------------------------------------------------------
// Repairs

class Repairs {
  private readonly byKind = new Map<BackupRepairKind, RecordLabel[]>()

  add(kind: BackupRepairKind, label: RecordLabel): void {
    const labels = this.byKind.get(kind) ?? []
    labels.push(label)
    this.byKind.set(kind, labels)
  }

  list(): BackupRepair[] {
    return [...this.byKind].map(([kind, labels]) => ({
      kind,
      message: RULE_MESSAGES.repair(kind, labels),
      paths: labels.map((l) => `${l.table}[${l.index}]`),
    }))
  }
}

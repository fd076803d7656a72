/**
 * The IndexedDB database, through Dexie. Schema versions are only ever appended: a released
 * `version(n)` block is never edited, and each new one brings its upgrade function.
 */
import { Dexie, type EntityTable, type Table } from 'dexie'
import { DATABASE_SCHEMA_VERSION } from '@/domain/backup/versions'
import type {
  ClauseAnswer,
  ControlDecision,
  Risk,
  SnapshotRecordsRow,
  SnapshotSummary,
  Workspace,
} from '@/domain/model'
import type { RegisterEntry } from '@/domain/register'

export const DATABASE_NAME = 'isms-readiness'

/**
 * The newest `version(n)` this code declares (kept in the domain, where backups check it). A
 * database at a higher version was upgraded by a newer build: this code must not write into it
 * (see the 'ready' check below).
 */
export const SCHEMA_VERSION = DATABASE_SCHEMA_VERSION

/** The report details version 2 adds to every workspace, as it added them: never edited. */
const REPORT_DETAILS_V2 = {
  reportVersion: '',
  confidentiality: '',
  consultantSummary: '',
  recommendations: '',
  soaVersion: '',
  soaOwner: '',
  soaApprover: '',
  soaApprovedOn: null,
} as const

export class IsmsDatabase extends Dexie {
  workspaces!: EntityTable<Workspace, 'id'>
  clauseAnswers!: Table<ClauseAnswer, [string, string]>
  controlDecisions!: Table<ControlDecision, [string, string]>
  risks!: EntityTable<Risk, 'id'>
  snapshots!: EntityTable<SnapshotSummary, 'id'>
  snapshotRecords!: EntityTable<SnapshotRecordsRow, 'snapshotId'>
  registerEntries!: EntityTable<RegisterEntry, 'id'>

  constructor(name: string = DATABASE_NAME) {
    super(name)
    // When adding version(n + 1), raise DATABASE_SCHEMA_VERSION with it.
    this.version(1).stores({
      workspaces: 'id, updatedAt',
      clauseAnswers: '[workspaceId+questionId], workspaceId',
      controlDecisions: '[workspaceId+controlId], workspaceId',
      risks: 'id, workspaceId',
      snapshots: 'id, workspaceId',
    })
    // Version 2: the report details (the gap report's version, confidentiality line, consultant's
    // summary and recommendations; the SoA's version, owner, approver and date of approval). The
    // same tables and indexes; every workspace stored before gets the details empty, as a new
    // workspace has them.
    this.version(2)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('workspaces')
          .toCollection()
          .modify((workspace: Record<string, unknown>) => {
            for (const [field, value] of Object.entries(REPORT_DETAILS_V2)) {
              if (!Object.hasOwn(workspace, field)) workspace[field] = value
            }
          }),
      )
    // Version 3: snapshots hold what they froze: the summary (verdict, SoA approval, whether it
    // has records, its size in a backup) in `snapshots`, the records (answers, decisions, risks)
    // apart in `snapshotRecords`, read only to compare. Before, nothing in the app took one; a
    // row stored with only its score keeps it as a score-only snapshot.
    this.version(3)
      .stores({ snapshotRecords: 'snapshotId, workspaceId' })
      .upgrade((tx) =>
        tx
          .table('snapshots')
          .toCollection()
          .modify((snapshot: Record<string, unknown>) => {
            if (Object.hasOwn(snapshot, 'verdict')) return
            const score = Math.round(Number(snapshot.score) || 0)
            delete snapshot.score
            snapshot.verdict = { score, band: scoreOnlyBand(score), parts: null, blockers: [] }
            snapshot.soaApproval = null
            snapshot.hasRecords = false
            // What the snapshot takes in a backup file, about (it holds no records).
            snapshot.size = Math.ceil(JSON.stringify(snapshot, null, 2).length * 1.25) + 40
          }),
      )
    // Version 4: the register of documented information (one row per document the organization
    // recorded something about; rows of required documents nobody touched yet are not stored, the
    // app shows them empty). A new table: nothing stored before changes.
    this.version(4).stores({ registerEntries: 'id, workspaceId' })
  }
}

/** The band of a score alone when version 3 was released (frozen, as the upgrade is). */
function scoreOnlyBand(score: number): string {
  if (score >= 85) return 'ready'
  if (score >= 70) return 'nearly-ready'
  return score >= 40 ? 'partly-ready' : 'not-ready'
}

/** Every table that holds rows belonging to a workspace (all but `workspaces`). */
export function workspaceTables(db: IsmsDatabase) {
  return [
    db.clauseAnswers,
    db.controlDecisions,
    db.risks,
    db.snapshots,
    db.snapshotRecords,
    db.registerEntries,
  ] as const
}

type OutdatedListener = () => void
const outdatedListeners = new Set<OutdatedListener>()

/** Called when another tab upgrades the database: this tab runs old code and must reload. */
export function onDatabaseOutdated(listener: OutdatedListener): () => void {
  outdatedListeners.add(listener)
  return () => outdatedListeners.delete(listener)
}

let closedForNewerVersion = false

function markOutdated(db: IsmsDatabase) {
  closedForNewerVersion = true
  db.close({ disableAutoOpen: true })
  for (const listener of outdatedListeners) listener()
}

function createDatabase(): IsmsDatabase {
  const db = new IsmsDatabase()
  // Dexie opens a database that a newer build has already upgraded (a version above the ones
  // declared here) without complaint, and this tab would then write old-shaped records into it.
  // Refuse at every open, whenever this tab was started: the tab is outdated and must reload.
  // (Dexie stores version n as native version 10 n.)
  db.on(
    'ready',
    (opened) => {
      const stored = opened.backendDB().version / 10
      if (stored > SCHEMA_VERSION) {
        markOutdated(db)
        throw new Dexie.DatabaseClosedError(
          `The stored data is at schema version ${stored}; this tab runs version ${SCHEMA_VERSION}.`,
        )
      }
    },
    true,
  )
  // Dexie's default reopens the connection on the next query, which would let this (old) tab
  // keep writing old-shaped records under a newer schema. Close for good and ask for a reload.
  db.on('versionchange', () => {
    markOutdated(db)
    return false
  })
  return db
}

export const db = createDatabase()

/**
 * Opens the database, or rejects with what the browser said: no IndexedDB (Dexie's
 * MissingAPIError), `indexedDB.open` throwing, or its request failing later (UnknownError,
 * InvalidStateError, QuotaExceededError…). Dexie's live queries swallow these, so the app asks
 * here first. Calling it again after a failure tries a fresh open; a tab closed for a newer
 * version is never reopened.
 */
export async function openDatabase(): Promise<void> {
  if (closedForNewerVersion) throw new Dexie.DatabaseClosedError()
  await db.open()
}

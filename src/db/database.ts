/**
 * The IndexedDB database, through Dexie. Schema versions are only ever appended: a released
 * `version(n)` block is never edited, and each new one brings its upgrade function.
 */
import { Dexie, type EntityTable, type Table } from 'dexie'
import type { ClauseAnswer, ControlDecision, Risk, Snapshot, Workspace } from '@/domain/model'

export const DATABASE_NAME = 'isms-readiness'

export class IsmsDatabase extends Dexie {
  workspaces!: EntityTable<Workspace, 'id'>
  clauseAnswers!: Table<ClauseAnswer, [string, string]>
  controlDecisions!: Table<ControlDecision, [string, string]>
  risks!: EntityTable<Risk, 'id'>
  snapshots!: EntityTable<Snapshot, 'id'>

  constructor(name: string = DATABASE_NAME) {
    super(name)
    this.version(1).stores({
      workspaces: 'id, updatedAt',
      clauseAnswers: '[workspaceId+questionId], workspaceId',
      controlDecisions: '[workspaceId+controlId], workspaceId',
      risks: 'id, workspaceId',
      snapshots: 'id, workspaceId',
    })
  }
}

/** Every table that holds rows belonging to a workspace (all but `workspaces`). */
export function workspaceTables(db: IsmsDatabase) {
  return [db.clauseAnswers, db.controlDecisions, db.risks, db.snapshots] as const
}

type OutdatedListener = () => void
const outdatedListeners = new Set<OutdatedListener>()

/** Called when another tab upgrades the database: this tab runs old code and must reload. */
export function onDatabaseOutdated(listener: OutdatedListener): () => void {
  outdatedListeners.add(listener)
  return () => outdatedListeners.delete(listener)
}

let closedForNewerVersion = false

function createDatabase(): IsmsDatabase {
  const db = new IsmsDatabase()
  // Dexie's default reopens the connection on the next query, which would let this (old) tab
  // keep writing old-shaped records under a newer schema. Close for good and ask for a reload.
  db.on('versionchange', () => {
    closedForNewerVersion = true
    db.close({ disableAutoOpen: true })
    for (const listener of outdatedListeners) listener()
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

/**
 * Moving whole workspaces into and out of the database for backups. The file format and its
 * validation live in src/domain/backup/; this module only reads rows out in one read
 * transaction and writes a parsed file in, all or nothing.
 */
import type { BackupCounts, BackupData } from '@/domain/backup'
import type {
  ClauseAnswer,
  ControlDecision,
  Risk,
  Snapshot,
  Workspace,
  WorkspaceId,
} from '@/domain/model'
import type { RegisterEntry } from '@/domain/register'
import { registerEntryId } from '@/domain/registerId'
import { movedSnapshot } from '@/domain/snapshotRows'
import { nameForCopy } from '@/domain/workspace'
import { db, workspaceTables } from './database'
import { readWhole, writeWhole } from './snapshotRows'
import { WorkspaceNotFoundError, type NewId } from './workspaceRepository'

const randomId: NewId = () => crypto.randomUUID()

/**
 * What to do with a workspace of the file whose id is already on this device: import it as a
 * separate copy, or replace the one on the device (and everything in it) with the file's.
 */
export type ImportMode = 'copy' | 'replace'

export interface WorkspaceConflict {
  readonly id: WorkspaceId
  /** The name on this device: the assessment a replace would overwrite. */
  readonly organizationName: string
}

export interface ImportSummary {
  /** Rows written per table. */
  readonly counts: BackupCounts
  /** The names the imported workspaces have now, in the order of the file. */
  readonly workspaceNames: readonly string[]
}

/**
 * Every workspace on this device, or only the given ones, with every row that belongs to
 * them, read in one transaction so the backup is a consistent picture. Throws
 * WorkspaceNotFoundError when one of the given workspaces is not on this device.
 */
export async function exportBackupData(workspaceIds?: readonly WorkspaceId[]): Promise<BackupData> {
  return db.transaction('r', [db.workspaces, ...workspaceTables(db)], async () => {
    if (workspaceIds === undefined) {
      const [workspaces, clauseAnswers, controlDecisions, risks, snapshots, registerEntries] =
        await Promise.all([
          db.workspaces.toArray(),
          db.clauseAnswers.toArray(),
          db.controlDecisions.toArray(),
          db.risks.toArray(),
          db.snapshots.toArray().then(readWhole),
          db.registerEntries.toArray(),
        ])
      return { workspaces, clauseAnswers, controlDecisions, risks, snapshots, registerEntries }
    }
    const ids = [...new Set(workspaceIds)]
    const found = await db.workspaces.bulkGet(ids)
    const workspaces: Workspace[] = []
    for (const [i, workspace] of found.entries()) {
      if (!workspace) throw new WorkspaceNotFoundError(ids[i] ?? '')
      workspaces.push(workspace)
    }
    const [clauseAnswers, controlDecisions, risks, snapshots, registerEntries] = await Promise.all([
      db.clauseAnswers.where('workspaceId').anyOf(ids).toArray(),
      db.controlDecisions.where('workspaceId').anyOf(ids).toArray(),
      db.risks.where('workspaceId').anyOf(ids).toArray(),
      db.snapshots.where('workspaceId').anyOf(ids).toArray().then(readWhole),
      db.registerEntries.where('workspaceId').anyOf(ids).toArray(),
    ])
    return { workspaces, clauseAnswers, controlDecisions, risks, snapshots, registerEntries }
  })
}

/**
 * The workspaces of a file that are already on this device (same id), with the name they have
 * here, so the user can choose between importing a copy and replacing them.
 */
export async function findConflicts(data: BackupData): Promise<WorkspaceConflict[]> {
  const existing = await db.workspaces.bulkGet(data.workspaces.map((w) => w.id))
  return existing
    .filter((w): w is Workspace => w !== undefined)
    .map((w) => ({ id: w.id, organizationName: w.organizationName }))
}

/**
 * Writes a parsed backup (the `data` of a successful `parseBackup`) in one transaction over
 * every table: either all of it arrives or nothing changes. Workspaces not on this device are
 * added as they are. A workspace whose id is already here is, in 'copy' mode, added under a new
 * id and a name that tells it apart ("… (copy)"), its rows following it; in 'replace' mode the
 * one on the device is deleted with everything in it and the file's takes its place. A risk,
 * snapshot or register row whose id is taken by another workspace's row gets a new id rather
 * than overwriting it; a document's register row keeps the fixed id of its workspace (a copy's
 * rows take the fixed ids of the copy), which no other workspace's row can hold.
 */
export async function importBackupData(
  data: BackupData,
  mode: ImportMode,
  now: string,
  newId: NewId = randomId,
): Promise<ImportSummary> {
  return db.transaction('rw', [db.workspaces, ...workspaceTables(db)], async () => {
    const onDevice = await db.workspaces.toArray()
    const onDeviceIds = new Set(onDevice.map((w) => w.id))
    const conflicting = new Set(
      data.workspaces.map((w) => w.id).filter((id) => onDeviceIds.has(id)),
    )
    if (mode === 'replace') {
      for (const id of conflicting) {
        await db.workspaces.delete(id)
        for (const table of workspaceTables(db))
          await table.where('workspaceId').equals(id).delete()
      }
    }
    const takenRiskIds = await db.risks
      .where('id')
      .anyOf(data.risks.map((r) => r.id))
      .primaryKeys()
    const takenSnapshotIds = await db.snapshots
      .where('id')
      .anyOf(data.snapshots.map((s) => s.id))
      .primaryKeys()
    const takenRegisterIds = await db.registerEntries
      .where('id')
      .anyOf(data.registerEntries.map((e) => e.id))
      .primaryKeys()

    const rows = planImport(data, {
      copies: mode === 'copy' ? conflicting : new Set(),
      namesInUse: mode === 'copy' ? onDevice.map((w) => w.organizationName) : [],
      takenRiskIds: new Set(takenRiskIds),
      takenSnapshotIds: new Set(takenSnapshotIds),
      takenRegisterIds: new Set(takenRegisterIds),
      now,
      newId,
    })
    await db.workspaces.bulkAdd(rows.workspaces)
    await db.clauseAnswers.bulkAdd(rows.clauseAnswers)
    await db.controlDecisions.bulkAdd(rows.controlDecisions)
    await db.risks.bulkAdd(rows.risks)
    await writeWhole(rows.snapshots)
    await db.registerEntries.bulkAdd(rows.registerEntries)
    return {
      counts: {
        workspaces: rows.workspaces.length,
        clauseAnswers: rows.clauseAnswers.length,
        controlDecisions: rows.controlDecisions.length,
        risks: rows.risks.length,
        snapshots: rows.snapshots.length,
        registerEntries: rows.registerEntries.length,
      },
      workspaceNames: rows.workspaces.map((w) => w.organizationName),
    }
  })
}

interface ImportPlanOptions {
  /** Ids of the file's workspaces to import as copies under new ids. */
  readonly copies: ReadonlySet<WorkspaceId>
  /** Names a copy must not take. */
  readonly namesInUse: readonly string[]
  readonly takenRiskIds: ReadonlySet<string>
  readonly takenSnapshotIds: ReadonlySet<string>
  readonly takenRegisterIds: ReadonlySet<string>
  readonly now: string
  readonly newId: NewId
}

interface ImportRows {
  workspaces: Workspace[]
  clauseAnswers: ClauseAnswer[]
  controlDecisions: ControlDecision[]
  risks: Risk[]
  snapshots: Snapshot[]
  registerEntries: RegisterEntry[]
}

/** The rows to write: the file's, with copies moved to new ids and names. */
function planImport(data: BackupData, options: ImportPlanOptions): ImportRows {
  const { copies, takenRiskIds, takenSnapshotIds, takenRegisterIds, now, newId } = options
  const names = [
    ...options.namesInUse,
    ...data.workspaces.filter((w) => !copies.has(w.id)).map((w) => w.organizationName),
  ]
  const newWorkspaceIds = new Map<WorkspaceId, WorkspaceId>()
  const workspaces = data.workspaces.map((w): Workspace => {
    if (!copies.has(w.id)) return w
    const copy: Workspace = {
      ...w,
      id: newId(),
      organizationName: nameForCopy(w.organizationName, names),
      createdAt: now,
      updatedAt: now,
    }
    names.push(copy.organizationName)
    newWorkspaceIds.set(w.id, copy.id)
    return copy
  })
  // Rows that keep their ids are written as they are: copying every row of a large file would
  // only double the memory an import needs.
  const moved = <T extends { workspaceId: WorkspaceId }>(row: T): T => {
    const workspaceId = newWorkspaceIds.get(row.workspaceId)
    return workspaceId === undefined ? row : { ...row, workspaceId }
  }
  const withIds = <T extends { id: string; workspaceId: WorkspaceId }>(
    rows: readonly T[],
    taken: ReadonlySet<string>,
  ): T[] =>
    rows.map((row) =>
      newWorkspaceIds.has(row.workspaceId) || taken.has(row.id)
        ? { ...moved(row), id: newId() }
        : row,
    )
  const risks = withIds(data.risks, takenRiskIds)
  // Per workspace of the file, the risks that got a new id: its snapshots' frozen risks follow.
  const riskIds = new Map<WorkspaceId, Map<string, string>>()
  data.risks.forEach((risk, i) => {
    const renamed = risks[i]!.id
    if (renamed === risk.id) return
    const ids = riskIds.get(risk.workspaceId) ?? new Map<string, string>()
    ids.set(risk.id, renamed)
    riskIds.set(risk.workspaceId, ids)
  })
  // Register rows: a document's row under its fixed id takes the fixed id of its workspace as
  // imported; any other row gets a new id when its workspace is a copy or its id is taken, and
  // the snapshots' frozen rows follow, per workspace of the file.
  const registerIds = new Map<WorkspaceId, Map<string, string>>()
  const registerEntries = data.registerEntries.map((entry): RegisterEntry => {
    const workspaceId = newWorkspaceIds.get(entry.workspaceId) ?? entry.workspaceId
    const copied = workspaceId !== entry.workspaceId
    const { source } = entry
    if (source.kind !== 'custom' && entry.id === registerEntryId(entry.workspaceId, source)) {
      return copied ? { ...entry, id: registerEntryId(workspaceId, source), workspaceId } : entry
    }
    if (!copied && !takenRegisterIds.has(entry.id)) return entry
    const renamed = newId()
    const ids = registerIds.get(entry.workspaceId) ?? new Map<string, string>()
    ids.set(entry.id, renamed)
    registerIds.set(entry.workspaceId, ids)
    return { ...entry, id: renamed, workspaceId }
  })
  const snapshots = withIds(data.snapshots, takenSnapshotIds).map((snapshot, i) => {
    const from = data.snapshots[i]!.workspaceId
    const ids = riskIds.get(from)
    const entryIds = registerIds.get(from)
    const copied = newWorkspaceIds.has(from)
    if (!ids && !entryIds && !copied) return snapshot
    // `snapshot` is already under its workspace as imported; its frozen rows still name the
    // workspace of the file, from which they move.
    return movedSnapshot(
      { ...snapshot, workspaceId: from },
      snapshot.id,
      snapshot.workspaceId,
      ids ?? new Map(),
      entryIds ?? new Map(),
    )
  })
  return {
    workspaces,
    clauseAnswers: data.clauseAnswers.map(moved),
    controlDecisions: data.controlDecisions.map(moved),
    risks,
    snapshots,
    registerEntries,
  }
}

/** Records that a backup file now holds these workspaces (without touching updatedAt). */
export async function markBackedUp(
  workspaceIds: readonly WorkspaceId[],
  at: string,
): Promise<void> {
  await db.transaction('rw', db.workspaces, async () => {
    for (const id of workspaceIds) await db.workspaces.update(id, { lastBackupAt: at })
  })
}

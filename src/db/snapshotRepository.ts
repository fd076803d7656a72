/**
 * Taking, renaming and deleting snapshots, and approving the Statement of Applicability (an
 * approval is a snapshot that records it). A snapshot is read and written in one transaction
 * with the records it freezes, so it is exactly the assessment of one instant; every write
 * touches the workspace's updatedAt, as a snapshot is work a backup must carry.
 */
import { liveQuery, type Observable } from 'dexie'
import type { Snapshot, SnapshotSummary, SoaApproval, WorkspaceId } from '@/domain/model'
import { MAX_SNAPSHOT_BYTES_PER_WORKSPACE, MAX_SNAPSHOTS_PER_WORKSPACE } from '@/domain/limits'
import { freezeSnapshot } from '@/domain/snapshot'
import { joinSnapshot, splitSnapshot } from '@/domain/snapshotRows'
import { readWhole } from './snapshotRows'
import { db, workspaceTables } from './database'
import { SnapshotLimitError, SnapshotNotFoundError, SnapshotSizeError } from './errors'
import { WorkspaceNotFoundError, type NewId } from './workspaceRepository'

export { SnapshotLimitError, SnapshotNotFoundError, SnapshotSizeError }

const randomId: NewId = () => crypto.randomUUID()

/** The snapshots of a workspace, listed: without their records. */
export function watchSnapshots(workspaceId: WorkspaceId): Observable<SnapshotSummary[]> {
  return liveQuery(() => db.snapshots.where('workspaceId').equals(workspaceId).toArray())
}

/** The approved SoA versions of a workspace, whole (their decisions make the change log). */
export function watchApprovals(workspaceId: WorkspaceId): Observable<Snapshot[]> {
  return liveQuery(async () => {
    const approvals = await db.snapshots
      .where('workspaceId')
      .equals(workspaceId)
      .filter((s) => s.soaApproval !== null)
      .toArray()
    return readWhole(approvals)
  })
}

/** A snapshot whole, with its records; undefined when it is not (or no longer) on this device. */
export async function loadSnapshot(id: string): Promise<Snapshot | undefined> {
  return db.transaction('r', db.snapshots, db.snapshotRecords, async () => {
    const summary = await db.snapshots.get(id)
    return summary && joinSnapshot(summary, await db.snapshotRecords.get(id))
  })
}

const TABLES = () => [db.workspaces, ...workspaceTables(db)] as const

/**
 * Freezes the assessment as it is stored now under `label`: its answers, decisions, risks and
 * the register rows it stores. Throws WorkspaceNotFoundError when
 * the workspace is gone, SnapshotLimitError when it already holds MAX_SNAPSHOTS_PER_WORKSPACE.
 * With `soaApproval`, the snapshot is an approved SoA version, and the workspace's SoA version,
 * approver and approval date are set to it in the same transaction.
 */
export async function takeSnapshot(
  workspaceId: WorkspaceId,
  label: string,
  now: string,
  options: { readonly soaApproval?: SoaApproval; readonly newId?: NewId } = {},
): Promise<Snapshot> {
  return db.transaction('rw', TABLES(), async () => {
    const workspace = await db.workspaces.get(workspaceId)
    if (!workspace) throw new WorkspaceNotFoundError(workspaceId)
    const count = await db.snapshots.where('workspaceId').equals(workspaceId).count()
    if (count >= MAX_SNAPSHOTS_PER_WORKSPACE) {
      throw new SnapshotLimitError(MAX_SNAPSHOTS_PER_WORKSPACE)
    }
    const [answers, decisions, risks, register] = await Promise.all([
      db.clauseAnswers.where('workspaceId').equals(workspaceId).toArray(),
      db.controlDecisions.where('workspaceId').equals(workspaceId).toArray(),
      db.risks.where('workspaceId').equals(workspaceId).toArray(),
      db.registerEntries.where('workspaceId').equals(workspaceId).toArray(),
    ])
    const snapshot = freezeSnapshot({
      id: (options.newId ?? randomId)(),
      workspace,
      takenAt: now,
      label,
      answers,
      decisions,
      risks,
      register,
      soaApproval: options.soaApproval ?? null,
    })
    // Every assessment must fit in one backup file, so its snapshots are held to a size (each
    // summary records what its snapshot takes).
    const { summary, records } = splitSnapshot(snapshot)
    let held = 0
    await db.snapshots
      .where('workspaceId')
      .equals(workspaceId)
      .each((s) => void (held += s.size))
    if (held + summary.size > MAX_SNAPSHOT_BYTES_PER_WORKSPACE) {
      throw new SnapshotSizeError(MAX_SNAPSHOT_BYTES_PER_WORKSPACE, held, summary.size)
    }
    await db.snapshots.add(summary)
    if (records) await db.snapshotRecords.add(records)
    const approval = options.soaApproval
    await db.workspaces.update(workspaceId, {
      updatedAt: now,
      ...(approval
        ? {
            soaVersion: approval.version,
            soaApprover: approval.approver,
            soaApprovedOn: approval.approvedOn,
          }
        : {}),
    })
    return snapshot
  })
}

async function changeSnapshot(
  id: string,
  now: string,
  change: (snapshot: SnapshotSummary) => Promise<void>,
): Promise<void> {
  await db.transaction('rw', db.snapshots, db.snapshotRecords, db.workspaces, async () => {
    const snapshot = await db.snapshots.get(id)
    if (!snapshot) throw new SnapshotNotFoundError(id)
    await change(snapshot)
    await db.workspaces.update(snapshot.workspaceId, { updatedAt: now })
  })
}

export async function renameSnapshot(id: string, label: string, now: string): Promise<void> {
  await changeSnapshot(id, now, async () => {
    await db.snapshots.update(id, { label: label.trim() })
  })
}

/** Deletes a snapshot; one already gone (deleted in another tab) is no error. */
export async function deleteSnapshot(id: string, now: string): Promise<void> {
  try {
    await changeSnapshot(id, now, async () => {
      await db.snapshots.delete(id)
      await db.snapshotRecords.delete(id)
    })
  } catch (error) {
    if (!(error instanceof SnapshotNotFoundError)) throw error
  }
}

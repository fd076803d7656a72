/**
 * Snapshots as rows: what moves them between workspaces and tables, and what they weigh in a
 * backup. Kept apart from snapshot.ts (which computes the verdict) so that the repositories the
 * start page loads do not bring the scoring with them.
 */
import type { Snapshot, SnapshotRecordsRow, SnapshotSummary, WorkspaceId } from './model'
import { movedRegisterId } from './registerId'

/** A copy of a workspace's row without its workspace id, as a snapshot freezes it. */
export function withoutWorkspace<T extends { readonly workspaceId: WorkspaceId }>(
  row: T,
): Omit<T, 'workspaceId'> {
  const rest: { -readonly [K in keyof T]?: T[K] } = { ...row }
  delete rest.workspaceId
  return rest as Omit<T, 'workspaceId'>
}

/**
 * The snapshot moved to another workspace (a duplicate, an import as a copy) under a new id,
 * with its frozen risks renamed as the workspace's risks were (`riskIds`: old id → new id), so
 * that comparing the copy with its snapshots finds the same risks. Its frozen register rows
 * follow the workspace's the same way: a document's row under its fixed id takes the fixed id of
 * the new workspace, and the others are renamed by `registerIds` (old id → new id).
 */
export function movedSnapshot(
  snapshot: Snapshot,
  id: string,
  workspaceId: WorkspaceId,
  riskIds: ReadonlyMap<string, string>,
  registerIds: ReadonlyMap<string, string> = new Map(),
): Snapshot {
  const frozen = snapshot.records
  const register = frozen?.register?.map((row) => {
    const renamed = movedRegisterId(row, snapshot.workspaceId, workspaceId, registerIds)
    return renamed === row.id ? row : { ...row, id: renamed }
  })
  const records = frozen && {
    ...frozen,
    risks: frozen.risks.map((r) => {
      const renamed = riskIds.get(r.id)
      return renamed === undefined ? r : { ...r, id: renamed }
    }),
    ...(register === undefined ? {} : { register }),
  }
  return { ...snapshot, id, workspaceId, records }
}

/**
 * About how much of a backup file a snapshot takes, in the units MAX_BACKUP_BYTES counts (UTF-16
 * code units): its text as the file writes it, indented two levels deeper than on its own.
 */
export function snapshotBackupSize(snapshot: Snapshot): number {
  const text = JSON.stringify(snapshot, null, 2)
  let lines = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  return text.length + lines * 6
}

/** A snapshot as it is stored: its summary, and its records apart (none for a score-only one). */
export function splitSnapshot(snapshot: Snapshot): {
  readonly summary: SnapshotSummary
  readonly records: SnapshotRecordsRow | null
} {
  const { records, ...rest } = snapshot
  return {
    summary: { ...rest, hasRecords: records !== null, size: snapshotBackupSize(snapshot) },
    records: records && { snapshotId: snapshot.id, workspaceId: snapshot.workspaceId, records },
  }
}

/** The snapshot whole again, from its summary and its records. */
export function joinSnapshot(
  summary: SnapshotSummary,
  records: SnapshotRecordsRow | undefined,
): Snapshot {
  return {
    id: summary.id,
    workspaceId: summary.workspaceId,
    takenAt: summary.takenAt,
    label: summary.label,
    verdict: summary.verdict,
    records: records?.records ?? null,
    soaApproval: summary.soaApproval,
  }
}

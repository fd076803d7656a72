/**
 * Snapshots whole, as backups and copies move them, to and from the two tables that store them:
 * the summary (`snapshots`) and the records apart (`snapshotRecords`). Each runs in the caller's
 * transaction, which must include both tables.
 */
import type { Snapshot, SnapshotSummary } from '@/domain/model'
import { joinSnapshot, splitSnapshot } from '@/domain/snapshotRows'
import { db } from './database'

/** Summaries joined with their records (in the caller's transaction, if any). */
export async function readWhole(summaries: readonly SnapshotSummary[]): Promise<Snapshot[]> {
  const records = await db.snapshotRecords.bulkGet(summaries.map((s) => s.id))
  return summaries.map((s, i) => joinSnapshot(s, records[i]))
}

/** Stores whole snapshots as summaries and records (in the caller's transaction, if any). */
export async function writeWhole(snapshots: readonly Snapshot[]): Promise<void> {
  const parts = snapshots.map(splitSnapshot)
  await db.snapshots.bulkAdd(parts.map((p) => p.summary))
  await db.snapshotRecords.bulkAdd(parts.flatMap((p) => (p.records ? [p.records] : [])))
}

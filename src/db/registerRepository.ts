/**
 * Reading and writing a workspace's register of documented information. Only rows the user has
 * changed are stored: a required document nobody has touched is shown from memory (see
 * registerOf), under a fixed id, and its first save writes it. Every write also touches the
 * workspace's updatedAt in the same transaction.
 */
import { liveQuery, type Observable } from 'dexie'
import type { WorkspaceId } from '@/domain/model'
import { mergeChanges, type MergeResult } from '@/domain/fieldMerge'
import { MAX_REGISTER_ENTRIES, REGISTER_FIELDS, type RegisterEntry } from '@/domain/register'
import { db } from './database'
import { RegisterEntryNotFoundError, RegisterLimitError } from './errors'
import { WorkspaceNotFoundError } from './workspaceRepository'

export function watchRegister(workspaceId: WorkspaceId): Observable<RegisterEntry[]> {
  return liveQuery(() => db.registerEntries.where('workspaceId').equals(workspaceId).toArray())
}

async function touch(workspaceId: WorkspaceId, now: string) {
  if ((await db.workspaces.update(workspaceId, { updatedAt: now })) !== 1) {
    throw new WorkspaceNotFoundError(workspaceId)
  }
}

/** One row's save: the row as the editor last saw it, and as it would write it. */
export interface RegisterEdit {
  readonly baseline: RegisterEntry
  readonly next: RegisterEntry
}

/**
 * Saves several rows' edits in one transaction, each merged field by field into the row as
 * stored now (a row shown from memory and never stored merges into nothing: the edit is the
 * row). A row another workspace holds under the same id is refused (RegisterEntryNotFoundError)
 * and nothing is written. Returns the merged rows in the order of `edits`.
 */
export async function saveRegisterEntries(
  workspaceId: WorkspaceId,
  edits: readonly RegisterEdit[],
  now: string,
): Promise<MergeResult<RegisterEntry>[]> {
  return db.transaction('rw', db.registerEntries, db.workspaces, async () => {
    await touch(workspaceId, now)
    const stored = await db.registerEntries.bulkGet(edits.map((e) => e.next.id))
    const results = edits.map(({ baseline, next }, i) => {
      const current = stored[i]
      if (next.workspaceId !== workspaceId || (current && current.workspaceId !== workspaceId)) {
        throw new RegisterEntryNotFoundError(next.id)
      }
      const merged = mergeChanges(current, baseline, next, REGISTER_FIELDS)
      const record: RegisterEntry = {
        ...merged.record,
        createdAt: current?.createdAt ?? next.createdAt,
        updatedAt: now,
      }
      return { record, conflicts: merged.conflicts }
    })
    await db.registerEntries.bulkPut(results.map((r) => r.record))
    return results
  })
}

/**
 * Adds a row the organization names itself; RegisterLimitError when the workspace already
 * stores MAX_REGISTER_ENTRIES rows (the most a backup may bring back, too).
 */
export async function addRegisterEntry(entry: RegisterEntry): Promise<void> {
  await db.transaction('rw', db.registerEntries, db.workspaces, async () => {
    await touch(entry.workspaceId, entry.updatedAt)
    const held = await db.registerEntries.where('workspaceId').equals(entry.workspaceId).count()
    if (held >= MAX_REGISTER_ENTRIES) throw new RegisterLimitError(MAX_REGISTER_ENTRIES)
    await db.registerEntries.add(entry)
  })
}

/**
 * Deletes a stored row of this workspace. A required document's row comes back empty (the app
 * shows it from memory); a row the organization added is gone.
 */
export async function deleteRegisterEntry(
  workspaceId: WorkspaceId,
  entryId: string,
  now: string,
): Promise<void> {
  await db.transaction('rw', db.registerEntries, db.workspaces, async () => {
    await touch(workspaceId, now)
    const current = await db.registerEntries.get(entryId)
    if (current && current.workspaceId !== workspaceId) {
      throw new RegisterEntryNotFoundError(entryId)
    }
    await db.registerEntries.delete(entryId)
  })
}

/**
 * Reading and writing workspaces. Anything that touches several tables runs in one
 * transaction, so a failure leaves the database as it was.
 */
import { liveQuery, type Observable } from 'dexie'
import { applyScopingChange, type ScopingChange } from '@/domain/scopingProfile'
import type { ScopingProfile, Workspace, WorkspaceId } from '@/domain/model'
import { nameForCopy, newWorkspace } from '@/domain/workspace'
import { movedSnapshot } from '@/domain/snapshotRows'
import { movedRegisterId } from '@/domain/registerId'
import { readWhole, writeWhole } from './snapshotRows'
import { DETAIL_FIELDS, detailsOf, type WorkspaceDetails } from '@/domain/editableFields'
import { mergeChanges, type MergeResult } from '@/domain/fieldMerge'
import { db, workspaceTables } from './database'

export type { WorkspaceDetails }

export type NewId = () => string
const randomId: NewId = () => crypto.randomUUID()

export function watchWorkspaces(): Observable<Workspace[]> {
  return liveQuery(() => db.workspaces.toArray())
}

export function watchWorkspace(id: WorkspaceId): Observable<Workspace | undefined> {
  return liveQuery(() => db.workspaces.get(id))
}

export async function createWorkspace(
  organizationName: string,
  now: string,
  newId: NewId = randomId,
): Promise<Workspace> {
  const workspace = newWorkspace(newId(), organizationName, now)
  await db.workspaces.add(workspace)
  return workspace
}

/** Changes the name; returns false when the workspace no longer exists. */
export async function renameWorkspace(
  id: WorkspaceId,
  organizationName: string,
  now: string,
): Promise<boolean> {
  const changed = await db.workspaces.update(id, { organizationName, updatedAt: now })
  return changed === 1
}

/**
 * Copies a workspace with everything in it (answers, decisions, risks, register, snapshots)
 * under a new id and a name that tells it apart ("… (copy)"). A document's register row takes
 * its fixed id in the copy; the organization's own rows get new ids, and the snapshots follow.
 */
export async function duplicateWorkspace(
  id: WorkspaceId,
  now: string,
  newId: NewId = randomId,
): Promise<Workspace> {
  return db.transaction('rw', [db.workspaces, ...workspaceTables(db)], async () => {
    const original = await db.workspaces.get(id)
    if (!original) throw new WorkspaceNotFoundError(id)
    const names = (await db.workspaces.toArray()).map((w) => w.organizationName)
    const copy: Workspace = {
      ...original,
      id: newId(),
      organizationName: nameForCopy(original.organizationName, names),
      createdAt: now,
      updatedAt: now,
    }
    await db.workspaces.add(copy)
    const [answers, decisions, risks, register, snapshots] = await Promise.all([
      db.clauseAnswers.where('workspaceId').equals(id).toArray(),
      db.controlDecisions.where('workspaceId').equals(id).toArray(),
      db.risks.where('workspaceId').equals(id).toArray(),
      db.registerEntries.where('workspaceId').equals(id).toArray(),
      db.snapshots.where('workspaceId').equals(id).toArray().then(readWhole),
    ])
    await db.clauseAnswers.bulkAdd(answers.map((a) => ({ ...a, workspaceId: copy.id })))
    await db.controlDecisions.bulkAdd(decisions.map((d) => ({ ...d, workspaceId: copy.id })))
    const riskIds = new Map(risks.map((r) => [r.id, newId()]))
    await db.risks.bulkAdd(
      risks.map((r) => ({ ...r, id: riskIds.get(r.id)!, workspaceId: copy.id })),
    )
    // Every row the organization added gets a new id, and so does any row not under its fixed id;
    // a snapshot may still hold rows deleted since, which keep theirs.
    const registerIds = new Map(
      register
        .filter((r) => movedRegisterId(r, id, copy.id, new Map()) === r.id)
        .map((r) => [r.id, newId()]),
    )
    await db.registerEntries.bulkAdd(
      register.map((r) => ({
        ...r,
        id: movedRegisterId(r, id, copy.id, registerIds),
        workspaceId: copy.id,
      })),
    )
    await writeWhole(snapshots.map((s) => movedSnapshot(s, newId(), copy.id, riskIds, registerIds)))
    return copy
  })
}

/** Deletes a workspace and everything in it, all or nothing. */
export async function deleteWorkspace(id: WorkspaceId): Promise<void> {
  await db.transaction('rw', [db.workspaces, ...workspaceTables(db)], async () => {
    await db.workspaces.delete(id)
    for (const table of workspaceTables(db)) {
      await table.where('workspaceId').equals(id).delete()
    }
  })
}

export class WorkspaceNotFoundError extends Error {
  override readonly name = 'WorkspaceNotFoundError'
  constructor(readonly workspaceId: WorkspaceId) {
    super(`No assessment with id ${workspaceId} on this device.`)
  }
}

/**
 * Saves the details the editor changed since `baseline` (the details it last saw), merged into
 * the workspace as stored now, in one transaction (see fieldMerge.ts). Each editor sends the
 * details it edits (all of them, or one form's share such as ReportDetails): only the fields
 * `next` holds are compared, merged and given back, and the others stay as stored. Throws
 * WorkspaceNotFoundError when the workspace is gone.
 */
export async function patchWorkspaceDetails<T extends Partial<WorkspaceDetails>>(
  id: WorkspaceId,
  baseline: T,
  next: T,
  now: string,
): Promise<MergeResult<T>> {
  return db.transaction('rw', db.workspaces, async () => {
    const current = await db.workspaces.get(id)
    if (!current) throw new WorkspaceNotFoundError(id)
    const stored = detailsOf(current)
    // The fields of T: `next` holds every one of them, and no other detail.
    const fields = DETAIL_FIELDS.filter((field) => Object.hasOwn(next, field))
    const storedFields = Object.fromEntries(fields.map((field) => [field, stored[field]])) as T
    const merged = mergeChanges(storedFields, baseline, next, fields as (keyof T & string)[])
    await db.workspaces.put({ ...current, ...merged.record, updatedAt: now })
    return merged
  })
}

export type { ScopingChange }

/**
 * Saves one answer (or name) of the scoping interview into the profile as stored now, in one
 * transaction: another tab answering another question meanwhile keeps its answer. Throws
 * WorkspaceNotFoundError when the workspace is gone.
 */
export async function patchScoping(
  id: WorkspaceId,
  change: ScopingChange,
  now: string,
): Promise<ScopingProfile> {
  return db.transaction('rw', db.workspaces, async () => {
    const current = await db.workspaces.get(id)
    if (!current) throw new WorkspaceNotFoundError(id)
    const scoping = applyScopingChange(current.scoping, change, now)
    await db.workspaces.put({ ...current, scoping, updatedAt: now })
    return scoping
  })
}

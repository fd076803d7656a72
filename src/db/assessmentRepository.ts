/**
 * Reading and writing what the user answers and decides inside a workspace. Every write also
 * touches the workspace's updatedAt, in the same transaction, so the list shows real activity.
 */
import { liveQuery, type Observable } from 'dexie'
import type { ClauseId } from '@/content'
import type { ClauseAnswer, ControlDecision, WorkspaceId } from '@/domain/model'
import { db } from './database'
import { WorkspaceNotFoundError } from './workspaceRepository'

export function watchClauseAnswers(workspaceId: WorkspaceId): Observable<ClauseAnswer[]> {
  return liveQuery(() => db.clauseAnswers.where('workspaceId').equals(workspaceId).toArray())
}

export function watchControlDecisions(workspaceId: WorkspaceId): Observable<ControlDecision[]> {
  return liveQuery(() => db.controlDecisions.where('workspaceId').equals(workspaceId).toArray())
}

async function touchWorkspace(workspaceId: WorkspaceId, now: string) {
  const changed = await db.workspaces.update(workspaceId, { updatedAt: now })
  if (changed !== 1) throw new WorkspaceNotFoundError(workspaceId)
}

export async function saveClauseAnswer(answer: ClauseAnswer): Promise<void> {
  await db.transaction('rw', db.clauseAnswers, db.workspaces, async () => {
    await touchWorkspace(answer.workspaceId, answer.updatedAt)
    await db.clauseAnswers.put(answer)
  })
}

export async function saveControlDecision(decision: ControlDecision): Promise<void> {
  await db.transaction('rw', db.controlDecisions, db.workspaces, async () => {
    await touchWorkspace(decision.workspaceId, decision.updatedAt)
    await db.controlDecisions.put(decision)
  })
}

/**
 * Writes several decisions at once, all or nothing. `remove` lists controls whose stored
 * decision is deleted (used by undo to bring back "no decision yet").
 */
export async function saveControlDecisions(
  workspaceId: WorkspaceId,
  put: readonly ControlDecision[],
  remove: readonly string[],
  now: string,
): Promise<void> {
  await db.transaction('rw', db.controlDecisions, db.workspaces, async () => {
    await touchWorkspace(workspaceId, now)
    if (put.length > 0) await db.controlDecisions.bulkPut([...put])
    if (remove.length > 0) {
      await db.controlDecisions.bulkDelete(
        remove.map((id) => [workspaceId, id] as [string, string]),
      )
    }
  })
}

/** Remembers which sub-clause the user was on, so reopening the workspace resumes there. */
export async function saveLastClause(workspaceId: WorkspaceId, clause: ClauseId): Promise<void> {
  await db.workspaces.update(workspaceId, { lastClause: clause })
}

/**
 * Reading and writing what the user answers and decides inside a workspace. Every write also
 * touches the workspace's updatedAt, in the same transaction, so the list shows real activity.
 */
import { liveQuery, type Observable } from 'dexie'
import type { ClauseId } from '@/content'
import type { ClauseAnswer, ControlDecision, WorkspaceId } from '@/domain/model'
import { decisionProblems } from '@/domain/controlDecision'
import { ANSWER_FIELDS, DECISION_FIELDS } from '@/domain/editableFields'
import { mergeChanges, replaceFields, type MergeResult } from '@/domain/fieldMerge'
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

/**
 * Saves the fields of an answer the editor changed since `baseline` (the answer it last saw),
 * merged into the answer as stored now, in one transaction: a field another tab changed
 * meanwhile is kept unless this editor changed it too (then it is a conflict in the result).
 */
export async function patchClauseAnswer(
  baseline: ClauseAnswer,
  next: ClauseAnswer,
): Promise<MergeResult<ClauseAnswer>> {
  return db.transaction('rw', db.clauseAnswers, db.workspaces, async () => {
    await touchWorkspace(next.workspaceId, next.updatedAt)
    const current = await db.clauseAnswers.get([next.workspaceId, next.questionId])
    const merged = mergeChanges(current, baseline, next, ANSWER_FIELDS)
    const record: ClauseAnswer = {
      ...merged.record,
      contentVersion: next.contentVersion,
      updatedAt: next.updatedAt,
    }
    await db.clauseAnswers.put(record)
    return { record, conflicts: merged.conflicts }
  })
}

/**
 * Saves the fields of a decision the editor changed since `baseline`, as patchClauseAnswer
 * does. When the merge would break a rule (another tab excluded the control while this one
 * cleared the justification, say), the editor's whole decision, valid on its own, is written
 * and every stored value it replaces is a conflict.
 */
export async function patchControlDecision(
  baseline: ControlDecision,
  next: ControlDecision,
): Promise<MergeResult<ControlDecision>> {
  return db.transaction('rw', db.controlDecisions, db.workspaces, async () => {
    await touchWorkspace(next.workspaceId, next.updatedAt)
    const current = await db.controlDecisions.get([next.workspaceId, next.controlId])
    let merged = mergeChanges(current, baseline, next, DECISION_FIELDS)
    if (current && decisionProblems(merged.record).length > 0) {
      merged = replaceFields(current, baseline, next, DECISION_FIELDS)
    }
    const record: ControlDecision = {
      ...merged.record,
      contentVersion: next.contentVersion,
      updatedAt: next.updatedAt,
    }
    await db.controlDecisions.put(record)
    return { record, conflicts: merged.conflicts }
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

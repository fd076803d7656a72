/**
 * Reading and writing what the user answers and decides inside a workspace. Every write also
 * touches the workspace's updatedAt, in the same transaction, so the list shows real activity.
 */
import { liveQuery, type Observable } from 'dexie'
import type { ClauseId } from '@/content'
import type { ClauseAnswer, ControlDecision, Workspace, WorkspaceId } from '@/domain/model'
import type { AssessmentInput } from '@/domain/assessment'
import { decisionProblems, emptyDecision } from '@/domain/controlDecision'
import { ANSWER_FIELDS, DECISION_FIELDS } from '@/domain/editableFields'
import { changedFields, mergeChanges, replaceFields, type MergeResult } from '@/domain/fieldMerge'
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
 * One control of a bulk change or its undo: the decision the change was computed from and the
 * one it leads to (null: back to "no decision yet").
 */
export interface DecisionChange {
  readonly baseline: ControlDecision
  readonly next: ControlDecision | null
}

/**
 * Applies several decision changes at once, all or nothing, each merged field by field into
 * the decision as stored (as patchControlDecision does), so a field another tab changed
 * meanwhile and the change does not touch is kept. A change back to "no decision yet" deletes
 * the stored decision, unless another tab has since filled in one of its fields.
 */
export async function applyDecisionChanges(
  workspaceId: WorkspaceId,
  changes: readonly DecisionChange[],
  now: string,
): Promise<void> {
  await db.transaction('rw', db.controlDecisions, db.workspaces, async () => {
    await touchWorkspace(workspaceId, now)
    const keys = changes.map((c) => [workspaceId, c.baseline.controlId] as [string, string])
    const stored = await db.controlDecisions.bulkGet(keys)
    const put: ControlDecision[] = []
    const remove: [string, string][] = []
    for (const [i, { baseline, next }] of changes.entries()) {
      const current = stored[i]
      const target = next ?? emptyDecision(workspaceId, baseline.controlId, now)
      let merged = mergeChanges(current, baseline, target, DECISION_FIELDS).record
      if (decisionProblems(merged).length > 0) {
        merged = replaceFields(current ?? baseline, baseline, target, DECISION_FIELDS).record
      }
      const empty = changedFields(target, merged, DECISION_FIELDS).length === 0
      if (next === null && empty) remove.push([workspaceId, baseline.controlId])
      else
        put.push({ ...merged, workspaceId, contentVersion: target.contentVersion, updatedAt: now })
    }
    if (put.length > 0) await db.controlDecisions.bulkPut(put)
    if (remove.length > 0) await db.controlDecisions.bulkDelete(remove)
  })
}

/** Remembers which sub-clause the user was on, so reopening the workspace resumes there. */
export async function saveLastClause(workspaceId: WorkspaceId, clause: ClauseId): Promise<void> {
  await db.workspaces.update(workspaceId, { lastClause: clause })
}

/**
 * Everything the verdict is computed from for one workspace, read in one transaction (so the
 * answers, decisions and risks belong to the same moment).
 */
export function readAssessmentInput(workspace: Workspace): Promise<AssessmentInput> {
  const id = workspace.id
  return db.transaction('r', [db.clauseAnswers, db.controlDecisions, db.risks], async () => ({
    answers: await db.clauseAnswers.where('workspaceId').equals(id).toArray(),
    decisions: await db.controlDecisions.where('workspaceId').equals(id).toArray(),
    risks: await db.risks.where('workspaceId').equals(id).toArray(),
    workspace: { scopeStatement: workspace.scopeStatement, riskCriteria: workspace.riskCriteria },
  }))
}

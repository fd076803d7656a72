/**
 * Reading and writing a workspace's risk register. Every write also touches the workspace's
 * updatedAt in the same transaction.
 */
import { liveQuery, type Observable } from 'dexie'
import type { Risk, WorkspaceId } from '@/domain/model'
import {
  checkCriteria,
  criteriaOf,
  rescaleRisks,
  riskProblems,
  type RiskCriteria,
} from '@/domain/risk'
import type { ControlId } from '@/content'
import { RISK_FIELDS } from '@/domain/editableFields'
import { mergeChanges, replaceFields, type MergeResult } from '@/domain/fieldMerge'
import { db } from './database'
import { RiskLimitError, RiskNotFoundError, RiskOffScaleError } from './errors'
import { MAX_RISKS_PER_WORKSPACE } from '@/domain/limits'

export { RiskNotFoundError, RiskOffScaleError }
import { WorkspaceNotFoundError } from './workspaceRepository'

export function watchRisks(workspaceId: WorkspaceId): Observable<Risk[]> {
  return liveQuery(() => db.risks.where('workspaceId').equals(workspaceId).toArray())
}

async function touch(workspaceId: WorkspaceId, now: string) {
  if ((await db.workspaces.update(workspaceId, { updatedAt: now })) !== 1) {
    throw new WorkspaceNotFoundError(workspaceId)
  }
}

/**
 * Adds a new risk; fails when its id is taken, or with RiskLimitError when the register already
 * holds MAX_RISKS_PER_WORKSPACE risks (the most a backup may bring back, too).
 */
export async function addRisk(risk: Risk): Promise<void> {
  await db.transaction('rw', db.risks, db.workspaces, async () => {
    await touch(risk.workspaceId, risk.updatedAt)
    const held = await db.risks.where('workspaceId').equals(risk.workspaceId).count()
    if (held >= MAX_RISKS_PER_WORKSPACE) throw new RiskLimitError(MAX_RISKS_PER_WORKSPACE)
    await db.risks.add(risk)
  })
}

/** Adds a control to a risk's links or removes it, on the risk as stored now. */
export async function linkControl(
  workspaceId: WorkspaceId,
  riskId: string,
  controlId: ControlId,
  linked: boolean,
  now: string,
): Promise<void> {
  await db.transaction('rw', db.risks, db.workspaces, async () => {
    await touch(workspaceId, now)
    const risk = await db.risks.get(riskId)
    if (!risk || risk.workspaceId !== workspaceId) throw new RiskNotFoundError(riskId)
    const others = risk.controlIds.filter((id) => id !== controlId)
    const controlIds = linked ? [...others, controlId] : others
    await db.risks.put({ ...risk, controlIds, updatedAt: now })
  })
}

/**
 * Saves the fields of a risk the editor changed since `baseline` (the risk it last saw),
 * merged into the risk as stored now, in one transaction (see fieldMerge.ts). A risk deleted
 * meanwhile is not brought back (RiskNotFoundError). When the merged risk breaks a rule of the
 * criteria as stored now, the editor's whole risk is written if it fits them, else nothing
 * (RiskOffScaleError: the scale changed in another tab).
 */
export async function patchRisk(baseline: Risk, next: Risk): Promise<MergeResult<Risk>> {
  return db.transaction('rw', db.risks, db.workspaces, async () => {
    const workspace = await db.workspaces.get(next.workspaceId)
    if (!workspace) throw new WorkspaceNotFoundError(next.workspaceId)
    const current = await db.risks.get(next.id)
    if (!current || current.workspaceId !== next.workspaceId) throw new RiskNotFoundError(next.id)
    const criteria = criteriaOf(workspace)
    let merged = mergeChanges(current, baseline, next, RISK_FIELDS)
    if (riskProblems(merged.record, criteria).length > 0) {
      merged = replaceFields(current, baseline, next, RISK_FIELDS)
      if (riskProblems(merged.record, criteria).length > 0) throw new RiskOffScaleError(next.id)
    }
    const record: Risk = { ...merged.record, updatedAt: next.updatedAt }
    await db.workspaces.update(next.workspaceId, { updatedAt: next.updatedAt })
    await db.risks.put(record)
    return { record, conflicts: merged.conflicts }
  })
}

export async function deleteRisk(workspaceId: WorkspaceId, riskId: string, now: string) {
  await db.transaction('rw', db.risks, db.workspaces, async () => {
    await touch(workspaceId, now)
    await db.risks.delete(riskId)
  })
}

/**
 * Saves the risk criteria the editor changed since `baseline`, merged into the criteria as
 * stored now (a merge the rules refuse gives the editor's own criteria whole); when the scale
 * changes, every risk of the workspace, as stored now, is rescaled in the same transaction.
 */
export async function saveRiskCriteria(
  workspaceId: WorkspaceId,
  baseline: RiskCriteria,
  next: RiskCriteria,
  now: string,
): Promise<RiskCriteria> {
  return db.transaction('rw', db.risks, db.workspaces, async () => {
    const workspace = await db.workspaces.get(workspaceId)
    if (!workspace) throw new WorkspaceNotFoundError(workspaceId)
    const current = criteriaOf(workspace)
    let criteria = mergeChanges(current, baseline, next, CRITERIA_FIELDS).record
    if (checkCriteria(criteria).length > 0) criteria = next
    await db.workspaces.update(workspaceId, { riskCriteria: criteria, updatedAt: now })
    if (criteria.scale !== current.scale) {
      const risks = await db.risks.where('workspaceId').equals(workspaceId).toArray()
      await db.risks.bulkPut(rescaleRisks(risks, current.scale, criteria.scale))
    }
    return criteria
  })
}

const CRITERIA_FIELDS = [
  'scale',
  'likelihoodLabels',
  'impactLabels',
  'acceptanceThreshold',
] as const satisfies readonly (keyof RiskCriteria)[]

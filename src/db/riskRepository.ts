/**
 * Reading and writing a workspace's risk register. Every write also touches the workspace's
 * updatedAt in the same transaction.
 */
import { liveQuery, type Observable } from 'dexie'
import type { Risk, WorkspaceId } from '@/domain/model'
import type { RiskCriteria } from '@/domain/risk'
import { db } from './database'
import { WorkspaceNotFoundError } from './workspaceRepository'

export function watchRisks(workspaceId: WorkspaceId): Observable<Risk[]> {
  return liveQuery(() => db.risks.where('workspaceId').equals(workspaceId).toArray())
}

async function touch(workspaceId: WorkspaceId, now: string) {
  if ((await db.workspaces.update(workspaceId, { updatedAt: now })) !== 1) {
    throw new WorkspaceNotFoundError(workspaceId)
  }
}

export async function saveRisk(risk: Risk): Promise<void> {
  await db.transaction('rw', db.risks, db.workspaces, async () => {
    await touch(risk.workspaceId, risk.updatedAt)
    await db.risks.put(risk)
  })
}

export async function deleteRisk(workspaceId: WorkspaceId, riskId: string, now: string) {
  await db.transaction('rw', db.risks, db.workspaces, async () => {
    await touch(workspaceId, now)
    await db.risks.delete(riskId)
  })
}

/** Saves the risk criteria and the rescaled risks together, all or nothing. */
export async function saveRiskCriteria(
  workspaceId: WorkspaceId,
  criteria: RiskCriteria,
  rescaled: readonly Risk[],
  now: string,
): Promise<void> {
  await db.transaction('rw', db.risks, db.workspaces, async () => {
    if (
      (await db.workspaces.update(workspaceId, { riskCriteria: criteria, updatedAt: now })) !== 1
    ) {
      throw new WorkspaceNotFoundError(workspaceId)
    }
    if (rescaled.length > 0) await db.risks.bulkPut([...rescaled])
  })
}

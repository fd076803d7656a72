/**
 * A large workspace: the full workspace of fullWorkspace.ts (every question answered, all 93
 * decisions) with a risk register of any size, up to the 10,000 risks a workspace may hold. The
 * large-workspace bench and tests write its rows into IndexedDB or feed them to the domain.
 */
import type { AssessmentInput } from '@/domain/assessment'
import type { ClauseAnswer, ControlDecision, Risk, Workspace } from '@/domain/model'
import { DEFAULT_RISK_CRITERIA } from '@/domain/risk'
import { newWorkspace } from '@/domain/workspace'
import { benchRisk, fullWorkspace } from './fullWorkspace'

const T = '2026-11-20T10:00:00.000Z'
/** One workspace with every row that belongs to it, as IndexedDB and a backup hold them. */
export interface LargeWorkspaceRecords {
  readonly workspace: Workspace
  readonly clauseAnswers: readonly ClauseAnswer[]
  readonly controlDecisions: readonly ControlDecision[]
  readonly risks: readonly Risk[]
}

/**
 * Risk `i` of the register: linked to one to three controls, with gaps here and there in its
 * owner, treatment, residual rating and acceptance, so every kind of risk finding occurs. Titles
 * are unique ("… affecting system 1234"), so a search can narrow the list to one risk.
 */
export function largeRisk(workspaceId: string, i: number): Risk {
  return benchRisk(i, workspaceId, `large-risk-${String(i).padStart(5, '0')}`)
}

/** The rows of a large workspace named `organizationName`, with `riskCount` risks. */
export function largeWorkspaceRecords(
  riskCount: number,
  workspaceId = 'large',
  organizationName = `Large Workspace (${riskCount} risks)`,
): LargeWorkspaceRecords {
  const full = fullWorkspace()
  return {
    workspace: {
      ...newWorkspace(workspaceId, organizationName, T),
      sector: 'Software',
      size: '250+',
      scopeStatement: full.workspace?.scopeStatement ?? '',
      assessor: 'Bench',
      participants: 'CEO, CTO',
      targetAuditDate: '2027-06-30',
      riskCriteria: DEFAULT_RISK_CRITERIA,
    },
    clauseAnswers: full.answers.map((a) => ({ ...a, workspaceId })),
    controlDecisions: full.decisions.map((d) => ({ ...d, workspaceId })),
    risks: Array.from({ length: riskCount }, (_, i) => largeRisk(workspaceId, i)),
  }
}

/** What the domain computes the results from, as the results store builds it. */
export function largeWorkspace(riskCount: number): AssessmentInput {
  const records = largeWorkspaceRecords(riskCount)
  return {
    answers: records.clauseAnswers,
    decisions: records.controlDecisions,
    risks: records.risks,
    workspace: {
      scopeStatement: records.workspace.scopeStatement,
      riskCriteria: records.workspace.riskCriteria,
    },
  }
}

/**
 * Runs in the page (pass it to page.evaluate): writes the records into the app's IndexedDB in
 * one transaction, behind the app's back, so reload the page afterwards. The database must
 * already exist (the app creates it on its first screen); the name is the app's DATABASE_NAME,
 * written out because this function is serialized into the page.
 */
export async function storeRecordsInPage(records: LargeWorkspaceRecords): Promise<void> {
  const request = indexedDB.open('isms-readiness')
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  const tables = ['workspaces', 'clauseAnswers', 'controlDecisions', 'risks'] as const
  const tx = db.transaction([...tables], 'readwrite')
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
  tx.objectStore('workspaces').put(records.workspace)
  for (const row of records.clauseAnswers) tx.objectStore('clauseAnswers').put(row)
  for (const row of records.controlDecisions) tx.objectStore('controlDecisions').put(row)
  for (const row of records.risks) tx.objectStore('risks').put(row)
  await done
  db.close()
}

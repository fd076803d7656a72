import { defineStore, storeToRefs } from 'pinia'
import { computed, shallowRef, toRaw } from 'vue'
import * as repository from '@/db/riskRepository'
import { describeStorageError } from '@/db/errors'
import type { Risk, WorkspaceId } from '@/domain/model'
import {
  checkCriteria,
  criteriaOf,
  newRisk,
  riskProblems,
  RISK_PROBLEM_MESSAGES,
  type RiskCriteria,
} from '@/domain/risk'
import { useCurrentWorkspaceStore } from './currentWorkspace'
import type { ControlId } from '@/content'
import type { MergeResult } from '@/domain/fieldMerge'
import { attempt, type ActionResult } from './result'

/** The open workspace's risk register, followed live, and the actions that change it. */
export const useRisksStore = defineStore('risks', () => {
  const current = useCurrentWorkspaceStore()
  const { workspace } = storeToRefs(current)
  const workspaceId = shallowRef<WorkspaceId | null>(null)
  const risks = shallowRef<readonly Risk[]>([])
  const loaded = shallowRef(false)
  const loadError = shallowRef<string | null>(null)
  let unsubscribe: (() => void) | null = null

  const criteria = computed<RiskCriteria>(() =>
    criteriaOf({ riskCriteria: workspace.value?.riskCriteria }),
  )

  function open(id: WorkspaceId) {
    if (workspaceId.value === id && unsubscribe) return
    close()
    workspaceId.value = id
    const subscription = repository.watchRisks(id).subscribe({
      next: (rows) => {
        risks.value = rows
        loaded.value = true
      },
      error: (error) => {
        loadError.value = describeStorageError(error).message
        loaded.value = true
      },
    })
    unsubscribe = () => subscription.unsubscribe()
  }

  function close() {
    unsubscribe?.()
    unsubscribe = null
    workspaceId.value = null
    risks.value = []
    loaded.value = false
    loadError.value = null
  }

  async function addRisk(title: string): Promise<ActionResult<Risk>> {
    const id = workspaceId.value
    if (!id) return { ok: false, error: 'No assessment is open.' }
    const risk = newRisk(
      crypto.randomUUID(),
      id,
      title.trim(),
      new Date().toISOString(),
      criteria.value,
    )
    const problem = riskProblems(risk, criteria.value)[0]
    if (problem) return { ok: false, error: RISK_PROBLEM_MESSAGES[problem] }
    return attempt(async () => {
      await repository.addRisk(risk)
      return risk
    })
  }

  /** Saves what the editor changed since `baseline`, field by field (see fieldMerge.ts). */
  async function saveRisk(baseline: Risk, next: Risk): Promise<ActionResult<MergeResult<Risk>>> {
    const problem = riskProblems(next, criteria.value)[0]
    if (problem) return { ok: false, error: RISK_PROBLEM_MESSAGES[problem] }
    return attempt(() =>
      repository.patchRisk(structuredClone(toRaw(baseline)), structuredClone(toRaw(next))),
    )
  }

  /** Links a control to a risk or unlinks it, on the risk as stored now. */
  function linkControl(
    riskId: string,
    controlId: ControlId,
    linked: boolean,
  ): Promise<ActionResult> {
    const id = workspaceId.value
    if (!id) return Promise.resolve({ ok: false, error: 'No assessment is open.' })
    return attempt(() =>
      repository.linkControl(id, riskId, controlId, linked, new Date().toISOString()),
    )
  }

  function deleteRisk(riskId: string): Promise<ActionResult> {
    const id = workspaceId.value
    if (!id) return Promise.resolve({ ok: false, error: 'No assessment is open.' })
    return attempt(() => repository.deleteRisk(id, riskId, new Date().toISOString()))
  }

  /**
   * Saves what changed in the criteria since `baseline` (field by field, as the editors do);
   * when the scale changes, every risk as stored is rescaled in the same transaction.
   */
  async function saveCriteria(baseline: RiskCriteria, next: RiskCriteria): Promise<ActionResult> {
    const id = workspaceId.value
    if (!id) return { ok: false, error: 'No assessment is open.' }
    const problem = checkCriteria(next)[0]
    if (problem) return { ok: false, error: problem }
    return attempt(async () => {
      await repository.saveRiskCriteria(
        id,
        structuredClone(toRaw(baseline)),
        structuredClone(toRaw(next)),
        new Date().toISOString(),
      )
    })
  }

  return {
    risks,
    loaded,
    loadError,
    criteria,
    open,
    close,
    addRisk,
    saveRisk,
    linkControl,
    deleteRisk,
    saveCriteria,
  }
})

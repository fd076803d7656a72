import { defineStore } from 'pinia'
import { computed, shallowRef, toRaw } from 'vue'
import * as repository from '@/db/assessmentRepository'
import { describeStorageError } from '@/db/errors'
import { ANNEX_A_CONTROLS, type ClauseId } from '@/content'
import type { ClauseAnswer, ControlDecision, WorkspaceId } from '@/domain/model'
import { walkthroughProgress } from '@/domain/progress'
import { migrateAnswers } from '@/domain/contentMigration'
import {
  countUndecided,
  DECISION_PROBLEM_MESSAGES,
  decisionProblems,
  emptyDecision,
  type BulkChange,
} from '@/domain/controlDecision'
import type { MergeResult } from '@/domain/fieldMerge'
import { attempt, type ActionResult } from './result'

/** Vue proxies never reach IndexedDB: store plain copies. */
function plain<T extends object>(value: T): T {
  return structuredClone(toRaw(value))
}

/**
 * What the last bulk change of Annex A decisions did in this tab (the bulk panel or Fast
 * start), and the changes to undo it (null once undone).
 */
export interface BulkNotice {
  readonly text: string
  readonly changes: readonly BulkChange[] | null
}

/**
 * The answers and decisions of the open workspace, followed live (another tab's edits arrive
 * here), and the actions that save them.
 */
export const useAssessmentStore = defineStore('assessment', () => {
  const workspaceId = shallowRef<WorkspaceId | null>(null)
  const answers = shallowRef<ReadonlyMap<string, ClauseAnswer>>(new Map())
  const decisions = shallowRef<ReadonlyMap<string, ControlDecision>>(new Map())
  const answersLoaded = shallowRef(false)
  const decisionsLoaded = shallowRef(false)
  const loadError = shallowRef<string | null>(null)
  const bulkNotice = shallowRef<BulkNotice | null>(null)
  let unsubscribe: (() => void)[] = []

  function open(id: WorkspaceId) {
    if (workspaceId.value === id && unsubscribe.length > 0) return
    close()
    workspaceId.value = id
    const onError = (error: unknown) => {
      loadError.value = describeStorageError(error).message
    }
    const a = repository.watchClauseAnswers(id).subscribe({
      next: (rows) => {
        // Answers given against older content are mapped onto today's questions.
        answers.value = new Map(migrateAnswers(rows).map((r) => [r.questionId, r]))
        answersLoaded.value = true
      },
      error: onError,
    })
    const d = repository.watchControlDecisions(id).subscribe({
      next: (rows) => {
        decisions.value = new Map(rows.map((r) => [r.controlId, r]))
        decisionsLoaded.value = true
      },
      error: onError,
    })
    unsubscribe = [() => a.unsubscribe(), () => d.unsubscribe()]
  }

  function close() {
    for (const stop of unsubscribe) stop()
    unsubscribe = []
    workspaceId.value = null
    answers.value = new Map()
    decisions.value = new Map()
    answersLoaded.value = false
    decisionsLoaded.value = false
    loadError.value = null
    bulkNotice.value = null
  }

  const progress = computed(() => walkthroughProgress(answers.value))
  const undecidedCount = computed(() => countUndecided(ANNEX_A_CONTROLS, decisions.value))

  /** Saves what the editor changed since `baseline`, field by field (see fieldMerge.ts). */
  function saveAnswer(
    baseline: ClauseAnswer,
    next: ClauseAnswer,
  ): Promise<ActionResult<MergeResult<ClauseAnswer>>> {
    return attempt(() => repository.patchClauseAnswer(plain(baseline), plain(next)))
  }

  async function saveDecision(
    baseline: ControlDecision,
    next: ControlDecision,
  ): Promise<ActionResult<MergeResult<ControlDecision>>> {
    const problems = decisionProblems(next)
    const first = problems[0]
    if (first) return { ok: false, error: DECISION_PROBLEM_MESSAGES[first] }
    return attempt(() => repository.patchControlDecision(plain(baseline), plain(next)))
  }

  /**
   * Applies previewed bulk changes in one transaction, field by field: a field of one of the
   * controls that another tab changed and the bulk change does not touch is kept. Once written,
   * `text` says what was done in the bulk notice, which offers the undo on the Annex A and Fast
   * start screens alike until it is undone or replaced.
   */
  async function applyBulk(
    changes: readonly BulkChange[],
    now: string,
    text: string,
  ): Promise<ActionResult> {
    const id = workspaceId.value
    if (!id) return { ok: false, error: 'No assessment is open.' }
    const result = await attempt(() =>
      repository.applyDecisionChanges(
        id,
        changes.map((c) => ({
          baseline: plain(c.before ?? emptyDecision(id, c.controlId, now)),
          next: plain(c.after),
        })),
        now,
      ),
    )
    if (result.ok && workspaceId.value === id) bulkNotice.value = { text, changes }
    return result
  }

  /**
   * Puts every control of the last bulk change back as it was before, in one transaction: the
   * fields the bulk change set go back, and what was changed since (here or in another tab)
   * stays.
   */
  async function undoLastBulk(now: string): Promise<ActionResult> {
    const id = workspaceId.value
    const changes = bulkNotice.value?.changes
    if (!id || !changes) return { ok: false, error: 'There is nothing to undo.' }
    const result = await attempt(() =>
      repository.applyDecisionChanges(
        id,
        changes.map((c) => ({
          baseline: plain(c.after),
          next: c.before ? plain(c.before) : null,
        })),
        now,
      ),
    )
    if (result.ok && workspaceId.value === id) {
      const n = changes.length
      bulkNotice.value = {
        text: `Undone: ${n} ${n === 1 ? 'control is' : 'controls are'} back as before.`,
        changes: null,
      }
    }
    return result
  }

  function dismissBulkNotice() {
    bulkNotice.value = null
  }

  function rememberClause(clause: ClauseId) {
    const id = workspaceId.value
    // Only a convenience: a failure to remember the position is not worth an error message.
    if (id) void repository.saveLastClause(id, clause).catch(() => undefined)
  }

  return {
    workspaceId,
    answers,
    decisions,
    answersLoaded,
    decisionsLoaded,
    loadError,
    progress,
    undecidedCount,
    open,
    close,
    saveAnswer,
    saveDecision,
    bulkNotice,
    applyBulk,
    undoLastBulk,
    dismissBulkNotice,
    rememberClause,
  }
})

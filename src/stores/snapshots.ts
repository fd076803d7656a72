import { defineStore, storeToRefs } from 'pinia'
import { computed, shallowRef } from 'vue'
import * as repository from '@/db/snapshotRepository'
import { describeStorageError } from '@/db/errors'
import type { Snapshot, SoaApproval, WorkspaceId } from '@/domain/model'
import { compareMoments, type Comparison, type Moment } from '@/domain/comparison'
import {
  SNAPSHOT_LABEL_MESSAGES,
  snapshotLabelProblem,
  snapshotState,
  snapshotVerdict,
  sortSnapshots,
} from '@/domain/snapshot'
import { useResultsStore } from './results'
import { useCurrentWorkspaceStore } from './currentWorkspace'
import { localDate } from '@/components/format'
import {
  APPROVAL_PROBLEM_MESSAGES,
  approvalProblems,
  normalizeApproval,
  soaStatus,
  type SoaStatus,
} from '@/domain/soaApproval'
import { attempt, type ActionResult } from './result'

/** Which moment a comparison starts or ends at: a snapshot's id, or the assessment as it is now. */
export type MomentRef = string | 'now'

export const NOW: MomentRef = 'now'

/**
 * The open workspace's snapshots, followed live, newest first; the actions that take, rename and
 * delete them and approve the SoA; and comparisons between any two moments. Opened by the shell
 * with the other stores of a workspace.
 */
export const useSnapshotsStore = defineStore('snapshots', () => {
  const workspaceId = shallowRef<WorkspaceId | null>(null)
  const rows = shallowRef<readonly Snapshot[]>([])
  const loaded = shallowRef(false)
  const loadError = shallowRef<string | null>(null)
  let unsubscribe: (() => void) | null = null

  const results = useResultsStore()
  const { input, readiness, loaded: resultsLoaded } = storeToRefs(results)
  const { workspace } = storeToRefs(useCurrentWorkspaceStore())

  function open(id: WorkspaceId) {
    if (workspaceId.value === id && unsubscribe) return
    close()
    workspaceId.value = id
    const subscription = repository.watchSnapshots(id).subscribe({
      next: (value) => {
        rows.value = value
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
    rows.value = []
    loaded.value = false
    loadError.value = null
  }

  /** Newest first. */
  const snapshots = computed(() => sortSnapshots(rows.value))
  const byId = computed(() => new Map(rows.value.map((s) => [s.id, s])))

  /** The assessment as it is now, as one side of a comparison. */
  const now = computed<Moment>(() => ({
    label: 'Now',
    takenAt: new Date().toISOString(),
    verdict: snapshotVerdict(readiness.value),
    state: {
      answers: input.value.answers,
      decisions: input.value.decisions,
      risks: input.value.risks ?? [],
    },
  }))

  /** The moment a reference names, or null for a snapshot that is gone or kept only its score. */
  function moment(ref: MomentRef): Moment | null {
    // `now` is cached until the records change: the time is read afresh, so the actions overdue
    // are those of today even on a page left open overnight.
    if (ref === NOW) return { ...now.value, takenAt: new Date().toISOString() }
    const snapshot = byId.value.get(ref)
    const state = snapshot && snapshotState(snapshot)
    if (!snapshot || !state) return null
    return { label: snapshot.label, takenAt: snapshot.takenAt, verdict: snapshot.verdict, state }
  }

  /** What changed from one moment to the other, or null when either cannot be compared. */
  function compare(from: MomentRef, to: MomentRef = NOW): Comparison | null {
    const a = moment(from)
    const b = moment(to)
    return a && b ? compareMoments(a, b) : null
  }

  async function take(label: string, soaApproval?: SoaApproval): Promise<ActionResult<Snapshot>> {
    const id = workspaceId.value
    if (!id) return { ok: false, error: 'No assessment is open.' }
    const problem = snapshotLabelProblem(label)
    if (problem) return { ok: false, error: SNAPSHOT_LABEL_MESSAGES[problem] }
    return attempt(() =>
      repository.takeSnapshot(id, label, new Date().toISOString(), { soaApproval }),
    )
  }

  /** The SoA now: approved, a draft of the next version, or never approved in the app. */
  const soa = computed<SoaStatus>(() =>
    soaStatus(
      workspace.value ?? { soaVersion: '', soaApprover: '', soaApprovedOn: null },
      rows.value,
      input.value.decisions,
    ),
  )

  /** Approves the SoA as it is now: a snapshot that records the approval. */
  async function approveSoa(approval: SoaApproval): Promise<ActionResult<Snapshot>> {
    const problem = approvalProblems(approval, soa.value.history, localDate())[0]
    if (problem) return { ok: false, error: APPROVAL_PROBLEM_MESSAGES[problem] }
    const normalized = normalizeApproval(approval)
    return take(`SoA ${normalized.version} approved`, normalized)
  }

  async function rename(id: string, label: string): Promise<ActionResult> {
    const problem = snapshotLabelProblem(label)
    if (problem) return { ok: false, error: SNAPSHOT_LABEL_MESSAGES[problem] }
    return attempt(() => repository.renameSnapshot(id, label, new Date().toISOString()))
  }

  async function remove(id: string): Promise<ActionResult> {
    return attempt(() => repository.deleteSnapshot(id, new Date().toISOString()))
  }

  return {
    loaded,
    loadError,
    resultsLoaded,
    snapshots,
    byId,
    now,
    open,
    close,
    moment,
    compare,
    soa,
    approveSoa,
    take,
    rename,
    remove,
  }
})

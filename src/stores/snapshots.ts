import { defineStore, storeToRefs } from 'pinia'
import { computed, shallowRef } from 'vue'
import * as repository from '@/db/snapshotRepository'
import { describeStorageError } from '@/db/errors'
import type { Snapshot, SnapshotSummary, SoaApproval, WorkspaceId } from '@/domain/model'
import { compareMoments, type Comparison, type Moment } from '@/domain/comparison'
import {
  SNAPSHOT_LABEL_MESSAGES,
  snapshotLabelProblem,
  snapshotState,
  snapshotVerdict,
  sortSnapshots,
} from '@/domain/snapshot'
import { useResultsStore } from './results'
import { useRegisterStore } from './register'
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
  const rows = shallowRef<readonly SnapshotSummary[]>([])
  /** The approved SoA versions, whole: their decisions make the change log. */
  const approvals = shallowRef<readonly Snapshot[]>([])
  const loaded = shallowRef(false)
  const loadError = shallowRef<string | null>(null)
  let unsubscribe: (() => void) | null = null
  /** Snapshots read whole to compare, by id: their records never change. */
  const whole = new Map<string, Promise<Snapshot | undefined>>()

  const results = useResultsStore()
  const { input, readiness, loaded: resultsLoaded } = storeToRefs(results)
  const { workspace } = storeToRefs(useCurrentWorkspaceStore())
  const { stored: register } = storeToRefs(useRegisterStore())

  function open(id: WorkspaceId) {
    if (workspaceId.value === id && unsubscribe) return
    close()
    workspaceId.value = id
    const fail = (error: unknown) => {
      loadError.value = describeStorageError(error).message
      loaded.value = true
    }
    const subscription = repository.watchSnapshots(id).subscribe({
      next: (value) => {
        rows.value = value
        loaded.value = true
        const ids = new Set(value.map((s) => s.id))
        for (const key of whole.keys()) if (!ids.has(key)) whole.delete(key)
      },
      error: fail,
    })
    const approvalSubscription = repository.watchApprovals(id).subscribe({
      next: (value) => (approvals.value = value),
      error: fail,
    })
    unsubscribe = () => {
      subscription.unsubscribe()
      approvalSubscription.unsubscribe()
    }
  }

  function close() {
    unsubscribe?.()
    unsubscribe = null
    workspaceId.value = null
    rows.value = []
    approvals.value = []
    whole.clear()
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
    // The rows the register stores, as a snapshot would freeze them now.
    register: register.value.filter((e) => e.workspaceId === workspaceId.value),
  }))

  /** A snapshot whole (read once, then kept: its records never change). */
  function loadWhole(id: string): Promise<Snapshot | undefined> {
    let found = whole.get(id)
    if (!found) {
      found = repository.loadSnapshot(id)
      whole.set(id, found)
      found.catch(() => whole.delete(id))
    }
    return found
  }

  /** The moment a reference names, or null for a snapshot that is gone or kept only its score. */
  async function moment(ref: MomentRef): Promise<Moment | null> {
    // `now` is cached until the records change: the time is read afresh, so the actions overdue
    // are those of today even on a page left open overnight.
    if (ref === NOW) return { ...now.value, takenAt: new Date().toISOString() }
    if (!byId.value.has(ref)) return null
    const snapshot = await loadWhole(ref)
    const state = snapshot && snapshotState(snapshot)
    if (!snapshot || !state) return null
    const frozen = snapshot.records?.register
    return {
      label: snapshot.label,
      takenAt: snapshot.takenAt,
      verdict: snapshot.verdict,
      state,
      ...(frozen === undefined ? {} : { register: frozen }),
    }
  }

  /** What changed from one moment to the other, or null when either cannot be compared. */
  async function compare(from: MomentRef, to: MomentRef = NOW): Promise<Comparison | null> {
    const [a, b] = await Promise.all([moment(from), moment(to)])
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
      approvals.value,
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
    loadWhole,
    soa,
    approveSoa,
    take,
    rename,
    remove,
  }
})

/**
 * Snapshots: an assessment frozen at a moment (the start of a workshop, an approved SoA), with
 * the verdict it gave then. Pure: the repository reads the records in one transaction and
 * stores what `freezeSnapshot` makes of them; the compare screen and the reports read a
 * snapshot back as an AssessmentState through `snapshotState`.
 */
import { computeReadiness, SCORE_PART_KEYS, type Readiness } from './readiness'
import { migrateAnswers } from './contentMigration'
import { withoutWorkspace } from './snapshotRows'
import type {
  ClauseAnswer,
  ControlDecision,
  Risk,
  Snapshot,
  SnapshotRecords,
  SnapshotVerdict,
  SoaApproval,
  Workspace,
  WorkspaceId,
} from './model'
import type { RegisterEntry } from './register'
import type { AssessmentState } from './stateDiff'
import { FIELD_LIMITS, MAX_SNAPSHOTS_PER_WORKSPACE } from './limits'

/** The verdict as a snapshot keeps it: score, band, the parts' points (one decimal), blockers. */
export function snapshotVerdict(readiness: Readiness): SnapshotVerdict {
  const points = (key: (typeof SCORE_PART_KEYS)[number]) =>
    Math.round(readiness.parts[key].contribution * 10) / 10
  return {
    score: readiness.score,
    band: readiness.band,
    parts: {
      clauseConformance: points('clauseConformance'),
      riskRegister: points('riskRegister'),
      soaCompleteness: points('soaCompleteness'),
      annexAImplementation: points('annexAImplementation'),
    },
    blockers: readiness.blockers.map((b) => ({ id: b.id, title: b.title })),
  }
}

export interface FreezeInput {
  readonly id: string
  readonly workspace: Pick<Workspace, 'id' | 'scopeStatement' | 'riskCriteria'>
  readonly takenAt: string
  readonly label: string
  readonly answers: readonly ClauseAnswer[]
  readonly decisions: readonly ControlDecision[]
  readonly risks: readonly Risk[]
  /** The workspace's stored register rows (not the empty rows shown from memory). */
  readonly register: readonly RegisterEntry[]
  readonly soaApproval?: SoaApproval | null
}

/**
 * The snapshot of the records as they are stored (answers keep the content version they were
 * given against, so a later content change maps them when they are read) and of the verdict
 * they give, computed from exactly these records. The register rows are frozen as stored; the
 * verdict does not read them.
 */
export function freezeSnapshot(input: FreezeInput): Snapshot {
  const readiness = computeReadiness({
    answers: migrateAnswers(input.answers),
    decisions: input.decisions,
    risks: input.risks,
    workspace: input.workspace,
  })
  return {
    id: input.id,
    workspaceId: input.workspace.id,
    takenAt: input.takenAt,
    label: input.label.trim(),
    verdict: snapshotVerdict(readiness),
    records: {
      answers: input.answers.map(withoutWorkspace),
      decisions: input.decisions.map(withoutWorkspace),
      risks: input.risks.map(withoutWorkspace),
      register: input.register.map(withoutWorkspace),
    },
    soaApproval: input.soaApproval ?? null,
  }
}

/**
 * The records of a snapshot as the rows of a workspace, with the answers expressed against the
 * current content (a snapshot taken before a question was split compares with the parts). Null
 * for a snapshot that kept only its score.
 */
export function snapshotState(snapshot: Snapshot): AssessmentState | null {
  if (!snapshot.records) return null
  return recordsState(snapshot.records, snapshot.workspaceId)
}

export function recordsState(records: SnapshotRecords, workspaceId: WorkspaceId): AssessmentState {
  return {
    answers: migrateAnswers(records.answers.map((a) => ({ ...a, workspaceId }))),
    decisions: records.decisions.map((d) => ({ ...d, workspaceId })),
    risks: records.risks.map((r) => ({ ...r, workspaceId })),
  }
}

type Listed = Pick<Snapshot, 'takenAt' | 'label' | 'soaApproval'>

/** Newest first; on the same instant, by label. */
export function sortSnapshots<T extends Listed>(snapshots: readonly T[]): T[] {
  return [...snapshots].sort(
    (a, b) => b.takenAt.localeCompare(a.takenAt) || a.label.localeCompare(b.label),
  )
}

/**
 * The name offered for a new snapshot: "Workshop n · yyyy-mm-dd", n one more than the number of
 * workshop snapshots (those that are not SoA approvals) already taken.
 */
export function suggestedSnapshotLabel(existing: readonly Listed[], today: string): string {
  const workshops = existing.filter((s) => !s.soaApproval).length
  return `Workshop ${workshops + 1} · ${today}`
}

export type SnapshotLabelProblem = 'empty' | 'too-long'

export const SNAPSHOT_LABEL_MESSAGES: Record<SnapshotLabelProblem, string> = {
  empty: 'Give the snapshot a name, for example “Workshop 2”.',
  'too-long': `The name is longer than ${FIELD_LIMITS.shortText.toLocaleString('en')} characters.`,
}

export function snapshotLabelProblem(label: string): SnapshotLabelProblem | null {
  const trimmed = label.trim()
  if (!trimmed) return 'empty'
  if (trimmed.length > FIELD_LIMITS.shortText) return 'too-long'
  return null
}

/** True when one more snapshot fits in the assessment. */
export function canTakeSnapshot(existing: readonly unknown[]): boolean {
  return existing.length < MAX_SNAPSHOTS_PER_WORKSPACE
}

/** The approved versions of the SoA, the latest first. */
export function soaApprovals<T extends Listed>(snapshots: readonly T[]): T[] {
  return sortSnapshots(snapshots.filter((s) => s.soaApproval))
}

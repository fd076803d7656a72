/**
 * Approved versions of the Statement of Applicability. "Approve this SoA" takes a snapshot that
 * records the approval (version, approver, date, change note); the latest one is the approved
 * SoA, and the SoA as it is now is that version while no decision has changed since, or else a
 * draft of the next one. The change log lists, per approved version, what changed since the one
 * before and why. Pure: the Report screen and every SoA export print what this says.
 */
import { compareDecisions } from './comparison'
import type { DecisionChangeItem } from './comparison'
import type { ControlDecision, Snapshot, SoaApproval, Workspace } from './model'
import { FIELD_LIMITS } from './limits'
import { soaApprovals, snapshotState } from './snapshot'
import { controlRef } from './wording'

export interface ApprovedVersion extends SoaApproval {
  readonly snapshotId: string
  readonly takenAt: string
  /** What changed in the decisions since the version before (all decisions for the first). */
  readonly changes: readonly DecisionChangeItem[]
  /** True for the first version approved in the app. */
  readonly first: boolean
}

export type SoaApprovalState = 'never-approved' | 'approved' | 'draft'

export interface SoaStatus {
  readonly state: SoaApprovalState
  /** The latest approved version, when there is one. */
  readonly latest: ApprovedVersion | null
  /** Decisions changed since the latest approval (empty when approved or never approved). */
  readonly changedSince: readonly DecisionChangeItem[]
  /** The version the SoA is (approved), or will be (the draft of the next one); '' if none. */
  readonly version: string
  /** The version line of the SoA: "1.0", "1.1 (draft; 1.0 approved on 2026-11-20)", "0.3 (draft)". */
  readonly versionText: string
  /** Who approved and when, or why it is a draft, in one sentence. */
  readonly approvalText: string
  /** True while the SoA printed is not an approved version. */
  readonly draft: boolean
  /** Every approved version, the latest first. */
  readonly history: readonly ApprovedVersion[]
}

function decisionsOf(snapshot: Snapshot): readonly ControlDecision[] {
  return snapshotState(snapshot)?.decisions ?? []
}

/** The approved versions, the latest first, each with its changes since the one before. */
export function approvalHistory(snapshots: readonly Snapshot[]): ApprovedVersion[] {
  const approvals = soaApprovals(snapshots)
  return approvals.map((snapshot, i) => {
    const previous = approvals[i + 1]
    return {
      ...snapshot.soaApproval!,
      snapshotId: snapshot.id,
      takenAt: snapshot.takenAt,
      changes: previous ? compareDecisions(decisionsOf(previous), decisionsOf(snapshot)) : [],
      first: !previous,
    }
  })
}

/**
 * The state of the SoA now: approved (as the latest approval froze it), a draft of the next
 * version, or never approved in the app. Without any approval in the app, the version and
 * approver typed in the report details are printed as they are (an SoA approved outside it).
 */
export function soaStatus(
  workspace: Pick<Workspace, 'soaVersion' | 'soaApprover' | 'soaApprovedOn'>,
  snapshots: readonly Snapshot[],
  decisions: readonly ControlDecision[],
): SoaStatus {
  const history = approvalHistory(snapshots)
  const latest = history[0] ?? null
  if (!latest) {
    const approver = workspace.soaApprover.trim()
    const version = workspace.soaVersion.trim()
    return {
      state: 'never-approved',
      latest: null,
      version,
      changedSince: [],
      versionText: approver ? version : `${version ? `${version} ` : ''}(draft)`.trim(),
      approvalText: approver
        ? `${approver}${workspace.soaApprovedOn ? `, ${workspace.soaApprovedOn}` : ''}`
        : 'Not approved yet: this is a draft',
      draft: !approver,
      history,
    }
  }
  const snapshot = snapshots.find((s) => s.id === latest.snapshotId)!
  const changedSince = compareDecisions(decisionsOf(snapshot), decisions)
  if (changedSince.length === 0) {
    return {
      state: 'approved',
      latest,
      version: latest.version,
      changedSince,
      versionText: latest.version,
      approvalText: `Version ${latest.version} approved by ${latest.approver} on ${latest.approvedOn}`,
      draft: false,
      history,
    }
  }
  const next = nextSoaVersion(latest.version)
  const n = changedSince.length
  return {
    state: 'draft',
    latest,
    version: next,
    changedSince,
    versionText: `${next} (draft; ${latest.version} approved on ${latest.approvedOn})`,
    approvalText: `Draft of version ${next}: ${n} ${n === 1 ? 'decision' : 'decisions'} changed since version ${latest.version} was approved by ${latest.approver} on ${latest.approvedOn}`,
    draft: true,
    history,
  }
}

/** The version after this one: 1.0 → 1.1, 0.9 → 0.10, 2 → 3; "1.0" for none or a word. */
export function nextSoaVersion(version: string | null | undefined): string {
  const text = (version ?? '').trim()
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) return text ? `${text} (next)` : '1.0'
  const [, major, minor] = match
  return minor === undefined ? String(Number(major) + 1) : `${major}.${Number(minor) + 1}`
}

export type ApprovalProblem =
  'no-version' | 'version-taken' | 'no-approver' | 'no-date' | 'future-date' | 'no-change-note'

export const APPROVAL_PROBLEM_MESSAGES: Record<ApprovalProblem, string> = {
  'no-version': 'Give the version being approved, for example 1.0.',
  'version-taken': 'This version was approved already: give the new version a new number.',
  'no-approver': 'Name who approves the Statement of Applicability.',
  'no-date': 'Give the date of the approval.',
  'future-date': 'The approval date is in the future: approve on or after the day it happens.',
  'no-change-note': 'Say what changed since the last approved version, and why.',
}

/** What keeps an approval from being recorded, first problem first per field. */
export function approvalProblems(
  approval: SoaApproval,
  history: readonly ApprovedVersion[],
  today: string,
): ApprovalProblem[] {
  const problems: ApprovalProblem[] = []
  const version = approval.version.trim()
  if (!version) problems.push('no-version')
  else if (history.some((h) => h.version.trim() === version)) problems.push('version-taken')
  if (!approval.approver.trim()) problems.push('no-approver')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(approval.approvedOn)) problems.push('no-date')
  else if (approval.approvedOn > today) problems.push('future-date')
  if (history.length > 0 && !approval.changeNote.trim()) problems.push('no-change-note')
  return problems
}

/** The approval as it is stored: trimmed, within the limits of its fields. */
export function normalizeApproval(approval: SoaApproval): SoaApproval {
  return {
    version: approval.version.trim().slice(0, FIELD_LIMITS.name),
    approver: approval.approver.trim().slice(0, FIELD_LIMITS.name),
    approvedOn: approval.approvedOn,
    changeNote: approval.changeNote.trim().slice(0, FIELD_LIMITS.longText),
  }
}

/** One changed decision in a line: "A.5.7: Undecided → Excluded". */
export const decisionChangeLine = (c: DecisionChangeItem): string =>
  `${controlRef(c.controlId)}: ${c.from} → ${c.to}`

/** A first draft of the change note: the decisions changed, one per line. */
export function draftChangeNote(changes: readonly DecisionChangeItem[]): string {
  return changes.map(decisionChangeLine).join('\n')
}

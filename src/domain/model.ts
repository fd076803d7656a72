/**
 * The data of one assessment (a workspace): what the user has answered and decided. Plain,
 * serializable objects: they are stored in IndexedDB as they are and written to backups.
 * Content (questions, controls) is never stored here, only referenced by id.
 */
import type { ClauseId, ControlId, JustificationReason, ScopingQuestionId } from '@/content/types'
import type { RiskCriteria } from './risk'
import type { RegisterEntry } from './register'
import type { ReadinessBand } from './readiness'

export type WorkspaceId = string

export interface Workspace {
  readonly id: WorkspaceId
  readonly organizationName: string
  readonly sector: string
  readonly size: string
  readonly scopeStatement: string
  readonly assessor: string
  readonly participants: string
  /** ISO date (yyyy-mm-dd) of the planned certification audit, or null. */
  readonly targetAuditDate: string | null
  /** Version of the gap report, printed on its cover ("1.0"). */
  readonly reportVersion: string
  /** The confidentiality line of the reports ("Confidential — prepared for Acme’s management"). */
  readonly confidentiality: string
  /** The consultant's summary for the executive summary (several paragraphs allowed). */
  readonly consultantSummary: string
  /** The consultant's recommendations (several paragraphs allowed). */
  readonly recommendations: string
  /** Version of the Statement of Applicability, printed in its header ("0.3"). */
  readonly soaVersion: string
  /** Who owns the Statement of Applicability (a name). */
  readonly soaOwner: string
  /** Who approved the Statement of Applicability (a name). */
  readonly soaApprover: string
  /** ISO date (yyyy-mm-dd) the Statement of Applicability was approved, or null. */
  readonly soaApprovedOn: string | null
  /** ISO timestamps. */
  readonly createdAt: string
  readonly updatedAt: string
  /** The sub-clause the walkthrough was last on, to resume there. */
  readonly lastClause?: ClauseId
  /** ISO timestamp of the last backup file that included this workspace. */
  readonly lastBackupAt?: string
  /** How risks are rated and accepted (6.1.2 a); absent means DEFAULT_RISK_CRITERIA. */
  readonly riskCriteria?: RiskCriteria
  /** The scoping interview's answers; absent until the interview is first answered. */
  readonly scoping?: ScopingProfile
}

/**
 * The answers of the scoping interview (src/content/scoping): how the organization works, from
 * which the app suggests Annex A decisions. Printed in the report's scope section.
 */
export interface ScopingProfile {
  /** The chosen option's value, by question; an unanswered question is absent. */
  readonly answers: Readonly<Partial<Record<ScopingQuestionId, string>>>
  /** The supplier named for an answer that asks for one, by question. */
  readonly names: Readonly<Partial<Record<ScopingQuestionId, string>>>
  /** ISO timestamp of the last change. */
  readonly updatedAt: string
}

/** Status of a clause question. "dont-know" is a follow-up flag, not a level of conformance. */
export type AnswerStatus = 'not-started' | 'partly' | 'in-place' | 'dont-know'

export interface ActionItem {
  readonly what: string
  readonly owner: string
  /** ISO date (yyyy-mm-dd) or null. */
  readonly due: string | null
}

export interface ClauseAnswer {
  readonly workspaceId: WorkspaceId
  readonly questionId: string
  readonly status: AnswerStatus
  readonly note: string
  readonly evidence: readonly string[]
  readonly action: ActionItem | null
  /** CONTENT_VERSION the answer was given against. */
  readonly contentVersion: number
  readonly updatedAt: string
}

export type Applicability = 'undecided' | 'applicable' | 'excluded'
/** Why a control applies (defined with the content, whose scoping rules name them). */
export type { JustificationReason }
export type ImplementationStatus = 'not-implemented' | 'planned' | 'partly' | 'implemented'
export type ControlProvider = 'in-house' | 'supplier'

export interface ControlDecision {
  readonly workspaceId: WorkspaceId
  readonly controlId: ControlId
  readonly applicability: Applicability
  readonly provider: ControlProvider
  readonly supplierName: string
  readonly reasons: readonly JustificationReason[]
  readonly justification: string
  readonly implementationStatus: ImplementationStatus
  readonly owner: string
  readonly evidence: readonly string[]
  readonly contentVersion: number
  readonly updatedAt: string
}

export type TreatmentOption = 'modify' | 'avoid' | 'share' | 'retain'

export interface Risk {
  readonly id: string
  readonly workspaceId: WorkspaceId
  readonly title: string
  readonly asset: string
  readonly threat: string
  readonly vulnerability: string
  readonly likelihood: number
  readonly impact: number
  readonly treatment: TreatmentOption | null
  readonly controlIds: readonly ControlId[]
  readonly owner: string
  readonly residualLikelihood: number | null
  readonly residualImpact: number | null
  readonly acceptedBy: string
  /** ISO date (yyyy-mm-dd) the owner accepted the residual risk, or null. */
  readonly acceptedOn: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

/** The verdict of a snapshot's moment, as it was shown then (the scoring may change later). */
export interface SnapshotVerdict {
  readonly score: number
  readonly band: ReadinessBand
  /**
   * Points each part of the score contributed (clause conformance, risk register, SoA
   * completeness, Annex A implementation), one decimal; null for a snapshot that kept only its
   * score (made before snapshots held their records).
   */
  readonly parts: {
    readonly clauseConformance: number
    readonly riskRegister: number
    readonly soaCompleteness: number
    readonly annexAImplementation: number
  } | null
  /** The blockers of that moment: id and title, most severe first. */
  readonly blockers: readonly { readonly id: string; readonly title: string }[]
}

/** A record frozen in a snapshot: the stored row without its workspace (the snapshot has it). */
export type SnapshotAnswer = Omit<ClauseAnswer, 'workspaceId'>
export type SnapshotDecision = Omit<ControlDecision, 'workspaceId'>
export type SnapshotRisk = Omit<Risk, 'workspaceId'>
/**
 * A register row frozen in a snapshot: the stored row without its workspace, as for risks. It
 * keeps its times, so a row changed after the snapshot was taken is recognised in a backup.
 */
export type SnapshotRegisterEntry = Omit<RegisterEntry, 'workspaceId'>

/** What a snapshot froze of the assessment. */
export interface SnapshotRecords {
  readonly answers: readonly SnapshotAnswer[]
  readonly decisions: readonly SnapshotDecision[]
  readonly risks: readonly SnapshotRisk[]
  /**
   * The register rows stored at that moment (required documents nobody had touched are not
   * stored, so not frozen either). Absent on a snapshot taken before snapshots kept the register:
   * absent is not empty, since an empty register would say every document was missing then.
   */
  readonly register?: readonly SnapshotRegisterEntry[]
}

/** The approval of the Statement of Applicability a snapshot records, when it records one. */
export interface SoaApproval {
  /** The version approved ("1.0"). */
  readonly version: string
  readonly approver: string
  /** ISO date (yyyy-mm-dd). */
  readonly approvedOn: string
  /** What changed since the version before, and why. */
  readonly changeNote: string
}

/**
 * A frozen copy of a workspace at a moment (the start of a workshop, an approved SoA): its
 * answers, decisions and risks, and the verdict they gave, to show what changed since.
 */
export interface Snapshot {
  readonly id: string
  readonly workspaceId: WorkspaceId
  readonly takenAt: string
  readonly label: string
  readonly verdict: SnapshotVerdict
  /** The records of that moment; null for a snapshot that kept only its score. */
  readonly records: SnapshotRecords | null
  /** Set when the snapshot is an approved version of the SoA. */
  readonly soaApproval: SoaApproval | null
}

/**
 * A snapshot as the app lists it: everything but its records, which are stored apart and read
 * only to compare (a snapshot of a large register holds megabytes).
 */
export interface SnapshotSummary extends Omit<Snapshot, 'records'> {
  /** False for a snapshot that kept only its score. */
  readonly hasRecords: boolean
  /** About how much of a backup file the whole snapshot takes (snapshotBackupSize). */
  readonly size: number
}

/** The records of one snapshot, stored apart from its summary. */
export interface SnapshotRecordsRow {
  readonly snapshotId: string
  readonly workspaceId: WorkspaceId
  readonly records: SnapshotRecords
}

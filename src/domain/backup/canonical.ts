/**
 * The canonical order of a backup's rows: sorted by primary key, each row's fields in a fixed
 * order, so the same data always gives the same file, byte for byte.
 */
import { SCOPING_QUESTIONS, type ScopingQuestionId } from '@/content'
import type {
  ActionItem,
  ClauseAnswer,
  ControlDecision,
  Risk,
  ScopingProfile,
  Snapshot,
  SnapshotRecords,
  SnapshotRegisterEntry,
  SnapshotVerdict,
  SoaApproval,
  Workspace,
} from '../model'
import type { RegisterEntry, RegisterSource } from '../register'
import type { RiskCriteria } from '../risk'
import type { BackupData } from './types'
import { withoutWorkspace } from '../snapshotRows'

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function sortedBy<T>(rows: readonly T[], ...keys: ((row: T) => string)[]): T[] {
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const order = compareText(key(a), key(b))
      if (order !== 0) return order
    }
    return 0
  })
}

/** The rows sorted by primary key, as they are: for rows a schema has just built afresh. */
export function sortedData(data: BackupData): BackupData {
  return {
    workspaces: sortedBy(data.workspaces, (w) => w.id),
    clauseAnswers: sortedBy(
      data.clauseAnswers,
      (a) => a.workspaceId,
      (a) => a.questionId,
    ),
    controlDecisions: sortedBy(
      data.controlDecisions,
      (d) => d.workspaceId,
      (d) => d.controlId,
    ),
    risks: sortedBy(data.risks, (r) => r.id),
    snapshots: sortedBy(data.snapshots, (s) => s.id),
    registerEntries: sortedBy(data.registerEntries, (e) => e.id),
  }
}

/** Fresh rows with their fields in a fixed order, sorted by primary key. */
export function canonicalData(data: BackupData): BackupData {
  const sorted = sortedData(data)
  return {
    workspaces: sorted.workspaces.map(copyWorkspace),
    clauseAnswers: sorted.clauseAnswers.map(copyClauseAnswer),
    controlDecisions: sorted.controlDecisions.map(copyControlDecision),
    risks: sorted.risks.map(copyRisk),
    snapshots: sorted.snapshots.map(copySnapshot),
    registerEntries: sorted.registerEntries.map(copyRegisterEntry),
  }
}

/** A fresh workspace with its fields in the canonical order; an undefined optional field is left out. */
export function copyWorkspace(w: Workspace): Workspace {
  return {
    id: w.id,
    organizationName: w.organizationName,
    sector: w.sector,
    size: w.size,
    scopeStatement: w.scopeStatement,
    assessor: w.assessor,
    participants: w.participants,
    targetAuditDate: w.targetAuditDate,
    reportVersion: w.reportVersion,
    confidentiality: w.confidentiality,
    consultantSummary: w.consultantSummary,
    recommendations: w.recommendations,
    soaVersion: w.soaVersion,
    soaOwner: w.soaOwner,
    soaApprover: w.soaApprover,
    soaApprovedOn: w.soaApprovedOn,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    ...(w.lastClause === undefined ? {} : { lastClause: w.lastClause }),
    ...(w.lastBackupAt === undefined ? {} : { lastBackupAt: w.lastBackupAt }),
    ...(w.riskCriteria === undefined ? {} : { riskCriteria: copyCriteria(w.riskCriteria) }),
    ...(w.scoping === undefined ? {} : { scoping: copyScoping(w.scoping) }),
  }
}

/** The answers and names of the interview in interview order; an unanswered question is left out. */
function copyScoping(s: ScopingProfile): ScopingProfile {
  const inOrder = (byQuestion: ScopingProfile['answers']) => {
    const copy: Partial<Record<ScopingQuestionId, string>> = {}
    for (const { id } of SCOPING_QUESTIONS) {
      const value = byQuestion[id]
      if (value !== undefined) copy[id] = value
    }
    return copy
  }
  return { answers: inOrder(s.answers), names: inOrder(s.names), updatedAt: s.updatedAt }
}

function copyCriteria(c: RiskCriteria): RiskCriteria {
  return {
    scale: c.scale,
    likelihoodLabels: [...c.likelihoodLabels],
    impactLabels: [...c.impactLabels],
    acceptanceThreshold: c.acceptanceThreshold,
  }
}

function copyAction(action: ActionItem | null): ActionItem | null {
  return action && { what: action.what, owner: action.owner, due: action.due }
}

function copyClauseAnswer(a: ClauseAnswer): ClauseAnswer {
  return {
    workspaceId: a.workspaceId,
    questionId: a.questionId,
    status: a.status,
    note: a.note,
    evidence: [...a.evidence],
    action: copyAction(a.action),
    contentVersion: a.contentVersion,
    updatedAt: a.updatedAt,
  }
}

function copyControlDecision(d: ControlDecision): ControlDecision {
  return {
    workspaceId: d.workspaceId,
    controlId: d.controlId,
    applicability: d.applicability,
    provider: d.provider,
    supplierName: d.supplierName,
    reasons: [...d.reasons],
    justification: d.justification,
    implementationStatus: d.implementationStatus,
    owner: d.owner,
    evidence: [...d.evidence],
    contentVersion: d.contentVersion,
    updatedAt: d.updatedAt,
  }
}

function copyRisk(r: Risk): Risk {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    title: r.title,
    asset: r.asset,
    threat: r.threat,
    vulnerability: r.vulnerability,
    likelihood: r.likelihood,
    impact: r.impact,
    treatment: r.treatment,
    controlIds: [...r.controlIds],
    owner: r.owner,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    acceptedBy: r.acceptedBy,
    acceptedOn: r.acceptedOn,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

function copySource(source: RegisterSource): RegisterSource {
  switch (source.kind) {
    case 'mandatory':
      return { kind: 'mandatory', key: source.key }
    case 'control':
      return { kind: 'control', key: source.key }
    case 'custom':
      return { kind: 'custom' }
  }
}

/** A fresh register row with its fields in the canonical order (that of RegisterEntry). */
function copyRegisterEntry(e: RegisterEntry): RegisterEntry {
  return {
    id: e.id,
    workspaceId: e.workspaceId,
    source: copySource(e.source),
    title: e.title,
    status: e.status,
    version: e.version,
    owner: e.owner,
    approver: e.approver,
    approvedOn: e.approvedOn,
    nextReviewOn: e.nextReviewOn,
    location: e.location,
    note: e.note,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  }
}

function copyVerdict(v: SnapshotVerdict): SnapshotVerdict {
  return {
    score: v.score,
    band: v.band,
    parts: v.parts && {
      clauseConformance: v.parts.clauseConformance,
      riskRegister: v.parts.riskRegister,
      soaCompleteness: v.parts.soaCompleteness,
      annexAImplementation: v.parts.annexAImplementation,
    },
    blockers: v.blockers.map((b) => ({ id: b.id, title: b.title })),
  }
}

/**
 * A snapshot's records with the fields of each in the order of its table's rows. Their order is
 * kept: it is part of what the snapshot froze (the database's key order when it was taken). The
 * register comes last, and only when the snapshot froze one.
 */
function copyRecords(r: SnapshotRecords, workspaceId: string): SnapshotRecords {
  const register = r.register?.map((e): SnapshotRegisterEntry =>
    withoutWorkspace(copyRegisterEntry({ ...e, workspaceId })),
  )
  return {
    answers: r.answers.map((a) => withoutWorkspace(copyClauseAnswer({ ...a, workspaceId }))),
    decisions: r.decisions.map((d) => withoutWorkspace(copyControlDecision({ ...d, workspaceId }))),
    risks: r.risks.map((k) => withoutWorkspace(copyRisk({ ...k, workspaceId }))),
    ...(register === undefined ? {} : { register }),
  }
}

function copyApproval(a: SoaApproval | null): SoaApproval | null {
  return (
    a && {
      version: a.version,
      approver: a.approver,
      approvedOn: a.approvedOn,
      changeNote: a.changeNote,
    }
  )
}

function copySnapshot(s: Snapshot): Snapshot {
  return {
    id: s.id,
    workspaceId: s.workspaceId,
    takenAt: s.takenAt,
    label: s.label,
    verdict: copyVerdict(s.verdict),
    records: s.records && copyRecords(s.records, s.workspaceId),
    soaApproval: copyApproval(s.soaApproval),
  }
}

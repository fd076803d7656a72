/**
 * Whole assessments built row by row, for tests that need the verdict of a realistic workspace:
 * the e2e tests import them as backup files (checksummed like the app's own), the PDF test and
 * the bench feed them to the domain. Counts and ids come from the content, never typed in.
 */
import { createHash } from 'node:crypto'
import { ANNEX_A_CONTROLS, CONTENT_VERSION, QUESTIONS, type ControlId } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import { localDate } from '@/components/format'
import { registerEntryId, registerOf, type RegisterEntry } from '@/domain/register'
import { buildBackup } from '@/domain/backup'
import { emptyAnswer } from '@/domain/clauseAnswer'
import { emptyDecision } from '@/domain/controlDecision'
import type {
  AnswerStatus,
  ClauseAnswer,
  ControlDecision,
  ImplementationStatus,
  Risk,
  Workspace,
} from '@/domain/model'

export const T = '2026-11-20T10:00:00.000Z'

/** One workspace with every row that belongs to it, as a backup holds them. */
export interface WorkspaceRecords {
  readonly workspace: Workspace
  readonly clauseAnswers: readonly ClauseAnswer[]
  readonly controlDecisions: readonly ControlDecision[]
  readonly risks: readonly Risk[]
  /** The register rows the user recorded (a backup holds only those); none when absent. */
  readonly registerEntries?: readonly RegisterEntry[]
}

export const SCOPE_STATEMENT =
  'The design, development and operation of the Acme invoicing platform, run from the Zurich office, with its supporting people, suppliers and processes.'

export function makeWorkspace(
  id: string,
  organizationName: string,
  scopeStatement = '',
): Workspace {
  return {
    id,
    organizationName,
    sector: 'Software',
    size: '50-249',
    scopeStatement,
    assessor: 'A. Consultant',
    participants: 'CEO, CTO, Head of Ops',
    targetAuditDate: '2027-06-30',
    reportVersion: '',
    confidentiality: '',
    consultantSummary: '',
    recommendations: '',
    soaVersion: '',
    soaOwner: '',
    soaApprover: '',
    soaApprovedOn: null,
    createdAt: T,
    updatedAt: T,
  }
}

export function makeAnswer(
  workspaceId: string,
  questionId: string,
  status: AnswerStatus,
  overrides: Partial<ClauseAnswer> = {},
): ClauseAnswer {
  return { ...emptyAnswer(workspaceId, questionId, T), status, ...overrides }
}

/** Every question of the current content answered with `status`. */
export const answerAll = (workspaceId: string, status: AnswerStatus): ClauseAnswer[] =>
  QUESTIONS.map((q) => makeAnswer(workspaceId, q.id, status))

/** Applicable for the risk assessment, at `status`, with an evidence reference. */
export function applicableControl(
  workspaceId: string,
  controlId: ControlId,
  status: ImplementationStatus = 'implemented',
  overrides: Partial<ControlDecision> = {},
): ControlDecision {
  return {
    ...emptyDecision(workspaceId, controlId, T),
    applicability: 'applicable',
    reasons: ['risk-assessment'],
    implementationStatus: status,
    owner: 'Head of Ops',
    evidence: [`Records of ${controlId} in the ISMS folder`],
    ...overrides,
  }
}

/** Excluded with a written justification (which may say nothing, such as "n/a"). */
export function excludedControl(
  workspaceId: string,
  controlId: ControlId,
  justification: string,
): ControlDecision {
  return {
    ...applicableControl(workspaceId, controlId, 'not-implemented'),
    applicability: 'excluded',
    reasons: [],
    justification,
    owner: '',
    evidence: [],
  }
}

/** Every Annex A control applicable with a reason, at `status`. */
export const allApplicable = (workspaceId: string, status: ImplementationStatus = 'implemented') =>
  ANNEX_A_CONTROLS.map((c) => applicableControl(workspaceId, c.id, status))

/** A risk with a clean record: owned, treated by modification, residual rated and accepted. */
export function makeRisk(workspaceId: string, id: string, overrides: Partial<Risk> = {}): Risk {
  return {
    id,
    workspaceId,
    title: `Risk ${id}`,
    asset: 'Customer database',
    threat: 'Theft of a laptop',
    vulnerability: 'Unencrypted disks',
    likelihood: 3,
    impact: 4,
    treatment: 'modify',
    controlIds: ['8.1'],
    owner: 'Ana Lima',
    residualLikelihood: 2,
    residualImpact: 2,
    acceptedBy: 'Ana Lima',
    acceptedOn: '2026-11-18',
    createdAt: T,
    updatedAt: T,
    ...overrides,
  }
}

/** A few risks, each owned, treated, residual rated and accepted. */
export const cleanRisks = (workspaceId: string): Risk[] => [
  makeRisk(workspaceId, `${workspaceId}-r1`, {
    title: 'Ransomware encrypts the file server',
    controlIds: ['8.7', '8.13'],
    likelihood: 4,
    impact: 5,
  }),
  makeRisk(workspaceId, `${workspaceId}-r2`, {
    title: 'Former staff keep access to the invoicing platform',
    controlIds: ['5.15', '5.18'],
  }),
  makeRisk(workspaceId, `${workspaceId}-r3`, {
    title: 'Office coffee machine outage',
    treatment: 'retain',
    controlIds: [],
    likelihood: 1,
    impact: 2,
    residualLikelihood: 1,
    residualImpact: 2,
  }),
]

/**
 * Scenario (a): every clause question in place and a scope statement, all controls applicable
 * with a reason but none implemented, an empty risk register.
 */
export function nothingRunning(id = 'ws-nothing-running'): WorkspaceRecords {
  return {
    workspace: makeWorkspace(id, 'Paper Tiger Ltd', SCOPE_STATEMENT),
    clauseAnswers: answerAll(id, 'in-place'),
    controlDecisions: allApplicable(id, 'not-implemented'),
    risks: [],
  }
}

/**
 * Scenario (c): answers in place, a scope statement, every control applicable, justified and
 * implemented with evidence, a few risks each owned, treated, residual rated and accepted, and
 * every document the register needs approved.
 */
export function fullyEvidenced(id = 'ws-fully-evidenced'): WorkspaceRecords {
  return {
    workspace: makeWorkspace(id, 'Evidenced Systems AG', SCOPE_STATEMENT),
    clauseAnswers: answerAll(id, 'in-place'),
    controlDecisions: allApplicable(id, 'implemented'),
    risks: cleanRisks(id),
    registerEntries: approvedRegister(id, allApplicable(id, 'implemented')),
  }
}

/** Controls no organization can defend excluding, as scenario (b) excludes them. */
export const CORE_CONTROLS: readonly ControlId[] = ['5.1', '5.15', '8.7', '8.8', '8.13', '8.24']

/** Scenario (b): a fully evidenced assessment with CORE_CONTROLS excluded as "n/a". */
export function coreControlsExcluded(id = 'ws-core-excluded'): WorkspaceRecords {
  const base = fullyEvidenced(id)
  return {
    ...base,
    workspace: { ...base.workspace, organizationName: 'Shortcut Holdings' },
    controlDecisions: base.controlDecisions.map((d) =>
      CORE_CONTROLS.includes(d.controlId) ? excludedControl(id, d.controlId, 'n/a') : d,
    ),
    // A risk linked to an excluded control would be another finding; keep the scenario to one.
    risks: base.risks.map((r) =>
      r.treatment === 'modify' ? { ...r, controlIds: ['5.18', '8.5'] } : r,
    ),
  }
}

/**
 * A workspace as a consultant has it halfway: statuses of every kind, some controls excluded in
 * words and some with "n/a", risks with gaps in their records. Used to look at the gap report.
 */
export function halfway(id = 'ws-halfway'): WorkspaceRecords {
  const statuses: AnswerStatus[] = ['in-place', 'in-place', 'partly', 'not-started', 'dont-know']
  const implementation: ImplementationStatus[] = [
    'implemented',
    'implemented',
    'partly',
    'planned',
    'not-implemented',
  ]
  return {
    workspace: makeWorkspace(id, 'Contoso Health Services', ''),
    clauseAnswers: QUESTIONS.map((q, i) =>
      makeAnswer(id, q.id, statuses[i % statuses.length] ?? 'partly', {
        note: i % 4 === 0 ? 'Discussed in the kick-off workshop; owner to confirm.' : '',
        action:
          i % 6 === 0
            ? { what: `Close the gap on ${q.clause}`, owner: 'Dana Whitfield', due: '2027-02-01' }
            : null,
      }),
    ),
    controlDecisions: ANNEX_A_CONTROLS.map((c, i) =>
      c.id === '8.8'
        ? excludedControl(id, c.id, 'n/a')
        : c.id.startsWith('7.') && i % 2 === 0
          ? excludedControl(id, c.id, 'Fully remote company: no offices or premises of our own.')
          : applicableControl(id, c.id, implementation[i % implementation.length] ?? 'planned'),
    ),
    risks: [
      makeRisk(id, `${id}-r1`, {
        title: 'Ransomware encrypts the patient records',
        controlIds: ['8.7', '8.13'],
        likelihood: 4,
        impact: 5,
      }),
      makeRisk(id, `${id}-r2`, {
        title: 'Phishing steals clinician credentials',
        controlIds: ['5.17', '8.5'],
        owner: '',
        acceptedBy: '',
        acceptedOn: null,
      }),
      makeRisk(id, `${id}-r3`, {
        title: 'Supplier outage stops appointment booking',
        treatment: null,
        controlIds: [],
        likelihood: 5,
        impact: 4,
        residualLikelihood: null,
        residualImpact: null,
        acceptedBy: '',
        acceptedOn: null,
      }),
    ],
  }
}

/** What the domain computes the results from, as the results store builds it. */
export function assessmentInput(records: WorkspaceRecords): AssessmentInput {
  const decisions = new Map(records.controlDecisions.map((d) => [d.controlId, d]))
  return {
    answers: records.clauseAnswers,
    decisions: records.controlDecisions,
    risks: records.risks,
    workspace: {
      scopeStatement: records.workspace.scopeStatement,
      riskCriteria: records.workspace.riskCriteria,
    },
    // As the app reads it: the stored rows brought in line with the decisions, as of today.
    register: {
      entries: registerOf(records.registerEntries ?? [], decisions, records.workspace.id, T)
        .entries,
      today: localDate(),
    },
  }
}

/** The register of a workspace nobody has recorded a document in: every document missing. */
export function emptyRegister(decisions: readonly ControlDecision[] = []): RegisterEntry[] {
  const byId = new Map(decisions.map((d) => [d.controlId, d]))
  return [...registerOf([], byId, 'w', T).entries]
}

/**
 * The register rows of a workspace whose every required document is approved by its CEO, with
 * a version, a place and a review date a year on.
 */
export function approvedRegister(
  workspaceId: string,
  decisions: readonly ControlDecision[],
): RegisterEntry[] {
  const byId = new Map(decisions.map((d) => [d.controlId, d]))
  return registerOf([], byId, workspaceId, T).entries.map((entry) => ({
    ...entry,
    id: entry.source.kind === 'custom' ? entry.id : registerEntryId(workspaceId, entry.source),
    status: 'approved' as const,
    version: '1.0',
    owner: 'Information Security Officer',
    approver: 'Eva Dvořáková, CEO',
    approvedOn: '2026-11-02',
    nextReviewOn: '2027-11-02',
    location: `ISMS folder / ${entry.title}`,
  }))
}

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')

/** A backup file of the workspaces, built by the app's own writer, with a valid checksum. */
export function backupFile(
  workspaces: readonly WorkspaceRecords[],
  options: { contentVersion?: number } = {},
): Promise<string> {
  return buildBackup(
    {
      workspaces: workspaces.map((w) => w.workspace),
      clauseAnswers: workspaces.flatMap((w) => w.clauseAnswers),
      controlDecisions: workspaces.flatMap((w) => w.controlDecisions),
      risks: workspaces.flatMap((w) => w.risks),
      snapshots: [],
      registerEntries: workspaces.flatMap((w) => w.registerEntries ?? []),
    },
    {
      appVersion: 'e2e',
      schemaVersion: 1,
      contentVersion: options.contentVersion ?? CONTENT_VERSION,
      exportedAt: T,
    },
    sha256,
  )
}

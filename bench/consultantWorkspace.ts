/**
 * The client of a consultant's workshop, as the deliverables are judged on: a 60-person water
 * utility with a Czech name, a Polish assessor, Greek and Russian participants; all 120
 * questions answered with a note on each, 11 actions agreed with owners and due dates, all 93
 * controls decided (some by a supplier, some excluded in words), and 8 risks. Used by the
 * report tests, the e2e export test and the bench.
 */
import { ANNEX_A_CONTROLS, CONTENT_VERSION, QUESTIONS } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import type { AnswerStatus, ClauseAnswer, ControlDecision, Risk } from '@/domain/model'
import { DEFAULT_RISK_CRITERIA } from '@/domain/risk'
import type { ReportWorkspace } from '@/reports/gapReportDocument'

const T = '2026-11-20T10:00:00.000Z'

export const CONSULTANT_NAMES = {
  organization: 'Čistá Voda s.r.o.',
  assessor: 'Łukasz Dvořák',
  greek: 'Ελληνικά',
  russian: 'Москва',
} as const

export const CONSULTANT_WORKSPACE: ReportWorkspace = {
  organizationName: CONSULTANT_NAMES.organization,
  sector: 'Water supply and treatment',
  size: '60 people',
  scopeStatement: `Water treatment control systems and the office IT of the Brno site, including the remote support desk serving the ${CONSULTANT_NAMES.russian} branch.`,
  assessor: CONSULTANT_NAMES.assessor,
  participants: `Jana Nováková (CEO), Petr Svoboda (IT), Νίκος Παπαδόπουλος (OT security, ${CONSULTANT_NAMES.greek} speaker), Ольга Иванова (${CONSULTANT_NAMES.russian} branch)`,
  targetAuditDate: '2027-04-15',
  reportVersion: '1.0',
  confidentiality: 'Confidential: for the management of Čistá Voda s.r.o. and its advisers only.',
  consultantSummary:
    'The management system is well under way: the scope, the policy and the risk method exist, and most technical controls run.\n\nWhat stands between Čistá Voda and Stage 1 is closing the first loop: the internal audit and the management review have not been held, and the risk owners have not yet approved the treatment plan.',
  recommendations:
    'Hold the internal audit in January and the management review in February.\n\nHave each risk owner approve the treatment plan and accept the residual risks before the Stage 1 date is booked.',
  soaVersion: '0.4',
  soaOwner: 'Petr Svoboda',
  soaApprover: 'Jana Nováková',
  soaApprovedOn: '2026-11-25',
}

const STATUSES: AnswerStatus[] = [
  'in-place',
  'in-place',
  'partly',
  'in-place',
  'not-started',
  'dont-know',
]
const OWNERS = ['Jana Nováková', 'Petr Svoboda', 'Νίκος Παπαδόπουλος', 'Ольга Иванова']

/** The note written on question `i`: each one distinct, so a test can find every one. */
export const consultantNote = (questionId: string) =>
  `Workshop note on ${questionId}: discussed with the team; see the minutes of 2026-11-18.`

/** How many actions the workshop agreed. */
export const CONSULTANT_AGREED_ACTIONS = 11

function answer(questionId: string, i: number, agreed: boolean): ClauseAnswer {
  const status = STATUSES[i % STATUSES.length] ?? 'partly'
  return {
    workspaceId: 'client',
    questionId,
    status,
    note: consultantNote(questionId),
    evidence: status === 'in-place' ? ['ISMS manual v1.3'] : [],
    action: agreed
      ? {
          what: `Close ${questionId}: draft, review with the owner, approve`,
          owner: OWNERS[i % OWNERS.length] ?? 'Petr Svoboda',
          due: `2027-0${(i % 3) + 1}-${String((i % 27) + 1).padStart(2, '0')}`,
        }
      : null,
    contentVersion: CONTENT_VERSION,
    updatedAt: T,
  }
}

function decision(controlId: string, i: number): ControlDecision {
  const excluded = controlId === '7.5' || controlId === '8.30'
  const supplier = controlId.startsWith('7.') && !excluded && i % 2 === 0
  return {
    workspaceId: 'client',
    controlId,
    applicability: excluded ? 'excluded' : 'applicable',
    provider: supplier ? 'supplier' : 'in-house',
    supplierName: supplier ? 'DataCentrum Brno a.s.' : '',
    reasons: excluded ? [] : ['risk-assessment'],
    justification: excluded
      ? controlId === '7.5'
        ? 'The site is an office building with no physical threats beyond those of 7.1 and 7.4.'
        : 'No software development is outsourced.'
      : '',
    implementationStatus: i % 5 === 3 ? 'partly' : i % 7 === 4 ? 'planned' : 'implemented',
    owner: OWNERS[i % OWNERS.length] ?? '',
    evidence: i % 6 === 5 ? [] : [`Procedure P-${10 + i}`],
    contentVersion: CONTENT_VERSION,
    updatedAt: T,
  } as ControlDecision
}

const RISKS: [string, string, string, number, number][] = [
  ['Ransomware on the office network', 'File server', 'Ransomware', 4, 5],
  ['Tampering with treatment set points', 'SCADA', 'Insider misuse', 2, 5],
  ['Phishing of finance staff', 'E-mail', 'Phishing', 4, 3],
  ['Laptop theft on the road', 'Laptops', 'Theft', 3, 2],
  ['Outage of the data centre supplier', 'Hosted servers', 'Supplier outage', 2, 4],
  ['Unpatched remote access gateway', 'VPN', 'Exploited vulnerability', 3, 4],
  ['Loss of operating procedures knowledge', 'OT team', 'Staff leaving', 3, 3],
  ['Personal data sent to the wrong customer', 'Billing', 'Human error', 2, 2],
]

function risk([title, asset, threat, likelihood, impact]: (typeof RISKS)[number], i: number): Risk {
  const controls = ANNEX_A_CONTROLS.map((c) => c.id)
  return {
    id: `risk-${String.fromCharCode(97 + i)}-0f3c9b2e-7d41-4c55-9a1e-${String(i).padStart(12, '0')}`,
    workspaceId: 'client',
    title,
    asset,
    threat,
    vulnerability: '',
    likelihood,
    impact,
    treatment: i === 7 ? null : i === 3 ? 'retain' : 'modify',
    controlIds:
      i === 3 || i === 7
        ? []
        : [controls[(i * 11) % 93] ?? '5.1', controls[(i * 17 + 3) % 93] ?? '8.1'],
    owner: i === 6 ? '' : (OWNERS[i % OWNERS.length] ?? ''),
    residualLikelihood: i < 6 ? 1 : null,
    residualImpact: i < 6 ? 2 : null,
    acceptedBy: i < 5 ? 'Jana Nováková' : '',
    acceptedOn: i < 5 ? '2026-11-25' : null,
    createdAt: `2026-11-${String(10 + i).padStart(2, '0')}T09:00:00.000Z`,
    updatedAt: T,
  }
}

/** Every answer; the first CONSULTANT_AGREED_ACTIONS open ones at every fourth question carry an action. */
function agreedActions(): ClauseAnswer[] {
  let left = CONSULTANT_AGREED_ACTIONS
  return QUESTIONS.map((q, i) => {
    const open = STATUSES[i % STATUSES.length] !== 'in-place'
    const agreed = open && i % 4 === 2 && left > 0
    if (agreed) left--
    return answer(q.id, i, agreed)
  })
}

export function consultantAssessment(): AssessmentInput {
  return {
    answers: agreedActions(),
    decisions: ANNEX_A_CONTROLS.map((c, i) => decision(c.id, i)),
    risks: RISKS.map(risk),
    workspace: {
      scopeStatement: CONSULTANT_WORKSPACE.scopeStatement,
      riskCriteria: DEFAULT_RISK_CRITERIA,
    },
  }
}

import { ANNEX_A_CONTROLS, CONTENT_VERSION, QUESTIONS, type ControlId } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import type {
  AnswerStatus,
  ControlDecision,
  ImplementationStatus,
  Risk,
  TreatmentOption,
} from '@/domain/model'
import { DEFAULT_RISK_CRITERIA } from '@/domain/risk'

const T = '2026-11-20T10:00:00.000Z'
const STATUSES: AnswerStatus[] = ['in-place', 'partly', 'in-place', 'not-started', 'dont-know']
const IMPLEMENTATION: ImplementationStatus[] = [
  'implemented',
  'partly',
  'implemented',
  'planned',
  'not-implemented',
]
const TREATMENTS: (TreatmentOption | null)[] = [
  'modify',
  'modify',
  'retain',
  'modify',
  'share',
  null,
]
const THREATS = ['Ransomware', 'Phishing', 'Laptop theft', 'Insider misuse', 'Supplier outage']

/** The number of risks in the bench workspace's register. */
export const BENCH_RISKS = 1000

function decision(controlId: ControlId, i: number): ControlDecision {
  const physical = controlId.startsWith('7.') && i % 3 === 0
  return {
    workspaceId: 'bench',
    controlId,
    applicability: physical ? 'excluded' : 'applicable',
    provider: i % 7 === 0 ? 'supplier' : 'in-house',
    supplierName: i % 7 === 0 ? 'Cloud provider' : '',
    reasons: physical ? [] : ['risk-assessment', 'business-need'],
    justification: physical
      ? 'Fully remote company: no offices or premises of our own.'
      : 'Required by the risk treatment plan and customer contracts.',
    implementationStatus: IMPLEMENTATION[i % IMPLEMENTATION.length] ?? 'planned',
    owner: 'Head of Ops',
    evidence: i % 5 === 4 ? [] : ['Procedure P-12', 'Ticket OPS-1234'],
    contentVersion: CONTENT_VERSION,
    updatedAt: T,
  }
}

/**
 * Risk number `i` of a bench register in `workspaceId`: a mix of treatments, linked controls,
 * owners, residual ratings and acceptances. Titles are unique ("… affecting system 1234"), so
 * a search can narrow a list to one risk. `id` names it.
 */
export function benchRisk(i: number, workspaceId: string, id: string): Risk {
  const controls = ANNEX_A_CONTROLS.length
  const linked = Array.from(
    new Set(
      [i, i * 7 + 3, i * 13 + 5]
        .slice(0, (i % 3) + 1)
        .map((n) => ANNEX_A_CONTROLS[n % controls]?.id),
    ),
  ).filter((id): id is ControlId => id !== undefined)
  const treatment = TREATMENTS[i % TREATMENTS.length] ?? null
  const rated = i % 10 !== 9
  const accepted = i % 8 !== 7
  const threat = THREATS[i % THREATS.length] ?? 'Ransomware'
  return {
    id,
    workspaceId,
    title: `${threat} affecting system ${i}`,
    asset: `System ${i % 40}`,
    threat,
    vulnerability: 'Missing patch',
    likelihood: (i % 5) + 1,
    impact: ((i * 7) % 5) + 1,
    treatment,
    controlIds: treatment === 'retain' ? [] : linked,
    owner: i % 11 === 10 ? '' : `Owner ${i % 12}`,
    residualLikelihood: rated ? 1 : null,
    residualImpact: rated ? 2 : null,
    acceptedBy: accepted ? 'CEO' : '',
    acceptedOn: accepted ? '2026-11-20' : null,
    createdAt: T,
    updatedAt: T,
  }
}

const risk = (i: number) => benchRisk(i, 'bench', `bench-risk-${String(i).padStart(4, '0')}`)

/**
 * A full workspace: every question answered (notes and actions, a mix of statuses), all 93
 * decisions (a few physical controls excluded in words), a scope statement, and a register of
 * BENCH_RISKS risks, each linked to one to three controls, with gaps here and there in their
 * owners, treatments, residual ratings and acceptances.
 */
export function fullWorkspace(): AssessmentInput {
  return {
    answers: QUESTIONS.map((q, i) => ({
      workspaceId: 'bench',
      questionId: q.id,
      status: STATUSES[i % STATUSES.length] ?? 'partly',
      note: 'Discussed in the workshop; evidence to be collected before the audit.',
      evidence: ['ISMS manual v2.1', `https://wiki.example.com/isms/${q.id}`],
      action: { what: `Close the gap on ${q.id}`, owner: 'Head of Ops', due: '2027-01-31' },
      contentVersion: CONTENT_VERSION,
      updatedAt: T,
    })),
    decisions: ANNEX_A_CONTROLS.map((c, i) => decision(c.id, i)),
    risks: Array.from({ length: BENCH_RISKS }, (_, i) => risk(i)),
    workspace: {
      scopeStatement: 'All information systems supporting the SaaS platform and its support.',
      riskCriteria: DEFAULT_RISK_CRITERIA,
    },
  }
}

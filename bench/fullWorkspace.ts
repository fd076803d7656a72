import { ANNEX_A_CONTROLS, CONTENT_VERSION, QUESTIONS } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import type { AnswerStatus, ImplementationStatus } from '@/domain/model'

const T = '2026-11-20T10:00:00.000Z'
const STATUSES: AnswerStatus[] = ['partly', 'in-place', 'in-place', 'dont-know']
const IMPLEMENTATION: ImplementationStatus[] = [
  'not-implemented',
  'planned',
  'partly',
  'implemented',
]

/** A fully answered workspace: all 120 questions (with notes and actions) and 93 decisions. */
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
    decisions: ANNEX_A_CONTROLS.map((c, i) => ({
      workspaceId: 'bench',
      controlId: c.id,
      applicability: i % 10 === 0 ? 'excluded' : 'applicable',
      provider: 'in-house',
      supplierName: '',
      reasons: ['risk-assessment', 'business-need'],
      justification: 'Required by the risk treatment plan and customer contracts.',
      implementationStatus: IMPLEMENTATION[i % IMPLEMENTATION.length] ?? 'planned',
      owner: 'Head of Ops',
      evidence: ['Procedure P-12', 'Ticket OPS-1234'],
      contentVersion: CONTENT_VERSION,
      updatedAt: T,
    })),
  }
}

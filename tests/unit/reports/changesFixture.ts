/**
 * Two small moments of one assessment and the comparisons between them, for the exports'
 * "Changes since" chapter, sheet and CSV: two answers, two decisions and four risks changed, one
 * action completed and one overdue, a blocker lifted and one added, the score up 14 points.
 */
import { QUESTIONS } from '@/content'
import { compareMoments, type Comparison, type Moment } from '@/domain/comparison'
import type { SnapshotVerdict } from '@/domain/model'
import type { AssessmentState } from '@/domain/stateDiff'
import { applicable, excluded, makeAnswer, makeDecision, makeRisk } from '../domain/builders'

export const SNAPSHOT_LABEL = 'Workshop 1 · 2026-11-03'
const SNAPSHOT_AT = '2026-11-03T12:00:00.000Z'
const NOW_AT = '2027-01-15T12:00:00.000Z'

/** The first three questions of the questionnaire: completed, note edited, action overdue. */
export const [COMPLETED, NOTED, OVERDUE] = QUESTIONS as unknown as [
  (typeof QUESTIONS)[number],
  (typeof QUESTIONS)[number],
  (typeof QUESTIONS)[number],
]

/** User text a spreadsheet would run as a formula if it were careless. */
export const HOSTILE_NOTE = '=1+1 approved by the board'
export const GREEK_NOTE = 'Draft reviewed in Ελληνικά'

const completedAction = { what: 'Write down the issues', owner: 'Dana Novák', due: '2026-11-30' }
const overdueAction = { what: 'List the interested parties', owner: 'Ana', due: '2026-12-15' }

const BEFORE: AssessmentState = {
  answers: [
    makeAnswer(COMPLETED.id, 'not-started', { action: completedAction }),
    makeAnswer(NOTED.id, 'partly', { note: 'Draft only' }),
    makeAnswer(OVERDUE.id, 'partly', { action: overdueAction }),
  ],
  decisions: [makeDecision('5.1'), excluded('7.4', 'No premises of our own.')],
  risks: [
    makeRisk('r-1', { title: 'Laptop theft', createdAt: '2026-10-01T10:00:00.000Z' }),
    makeRisk('r-2', { title: 'Phishing', createdAt: '2026-10-02T10:00:00.000Z' }),
    makeRisk('r-3', { title: 'Supplier outage', createdAt: '2026-10-03T10:00:00.000Z' }),
  ],
}

const AFTER: AssessmentState = {
  answers: [
    makeAnswer(COMPLETED.id, 'in-place', { action: completedAction, note: HOSTILE_NOTE }),
    makeAnswer(NOTED.id, 'partly', { note: GREEK_NOTE }),
    makeAnswer(OVERDUE.id, 'partly', { action: overdueAction }),
  ],
  decisions: [
    applicable('5.1', 'partly', { justification: 'Required by the risk assessment' }),
    excluded('7.4', 'No premises of our own; the landlord monitors the building.'),
  ],
  risks: [
    makeRisk('r-1', {
      title: 'Laptop theft',
      likelihood: 5,
      createdAt: '2026-10-01T10:00:00.000Z',
    }),
    makeRisk('r-3', {
      title: 'Supplier outage',
      owner: 'Ben',
      createdAt: '2026-10-03T10:00:00.000Z',
    }),
    makeRisk('r-4', { title: 'Ransomware', createdAt: '2026-12-01T10:00:00.000Z' }),
  ],
}

const POLICY = { id: 'blocker:policy', title: 'Information security policy' }
export const SCOPE = { id: 'blocker:scope', title: 'Scope of the ISMS' }
export const AUDIT = { id: 'blocker:internal-audit', title: 'Internal audit held' }

const VERDICT_BEFORE: SnapshotVerdict = {
  score: 38,
  band: 'not-ready',
  parts: {
    clauseConformance: 20.5,
    riskRegister: 8,
    soaCompleteness: 6,
    annexAImplementation: 3.5,
  },
  blockers: [SCOPE, POLICY],
}
const VERDICT_AFTER: SnapshotVerdict = {
  score: 52,
  band: 'partly-ready',
  parts: { clauseConformance: 27, riskRegister: 10, soaCompleteness: 9, annexAImplementation: 6 },
  blockers: [POLICY, AUDIT],
}

const moment = (
  label: string,
  takenAt: string,
  verdict: SnapshotVerdict,
  state: AssessmentState,
): Moment => ({ label, takenAt, verdict, state, register: [] })

/** What changed from the snapshot to now, with something in every group. */
export function sampleComparison(): Comparison {
  return compareMoments(
    moment(SNAPSHOT_LABEL, SNAPSHOT_AT, VERDICT_BEFORE, BEFORE),
    moment('Now', NOW_AT, VERDICT_AFTER, AFTER),
  )
}

/** Only the note of one answer changed, the verdict stayed: every other group is empty. */
export function oneNoteComparison(): Comparison {
  const after = {
    ...BEFORE,
    answers: BEFORE.answers.map((a) =>
      a.questionId === NOTED.id ? { ...a, note: GREEK_NOTE } : a,
    ),
  }
  return compareMoments(
    moment('Before the audit', SNAPSHOT_AT, VERDICT_BEFORE, BEFORE),
    moment('Now', '2026-11-05T12:00:00.000Z', VERDICT_BEFORE, after),
  )
}

/** The same records and verdict at both moments. */
export function unchangedComparison(): Comparison {
  return compareMoments(
    moment('Before the audit', SNAPSHOT_AT, VERDICT_BEFORE, BEFORE),
    moment('Now', '2026-11-05T12:00:00.000Z', VERDICT_BEFORE, BEFORE),
  )
}

import { describe, expect, it } from 'vitest'
import { compareMoments, comparisonSummary, type Moment } from '@/domain/comparison'
import { computeReadiness } from '@/domain/readiness'
import { freezeSnapshot, snapshotState, snapshotVerdict } from '@/domain/snapshot'
import type { AssessmentState } from '@/domain/stateDiff'
import { applicable, makeAnswer, makeDecision, makeRisk, T0, WS } from './builders'

const T1 = '2026-11-20T10:00:00.000Z'

function moment(label: string, takenAt: string, state: AssessmentState): Moment {
  return {
    label,
    takenAt,
    state,
    verdict: snapshotVerdict(computeReadiness({ ...state, workspace: undefined })),
  }
}

const before: AssessmentState = {
  answers: [
    makeAnswer('q-4.3-boundaries', 'partly', {
      action: { what: 'Write down the scope', owner: 'Ana', due: '2026-11-10' },
    }),
    makeAnswer('q-5.2-documented', 'not-started'),
    makeAnswer('q-6.1.2-criteria', 'dont-know'),
  ],
  decisions: [applicable('5.1', 'planned'), makeDecision('5.7')],
  risks: [makeRisk('r1', { title: 'Laptop theft' }), makeRisk('r2', { title: 'Phishing' })],
}

const after: AssessmentState = {
  answers: [
    makeAnswer('q-4.3-boundaries', 'in-place', { note: 'Scope approved by the board' }),
    makeAnswer('q-5.2-documented', 'partly'),
    makeAnswer('q-6.1.2-criteria', 'dont-know'),
    makeAnswer('q-6.2-consistent', 'partly', {
      action: { what: 'Set objectives', owner: 'Ben', due: '2026-11-15' },
    }),
  ],
  decisions: [
    applicable('5.1', 'implemented'),
    makeDecision('5.7', {
      applicability: 'excluded',
      reasons: ['business-need'],
      justification: 'No threat intelligence function; covered by the MSSP contract.',
    }),
  ],
  risks: [
    makeRisk('r1', { title: 'Laptop theft', likelihood: 1, owner: 'Ben' }),
    makeRisk('r3', { title: 'Supplier breach', createdAt: T1 }),
  ],
}

describe('compareMoments', () => {
  const comparison = compareMoments(moment('Workshop 1', T0, before), moment('Now', T1, after))

  it('lists exactly the answers that changed, in the order of the questionnaire, worded', () => {
    expect(comparison.answers.map((a) => [a.questionId, a.from, a.to])).toEqual([
      ['q-4.3-boundaries', 'Partly', 'In place'],
      ['q-5.2-documented', 'Not started', 'Partly'],
      ['q-6.2-consistent', 'Not answered', 'Partly'],
    ])
    expect(comparison.answers[0]).toMatchObject({
      clause: '4.3',
      note: 'Scope approved by the board',
      improved: true,
      target: { kind: 'question', clause: '4.3', questionId: 'q-4.3-boundaries' },
    })
    expect(comparison.answers[0]?.question).not.toBe('q-4.3-boundaries')
  })

  it('lists the decisions that changed with their justification', () => {
    expect(comparison.decisions.map((d) => [d.controlId, d.from, d.to])).toEqual([
      ['5.1', 'Applicable, planned', 'Applicable, implemented'],
      ['5.7', 'Undecided', 'Excluded'],
    ])
    expect(comparison.decisions[1]?.control).toMatch(/^A\.5\.7 Threat intelligence/)
    expect(comparison.decisions[1]?.justification).toContain('MSSP')
  })

  it('lists risks added, removed and re-rated, with their references', () => {
    expect(comparison.risksAdded.map((r) => [r.ref, r.title])).toEqual([
      ['R-02', 'Supplier breach'],
    ])
    expect(comparison.risksRemoved.map((r) => [r.ref, r.title])).toEqual([['R-02', 'Phishing']])
    expect(comparison.risksRerated).toEqual([
      expect.objectContaining({ riskId: 'r1', detail: 'Level 12 → 4; changed: owner' }),
    ])
    expect(comparison.risksEdited).toEqual([])
  })

  it('lists the action completed and the one overdue at the later date', () => {
    expect(comparison.actionsCompleted.map((a) => a.what)).toEqual(['Write down the scope'])
    expect(comparison.actionsOverdue.map((a) => [a.what, a.due])).toEqual([
      ['Set objectives', '2026-11-15'],
    ])
  })

  it('counts every group and says it in one sentence', () => {
    expect(comparison.counts).toEqual({ answers: 3, decisions: 2, risks: 3, actions: 2, total: 10 })
    expect(comparisonSummary(comparison)).toBe('3 answers, 2 decisions and 3 risks changed')
  })

  it('gives the score and band on both sides, and the blockers lifted and added', () => {
    expect(comparison.score.delta).toBe(comparison.score.after - comparison.score.before)
    expect(comparison.parts.map((p) => p.key)).toEqual([
      'clauseConformance',
      'riskRegister',
      'soaCompleteness',
      'annexAImplementation',
    ])
    const lifted = new Set(comparison.blockersLifted.map((b) => b.id))
    const added = new Set(comparison.blockersAdded.map((b) => b.id))
    const beforeIds = new Set(moment('a', T0, before).verdict.blockers.map((b) => b.id))
    const afterIds = new Set(moment('b', T1, after).verdict.blockers.map((b) => b.id))
    expect([...lifted]).toEqual([...beforeIds].filter((id) => !afterIds.has(id)))
    expect([...added]).toEqual([...afterIds].filter((id) => !beforeIds.has(id)))
  })

  it('finds nothing between a moment and itself', () => {
    const same = compareMoments(moment('a', T0, after), moment('b', T1, after))
    expect(same.counts.total - same.counts.actions).toBe(0)
    expect(comparisonSummary(same)).toBe('No answer, decision or risk changed')
  })
})

describe('a snapshot taken before a content change', () => {
  it('is compared through the content migration: a split question is the same answer twice', () => {
    // Content version 1 asked 'q-6.1.3-approval'; version 2 split it in two.
    const old = makeAnswer('q-6.1.3-approval', 'partly', { contentVersion: 1 })
    const snapshot = freezeSnapshot({
      id: 's1',
      workspace: { id: WS, scopeStatement: '', riskCriteria: undefined },
      takenAt: T0,
      label: 'Workshop 1',
      answers: [old],
      decisions: [],
      risks: [],
    })
    const state = snapshotState(snapshot)!
    expect(state.answers.map((a) => a.questionId).sort()).toEqual([
      'q-6.1.3-plan-approval',
      'q-6.1.3-residual-acceptance',
    ])
    const now: AssessmentState = {
      answers: [
        makeAnswer('q-6.1.3-plan-approval', 'partly'),
        makeAnswer('q-6.1.3-residual-acceptance', 'in-place'),
      ],
      decisions: [],
      risks: [],
    }
    const comparison = compareMoments(
      { label: snapshot.label, takenAt: T0, verdict: snapshot.verdict, state },
      moment('Now', T1, now),
    )
    expect(comparison.answers.map((a) => [a.questionId, a.from, a.to])).toEqual([
      ['q-6.1.3-residual-acceptance', 'Partly', 'In place'],
    ])
  })
})

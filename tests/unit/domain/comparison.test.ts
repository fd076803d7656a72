import { describe, expect, it } from 'vitest'
import { compareMoments, comparisonSummary, type Moment } from '@/domain/comparison'
import { computeReadiness } from '@/domain/readiness'
import { freezeSnapshot, snapshotState, snapshotVerdict } from '@/domain/snapshot'
import type { SnapshotRegisterEntry } from '@/domain/model'
import type { AssessmentState } from '@/domain/stateDiff'
import { applicable, makeAnswer, makeDecision, makeRisk, T0, WS } from './builders'

const T1 = '2026-11-20T10:00:00.000Z'

function moment(label: string, takenAt: string, state: AssessmentState): Moment {
  return {
    label,
    takenAt,
    state,
    register: [],
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
    expect(comparison.counts).toEqual({
      answers: 3,
      decisions: 2,
      risks: 3,
      actions: 2,
      documents: 0,
      total: 10,
    })
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
    expect(comparisonSummary(same)).toBe('No answer, decision, risk or document changed')
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
      register: [],
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

describe('the documents of the register, between two moments', () => {
  const policy: SnapshotRegisterEntry = {
    id: `${WS}/mandatory:is-policy`,
    source: { kind: 'mandatory', key: 'is-policy' },
    title: 'Information security policy',
    status: 'draft',
    version: '0.9',
    owner: 'Ana',
    approver: '',
    approvedOn: null,
    nextReviewOn: null,
    location: 'ISMS folder / Policies',
    note: '',
    createdAt: T0,
    updatedAt: T0,
  }
  const custom: SnapshotRegisterEntry = {
    ...policy,
    id: 'c1',
    source: { kind: 'custom' },
    title: 'Supplier onboarding checklist',
    status: 'approved',
    version: '1.0',
    approver: 'Ben',
    approvedOn: '2026-11-01',
  }
  const withRegister = (label: string, takenAt: string, register?: SnapshotRegisterEntry[]) => {
    const m: Moment = { ...moment(label, takenAt, before) }
    if (register === undefined) delete (m as { register?: unknown }).register
    return register === undefined ? m : { ...m, register }
  }

  it('lists status and detail changes, rows added and removed, in the register’s order', () => {
    const approved = {
      ...policy,
      status: 'approved' as const,
      version: '1.0',
      approver: 'Ben',
      approvedOn: '2026-11-15',
      owner: 'Someone else',
    }
    const incident: SnapshotRegisterEntry = {
      ...policy,
      id: `${WS}/control:incident-response-procedure`,
      source: { kind: 'control', key: 'incident-response-procedure' },
      title: 'Incident response procedure',
    }
    const c = compareMoments(
      withRegister('Workshop 1', T0, [custom, policy]),
      withRegister('Now', T1, [incident, approved]),
    )
    expect(c.documentsNote).toBeNull()
    expect(c.documents.map((d) => [d.title, d.change, d.from, d.to, d.detail])).toEqual([
      [
        'Information security policy',
        'changed',
        'Draft',
        'Approved',
        'Changed: version 0.9 → 1.0; approver none → Ben; approval date none → 2026-11-15',
      ],
      // Not stored at the earlier moment: it was the empty, missing row then.
      ['Incident response procedure', 'changed', 'Missing', 'Draft', 'Changed: version none → 0.9'],
      [
        'Supplier onboarding checklist',
        'removed',
        'Approved',
        'Not in the register',
        'Version 1.0; approved by Ben on 2026-11-01',
      ],
    ])
    expect(c.counts.documents).toBe(3)
    expect(comparisonSummary(c)).toContain('3 documents')
  })

  it('does not list a row whose owner, location or note alone changed', () => {
    const c = compareMoments(
      withRegister('a', T0, [policy]),
      withRegister('b', T1, [{ ...policy, owner: 'Ben', note: 'n', location: 'elsewhere' }]),
    )
    expect(c.documents).toEqual([])
  })

  it('a stored row deleted since counts as missing again', () => {
    const c = compareMoments(withRegister('a', T0, [policy]), withRegister('b', T1, []))
    expect(c.documents.map((d) => [d.from, d.to])).toEqual([['Draft', 'Missing']])
  })

  it('says nothing of documents when a moment predates the register, and says why', () => {
    const c = compareMoments(withRegister('Workshop 1', T0), withRegister('Now', T1, [policy]))
    expect(c.documents).toEqual([])
    expect(c.documentsNote).toContain('Workshop 1 was taken before snapshots kept the register')
    const same = compareMoments(withRegister('a', T0), withRegister('b', T1))
    expect(comparisonSummary(same)).toBe('No answer, decision or risk changed')
  })
})

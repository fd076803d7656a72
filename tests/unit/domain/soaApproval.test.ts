import { describe, expect, it } from 'vitest'
import { freezeSnapshot } from '@/domain/snapshot'
import { approvalHistory, approvalProblems, nextSoaVersion, soaStatus } from '@/domain/soaApproval'
import type { ControlDecision, SoaApproval } from '@/domain/model'
import { applicable, makeDecision, WS } from './builders'

const WORKSPACE = { id: WS, scopeStatement: '', riskCriteria: undefined }
const DETAILS = { soaVersion: '0.3', soaApprover: '', soaApprovedOn: null }

function approved(
  id: string,
  takenAt: string,
  decisions: readonly ControlDecision[],
  approval: SoaApproval,
) {
  return freezeSnapshot({
    id,
    workspace: WORKSPACE,
    takenAt,
    label: `SoA ${approval.version} approved`,
    answers: [],
    decisions,
    risks: [],
    register: [],
    soaApproval: approval,
  })
}

const v1Decisions = [applicable('5.1', 'planned'), makeDecision('5.7')]
const v2Decisions = [
  applicable('5.1', 'implemented'),
  makeDecision('5.7', {
    applicability: 'excluded',
    reasons: ['business-need'],
    justification: 'Covered by the MSSP contract.',
  }),
]
const v1 = approved('a1', '2026-11-01T10:00:00.000Z', v1Decisions, {
  version: '1.0',
  approver: 'CEO',
  approvedOn: '2026-11-01',
  changeNote: '',
})
const v2 = approved('a2', '2026-11-20T10:00:00.000Z', v2Decisions, {
  version: '1.1',
  approver: 'CEO',
  approvedOn: '2026-11-20',
  changeNote: 'Threat intelligence bought from the MSSP.',
})
const workshop = freezeSnapshot({
  id: 'w1',
  workspace: WORKSPACE,
  takenAt: '2026-11-25T10:00:00.000Z',
  label: 'Workshop 3',
  answers: [],
  decisions: [],
  risks: [],
  register: [],
})

describe('soaStatus', () => {
  it('says the SoA is the latest approved version while no decision changed since', () => {
    const status = soaStatus(DETAILS, [v1, workshop, v2], v2Decisions)
    expect(status).toMatchObject({ state: 'approved', draft: false, versionText: '1.1' })
    expect(status.approvalText).toBe('Version 1.1 approved by CEO on 2026-11-20')
  })

  it('calls the SoA a draft of the next version once a decision changed, naming it', () => {
    const now = [applicable('5.1', 'implemented'), applicable('5.7', 'planned')]
    const status = soaStatus(DETAILS, [v1, v2], now)
    expect(status).toMatchObject({ state: 'draft', draft: true })
    expect(status.versionText).toBe('1.2 (draft; 1.1 approved on 2026-11-20)')
    expect(status.approvalText).toBe(
      'Draft of version 1.2: 1 decision changed since version 1.1 was approved by CEO on 2026-11-20',
    )
    expect(status.changedSince.map((c) => [c.controlId, c.from, c.to])).toEqual([
      ['5.7', 'Excluded', 'Applicable, planned'],
    ])
  })

  it('without approvals in the app, prints the report details as they are', () => {
    expect(soaStatus(DETAILS, [workshop], v2Decisions)).toMatchObject({
      state: 'never-approved',
      draft: true,
      versionText: '0.3 (draft)',
      approvalText: 'Not approved yet: this is a draft',
    })
    const outside = { soaVersion: '2.0', soaApprover: 'Board', soaApprovedOn: '2026-10-01' }
    expect(soaStatus(outside, [], [])).toMatchObject({
      draft: false,
      versionText: '2.0',
      approvalText: 'Board, 2026-10-01',
    })
  })
})

describe('the change log', () => {
  it('lists every approved version, the latest first, with what changed since the one before', () => {
    const history = approvalHistory([v1, workshop, v2])
    expect(history.map((v) => v.version)).toEqual(['1.1', '1.0'])
    expect(history[0]?.changeNote).toBe('Threat intelligence bought from the MSSP.')
    expect(history[0]?.changes.map((c) => [c.controlId, c.from, c.to])).toEqual([
      ['5.1', 'Applicable, planned', 'Applicable, implemented'],
      ['5.7', 'Undecided', 'Excluded'],
    ])
    expect(history[1]).toMatchObject({ first: true, changes: [] })
  })
})

describe('an approval', () => {
  const history = approvalHistory([v1])
  const ok = { version: '1.1', approver: 'CEO', approvedOn: '2026-11-20', changeNote: 'Why' }

  it('needs a new version, an approver, a date not in the future and, after the first, a note', () => {
    expect(approvalProblems(ok, history, '2026-11-30')).toEqual([])
    expect(approvalProblems({ ...ok, version: '1.0' }, history, '2026-11-30')).toEqual([
      'version-taken',
    ])
    expect(
      approvalProblems(
        { ...ok, version: ' ', approver: '', changeNote: '' },
        history,
        '2026-11-30',
      ),
    ).toEqual(['no-version', 'no-approver', 'no-change-note'])
    expect(approvalProblems({ ...ok, approvedOn: '2026-12-01' }, history, '2026-11-30')).toEqual([
      'future-date',
    ])
    expect(approvalProblems({ ...ok, changeNote: '' }, [], '2026-11-30')).toEqual([])
  })

  it('suggests the next version number', () => {
    expect([
      nextSoaVersion('1.0'),
      nextSoaVersion('0.9'),
      nextSoaVersion('2'),
      nextSoaVersion(''),
    ]).toEqual(['1.1', '0.10', '3', '1.0'])
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import type { ControlId } from '@/content'
import { db } from '@/db/database'
import {
  patchClauseAnswer,
  patchControlDecision,
  applyDecisionChanges,
  saveLastClause,
} from '@/db/assessmentRepository'
import { emptyAnswer } from '@/domain/clauseAnswer'
import { emptyDecision } from '@/domain/controlDecision'
import { createWorkspace, WorkspaceNotFoundError } from '@/db/workspaceRepository'
import type { ClauseAnswer, ControlDecision } from '@/domain/model'

const T0 = '2026-11-01T10:00:00.000Z'
const T1 = '2026-11-02T10:00:00.000Z'
const T2 = '2026-11-03T10:00:00.000Z'

function answer(
  workspaceId: string,
  questionId: string,
  overrides: Partial<ClauseAnswer> = {},
): ClauseAnswer {
  return {
    workspaceId,
    questionId,
    status: 'partly',
    note: 'note',
    evidence: ['policy v2'],
    action: null,
    contentVersion: 1,
    updatedAt: T1,
    ...overrides,
  }
}

function decision(
  workspaceId: string,
  controlId: ControlId,
  overrides: Partial<ControlDecision> = {},
): ControlDecision {
  return {
    workspaceId,
    controlId,
    applicability: 'applicable',
    provider: 'in-house',
    supplierName: '',
    reasons: ['risk-assessment'],
    justification: 'needed',
    implementationStatus: 'planned',
    owner: 'CTO',
    evidence: [],
    contentVersion: 1,
    updatedAt: T1,
    ...overrides,
  }
}

async function dump() {
  return {
    workspaces: await db.workspaces.toArray(),
    clauseAnswers: await db.clauseAnswers.toArray(),
    controlDecisions: await db.controlDecisions.toArray(),
    risks: await db.risks.toArray(),
    snapshots: await db.snapshots.toArray(),
  }
}

/** The first save of an answer: the editor's baseline is the empty answer. */
const saveClauseAnswer = (a: ClauseAnswer) =>
  patchClauseAnswer(emptyAnswer(a.workspaceId, a.questionId, T0), a)
const saveControlDecision = (d: ControlDecision) =>
  patchControlDecision(emptyDecision(d.workspaceId, d.controlId, T0), d)

let counter = 0
const ids = () => `id-${++counter}`

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  counter = 0
})

describe('patchClauseAnswer, first save', () => {
  it('stores the answer and records the activity on the workspace', async () => {
    const workspace = await createWorkspace('Acme', T0, ids)
    const saved = answer(workspace.id, 'q-4.1-issues')
    await saveClauseAnswer(saved)
    expect(await db.clauseAnswers.get([workspace.id, 'q-4.1-issues'])).toEqual(saved)
    expect(await db.workspaces.get(workspace.id)).toEqual({ ...workspace, updatedAt: T1 })
  })

  it('replaces the earlier answer to the same question', async () => {
    const workspace = await createWorkspace('Acme', T0, ids)
    await saveClauseAnswer(answer(workspace.id, 'q-4.1-issues'))
    const newer = answer(workspace.id, 'q-4.1-issues', {
      status: 'in-place',
      note: 'done',
      updatedAt: T2,
    })
    await saveClauseAnswer(newer)
    expect(await db.clauseAnswers.toArray()).toEqual([newer])
    expect((await db.workspaces.get(workspace.id))?.updatedAt).toBe(T2)
  })

  it('keeps answers of other workspaces apart', async () => {
    const a = await createWorkspace('A', T0, ids)
    const b = await createWorkspace('B', T0, ids)
    await saveClauseAnswer(answer(a.id, 'q-4.1-issues', { note: 'a' }))
    await saveClauseAnswer(answer(b.id, 'q-4.1-issues', { note: 'b' }))
    expect((await db.clauseAnswers.get([a.id, 'q-4.1-issues']))?.note).toBe('a')
    expect((await db.clauseAnswers.get([b.id, 'q-4.1-issues']))?.note).toBe('b')
  })

  it('refuses an answer for a workspace that does not exist and writes nothing', async () => {
    await createWorkspace('Acme', T0, ids)
    const before = await dump()
    await expect(saveClauseAnswer(answer('gone', 'q-4.1-issues'))).rejects.toBeInstanceOf(
      WorkspaceNotFoundError,
    )
    expect(await dump()).toEqual(before)
  })

  it('leaves the workspace untouched when the answer cannot be stored', async () => {
    const workspace = await createWorkspace('Acme', T0, ids)
    const before = await dump()
    // No question id: the compound key is incomplete, so the put fails after the workspace
    // was already touched inside the transaction.
    const broken = {
      ...answer(workspace.id, 'q'),
      questionId: undefined,
    } as unknown as ClauseAnswer
    await expect(saveClauseAnswer(broken)).rejects.toThrow()
    expect(await dump()).toEqual(before)
  })
})

describe('patchControlDecision, first save', () => {
  it('stores the decision and records the activity on the workspace', async () => {
    const workspace = await createWorkspace('Acme', T0, ids)
    const saved = decision(workspace.id, '5.1')
    await saveControlDecision(saved)
    expect(await db.controlDecisions.get([workspace.id, '5.1'])).toEqual(saved)
    expect((await db.workspaces.get(workspace.id))?.updatedAt).toBe(T1)
  })

  it('refuses a decision for a workspace that does not exist and writes nothing', async () => {
    const before = await dump()
    await expect(saveControlDecision(decision('gone', '5.1'))).rejects.toBeInstanceOf(
      WorkspaceNotFoundError,
    )
    expect(await dump()).toEqual(before)
  })
})

describe('applyDecisionChanges', () => {
  /** A change from no decision (or `from`) to `to`, as a bulk change computes it. */
  const change = (to: ControlDecision, from?: ControlDecision) => ({
    baseline: from ?? emptyDecision(to.workspaceId, to.controlId, T0),
    next: to,
  })

  it('applies and undoes several changes together and records the activity once', async () => {
    const workspace = await createWorkspace('Acme', T0, ids)
    const before51 = decision(workspace.id, '5.1')
    await db.controlDecisions.bulkAdd([before51, decision(workspace.id, '5.2')])
    const excluded = decision(workspace.id, '7.1', {
      applicability: 'excluded',
      reasons: [],
      justification: 'Fully remote',
      updatedAt: T2,
    })
    const changed = decision(workspace.id, '5.1', { owner: 'CISO', updatedAt: T2 })

    await applyDecisionChanges(workspace.id, [change(excluded), change(changed, before51)], T2)
    expect(await db.controlDecisions.get([workspace.id, '5.1'])).toEqual(changed)
    expect(await db.controlDecisions.get([workspace.id, '7.1'])).toEqual(excluded)
    expect((await db.workspaces.get(workspace.id))?.updatedAt).toBe(T2)

    // The undo: 7.1 back to no decision, 5.1 back to its owner.
    await applyDecisionChanges(
      workspace.id,
      [
        { baseline: excluded, next: null },
        { baseline: changed, next: before51 },
      ],
      T2,
    )
    const stored = await db.controlDecisions.where('workspaceId').equals(workspace.id).toArray()
    expect(stored.map((d) => d.controlId).sort()).toEqual(['5.1', '5.2'])
    expect((await db.controlDecisions.get([workspace.id, '5.1']))?.owner).toBe('CTO')
  })

  it('keeps what another tab changed meanwhile, through the change and its undo', async () => {
    const workspace = await createWorkspace('Acme', T0, ids)
    const seen = decision(workspace.id, '7.4', { justification: '' })
    await db.controlDecisions.add(seen)
    // Another tab sets the owner after the bulk panel read the decision.
    await db.controlDecisions.update([workspace.id, '7.4'], { owner: 'Facilities' })
    const excluded = {
      ...seen,
      applicability: 'excluded' as const,
      reasons: [],
      justification: 'No premises',
    }
    await applyDecisionChanges(workspace.id, [change(excluded, seen)], T2)
    expect(await db.controlDecisions.get([workspace.id, '7.4'])).toMatchObject({
      applicability: 'excluded',
      owner: 'Facilities',
    })
    await applyDecisionChanges(workspace.id, [{ baseline: excluded, next: seen }], T2)
    expect(await db.controlDecisions.get([workspace.id, '7.4'])).toMatchObject({
      applicability: 'applicable',
      justification: '',
      owner: 'Facilities',
    })

    // Undo to "no decision yet" keeps a decision another tab filled in since.
    const fresh = decision(workspace.id, '8.1', { owner: '' })
    await applyDecisionChanges(workspace.id, [change(fresh)], T2)
    await db.controlDecisions.update([workspace.id, '8.1'], { owner: 'IT' })
    await applyDecisionChanges(workspace.id, [{ baseline: fresh, next: null }], T2)
    expect(await db.controlDecisions.get([workspace.id, '8.1'])).toMatchObject({
      applicability: 'undecided',
      owner: 'IT',
    })
  })

  it('changes only the named controls of that workspace', async () => {
    const a = await createWorkspace('A', T0, ids)
    const b = await createWorkspace('B', T0, ids)
    await db.controlDecisions.bulkAdd([decision(a.id, '5.1'), decision(b.id, '5.1')])
    await applyDecisionChanges(a.id, [{ baseline: decision(a.id, '5.1'), next: null }], T2)
    expect(await db.controlDecisions.toArray()).toEqual([decision(b.id, '5.1')])
  })

  it('writes nothing at all when one of the rows cannot be stored', async () => {
    const workspace = await createWorkspace('Acme', T0, ids)
    await db.controlDecisions.bulkAdd([
      decision(workspace.id, '5.1'),
      decision(workspace.id, '5.2'),
    ])
    const before = await dump()
    const valid = decision(workspace.id, '5.3', { updatedAt: T2 })
    const broken = { ...decision(workspace.id, '5.4'), reasons: Symbol('not cloneable') }
    const invalid = broken as unknown as ControlDecision

    await expect(
      applyDecisionChanges(workspace.id, [change(valid), change(invalid)], T2),
    ).rejects.toThrow()

    expect(await dump()).toEqual(before)
  })

  it('refuses changes for a workspace that does not exist and writes nothing', async () => {
    const workspace = await createWorkspace('Acme', T0, ids)
    await db.controlDecisions.add(decision(workspace.id, '5.1'))
    const before = await dump()
    await expect(
      applyDecisionChanges('gone', [change(decision('gone', '5.2'))], T2),
    ).rejects.toBeInstanceOf(WorkspaceNotFoundError)
    expect(await dump()).toEqual(before)
  })
})

describe('saveLastClause', () => {
  it('remembers the clause without counting it as a change to the assessment', async () => {
    const workspace = await createWorkspace('Acme', T0, ids)
    await saveLastClause(workspace.id, '6.1.2')
    expect(await db.workspaces.get(workspace.id)).toEqual({ ...workspace, lastClause: '6.1.2' })
    await saveLastClause(workspace.id, '9.2.1')
    expect(await db.workspaces.get(workspace.id)).toEqual({
      ...workspace,
      lastClause: '9.2.1',
      updatedAt: T0,
    })
  })

  it('does nothing for a workspace that does not exist', async () => {
    const before = await dump()
    await saveLastClause('gone', '4.1')
    expect(await dump()).toEqual(before)
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/database'
import {
  createWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  patchWorkspaceDetails,
  renameWorkspace,
  WorkspaceNotFoundError,
} from '@/db/workspaceRepository'
import { reportDetailsOf } from '@/domain/editableFields'
import type { ControlDecision } from '@/domain/model'
import { makeAnswer, makeDecision, makeRisk } from '../domain/builders'

const T0 = '2026-11-01T10:00:00.000Z'
const T1 = '2026-11-02T10:00:00.000Z'

const answer = (workspaceId: string, questionId: string) =>
  makeAnswer(questionId, 'partly', { workspaceId, note: 'note', evidence: ['policy v2'] })

const decision = (workspaceId: string, controlId: ControlDecision['controlId']) =>
  makeDecision(controlId, {
    workspaceId,
    applicability: 'applicable',
    reasons: ['risk-assessment'],
    justification: 'needed',
    implementationStatus: 'planned',
    owner: 'CTO',
  })

const risk = (id: string, workspaceId: string) =>
  makeRisk(id, { workspaceId, treatment: 'modify', controlIds: ['8.1'], owner: 'CTO' })

async function dump() {
  return {
    workspaces: await db.workspaces.toArray(),
    clauseAnswers: await db.clauseAnswers.toArray(),
    controlDecisions: await db.controlDecisions.toArray(),
    risks: await db.risks.toArray(),
    snapshots: await db.snapshots.toArray(),
  }
}

let counter = 0
const ids = () => `id-${++counter}`

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  counter = 0
})

describe('workspace repository', () => {
  it('creates a workspace that can be read back', async () => {
    const created = await createWorkspace('Acme Ltd', T0, ids)
    expect(await db.workspaces.get(created.id)).toEqual(created)
    expect(created.organizationName).toBe('Acme Ltd')
  })

  it('renames and records when', async () => {
    const created = await createWorkspace('Acme', T0, ids)
    expect(await renameWorkspace(created.id, 'Acme Group', T1)).toBe(true)
    expect(await db.workspaces.get(created.id)).toMatchObject({
      organizationName: 'Acme Group',
      updatedAt: T1,
      createdAt: T0,
    })
    expect(await renameWorkspace('missing', 'X', T1)).toBe(false)
  })

  it('duplicates a workspace with its answers, decisions and risks, leaving the original as it was', async () => {
    const original = await createWorkspace('Acme', T0, ids)
    await db.clauseAnswers.bulkAdd([
      answer(original.id, 'q-4.1-issues'),
      answer(original.id, 'q-5.2-documented'),
    ])
    await db.controlDecisions.add(decision(original.id, '5.1'))
    await db.risks.add(risk('r1', original.id))
    const before = await dump()

    const copy = await duplicateWorkspace(original.id, T1, ids)

    expect(copy.id).not.toBe(original.id)
    expect(copy.organizationName).toBe('Acme (copy)')
    const after = await dump()
    expect(after.workspaces).toHaveLength(2)
    const copiedAnswers = after.clauseAnswers.filter((a) => a.workspaceId === copy.id)
    expect(copiedAnswers.map((a) => a.questionId).sort()).toEqual([
      'q-4.1-issues',
      'q-5.2-documented',
    ])
    expect(after.controlDecisions.filter((d) => d.workspaceId === copy.id)).toHaveLength(1)
    const copiedRisks = after.risks.filter((r) => r.workspaceId === copy.id)
    expect(copiedRisks).toHaveLength(1)
    expect(copiedRisks[0]?.id).not.toBe('r1')
    // the original's rows are untouched
    expect(after.clauseAnswers.filter((a) => a.workspaceId === original.id)).toEqual(
      before.clauseAnswers,
    )
    expect(after.risks.filter((r) => r.workspaceId === original.id)).toEqual(before.risks)
  })

  it('creates a workspace with the report details empty', async () => {
    const created = await createWorkspace('Acme Ltd', T0, ids)
    expect(reportDetailsOf(created)).toStrictEqual({
      reportVersion: '',
      confidentiality: '',
      consultantSummary: '',
      recommendations: '',
      soaVersion: '',
      soaOwner: '',
      soaApprover: '',
      soaApprovedOn: null,
    })
    expect(await db.workspaces.get(created.id)).toStrictEqual(created)
  })

  it('duplicates a workspace with its report details', async () => {
    const original = await createWorkspace('Acme', T0, ids)
    const empty = reportDetailsOf(original)
    const details = {
      reportVersion: '1.0',
      confidentiality: 'Confidential — prepared for Acme’s management',
      consultantSummary: 'Good start.\n\nThe risk treatment plan is missing.',
      recommendations: '1. Approve the policy.\n2. Plan the internal audit.',
      soaVersion: '0.3',
      soaOwner: 'Ana',
      soaApprover: 'Ben',
      soaApprovedOn: '2026-11-30',
    }
    await patchWorkspaceDetails(original.id, empty, details, T0)
    const copy = await duplicateWorkspace(original.id, T1, ids)
    expect(reportDetailsOf(copy)).toStrictEqual(details)
    const stored = await db.workspaces.get(copy.id)
    expect(stored && reportDetailsOf(stored)).toStrictEqual(details)
  })

  it('refuses to duplicate a workspace that does not exist', async () => {
    await expect(duplicateWorkspace('nope', T1, ids)).rejects.toBeInstanceOf(WorkspaceNotFoundError)
  })

  it('deletes a workspace with everything in it and nothing of the others', async () => {
    const keep = await createWorkspace('Keep', T0, ids)
    const gone = await createWorkspace('Gone', T0, ids)
    for (const w of [keep, gone]) {
      await db.clauseAnswers.add(answer(w.id, 'q-4.1-issues'))
      await db.controlDecisions.add(decision(w.id, '5.1'))
      await db.risks.add(risk(`risk-${w.id}`, w.id))
    }
    await deleteWorkspace(gone.id)
    const after = await dump()
    expect(after.workspaces.map((w) => w.id)).toEqual([keep.id])
    for (const rows of [after.clauseAnswers, after.controlDecisions, after.risks]) {
      expect(rows.map((r) => r.workspaceId)).toEqual([keep.id])
    }
  })

  it('leaves the database unchanged when a duplicate fails half-way', async () => {
    const original = await createWorkspace('Acme', T0, ids)
    await db.clauseAnswers.add(answer(original.id, 'q-4.1-issues'))
    await db.risks.add(risk('r1', original.id))
    const before = await dump()
    // Make the risk copy collide with an existing primary key: the write fails after the
    // workspace and its answers were already written inside the transaction.
    const collide = () => 'r1'
    await expect(duplicateWorkspace(original.id, T1, collide)).rejects.toThrow()
    expect(await dump()).toEqual(before)
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/database'
import { applyDecisionChanges } from '@/db/assessmentRepository'
import { createWorkspace, deleteWorkspace, duplicateWorkspace } from '@/db/workspaceRepository'
import type { ControlDecision } from '@/domain/model'
import { makeAnswer, makeDecision, makeRisk } from '../domain/builders'
import { countWrites, failingWrite } from './faultInjection'

const T0 = '2026-11-01T10:00:00.000Z'
const T1 = '2026-11-02T10:00:00.000Z'

const answer = (workspaceId: string, questionId: string) =>
  makeAnswer(questionId, 'partly', { workspaceId })

const decision = (
  workspaceId: string,
  controlId: ControlDecision['controlId'],
  applicability: ControlDecision['applicability'] = 'applicable',
) =>
  makeDecision(controlId, {
    workspaceId,
    applicability,
    reasons: ['business-need'],
    justification: 'needed',
    implementationStatus: 'planned',
  })

const risk = (id: string, workspaceId: string) =>
  makeRisk(id, { workspaceId, treatment: 'modify', controlIds: ['8.1'] })

async function dump() {
  return Object.fromEntries(
    await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  )
}

let workspaceId = ''
let n = 0
const ids = () => `id-${++n}`

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  n = 0
  workspaceId = (await createWorkspace('Acme', T0, ids)).id
  await db.clauseAnswers.bulkAdd([
    answer(workspaceId, 'q-4.1-issues'),
    answer(workspaceId, 'q-4.2-parties'),
  ])
  await db.controlDecisions.bulkAdd([decision(workspaceId, '5.1'), decision(workspaceId, '5.2')])
  await db.risks.bulkAdd([risk('r1', workspaceId), risk('r2', workspaceId)])
})

/** Fails each write of an operation in turn; after each failure the database is as before. */
async function expectAllOrNothing(operation: () => Promise<unknown>) {
  const before = await dump()
  const writes = await countWrites(operation)
  // Put things back so each failing run starts from the same state.
  await Promise.all(db.tables.map((t) => t.clear()))
  for (const [table, rows] of Object.entries(before)) await db.table(table).bulkAdd(rows)
  expect(writes).toBeGreaterThan(1)
  for (let k = 1; k <= writes; k++) {
    await expect(failingWrite(k, operation), `write ${k} of ${writes}`).rejects.toThrow()
    expect(await dump(), `after failing write ${k} of ${writes}`).toEqual(before)
  }
}

describe('operations that touch several rows are all or nothing', () => {
  it('duplicating a workspace', async () => {
    await expectAllOrNothing(() => duplicateWorkspace(workspaceId, T1, ids))
  })

  it('deleting a workspace', async () => {
    await expectAllOrNothing(() => deleteWorkspace(workspaceId))
  })

  it('a bulk decision on several controls, and its undo', async () => {
    const bulk = ['7.1', '7.2', '7.3'].map((id) =>
      decision(workspaceId, id as ControlDecision['controlId'], 'excluded'),
    )
    const changes = bulk.map((next) => ({
      baseline: decision(workspaceId, next.controlId, 'applicable'),
      next,
    }))
    await expectAllOrNothing(() => applyDecisionChanges(workspaceId, changes, T1))
    const undo = bulk.map((baseline) => ({ baseline, next: null }))
    await expectAllOrNothing(() => applyDecisionChanges(workspaceId, undo, T1))
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/database'
import { writeWhole } from '@/db/snapshotRows'
import {
  deleteSnapshot,
  loadSnapshot,
  renameSnapshot,
  SnapshotLimitError,
  takeSnapshot,
} from '@/db/snapshotRepository'
import {
  createWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  WorkspaceNotFoundError,
} from '@/db/workspaceRepository'
import { exportBackupData, importBackupData } from '@/db/backupRepository'
import { compareMoments } from '@/domain/comparison'
import { MAX_SNAPSHOTS_PER_WORKSPACE } from '@/domain/limits'
import { computeReadiness } from '@/domain/readiness'
import { newRegisterEntry, requiredDocuments } from '@/domain/register'
import { snapshotState, snapshotVerdict } from '@/domain/snapshot'
import type { AssessmentState } from '@/domain/stateDiff'
import { makeAnswer, makeDecision, makeRisk } from '../domain/builders'

const T0 = '2026-11-01T10:00:00.000Z'
const T1 = '2026-11-02T10:00:00.000Z'
const T2 = '2026-11-03T10:00:00.000Z'

let counter = 0
const ids = () => `id-${++counter}`

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  counter = 0
})

async function seeded() {
  const workspace = await createWorkspace('Acme', T0, ids)
  const workspaceId = workspace.id
  await db.clauseAnswers.bulkAdd([
    makeAnswer('q-4.3-boundaries', 'partly', { workspaceId }),
    makeAnswer('q-5.2-documented', 'in-place', { workspaceId }),
  ])
  await db.controlDecisions.add(
    makeDecision('5.1', { workspaceId, applicability: 'applicable', reasons: ['risk-assessment'] }),
  )
  await db.risks.bulkAdd([
    makeRisk('risk-a', { workspaceId, title: 'Laptop theft' }),
    makeRisk('risk-b', { workspaceId, title: 'Phishing' }),
  ])
  return workspaceId
}

async function stateNow(workspaceId: string): Promise<AssessmentState> {
  return {
    answers: await db.clauseAnswers.where('workspaceId').equals(workspaceId).toArray(),
    decisions: await db.controlDecisions.where('workspaceId').equals(workspaceId).toArray(),
    risks: await db.risks.where('workspaceId').equals(workspaceId).toArray(),
  }
}

/** The snapshot compared with the workspace as it is stored now. */
async function changesSince(snapshotId: string) {
  const snapshot = (await loadSnapshot(snapshotId))!
  const now = await stateNow(snapshot.workspaceId)
  return compareMoments(
    {
      label: snapshot.label,
      takenAt: snapshot.takenAt,
      verdict: snapshot.verdict,
      state: snapshotState(snapshot)!,
    },
    { label: 'Now', takenAt: T2, verdict: snapshotVerdict(computeReadiness(now)), state: now },
  )
}

describe('takeSnapshot', () => {
  it('freezes the records and the verdict they give, and touches the workspace', async () => {
    const workspaceId = await seeded()
    const snapshot = await takeSnapshot(workspaceId, '  Workshop 1  ', T1, { newId: ids })
    expect(await loadSnapshot(snapshot.id)).toStrictEqual(snapshot)
    // Listed without its records, which are stored apart.
    expect(await db.snapshots.get(snapshot.id)).not.toHaveProperty('records')
    expect(await db.snapshotRecords.get(snapshot.id)).toMatchObject({ records: snapshot.records })
    expect(snapshot.label).toBe('Workshop 1')
    expect(snapshot.records?.answers.map((a) => a.questionId).sort()).toEqual([
      'q-4.3-boundaries',
      'q-5.2-documented',
    ])
    expect(snapshot.records?.risks.map((r) => r.id).sort()).toEqual(['risk-a', 'risk-b'])
    expect(snapshot.records?.answers[0]).not.toHaveProperty('workspaceId')
    const now = await stateNow(workspaceId)
    expect(snapshot.verdict).toStrictEqual(snapshotVerdict(computeReadiness(now)))
    expect((await db.workspaces.get(workspaceId))?.updatedAt).toBe(T1)
  })

  it('stays as it was when the assessment changes afterwards', async () => {
    const workspaceId = await seeded()
    const snapshot = await takeSnapshot(workspaceId, 'Workshop 1', T1, { newId: ids })
    await db.clauseAnswers.put(makeAnswer('q-4.3-boundaries', 'in-place', { workspaceId }))
    await db.risks.delete('risk-b')
    const changes = await changesSince(snapshot.id)
    expect(changes.answers.map((a) => [a.questionId, a.from, a.to])).toEqual([
      ['q-4.3-boundaries', 'Partly', 'In place'],
    ])
    expect(changes.risksRemoved.map((r) => r.title)).toEqual(['Phishing'])
  })

  it(`refuses a snapshot beyond ${MAX_SNAPSHOTS_PER_WORKSPACE}, and a workspace that is gone`, async () => {
    const workspaceId = await seeded()
    await db.transaction('rw', db.snapshots, db.snapshotRecords, () =>
      writeWhole(
        Array.from({ length: MAX_SNAPSHOTS_PER_WORKSPACE }, (_, i) => ({
          id: `s-${i}`,
          workspaceId,
          takenAt: T0,
          label: `S ${i}`,
          verdict: { score: 0, band: 'not-ready' as const, parts: null, blockers: [] },
          records: null,
          soaApproval: null,
        })),
      ),
    )
    await expect(takeSnapshot(workspaceId, 'One more', T1)).rejects.toBeInstanceOf(
      SnapshotLimitError,
    )
    expect(await db.snapshots.count()).toBe(MAX_SNAPSHOTS_PER_WORKSPACE)
    await expect(takeSnapshot('missing', 'X', T1)).rejects.toBeInstanceOf(WorkspaceNotFoundError)
  })

  it('records an SoA approval on the snapshot and on the workspace, together', async () => {
    const workspaceId = await seeded()
    const approval = {
      version: '1.0',
      approver: 'CEO',
      approvedOn: '2026-11-02',
      changeNote: 'First',
    }
    const snapshot = await takeSnapshot(workspaceId, 'SoA 1.0', T1, {
      soaApproval: approval,
      newId: ids,
    })
    expect(snapshot.soaApproval).toStrictEqual(approval)
    expect(await db.workspaces.get(workspaceId)).toMatchObject({
      soaVersion: '1.0',
      soaApprover: 'CEO',
      soaApprovedOn: '2026-11-02',
    })
  })
})

describe('renaming and deleting', () => {
  it('renames and deletes, each touching the workspace; deleting twice is no error', async () => {
    const workspaceId = await seeded()
    const snapshot = await takeSnapshot(workspaceId, 'Workshop 1', T1, { newId: ids })
    await renameSnapshot(snapshot.id, ' Kick-off ', T2)
    expect((await db.snapshots.get(snapshot.id))?.label).toBe('Kick-off')
    await deleteSnapshot(snapshot.id, T2)
    await deleteSnapshot(snapshot.id, T2)
    expect(await db.snapshots.count()).toBe(0)
    expect(await db.snapshotRecords.count()).toBe(0)
    expect((await db.workspaces.get(workspaceId))?.updatedAt).toBe(T2)
  })

  it('deletes the snapshots with their workspace', async () => {
    const workspaceId = await seeded()
    const other = (await createWorkspace('Other', T0, ids)).id
    await takeSnapshot(workspaceId, 'A', T1, { newId: ids })
    await takeSnapshot(other, 'B', T1, { newId: ids })
    await deleteWorkspace(workspaceId)
    expect((await db.snapshots.toArray()).map((s) => s.label)).toEqual(['B'])
    expect((await db.snapshotRecords.toArray()).map((r) => r.workspaceId)).toEqual([other])
  })
})

describe('a copy of the workspace', () => {
  it('keeps its snapshots comparable: the frozen risks follow the risks to their new ids', async () => {
    const workspaceId = await seeded()
    await takeSnapshot(workspaceId, 'Workshop 1', T1, { newId: ids })
    const copy = await duplicateWorkspace(workspaceId, T2, ids)
    const [listed] = await db.snapshots.where('workspaceId').equals(copy.id).toArray()
    const snapshot = await loadSnapshot(listed!.id)
    expect(snapshot?.records?.risks.map((r) => r.id).sort()).toEqual(
      (await stateNow(copy.id)).risks.map((r) => r.id).sort(),
    )
    const changes = await changesSince(snapshot!.id)
    expect(changes.counts.total).toBe(0)
  })

  it('imported as a copy from a backup keeps them comparable too', async () => {
    const workspaceId = await seeded()
    await takeSnapshot(workspaceId, 'Workshop 1', T1, { newId: ids })
    const data = await exportBackupData()
    await importBackupData(data, 'copy', T2, ids)
    const copy = (await db.workspaces.toArray()).find((w) => w.id !== workspaceId)!
    const [listed] = await db.snapshots.where('workspaceId').equals(copy.id).toArray()
    const snapshot = await loadSnapshot(listed!.id)
    expect(snapshot?.records?.risks.map((r) => r.id)).not.toContain('risk-a')
    expect((await changesSince(snapshot!.id)).counts.total).toBe(0)
  })
})

describe('a snapshot and the register', () => {
  it('freezes the register rows stored, and its size counts them', async () => {
    const workspaceId = await seeded()
    const empty = await takeSnapshot(workspaceId, 'Before the register', T1, { newId: ids })
    expect(empty.records?.register).toEqual([])
    await db.registerEntries.add({
      ...newRegisterEntry(
        `${workspaceId}/mandatory:is-policy`,
        workspaceId,
        requiredDocuments(new Map())[1]!,
        T1,
      ),
      status: 'draft',
      note: 'n'.repeat(2_000),
    })
    const taken = await takeSnapshot(workspaceId, 'With the register', T2, { newId: ids })
    expect(taken.records?.register?.map((e) => [e.id, e.status])).toEqual([
      [`${workspaceId}/mandatory:is-policy`, 'draft'],
    ])
    expect(taken.records?.register?.[0]).not.toHaveProperty('workspaceId')
    const sizes = await db.snapshots.where('workspaceId').equals(workspaceId).toArray()
    const [small, large] = [empty.id, taken.id].map((id) => sizes.find((s) => s.id === id)!.size)
    expect(large! - small!).toBeGreaterThan(2_000)
    expect((await loadSnapshot(taken.id))?.records?.register).toHaveLength(1)
  })
})

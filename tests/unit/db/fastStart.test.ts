/**
 * Accepting suggestions writes them in one transaction and the undo puts every control back,
 * through the same repository functions the Fast start screen uses; the interview's answers
 * are saved one at a time into the profile as stored.
 */
import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { CONTENT_VERSION } from '@/content'
import { exportBackupData } from '@/db/backupRepository'
import { buildBackup, DATABASE_SCHEMA_VERSION, parseBackup } from '@/domain/backup'
import { db } from '@/db/database'
import { applyDecisionChanges } from '@/db/assessmentRepository'
import { createWorkspace, patchScoping, WorkspaceNotFoundError } from '@/db/workspaceRepository'
import { emptyDecision } from '@/domain/controlDecision'
import type { ControlDecision } from '@/domain/model'
import { planAcceptance, reviewRows } from '@/domain/proposals'
import { suggestDecisions } from '@/domain/scoping'
import { makeDecision } from '../domain/builders'

const T0 = '2026-11-01T10:00:00.000Z'
const T1 = '2026-11-02T10:00:00.000Z'
const T2 = '2026-11-03T10:00:00.000Z'
let counter = 0
const ids = () => `id-${++counter}`

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  counter = 0
})

async function decisions(workspaceId: string): Promise<Map<string, ControlDecision>> {
  const rows = await db.controlDecisions.where('workspaceId').equals(workspaceId).toArray()
  return new Map(rows.map((d) => [d.controlId, d]))
}

describe('accepting the interview’s suggestions', () => {
  it('decides the new controls, leaves a differing decision alone unless chosen, and undoes exactly', async () => {
    const { id } = await createWorkspace('Remote Co', T0, ids)
    const mine = makeDecision('7.1', {
      workspaceId: id,
      applicability: 'applicable',
      reasons: ['risk-assessment'],
      justification: 'We keep a small storage room for archives.',
      owner: 'Dana',
    })
    await db.controlDecisions.add(mine)
    const items = suggestDecisions({
      answers: { premises: 'none', hosting: 'saas', development: 'none' },
      names: {},
      updatedAt: T1,
    })
    const rows = reviewRows(items, await decisions(id))
    expect(rows.find((r) => r.item.controlId === '7.1')!.state).toBe('differs')
    expect(rows.filter((r) => r.state === 'new')).toHaveLength(92)

    const chosen = rows.filter((r) => r.acceptedByDefault).map((r) => r.item.options[0]!)
    const plan = planAcceptance(id, chosen, await decisions(id), T1)
    if (!plan.ok) throw new Error(plan.problem)
    await applyDecisionChanges(
      id,
      plan.changes.map((c) => ({
        baseline: c.before ?? emptyDecision(id, c.controlId, T1),
        next: c.after,
      })),
      T1,
    )
    const after = await decisions(id)
    expect(after.size).toBe(93)
    expect(after.get('7.1')).toEqual(mine)
    expect(after.get('7.2')!.applicability).toBe('excluded')
    expect(after.get('7.2')!.justification).toMatch(/^Fully remote organization/)
    expect(reviewRows(items, after).filter((r) => r.state === 'same')).toHaveLength(92)

    // Undo: every control the acceptance decided is back to no decision, 7.1 untouched.
    await applyDecisionChanges(
      id,
      plan.changes.map((c) => ({ baseline: c.after, next: c.before ?? null })),
      T2,
    )
    const undone = await decisions(id)
    expect([...undone.keys()]).toEqual(['7.1'])
    expect(undone.get('7.1')).toEqual(mine)
  })

  it('refuses the whole acceptance when one suggestion is not applicable as it stands', async () => {
    const { id } = await createWorkspace('Acme', T0, ids)
    const plan = planAcceptance(
      id,
      [
        {
          controlId: '5.15',
          applicability: 'excluded',
          provider: 'in-house',
          supplierName: '',
          reasons: [],
          justification: 'We trust everyone.',
          implementationStatus: null,
          sources: [],
        },
      ],
      new Map(),
      T1,
    )
    expect(plan).toEqual({
      ok: false,
      problem: expect.stringMatching(/^A\.5\.15 cannot be excluded/),
    })
  })
})

describe('patchScoping', () => {
  it('saves one answer or name at a time into the stored profile', async () => {
    const { id } = await createWorkspace('Acme', T0, ids)
    await patchScoping(id, { question: 'premises', answer: 'shared' }, T1)
    await patchScoping(id, { question: 'hosting', answer: 'cloud' }, T1)
    const profile = await patchScoping(id, { question: 'premises', name: 'Hive Offices' }, T2)
    expect(profile).toEqual({
      answers: { premises: 'shared', hosting: 'cloud' },
      names: { premises: 'Hive Offices' },
      updatedAt: T2,
    })
    expect((await db.workspaces.get(id))!.scoping).toEqual(profile)
  })

  it('refuses a workspace that is gone', async () => {
    await expect(
      patchScoping('nope', { question: 'premises', answer: 'own' }, T1),
    ).rejects.toBeInstanceOf(WorkspaceNotFoundError)
  })

  it('drops a supplier’s name when the answer changes to one that asks for none, so the backup imports', async () => {
    const { id } = await createWorkspace('Acme', T0, ids)
    await patchScoping(id, { question: 'premises', answer: 'shared' }, T1)
    await patchScoping(id, { question: 'premises', name: 'Hive\u0007 Offices' }, T1)
    expect((await db.workspaces.get(id))!.scoping!.names).toEqual({ premises: 'Hive  Offices' })
    const changed = await patchScoping(id, { question: 'premises', answer: 'own' }, T2)
    expect(changed.names).toEqual({})

    const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')
    const meta = {
      appVersion: 'test',
      schemaVersion: DATABASE_SCHEMA_VERSION,
      contentVersion: CONTENT_VERSION,
      exportedAt: T2,
    }
    const parsed = await parseBackup(
      await buildBackup(await exportBackupData(), meta, sha256),
      sha256,
    )
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.repairs).toEqual([])
    expect(parsed.data.workspaces[0]!.scoping).toEqual(changed)
  })
})

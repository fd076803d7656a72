/**
 * Two editors of the same record (two tabs) that each saw it at the same moment: every write
 * carries only the fields its editor changed, merged into the record as stored.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/database'
import { patchClauseAnswer, patchControlDecision } from '@/db/assessmentRepository'
import {
  addRisk,
  linkControl,
  patchRisk,
  RiskNotFoundError,
  RiskOffScaleError,
  saveRiskCriteria,
} from '@/db/riskRepository'
import { createWorkspace, patchWorkspaceDetails } from '@/db/workspaceRepository'
import { RiskLimitError } from '@/db/errors'
import { MAX_RISKS_PER_WORKSPACE } from '@/domain/limits'
import { emptyAnswer } from '@/domain/clauseAnswer'
import { emptyDecision } from '@/domain/controlDecision'
import { assessmentDetailsOf, detailsOf, reportDetailsOf } from '@/domain/editableFields'
import { DEFAULT_RISK_CRITERIA, defaultCriteriaFor } from '@/domain/risk'
import type { Workspace } from '@/domain/model'
import { makeRisk } from '../domain/builders'

const T0 = '2026-11-01T10:00:00.000Z'
const T1 = '2026-11-01T10:01:00.000Z'
const T2 = '2026-11-01T10:02:00.000Z'
const Q = 'q-4.2-parties'

let workspace: Workspace
let counter = 0
beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  workspace = await createWorkspace('Two Tabs Ltd', T0, () => `ws-${++counter}`)
})

describe('answers saved from two tabs', () => {
  it('keeps the status and evidence of one tab and the note of the other', async () => {
    const empty = emptyAnswer(workspace.id, Q, T0)
    // A chooses "Partly"; B, which saw the same, starts typing a note.
    const a1 = await patchClauseAnswer(empty, { ...empty, status: 'partly', updatedAt: T1 })
    const seenByB = a1.record
    // A chooses "In place" and adds an evidence line; saved.
    const a2 = await patchClauseAnswer(a1.record, {
      ...a1.record,
      status: 'in-place',
      evidence: ['EVIDENCE-FROM-A'],
      updatedAt: T1,
    })
    expect(a2.conflicts).toEqual([])
    // B stops typing: its save carries the note only.
    const b = await patchClauseAnswer(seenByB, { ...seenByB, note: 'Note from B', updatedAt: T2 })
    expect(b.conflicts).toEqual([])
    const stored = await db.clauseAnswers.get([workspace.id, Q])
    expect(stored).toMatchObject({
      status: 'in-place',
      evidence: ['EVIDENCE-FROM-A'],
      note: 'Note from B',
      updatedAt: T2,
    })
    expect(b.record).toEqual(stored)
  })

  it('lets the later note win and reports the earlier one', async () => {
    const empty = emptyAnswer(workspace.id, Q, T0)
    await patchClauseAnswer(empty, { ...empty, note: 'from A', updatedAt: T1 })
    const b = await patchClauseAnswer(empty, { ...empty, note: 'from B', updatedAt: T2 })
    expect(b.conflicts).toEqual([{ field: 'note', theirs: 'from A', yours: 'from B' }])
    expect((await db.clauseAnswers.get([workspace.id, Q]))?.note).toBe('from B')
  })
})

describe('control decisions saved from two tabs', () => {
  it('keeps a justification typed in one tab when the other saves the owner', async () => {
    const seen = {
      ...emptyDecision(workspace.id, '7.4', T0),
      applicability: 'excluded' as const,
      justification: 'No premises of our own to monitor.',
    }
    await db.controlDecisions.put(seen)
    await patchControlDecision(seen, {
      ...seen,
      justification: 'We have no premises: all staff work from home; the office is a mail address.',
      updatedAt: T1,
    })
    const other = await patchControlDecision(seen, { ...seen, owner: 'CEO', updatedAt: T2 })
    expect(other.conflicts).toEqual([])
    expect(await db.controlDecisions.get([workspace.id, '7.4'])).toMatchObject({
      owner: 'CEO',
      justification: 'We have no premises: all staff work from home; the office is a mail address.',
    })
  })

  it('writes the editor’s whole decision when the merge would break a rule', async () => {
    const seen = {
      ...emptyDecision(workspace.id, '7.4', T0),
      applicability: 'applicable' as const,
      reasons: ['business-need' as const],
      justification: 'We monitor the office.',
    }
    await db.controlDecisions.put(seen)
    // One tab clears the justification (fine while applicable)…
    await patchControlDecision(seen, { ...seen, justification: '', updatedAt: T1 })
    // …the other, which still sees it, excludes the control: merged, the exclusion would have
    // no justification. Its own decision (with the justification) is written whole instead.
    const excluded = { ...seen, applicability: 'excluded' as const, reasons: [], updatedAt: T2 }
    const result = await patchControlDecision(seen, excluded)
    expect(result.record).toMatchObject({
      applicability: 'excluded',
      justification: 'We monitor the office.',
    })
    expect(result.conflicts.map((c) => c.field)).toEqual(['justification'])
  })
})

describe('risks saved from two tabs', () => {
  const risk = () => makeRisk('r-1', { workspaceId: workspace.id, owner: '', controlIds: [] })

  it('merges different fields and never brings back a deleted risk', async () => {
    const seen = risk()
    await addRisk(seen)
    await patchRisk(seen, { ...seen, owner: 'Ana', updatedAt: T1 })
    const b = await patchRisk(seen, { ...seen, title: 'Laptop theft', updatedAt: T2 })
    expect(b.record).toMatchObject({ owner: 'Ana', title: 'Laptop theft' })
    await db.risks.delete('r-1')
    await expect(patchRisk(seen, { ...seen, title: 'Again' })).rejects.toBeInstanceOf(
      RiskNotFoundError,
    )
    expect(await db.risks.count()).toBe(0)
  })

  it('refuses a rating off the scale another tab chose meanwhile, and writes nothing', async () => {
    const seen = risk()
    await addRisk(seen)
    await saveRiskCriteria(workspace.id, DEFAULT_RISK_CRITERIA, defaultCriteriaFor(3), T1)
    const rescaled = await db.risks.get('r-1')
    await expect(patchRisk(seen, { ...seen, likelihood: 5, updatedAt: T2 })).rejects.toBeInstanceOf(
      RiskOffScaleError,
    )
    expect(await db.risks.get('r-1')).toEqual(rescaled)
  })

  it('links a control on the risk as stored, keeping a link made in another tab', async () => {
    await addRisk(risk())
    await linkControl(workspace.id, 'r-1', '5.15', true, T1)
    await linkControl(workspace.id, 'r-1', '8.5', true, T2)
    expect((await db.risks.get('r-1'))?.controlIds).toEqual(['5.15', '8.5'])
    await linkControl(workspace.id, 'r-1', '5.15', false, T2)
    expect((await db.risks.get('r-1'))?.controlIds).toEqual(['8.5'])
  })

  it('rescales the risks as stored, with an edit another tab made meanwhile', async () => {
    await addRisk(risk())
    await patchRisk(risk(), { ...risk(), owner: 'Ana', likelihood: 5, impact: 5, updatedAt: T1 })
    await saveRiskCriteria(workspace.id, DEFAULT_RISK_CRITERIA, defaultCriteriaFor(3), T2)
    expect(await db.risks.get('r-1')).toMatchObject({ owner: 'Ana', likelihood: 3, impact: 3 })
  })
})

describe('assessment details saved from two tabs', () => {
  it('keeps the scope typed in one tab when the other saves the assessor', async () => {
    const seen = detailsOf(workspace)
    await patchWorkspaceDetails(workspace.id, seen, { ...seen, scopeStatement: 'All of it' }, T1)
    const b = await patchWorkspaceDetails(workspace.id, seen, { ...seen, assessor: 'Eva' }, T2)
    expect(b.conflicts).toEqual([])
    expect(await db.workspaces.get(workspace.id)).toMatchObject({
      scopeStatement: 'All of it',
      assessor: 'Eva',
      updatedAt: T2,
    })
  })
})

describe('report details saved from two tabs', () => {
  it('keeps the summary typed in one tab when the other saves the SoA approval', async () => {
    const seen = reportDetailsOf(workspace)
    const summary = 'Good foundations.\n\nThe risk treatment plan is missing.'
    await patchWorkspaceDetails(workspace.id, seen, { ...seen, consultantSummary: summary }, T1)
    const approval = { soaApprover: 'Dr. Brandt', soaApprovedOn: '2026-11-30' }
    const b = await patchWorkspaceDetails(workspace.id, seen, { ...seen, ...approval }, T2)
    expect(b.conflicts).toEqual([])
    expect(b.record).toStrictEqual({ ...seen, consultantSummary: summary, ...approval })
    expect(await db.workspaces.get(workspace.id)).toMatchObject({
      consultantSummary: summary,
      ...approval,
      updatedAt: T2,
    })
  })

  it('reports the summary another tab saved meanwhile, which this save replaced', async () => {
    const seen = reportDetailsOf(workspace)
    await patchWorkspaceDetails(workspace.id, seen, { ...seen, consultantSummary: 'Theirs' }, T1)
    const b = await patchWorkspaceDetails(
      workspace.id,
      seen,
      { ...seen, consultantSummary: 'Mine' },
      T2,
    )
    expect(b.conflicts).toEqual([{ field: 'consultantSummary', theirs: 'Theirs', yours: 'Mine' }])
    expect((await db.workspaces.get(workspace.id))?.consultantSummary).toBe('Mine')
  })

  it('leaves the assessment details alone, and the assessment details form leaves them', async () => {
    const report = reportDetailsOf(workspace)
    const assessment = assessmentDetailsOf(workspace)
    await patchWorkspaceDetails(workspace.id, assessment, { ...assessment, sector: 'Retail' }, T1)
    const saved = await patchWorkspaceDetails(
      workspace.id,
      report,
      { ...report, reportVersion: '1.0' },
      T2,
    )
    // Only the fields the form edits come back, and the other form's save is kept.
    expect(Object.keys(saved.record).sort()).toEqual(Object.keys(report).sort())
    const stored = await db.workspaces.get(workspace.id)
    expect(stored && detailsOf(stored)).toStrictEqual({
      ...detailsOf(workspace),
      sector: 'Retail',
      reportVersion: '1.0',
    })
  })
})

describe('the register limit', () => {
  it('refuses a risk beyond MAX_RISKS_PER_WORKSPACE and writes nothing', async () => {
    const rows = Array.from({ length: MAX_RISKS_PER_WORKSPACE }, (_, i) =>
      makeRisk(`r-${i}`, { workspaceId: workspace.id }),
    )
    await db.risks.bulkAdd(rows)
    const before = await db.workspaces.get(workspace.id)
    await expect(
      addRisk(makeRisk('one-too-many', { workspaceId: workspace.id, updatedAt: T2 })),
    ).rejects.toBeInstanceOf(RiskLimitError)
    expect(await db.risks.count()).toBe(MAX_RISKS_PER_WORKSPACE)
    expect(await db.workspaces.get(workspace.id)).toEqual(before)
  }, 60_000)
})

import { writeWhole } from '@/db/snapshotRows'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { CONTENT_VERSION, QUESTIONS } from '@/content'
import ReportExports from '@/components/results/ReportExports.vue'
import { downloadBlob } from '@/components/download'
import { db } from '@/db/database'
import { takeSnapshot } from '@/db/snapshotRepository'
import { createWorkspace } from '@/db/workspaceRepository'
import type { AnswerStatus, Workspace } from '@/domain/model'
import { useAssessmentStore } from '@/stores/assessment'
import { useCurrentWorkspaceStore } from '@/stores/currentWorkspace'
import { useRisksStore } from '@/stores/risks'
import { useSnapshotsStore } from '@/stores/snapshots'
import { useRegisterStore } from '@/stores/register'
import { MANDATORY_DOCUMENTS } from '@/content'
import { newRegisterEntry, registerEntryId } from '@/domain/register'

vi.mock('@/components/download', async (original) => ({
  ...(await original<typeof import('@/components/download')>()),
  downloadBlob: vi.fn(),
}))

const T0 = '2026-11-01T12:00:00.000Z'
const QUESTION = QUESTIONS[0]!

let workspace: Workspace
let counter = 0

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  setActivePinia(createPinia())
  vi.mocked(downloadBlob).mockClear()
  workspace = await createWorkspace('Acme Ltd', T0, () => `ws-${++counter}`)
})
enableAutoUnmount(afterEach)

function answer(status: AnswerStatus) {
  return db.clauseAnswers.put({
    workspaceId: workspace.id,
    questionId: QUESTION.id,
    status,
    note: '',
    evidence: [],
    action: null,
    contentVersion: CONTENT_VERSION,
    updatedAt: T0,
  })
}

/** The exports as the Report screen shows them, with the workspace's stores open. */
async function mountOpen() {
  const current = useCurrentWorkspaceStore()
  const stores = [current, useAssessmentStore(), useRisksStore(), useSnapshotsStore()]
  for (const store of [...stores, useRegisterStore()]) {
    store.open(workspace.id)
  }
  const Harness = defineComponent({
    setup: () => () =>
      current.workspace ? h(ReportExports, { workspace: current.workspace }) : null,
  })
  const wrapper = mount(Harness, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('.report__score').exists()).toBe(true))
  return wrapper
}

const changesSelect = (wrapper: VueWrapper) => wrapper.find('select#report-changes-since')
const buttons = (wrapper: VueWrapper) => wrapper.findAll('button').map((b) => b.text())

describe('ReportExports: changes since a snapshot', () => {
  it('offers the choice only once a snapshot with records exists, "No comparison" first', async () => {
    await answer('not-started')
    const wrapper = await mountOpen()
    expect(changesSelect(wrapper).exists()).toBe(false)

    // A snapshot that kept only its score cannot be compared with.
    await db.transaction('rw', db.snapshots, db.snapshotRecords, () =>
      writeWhole([
        {
          id: 'score-only',
          workspaceId: workspace.id,
          takenAt: '2026-10-01T12:00:00.000Z',
          label: 'Old score',
          verdict: { score: 10, band: 'not-ready', parts: null, blockers: [] },
          records: null,
          soaApproval: null,
        },
      ]),
    )
    await flushPromises()
    expect(changesSelect(wrapper).exists()).toBe(false)

    await takeSnapshot(workspace.id, 'Kick-off', '2026-11-03T12:00:00.000Z')
    await vi.waitFor(() => expect(changesSelect(wrapper).exists()).toBe(true))
    const select = changesSelect(wrapper)
    expect(wrapper.get('label[for="report-changes-since"]').text()).toBe('Include changes since')
    expect(select.findAll('option').map((o) => o.text())).toEqual([
      'No comparison',
      'Kick-off (2026-11-03)',
    ])
    expect((select.element as HTMLSelectElement).value).toBe('')
  })

  it('offers the changes CSV once a snapshot is chosen, and writes what changed since it', async () => {
    await answer('not-started')
    const snapshot = await takeSnapshot(workspace.id, 'Kick-off', '2026-11-03T12:00:00.000Z')
    await answer('in-place')
    const wrapper = await mountOpen()
    await vi.waitFor(() => expect(changesSelect(wrapper).exists()).toBe(true))
    expect(buttons(wrapper)).not.toContain('Download changes (CSV)')

    await changesSelect(wrapper).setValue(snapshot.id)
    expect(buttons(wrapper)).toContain('Download changes (CSV)')
    const csvButton = wrapper.findAll('button').find((b) => b.text() === 'Download changes (CSV)')
    await csvButton!.trigger('click')
    await vi.waitFor(() => expect(downloadBlob).toHaveBeenCalledOnce())
    const [name, file] = vi.mocked(downloadBlob).mock.calls[0]!
    expect(name).toMatch(/^changes-acme-ltd-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = await file.text()
    expect(csv).toContain('Group,Reference,Item,Before,After,Details')
    expect(csv).toContain(`Answer,Clause ${QUESTION.clause},`)
    expect(csv).toContain('Not started,In place')

    // The snapshot deleted, the choice and the CSV go with it.
    await db.snapshots.delete(snapshot.id)
    await vi.waitFor(() => expect(changesSelect(wrapper).exists()).toBe(false))
    expect(buttons(wrapper)).not.toContain('Download changes (CSV)')
  })
})

describe('ReportExports: the audit evidence checklist', () => {
  it('offers it as PDF, spreadsheet and CSV in a group of its own', async () => {
    const wrapper = await mountOpen()
    const group = wrapper.get('[role="group"][aria-labelledby="export-checklist-title"]')
    expect(group.get('h3').text()).toBe('Audit evidence checklist')
    expect(group.findAll('button').map((b) => b.text())).toEqual([
      'Download audit evidence checklist (PDF)',
      'Download audit evidence checklist (spreadsheet)',
      'Download audit evidence checklist (CSV)',
    ])
  })

  it('writes the CSV from the register as stored, and says it was downloaded', async () => {
    const scope = MANDATORY_DOCUMENTS[0]!
    const source = { kind: 'mandatory' as const, key: scope.key }
    await db.registerEntries.put({
      ...newRegisterEntry(
        registerEntryId(workspace.id, source),
        workspace.id,
        { source, title: scope.title, kind: scope.kind, explanation: '', ref: scope.clauseRef },
        T0,
      ),
      status: 'draft',
      version: '0.9',
      location: 'ISMS / Žižkov',
    })
    const wrapper = await mountOpen()
    const button = wrapper
      .findAll('button')
      .find((b) => b.text() === 'Download audit evidence checklist (CSV)')
    await button!.trigger('click')
    await vi.waitFor(() => expect(downloadBlob).toHaveBeenCalledOnce())
    const [name, file] = vi.mocked(downloadBlob).mock.calls[0]!
    expect(name).toMatch(/^evidence-checklist-acme-ltd-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = await file.text()
    expect(csv).toContain(
      'Reference,Title,Type,Status,What the auditor samples,Your evidence,Documents,Still missing',
    )
    expect(csv).toContain('Scope of the ISMS: Draft, version 0.9, kept at ISMS / Žižkov')
    await vi.waitFor(() =>
      expect(wrapper.find('[role="status"]').text()).toMatch(/^Downloaded evidence-checklist-/),
    )
  })
})

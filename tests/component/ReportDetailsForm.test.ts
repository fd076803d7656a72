import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ReportDetailsForm from '@/components/results/ReportDetailsForm.vue'
import { db } from '@/db/database'
import { createWorkspace, deleteWorkspace, patchWorkspaceDetails } from '@/db/workspaceRepository'
import { assessmentDetailsOf, reportDetailsOf, type ReportDetails } from '@/domain/editableFields'
import type { Workspace } from '@/domain/model'
import { useCurrentWorkspaceStore } from '@/stores/currentWorkspace'

const T0 = '2026-11-01T10:00:00.000Z'
const T1 = '2026-11-02T10:00:00.000Z'

const STORED: ReportDetails = {
  reportVersion: '1.0',
  confidentiality: 'Confidential — prepared for Acme’s management',
  consultantSummary: 'Good foundations.\n\nThe risk treatment plan is the main gap.',
  recommendations: '1. Approve the policy.\n2. Run the internal audit.',
  soaVersion: '0.3',
  soaOwner: 'Ana Lee',
  soaApprover: 'Dr. Ben Brandt',
  soaApprovedOn: '2026-11-30',
}

const LABELS: Record<keyof ReportDetails, string> = {
  reportVersion: 'Document version',
  confidentiality: 'Confidentiality line',
  consultantSummary: "Assessor's summary",
  recommendations: 'Recommendations',
  soaVersion: 'SoA version',
  soaOwner: 'SoA owner',
  soaApprover: 'Approved by',
  soaApprovedOn: 'Approval date',
}

let workspace: Workspace
let counter = 0

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  setActivePinia(createPinia())
  workspace = await createWorkspace('Acme Ltd', T0, () => `ws-${++counter}`)
})
enableAutoUnmount(afterEach)

/** The form as the report shows it: fed the open workspace, followed live from the database. */
async function mountOpen() {
  const current = useCurrentWorkspaceStore()
  current.open(workspace.id)
  const Harness = defineComponent({
    setup: () => () =>
      current.workspace ? h(ReportDetailsForm, { workspace: current.workspace }) : null,
  })
  const wrapper = mount(Harness, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h3').exists()).toBe(true))
  return wrapper
}

/** The input or textarea a label names, found as assistive technology would find it. */
function field(wrapper: VueWrapper, label: string) {
  const element = wrapper.findAll('label').find((l) => l.text() === label)
  if (!element) throw new Error(`no label "${label}"`)
  const id = element.attributes('for')
  return wrapper.get<HTMLInputElement | HTMLTextAreaElement>(`[id="${id}"]`)
}

async function stored(): Promise<Workspace | undefined> {
  return db.workspaces.get(workspace.id)
}

describe('ReportDetailsForm', () => {
  it('shows the stored report details, each in its labelled field', async () => {
    await patchWorkspaceDetails(workspace.id, reportDetailsOf(workspace), STORED, T1)
    const wrapper = await mountOpen()
    await vi.waitFor(() => expect(field(wrapper, 'Document version').element.value).toBe('1.0'))
    for (const [key, label] of Object.entries(LABELS)) {
      expect(field(wrapper, label).element.value, label).toBe(STORED[key as keyof ReportDetails])
    }
    expect(wrapper.get('h3').text()).toBe('Report details')
    expect(wrapper.findAll('legend').map((l) => l.text())).toEqual([
      'Gap report',
      'Statement of Applicability',
    ])
  })

  it('saves the summary typed into it, paragraphs and all, to the database', async () => {
    const wrapper = await mountOpen()
    const summary = field(wrapper, "Assessor's summary")
    expect(summary.element.tagName).toBe('TEXTAREA')
    const typed = 'Acme has good foundations.\n\nThe internal audit is the main gap. '
    await summary.setValue(typed)
    await vi.waitFor(async () => expect((await stored())?.consultantSummary).toBe(typed.trim()))
    await vi.waitFor(() => expect(wrapper.get('.save-indicator').text()).toContain('Saved'))
    // Nothing else of the workspace was changed.
    const after = await stored()
    expect(after && assessmentDetailsOf(after)).toStrictEqual(assessmentDetailsOf(workspace))
    expect(after && reportDetailsOf(after)).toStrictEqual({
      ...reportDetailsOf(workspace),
      consultantSummary: typed.trim(),
    })
    // The text on screen is what the user typed.
    expect(summary.element.value).toBe(typed)
  })

  it('saves the SoA names cleaned, and the approval date as a calendar date or none', async () => {
    const wrapper = await mountOpen()
    await field(wrapper, 'Approved by').setValue('  Dr.\tBen Brandt ')
    await field(wrapper, 'Approval date').setValue('2026-11-30')
    await field(wrapper, 'Approval date').trigger('change')
    await field(wrapper, 'Approval date').trigger('blur')
    await vi.waitFor(async () =>
      expect(await stored()).toMatchObject({
        soaApprover: 'Dr. Ben Brandt',
        soaApprovedOn: '2026-11-30',
      }),
    )
    await field(wrapper, 'Approval date').setValue('')
    await field(wrapper, 'Approval date').trigger('change')
    await vi.waitFor(async () => expect((await stored())?.soaApprovedOn).toBeNull())
  })

  it('flushes on leaving a field, without waiting for the pause in typing', async () => {
    const wrapper = await mountOpen()
    await field(wrapper, 'Document version').setValue('2.1')
    await field(wrapper, 'Document version').trigger('blur')
    await flushPromises()
    await vi.waitFor(async () => expect((await stored())?.reportVersion).toBe('2.1'))
  })

  it('shows what another tab saved, and says which field moved', async () => {
    const wrapper = await mountOpen()
    const seen = reportDetailsOf(workspace)
    await patchWorkspaceDetails(workspace.id, seen, { ...seen, soaOwner: 'Eva Stone' }, T1)
    await vi.waitFor(() => expect(field(wrapper, 'SoA owner').element.value).toBe('Eva Stone'))
    expect(wrapper.text()).toContain('Updated from another tab: SoA owner.')
  })

  it('keeps what was typed and says why when the save fails', async () => {
    const current = useCurrentWorkspaceStore()
    current.open(workspace.id)
    const wrapper = mount(ReportDetailsForm, { props: { workspace }, attachTo: document.body })
    await deleteWorkspace(workspace.id)
    await field(wrapper, 'Recommendations').setValue('Approve the policy.')
    await field(wrapper, 'Recommendations').trigger('blur')
    await vi.waitFor(() =>
      expect(wrapper.get('.save-indicator').text()).toContain(
        'Not saved: this assessment no longer exists on this device.',
      ),
    )
    expect(field(wrapper, 'Recommendations').element.value).toBe('Approve the policy.')
  })

  it('labels every field and ties each to the words that describe it', async () => {
    const wrapper = await mountOpen()
    const controls = wrapper.findAll('input, textarea')
    expect(controls).toHaveLength(8)
    for (const control of controls) {
      const id = control.attributes('id')
      expect(wrapper.find(`label[for="${id}"]`).exists(), id).toBe(true)
      const described = control.attributes('aria-describedby')?.split(' ') ?? []
      expect(described.length, id).toBeGreaterThan(0)
      for (const hint of described) {
        expect(wrapper.find(`[id="${hint}"]`).text(), hint).not.toBe('')
      }
    }
    expect(field(wrapper, 'Approval date').attributes('type')).toBe('date')
    expect(field(wrapper, 'Recommendations').element.tagName).toBe('TEXTAREA')
    const summaryHints = field(wrapper, "Assessor's summary").attributes('aria-describedby')
    expect(summaryHints).toMatch(/-gap-hint /)
    const ownHint = summaryHints?.split(' ')[1] ?? ''
    expect(wrapper.find(`[id="${ownHint}"]`).text()).toMatch(/empty line starts a new paragraph/)
    expect(field(wrapper, 'Approved by').attributes('aria-describedby')).toMatch(/-soa-hint$/)
  })
})

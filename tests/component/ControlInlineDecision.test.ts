import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ControlInlineDecision from '@/components/annex-a/ControlInlineDecision.vue'
import ControlDecisionEditor from '@/components/annex-a/ControlDecisionEditor.vue'
import { CONTENT_VERSION, controlById, type AnnexAControl } from '@/content'
import { IMPLEMENTATION_STATUSES } from '@/domain/controlDecision'
import type { DecisionChoiceMemories } from '@/composables/useControlDecisionDraft'
import type { ControlDecision } from '@/domain/model'

const WORKSPACE_ID = 'ws-inline'

function control(id: string): AnnexAControl {
  const found = controlById(id)
  if (!found) throw new Error(`No control ${id}`)
  return found
}
const perimeters = control('7.1')

function storedDecision(overrides: Partial<ControlDecision> = {}): ControlDecision {
  return {
    workspaceId: WORKSPACE_ID,
    controlId: perimeters.id,
    applicability: 'applicable',
    provider: 'in-house',
    supplierName: '',
    reasons: ['risk-assessment'],
    justification: 'Office with a server room',
    implementationStatus: 'planned',
    owner: 'Office manager',
    evidence: [],
    contentVersion: CONTENT_VERSION,
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  }
}

/** A save that stores what it is given, as the store's field merge does with no other writer. */
function fakeStore(initial?: ControlDecision) {
  const state = { stored: initial }
  const save = vi.fn(async (_baseline: ControlDecision, next: ControlDecision) => {
    state.stored = next
    return { ok: true as const, value: { record: next, conflicts: [] } }
  })
  return { state, save }
}

function mountRow(
  options: {
    decision?: ControlDecision
    memories?: DecisionChoiceMemories
    store?: ReturnType<typeof fakeStore>
  } = {},
) {
  const store = options.store ?? fakeStore(options.decision)
  const wrapper = mount(ControlInlineDecision, {
    props: {
      control: perimeters,
      workspaceId: WORKSPACE_ID,
      decision: store.state.stored,
      save: store.save,
      memories: options.memories,
    },
  })
  return { wrapper, ...store }
}

const radio = (wrapper: VueWrapper, label: 'Applicable' | 'Excluded') => {
  const found = wrapper
    .findAll<HTMLInputElement>('input[type="radio"]')
    .find((input) => input.element.closest('label')?.textContent?.trim() === label)
  if (!found) throw new Error(`No radio ${label}`)
  return found
}
const statusSelect = (wrapper: VueWrapper) => {
  const label = wrapper
    .findAll('label[for]')
    .find((l) => l.text() === 'Implementation status for A.7.1')
  return label ? wrapper.find<HTMLSelectElement>(`[id="${label.attributes('for')}"]`) : null
}
const needed = (wrapper: VueWrapper) =>
  wrapper.find('button[aria-label="Justification needed for A.7.1"]')
const lastSaved = (save: ReturnType<typeof fakeStore>['save']) => save.mock.calls.at(-1)?.[1]

enableAutoUnmount(afterEach)
beforeEach(() => {
  setActivePinia(createPinia())
})

describe('ControlInlineDecision applicable', () => {
  it('names its choices with the control id, for screen readers', () => {
    const { wrapper } = mountRow()
    expect(wrapper.get('fieldset legend').text()).toBe('Decision for A.7.1')
    expect(radio(wrapper, 'Applicable').element.checked).toBe(false)
    expect(radio(wrapper, 'Excluded').element.checked).toBe(false)
    expect(statusSelect(wrapper)).toBeNull()
  })

  it('records "Applicable" at once, then the status chosen in the select that appears', async () => {
    const { wrapper, save } = mountRow()
    await radio(wrapper, 'Applicable').setValue(true)
    await flushPromises()
    expect(save).toHaveBeenCalledTimes(1)
    expect(lastSaved(save)).toMatchObject({ applicability: 'applicable', controlId: '7.1' })

    const select = statusSelect(wrapper)
    expect(select?.findAll('option').map((o) => o.text())).toEqual(
      IMPLEMENTATION_STATUSES.map((s) => s.label),
    )
    await wrapper.setProps({ decision: lastSaved(save) })
    await select?.setValue('implemented')
    await flushPromises()
    expect(save).toHaveBeenCalledTimes(2)
    // Field by field: the second save's baseline is the record the first one stored.
    const [baseline, next] = save.mock.calls[1] ?? []
    expect(baseline).toMatchObject({
      applicability: 'applicable',
      implementationStatus: 'not-implemented',
    })
    expect(next).toMatchObject({ applicability: 'applicable', implementationStatus: 'implemented' })
  })

  it('keeps what the full editor wrote: owner, reasons and justification stay', async () => {
    const { wrapper, save } = mountRow({ decision: storedDecision() })
    await statusSelect(wrapper)?.setValue('partly')
    await flushPromises()
    expect(lastSaved(save)).toMatchObject({
      implementationStatus: 'partly',
      owner: 'Office manager',
      reasons: ['risk-assessment'],
      justification: 'Office with a server room',
    })
  })
})

describe('ControlInlineDecision exclusion', () => {
  it('does not record an exclusion without a justification, and says one is needed', async () => {
    const { wrapper, save } = mountRow()
    await radio(wrapper, 'Excluded').setValue(true)
    await flushPromises()
    expect(save).not.toHaveBeenCalled()
    expect(needed(wrapper).text()).toContain('Justification needed')
    expect(wrapper.text()).toContain('Not saved until it is written.')
    await needed(wrapper).trigger('click')
    expect(wrapper.emitted('complete')).toEqual([['justification']])
  })

  it('says a stored exclusion without a justification still needs one', () => {
    const { wrapper } = mountRow({
      decision: storedDecision({ applicability: 'excluded', justification: '', reasons: [] }),
    })
    expect(needed(wrapper).exists()).toBe(true)
    expect(wrapper.text()).toContain('The verdict counts it as a finding.')
  })

  it('sets aside the text written for applying it, and gives it back on a flip back', async () => {
    const { wrapper, save } = mountRow({ decision: storedDecision() })
    await radio(wrapper, 'Excluded').setValue(true)
    await flushPromises()
    // The reason for applying it is not a reason for excluding it: nothing is recorded.
    expect(save).not.toHaveBeenCalled()
    expect(needed(wrapper).exists()).toBe(true)

    await radio(wrapper, 'Applicable').setValue(true)
    await flushPromises()
    expect(needed(wrapper).exists()).toBe(false)
    expect(save.mock.calls.every(([, next]) => next.applicability === 'applicable')).toBe(true)
    expect(lastSaved(save)).toMatchObject({
      justification: 'Office with a server room',
      reasons: ['risk-assessment'],
    })
  })

  it('flips an exclusion to applicable without its text, and back with it', async () => {
    const { wrapper, save } = mountRow({
      decision: storedDecision({
        applicability: 'excluded',
        justification: 'No premises',
        reasons: [],
      }),
    })
    await radio(wrapper, 'Applicable').setValue(true)
    await flushPromises()
    expect(lastSaved(save)).toMatchObject({ applicability: 'applicable', justification: '' })
    await wrapper.setProps({ decision: lastSaved(save) })
    await radio(wrapper, 'Excluded').setValue(true)
    await flushPromises()
    expect(lastSaved(save)).toMatchObject({
      applicability: 'excluded',
      justification: 'No premises',
    })
    expect(needed(wrapper).exists()).toBe(false)
  })
})

describe('ControlInlineDecision and the full editor', () => {
  it('shows in the editor the decision and status chosen on the row', async () => {
    const store = fakeStore()
    const { wrapper } = mountRow({ store })
    await radio(wrapper, 'Applicable').setValue(true)
    await flushPromises()
    await wrapper.setProps({ decision: store.state.stored })
    await statusSelect(wrapper)?.setValue('implemented')
    await flushPromises()
    wrapper.unmount()

    const editor = mount(ControlDecisionEditor, {
      props: {
        control: perimeters,
        workspaceId: WORKSPACE_ID,
        decision: store.state.stored,
        save: store.save,
      },
    })
    const checked = editor
      .findAll<HTMLInputElement>('input[type="radio"]')
      .filter((i) => i.element.checked)
      .map((i) => i.element.closest('label')?.textContent?.trim())
    expect(checked).toEqual(['Applicable', 'We run it ourselves', 'Implemented'])
  })

  it('opens the editor on an exclusion made on the row, with the cursor in the justification', async () => {
    const memories: DecisionChoiceMemories = new Map()
    const store = fakeStore(storedDecision())
    const { wrapper } = mountRow({ store, memories })
    await radio(wrapper, 'Excluded').setValue(true)
    wrapper.unmount()

    const editor = mount(ControlDecisionEditor, {
      props: {
        control: perimeters,
        workspaceId: WORKSPACE_ID,
        decision: store.state.stored,
        save: store.save,
        memories,
        focusJustification: true,
      },
      attachTo: document.body,
    })
    const justification = editor.get<HTMLTextAreaElement>('textarea')
    expect(document.activeElement).toBe(justification.element)
    expect(justification.element.value).toBe('')
    expect(editor.get('.set-aside').text()).toContain('“Office with a server room”')
    expect(editor.get('[role="alert"]').text()).toContain('Write why this control is excluded')

    await justification.setValue('No offices of our own; everyone works from home')
    await justification.trigger('blur')
    await flushPromises()
    expect(lastSaved(store.save)).toMatchObject({
      applicability: 'excluded',
      reasons: [],
      justification: 'No offices of our own; everyone works from home',
    })
    editor.unmount()
  })
})

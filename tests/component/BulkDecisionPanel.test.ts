import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { enableAutoUnmount, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import BulkDecisionPanel from '@/components/annex-a/BulkDecisionPanel.vue'
import {
  ANNEX_A_CONTROLS,
  HOME_WORKING_CONTROLS,
  homeWorkingReason,
  nonExcludableReason,
  type ControlId,
} from '@/content'
import type { BulkChange } from '@/domain/controlDecision'
import type { ControlDecision } from '@/domain/model'
import { makeDecision } from '../unit/domain/builders'

const PHYSICAL: readonly ControlId[] = ANNEX_A_CONTROLS.filter((c) => c.theme === 'Physical').map(
  (c) => c.id,
)

function mountPanel(
  options: { selected?: readonly ControlId[]; decisions?: readonly ControlDecision[] } = {},
) {
  const apply = vi.fn(async (_changes: readonly BulkChange[]): Promise<string | null> => null)
  const wrapper = mount(BulkDecisionPanel, {
    props: {
      workspaceId: 'ws-results',
      selected: options.selected ?? PHYSICAL,
      decisions: new Map((options.decisions ?? []).map((d) => [d.controlId, d])),
      apply,
    },
  })
  return { wrapper, apply }
}

function labelText(input: DOMWrapper<Element>): string {
  return (input.element.closest('label')?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

function choice(wrapper: VueWrapper, label: string) {
  const found = wrapper
    .findAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')
    .find((input) => labelText(input) === label)
  if (!found) throw new Error(`No choice labelled ${label}`)
  return found
}

const justification = (wrapper: VueWrapper) => wrapper.get('textarea')
const applyButton = (wrapper: VueWrapper) => {
  const found = wrapper.findAll('button').find((b) => b.text().startsWith('Apply to'))
  if (!found) throw new Error('No apply button')
  return found
}
/** The text that says why the apply button does nothing (its accessible description). */
const whyBlocked = (wrapper: VueWrapper) => {
  const described = applyButton(wrapper).attributes('aria-describedby')
  return described ? wrapper.get(`[id="${described}"]`).text() : null
}
const notes = (wrapper: VueWrapper) => wrapper.findAll('[role="note"]').map((n) => n.text())

enableAutoUnmount(afterEach)

describe('BulkDecisionPanel defaults', () => {
  it('starts with no decision chosen and says a decision is missing', () => {
    const { wrapper } = mountPanel()
    expect(choice(wrapper, 'Applicable').element.checked).toBe(false)
    expect(choice(wrapper, 'Excluded').element.checked).toBe(false)
    expect(applyButton(wrapper).text()).toBe(`Apply to ${PHYSICAL.length} controls`)
    expect(applyButton(wrapper).attributes('disabled')).toBeDefined()
    expect(whyBlocked(wrapper)).toBe('To apply: Choose a decision: Applicable or Excluded.')
  })

  it('is ready to apply to every selected control once "Applicable" is chosen', async () => {
    const { wrapper } = mountPanel()
    await choice(wrapper, 'Applicable').setValue(true)
    expect(applyButton(wrapper).text()).toBe(`Apply to ${PHYSICAL.length} controls`)
    expect(applyButton(wrapper).attributes('disabled')).toBeUndefined()
    expect(whyBlocked(wrapper)).toBeNull()
  })

  it('says every missing step at once: a control to select and a decision to choose', () => {
    const { wrapper } = mountPanel({ selected: [] })
    expect(applyButton(wrapper).attributes('disabled')).toBeDefined()
    expect(whyBlocked(wrapper)).toBe(
      'To apply: Select at least one control in the list. Choose a decision: Applicable or Excluded.',
    )
  })

  it('says next to the button when the selected controls already have the decision', async () => {
    const { wrapper } = mountPanel({
      selected: ['5.1'],
      decisions: [makeDecision('5.1', { applicability: 'applicable' })],
    })
    await choice(wrapper, 'Applicable').setValue(true)
    expect(applyButton(wrapper).attributes('disabled')).toBeDefined()
    expect(whyBlocked(wrapper)).toBe('To apply: The selected controls already have this decision.')
  })

  it('says next to the button that an exclusion needs a justification', async () => {
    const { wrapper } = mountPanel()
    await choice(wrapper, 'Excluded').setValue(true)
    expect(applyButton(wrapper).text()).toBe(`Apply to ${PHYSICAL.length} controls`)
    expect(applyButton(wrapper).attributes('disabled')).toBeDefined()
    expect(whyBlocked(wrapper)).toBe(
      'To apply: Write a justification: an exclusion is only recorded with one.',
    )
    await justification(wrapper).setValue('No offices or server rooms of our own')
    expect(applyButton(wrapper).attributes('disabled')).toBeUndefined()
    expect(whyBlocked(wrapper)).toBeNull()
  })

  it('applies nothing while no decision is chosen', async () => {
    const { wrapper, apply } = mountPanel()
    await justification(wrapper).setValue('No offices or server rooms of our own')
    await applyButton(wrapper).trigger('click')
    expect(apply).not.toHaveBeenCalled()
  })
})

describe('BulkDecisionPanel exclusion warnings', () => {
  it('lists the physical controls that still apply to home working, with their reasons', async () => {
    const { wrapper } = mountPanel()
    expect(notes(wrapper)).toEqual([])
    await choice(wrapper, 'Excluded').setValue(true)

    const [note, ...others] = notes(wrapper)
    expect(others).toEqual([])
    expect(note).toContain('These controls still apply to home working')
    for (const { id } of HOME_WORKING_CONTROLS) {
      expect(note).toContain(id)
      expect(note).toContain(homeWorkingReason(id))
    }
    expect(note).not.toContain('7.1 ')
  })

  it('warns more strongly about controls no auditor accepts as excluded, with their reasons', async () => {
    const { wrapper } = mountPanel({ selected: ['5.1', '7.1', '7.7', '8.7'] })
    await choice(wrapper, 'Excluded').setValue(true)

    const nonExcludable = wrapper.get('[role="note"][data-kind="non-excludable"]').text()
    expect(nonExcludable).toContain('An auditor will not accept excluding these controls')
    expect(nonExcludable).toContain(nonExcludableReason('5.1'))
    expect(nonExcludable).toContain(nonExcludableReason('8.7'))
    expect(nonExcludable).not.toContain('7.7')
    const homeWorking = wrapper.get('[role="note"][data-kind="home-working"]').text()
    expect(homeWorking).toContain('This control still applies to home working')
    expect(homeWorking).toContain(homeWorkingReason('7.7'))
  })

  it('warns about nothing when the shared decision is "Applicable"', async () => {
    const { wrapper } = mountPanel({ selected: ['5.1', '7.7'] })
    expect(notes(wrapper)).toEqual([])
    await choice(wrapper, 'Applicable').setValue(true)
    expect(notes(wrapper)).toEqual([])
    await choice(wrapper, 'Excluded').setValue(true)
    expect(notes(wrapper)).toHaveLength(2)
    await choice(wrapper, 'Applicable').setValue(true)
    expect(notes(wrapper)).toEqual([])
  })

  it('does not block applying the exclusion', async () => {
    const { wrapper, apply } = mountPanel({ selected: ['5.1', '7.7'] })
    await choice(wrapper, 'Excluded').setValue(true)
    await justification(wrapper).setValue('We are a holding company with no staff')
    await applyButton(wrapper).trigger('click')
    await nextTick()
    expect(apply).toHaveBeenCalledTimes(1)
    const changes = apply.mock.calls[0]?.[0] ?? []
    expect(changes.map((c) => [c.controlId, c.after.applicability])).toEqual([
      ['5.1', 'excluded'],
      ['7.7', 'excluded'],
    ])
  })
})

describe('BulkDecisionPanel reasons', () => {
  it('clears the reasons ticked for "Applicable" when the decision becomes "Excluded"', async () => {
    const { wrapper, apply } = mountPanel({ selected: ['7.1', '7.2'] })
    await choice(wrapper, 'Risk assessment').setValue(true)
    await choice(wrapper, 'Contractual obligation').setValue(true)
    await choice(wrapper, 'Excluded').setValue(true)
    expect(choice(wrapper, 'Risk assessment').element.checked).toBe(false)
    expect(choice(wrapper, 'Contractual obligation').element.checked).toBe(false)

    await justification(wrapper).setValue('No offices or server rooms of our own')
    await applyButton(wrapper).trigger('click')
    await nextTick()
    const changes = apply.mock.calls[0]?.[0] ?? []
    expect(changes.map((c) => c.after.reasons)).toEqual([[], []])
    expect(changes.map((c) => c.after.justification)).toEqual([
      'No offices or server rooms of our own',
      'No offices or server rooms of our own',
    ])
  })

  it('gives the reasons back when the decision returns to "Applicable"', async () => {
    const { wrapper } = mountPanel({ selected: ['7.1'] })
    await choice(wrapper, 'Business need').setValue(true)
    await choice(wrapper, 'Excluded').setValue(true)
    await choice(wrapper, 'Applicable').setValue(true)
    expect(choice(wrapper, 'Business need').element.checked).toBe(true)
  })
})

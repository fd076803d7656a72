import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { enableAutoUnmount, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import ControlDecisionEditor from '@/components/annex-a/ControlDecisionEditor.vue'
import {
  ANNEX_A_CONTROLS,
  CONTENT_VERSION,
  controlById,
  homeWorkingReason,
  nonExcludableReason,
  type AnnexAControl,
} from '@/content'
import type { ControlDecision } from '@/domain/model'

type SaveResult =
  { ok: true; value: { record: ControlDecision; conflicts: [] } } | { ok: false; error: string }
type Save = (baseline: ControlDecision, next: ControlDecision) => Promise<SaveResult>
/** What a field-level save resolves to when nothing else changed the record. */
const stored = (record: ControlDecision): SaveResult => ({
  ok: true,
  value: { record, conflicts: [] },
})

const WORKSPACE_ID = 'ws-1'

function control(id: string): AnnexAControl {
  const found = controlById(id)
  if (!found) throw new Error(`No control ${id}`)
  return found
}

/** 7.1 has exclusion reasons auditors accept; 5.1 cannot be excluded; 7.7 applies at home. */
const physicalPerimeters = control('7.1')
const policies = control('5.1')
const clearDesk = control('7.7')
/** A control with no ready-made exclusion reason that can still be argued to be excludable. */
const hardToExclude = ANNEX_A_CONTROLS.find(
  (c) => c.exclusionReasons.length === 0 && nonExcludableReason(c.id) === null,
)

function storedDecision(overrides: Partial<ControlDecision> = {}): ControlDecision {
  return {
    workspaceId: WORKSPACE_ID,
    controlId: physicalPerimeters.id,
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

function mountEditor(
  options: {
    control?: AnnexAControl
    decision?: ControlDecision
    save?: Save
    attach?: boolean
  } = {},
) {
  const save = vi.fn(
    options.save ?? (async (_baseline: ControlDecision, next: ControlDecision) => stored(next)),
  )
  const wrapper = mount(ControlDecisionEditor, {
    props: {
      control: options.control ?? physicalPerimeters,
      workspaceId: WORKSPACE_ID,
      decision: options.decision,
      save,
    },
    ...(options.attach ? { attachTo: document.body } : {}),
  })
  return { wrapper, save }
}

async function settle() {
  await vi.advanceTimersByTimeAsync(0)
  await nextTick()
}

function labelText(input: DOMWrapper<Element>): string {
  return (input.element.closest('label')?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** A radio or checkbox found by the text of the label wrapping it. */
function choice(wrapper: VueWrapper, label: string) {
  const found = wrapper
    .findAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')
    .find((input) => labelText(input) === label)
  if (!found) throw new Error(`No choice labelled ${label}`)
  return found
}

function hasChoice(wrapper: VueWrapper, label: string): boolean {
  return wrapper.findAll('input').some((input) => labelText(input) === label)
}

/** A text field found by its <label for>, matched on the start of the label text. */
function field(wrapper: VueWrapper, label: string) {
  const labelEl = wrapper
    .findAll('label[for]')
    .find((l) => l.text().replace(/\s+/g, ' ').startsWith(label))
  const id = labelEl?.attributes('for')
  if (!id) throw new Error(`No field labelled ${label}`)
  return wrapper.get<HTMLTextAreaElement | HTMLInputElement>(`[id="${id}"]`)
}

function button(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('button').find((b) => b.text() === name)
  if (!found) throw new Error(`No button ${name}`)
  return found
}

const lastSaved = (save: ReturnType<typeof mountEditor>['save']) => save.mock.calls.at(-1)?.[1]

const IMPLEMENTATION_LABELS = ['Not implemented', 'Planned', 'Partly implemented', 'Implemented']

enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-11-05T09:00:00.000Z'))
})

afterEach(() => {
  vi.useRealTimers()
})

describe('ControlDecisionEditor exclusion', () => {
  it('never saves a justification the user deleted before it was written', async () => {
    const { wrapper, save } = mountEditor()
    await choice(wrapper, 'Excluded').setValue(true)
    await settle()
    await field(wrapper, 'Justification').setValue('x')
    await field(wrapper, 'Justification').setValue('')
    await vi.advanceTimersByTimeAsync(1000)
    await nextTick()
    expect(save).not.toHaveBeenCalled()
    expect(wrapper.get('[role="alert"]').text()).toContain('Write why this control is excluded')
  })

  it('never saves a supplier name the user deleted before it was written', async () => {
    const { wrapper, save } = mountEditor({ decision: storedDecision() })
    await choice(wrapper, 'A supplier provides it').setValue(true)
    await settle()
    save.mockClear()
    await field(wrapper, 'Supplier name').setValue('Acme Cloud')
    await field(wrapper, 'Supplier name').setValue('')
    await vi.advanceTimersByTimeAsync(1000)
    await nextTick()
    expect(save).not.toHaveBeenCalled()
  })

  it('stores pasted tabs in a name as one space, as a backup accepts it', async () => {
    const { wrapper, save } = mountEditor({ decision: storedDecision() })
    await choice(wrapper, 'A supplier provides it').setValue(true)
    await settle()
    await field(wrapper, 'Supplier name').setValue('Acme\t\tCloud GmbH ')
    await vi.advanceTimersByTimeAsync(1000)
    await settle()
    expect(lastSaved(save)?.supplierName).toBe('Acme Cloud GmbH')
  })

  it('does not record an exclusion without a justification', async () => {
    const { wrapper, save } = mountEditor({ attach: true })
    await choice(wrapper, 'Excluded').setValue(true)
    await settle()

    expect(save).not.toHaveBeenCalled()
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain('Write why this control is excluded')
    const justification = field(wrapper, 'Justification')
    expect(justification.attributes('aria-invalid')).toBe('true')
    expect(justification.attributes('aria-describedby')).toBe(alert.attributes('id'))
    expect(document.activeElement).toBe(justification.element)
    expect(wrapper.get('[role="status"]').text()).toContain('Not saved yet')
  })

  it('does not record an exclusion whose justification is only spaces', async () => {
    const { wrapper, save } = mountEditor()
    await choice(wrapper, 'Excluded').setValue(true)
    await field(wrapper, 'Justification').setValue('   \n  ')
    await field(wrapper, 'Justification').trigger('blur')
    await vi.advanceTimersByTimeAsync(1000)
    expect(save).not.toHaveBeenCalled()
    expect(wrapper.get('[role="alert"]').text()).toContain('Write why this control is excluded')
  })

  it('records the exclusion once a justification is typed, trimmed', async () => {
    const { wrapper, save } = mountEditor()
    await choice(wrapper, 'Excluded').setValue(true)
    await field(wrapper, 'Justification').setValue('  Fully remote, no premises  ')
    await vi.advanceTimersByTimeAsync(400)
    await settle()

    expect(save).toHaveBeenCalledTimes(1)
    expect(lastSaved(save)).toMatchObject({
      workspaceId: WORKSPACE_ID,
      controlId: '7.1',
      applicability: 'excluded',
      justification: 'Fully remote, no premises',
      contentVersion: CONTENT_VERSION,
    })
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toContain('Saved')
  })

  it('records the exclusion at once when the justification field loses focus', async () => {
    const { wrapper, save } = mountEditor()
    await choice(wrapper, 'Excluded').setValue(true)
    await field(wrapper, 'Justification').setValue('Fully remote')
    await field(wrapper, 'Justification').trigger('blur')
    expect(lastSaved(save)).toMatchObject({
      applicability: 'excluded',
      justification: 'Fully remote',
    })
  })

  it('fills in a commonly accepted reason and records the exclusion', async () => {
    const [reason] = physicalPerimeters.exclusionReasons
    if (!reason) throw new Error('7.1 should offer an exclusion reason')
    const { wrapper, save } = mountEditor()
    await choice(wrapper, 'Excluded').setValue(true)
    expect(save).not.toHaveBeenCalled()

    await button(wrapper, 'Use this reason').trigger('click')

    expect(save).toHaveBeenCalledTimes(1)
    expect(lastSaved(save)).toMatchObject({ applicability: 'excluded', justification: reason })
    expect(field(wrapper, 'Justification').element.value).toBe(reason)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('adds a commonly accepted reason below a justification already written', async () => {
    const [reason] = physicalPerimeters.exclusionReasons
    const { wrapper, save } = mountEditor({
      decision: storedDecision({ applicability: 'excluded', justification: 'Our own words' }),
    })
    await button(wrapper, 'Use this reason').trigger('click')
    expect(lastSaved(save)?.justification).toBe(`Our own words\n${reason}`)
  })

  it('offers no ready-made reason for a control that is hard to exclude', async () => {
    if (!hardToExclude) throw new Error('the catalog should have a control that is hard to exclude')
    const { wrapper } = mountEditor({ control: hardToExclude })
    await choice(wrapper, 'Excluded').setValue(true)
    expect(wrapper.findAll('button').filter((b) => b.text() === 'Use this reason')).toHaveLength(0)
    expect(wrapper.text()).toContain('expect the auditor to ask why')
    expect(wrapper.find('[role="note"]').exists()).toBe(false)
  })
})

describe('ControlDecisionEditor exclusion warnings', () => {
  const notes = (wrapper: VueWrapper) => wrapper.findAll('[role="note"]').map((n) => n.text())

  it('warns, with the reason, that an auditor will not accept excluding a core control', async () => {
    const { wrapper } = mountEditor({ control: policies })
    expect(notes(wrapper)).toEqual([])
    await choice(wrapper, 'Excluded').setValue(true)
    const [note] = notes(wrapper)
    expect(note).toContain('An auditor will not accept excluding this control')
    expect(note).toContain(nonExcludableReason('5.1'))
    expect(wrapper.text()).not.toContain('expect the auditor to ask why')
    await choice(wrapper, 'Applicable').setValue(true)
    expect(notes(wrapper)).toEqual([])
  })

  it('still records the exclusion of a core control once it is justified', async () => {
    const { wrapper, save } = mountEditor({ control: policies })
    await choice(wrapper, 'Excluded').setValue(true)
    await field(wrapper, 'Justification').setValue('We are a holding company with no staff')
    await field(wrapper, 'Justification').trigger('blur')
    expect(lastSaved(save)).toMatchObject({ controlId: '5.1', applicability: 'excluded' })
  })

  it('says that a physical control still applies to home working when it is excluded', async () => {
    const { wrapper } = mountEditor({ control: clearDesk })
    await choice(wrapper, 'Excluded').setValue(true)
    const [note] = notes(wrapper)
    expect(note).toContain('still applies to home working')
    expect(note).toContain(homeWorkingReason('7.7'))
    expect(note).not.toContain('will not accept')
  })

  it('warns nothing for a control that can be excluded', async () => {
    const { wrapper } = mountEditor()
    await choice(wrapper, 'Excluded').setValue(true)
    expect(notes(wrapper)).toEqual([])
  })
})

describe('ControlDecisionEditor justification that says nothing', () => {
  const WEAK =
    'A word or two such as "n/a" is not a justification an auditor accepts: say why the control does not apply.'

  it('says below the field that "n/a" is not a justification, and still saves what was typed', async () => {
    const { wrapper, save } = mountEditor()
    await choice(wrapper, 'Excluded').setValue(true)
    const justification = field(wrapper, 'Justification')
    await justification.setValue('n/a')
    await justification.trigger('blur')

    const hint = wrapper.findAll('p').find((p) => p.text() === WEAK)
    expect(hint?.exists()).toBe(true)
    expect(justification.attributes('aria-describedby')).toBe(hint?.attributes('id'))
    expect(lastSaved(save)).toMatchObject({ applicability: 'excluded', justification: 'n/a' })
    expect(justification.element.value).toBe('n/a')
  })

  it('says nothing once the justification says why', async () => {
    const { wrapper } = mountEditor()
    await choice(wrapper, 'Excluded').setValue(true)
    await field(wrapper, 'Justification').setValue('-')
    expect(wrapper.text()).toContain(WEAK)
    await field(wrapper, 'Justification').setValue(
      'No offices of our own; everyone works from home',
    )
    expect(wrapper.text()).not.toContain(WEAK)
  })

  it('shows the missing-justification error, not the hint, while the field is empty', async () => {
    const { wrapper } = mountEditor()
    await choice(wrapper, 'Excluded').setValue(true)
    expect(wrapper.text()).not.toContain(WEAK)
    expect(wrapper.get('[role="alert"]').text()).toContain('Write why this control is excluded')
  })
})

describe('ControlDecisionEditor switching to excluded', () => {
  it('sets aside the reasons and the text written for applying it, and asks why it is excluded', async () => {
    const { wrapper, save } = mountEditor({ decision: storedDecision() })
    expect(choice(wrapper, 'Risk assessment').element.checked).toBe(true)
    await choice(wrapper, 'Excluded').setValue(true)
    await settle()

    // Nothing is saved: an exclusion needs its own justification, and the old text is not one.
    expect(save).not.toHaveBeenCalled()
    expect(choice(wrapper, 'Risk assessment').element.checked).toBe(false)
    expect(field(wrapper, 'Justification').element.value).toBe('')
    expect(wrapper.get('[role="alert"]').text()).toContain('Write why this control is excluded')
    const notice = wrapper.get('.set-aside')
    expect(notice.text()).toContain('What was written for applying this control is set aside')
    expect(notice.text()).toContain('“Office with a server room”')

    // Switching back gives the text and the reasons back.
    await choice(wrapper, 'Applicable').setValue(true)
    await settle()
    expect(field(wrapper, 'Justification').element.value).toBe('Office with a server room')
    expect(choice(wrapper, 'Risk assessment').element.checked).toBe(true)
  })

  it('uses the set-aside text for the exclusion only when asked to', async () => {
    const { wrapper, save } = mountEditor({ decision: storedDecision() })
    await choice(wrapper, 'Excluded').setValue(true)
    await settle()
    await button(wrapper, 'Use it anyway').trigger('click')
    await settle()
    expect(field(wrapper, 'Justification').element.value).toBe('Office with a server room')
    expect(lastSaved(save)).toMatchObject({
      applicability: 'excluded',
      reasons: [],
      justification: 'Office with a server room',
    })
    expect(wrapper.find('.set-aside').exists()).toBe(false)
  })

  it('does not let ticked reasons stand as the justification of an exclusion', async () => {
    const { wrapper, save } = mountEditor({
      decision: storedDecision({ reasons: ['contractual', 'business-need'], justification: '' }),
    })
    await choice(wrapper, 'Excluded').setValue(true)
    await settle()
    expect(save).not.toHaveBeenCalled()
    expect(wrapper.get('[role="alert"]').text()).toContain('Write why this control is excluded')
    expect(choice(wrapper, 'Contractual obligation').element.checked).toBe(false)
    expect(choice(wrapper, 'Business need').element.checked).toBe(false)

    await field(wrapper, 'Justification').setValue('All staff work from home, no premises')
    await field(wrapper, 'Justification').trigger('blur')
    expect(lastSaved(save)).toMatchObject({ applicability: 'excluded', reasons: [] })
  })

  it('gives the reasons back when the control is switched back to applicable', async () => {
    const { wrapper, save } = mountEditor({ decision: storedDecision({ justification: '' }) })
    await choice(wrapper, 'Excluded').setValue(true)
    await choice(wrapper, 'Applicable').setValue(true)
    expect(choice(wrapper, 'Risk assessment').element.checked).toBe(true)
    expect(lastSaved(save)).toMatchObject({
      applicability: 'applicable',
      reasons: ['risk-assessment'],
    })
  })
})

describe('ControlDecisionEditor supplier', () => {
  it('does not record a supplier-provided control until the supplier is named', async () => {
    const { wrapper, save } = mountEditor()
    await choice(wrapper, 'Applicable').setValue(true)
    expect(save).toHaveBeenCalledTimes(1)
    save.mockClear()

    await choice(wrapper, 'A supplier provides it').setValue(true)
    await vi.advanceTimersByTimeAsync(1000)

    expect(save).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Name the supplier')
    expect(field(wrapper, 'Supplier name').attributes('aria-invalid')).toBe('true')
  })

  it('records the supplier and its trimmed name once it is typed', async () => {
    const { wrapper, save } = mountEditor()
    await choice(wrapper, 'Applicable').setValue(true)
    await choice(wrapper, 'A supplier provides it').setValue(true)
    await field(wrapper, 'Supplier name').setValue('  Backblaze  ')
    await vi.advanceTimersByTimeAsync(400)
    await settle()

    expect(lastSaved(save)).toMatchObject({
      applicability: 'applicable',
      provider: 'supplier',
      supplierName: 'Backblaze',
    })
    expect(wrapper.text()).not.toContain('Name the supplier')
  })
})

describe('ControlDecisionEditor reasons and status', () => {
  it('saves the reasons in a fixed order whatever order they were ticked', async () => {
    const { wrapper, save } = mountEditor()
    await choice(wrapper, 'Applicable').setValue(true)
    await choice(wrapper, 'Business need').setValue(true)
    await choice(wrapper, 'Contractual obligation').setValue(true)
    await choice(wrapper, 'Legal or regulatory requirement').setValue(true)
    await choice(wrapper, 'Risk assessment').setValue(true)

    expect(lastSaved(save)?.reasons).toEqual([
      'risk-assessment',
      'legal-regulatory',
      'contractual',
      'business-need',
    ])
    await choice(wrapper, 'Legal or regulatory requirement').setValue(false)
    expect(lastSaved(save)?.reasons).toEqual(['risk-assessment', 'contractual', 'business-need'])
  })

  it('asks for reasons and justification only once a decision is made', async () => {
    const { wrapper } = mountEditor()
    expect(hasChoice(wrapper, 'Risk assessment')).toBe(false)
    expect(() => field(wrapper, 'Justification')).toThrow()
    await choice(wrapper, 'Applicable').setValue(true)
    expect(hasChoice(wrapper, 'Risk assessment')).toBe(true)
    expect(() => field(wrapper, 'Justification')).not.toThrow()
  })

  it('offers the implementation status only for an applicable control', async () => {
    const { wrapper } = mountEditor()
    const shown = () => IMPLEMENTATION_LABELS.filter((label) => hasChoice(wrapper, label))
    expect(shown()).toEqual([])

    await choice(wrapper, 'Excluded').setValue(true)
    expect(shown()).toEqual([])

    await choice(wrapper, 'Applicable').setValue(true)
    expect(shown()).toEqual(IMPLEMENTATION_LABELS)
  })

  it('saves the implementation status that is chosen', async () => {
    const { wrapper, save } = mountEditor({ decision: storedDecision() })
    expect(choice(wrapper, 'Planned').element.checked).toBe(true)
    await choice(wrapper, 'Implemented').setValue(true)
    expect(lastSaved(save)).toMatchObject({
      applicability: 'applicable',
      implementationStatus: 'implemented',
      owner: 'Office manager',
      reasons: ['risk-assessment'],
    })
  })

  it('shows a stored decision', () => {
    const { wrapper } = mountEditor({
      decision: storedDecision({ provider: 'supplier', supplierName: 'Landlord' }),
    })
    expect(choice(wrapper, 'Applicable').element.checked).toBe(true)
    expect(choice(wrapper, 'A supplier provides it').element.checked).toBe(true)
    expect(field(wrapper, 'Supplier name').element.value).toBe('Landlord')
    expect(choice(wrapper, 'Risk assessment').element.checked).toBe(true)
    expect(field(wrapper, 'Justification').element.value).toBe('Office with a server room')
    expect(field(wrapper, 'Control owner').element.value).toBe('Office manager')
  })
})

describe('ControlDecisionEditor save failure', () => {
  it('shows why a save failed and keeps what was typed', async () => {
    const { wrapper, save } = mountEditor({
      decision: storedDecision(),
      save: async () => ({ ok: false, error: 'Not saved: disk full.' }),
    })
    const owner = field(wrapper, 'Control owner')
    await owner.setValue('Head of facilities')
    await owner.trigger('blur')
    await settle()

    expect(save).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[role="status"]').text()).toContain('Not saved: disk full.')
    expect(owner.element.value).toBe('Head of facilities')

    await wrapper.setProps({ decision: storedDecision({ owner: 'From another tab' }) })
    expect(owner.element.value).toBe('Head of facilities')
  })

  it('shows Saved once a later save succeeds', async () => {
    let fail = true
    const { wrapper } = mountEditor({
      decision: storedDecision(),
      save: async (_baseline: ControlDecision, next: ControlDecision) =>
        fail ? { ok: false, error: 'Not saved: disk full.' } : stored(next),
    })
    await choice(wrapper, 'Implemented').setValue(true)
    await settle()
    expect(wrapper.get('[role="status"]').text()).toContain('Not saved: disk full.')
    fail = false
    await choice(wrapper, 'Partly implemented').setValue(true)
    await settle()
    expect(wrapper.get('[role="status"]').text()).toContain('Saved')
    expect(wrapper.get('[role="status"]').text()).not.toContain('disk full')
  })
})

describe('ControlDecisionEditor evidence links', () => {
  it('links only http(s) evidence references', async () => {
    const { wrapper } = mountEditor({ decision: storedDecision() })
    await field(wrapper, 'Evidence references').setValue(
      'https://wiki.example.com/site-plan\njavascript:alert(1)\nSite plan v3',
    )
    const links = wrapper.findAll('a')
    expect(links.map((a) => a.attributes('href'))).toEqual(['https://wiki.example.com/site-plan'])
    expect(links[0]?.attributes('rel')).toBe('noopener noreferrer')
  })
})

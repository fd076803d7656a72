import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, enableAutoUnmount, mount, type VueWrapper } from '@vue/test-utils'
import ImportConflictDialog from '@/components/workspaces/ImportConflictDialog.vue'
import type { Replacement } from '@/components/workspaces/ReplacementList.vue'
import { formatDateTime } from '@/components/format'
import type { SaveFileResult } from '@/components/saveFile'

const FILE_CHANGED = '2026-11-20T10:00:00.000Z'
const DEVICE_CHANGED = '2026-11-25T16:30:00.000Z'
const SAFETY_FILE = 'isms-readiness-backup-before-replace-initech-2026-11-29.json'

const INITECH: Replacement = {
  id: 'ws-initech',
  incoming: { organizationName: 'Initech', updatedAt: FILE_CHANGED },
  onDevice: { organizationName: 'Initech renamed here', updatedAt: DEVICE_CHANGED },
}

/** A promise the test settles when it chooses, to see what happens before and after. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

function mountDialog(
  save: () => Promise<SaveFileResult>,
  options: { replacements?: readonly Replacement[]; total?: number } = {},
) {
  const saveSafetyCopy = vi.fn(save)
  const wrapper = mount(ImportConflictDialog, {
    props: {
      replacements: options.replacements ?? [INITECH],
      total: options.total ?? 1,
      saveSafetyCopy,
    },
    attachTo: document.body,
  })
  return { wrapper, saveSafetyCopy }
}

const text = (wrapper: VueWrapper) => wrapper.get('dialog').text().replace(/\s+/g, ' ')
const heading = (wrapper: VueWrapper) => wrapper.get('h2').text()
function button(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('button').find((b) => b.text().replace(/\s+/g, ' ') === name)
  if (!found) throw new Error(`No button "${name}" in: ${text(wrapper)}`)
  return found
}
const hasButton = (wrapper: VueWrapper, name: string) =>
  wrapper.findAll('button').some((b) => b.text().replace(/\s+/g, ' ') === name)

async function clickReplace(wrapper: VueWrapper) {
  await button(wrapper, 'Replace the ones on this device').trigger('click')
  await flushPromises()
}

enableAutoUnmount(afterEach)

describe('ImportConflictDialog naming what is replaced', () => {
  it('names each incoming assessment with its last change, and the one on this device it would replace with its own', () => {
    const { wrapper } = mountDialog(async () => ({ kind: 'cancelled' }))
    const item = wrapper.get('li').text().replace(/\s+/g, ' ')
    expect(item).toContain(`In the file: Initech, last changed ${formatDateTime(FILE_CHANGED)}.`)
    expect(item).toContain(
      `It would replace, on this device: Initech renamed here, last changed ${formatDateTime(DEVICE_CHANGED)}.`,
    )
    expect(item).toContain(
      "The one on this device was changed after the file's: replacing it loses those changes.",
    )
    expect(text(wrapper)).toContain(
      'The file holds 1 assessment; this one is already on this device',
    )
  })

  it('says nothing of later changes when the file is the newer one, and counts the new ones', () => {
    const older: Replacement = {
      ...INITECH,
      onDevice: { organizationName: 'Initech', updatedAt: '2026-11-01T08:00:00.000Z' },
    }
    const { wrapper } = mountDialog(async () => ({ kind: 'cancelled' }), {
      replacements: [older],
      total: 3,
    })
    expect(text(wrapper)).not.toContain('changed after the file')
    expect(text(wrapper)).toContain('The other 2 assessments in the file are new here')
  })
})

describe('ImportConflictDialog replacing only after a safety copy', () => {
  it('replaces once the save dialog has written the safety copy, not before', async () => {
    const written = deferred<SaveFileResult>()
    const { wrapper, saveSafetyCopy } = mountDialog(() => written.promise)
    await clickReplace(wrapper)
    expect(saveSafetyCopy).toHaveBeenCalledOnce()
    expect(heading(wrapper)).toBe('Saving the safety copy…')
    expect(wrapper.emitted('replace')).toBeUndefined()

    written.resolve({ kind: 'written', fileName: SAFETY_FILE })
    await flushPromises()
    expect(wrapper.emitted('replace')).toEqual([[]])
  })

  it('never replaces when the save dialog was closed or the copy could not be written', async () => {
    for (const [result, reason] of [
      [{ kind: 'cancelled' }, 'The save dialog was closed without saving.'],
      [
        { kind: 'failed', error: `The file ${SAFETY_FILE} could not be written (disk full).` },
        `The file ${SAFETY_FILE} could not be written (disk full).`,
      ],
    ] as const) {
      const { wrapper } = mountDialog(async () => result)
      await clickReplace(wrapper)
      expect(heading(wrapper)).toBe('No safety copy was saved')
      expect(wrapper.get('[role="alert"]').text()).toBe(`${reason} Nothing has been replaced.`)
      expect(wrapper.emitted('replace')).toBeUndefined()
      wrapper.unmount()
    }
  })

  it('tries the safety copy again on request, and replaces once it is written', async () => {
    const results: SaveFileResult[] = [
      { kind: 'failed', error: 'The browser did not open its save dialog.' },
      { kind: 'written', fileName: SAFETY_FILE },
    ]
    const { wrapper, saveSafetyCopy } = mountDialog(async () => results.shift() ?? results[0]!)
    await clickReplace(wrapper)
    expect(wrapper.emitted('replace')).toBeUndefined()
    await button(wrapper, 'Try again').trigger('click')
    await flushPromises()
    expect(saveSafetyCopy).toHaveBeenCalledTimes(2)
    expect(wrapper.emitted('replace')).toEqual([[]])
  })

  it('asks whether a downloaded copy arrived, and replaces only when the user says it did', async () => {
    const { wrapper } = mountDialog(async () => ({ kind: 'downloaded', fileName: SAFETY_FILE }))
    await clickReplace(wrapper)
    expect(heading(wrapper)).toBe('Check that the safety copy arrived')
    expect(text(wrapper)).toContain(`Your browser was asked to download ${SAFETY_FILE}`)
    expect(text(wrapper)).toContain('Nothing has been replaced yet.')
    expect(wrapper.emitted('replace')).toBeUndefined()

    await button(wrapper, 'I have the safety copy — replace now').trigger('click')
    expect(wrapper.emitted('replace')).toEqual([[]])
  })

  it('downloads the copy again on request, without replacing', async () => {
    const { wrapper, saveSafetyCopy } = mountDialog(async () => ({
      kind: 'downloaded',
      fileName: SAFETY_FILE,
    }))
    await clickReplace(wrapper)
    await button(wrapper, 'Download it again').trigger('click')
    await flushPromises()
    expect(saveSafetyCopy).toHaveBeenCalledTimes(2)
    expect(heading(wrapper)).toBe('Check that the safety copy arrived')
    expect(wrapper.emitted('replace')).toBeUndefined()
  })

  it('offers to replace without a safety copy, saying what is lost', async () => {
    for (const result of [
      { kind: 'downloaded', fileName: SAFETY_FILE },
      { kind: 'cancelled' },
    ] as const) {
      const { wrapper } = mountDialog(async () => result)
      expect(hasButton(wrapper, 'Replace without a safety copy')).toBe(false)
      await clickReplace(wrapper)
      const without = button(wrapper, 'Replace without a safety copy')
      const described = without.attributes('aria-describedby')
      expect(wrapper.get(`[id="${described}"]`).text().replace(/\s+/g, ' ')).toBe(
        "Without a safety copy, the answers, control decisions and risks of “Initech renamed here” on this device are deleted for good and replaced by the file's.",
      )
      expect(wrapper.emitted('replace')).toBeUndefined()
      await without.trigger('click')
      expect(wrapper.emitted('replace')).toEqual([[]])
      wrapper.unmount()
    }
  })
})

describe('ImportConflictDialog keyboard and cancel', () => {
  it('moves focus to the heading of each new step', async () => {
    const { wrapper } = mountDialog(async () => ({ kind: 'downloaded', fileName: SAFETY_FILE }))
    await clickReplace(wrapper)
    expect(document.activeElement).toBe(wrapper.get('h2').element)
    expect(wrapper.get('dialog').attributes('aria-labelledby')).toBe(
      wrapper.get('h2').attributes('id'),
    )
  })

  it('cancels with the Cancel button or Escape at every step, and changes nothing', async () => {
    const { wrapper } = mountDialog(async () => ({ kind: 'downloaded', fileName: SAFETY_FILE }))
    await button(wrapper, 'Cancel').trigger('click')
    await clickReplace(wrapper)
    await button(wrapper, 'Cancel').trigger('click')
    // A native dialog fires "cancel" when the user presses Escape.
    await wrapper.get('dialog').trigger('cancel')
    expect(wrapper.emitted('cancel')).toHaveLength(3)
    expect(wrapper.emitted('replace')).toBeUndefined()
    expect(wrapper.emitted('copy')).toBeUndefined()
  })

  it('ignores a safety copy that finishes after the user cancelled', async () => {
    const written = deferred<SaveFileResult>()
    const { wrapper } = mountDialog(() => written.promise)
    await clickReplace(wrapper)
    await button(wrapper, 'Cancel').trigger('click')
    await wrapper.setProps({ replacements: null })
    written.resolve({ kind: 'written', fileName: SAFETY_FILE })
    await flushPromises()
    expect(wrapper.emitted('replace')).toBeUndefined()
  })
})

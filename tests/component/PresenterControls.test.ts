import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import PresenterControls from '@/components/clauses/PresenterControls.vue'

enableAutoUnmount(afterEach)

function mountControls() {
  return mount(PresenterControls, {
    props: { position: 'Question 1 of 2 in 4.1', canPrevious: false, canNext: true },
    attachTo: document.body,
  })
}
const press = (target: EventTarget, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))

describe('PresenterControls', () => {
  it('moves with Page Down and Page Up (a presentation clicker) and leaves with Escape', () => {
    const wrapper = mountControls()
    press(document.body, 'PageDown')
    press(document.body, 'PageUp')
    press(document.body, 'Escape')
    expect(wrapper.emitted('next')).toHaveLength(1)
    expect(wrapper.emitted('previous')).toHaveLength(1)
    expect(wrapper.emitted('exit')).toHaveLength(1)
  })

  it('leaves keys typed into a field to the field', () => {
    const wrapper = mountControls()
    const field = document.createElement('textarea')
    document.body.append(field)
    for (const key of ['PageDown', 'PageUp', 'Escape']) press(field, key)
    field.remove()
    expect(wrapper.emitted()).not.toHaveProperty('next')
    expect(wrapper.emitted()).not.toHaveProperty('exit')
  })

  it('offers named buttons, Previous disabled at the very first question', () => {
    const wrapper = mountControls()
    const [previous, next] = wrapper.findAll('button')
    expect(previous?.text()).toContain('Previous question')
    expect(previous?.attributes('disabled')).toBeDefined()
    expect(next?.text()).toContain('Next question')
    expect(wrapper.text()).toContain('Question 1 of 2 in 4.1')
  })
})

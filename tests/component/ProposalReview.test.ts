import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach } from 'vitest'
import ProposalReview from '@/components/fast-start/ProposalReview.vue'
import type { BulkChange } from '@/domain/controlDecision'
import type { DecisionProposal, ReviewItem } from '@/domain/proposals'
import { makeDecision } from '../unit/domain/builders'

enableAutoUnmount(afterEach)

const proposal = (
  controlId: DecisionProposal['controlId'],
  over: Partial<DecisionProposal> = {},
): DecisionProposal => ({
  controlId,
  applicability: 'applicable',
  provider: 'in-house',
  supplierName: '',
  reasons: ['risk-assessment'],
  justification: `Needed for ${controlId} by the risk assessment.`,
  implementationStatus: null,
  sources: [{ label: 'Rule X', detail: 'an answer' }],
  ...over,
})

const ITEMS: ReviewItem[] = [
  { controlId: '5.1', options: [proposal('5.1')], warnings: [] },
  {
    controlId: '7.1',
    options: [
      proposal('7.1', {
        applicability: 'excluded',
        justification: 'No premises of our own at all.',
      }),
    ],
    warnings: [],
  },
  {
    controlId: '7.10',
    options: [
      proposal('7.10'),
      proposal('7.10', {
        applicability: 'excluded',
        justification: 'No media are ever used here.',
      }),
    ],
    warnings: ['The rows disagree.'],
  },
  { controlId: '5.23', options: [], warnings: ['New in ISO/IEC 27001:2022: decide it fresh.'] },
]

function mountReview() {
  const apply = vi.fn(async (_changes: readonly BulkChange[]): Promise<string | null> => null)
  const mine = makeDecision('7.1', {
    applicability: 'applicable',
    reasons: ['business-need'],
    justification: 'A small archive room we rent.',
  })
  const wrapper = mount(ProposalReview, {
    props: {
      workspaceId: 'ws-results',
      items: ITEMS,
      decisions: new Map([['7.1', mine]]),
      source: 'the test',
      apply,
    },
    global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } },
  })
  return { wrapper, apply }
}

const row = (wrapper: ReturnType<typeof mountReview>['wrapper'], text: string) =>
  wrapper.findAll('li.review__row').find((li) => li.text().includes(text))!

describe('ProposalReview', () => {
  it('ticks only the new suggestion, shows the user’s own decision, and asks to choose a conflict', async () => {
    const { wrapper } = mountReview()
    expect(row(wrapper, 'A.5.1').find('input[type=checkbox]').element).toHaveProperty(
      'checked',
      true,
    )
    const differs = row(wrapper, 'A.7.1')
    expect(differs.find('input[type=checkbox]').element).toHaveProperty('checked', false)
    expect(differs.text()).toContain(
      'Your decision now: Applicable — A small archive room we rent.',
    )
    const conflict = row(wrapper, 'A.7.10')
    expect(conflict.find('input[type=checkbox]').attributes('disabled')).toBeDefined()
    expect(row(wrapper, 'A.5.23').find('input[type=checkbox]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('.review__apply button').text()).toBe('Apply 1 decision')
  })

  it('applies what is ticked: the new one, the chosen side of a conflict and a differing one ticked by hand', async () => {
    const { wrapper, apply } = mountReview()
    await row(wrapper, 'A.7.10').findAll('input[type=radio]')[1]!.setValue(true)
    await row(wrapper, 'A.7.1').find('input[type=checkbox]').setValue(true)
    expect(wrapper.find('.review__apply button').text()).toBe('Apply 3 decisions')
    await wrapper.find('.review__apply button').trigger('click')
    await nextTick()
    expect(apply).toHaveBeenCalledTimes(1)
    const changes = apply.mock.calls[0]![0]
    expect(changes.map((c) => [c.controlId, c.after.applicability, c.after.justification])).toEqual(
      [
        ['5.1', 'applicable', 'Needed for 5.1 by the risk assessment.'],
        ['7.1', 'excluded', 'No premises of our own at all.'],
        ['7.10', 'excluded', 'No media are ever used here.'],
      ],
    )
    // The decision made before is what the undo restores.
    expect(changes[1]!.before?.justification).toBe('A small archive room we rent.')
    expect(wrapper.emitted('applied')).toHaveLength(1)
  })

  it('refuses to apply nothing, and says so', async () => {
    const { wrapper, apply } = mountReview()
    const tickNone = wrapper.findAll('button').find((b) => b.text() === 'Tick none')!
    await tickNone.trigger('click')
    expect(wrapper.find('.review__apply button').attributes('disabled')).toBeDefined()
    expect(apply).not.toHaveBeenCalled()
  })
})

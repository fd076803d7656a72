import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import RiskCriteriaEditor from '@/components/risks/RiskCriteriaEditor.vue'
import { DEFAULT_RISK_CRITERIA, defaultCriteriaFor, type RiskCriteria } from '@/domain/risk'

type SaveResult = { ok: true } | { ok: false; error: string }

function mountEditor(criteria: RiskCriteria = DEFAULT_RISK_CRITERIA) {
  const save = vi.fn(async (_baseline: RiskCriteria, _next: RiskCriteria): Promise<SaveResult> => ({
    ok: true,
  }))
  const wrapper = mount(RiskCriteriaEditor, { props: { criteria, save } })
  const threshold = wrapper.get<HTMLInputElement>('input[type="number"]')
  const meaning = () => {
    const described = threshold.attributes('aria-describedby')
    return described ? wrapper.get(`[id="${described}"]`).text() : null
  }
  return { wrapper, save, threshold, meaning }
}

enableAutoUnmount(afterEach)

describe('RiskCriteriaEditor acceptance threshold', () => {
  it('says what the default threshold means with the current level meanings', () => {
    const { meaning } = mountEditor()
    expect(meaning()).toBe(
      'With a threshold of 4, a risk rated Rare × Severe (5) is above it and needs treatment, while Rare × Major (4) is accepted without treatment.',
    )
  })

  it('updates the meaning as the number is changed, before it is saved', async () => {
    const { threshold, meaning, save } = mountEditor()
    await threshold.setValue('6')
    expect(meaning()).toMatch(
      /^With a threshold of 6, even a risk rated Rare × Severe \(5\) is accepted/,
    )
    await threshold.trigger('change')
    expect(save).toHaveBeenCalledWith(DEFAULT_RISK_CRITERIA, {
      ...DEFAULT_RISK_CRITERIA,
      acceptanceThreshold: 6,
    })
  })

  it('follows the scale and the labels of the criteria', () => {
    const { meaning } = mountEditor({
      ...defaultCriteriaFor(3),
      impactLabels: ['Annoying', 'Painful', 'Fatal'],
    })
    expect(meaning()).toContain('Low × Fatal (3) is above it and needs treatment')
  })

  it('explains nothing while the number is outside the scale', async () => {
    const { threshold, meaning } = mountEditor()
    await threshold.setValue('30')
    expect(meaning()).toBeNull()
  })
})

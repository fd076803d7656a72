import { describe, expect, it } from 'vitest'
import { defaultCriteriaFor } from '@/domain/risk'
import { explainThreshold } from '@/domain/riskThreshold'

const FIVE = defaultCriteriaFor(5)
const THREE = defaultCriteriaFor(3)

describe('explainThreshold', () => {
  it('says that the default 1–5 threshold sends a rare but severe risk to treatment', () => {
    expect(explainThreshold(FIVE)).toBe(
      'With a threshold of 4, a risk rated Rare × Severe (5) is above it and needs treatment, while Rare × Major (4) is accepted without treatment.',
    )
  })

  it('says that the default 1–3 threshold sends Low × High to treatment', () => {
    expect(explainThreshold(THREE)).toBe(
      'With a threshold of 2, a risk rated Low × High (3) is above it and needs treatment, while Low × Medium (2) is accepted without treatment.',
    )
  })

  it('warns that a higher threshold accepts a rare but severe risk as it is', () => {
    expect(explainThreshold(FIVE, 6)).toBe(
      'With a threshold of 6, even a risk rated Rare × Severe (5) is accepted without treatment, while Unlikely × Major (8) is above it and needs treatment.',
    )
  })

  it('says when every risk is accepted, and when almost none is', () => {
    expect(explainThreshold(FIVE, 25)).toBe(
      'With a threshold of 25, every risk is accepted without treatment, even one rated Almost certain × Severe (25).',
    )
    expect(explainThreshold(FIVE, 1)).toBe(
      'With a threshold of 1, a risk rated Rare × Severe (5) is above it and needs treatment, while Rare × Negligible (1) is accepted without treatment.',
    )
  })

  it("uses the workspace's own level meanings", () => {
    const own = {
      ...FIVE,
      likelihoodLabels: ['Once in 10 years', 'b', 'c', 'd', 'e'],
      impactLabels: ['1', '2', '3', 'Costly', 'Ruinous'],
    }
    expect(explainThreshold(own)).toContain('Once in 10 years × Ruinous (5)')
    expect(explainThreshold(own)).toContain('Once in 10 years × Costly (4)')
  })

  it('explains nothing for a threshold that is not a whole number within the scale', () => {
    for (const threshold of [0, 26, 2.5, Number.NaN]) {
      expect(explainThreshold(FIVE, threshold)).toBeNull()
    }
    expect(explainThreshold(THREE, 10)).toBeNull()
  })
})

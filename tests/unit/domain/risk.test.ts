import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FIELD_LIMITS } from '@/domain/limits'
import type { Risk } from '@/domain/model'
import {
  DEFAULT_RISK_CRITERIA,
  LEVEL_BAND_LABELS,
  NO_RISK_FILTER,
  RISK_PROBLEM_MESSAGES,
  TREATMENT_OPTIONS,
  acceptedAboveCriteria,
  checkCriteria,
  criteriaOf,
  defaultCriteriaFor,
  filterRisks,
  heatMap,
  levelBand,
  newRisk,
  rescaleLevel,
  rescaleRisks,
  residualLevel,
  riskLevel,
  riskProblems,
  treatmentLabel,
  type RiskCriteria,
  type RiskFilter,
  type RiskScale,
} from '@/domain/risk'
import { T0, TREATMENTS, makeRisk } from './builders'

const FIVE = defaultCriteriaFor(5)
const THREE = defaultCriteriaFor(3)

const filter = (overrides: Partial<RiskFilter>): RiskFilter => ({ ...NO_RISK_FILTER, ...overrides })

/** Property tests and the 1,000-risk register: a loaded CI machine needs more than 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 }

describe('risk criteria', () => {
  it('defaults to a 1–5 scale accepting up to level 4, and offers a 1–3 scale accepting up to 2', () => {
    expect(DEFAULT_RISK_CRITERIA).toEqual({
      scale: 5,
      likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
      impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
      acceptanceThreshold: 4,
    })
    expect(FIVE).toEqual(DEFAULT_RISK_CRITERIA)
    expect(THREE).toEqual({
      scale: 3,
      likelihoodLabels: ['Low', 'Medium', 'High'],
      impactLabels: ['Low', 'Medium', 'High'],
      acceptanceThreshold: 2,
    })
    expect(checkCriteria(FIVE)).toEqual([])
    expect(checkCriteria(THREE)).toEqual([])
  })

  it('never accepts a severe impact without treatment by default, however rare', () => {
    const accepted = (criteria: RiskCriteria, likelihood: number, impact: number) =>
      riskLevel(likelihood, impact) <= criteria.acceptanceThreshold
    // 1–5: Rare × Severe (5) and Unlikely × Moderate (6) need treatment.
    expect(accepted(FIVE, 1, 5)).toBe(false)
    expect(accepted(FIVE, 2, 3)).toBe(false)
    // Rare × Major and Unlikely × Minor (4) are accepted as they are.
    expect(accepted(FIVE, 1, 4)).toBe(true)
    expect(accepted(FIVE, 2, 2)).toBe(true)
    // 1–3: Low × High (3) needs treatment, Low × Medium (2) does not.
    expect(accepted(THREE, 1, 3)).toBe(false)
    expect(accepted(THREE, 1, 2)).toBe(true)
  })

  it("uses the workspace's criteria, or the default when it has none", () => {
    expect(criteriaOf({})).toBe(DEFAULT_RISK_CRITERIA)
    expect(criteriaOf({ riskCriteria: undefined })).toBe(DEFAULT_RISK_CRITERIA)
    expect(criteriaOf({ riskCriteria: THREE })).toBe(THREE)
  })

  it('names every problem of a set of criteria in plain words', () => {
    const problems = (c: Partial<RiskCriteria>) => checkCriteria({ ...FIVE, ...c })
    expect(problems({ scale: 4 as RiskScale })).toEqual([
      'Choose a scale of 1 to 3 or 1 to 5 for likelihood and impact.',
    ])
    expect(problems({ likelihoodLabels: ['Low', 'Medium', 'High'] })).toEqual([
      'Give 5 likelihood labels, one for each level from 1 to 5 (there are 3).',
    ])
    expect(problems({ impactLabels: ['a', ' ', 'c', 'd', 'e'] })).toEqual([
      'Give every impact level a label.',
    ])
    expect(problems({ impactLabels: ['a', 'b', 'c', 'd', 'x'.repeat(121)] })).toEqual([
      'Keep each impact label to at most 120 characters.',
    ])
    for (const acceptanceThreshold of [0, 26, 2.5, Number.NaN]) {
      expect(problems({ acceptanceThreshold })).toEqual([
        'Set the acceptance threshold to a whole number from 1 to 25 (likelihood × impact).',
      ])
    }
    expect(checkCriteria({ ...THREE, acceptanceThreshold: 10 })).toEqual([
      'Set the acceptance threshold to a whole number from 1 to 9 (likelihood × impact).',
    ])
    expect(checkCriteria({ ...THREE, acceptanceThreshold: 9 })).toEqual([])
    expect(checkCriteria({ ...FIVE, acceptanceThreshold: 1 })).toEqual([])
  })
})

describe('risk levels and bands', () => {
  it('rates a risk by likelihood × impact, and the residual risk only once both are rated', () => {
    expect(riskLevel(3, 4)).toBe(12)
    expect(residualLevel(makeRisk('r', { residualLikelihood: 2, residualImpact: 3 }))).toBe(6)
    expect(residualLevel(makeRisk('r', { residualLikelihood: 2, residualImpact: null }))).toBeNull()
    expect(residualLevel(makeRisk('r', { residualLikelihood: null, residualImpact: null }))).toBe(
      null,
    )
  })

  it('bands a level low within the acceptance threshold, high above 60 % of the top level', () => {
    const bands = (criteria: RiskCriteria) =>
      Array.from({ length: criteria.scale ** 2 }, (_, i) => levelBand(i + 1, criteria))
    // 1–5: low 1–4, medium 5–15, high 16–25.
    expect(bands(FIVE).lastIndexOf('low') + 1).toBe(4)
    expect(levelBand(5, FIVE)).toBe('medium')
    expect(bands(FIVE).indexOf('high') + 1).toBe(16)
    expect(levelBand(15, FIVE)).toBe('medium')
    // 1–3: low 1–2, medium 3–5, high 6–9.
    expect([1, 2, 3, 4, 6, 9].map((l) => levelBand(l, THREE))).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ])
    // The acceptance criteria win over the upper cut.
    expect(levelBand(20, { ...FIVE, acceptanceThreshold: 20 })).toBe('low')
    expect(LEVEL_BAND_LABELS).toEqual({ low: 'Low', medium: 'Medium', high: 'High' })
  })
})

describe('newRisk and riskProblems', () => {
  it('starts a risk in the middle of the scale, untreated, unlinked and unowned', () => {
    const risk = newRisk('r-1', 'ws', '  Laptop theft ', T0, FIVE)
    expect(risk).toEqual({
      id: 'r-1',
      workspaceId: 'ws',
      title: 'Laptop theft',
      asset: '',
      threat: '',
      vulnerability: '',
      likelihood: 3,
      impact: 3,
      treatment: null,
      controlIds: [],
      owner: '',
      residualLikelihood: null,
      residualImpact: null,
      acceptedBy: '',
      acceptedOn: null,
      createdAt: T0,
      updatedAt: T0,
    })
    expect(newRisk('r-2', 'ws', 'x', T0, THREE)).toMatchObject({ likelihood: 2, impact: 2 })
    expect(riskProblems(risk, FIVE)).toEqual([])
  })

  it('accepts a complete risk', () => {
    expect(riskProblems(makeRisk('r'), FIVE)).toEqual([])
    expect(riskProblems(makeRisk('r', { likelihood: 3, impact: 3 }), THREE)).toEqual([])
  })

  it('requires a title of at most 1,000 characters, and texts within the field limits', () => {
    expect(riskProblems(makeRisk('r', { title: '  ' }), FIVE)).toEqual(['title-required'])
    const long = 'x'.repeat(FIELD_LIMITS.shortText + 1)
    expect(riskProblems(makeRisk('r', { title: long }), FIVE)).toEqual(['title-too-long'])
    expect(riskProblems(makeRisk('r', { title: ` ${'x'.repeat(1000)} ` }), FIVE)).toEqual([])
    expect(riskProblems(makeRisk('r', { threat: long }), FIVE)).toEqual(['text-too-long'])
    expect(riskProblems(makeRisk('r', { owner: 'x'.repeat(121) }), FIVE)).toEqual(['text-too-long'])
  })

  it('keeps likelihood, impact and the residual rating whole numbers on the scale', () => {
    const problems = (overrides: Partial<Risk>, criteria = FIVE) =>
      riskProblems(makeRisk('r', overrides), criteria)
    expect(problems({ likelihood: 0 })).toEqual(['likelihood-out-of-scale'])
    expect(problems({ likelihood: 2.5 })).toEqual(['likelihood-out-of-scale'])
    expect(problems({ impact: 6 })).toEqual(['impact-out-of-scale'])
    expect(problems({ likelihood: 4, impact: 1 }, THREE)).toEqual(['likelihood-out-of-scale'])
    expect(problems({ residualLikelihood: 6 })).toEqual(['residual-out-of-scale'])
    expect(problems({ likelihood: 2, impact: 2, residualImpact: 3 }, THREE)).toEqual([])
    expect(problems({ likelihood: 2, impact: 2, residualImpact: 4 }, THREE)).toEqual([
      'residual-out-of-scale',
    ])
  })

  it('asks for both residual values or neither', () => {
    expect(riskProblems(makeRisk('r', { residualImpact: null }), FIVE)).toEqual([
      'residual-incomplete',
    ])
    expect(
      riskProblems(makeRisk('r', { residualLikelihood: null, residualImpact: null }), FIVE),
    ).toEqual([])
  })

  it('accepts only a real yyyy-mm-dd date of acceptance, or none', () => {
    for (const acceptedOn of ['2026-02-29', '2026-13-01', '01/02/2026', '']) {
      expect(riskProblems(makeRisk('r', { acceptedOn }), FIVE)).toEqual(['accepted-on-invalid'])
    }
    expect(riskProblems(makeRisk('r', { acceptedOn: '2028-02-29' }), FIVE)).toEqual([])
    expect(riskProblems(makeRisk('r', { acceptedOn: null }), FIVE)).toEqual([])
  })

  it('has a message in plain words for every problem', () => {
    for (const message of Object.values(RISK_PROBLEM_MESSAGES)) {
      expect(message.length).toBeGreaterThan(30)
      expect(message).toMatch(/\.$/)
    }
  })
})

describe('treatment options', () => {
  it('offers modify, avoid, share and retain, each explained in a sentence', () => {
    expect(TREATMENT_OPTIONS.map((o) => o.value)).toEqual(TREATMENTS)
    expect(TREATMENT_OPTIONS.map((o) => o.label)).toEqual(['Modify', 'Avoid', 'Share', 'Retain'])
    for (const option of TREATMENT_OPTIONS) expect(option.explanation).toMatch(/^[A-Z].{20,}\.$/)
    expect(treatmentLabel('share')).toBe('Share')
    expect(treatmentLabel(null)).toBe('No treatment decided')
  })
})

describe('heatMap', PROPERTY_TIMEOUT, () => {
  it('has scale × scale cells, highest likelihood first, impact from 1 up', () => {
    const map = heatMap([], FIVE, 'inherent')
    expect(map).toHaveLength(5)
    expect(map.map((row) => row[0]?.likelihood)).toEqual([5, 4, 3, 2, 1])
    expect(map[0]?.map((cell) => cell.impact)).toEqual([1, 2, 3, 4, 5])
    expect(map.flat().every((cell) => cell.count === 0 && cell.riskIds.length === 0)).toBe(true)
    expect(heatMap([], THREE, 'residual').flat()).toHaveLength(9)
  })

  it('places risks by inherent rating, or by residual rating leaving out the unrated', () => {
    const risks = [
      makeRisk('a', { likelihood: 5, impact: 1, residualLikelihood: 1, residualImpact: 1 }),
      makeRisk('b', { likelihood: 5, impact: 1, residualLikelihood: null, residualImpact: null }),
      makeRisk('c', { likelihood: 2, impact: 4, residualLikelihood: 1, residualImpact: 1 }),
    ]
    const inherent = heatMap(risks, FIVE, 'inherent')
    expect(inherent[0]?.[0]).toEqual({ likelihood: 5, impact: 1, count: 2, riskIds: ['a', 'b'] })
    expect(inherent[3]?.[3]).toEqual({ likelihood: 2, impact: 4, count: 1, riskIds: ['c'] })
    const residual = heatMap(risks, FIVE, 'residual')
    expect(residual[4]?.[0]).toEqual({ likelihood: 1, impact: 1, count: 2, riskIds: ['a', 'c'] })
    expect(residual.flat().reduce((n, cell) => n + cell.count, 0)).toBe(2)
  })

  it('clamps ratings outside the scale into it, so every risk is counted once', () => {
    const risks = [
      makeRisk('a', { likelihood: 5, impact: 4 }),
      makeRisk('b', { likelihood: 0, impact: Number.NaN }),
    ]
    const map = heatMap(risks, THREE, 'inherent')
    expect(map[0]?.[2]?.riskIds).toEqual(['a'])
    expect(map[2]?.[0]?.riskIds).toEqual(['b'])
  })

  it('counts every risk exactly once in the inherent map, whatever its ratings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -2, max: 8 }), fc.integer({ min: -2, max: 8 }))),
        fc.constantFrom<RiskScale>(3, 5),
        (ratings, scale) => {
          const risks = ratings.map(([likelihood, impact], i) =>
            makeRisk(`r-${i}`, { likelihood, impact }),
          )
          const cells = heatMap(risks, defaultCriteriaFor(scale), 'inherent').flat()
          expect(cells).toHaveLength(scale * scale)
          expect(cells.flatMap((c) => c.riskIds).sort()).toEqual(risks.map((r) => r.id).sort())
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('filterRisks', PROPERTY_TIMEOUT, () => {
  const risks = [
    makeRisk('r-1', { title: 'Laptop theft', likelihood: 2, impact: 3, owner: 'Ben' }),
    makeRisk('r-2', { title: 'phishing', likelihood: 4, impact: 4, treatment: null }),
    makeRisk('r-3', { title: 'Flood', asset: 'Server room', likelihood: 4, impact: 4 }),
    makeRisk('r-4', {
      title: 'Ransomware',
      threat: 'Criminal gangs',
      vulnerability: 'Unpatched VPN',
      likelihood: 5,
      impact: 5,
      treatment: 'share',
      residualLikelihood: null,
      residualImpact: null,
    }),
  ]
  const ids = (f: Partial<RiskFilter>) => filterRisks(risks, filter(f)).map((r) => r.id)

  it('sorts by inherent level, highest first, then by title', () => {
    expect(ids({})).toEqual(['r-4', 'r-3', 'r-2', 'r-1'])
  })

  it('matches text in title, asset, threat, vulnerability or owner, ignoring case', () => {
    expect(ids({ text: '  LAPTOP THEFT ' })).toEqual(['r-1'])
    expect(ids({ text: 'laptops' })).toEqual(['r-3', 'r-2', 'r-1'])
    expect(ids({ text: 'server' })).toEqual(['r-3'])
    expect(ids({ text: 'gangs' })).toEqual(['r-4'])
    expect(ids({ text: 'vpn' })).toEqual(['r-4'])
    expect(ids({ text: 'ben' })).toEqual(['r-1'])
    expect(ids({ text: 'nothing like it' })).toEqual([])
  })

  it('keeps the risks of a treatment, of none, or of any', () => {
    expect(ids({ treatment: 'share' })).toEqual(['r-4'])
    expect(ids({ treatment: 'none' })).toEqual(['r-2'])
    expect(ids({ treatment: 'modify' })).toEqual(['r-3', 'r-1'])
    expect(ids({ treatment: 'any' })).toHaveLength(4)
  })

  it('keeps the risks of a heat map cell, inherent or residual', () => {
    expect(ids({ cell: { which: 'inherent', likelihood: 4, impact: 4 } })).toEqual(['r-3', 'r-2'])
    expect(ids({ cell: { which: 'residual', likelihood: 2, impact: 2 } })).toEqual([
      'r-3',
      'r-2',
      'r-1',
    ])
    expect(ids({ cell: { which: 'residual', likelihood: 5, impact: 5 } })).toEqual([])
    expect(
      ids({
        cell: { which: 'inherent', likelihood: 4, impact: 4 },
        text: 'flood',
        treatment: 'any',
      }),
    ).toEqual(['r-3'])
  })

  it('lists exactly the risks the heat map shows in the chosen cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))),
        fc.constantFrom<RiskScale>(3, 5),
        (ratings, scale) => {
          const criteria = defaultCriteriaFor(scale)
          const list = ratings.map(([likelihood, impact], i) =>
            makeRisk(`r-${i}`, { likelihood, impact }),
          )
          for (const cell of heatMap(list, criteria, 'inherent').flat()) {
            const found = filterRisks(
              list,
              filter({ cell: { which: 'inherent', ...cell } }),
              criteria,
            )
            expect(found.map((r) => r.id).sort()).toEqual([...cell.riskIds].sort())
          }
        },
      ),
      { numRuns: 50 },
    )
  })

  it('gives the same order whatever the order of the input', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(risks, { minLength: 4, maxLength: 4 }), (shuffled) => {
        expect(filterRisks(shuffled, NO_RISK_FILTER)).toEqual(filterRisks(risks, NO_RISK_FILTER))
      }),
    )
  })

  it('filters a register of 1,000 risks in a few milliseconds', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      makeRisk(`r-${i}`, {
        title: `Risk number ${i}`,
        likelihood: (i % 5) + 1,
        impact: ((i * 7) % 5) + 1,
        treatment: TREATMENTS[i % 4] ?? null,
      }),
    )
    const start = performance.now()
    for (let run = 0; run < 20; run++) {
      filterRisks(many, filter({ text: 'number 1' }))
      filterRisks(many, NO_RISK_FILTER)
    }
    const perCall = (performance.now() - start) / 40
    expect(perCall).toBeLessThan(25)
    expect(filterRisks(many, NO_RISK_FILTER)).toHaveLength(1000)
  })
})

describe('rescaleRisks', PROPERTY_TIMEOUT, () => {
  it('maps 1–5 to 1–3 by thirds and 1–3 to 1–5 by bottom, middle and top', () => {
    expect([1, 2, 3, 4, 5].map((l) => rescaleLevel(l, 5, 3))).toEqual([1, 1, 2, 3, 3])
    expect([1, 2, 3].map((l) => rescaleLevel(l, 3, 5))).toEqual([1, 3, 5])
    expect([0, 7].map((l) => rescaleLevel(l, 5, 3))).toEqual([1, 3])
    expect(rescaleLevel(4, 3, 3)).toBe(3)
  })

  it('rescales every rating, keeps unrated residual values unrated, and changes nothing else', () => {
    const risk = makeRisk('r', {
      likelihood: 4,
      impact: 2,
      residualLikelihood: 2,
      residualImpact: 1,
    })
    const unrated = makeRisk('u', { residualLikelihood: null, residualImpact: null })
    expect(rescaleRisks([risk, unrated], 5, 3)).toEqual([
      { ...risk, likelihood: 3, impact: 1, residualLikelihood: 1, residualImpact: 1 },
      { ...unrated, likelihood: 2, impact: 3 },
    ])
    expect(rescaleRisks([risk], 5, 5)).toEqual([risk])
  })

  it('leaves no rating outside the new scale, and 1–3 → 1–5 → 1–3 changes nothing', () => {
    const rating = fc.integer({ min: 1, max: 5 })
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rating, rating, fc.option(rating, { nil: null }))),
        fc.constantFrom<[RiskScale, RiskScale]>([5, 3], [3, 5]),
        (ratings, [from, to]) => {
          const risks = ratings.map(([likelihood, impact, residual], i) =>
            makeRisk(`r-${i}`, {
              likelihood: Math.min(likelihood, from),
              impact: Math.min(impact, from),
              residualLikelihood: residual === null ? null : Math.min(residual, from),
              residualImpact: residual === null ? null : 1,
            }),
          )
          const criteria = defaultCriteriaFor(to)
          const rescaled = rescaleRisks(risks, from, to)
          for (const risk of rescaled) expect(riskProblems(risk, criteria)).toEqual([])
          if (from === 3) expect(rescaleRisks(rescaled, 5, 3)).toEqual(risks)
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('acceptedAboveCriteria', () => {
  const base = {
    likelihood: 4,
    impact: 5,
    residualLikelihood: null,
    residualImpact: null,
    acceptedBy: 'CEO',
    acceptedOn: '2026-11-20',
  }
  it('gives the level a risk was accepted at when it is above the threshold', () => {
    expect(acceptedAboveCriteria(base, DEFAULT_RISK_CRITERIA)).toBe(20)
    expect(
      acceptedAboveCriteria(
        { ...base, residualLikelihood: 2, residualImpact: 3 },
        DEFAULT_RISK_CRITERIA,
      ),
    ).toBe(6)
  })
  it('says nothing within the threshold, or before someone accepted it with a date', () => {
    expect(
      acceptedAboveCriteria(
        { ...base, residualLikelihood: 1, residualImpact: 2 },
        DEFAULT_RISK_CRITERIA,
      ),
    ).toBeNull()
    expect(acceptedAboveCriteria({ ...base, acceptedBy: ' ' }, DEFAULT_RISK_CRITERIA)).toBeNull()
    expect(acceptedAboveCriteria({ ...base, acceptedOn: null }, DEFAULT_RISK_CRITERIA)).toBeNull()
  })
})

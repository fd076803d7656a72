import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS } from '@/content'
import { buildSoa } from '@/domain/soa'
import {
  CONTROL_IDS,
  applicable,
  excluded,
  fullyReady,
  makeDecision,
  makeInput,
  makeRisk,
  shuffledArb,
  workspaceArb,
} from './builders'

/** Property tests run hundreds of workspaces: a loaded CI machine needs more than 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 }

describe('buildSoa', PROPERTY_TIMEOUT, () => {
  it('has one undecided row for each of the 93 controls when nothing is decided', () => {
    const rows = buildSoa(makeInput())
    expect(rows).toHaveLength(93)
    expect(rows.map((r) => r.id)).toEqual(CONTROL_IDS)
    expect(rows[0]).toEqual({
      id: '5.1',
      theme: 'Organizational',
      title: ANNEX_A_CONTROLS[0]?.title,
      newIn2022: false,
      applicability: 'undecided',
      provider: null,
      supplierName: '',
      reasons: [],
      derivedReasons: [],
      justification: '',
      justified: false,
      implementationStatus: null,
      owner: '',
      evidence: [],
      riskIds: [],
      riskTitles: [],
      defensible: true,
    })
    expect(rows.filter((r) => r.newIn2022).map((r) => r.id)).toEqual([
      '5.7',
      '5.23',
      '5.30',
      '7.4',
      '8.9',
      '8.10',
      '8.11',
      '8.12',
      '8.16',
      '8.23',
      '8.28',
    ])
  })

  it('carries an applicable decision into its row', () => {
    const [row] = buildSoa(
      makeInput({
        decisions: [
          applicable('5.1', 'partly', {
            provider: 'supplier',
            supplierName: ' CloudCo ',
            reasons: ['business-need', 'risk-assessment', 'business-need'],
            justification: '  Customers require it. ',
            owner: ' Ana ',
            evidence: ['https://wiki.example/policy', 'Policy v3'],
          }),
        ],
      }),
    )
    expect(row).toMatchObject({
      applicability: 'applicable',
      provider: 'supplier',
      supplierName: 'CloudCo',
      reasons: ['risk-assessment', 'business-need'],
      justification: 'Customers require it.',
      justified: true,
      implementationStatus: 'partly',
      owner: 'Ana',
      evidence: ['https://wiki.example/policy', 'Policy v3'],
    })
  })

  it('shows no implementation status or provider for an excluded or undecided control', () => {
    const rows = buildSoa(
      makeInput({
        decisions: [
          excluded('7.4'),
          makeDecision('7.5', { implementationStatus: 'implemented', provider: 'supplier' }),
        ],
      }),
    )
    const row = (id: string) => rows.find((r) => r.id === id)
    expect(row('7.4')).toMatchObject({
      applicability: 'excluded',
      implementationStatus: null,
      provider: null,
      justified: true,
    })
    expect(row('7.5')).toMatchObject({
      applicability: 'undecided',
      implementationStatus: null,
      provider: null,
      supplierName: '',
      justified: false,
    })
  })

  it('names the supplier only when a supplier provides the control', () => {
    const [row] = buildSoa(
      makeInput({ decisions: [applicable('5.1', 'implemented', { supplierName: 'Old name' })] }),
    )
    expect(row).toMatchObject({ provider: 'in-house', supplierName: '' })
  })

  it('marks an unjustified exclusion as not justified', () => {
    const rows = buildSoa(
      makeInput({ decisions: [makeDecision('7.4', { applicability: 'excluded' })] }),
    )
    expect(rows.find((r) => r.id === '7.4')?.justified).toBe(false)
  })

  it('derives the reason "risk assessment" from a linked risk treated by modification', () => {
    const rows = buildSoa(
      makeInput({
        decisions: [applicable('8.13', 'planned', { reasons: [] })],
        risks: [makeRisk('r-1', { title: ' Lost backups ', controlIds: ['8.13'] })],
      }),
    )
    expect(rows.find((r) => r.id === '8.13')).toMatchObject({
      reasons: ['risk-assessment'],
      derivedReasons: ['risk-assessment'],
      justified: true,
      riskIds: ['r-1'],
      riskTitles: ['Lost backups'],
    })
  })

  it('shows a derived reason once, and not as derived, when it is also ticked', () => {
    const [row] = buildSoa(
      makeInput({
        decisions: [applicable('5.1', 'planned', { reasons: ['contractual', 'risk-assessment'] })],
        risks: [makeRisk('r-1', { controlIds: ['5.1'] })],
      }),
    )
    expect(row).toMatchObject({
      reasons: ['risk-assessment', 'contractual'],
      derivedReasons: [],
      justified: true,
    })
  })

  it('lists linked risks of any treatment, oldest first, but derives a reason only from "modify"', () => {
    const rows = buildSoa(
      makeInput({
        decisions: [applicable('5.15', 'planned', { reasons: [] })],
        risks: [
          makeRisk('r-b', { title: 'Newer', treatment: 'share', controlIds: ['5.15', '5.15'] }),
          makeRisk('r-a', {
            title: 'Older',
            treatment: null,
            controlIds: ['5.15'],
            createdAt: '2026-01-01T00:00:00.000Z',
          }),
        ],
      }),
    )
    expect(rows.find((r) => r.id === '5.15')).toMatchObject({
      reasons: [],
      derivedReasons: [],
      justified: false,
      riskIds: ['r-a', 'r-b'],
      riskTitles: ['Older', 'Newer'],
    })
  })

  it('derives no reason for an excluded control, and never justifies an undecided one', () => {
    const risks = [makeRisk('r-1', { controlIds: ['7.4', '7.5'] })]
    const rows = buildSoa(
      makeInput({
        decisions: [makeDecision('7.4', { applicability: 'excluded' })],
        risks,
      }),
    )
    expect(rows.find((r) => r.id === '7.4')).toMatchObject({
      reasons: [],
      derivedReasons: [],
      justified: false,
      riskIds: ['r-1'],
    })
    expect(rows.find((r) => r.id === '7.5')).toMatchObject({
      applicability: 'undecided',
      reasons: ['risk-assessment'],
      derivedReasons: ['risk-assessment'],
      justified: false,
    })
  })

  it('has every row decided, justified and implemented in a complete workspace', () => {
    const rows = buildSoa(fullyReady())
    expect(rows.every((r) => r.justified && r.implementationStatus === 'implemented')).toBe(true)
  })

  it('always has exactly 93 rows in catalog order, whatever the workspace', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const rows = buildSoa(input)
        expect(rows.map((r) => r.id)).toEqual(CONTROL_IDS)
        for (const row of rows) {
          if (row.applicability !== 'applicable') {
            expect(row.implementationStatus).toBeNull()
            expect(row.provider).toBeNull()
          }
        }
      }),
      { numRuns: 100 },
    )
  })

  it('is deterministic: the same decisions in any order give the same SoA', () => {
    fc.assert(
      fc.property(
        workspaceArb.chain((input) => fc.tuple(fc.constant(input), shuffledArb(input))),
        ([input, shuffled]) => {
          expect(buildSoa(shuffled)).toEqual(buildSoa(input))
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('buildSoa: exclusions that cannot stand', () => {
  it('marks an exclusion no organization can defend, whatever its justification', () => {
    const rows = buildSoa(
      makeInput({
        decisions: [
          excluded('5.15', 'We trust all of our staff completely.'),
          excluded('7.1', 'Fully remote: no premises of our own.'),
        ],
      }),
    )
    const row = (id: string) => rows.find((r) => r.id === id)
    expect(row('5.15')).toMatchObject({
      applicability: 'excluded',
      justified: true,
      defensible: false,
    })
    expect(row('7.1')).toMatchObject({ justified: true, defensible: true })
    expect(row('8.1')?.defensible).toBe(true)
    expect(rows.filter((r) => !r.defensible).map((r) => r.id)).toEqual(['5.15'])
  })
})

import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, nonExcludableReason } from '@/content'
import type { ControlDecision } from '@/domain/model'
import { proposalProblem } from '@/domain/proposals'
import { buildSoa } from '@/domain/soa'
import { buildSoaCsv } from '@/reports/soaCsv'
import { applicable, excluded, makeDecision } from '../domain/builders'
import { csvOf, importCsv, itemOf } from './soaImportFixture'

const DECISIONS: readonly ControlDecision[] = [
  applicable('5.15', 'partly', {
    justification: 'Access follows the "need to know" rule, see AC-01.',
  }),
  applicable('8.2', 'implemented', { justification: '=Three admins; reviewed monthly' }),
  applicable('5.23', 'planned', { justification: '' }),
  excluded('7.4', 'No premises of our own: the coworking operator monitors the building.'),
  excluded('8.30'),
  makeDecision('8.7', {
    applicability: 'applicable',
    justification: 'Endpoint protection on all laptops.',
  }),
  applicable('8.16', 'implemented', {
    justification: 'Our SOC watches the logs around the clock.',
    provider: 'supplier',
    supplierName: 'NorthWatch SOC',
  }),
]

const csv = buildSoaCsv(buildSoa({ answers: [], decisions: DECISIONS }), new Map())
const { items, summary, rows } = importCsv(csv)

describe("a 2022 SoA: the app's own CSV export imported back", () => {
  it('is read as a 2022 SoA, every control by its id, the undecided ones saying nothing', () => {
    expect(rows.edition).toBe('2022')
    expect(rows.rows).toHaveLength(ANNEX_A_CONTROLS.length)
    expect(rows.problems).toEqual([])
    expect(summary).toMatchObject({
      edition: '2022',
      rowsUsed: DECISIONS.length,
      proposed: DECISIONS.length,
      conflicts: 0,
      decideFresh: ANNEX_A_CONTROLS.length - DECISIONS.length,
    })
  })

  it('round-trips applicability, justification and status', () => {
    const decided = DECISIONS.map((d) => {
      const option = itemOf(items, d.controlId).options[0]!
      return [d.controlId, option.applicability, option.justification, option.implementationStatus]
    })
    expect(decided).toEqual([
      ['5.15', 'applicable', 'Access follows the "need to know" rule, see AC-01.', 'partly'],
      ['8.2', 'applicable', '=Three admins; reviewed monthly', 'implemented'],
      ['5.23', 'applicable', 'Applicable in the 2022 SoA (A.5.23).', 'planned'],
      [
        '7.4',
        'excluded',
        'No premises of our own: the coworking operator monitors the building.',
        null,
      ],
      ['8.30', 'excluded', 'Fully remote organization with no premises of its own.', null],
      ['8.7', 'applicable', 'Endpoint protection on all laptops.', 'not-implemented'],
      ['8.16', 'applicable', 'Our SOC watches the logs around the clock.', 'implemented'],
    ])
  })

  it('round-trips who provides each control: the supplier by name, in-house otherwise', () => {
    const providers = DECISIONS.filter((d) => d.applicability === 'applicable').map((d) => {
      const option = itemOf(items, d.controlId).options[0]!
      return [d.controlId, option.provider, option.supplierName]
    })
    expect(providers).toEqual([
      ['5.15', 'in-house', ''],
      ['8.2', 'in-house', ''],
      ['5.23', 'in-house', ''],
      ['8.7', 'in-house', ''],
      ['8.16', 'supplier', 'NorthWatch SOC'],
    ])
    expect(itemOf(items, '8.16').options[0]!.sources[0]!.detail).toContain(
      'Provided by: NorthWatch SOC',
    )
  })

  it('names the row of the export as the source', () => {
    const row = ANNEX_A_CONTROLS.findIndex((c) => c.id === '5.15') + 2
    expect(itemOf(items, '5.15').options[0]!.sources).toEqual([
      {
        label: `Row ${row}: A.5.15`,
        detail:
          'Applicable: Yes · "Access follows the "need to know" rule, see AC-01." · Status: Partly implemented',
      },
    ])
  })

  it('leaves the undecided controls, new ones included, to decide fresh', () => {
    expect(itemOf(items, '5.1').options).toEqual([])
    expect(itemOf(items, '5.1').warnings).toEqual([
      'Row 2 (A.5.1) does not say whether it applies: decide it fresh.',
    ])
    expect(itemOf(items, '5.7').options).toEqual([])
  })

  it('proposes nothing the review would refuse', () => {
    for (const option of items.flatMap((i) => i.options)) expect(proposalProblem(option)).toBeNull()
  })
})

describe('a toolkit 2022 SoA', () => {
  it('reads bare numbers, proposes an excluded non-excludable control as applicable', () => {
    const { items } = importCsv(
      csvOf(
        ['5.15', 'Y', 'Access policy', 'In place'],
        ['8.7 Protection against malware', 'N', 'Chromebooks only', ''],
        ['5.7', 'Yes', '', 'To do'],
      ),
    )
    expect(itemOf(items, '5.15').options[0]).toMatchObject({
      applicability: 'applicable',
      justification: 'Access policy',
      implementationStatus: 'implemented',
    })
    expect(itemOf(items, '8.7').options[0]).toMatchObject({
      applicability: 'applicable',
      justification: nonExcludableReason('8.7'),
      implementationStatus: 'not-implemented',
    })
    expect(itemOf(items, '5.7').options[0]).toMatchObject({
      justification: 'Applicable in the 2022 SoA (A.5.7).',
      implementationStatus: 'planned',
    })
    expect(itemOf(items, '5.1').warnings).toEqual([
      'The file has no row for A.5.1: decide it fresh.',
    ])
  })
})

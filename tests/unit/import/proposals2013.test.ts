import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, nonExcludableReason } from '@/content'
import { proposalProblem, type ReviewItem } from '@/domain/proposals'
import { CONTROLS_2013 } from '@/domain/soaImport'
import { csvOf, importCsv, itemOf, SOA_2013_CSV } from './soaImportFixture'

const { items, summary, rows } = importCsv(SOA_2013_CSV)
const item = (id: Parameters<typeof itemOf>[1]) => itemOf(items, id)
const only = (review: ReviewItem) => {
  expect(review.options).toHaveLength(1)
  return review.options[0]!
}
const NEW_IN_2022 = ANNEX_A_CONTROLS.filter((c) => c.newIn2022)

describe('a 2013 SoA carried forward (the cloud-only fixture)', () => {
  it('reads all 114 controls of the file, and nothing else, without a problem', () => {
    expect(rows.edition).toBe('2013')
    expect(rows.rows.map((r) => r.id).sort()).toEqual([...CONTROLS_2013].sort())
    expect(rows.problems).toEqual([])
    expect(rows.notes).toEqual([])
  })

  it('gives one review item per 2022 control, in catalog order', () => {
    expect(items.map((i) => i.controlId)).toEqual(ANNEX_A_CONTROLS.map((c) => c.id))
  })

  it('never proposes what the review would refuse to apply', () => {
    for (const review of items) {
      for (const option of review.options) {
        expect(proposalProblem(option), option.controlId).toBeNull()
        expect(option.controlId).toBe(review.controlId)
        expect(option.sources.length).toBeGreaterThan(0)
        expect(option.reasons).toEqual([])
        expect(option.provider).toBe('in-house')
        expect(option.supplierName).toBe('')
      }
    }
  })

  it('sums up the import', () => {
    expect(summary).toEqual({
      edition: '2013',
      // All but A.11.2.4, excluded without a reason.
      rowsUsed: 113,
      proposed: ANNEX_A_CONTROLS.length - NEW_IN_2022.length - 2,
      conflicts: 1,
      decideFresh: NEW_IN_2022.length + 1,
      problems: 0,
    })
  })

  it('merges A.9.1.1 and A.9.1.2 into 5.15: both texts, the least advanced status, a warning', () => {
    const review = item('5.15')
    expect(only(review)).toEqual({
      controlId: '5.15',
      applicability: 'applicable',
      provider: 'in-house',
      supplierName: '',
      reasons: [],
      justification:
        'A.9.1.1: Access is granted on a need-to-know basis, written in the access policy; A.9.1.2: Only staff on the VPN or with SSO reach internal services.',
      implementationStatus: 'partly',
      sources: [
        {
          label: 'Row 34: A.9.1.1',
          detail:
            'Applicable: Yes · "Access is granted on a need-to-know basis, written in the access policy." · Status: Implemented',
        },
        {
          label: 'Row 35: A.9.1.2',
          detail:
            'Applicable: Yes · "Only staff on the VPN or with SSO reach internal services." · Status: Partly implemented',
        },
      ],
    })
    expect(review.warnings).toEqual([
      'The rows give different statuses (row 34 (A.9.1.1) Implemented and row 35 (A.9.1.2) Partly implemented); the least advanced, Partly implemented, is suggested.',
    ])
  })

  it('leaves the 11 controls new in 2022 to decide fresh, 5.23 among them', () => {
    expect(NEW_IN_2022).toHaveLength(11)
    for (const control of NEW_IN_2022) {
      expect(item(control.id)).toEqual({
        controlId: control.id,
        options: [],
        warnings: ['New in ISO/IEC 27001:2022: decide it fresh.'],
      })
    }
    expect(item('5.23').options).toEqual([])
  })

  it('carries the exclusion of A.11.1.1 forward to 7.1, with the row as its source', () => {
    const review = item('7.1')
    expect(only(review)).toMatchObject({
      applicability: 'excluded',
      justification:
        'No server room and no office of our own: we rent desks in a coworking space and all systems run in the cloud.',
      implementationStatus: null,
      sources: [
        {
          label: 'Row 52: A.11.1.1',
          detail:
            'Applicable: No · "No server room and no office of our own: we rent desks in a coworking space and all systems run in the cloud." · Status: —',
        },
      ],
    })
    expect(review.warnings).toEqual([])
  })

  it('joins the reasons of two excluded 2013 controls (A.11.1.2, A.11.1.6) into 7.2', () => {
    expect(only(item('7.2')).justification).toBe(
      'A.11.1.2: The coworking operator controls the entrance; we hold no secure area of our own; A.11.1.6: No deliveries to any area we control.',
    )
  })

  it('excludes 8.30 as the 2013 SoA excluded outsourced development (A.14.2.7)', () => {
    expect(only(item('8.30'))).toMatchObject({
      applicability: 'excluded',
      justification: 'All development is done by our own employees; no code is outsourced.',
    })
  })

  it('does not carry forward an exclusion without a reason (A.11.2.4 → 7.13)', () => {
    expect(item('7.13')).toEqual({
      controlId: '7.13',
      options: [],
      warnings: [
        'The old SoA excluded it without a reason (row 61 (A.11.2.4)), and an exclusion needs one: decide it fresh.',
      ],
    })
  })

  it('proposes 8.7 applicable although A.12.2.1 was excluded, and says why', () => {
    const review = item('8.7')
    const reason = nonExcludableReason('8.7')!
    expect(only(review)).toMatchObject({
      applicability: 'applicable',
      justification: reason,
      implementationStatus: 'not-implemented',
      sources: [{ label: 'Row 72: A.12.2.1' }],
    })
    expect(review.warnings).toEqual([
      `The old SoA excluded it (row 72 (A.12.2.1): "All staff use Chromebooks, so malware is not a concern for us."), but A.8.7 cannot be excluded: ${reason} It is suggested as applicable instead.`,
    ])
  })

  it('offers both decisions for 7.10, whose 2013 controls disagree, each with its rows', () => {
    const review = item('7.10')
    expect(review.options.map((o) => o.applicability)).toEqual(['applicable', 'excluded'])
    const [yes, no] = review.options
    expect(yes!.sources.map((s) => s.label)).toEqual([
      'Row 29: A.8.3.1',
      'Row 30: A.8.3.2',
      'Row 62: A.11.2.5',
    ])
    expect(no!.sources.map((s) => s.label)).toEqual(['Row 31: A.8.3.3'])
    expect(no!.justification).toBe(
      'We never send data on physical media; all transfers are online.',
    )
    expect(review.warnings[0]).toBe(
      'The rows disagree: row 29 (A.8.3.1), row 30 (A.8.3.2) and row 62 (A.11.2.5) say it applies, row 31 (A.8.3.3) excludes it. Pick one.',
    )
  })

  it('feeds A.18.2.3 to both 5.36 and 8.8', () => {
    for (const id of ['5.36', '8.8'] as const) {
      expect(only(item(id)).sources.map((s) => s.label)).toContain('Row 131: A.18.2.3')
    }
  })

  it('justifies an applicable row without text by the old SoA (8.17 from A.12.4.4)', () => {
    expect(only(item('8.17'))).toMatchObject({
      applicability: 'applicable',
      justification: 'Applicable in the 2013 SoA (A.12.4.4).',
      implementationStatus: 'implemented',
    })
  })

  it('carries a single row forward as written (8.2 from A.9.2.3)', () => {
    expect(only(item('8.2'))).toMatchObject({
      applicability: 'applicable',
      justification: 'Admin rights on the cloud platform are limited to three engineers.',
      implementationStatus: 'implemented',
    })
  })
})

describe('2013 rows in other shapes', () => {
  it('says which 2013 controls no row covers', () => {
    const { items } = importCsv(csvOf(['A.9.1.1', 'Yes', 'Policy', 'Done']))
    expect(itemOf(items, '5.15').options).toHaveLength(1)
    expect(itemOf(items, '5.1')).toEqual({
      controlId: '5.1',
      options: [],
      warnings: [
        'No row of the file covers A.5.1.1 and A.5.1.2, the 2013 controls it replaces: decide it fresh.',
      ],
    })
    expect(itemOf(items, '8.2').warnings).toEqual([
      'No row of the file covers A.9.2.3, the 2013 control it replaces: decide it fresh.',
    ])
  })

  it('repeats a row problem on the control it would have fed', () => {
    const { items, summary } = importCsv(csvOf(['A.9.2.3', 'perhaps', '', '']))
    expect(itemOf(items, '8.2').warnings).toEqual([
      'No row of the file covers A.9.2.3, the 2013 control it replaces: decide it fresh.',
      "Row 2: A.9.2.3: 'perhaps' is not yes or no; the row is not used.",
    ])
    expect(summary.problems).toBe(1)
  })

  it('shows a control repeated with different decisions as a conflict of both rows', () => {
    const { items } = importCsv(
      csvOf(
        ['A.9.2.3', 'Yes', 'Three admins', 'Done'],
        ['A.9.2.3', 'No', 'Outsourced to the MSP', ''],
      ),
    )
    const review = itemOf(items, '8.2')
    expect(review.options.map((o) => [o.applicability, o.sources.map((s) => s.label)])).toEqual([
      ['applicable', ['Row 2: A.9.2.3']],
      ['excluded', ['Row 3: A.9.2.3']],
    ])
    expect(review.warnings).toContain(
      'A.9.2.3 is on rows 2 and 3, and they say different things; the review shows each of them.',
    )
  })

  it('carries a supplier forward when every row names it, and warns when the rows differ', () => {
    const text = [
      'Control,Applicable,Justification,Status,Provided by',
      'A.9.1.1,Yes,Policy,Done,In-house',
      'A.9.1.2,Yes,Network access,Done,Supplier: NetOps GmbH',
      'A.12.4.1,Yes,Central logging,Done,Outsourced to NorthWatch SOC',
    ].join('\n')
    const { items } = importCsv(text)
    const logging = itemOf(items, '8.15').options[0]!
    expect([logging.provider, logging.supplierName]).toEqual(['supplier', 'NorthWatch SOC'])
    const access = itemOf(items, '5.15')
    expect([access.options[0]!.provider, access.options[0]!.supplierName]).toEqual(['in-house', ''])
    expect(access.warnings).toContain(
      'The rows name different providers (row 2 (A.9.1.1) in-house and row 3 (A.9.1.2) NetOps GmbH); it is suggested as provided in-house: name the supplier in Annex A if one provides it.',
    )
  })

  it('drops an unjustified exclusion from a conflict and proposes the other side', () => {
    const { items } = importCsv(
      csvOf(['A.8.3.1', 'Yes', 'USB blocked', ''], ['A.8.3.3', 'No', '', '']),
    )
    const review = itemOf(items, '7.10')
    expect(review.options.map((o) => o.applicability)).toEqual(['applicable'])
    expect(review.warnings).toContain(
      'The old SoA excluded it without a reason (row 3 (A.8.3.3)), and an exclusion needs one: decide it fresh.',
    )
  })

  it('keeps the reason of an excluded row when another excluded row has none', () => {
    const { items } = importCsv(
      csvOf(['A.11.1.2', 'No', 'No premises', ''], ['A.11.1.6', 'No', '', '']),
    )
    const review = itemOf(items, '7.2')
    expect(review.options[0]!.justification).toBe('No premises')
    expect(review.warnings).toEqual([
      'Row 3 (A.11.1.6) excluded it without a reason; the reason suggested comes from the other rows.',
    ])
  })

  it('warns when a control that still applies at home is excluded (7.7 from A.11.2.9)', () => {
    const { items } = importCsv(csvOf(['A.11.2.9', 'No', 'We have no office', '']))
    const review = itemOf(items, '7.7')
    expect(review.options[0]!.applicability).toBe('excluded')
    expect(review.warnings[0]).toMatch(
      /^An exclusion "because we have no offices" rarely holds for A\.7\.7: /,
    )
  })

  it('keeps a non-excludable control applicable when only some of its rows exclude it', () => {
    const { items } = importCsv(
      csvOf(['A.9.1.1', 'Yes', 'Policy approved', 'Done'], ['A.9.1.2', 'No', 'No network', '']),
    )
    const review = itemOf(items, '5.15')
    expect(review.options).toHaveLength(1)
    expect(review.options[0]).toMatchObject({
      applicability: 'applicable',
      justification: 'Policy approved',
      implementationStatus: 'implemented',
    })
    expect(proposalProblem(review.options[0]!)).toBeNull()
    expect(review.warnings[0]).toMatch(
      /^The old SoA excluded it \(row 3 \(A\.9\.1\.2\): "No network"\), but A\.5\.15 cannot be excluded/,
    )
  })

  it('leaves a control whose rows say nothing about applicability to decide fresh', () => {
    const { items } = importCsv(csvOf(['A.9.2.3', '', 'Admins', 'Done']))
    expect(itemOf(items, '8.2')).toEqual({
      controlId: '8.2',
      options: [],
      warnings: ['Row 2 (A.9.2.3) does not say whether it applies: decide it fresh.'],
    })
  })
})

import { describe, expect, it } from 'vitest'
import {
  readSoaRows,
  readApplicable,
  readStatus,
  readSupplier,
  type ColumnMapping,
} from '@/domain/soaImport'
import { FIELD_LIMITS } from '@/domain/limits'
import { csvOf, rowsOf, tableOf } from './soaImportFixture'

const MAPPING: ColumnMapping = {
  controlId: 0,
  applicable: 1,
  justification: 2,
  status: 3,
  provider: null,
  headerRow: true,
}

const refusalOf = (text: string, mapping: ColumnMapping = MAPPING) => {
  const result = readSoaRows(tableOf(text), mapping)
  if (result.ok) throw new Error('expected a refusal')
  return result.message
}

describe('readApplicable', () => {
  it.each(['yes', 'Y', 'TRUE', '1', 'Applicable', 'included', 'x', '✓', ' Yes '])(
    '%j says applicable',
    (cell) => expect(readApplicable(cell)).toBe('applicable'),
  )
  it.each(['no', 'N', 'false', '0', 'Excluded', 'Not applicable', 'N/A', 'na', '-'])(
    '%j says excluded',
    (cell) => expect(readApplicable(cell)).toBe('excluded'),
  )
  it.each(['', 'Undecided'])('%j says nothing', (cell) => expect(readApplicable(cell)).toBeNull())
  it.each(['maybe', 'partly', 'yes please'])('%j is not understood', (cell) =>
    expect(readApplicable(cell)).toBe('unknown'),
  )
})

describe('readStatus', () => {
  it.each([
    ['Implemented', 'implemented'],
    ['in place', 'implemented'],
    ['Done', 'implemented'],
    ['yes', 'implemented'],
    ['Completed', 'implemented'],
    ['complete', 'implemented'],
    ['Partly', 'partly'],
    ['partial', 'partly'],
    ['Partially implemented', 'partly'],
    ['Partly implemented', 'partly'],
    ['In progress', 'partly'],
    ['in-progress', 'partly'],
    ['Planned', 'planned'],
    ['To do', 'planned'],
    ['scheduled', 'planned'],
    ['Not implemented', 'not-implemented'],
    ['no', 'not-implemented'],
    ['Not started', 'not-implemented'],
    ['none', 'not-implemented'],
  ] as const)('%j is %s', (cell, status) => expect(readStatus(cell)).toBe(status))

  it('reads an empty cell as "leave as is" and unknown text as unknown', () => {
    expect(readStatus('')).toBeNull()
    expect(readStatus('  ')).toBeNull()
    expect(readStatus('Under review')).toBe('unknown')
  })
})

describe('readSupplier', () => {
  it('reads a supplier’s name, with or without the words before it', () => {
    expect(readSupplier('Supplier: Hive Offices')).toBe('Hive Offices')
    expect(readSupplier('Outsourced to NorthWatch SOC')).toBe('NorthWatch SOC')
    expect(readSupplier('provided by: AWS')).toBe('AWS')
    expect(readSupplier(' Microsoft 365 ')).toBe('Microsoft 365')
  })

  it('reads in-house, nothing, and a supplier without a name as no supplier', () => {
    for (const cell of [
      '',
      'In-house',
      'in house',
      'Internal',
      'n/a',
      '-',
      'Supplier: not named',
    ]) {
      expect(readSupplier(cell), cell).toBe('')
    }
  })
})

describe('readSoaRows', () => {
  it('numbers rows as the spreadsheet does and skips headings, empty rows and titles', () => {
    const result = rowsOf(
      tableOf(
        csvOf(
          ['A.9 Access control', '', '', ''],
          ['A.9.1 Business requirements of access control', '', '', ''],
          [],
          ['A.9.1.1 Access control policy', 'Yes', 'Policy approved', 'Done'],
          ['', 'Some note', '', ''],
        ),
      ),
      MAPPING,
    )
    expect(result.edition).toBe('2013')
    expect(result.rows).toEqual([
      {
        row: 5,
        id: 'A.9.1.1',
        ref: 'A.9.1.1',
        applicability: 'applicable',
        justification: 'Policy approved',
        status: 'implemented',
        statusText: 'Done',
        supplierName: '',
      },
    ])
    expect(result.problems).toEqual([])
    expect(result.notes).toEqual([])
  })

  it('reads two-part ids as a 2022 SoA', () => {
    const result = rowsOf(
      tableOf(csvOf(['5.15', 'Yes', '', ''], ['A.8.7', 'No', 'x', ''])),
      MAPPING,
    )
    expect(result.edition).toBe('2022')
    expect(result.rows.map((r) => [r.id, r.ref])).toEqual([
      ['5.15', 'A.5.15'],
      ['8.7', 'A.8.7'],
    ])
  })

  it('lists unknown ids and unreadable applicability as problems, those rows unused', () => {
    const result = rowsOf(
      tableOf(
        csvOf(
          ['A.9.1.1', 'Yes', '', ''],
          ['A.9.2.7', 'Yes', '', ''],
          ['A.9.1.2', 'maybe', '', ''],
          ['A.9.2.1', 'Yes', '', 'Under review'],
        ),
      ),
      MAPPING,
    )
    expect(result.rows.map((r) => r.id)).toEqual(['A.9.1.1', 'A.9.2.1'])
    expect(result.rows[1]!.status).toBeNull()
    expect(result.problems.map((p) => p.message)).toEqual([
      'Row 3: A.9.2.7 is not a control of ISO/IEC 27001:2013 Annex A; the row is not used.',
      "Row 4: A.9.1.2: 'maybe' is not yes or no; the row is not used.",
      "Row 5: A.9.2.1: 'Under review' is not an implementation status this import knows; the row is used without its status.",
    ])
  })

  it('lists a 2022 id that is no control (A.5.38) as a problem', () => {
    const result = rowsOf(
      tableOf(csvOf(['A.5.1', 'Yes', '', ''], ['A.5.38', 'Yes', '', ''])),
      MAPPING,
    )
    expect(result.problems.map((p) => p.message)).toEqual([
      'Row 3: A.5.38 is not a control of ISO/IEC 27001:2022 Annex A; the row is not used.',
    ])
  })

  it('reads a repeated identical row once, with a note', () => {
    const result = rowsOf(
      tableOf(
        csvOf(
          ['A.9.2.3', 'Yes', 'Three admins', 'Done'],
          ['A.9.2.3', 'Yes', 'Three admins', 'Done'],
        ),
      ),
      MAPPING,
    )
    expect(result.rows.map((r) => r.row)).toEqual([2])
    expect(result.notes.map((n) => n.message)).toEqual([
      'Row 3 repeats row 2 (A.9.2.3) and is read once.',
    ])
  })

  it('keeps both rows of a control repeated with different decisions, with a note', () => {
    const result = rowsOf(
      tableOf(
        csvOf(['A.9.2.3', 'Yes', 'Three admins', 'Done'], ['A.9.2.3', 'No', 'Outsourced', '']),
      ),
      MAPPING,
    )
    expect(result.rows.map((r) => r.row)).toEqual([2, 3])
    expect(result.notes).toEqual([
      {
        row: 3,
        id: 'A.9.2.3',
        message:
          'A.9.2.3 is on rows 2 and 3, and they say different things; the review shows each of them.',
      },
    ])
  })

  it('refuses a file that mixes 2013 and 2022 control numbers, naming a row of each', () => {
    expect(refusalOf(csvOf(['A.9.1.1', 'Yes', '', ''], ['A.5.15', 'Yes', '', '']))).toBe(
      'The file mixes the two editions of the standard: row 2 names A.9.1.1, a control of ISO/IEC 27001:2013, and row 3 names A.5.15, a control of ISO/IEC 27001:2022. Keep the rows of one edition in the file (or on a sheet of their own) and import them alone.',
    )
  })

  it('does not take the two-part objective headings of a 2013 SoA for 2022 controls', () => {
    const result = rowsOf(
      tableOf(csvOf(['A.5.1 Management direction', '', '', ''], ['A.5.1.1', 'Yes', 'x', ''])),
      MAPPING,
    )
    expect(result.edition).toBe('2013')
    expect(result.problems).toEqual([])
  })

  it('refuses a column without any control number', () => {
    expect(refusalOf(csvOf(['Access control', 'Yes', '', '']))).toMatch(
      /^No cell of column A holds an Annex A control number/,
    )
  })

  it('refuses a mapping without an applicability column', () => {
    expect(refusalOf(csvOf(['A.5.1', 'Yes', '', '']), { ...MAPPING, applicable: null })).toMatch(
      /^Choose the column that says whether each control applies/,
    )
  })

  it('reads the provider column as the supplier’s name, formula guard undone and cut to length', () => {
    const text = `Control,Applicable,Provided by\nA.5.1,Yes,In-house\nA.5.2,Yes,'=Evil Corp\nA.5.3,Yes,Supplier: ${'N'.repeat(500)}\n`
    const result = rowsOf(tableOf(text), {
      controlId: 0,
      applicable: 1,
      justification: null,
      status: null,
      provider: 2,
      headerRow: true,
    })
    expect(result.rows.map((r) => r.supplierName)).toEqual([
      '',
      '=Evil Corp',
      'N'.repeat(FIELD_LIMITS.name),
    ])
  })

  it('reads the header row as data when told there is none', () => {
    const result = rowsOf(tableOf('A.5.1,Yes\nA.5.2,No,Nobody\n'), {
      controlId: 0,
      applicable: 1,
      justification: 2,
      status: null,
      provider: null,
      headerRow: false,
    })
    expect(result.rows.map((r) => r.row)).toEqual([1, 2])
  })
})

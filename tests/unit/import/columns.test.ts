import { describe, expect, it } from 'vitest'
import { columnLabels, columnLetter, guessMapping, headerRowIndex } from '@/domain/soaImport'
import { SOA_CSV_HEADER } from '@/reports/soaCsv'
import { SOA_2013_CSV, tableOf } from './soaImportFixture'

describe('guessMapping', () => {
  it('finds every role of the 2013 fixture by its header names', () => {
    expect(guessMapping(tableOf(SOA_2013_CSV))).toEqual({
      controlId: 0,
      applicable: 2,
      justification: 3,
      status: 4,
      provider: null,
      headerRow: true,
    })
  })

  it("reads the app's own SoA export: Applicability, Justification (not its reasons), Implementation status, Provided by", () => {
    const table = [[...SOA_CSV_HEADER], ['A.5.1', 'Policies', 'Organizational', 'No', 'Applicable']]
    expect(guessMapping(table)).toEqual({
      controlId: SOA_CSV_HEADER.indexOf('Control'),
      applicable: SOA_CSV_HEADER.indexOf('Applicability'),
      justification: SOA_CSV_HEADER.indexOf('Justification'),
      status: SOA_CSV_HEADER.indexOf('Implementation status'),
      provider: SOA_CSV_HEADER.indexOf('Provided by'),
      headerRow: true,
    })
  })

  it('takes the column of control numbers even when "Control" heads the titles', () => {
    const table = [
      ['Control', 'Ref', 'Included', 'Rationale', 'Implementation'],
      ['Access control policy', 'A.9.1.1', 'Y', 'Needed', 'Done'],
      ['Key management', 'A.10.1.2', 'N', 'No keys', ''],
    ]
    expect(guessMapping(table)).toEqual({
      controlId: 1,
      applicable: 2,
      justification: 3,
      status: 4,
      provider: null,
      headerRow: true,
    })
  })

  it('finds the header below a title row, and other header names (Selected, Reason, Status)', () => {
    const table = [
      ['ACME Ltd Statement of Applicability'],
      [],
      ['Clause', 'Selected', 'Reason', 'Status'],
      ['A.5.1', 'yes', 'Board', 'Implemented'],
    ]
    expect(headerRowIndex(table)).toBe(2)
    expect(guessMapping(table)).toEqual({
      controlId: 0,
      applicable: 1,
      justification: 2,
      status: 3,
      provider: null,
      headerRow: true,
    })
  })

  it('without any header, takes the id-looking column and the yes/no column', () => {
    const table = [
      ['Policies', 'A.5.1', 'Approved policy', 'Yes'],
      ['Roles', 'A.5.2', 'Org chart', 'No'],
    ]
    expect(guessMapping(table)).toEqual({
      controlId: 1,
      applicable: 3,
      justification: null,
      status: null,
      provider: null,
      headerRow: false,
    })
  })

  it('finds nothing in a table without a single control number', () => {
    expect(
      guessMapping([
        ['Name', 'Amount'],
        ['Rent', '1200'],
      ]),
    ).toBeNull()
  })
})

describe('column labels', () => {
  it('names columns by letter and header', () => {
    expect(columnLetter(0)).toBe('A')
    expect(columnLetter(25)).toBe('Z')
    expect(columnLetter(26)).toBe('AA')
    const table = [['Title'], ['Control', '', 'Applicable'], ['A.5.1', 'x', 'Yes']]
    expect(columnLabels(table, true)).toEqual(['A: Control', 'Column B', 'C: Applicable'])
    expect(columnLabels(table, false)).toEqual(['Column A', 'Column B', 'Column C'])
  })
})

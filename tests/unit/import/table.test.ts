import { describe, expect, it } from 'vitest'
import {
  TABLE_LIMITS,
  checkTable,
  detectDelimiter,
  fileKind,
  fileSizeProblem,
  parseCsv,
  unguardCell,
} from '@/domain/soaImport'
import { csvCell, csvFile } from '@/reports/csv'

const rows = (text: string) => {
  const result = parseCsv(text)
  if (!result.ok) throw new Error(result.message)
  return result.rows
}
const refusal = (text: string) => {
  const result = parseCsv(text)
  if (result.ok) throw new Error('expected a refusal')
  return result.message
}
const bytes = (...values: number[]) => new Uint8Array(values)

describe('parseCsv', () => {
  it('reads a plain CSV with CRLF line ends and drops the byte-order mark', () => {
    expect(rows('\uFEFFControl,Applicable\r\nA.5.1,Yes\r\n')).toEqual([
      ['Control', 'Applicable'],
      ['A.5.1', 'Yes'],
    ])
  })

  it('reads LF and lone CR line ends alike', () => {
    expect(rows('a,b\nc,d\re,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ])
  })

  it('keeps separators, doubled quotes and line breaks inside quoted cells', () => {
    expect(rows('id,text\r\nA.5.1,"Board approved, see ""Policy v2""\r\nsecond line"\r\n')).toEqual(
      [
        ['id', 'text'],
        ['A.5.1', 'Board approved, see "Policy v2"\r\nsecond line'],
      ],
    )
  })

  it('counts a quoted line break as one spreadsheet row, so row numbers match Excel', () => {
    const table = rows('h1,h2\n"a\nb",x\nA.5.2,y\n')
    expect(table[2]).toEqual(['A.5.2', 'y'])
  })

  it('detects semicolons and tabs as the separator', () => {
    expect(rows('Control;Applicable;Justification\nA.5.1;Yes;Policy, approved\n')).toEqual([
      ['Control', 'Applicable', 'Justification'],
      ['A.5.1', 'Yes', 'Policy, approved'],
    ])
    expect(rows('Control\tApplicable\nA.5.1\tYes\n')[1]).toEqual(['A.5.1', 'Yes'])
  })

  it('is not misled by commas inside justifications of a semicolon file', () => {
    const text = [
      'Ref;Applicable;Reason',
      'A.5.1;Yes;a, b, c, d',
      'A.5.2;No;e, f',
      'A.5.3;Yes;g',
    ].join('\n')
    expect(detectDelimiter(text)).toBe(';')
  })

  it('is not misled by a title line above the table', () => {
    const text =
      'Statement of Applicability; version 3\nControl,Applicable,Status\nA.5.1,Yes,Done\n'
    expect(detectDelimiter(text)).toBe(',')
  })

  it('honours an Excel "sep=" line and does not count it as a row', () => {
    expect(rows('sep=;\r\nControl;Applicable\r\nA.5.1;Yes\r\n')).toEqual([
      ['Control', 'Applicable'],
      ['A.5.1', 'Yes'],
    ])
  })

  it('keeps a quote inside an unquoted cell as text', () => {
    expect(rows('a,b\nA.5.1,5" screens\n')[1]).toEqual(['A.5.1', '5" screens'])
  })

  it('refuses a quoted cell that is never closed, naming its row', () => {
    expect(refusal('a,b\nA.5.1,"open\nA.5.2,x\n')).toMatch(/^Row 2 opens a quoted cell/)
  })

  it('keeps empty rows inside the table and drops trailing empty rows and cells', () => {
    expect(rows('a,b,,\n\n,\nc,d,,\n,,,\n,,,\n')).toEqual([['a', 'b'], [], [], ['c', 'd']])
  })

  it('refuses an empty file and a file of empty cells', () => {
    expect(refusal('')).toMatch(/empty/)
    expect(refusal('\uFEFF')).toMatch(/empty/)
    expect(refusal(',,,\r\n ,\r\n')).toMatch(/empty/)
  })

  it('refuses more rows or columns than the limits', () => {
    const many = Array.from({ length: TABLE_LIMITS.maxRows + 1 }, (_, i) => `A.5.1,${i}`).join('\n')
    expect(refusal(many)).toBe(
      'The sheet has 5,001 rows; an SoA this import reads has at most 5,000. Check that it is the right file.',
    )
    expect(parseCsv(many.split('\n').slice(1).join('\n')).ok).toBe(true)
    const wide = Array.from({ length: TABLE_LIMITS.maxColumns + 1 }, (_, i) => `c${i}`).join(',')
    expect(refusal(wide)).toMatch(/^The sheet has 101 columns/)
  })

  it('reads back what the app itself writes, formula guard undone', () => {
    const cells = ['x;=2+2', '=1+1', 'Acme "Cloud", Inc.', 'line one\r\nline two', "it's fine"]
    const table = rows(csvFile(['h1', 'h2', 'h3', 'h4', 'h5'], [cells]))
    expect(table[1]!.map(unguardCell)).toEqual(cells)
    expect(csvCell('=1+1')).toBe("'=1+1")
  })
})

describe('checkTable', () => {
  it('counts columns up to the last non-empty cell only', () => {
    const row = ['A.5.1', 'Yes', ...new Array<string>(200).fill('')]
    const result = checkTable([row])
    expect(result.ok && result.rows[0]).toEqual(['A.5.1', 'Yes'])
  })
})

describe('fileSizeProblem', () => {
  it('accepts files up to 5 MB and names the size of a larger one', () => {
    expect(fileSizeProblem(TABLE_LIMITS.maxBytes)).toBeNull()
    expect(fileSizeProblem(6.2 * 1024 * 1024)).toMatch(
      /^The file is 6\.2 MB; the largest file this import reads is 5\.0 MB\./,
    )
    expect(fileSizeProblem(0)).toBe('The file is empty.')
  })
})

describe('fileKind', () => {
  it('reads a ZIP as a workbook, whatever its name', () => {
    expect(fileKind(bytes(0x50, 0x4b, 3, 4, 0))).toEqual({ kind: 'xlsx' })
  })

  it('refuses an old .xls file and says to save it as .xlsx or CSV', () => {
    const kind = fileKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    expect(kind.kind === 'refused' && kind.message).toMatch(
      /old Excel file \(\.xls\).*\.xlsx or CSV/,
    )
  })

  it('refuses a PDF', () => {
    const kind = fileKind(new TextEncoder().encode('%PDF-1.7\n'))
    expect(kind.kind === 'refused' && kind.message).toMatch(/^This is a PDF/)
  })

  it('refuses a "CSV" holding NUL bytes as binary', () => {
    const kind = fileKind(bytes(0x41, 0x2c, 0x00, 0x42))
    expect(kind.kind === 'refused' && kind.message).toMatch(/binary data/)
  })

  it('takes a UTF-16 byte-order mark as text, not as binary', () => {
    expect(fileKind(bytes(0xff, 0xfe, 0x41, 0x00))).toEqual({ kind: 'text', encoding: 'utf-16le' })
  })

  it('reads anything else as UTF-8 text', () => {
    expect(fileKind(new TextEncoder().encode('Control,Applicable'))).toEqual({
      kind: 'text',
      encoding: 'utf-8',
    })
  })
})

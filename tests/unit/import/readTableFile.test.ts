import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { TABLE_LIMITS, guessMapping, importReviewItems, readSoaRows } from '@/domain/soaImport'
import { readTableFile, type TableFileResult } from '@/import/readTableFile'
import { SOA_2013_CSV, itemOf } from './soaImportFixture'

const fileOf = (parts: BlobPart[], name: string) => new File(parts, name)

async function workbookFile(fill: (workbook: ExcelJS.Workbook) => void, name = 'soa.xlsx') {
  const workbook = new ExcelJS.Workbook()
  fill(workbook)
  return fileOf([await workbook.xlsx.writeBuffer()], name)
}

function sheetsOf(result: TableFileResult) {
  if (!result.ok) throw new Error(result.message)
  return result.sheets
}
function messageOf(result: TableFileResult) {
  if (result.ok) throw new Error('expected a refusal')
  return result.message
}

describe('readTableFile: CSV', () => {
  it('reads a UTF-8 CSV as one sheet named after the file', async () => {
    const sheets = sheetsOf(await readTableFile(fileOf([SOA_2013_CSV], 'soa-2013.csv')))
    expect(sheets).toHaveLength(1)
    expect(sheets[0]!.name).toBe('soa-2013.csv')
    expect(sheets[0]!.rows[0]).toEqual([
      'Control',
      'Control title',
      'Applicable',
      'Justification',
      'Implementation status',
    ])
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    // "Café; Überprüfung" as Excel on Windows saves it.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Control,Justification\r\nA.5.1,Caf'),
      0xe9,
      0x20,
      0xdc,
      ...new TextEncoder().encode('berpr'),
      0xfc,
      ...new TextEncoder().encode('fung\r\n'),
    ])
    const sheets = sheetsOf(await readTableFile(fileOf([bytes], 'soa.csv')))
    expect(sheets[0]!.rows[1]).toEqual(['A.5.1', 'Café Überprüfung'])
  })

  it('reads UTF-16 text, as Excel saves "Unicode text"', async () => {
    const text = '\uFEFFControl\tApplicable\r\nA.5.1\tYes\r\n'
    const bytes = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i) & 0xff
    for (let i = 0; i < text.length; i++) bytes[i * 2 + 1] = text.charCodeAt(i) >> 8
    const sheets = sheetsOf(await readTableFile(fileOf([bytes], 'soa.txt')))
    expect(sheets[0]!.rows).toEqual([
      ['Control', 'Applicable'],
      ['A.5.1', 'Yes'],
    ])
  })
})

describe('readTableFile: refusals', () => {
  it('refuses a file over 5 MB, saying its size and the limit', async () => {
    const big = fileOf([new Uint8Array(TABLE_LIMITS.maxBytes + 1)], 'huge.csv')
    expect(messageOf(await readTableFile(big))).toMatch(
      /^The file is 5\.0 MB; the largest file this import reads is 5\.0 MB\./,
    )
    const bigger = fileOf([new Uint8Array(7 * 1024 * 1024)], 'huge.csv')
    expect(messageOf(await readTableFile(bigger))).toMatch(/^The file is 7\.0 MB/)
  })

  it('refuses an old .xls workbook and says to save it as .xlsx or CSV', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])
    expect(messageOf(await readTableFile(fileOf([xls], 'soa.xls')))).toMatch(
      /\.xls.*save it as \.xlsx or CSV/,
    )
  })

  it('refuses a PDF, whatever its name', async () => {
    expect(messageOf(await readTableFile(fileOf(['%PDF-1.4\n%âãÏÓ'], 'soa.csv')))).toMatch(
      /^This is a PDF/,
    )
  })

  it('refuses a "CSV" with NUL bytes', async () => {
    const bytes = new Uint8Array([0x41, 0x2e, 0x35, 0x00, 0x2c, 0x59])
    expect(messageOf(await readTableFile(fileOf([bytes], 'soa.csv')))).toMatch(/binary data/)
  })

  it('refuses an empty file', async () => {
    expect(messageOf(await readTableFile(fileOf([], 'soa.csv')))).toBe('The file is empty.')
    expect(messageOf(await readTableFile(fileOf(['\uFEFF\r\n'], 'soa.csv')))).toMatch(/empty/)
  })

  it('refuses a ZIP that is no workbook', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(messageOf(await readTableFile(fileOf([zip], 'soa.xlsx')))).toMatch(
      /cannot be opened as an \.xlsx spreadsheet/,
    )
  })

  it('refuses a workbook whose sheets are all empty', async () => {
    const file = await workbookFile((wb) => {
      wb.addWorksheet('Sheet1')
      wb.addWorksheet('Sheet2')
    })
    expect(messageOf(await readTableFile(file))).toBe('Every worksheet of the workbook is empty.')
  })

  it('refuses a worksheet with more rows than the limit', async () => {
    const file = await workbookFile((wb) => {
      const sheet = wb.addWorksheet('Data')
      for (let r = 1; r <= TABLE_LIMITS.maxRows + 1; r++) sheet.getCell(r, 1).value = 'x'
    })
    expect(messageOf(await readTableFile(file))).toMatch(/^Sheet “Data” has more than 5,000 rows/)
  })

  it('refuses a CSV with too many rows', async () => {
    const text = Array.from({ length: TABLE_LIMITS.maxRows + 1 }, () => 'A.5.1,Yes').join('\n')
    expect(messageOf(await readTableFile(fileOf([text], 'soa.csv')))).toMatch(/5,001 rows/)
  })
})

describe('readTableFile: XLSX', () => {
  const file = () =>
    workbookFile((wb) => {
      wb.addWorksheet('Cover').getCell('A1').value = 'Statement of Applicability, ACME Ltd'
      wb.addWorksheet('Empty')
      const sheet = wb.addWorksheet('SoA')
      sheet.getCell('A1').value = 'ACME Ltd: Statement of Applicability (ISO/IEC 27001:2013)'
      sheet.addRow([])
      sheet.getRow(3).values = [
        'Ref',
        'Control',
        'Applicable',
        'Justification',
        'Status',
        'Reviewed',
      ]
      sheet.getRow(4).values = [
        'A.9.1.1',
        { richText: [{ text: 'Access ', font: { bold: true } }, { text: 'control policy' }] },
        true,
        'Need to know',
        { formula: 'IF(1=1,"Implemented","Planned")', result: 'Implemented' },
        new Date(Date.UTC(2019, 4, 17)),
      ]
      sheet.getRow(5).values = [
        'A.9.1.2',
        { text: 'Network access', hyperlink: 'https://intranet.example/ac' },
        false,
        'No network of our own',
        '',
        42,
      ]
      sheet.getRow(6).values = ['A.12.2.1', 'Malware', 'Yes', 'EDR on laptops', 'Partial']
    })

  it('keeps the non-empty sheets, in workbook order', async () => {
    const sheets = sheetsOf(await readTableFile(await file()))
    expect(sheets.map((s) => s.name)).toEqual(['Cover', 'SoA'])
  })

  it('reads rich text, formula results, hyperlinks, booleans and dates as text, rows numbered as in Excel', async () => {
    const soa = sheetsOf(await readTableFile(await file()))[1]!
    expect(soa.rows[0]).toEqual(['ACME Ltd: Statement of Applicability (ISO/IEC 27001:2013)'])
    expect(soa.rows[1]).toEqual([])
    expect(soa.rows[3]).toEqual([
      'A.9.1.1',
      'Access control policy',
      'yes',
      'Need to know',
      'Implemented',
      '2019-05-17',
    ])
    expect(soa.rows[4]).toEqual([
      'A.9.1.2',
      'Network access',
      'no',
      'No network of our own',
      '',
      '42',
    ])
  })

  it('leads from the workbook to review items, the title row above the header skipped', async () => {
    const soa = sheetsOf(await readTableFile(await file()))[1]!
    const mapping = guessMapping(soa.rows)
    expect(mapping).toEqual({
      controlId: 0,
      applicable: 2,
      justification: 3,
      status: 4,
      provider: null,
      headerRow: true,
    })
    const rows = readSoaRows(soa.rows, mapping!)
    if (!rows.ok) throw new Error(rows.message)
    expect(rows.problems).toEqual([])
    const { items } = importReviewItems(rows)
    const review = itemOf(items, '5.15')
    // 5.15 cannot be excluded, so A.9.1.2's "no" does not make a conflict.
    expect(review.options).toHaveLength(1)
    expect(review.options[0]!.sources.map((s) => s.label)).toEqual([
      'Row 4: A.9.1.1',
      'Row 5: A.9.1.2',
    ])
    expect(itemOf(items, '8.7').options[0]).toMatchObject({
      applicability: 'applicable',
      justification: 'EDR on laptops',
      implementationStatus: 'partly',
    })
  })
})

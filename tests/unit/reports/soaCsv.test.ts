import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, CONTENT_VERSION } from '@/content'
import { buildSoa } from '@/domain/soa'
import { riskRefs } from '@/domain/wording'
import type { ControlDecision } from '@/domain/model'
import { csvCell } from '@/reports/csv'
import { SOA_CSV_HEADER, buildSoaCsv, type SoaColumnHeader } from '@/reports/soaCsv'
import { makeInput, makeRisk } from '../domain/builders'
import { parseCsv } from './csvParse'
import { GREEK, HOSTILE_CELLS, NAMES, OWNER, RUSSIAN, SUPPLIER, exportInput } from './exportFixture'

const decision: ControlDecision = {
  workspaceId: 'w',
  controlId: '5.1',
  applicability: 'applicable',
  provider: 'supplier',
  supplierName: 'Acme "Cloud", Inc.',
  reasons: ['contractual', 'risk-assessment'],
  justification: 'Line one\nline two',
  implementationStatus: 'partly',
  owner: '=HYPERLINK("http://evil")',
  evidence: ['Policy v2', 'https://wiki.example.com/p'],
  contentVersion: CONTENT_VERSION,
  updatedAt: '2026-11-01T10:00:00.000Z',
}

const NO_RISKS: ReadonlyMap<string, string> = new Map()
const column = (header: SoaColumnHeader) => SOA_CSV_HEADER.indexOf(header)
const rowsOf = (csv: string, separator = ',') => parseCsv(csv.slice(1), separator)

describe('SoA CSV', () => {
  const csv = buildSoaCsv(buildSoa({ answers: [], decisions: [decision] }), NO_RISKS)

  it('starts with a UTF-8 byte-order mark and the header row, then one row per control', () => {
    expect(csv.startsWith('\uFEFFControl,Title,Theme,New in 2022,Applicability,')).toBe(true)
    expect(SOA_CSV_HEADER).toEqual([
      'Control',
      'Title',
      'Theme',
      'New in 2022',
      'Applicability',
      'Provided by',
      'Justification reasons',
      'Justification',
      'Implementation status',
      'Owner',
      'Evidence references',
      'Linked risks',
    ])
    const rows = rowsOf(csv)
    expect(rows).toHaveLength(94)
    for (const row of rows) expect(row).toHaveLength(12)
  })

  it('writes the 93 controls as distinct "A." ids that no spreadsheet reads as numbers', () => {
    const ids = rowsOf(csv)
      .slice(1)
      .map((r) => r[0])
    expect(ids).toEqual(ANNEX_A_CONTROLS.map((c) => `A.${c.id}`))
    expect(new Set(ids).size).toBe(93)
    expect(ids).toContain('A.5.10')
    expect(ids[0]).toBe('A.5.1')
    expect(ids[92]).toBe('A.8.34')
  })

  it('ends every row with CRLF, line breaks inside a cell staying inside its quotes', () => {
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(95)
    expect(csv).toContain('"Line one\nline two"')
  })

  it('keeps commas, quotes and line breaks of user text intact', () => {
    const row = rowsOf(csv)[1] ?? []
    expect(row[column('Provided by')]).toBe('Supplier: Acme "Cloud", Inc.')
    expect(row[column('Justification reasons')]).toBe('Risk assessment; Contractual obligation')
    expect(row[column('Justification')]).toBe('Line one\nline two')
    expect(row[column('Implementation status')]).toBe('Partly implemented')
    expect(row[column('Evidence references')]).toBe('Policy v2; https://wiki.example.com/p')
  })

  it('lists the linked risks by their readable references, oldest risk first', () => {
    const risks = [
      makeRisk('r-late', { createdAt: '2026-11-03T10:00:00.000Z', controlIds: ['5.1'] }),
      makeRisk('r-early', { createdAt: '2026-11-02T10:00:00.000Z', controlIds: ['5.1', '8.13'] }),
    ]
    const input = makeInput({ risks })
    const rows = rowsOf(buildSoaCsv(buildSoa(input), riskRefs(risks)))
    const linked = (id: string) => rows.find((r) => r[0] === id)?.[column('Linked risks')]
    expect(linked('A.5.1')).toBe('R-01, R-02')
    expect(linked('A.8.13')).toBe('R-01')
    expect(linked('A.5.2')).toBe('')
  })

  it('writes undecided controls as undecided, leaving what is not recorded empty', () => {
    const row = rowsOf(csv)[2] ?? []
    expect(row[0]).toBe('A.5.2')
    expect(row[column('Applicability')]).toBe('Undecided')
    for (const empty of [
      'Provided by',
      'Justification reasons',
      'Justification',
      'Implementation status',
      'Owner',
      'Evidence references',
      'Linked risks',
    ] as const) {
      expect(row[column(empty)], empty).toBe('')
    }
  })

  it('keeps accents, Greek and Cyrillic intact', () => {
    const { rows, refs } = exportInput()
    const full = buildSoaCsv(rows, refs)
    for (const name of NAMES) expect(full).toContain(name)
    const row = rowsOf(full).find((r) => r[0] === 'A.5.10') ?? []
    expect(row[column('Provided by')]).toBe(`Supplier: ${SUPPLIER}`)
    expect(row[column('Owner')]).toBe(OWNER)
    expect(row[column('Justification')]).toContain(
      `Offices in ${RUSSIAN}; policy also in ${GREEK}.`,
    )
    // The bytes a file gets are UTF-8, BOM first.
    const bytes = new TextEncoder().encode(full)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(full)
  })
})

describe('SoA CSV formula guard', () => {
  it('prefixes every cell a spreadsheet would run as a formula with an apostrophe', () => {
    for (const dangerous of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(dangerous).replace(/^"/, '').startsWith("'"), dangerous).toBe(true)
    }
    for (const harmless of ['A.5.10', 'Ticket OPS-1234', 'R-01, R-04', '']) {
      expect(csvCell(harmless)).toBe(harmless.includes(',') ? `"${harmless}"` : harmless)
    }
    const row = rowsOf(buildSoaCsv(buildSoa({ answers: [], decisions: [decision] }), NO_RISKS))[1]
    expect(row?.[column('Owner')]).toBe('\'=HYPERLINK("http://evil")')
  })

  const { rows, refs } = exportInput()
  const csv = buildSoaCsv(rows, refs)

  it.each([
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ])('lets no formula start a cell when a spreadsheet splits on a %s', (_name, separator) => {
    for (const cell of rowsOf(csv, separator).flat()) {
      expect(cell, JSON.stringify(cell)).not.toMatch(/^\s*[=+\-@]/)
    }
  })

  it('lets none slip out either where a spreadsheet ignores quotes or ends a row at a line break', () => {
    // LibreOffice reading with ";" or tab takes a quote that does not open its own field as a
    // character, and then a line break inside the cell ends the row: every piece of text
    // between any separator or line break is a cell start.
    for (const piece of csv.slice(1).split(/[,;\t\r\n]/)) {
      expect(piece, JSON.stringify(piece)).not.toMatch(/^\s*[=+\-@]/)
    }
    expect(csv).toContain(`"'@SUM(A1); x;'=2+2; '+1; '-1"`)
    expect(csv).toContain("line\n'=3+3;")
  })

  it('reads the hostile cells back as the user wrote them, behind the apostrophe', () => {
    const row = rowsOf(csv).find((r) => r[0] === 'A.5.1') ?? []
    expect(row[column('Owner')]).toBe("'=1+1")
    expect(row[column('Evidence references')]).toBe("'@SUM(A1); x;'=2+2; '+1; '-1")
    expect(HOSTILE_CELLS.every((cell) => csv.includes(cell.replace(/([=+\-@])/, "'$1")))).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { buildSoa } from '@/domain/soa'
import { buildSoaCsv, csvCell } from '@/reports/soaCsv'
import { CONTENT_VERSION } from '@/content'
import type { ControlDecision } from '@/domain/model'
import { parseCsv } from './csvParse'

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

describe('SoA CSV', () => {
  const csv = buildSoaCsv(buildSoa({ answers: [], decisions: [decision] }))

  it('starts with a UTF-8 byte-order mark and a header row, then one row per control', () => {
    expect(csv.startsWith('\uFEFFControl,Theme,Title,')).toBe(true)
    const rows = parseCsv(csv.slice(1))
    expect(rows).toHaveLength(94)
    expect(rows.slice(1).map((r) => r[0])).toHaveLength(93)
    expect(rows[93]?.[0]).toBe('8.34')
  })

  it('keeps commas, quotes and line breaks of user text intact', () => {
    const row = parseCsv(csv.slice(1))[1] ?? []
    expect(row[5]).toBe('Supplier: Acme "Cloud", Inc.')
    expect(row[6]).toBe('Risk assessment; Contractual obligation')
    expect(row[7]).toBe('Line one\nline two')
    expect(row[8]).toBe('Partly implemented')
  })

  it('never lets a spreadsheet run user text as a formula', () => {
    const row = parseCsv(csv.slice(1))[1] ?? []
    expect(row[9]).toBe('\'=HYPERLINK("http://evil")')
    for (const dangerous of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) {
      expect(csvCell(dangerous).replace(/^"/, '').startsWith("'")).toBe(true)
    }
  })

  it('keeps a cell whole when a spreadsheet splits on semicolons, so no formula slips out', () => {
    const hostile = { ...decision, evidence: ['x;=1+1', 'tab\t=2+2'] }
    const csv = buildSoaCsv(buildSoa({ answers: [], decisions: [hostile] }))
    const row = parseCsv(csv.slice(1), ';')[1] ?? []
    // Read with ";" as the separator, no cell may start like a formula...
    expect(row.some((cell) => /^[=+\-@]/.test(cell))).toBe(false)
    // ...even in a spreadsheet that ignores a quote not opening its own field, as LibreOffice
    // does: every piece between separators must not start like one either.
    const line = csv.split('\r\n')[1] ?? ''
    expect(line.split(/[;\t]/).some((piece) => /^\s*[=+\-@]/.test(piece))).toBe(false)
    expect(csv).toContain(`"x;'=1+1; tab\t'=2+2"`)
  })

  it('writes undecided controls as undecided, with no implementation status', () => {
    const row = parseCsv(csv.slice(1))[2] ?? []
    expect(row[0]).toBe('5.2')
    expect(row[4]).toBe('Undecided')
    expect(row[8]).toBe('')
  })
})

/**
 * The draft Statement of Applicability as CSV for spreadsheets: UTF-8 with a byte-order mark
 * (so Excel reads accents right), a header row, one row per control, RFC 4180 quoting. Cells
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
 * are prefixed with an apostrophe: user text is data, never code. A cell holding any separator a
 * spreadsheet may split on (comma, semicolon, tab) is quoted, so that with ";" as the separator,
 * as European spreadsheets use, "x;=1+1" stays one cell instead of becoming a live formula.
 */
import type { SoaRow } from '@/domain/soa'
import { applicabilityLabel, implementationLabel, reasonLabel } from '@/domain/controlDecision'

export const SOA_CSV_HEADER = [
  'Control',
  'Theme',
  'Title',
  'New in 2022',
  'Applicability',
  'Provided by',
  'Justification reasons',
  'Justification',
  'Implementation status',
  'Owner',
  'Evidence references',
] as const

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function buildSoaCsv(rows: readonly SoaRow[]): string {
  const lines = [SOA_CSV_HEADER.map(csvCell).join(',')]
  for (const row of rows) {
    lines.push(
      [
        row.id,
        row.theme,
        row.title,
        row.newIn2022 ? 'Yes' : 'No',
        applicabilityLabel(row.applicability),
        row.provider === 'supplier'
          ? `Supplier: ${row.supplierName}`
          : row.provider === 'in-house'
            ? 'In-house'
            : '',
        row.reasons.map(reasonLabel).join('; '),
        row.justification,
        row.implementationStatus ? implementationLabel(row.implementationStatus) : '',
        row.owner,
        row.evidence.join('; '),
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/**
 * The draft Statement of Applicability as CSV for spreadsheets: UTF-8 with a byte-order mark
 * (so Excel reads accents right), a header row, one row per control, RFC 4180 quoting. Cells
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
 * are prefixed with an apostrophe: user text is data, never code. A cell holding any separator a
 * spreadsheet may split on (comma, semicolon, tab) is quoted, and text following such a
 * separator inside a cell gets the apostrophe too: with ";" as the separator, as European
 * spreadsheets use, "x;=1+1" must never become a live formula.
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
  const leading = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  // A spreadsheet reading the file with ";" or tab as the separator ignores quotes that do not
  // open its own field, so text after any separator is a cell start too (LibreOffice evaluates
  // "x;=1+1" as x | 2): the apostrophe goes there as well.
  const safe = leading.replace(/([,;\t])(\s*)(?=[=+\-@])/g, "$1$2'")
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

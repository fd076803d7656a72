/**
 * The draft Statement of Applicability as CSV for spreadsheets: UTF-8 with a byte-order mark
 * (so Excel reads accents right), a header row, one row per control, RFC 4180 quoting, CRLF
 * between rows. Every cell is worded by soaCells, as in every other export; '' leaves it empty.
 * Controls are written "A.5.10", so no spreadsheet reads them as the number 5.1 or as a date.
 *
 * Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return) are prefixed with an apostrophe: user text is data, never code. A cell holding any
 * separator a spreadsheet may split on (comma, semicolon, tab) is quoted, and text following
 * such a separator or a line break inside a cell gets the apostrophe too: with ";" as the
 * separator, as European spreadsheets use, "x;=1+1" must never become a live formula.
 */
import type { SoaRow } from '@/domain/soa'
import { soaCells, type SoaCells } from '@/domain/wording'

/** The SoA's columns in every spreadsheet export (this CSV and the XLSX), in order. */
export const SOA_COLUMNS = [
  { header: 'Control', cell: (c) => c.control },
  { header: 'Title', cell: (c) => c.title },
  { header: 'Theme', cell: (c) => c.theme },
  { header: 'New in 2022', cell: (c) => c.newIn2022 },
  { header: 'Applicability', cell: (c) => c.decision },
  { header: 'Provided by', cell: (c) => c.providedBy },
  { header: 'Justification reasons', cell: (c) => c.reasons },
  { header: 'Justification', cell: (c) => c.justification },
  { header: 'Implementation status', cell: (c) => c.implementation },
  { header: 'Owner', cell: (c) => c.owner },
  { header: 'Evidence references', cell: (c) => c.evidence },
  { header: 'Linked risks', cell: (c) => c.linkedRisks },
] as const satisfies readonly { header: string; cell: (cells: SoaCells) => string }[]

export type SoaColumnHeader = (typeof SOA_COLUMNS)[number]['header']

export const SOA_CSV_HEADER: readonly SoaColumnHeader[] = SOA_COLUMNS.map((c) => c.header)

/** One SoA row as the text of its cells, in the order of SOA_COLUMNS. */
export function soaRowTexts(row: SoaRow, refs: ReadonlyMap<string, string>): string[] {
  const cells = soaCells(row, refs)
  return SOA_COLUMNS.map((column) => column.cell(cells))
}

export function csvCell(value: string): string {
  const leading = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  // A spreadsheet reading the file with ";" or tab as the separator ignores quotes that do not
  // open its own field, so text after any separator is a cell start too (LibreOffice evaluates
  // "x;=1+1" as x | 2), and so is text after a line break, which then ends the row
  // ("x\n=1+1;" gives a row starting with 2): the apostrophe goes there as well.
  const safe = leading.replace(/([,;\t\r\n])(\s*)(?=[=+\-@])/g, "$1$2'")
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** `refs` gives each risk its readable reference (riskRefs of the register): "R-01, R-04". */
export function buildSoaCsv(rows: readonly SoaRow[], refs: ReadonlyMap<string, string>): string {
  const lines = [SOA_CSV_HEADER.map(csvCell).join(',')]
  for (const row of rows) lines.push(soaRowTexts(row, refs).map(csvCell).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

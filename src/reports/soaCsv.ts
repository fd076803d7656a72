/**
 * The draft Statement of Applicability as CSV for spreadsheets, one row per control, written by
 * the CSV rules of csv.ts (byte-order mark, quoting, CRLF, the formula guard). Every cell is
 * worded by soaCells, as in every other export; '' leaves it empty. Controls are written
 * "A.5.10", so no spreadsheet reads them as the number 5.1 or as a date.
 */
import type { SoaRow } from '@/domain/soa'
import { soaCells, type SoaCells } from '@/domain/wording'
import { csvFile } from './csv'

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

/** `refs` gives each risk its readable reference (riskRefs of the register): "R-01, R-04". */
export function buildSoaCsv(rows: readonly SoaRow[], refs: ReadonlyMap<string, string>): string {
  return csvFile(
    SOA_CSV_HEADER,
    rows.map((row) => soaRowTexts(row, refs)),
  )
}

/**
 * The audit evidence checklist as CSV for spreadsheets, one row per sub-clause and per control
 * in scope, written by the CSV rules of csv.ts (byte-order mark, quoting, CRLF, the formula
 * guard). Every cell is worded by checklistCells, as in the spreadsheet and the PDF; a list
 * (examples, evidence, documents, what is missing) puts one item per line of its cell.
 */
import {
  checklistCells,
  type ChecklistCells,
  type EvidenceChecklist,
} from '@/domain/evidenceChecklist'
import { csvFile } from './csv'

/** The checklist's columns in every spreadsheet export (this CSV and the XLSX), in order. */
export const CHECKLIST_COLUMNS = [
  { header: 'Reference', cell: (c) => c.reference },
  { header: 'Title', cell: (c) => c.title },
  { header: 'Type', cell: (c) => c.type },
  { header: 'Status', cell: (c) => c.status },
  { header: 'What the auditor samples', cell: (c) => c.samples },
  { header: 'Your evidence', cell: (c) => c.evidence },
  { header: 'Documents', cell: (c) => c.documents },
  { header: 'Still missing', cell: (c) => c.stillMissing },
] as const satisfies readonly { header: string; cell: (cells: ChecklistCells) => string }[]

export type ChecklistColumnHeader = (typeof CHECKLIST_COLUMNS)[number]['header']

export const CHECKLIST_CSV_HEADER: readonly ChecklistColumnHeader[] = CHECKLIST_COLUMNS.map(
  (c) => c.header,
)

/** Every row of the checklist as the text of its cells: the sub-clauses, then the controls. */
export function checklistRowTexts(checklist: EvidenceChecklist): string[][] {
  return [...checklist.clauses, ...checklist.controls].map((row) => {
    const cells = checklistCells(row)
    return CHECKLIST_COLUMNS.map((column) => column.cell(cells))
  })
}

export function buildChecklistCsv(checklist: EvidenceChecklist): string {
  return csvFile(CHECKLIST_CSV_HEADER, checklistRowTexts(checklist))
}

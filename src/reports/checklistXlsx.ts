/**
 * The audit evidence checklist as an Excel workbook: the "Evidence checklist" sheet, one row per
 * sub-clause and per control in scope, in the CSV's columns, and "About". Built with the table
 * of xlsx.ts (bold frozen header, autofilter, wrapped text, widths from the content, user text
 * as text cells, never a formula), so it is loaded only at export, with exceljs. The status
 * cell is bold and tinted by status (green, amber, red), so the column reads at a glance and the
 * word is still there for anyone who cannot tell the colours apart or prints in grey.
 */
import type { Worksheet } from 'exceljs'
import {
  CHECKLIST_STATUS_LABELS,
  totalsSentence,
  type ChecklistStatus,
  type EvidenceChecklist,
} from '@/domain/evidenceChecklist'
import { CHECKLIST_COLUMNS, checklistRowTexts, type ChecklistColumnHeader } from './checklistCsv'
import { CHECKLIST_TITLE } from './checklistSection'
import {
  ABOUT_SHEET,
  APP_NAME,
  addTable,
  column,
  dateValue,
  newWorkbook,
  toArrayBuffer,
  type Value,
  type XlsxMeta,
} from './xlsx'

export const CHECKLIST_SHEET = 'Evidence checklist'

const WIDTHS: Record<ChecklistColumnHeader, number> = {
  Reference: 11,
  Title: 36,
  Type: 9,
  Status: 14,
  'What the auditor samples': 75,
  'Your evidence': 40,
  Documents: 55,
  'Still missing': 55,
}

/** Light fills that keep black text readable (contrast well above 4.5:1). */
const STATUS_FILLS: Record<ChecklistStatus, string> = {
  ready: 'FFD6EFDC',
  partial: 'FFFFE8B3',
  missing: 'FFF4C7C3',
}

const STATUS_BY_LABEL = new Map<string, ChecklistStatus>(
  (Object.keys(CHECKLIST_STATUS_LABELS) as ChecklistStatus[]).map((s) => [
    CHECKLIST_STATUS_LABELS[s],
    s,
  ]),
)

/** Bold and tints the status cell of every body row by its status. */
function tintStatus(sheet: Worksheet) {
  const index = CHECKLIST_COLUMNS.findIndex((c) => c.header === 'Status') + 1
  sheet.getColumn(index).eachCell((cell, row) => {
    const status = row > 1 ? STATUS_BY_LABEL.get(String(cell.value)) : undefined
    if (!status) return
    cell.font = { ...cell.font, bold: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILLS[status] } }
  })
}

/** The checklist as a workbook: its sheet and "About" (organization, date, totals). */
export async function buildChecklistXlsx(input: {
  checklist: EvidenceChecklist
  meta: Pick<XlsxMeta, 'organizationName' | 'date' | 'appVersion'>
}): Promise<ArrayBuffer> {
  const { checklist, meta } = input
  const workbook = newWorkbook()
  const sheet = addTable(
    workbook,
    CHECKLIST_SHEET,
    CHECKLIST_COLUMNS.map((c) => column(c.header, WIDTHS[c.header])),
    checklistRowTexts(checklist),
  )
  tintStatus(sheet)
  const { clauses, controls, all } = checklist.totals
  const about: [string, Value][] = [
    ['Document', CHECKLIST_TITLE],
    ['Organization', meta.organizationName],
    ['Date', dateValue(meta.date)],
    ['All rows', totalsSentence(all)],
    ['Clauses 4 to 10', totalsSentence(clauses)],
    ['Annex A controls', totalsSentence(controls)],
    ['Excluded controls', checklist.excludedNote],
    ['Standard', 'ISO/IEC 27001:2022'],
    ['Produced with', `${APP_NAME} ${meta.appVersion}`.trim()],
  ]
  addTable(workbook, ABOUT_SHEET, [column('Field', 24), column('Value', 80)], about)
  return toArrayBuffer(workbook)
}

/**
 * The Statement of Applicability and the gap list as Excel workbooks (XLSX). exceljs weighs
 * about 250 kB gzipped, so only the Report screen loads this module, with import(), at the
 * moment of export; nothing on the first screen may import it.
 *
 * Every cell is worded by soaCells, gapCells or, on the Changes sheet, compareMoments (see
 * changesTable.ts), as in every other export, and typed: control ids and references are text
 * ("A.5.10", never the number 5.1), due and approval dates are real dates shown yyyy-mm-dd, ''
 * leaves the cell empty. User text is written as text cells,
 * so "=1+1" stays the text "=1+1" in every spreadsheet: the workbook holds no formula at all.
 * Each sheet has a bold header row, frozen, with an autofilter over the table, columns as wide
 * as their content up to a limit and wrapped beyond it, and prints landscape, one page wide,
 * with the header row on every page. The workbook's properties name the app as its author and
 * carry no user text.
 */
import { decisionChangeLine, type SoaStatus } from '@/domain/soaApproval'
import ExcelJS from 'exceljs'
import type { Workbook, Worksheet } from 'exceljs'
import { comparisonSummary, type Comparison } from '@/domain/comparison'
import type { Gap } from '@/domain/gaps'
import type { SoaRow } from '@/domain/soa'
import { gapCells, type GapCells } from '@/domain/wording'
import { momentName } from '@/components/format'
import { CHANGES_HEADER, changeRows } from './changesTable'
import { SOA_COLUMNS, soaRowTexts, type SoaColumnHeader } from './soaCsv'

/** What the workbooks say about themselves, on their "About" sheet. */
export interface XlsxMeta {
  readonly organizationName: string
  /** The day of the export, yyyy-mm-dd. */
  readonly date: string
  readonly soaVersion: string
  readonly soaOwner: string
  readonly soaApprover: string
  /** yyyy-mm-dd, or null while the SoA is not approved. */
  readonly soaApprovedOn: string | null
  readonly appVersion: string
  /** The SoA's approvals in the app; when there is one, its version and approval are printed. */
  readonly soaStatus?: SoaStatus
}

export const APP_NAME = 'ISMS Readiness'

export const SOA_SHEET = 'Statement of Applicability'
export const GAPS_SHEET = 'Gaps'
export const ACTION_PLAN_SHEET = 'Action plan'
export const CHANGES_SHEET = 'Changes'
export const ABOUT_SHEET = 'About'

export const DATE_FORMAT = 'yyyy-mm-dd'

export type Value = string | Date | null

export interface Column {
  readonly header: string
  /** The widest the column gets, in characters; longer text wraps. */
  readonly max: number
}

export const column = (header: string, max = 40): Column => ({ header, max })

const SOA_WIDTHS: Record<SoaColumnHeader, number> = {
  Control: 12,
  Title: 45,
  Theme: 16,
  'New in 2022': 12,
  Applicability: 14,
  'Provided by': 30,
  'Justification reasons': 40,
  Justification: 60,
  'Implementation status': 22,
  Owner: 25,
  'Evidence references': 50,
  'Linked risks': 25,
}

const GAP_COLUMNS: readonly { column: Column; cell: (c: GapCells) => Value }[] = [
  { column: column('Ref', 14), cell: (c) => c.ref },
  { column: column('Title', 40), cell: (c) => c.title },
  { column: column('Finding', 60), cell: (c) => c.finding },
  { column: column('Observation', 50), cell: (c) => c.observation },
  { column: column('Status', 30), cell: (c) => c.status },
  { column: column('Severity', 12), cell: (c) => c.severity },
  { column: column('Agreed action', 50), cell: (c) => c.agreedAction },
  { column: column('Owner', 25), cell: (c) => c.owner },
  { column: column('Due', 12), cell: (c) => dateValue(c.due) },
  { column: column('Next step', 70), cell: (c) => c.nextStep },
]

const CHANGES_WIDTHS: Record<(typeof CHANGES_HEADER)[number], number> = {
  Group: 18,
  Reference: 12,
  Item: 60,
  Before: 30,
  After: 30,
  Details: 60,
}

const ACTION_COLUMNS: readonly { column: Column; cell: (c: GapCells) => Value }[] = [
  { column: column('Due', 12), cell: (c) => dateValue(c.due) },
  { column: column('Action', 60), cell: (c) => c.agreedAction },
  { column: column('Ref', 14), cell: (c) => c.ref },
  { column: column('Owner', 25), cell: (c) => c.owner },
  { column: column('Severity', 12), cell: (c) => c.severity },
  { column: column('Status', 30), cell: (c) => c.status },
]

/**
 * A yyyy-mm-dd date as the Excel date of that day (midnight UTC: exceljs counts days in UTC, so
 * the cell holds a whole day number); any other text, and a day before 1900 that Excel cannot
 * show as a date, stays text; '' or null leaves the cell empty.
 */
export function dateValue(text: string | null): Value {
  if (!text) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match || Number(match[1]) < 1900) return text
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().startsWith(text) ? date : text
}

/** The widest line of a value, in characters. */
function textWidth(value: Value): number {
  if (value === null) return 0
  if (value instanceof Date) return DATE_FORMAT.length
  return value.split('\n').reduce((widest, line) => Math.max(widest, [...line].length), 0)
}

/**
 * How many lines a text takes in a column `width` characters wide, wrapped at spaces as a
 * spreadsheet wraps it (a word longer than a line is cut). A column's width counts digits of
 * the default font, and ordinary text runs narrower: about 1.2 characters a digit in Calibri
 * (and in Carlito, LibreOffice's stand-in for it), 1.15 in DejaVu Sans where neither is
 * installed. Counting 1.1 leaves a margin, so a row is a little too tall rather than cut short.
 */
export function lineCount(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width * 1.1))
  let lines = 0
  for (const paragraph of text.split('\n')) {
    lines++
    let used = -1
    for (const word of paragraph.split(' ')) {
      const length = [...word].length
      if (used >= 0 && used + 1 + length <= capacity) used += 1 + length
      else {
        if (used >= 0) lines++
        used = length
        for (; used > capacity; used -= capacity) lines++
      }
    }
  }
  return lines
}

/** Calibri 11, the workbook's font: a line of it takes 15 points. */
const FONT = { name: 'Calibri', family: 2, size: 11 } as const
const LINE_HEIGHT = 15
/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409

/**
 * A sheet holding one table: a bold, frozen header row with an autofilter over the whole table,
 * then one row per entry. Each column is as wide as its widest value (and its header with the
 * filter button), up to its maximum, beyond which its cells wrap. A row holding wrapped text is
 * given the height of its lines: Excel would grow it by itself, LibreOffice does not.
 */
export function addTable(
  workbook: Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly (readonly Value[])[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
    headerFooter: { oddFooter: '&L&A&RPage &P of &N' },
  })
  const widths = columns.map((spec, i) => {
    const widest = rows.reduce((w, row) => Math.max(w, textWidth(row[i] ?? null)), 0)
    const multiline = rows.some((row) => {
      const value = row[i]
      return typeof value === 'string' && value.includes('\n')
    })
    // Two characters of margin; the header's filter button takes two more.
    const width = Math.max(spec.header.length + 4, Math.min(spec.max, widest + 2))
    const col = sheet.getColumn(i + 1)
    col.width = width
    col.font = FONT
    col.alignment = { vertical: 'top', wrapText: multiline || widest + 2 > width }
    return col.alignment.wrapText ? width : null
  })
  const header = sheet.addRow(columns.map((c) => c.header))
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true }
    cell.alignment = { vertical: 'top' }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } }
    cell.border = { bottom: { style: 'thin' } }
  })
  for (const values of rows) {
    const row = sheet.addRow(values.map((v) => (v === '' ? null : v)))
    let lines = 1
    values.forEach((v, i) => {
      if (v instanceof Date) {
        const cell = row.getCell(i + 1)
        cell.numFmt = DATE_FORMAT
        // A date next to text reads better on the left, where the text of the column starts.
        cell.alignment = { vertical: 'top', horizontal: 'left' }
      }
      const width = widths[i]
      if (typeof v === 'string' && width) lines = Math.max(lines, lineCount(v, width))
    })
    if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows.length + 1, column: columns.length },
  }
  return sheet
}

export function newWorkbook(): Workbook {
  const workbook = new ExcelJS.Workbook()
  const now = new Date()
  workbook.creator = APP_NAME
  workbook.lastModifiedBy = APP_NAME
  workbook.created = now
  workbook.modified = now
  return workbook
}

/** The "About" sheet: what the workbook is, for whom, from when, and who owns the SoA. */
function addAbout(
  workbook: Workbook,
  meta: XlsxMeta,
  what: string,
  soa: boolean,
  changes: Comparison | null = null,
): Worksheet {
  const rows: [string, Value][] = [
    ['Document', what],
    ['Organization', meta.organizationName],
    ['Date', dateValue(meta.date)],
    ...(changes
      ? ([
          ['Changes since', `${momentName(changes.from)}: ${comparisonSummary(changes)}`],
        ] satisfies [string, Value][])
      : []),
    ...(soa && meta.soaStatus?.latest
      ? ([
          ['SoA version', meta.soaStatus.versionText],
          ['SoA owner', meta.soaOwner],
          ['SoA approval', meta.soaStatus.approvalText],
          ['SoA approved by', meta.soaStatus.latest.approver],
          ['SoA approval date', dateValue(meta.soaStatus.latest.approvedOn)],
        ] satisfies [string, Value][])
      : []),
    ...(soa && !meta.soaStatus?.latest
      ? ([
          ['SoA version', meta.soaVersion],
          ['SoA owner', meta.soaOwner],
          ['SoA approved by', meta.soaApprover],
          ['SoA approval date', dateValue(meta.soaApprovedOn)],
        ] satisfies [string, Value][])
      : []),
    ['Standard', 'ISO/IEC 27001:2022'],
    ['Produced with', `${APP_NAME} ${meta.appVersion}`.trim()],
  ]
  return addTable(workbook, ABOUT_SHEET, [column('Field', 24), column('Value', 60)], rows)
}

/**
 * Exceljs gives a Buffer (a Uint8Array, in Node possibly a view into a shared pool): the bytes
 * of the file alone, as an ArrayBuffer of their own.
 */
export async function toArrayBuffer(workbook: Workbook): Promise<ArrayBuffer> {
  const data: unknown = await workbook.xlsx.writeBuffer()
  if (data instanceof ArrayBuffer) return data
  const bytes = data as Uint8Array
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy.buffer
}

/** The SoA as a workbook: the sheet of the 93 controls, in the CSV's columns, and "About". */
export async function buildSoaXlsx(input: {
  rows: readonly SoaRow[]
  refs: ReadonlyMap<string, string>
  meta: XlsxMeta
}): Promise<ArrayBuffer> {
  const workbook = newWorkbook()
  addTable(
    workbook,
    SOA_SHEET,
    SOA_COLUMNS.map((c) => column(c.header, SOA_WIDTHS[c.header])),
    input.rows.map((row) => soaRowTexts(row, input.refs)),
  )
  const history = input.meta.soaStatus?.history ?? []
  if (history.length > 0) {
    addTable(
      workbook,
      'Approval history',
      [
        column('Version', 10),
        column('Approved by', 24),
        column('Approval date', 14),
        column('What changed and why', 50),
        column('Decisions changed', 50),
      ],
      history.map((v) => [
        v.version,
        v.approver,
        dateValue(v.approvedOn),
        v.changeNote || (v.first ? 'First approved version' : ''),
        v.first
          ? 'First version approved in the app'
          : v.changes.map(decisionChangeLine).join('\n') || 'No decision changed',
      ]),
    )
  }
  addAbout(workbook, input.meta, SOA_SHEET, true)
  return toArrayBuffer(workbook)
}

/**
 * The gaps with an agreed action, earliest due date first, undated ones last, in the gap list's
 * order (most severe first) where the dates are the same.
 */
export function actionPlan(gaps: readonly Gap[]): Gap[] {
  const dueOf = (gap: Gap) => (dateValue(gap.due) instanceof Date ? (gap.due ?? '') : '')
  return gaps
    .filter((gap) => (gap.plannedAction ?? '').trim() !== '')
    .map((gap, order) => ({ gap, order, due: dueOf(gap) }))
    .sort(
      (a, b) =>
        Number(a.due === '') - Number(b.due === '') ||
        a.due.localeCompare(b.due) ||
        a.order - b.order,
    )
    .map((entry) => entry.gap)
}

/**
 * The gap list as a workbook: "Gaps", one row per gap, "Action plan", with `changes` a
 * "Changes" sheet of one row per change since a snapshot, and "About".
 */
export async function buildGapXlsx(input: {
  gaps: readonly Gap[]
  refs: ReadonlyMap<string, string>
  meta: XlsxMeta
  changes?: Comparison | null
}): Promise<ArrayBuffer> {
  const workbook = newWorkbook()
  const rowsOf = (gaps: readonly Gap[], columns: typeof GAP_COLUMNS) =>
    gaps.map((gap) => {
      const cells = gapCells(gap, input.refs)
      return columns.map((c) => c.cell(cells))
    })
  addTable(
    workbook,
    GAPS_SHEET,
    GAP_COLUMNS.map((c) => c.column),
    rowsOf(input.gaps, GAP_COLUMNS),
  )
  addTable(
    workbook,
    ACTION_PLAN_SHEET,
    ACTION_COLUMNS.map((c) => c.column),
    rowsOf(actionPlan(input.gaps), ACTION_COLUMNS),
  )
  const changes = input.changes ?? null
  if (changes) {
    addTable(
      workbook,
      CHANGES_SHEET,
      CHANGES_HEADER.map((header) => column(header, CHANGES_WIDTHS[header])),
      changeRows(changes),
    )
  }
  addAbout(workbook, input.meta, 'Readiness gap list and action plan', false, changes)
  return toArrayBuffer(workbook)
}

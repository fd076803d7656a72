/**
 * An imported spreadsheet file (CSV or XLSX) read into tables of text, one per sheet, for the SoA
 * import (src/domain/soaImport). The file's first bytes decide how it is read, not its name; the
 * refusals and limits are the domain's (fileSizeProblem, fileKind, checkTable), so a CSV and a
 * workbook are refused with the same words.
 *
 * exceljs weighs about 250 kB gzipped, so it is loaded with import() only when a workbook is
 * actually opened; a CSV never loads it.
 */
import type { CellValue, Workbook } from 'exceljs'
import {
  checkTable,
  fileKind,
  fileSizeProblem,
  parseCsv,
  TABLE_LIMITS,
  type Table,
} from '@/domain/soaImport'

export interface TableSheet {
  /** The worksheet's name; a CSV file's own name. */
  readonly name: string
  readonly rows: Table
}

export type TableFileResult =
  | { readonly ok: true; readonly sheets: readonly TableSheet[] }
  | { readonly ok: false; readonly message: string }

type NamedBlob = Blob & { readonly name: string }

const refuse = (message: string): TableFileResult => ({ ok: false, message })

/**
 * The text of a file of text: UTF-8 when it is valid UTF-8 (a byte-order mark dropped), else
 * Windows-1252, what Excel on Windows writes as "CSV" and where accents would otherwise turn
 * into replacement characters.
 */
function decodeText(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  if (encoding !== 'utf-8') return new TextDecoder(encoding).decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A cell's value as the user sees it: rich text joined, a formula's last result, a hyperlink's
 * text, a date as yyyy-mm-dd (Excel's dates carry no time zone, and exceljs reads them as UTC),
 * true and false as yes and no (an "Applicable" column of ticks), an error as empty.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return ''
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('error' in value) return ''
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result
    if (result === undefined || result === null) return ''
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return ''
    return cellText(result as CellValue)
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text
    if (typeof text === 'string') return text
    if (text && typeof text === 'object') return cellText(text as CellValue)
    return String(value.hyperlink)
  }
  return ''
}

/**
 * The worksheets of a workbook as tables, empty sheets left out (a workbook often keeps a blank
 * "Sheet2"); hidden sheets are kept, since an SoA's data sheet is sometimes hidden behind a cover.
 * Rows and columns past the limits stop the reading early: the refusal only needs to know that.
 */
function sheetsOf(workbook: Workbook): TableSheet[] | string {
  const sheets: TableSheet[] = []
  for (const worksheet of workbook.worksheets) {
    const rows: string[][] = []
    let tooLarge = false
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (tooLarge) return
      const cells: string[] = []
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column > TABLE_LIMITS.maxColumns + 1) return
        cells[column - 1] = cellText(cell.value)
      })
      const texts = Array.from(cells, (c) => c ?? '')
      if (texts.every((t) => t.trim() === '')) return
      if (rowNumber > TABLE_LIMITS.maxRows) tooLarge = true
      else rows[rowNumber - 1] = texts
    })
    if (tooLarge) {
      return `Sheet “${worksheet.name}” has more than ${TABLE_LIMITS.maxRows.toLocaleString('en')} rows; an SoA this import reads has at most that many. Check that it is the right file.`
    }
    const table = Array.from(rows, (r) => r ?? [])
    if (table.every((r) => r.every((cell) => cell.trim() === ''))) continue
    const checked = checkTable(table)
    if (!checked.ok) return `Sheet “${worksheet.name}”: ${checked.message}`
    sheets.push({ name: worksheet.name, rows: checked.rows })
  }
  return sheets
}

async function readWorkbook(buffer: ArrayBuffer): Promise<TableFileResult> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer)
  } catch {
    return refuse(
      'The file looks like a workbook but cannot be opened as an .xlsx spreadsheet (it may be damaged, protected by a password, or another kind of file such as .ods or .docx). Open it in your spreadsheet program and save it as .xlsx or CSV, then import that.',
    )
  }
  if (workbook.worksheets.length === 0) return refuse('The workbook has no worksheets.')
  const sheets = sheetsOf(workbook)
  if (typeof sheets === 'string') return refuse(sheets)
  if (sheets.length === 0) return refuse('Every worksheet of the workbook is empty.')
  return { ok: true, sheets }
}

/**
 * A CSV or XLSX file as tables of text: `{ ok: false, message }` for a file this import does not
 * read (too large, empty, .xls, PDF, binary, a damaged workbook, too many rows or columns), with
 * what to do instead. Nothing is kept of a refused file.
 */
export async function readTableFile(file: NamedBlob): Promise<TableFileResult> {
  const sizeProblem = fileSizeProblem(file.size)
  if (sizeProblem) return refuse(sizeProblem)
  const buffer = await file.arrayBuffer()
  const bytes = new Uint8Array(buffer)
  const kind = fileKind(bytes)
  if (kind.kind === 'refused') return refuse(kind.message)
  if (kind.kind === 'xlsx') return readWorkbook(buffer)
  const table = parseCsv(decodeText(bytes, kind.encoding))
  if (!table.ok) return refuse(table.message)
  return { ok: true, sheets: [{ name: file.name, rows: table.rows }] }
}

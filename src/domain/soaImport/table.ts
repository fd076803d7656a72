/**
 * An imported spreadsheet as a table of text: rows of cells, row i being spreadsheet row i + 1,
 * so every message can name the row the user sees in Excel. CSV is read here (RFC 4180 with the
 * habits of real spreadsheets: a byte-order mark, `;` or tab as the separator, CRLF); XLSX is
 * read into the same shape in the browser (src/import/readTableFile.ts). The limits and the
 * check of a file's first bytes live here too, so both readers refuse the same files with the
 * same words.
 */

/** Rows of cells; `rows[0]` is spreadsheet row 1. Rows may differ in length. */
export type Table = readonly (readonly string[])[]

export type TableResult = { readonly ok: true; readonly rows: Table } | TableRefusal

export interface TableRefusal {
  readonly ok: false
  readonly message: string
}

/**
 * An SoA has 93 or 114 rows, a few hundred with headings and notes; a limit well above that
 * keeps a wrong file (an export of a whole database) from freezing the tab.
 */
export const TABLE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 5000,
  maxColumns: 100,
} as const

const refuse = (message: string): TableRefusal => ({ ok: false, message })

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** Why a file of this size is not read, or null. */
export function fileSizeProblem(bytes: number): string | null {
  if (bytes === 0) return 'The file is empty.'
  if (bytes > TABLE_LIMITS.maxBytes) {
    return `The file is ${megabytes(bytes)}; the largest file this import reads is ${megabytes(TABLE_LIMITS.maxBytes)}. An SoA is far smaller: check that it is the right file, or save only the SoA sheet.`
  }
  return null
}

/** How to read a file, from its first bytes (the name can lie: "soa.csv" may be a workbook). */
export type FileKind =
  | { readonly kind: 'xlsx' }
  | { readonly kind: 'text'; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { readonly kind: 'refused'; readonly message: string }

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => bytes[i] === b)

const SAVE_AS = 'Open it in your spreadsheet program and save it as .xlsx or CSV, then import that.'

/**
 * The kind of a file from its bytes: a ZIP ("PK") is read as an XLSX workbook; the old Excel
 * format (.xls, an OLE file starting D0 CF 11 E0) and PDF are refused with what to do instead;
 * a byte-order mark says UTF-16 text (Excel's "Unicode text" export); any other file holding NUL
 * bytes is binary, not a CSV, and is refused; everything else is UTF-8 (or Windows-1252) text.
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return { kind: 'refused', message: 'The file is empty.' }
  if (startsWith(bytes, [0x50, 0x4b])) return { kind: 'xlsx' }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return {
      kind: 'refused',
      message: `This is an old Excel file (.xls), which this import cannot read. ${SAVE_AS}`,
    }
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return {
      kind: 'refused',
      message: `This is a PDF. The import needs the spreadsheet the SoA was written in. ${SAVE_AS}`,
    }
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le' }
  if (startsWith(bytes, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be' }
  if (bytes.includes(0)) {
    return {
      kind: 'refused',
      message: `The file holds binary data, so it is not a CSV or text file. ${SAVE_AS}`,
    }
  }
  return { kind: 'text', encoding: 'utf-8' }
}

const isEmptyRow = (row: readonly string[]) => row.every((cell) => cell.trim() === '')

/**
 * The table without its trailing empty rows and cells (spreadsheets save formatted but empty
 * rows and columns), refused when nothing is left or it is larger than TABLE_LIMITS. Empty rows
 * inside the table stay, so that row numbers keep matching the spreadsheet.
 */
export function checkTable(rows: Table): TableResult {
  const trimmed = rows.map((row) => {
    let end = row.length
    while (end > 0 && row[end - 1]!.trim() === '') end--
    return row.slice(0, end)
  })
  let end = trimmed.length
  while (end > 0 && isEmptyRow(trimmed[end - 1]!)) end--
  const table = trimmed.slice(0, end)
  if (table.length === 0) return refuse('The file is empty: it holds no cell with text.')
  if (table.length > TABLE_LIMITS.maxRows) {
    return refuse(
      `The sheet has ${table.length.toLocaleString('en')} rows; an SoA this import reads has at most ${TABLE_LIMITS.maxRows.toLocaleString('en')}. Check that it is the right file.`,
    )
  }
  const columns = Math.max(...table.map((row) => row.length))
  if (columns > TABLE_LIMITS.maxColumns) {
    return refuse(
      `The sheet has ${columns} columns; an SoA this import reads has at most ${TABLE_LIMITS.maxColumns}. Check that it is the right file.`,
    )
  }
  return { ok: true, rows: table }
}

const DELIMITERS = [',', ';', '\t'] as const
type Delimiter = (typeof DELIMITERS)[number]

/** How often `delimiter` separates fields on each of the first lines, quotes respected. */
function countsPerLine(text: string, delimiter: Delimiter, lines: number): number[] {
  const counts: number[] = []
  let count = 0
  let quoted = false
  for (let i = 0; i < text.length && counts.length < lines; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch === delimiter) count++
    else if (!quoted && ch === '\n') {
      counts.push(count)
      count = 0
    }
  }
  if (counts.length < lines && count > 0) counts.push(count)
  return counts
}

/**
 * The separator of a CSV file: among comma, semicolon and tab, the one that splits the most of
 * the first 20 lines into the same number of fields (a title line above the table has fewer),
 * then the one that splits more often. Semicolons are what European spreadsheets write, tabs
 * what "text" exports write; a comma inside a justification must not win over either.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ','
  let bestScore: readonly [number, number] = [-1, -1]
  for (const delimiter of DELIMITERS) {
    const counts = countsPerLine(text, delimiter, 20).filter((n) => n > 0)
    const frequency = new Map<number, number>()
    for (const n of counts) frequency.set(n, (frequency.get(n) ?? 0) + 1)
    const consistent = Math.max(0, ...frequency.values())
    const total = counts.reduce((a, b) => a + b, 0)
    const score = [consistent, total] as const
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = delimiter
      bestScore = score
    }
  }
  return best
}

/**
 * A CSV file's text as a table: a leading byte-order mark dropped, the separator detected (or
 * named by an Excel "sep=;" first line, which is then not a row), fields in double quotes may
 * hold separators, line breaks and doubled quotes, lines end in CRLF, LF or CR. A quote inside
 * an unquoted field is kept as text, as spreadsheets do; a quoted field never closed is refused
 * (it would swallow the rest of the file into one cell). The result is checked by checkTable.
 */
export function parseCsv(text: string): TableResult {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text
  let delimiter: string
  const sep = /^sep=(.)\r?\n/i.exec(body)
  if (sep) {
    delimiter = sep[1]!
    body = body.slice(sep[0].length)
  } else {
    delimiter = detectDelimiter(body)
  }

  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let quoteStartRow = 0
  let fieldStarted = false
  const endField = () => {
    row.push(field)
    field = ''
    fieldStarted = false
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }

  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
      continue
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true
      fieldStarted = true
      quoteStartRow = rows.length + 1
    } else if (ch === delimiter) endField()
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && body[i + 1] === '\n') i++
      endRow()
    } else {
      field += ch
      fieldStarted = true
    }
  }
  if (quoted) {
    return refuse(
      `Row ${quoteStartRow} opens a quoted cell that is never closed, so the file cannot be read. Check the quotes in that row, or save the file again from the spreadsheet.`,
    )
  }
  if (fieldStarted || row.length > 0) endRow()
  return checkTable(rows)
}

/**
 * A cell as the user wrote it, without the apostrophe a CSV export (this app's csv.ts, and
 * spreadsheets' own) puts before text that would otherwise run as a formula: "'=1+1" → "=1+1".
 */
export function unguardCell(cell: string): string {
  return cell.replace(/(^|[,;\t\r\n])(\s*)'(?=[=+\-@\t\r])/g, '$1$2')
}

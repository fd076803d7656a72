/**
 * Which column of an imported SoA holds what. SoA spreadsheets have no common layout: the
 * control number may be in a column headed "Control", "Ref", "Clause" or nothing at all, and
 * "Control" is as often the title. So the guess looks at the cells first: the control id is the
 * column whose cells read most often as control numbers. The other roles are found by their
 * header names; the user checks and corrects every guess before anything is read.
 */
import { parseControlNumber } from './controlIds'
import { APPLICABLE_WORDS } from './values'
import type { Table } from './table'

/** Column indexes (0-based) of the roles; null when the file has no such column. */
export interface ColumnMapping {
  readonly controlId: number
  readonly applicable: number | null
  readonly justification: number | null
  readonly status: number | null
  /** Who provides the control: a supplier's name, or in-house (the app's own "Provided by"). */
  readonly provider: number | null
  /**
   * Whether the table has a row of column names (found by headerRowIndex: the first row is not
   * always it, a title may stand above). Rows down to it are headings, never data.
   */
  readonly headerRow: boolean
}

export type ColumnRole = 'controlId' | 'applicable' | 'justification' | 'status' | 'provider'

/** Header names as SoA templates and toolkits write them, lower case, most specific first. */
const HEADER_NAMES: Record<ColumnRole, readonly string[]> = {
  controlId: [
    'control id',
    'control no',
    'control number',
    'control ref',
    'control reference',
    'ref',
    'reference',
    'clause',
    'annex a',
    'annex a control',
    'annex a ref',
    'id',
    'no',
    'number',
    '#',
    'control',
  ],
  applicable: [
    'applicable',
    'applicability',
    'included',
    'selected',
    'applies',
    'in scope',
    'applicable yes no',
    'applicable y n',
    'selected yes no',
  ],
  justification: [
    'justification',
    'justification for inclusion exclusion',
    'justification for inclusion or exclusion',
    'reason',
    'reasons',
    'reason for selection',
    'rationale',
    'justification notes',
  ],
  status: [
    'implementation status',
    'status',
    'implementation',
    'implemented',
    'current status',
    'implementation state',
  ],
  provider: [
    'provided by',
    'provider',
    'supplier',
    'outsourced to',
    'delivered by',
    'service provider',
    'operated by',
  ],
}

const ROLE_ORDER: readonly ColumnRole[] = ['applicable', 'status', 'justification', 'provider']

/** A header cell in the form HEADER_NAMES uses: lower case, punctuation as spaces. */
const headerKey = (cell: string) =>
  cell
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()

/**
 * How well a header cell names a role: 3 for an exact name ("Justification"), 2 for a name it
 * starts with ("Justification for exclusion"), 1 for a name it contains as a word, 0 otherwise.
 * "Justification reasons" thus loses to "Justification", and "New in 2022" names nothing.
 */
export function headerScore(cell: string, role: ColumnRole): number {
  const key = headerKey(cell)
  if (key === '') return 0
  let best = 0
  for (const name of HEADER_NAMES[role]) {
    if (key === name) return 3
    if (key.startsWith(`${name} `)) best = Math.max(best, 2)
    else if (` ${key} `.includes(` ${name} `) && name.length > 2) best = Math.max(best, 1)
  }
  return best
}

const FIRST_ROWS = 10

/**
 * The row of column names: among the first ten rows without a control number, the one whose
 * cells name the most roles (a title row above scores none), or the first non-empty row when
 * none names a role.
 */
export function headerRowIndex(rows: Table): number {
  let best = -1
  let bestScore = 0
  for (let r = 0; r < Math.min(rows.length, FIRST_ROWS); r++) {
    const cells = rows[r]!
    // A row naming a control is data, even when a cell says "No" (a header for numbers).
    if (cells.some((cell) => parseControlNumber(cell))) continue
    const roles = (Object.keys(HEADER_NAMES) as ColumnRole[]).filter((role) =>
      cells.some((cell) => headerScore(cell, role) > 0),
    ).length
    if (roles > bestScore) {
      best = r
      bestScore = roles
    }
  }
  if (best >= 0) return best
  const first = rows.findIndex((row) => row.some((cell) => cell.trim() !== ''))
  return Math.max(0, first)
}

const columnCount = (rows: Table) => Math.max(0, ...rows.map((row) => row.length))

/** How many cells of each column read as control numbers. */
function idCellCounts(rows: Table): number[] {
  const counts = new Array<number>(columnCount(rows)).fill(0)
  for (const row of rows) {
    row.forEach((cell, c) => {
      if (parseControlNumber(cell)) counts[c]!++
    })
  }
  return counts
}

/**
 * The columns of a table, guessed: the control id is the column with the most cells that read
 * as control numbers (a header naming it breaks a tie); each other role takes the column whose
 * header names it best, not a column already taken. Without a header for "applicable", the
 * column with the most yes/no cells is taken. Null when no cell of the table reads as a control
 * number: the file is no SoA, or its numbers are not where anyone would look.
 */
export function guessMapping(rows: Table): ColumnMapping | null {
  const counts = idCellCounts(rows)
  const headerAt = headerRowIndex(rows)
  const candidate = rows[headerAt] ?? []
  const hasHeader =
    !candidate.some((cell) => parseControlNumber(cell)) &&
    candidate.some((cell) =>
      (Object.keys(HEADER_NAMES) as ColumnRole[]).some((role) => headerScore(cell, role) > 0),
    )
  const header = hasHeader ? candidate : []
  let controlId = -1
  counts.forEach((count, c) => {
    if (count === 0) return
    const best = counts[controlId] ?? 0
    const better =
      count > best ||
      (count === best &&
        headerScore(header[c] ?? '', 'controlId') >
          headerScore(header[controlId] ?? '', 'controlId'))
    if (better) controlId = c
  })
  if (controlId < 0) return null

  const taken = new Set<number>([controlId])
  const found: Partial<Record<ColumnRole, number>> = {}
  for (const role of ROLE_ORDER) {
    let best = -1
    let bestScore = 0
    header.forEach((cell, c) => {
      const score = taken.has(c) ? 0 : headerScore(cell, role)
      if (score > bestScore) {
        best = c
        bestScore = score
      }
    })
    if (best >= 0) {
      found[role] = best
      taken.add(best)
    }
  }
  if (found.applicable === undefined) {
    const yesNo = yesNoColumn(rows, taken)
    if (yesNo !== null) found.applicable = yesNo
  }
  return {
    controlId,
    applicable: found.applicable ?? null,
    justification: found.justification ?? null,
    status: found.status ?? null,
    provider: found.provider ?? null,
    headerRow: hasHeader,
  }
}

/** The column, not taken, with the most cells that read as yes or no; null when none has one. */
function yesNoColumn(rows: Table, taken: ReadonlySet<number>): number | null {
  const counts = new Array<number>(columnCount(rows)).fill(0)
  for (const row of rows) {
    row.forEach((cell, c) => {
      if (cell.trim() !== '' && APPLICABLE_WORDS.has(cell.trim().toLowerCase())) counts[c]!++
    })
  }
  let best: number | null = null
  counts.forEach((count, c) => {
    if (!taken.has(c) && count > 0 && count > (best === null ? 0 : counts[best]!)) best = c
  })
  return best
}

/** A column's letter as spreadsheets show it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/**
 * The columns as a user picks them: "B: Applicable" with a row of column names, "Column B"
 * without one (or for a column with no name).
 */
export function columnLabels(rows: Table, headerRow: boolean): string[] {
  const header = headerRow ? (rows[headerRowIndex(rows)] ?? []) : []
  return Array.from({ length: columnCount(rows) }, (_, c) => {
    const name = (header[c] ?? '').trim()
    return name ? `${columnLetter(c)}: ${name}` : `Column ${columnLetter(c)}`
  })
}

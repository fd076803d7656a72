/**
 * The rows of an imported SoA, read through a column mapping: which control each row is about,
 * whether it applies, why, and how far it is implemented. Every row keeps its spreadsheet row
 * number, so the review can say "Row 14: A.11.1.1" and the user finds it in the old file.
 *
 * Nothing here guesses silently. A row is either used as written, or listed as a problem with
 * its row number and left out; only empty rows and rows without a control number (titles,
 * section headings such as "A.5 Information security policies") are passed over unmentioned.
 */
import type { ImplementationStatus } from '../model'
import { isControl2013, isControl2022, parseControlNumber, type Edition } from './controlIds'
import { columnLetter, headerRowIndex, type ColumnMapping } from './columns'
import { unguardCell, type Table, type TableRefusal } from './table'
import { readApplicable, readStatus, readSupplier } from './values'
import { cleanName } from '../workspace'
import { FIELD_LIMITS } from '../limits'

/** One row of the old SoA that the import uses. */
export interface SoaImportRow {
  /** The spreadsheet's row number, from 1. */
  readonly row: number
  /** The control in the file's edition: "A.9.2.3" (2013) or "5.15" (2022). */
  readonly id: string
  /** The control as SoAs write it: "A.9.2.3", "A.5.15". */
  readonly ref: string
  /** Null when the row does not say (an empty cell, "Undecided"). */
  readonly applicability: 'applicable' | 'excluded' | null
  /** The justification cell, trimmed; '' when empty or when the file has no such column. */
  readonly justification: string
  /** Null when the cell is empty or not understood (see statusText). */
  readonly status: ImplementationStatus | null
  /** The status cell as written, trimmed, for the sources and warnings. */
  readonly statusText: string
  /** The supplier the provider cell names; '' for in-house, an empty cell or no such column. */
  readonly supplierName: string
}

/** A message about one row (a problem, or a note about rows read together). */
export interface RowMessage {
  readonly row: number
  /** The control the row names in the file's edition, when it names one. */
  readonly id: string | null
  readonly message: string
}

export interface SoaRows {
  readonly ok: true
  readonly edition: Edition
  /** The rows used, in the file's order. */
  readonly rows: readonly SoaImportRow[]
  /** Rows, or cells of rows, that were not used, each saying why. */
  readonly problems: readonly RowMessage[]
  /** What the user should know about rows that were used (repeated rows). */
  readonly notes: readonly RowMessage[]
}

export type SoaRowsResult = SoaRows | TableRefusal

/** One row with a control number, before the file's edition is known. */
interface Candidate {
  readonly row: number
  readonly edition: Edition
  readonly id: string
  readonly applicableText: string
  readonly justification: string
  readonly statusText: string
  readonly supplierName: string
  /** No applicability, justification or status: a heading that happens to carry a number. */
  readonly heading: boolean
}

const cellAt = (cells: readonly string[], column: number | null) =>
  column === null ? '' : (cells[column] ?? '').trim()

const refOf = (edition: Edition, id: string) => (edition === '2013' ? id : `A.${id}`)

const knownIn = (edition: Edition, id: string) =>
  edition === '2013' ? isControl2013(id) : isControl2022(id)

const EDITION_EXAMPLE: Record<Edition, string> = { '2013': 'A.9.2.3', '2022': 'A.5.15' }

function candidatesOf(table: Table, mapping: ColumnMapping): Candidate[] {
  const start = mapping.headerRow ? headerRowIndex(table) + 1 : 0
  const candidates: Candidate[] = []
  for (let r = start; r < table.length; r++) {
    const cells = table[r]!
    const parsed = parseControlNumber(cellAt(cells, mapping.controlId))
    if (!parsed) continue
    const applicableText = cellAt(cells, mapping.applicable)
    const justification = unguardCell(cellAt(cells, mapping.justification))
    const statusText = cellAt(cells, mapping.status)
    const supplierName = cleanName(
      readSupplier(unguardCell(cellAt(cells, mapping.provider))),
    ).slice(0, FIELD_LIMITS.name)
    candidates.push({
      row: r + 1,
      edition: parsed.edition,
      id: parsed.id,
      applicableText,
      justification,
      statusText,
      supplierName,
      heading: applicableText === '' && justification === '' && statusText === '',
    })
  }
  return candidates
}

/**
 * The file's edition, from the controls it names that exist in an edition: three-part numbers
 * of the 2013 list, two-part numbers of the 2022 list. Rows without any decision are left out
 * of the count while there are rows with one, because a 2013 SoA's objective headings
 * ("A.9.1 Business requirements of access control") have two parts and would read as 2022
 * controls. A file naming controls of both editions is refused: its rows cannot be carried
 * forward by one rule, and guessing which half was meant would import the wrong half.
 */
function editionOf(candidates: readonly Candidate[], column: string): Edition | TableRefusal {
  const decided = candidates.filter((c) => !c.heading)
  const counted = decided.length > 0 ? decided : candidates
  const first = (edition: Edition) =>
    counted.find((c) => c.edition === edition && knownIn(edition, c.id))
  const old = first('2013')
  const current = first('2022')
  if (old && current) {
    return {
      ok: false,
      message: `The file mixes the two editions of the standard: row ${old.row} names ${refOf('2013', old.id)}, a control of ISO/IEC 27001:2013, and row ${current.row} names ${refOf('2022', current.id)}, a control of ISO/IEC 27001:2022. Keep the rows of one edition in the file (or on a sheet of their own) and import them alone.`,
    }
  }
  if (old) return '2013'
  if (current) return '2022'
  return {
    ok: false,
    message: `No cell of column ${column} holds an Annex A control number of ISO/IEC 27001:2013 (such as ${EDITION_EXAMPLE['2013']}) or 2022 (such as ${EDITION_EXAMPLE['2022']}). Choose the column that holds the control numbers.`,
  }
}

/** "12 and 40", "12, 40 and 61". */
const listOf = (items: readonly (string | number)[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`

const sameRow = (a: SoaImportRow, b: SoaImportRow) =>
  a.applicability === b.applicability &&
  a.justification === b.justification &&
  a.status === b.status &&
  a.statusText === b.statusText &&
  a.supplierName === b.supplierName

/**
 * The rows of an imported SoA through a column mapping, with the file's edition.
 *
 * - Refused as a whole: no column for applicability chosen (nothing to carry forward), no
 *   control number of either edition, or numbers of both editions (see editionOf).
 * - Skipped without a word: rows above and including the column names, empty rows, rows whose
 *   id cell holds no control number (titles, section headings), and in a 2013 file the two-part
 *   objective headings that carry no decision.
 * - Problems, the row not used: a number that is no control of the file's edition ("A.9.2.7"),
 *   an applicability that is neither yes nor no ("maybe").
 * - Problems, the row used without the cell: a status this import does not know.
 * - A control on two rows: a row saying exactly what an earlier one says is read once, with a
 *   note. Rows that differ are both used, with a note: the review then shows them side by side
 *   (as a conflict when they disagree on applicability), and the user picks. Dropping both
 *   would hide the control's only decisions; taking either would be a guess.
 */
export function readSoaRows(table: Table, mapping: ColumnMapping): SoaRowsResult {
  if (mapping.applicable === null) {
    return {
      ok: false,
      message:
        'Choose the column that says whether each control applies: without it the file has no decision to carry forward.',
    }
  }
  const candidates = candidatesOf(table, mapping)
  const edition = editionOf(candidates, columnLetter(mapping.controlId))
  if (typeof edition !== 'string') return edition

  const problems: RowMessage[] = []
  const notes: RowMessage[] = []
  const rows: SoaImportRow[] = []
  const byId = new Map<string, SoaImportRow[]>()

  for (const c of candidates) {
    const ref = refOf(c.edition, c.id)
    if (c.edition !== edition) {
      if (!c.heading) {
        problems.push({
          row: c.row,
          id: null,
          message: `Row ${c.row}: ${ref} is no control of ISO/IEC 27001:${edition}, the edition of this file; the row is not used.`,
        })
      }
      continue
    }
    if (!knownIn(edition, c.id)) {
      problems.push({
        row: c.row,
        id: null,
        message: `Row ${c.row}: ${ref} is not a control of ISO/IEC 27001:${edition} Annex A; the row is not used.`,
      })
      continue
    }
    const applicability = readApplicable(c.applicableText)
    if (applicability === 'unknown') {
      problems.push({
        row: c.row,
        id: c.id,
        message: `Row ${c.row}: ${ref}: '${c.applicableText}' is not yes or no; the row is not used.`,
      })
      continue
    }
    const status = readStatus(c.statusText)
    if (status === 'unknown') {
      problems.push({
        row: c.row,
        id: c.id,
        message: `Row ${c.row}: ${ref}: '${c.statusText}' is not an implementation status this import knows; the row is used without its status.`,
      })
    }
    const row: SoaImportRow = {
      row: c.row,
      id: c.id,
      ref,
      applicability,
      justification: c.justification,
      status: status === 'unknown' ? null : status,
      statusText: c.statusText,
      supplierName: c.supplierName,
    }
    const earlier = byId.get(c.id) ?? []
    const repeated = earlier.find((e) => sameRow(e, row))
    if (repeated) {
      notes.push({
        row: c.row,
        id: c.id,
        message: `Row ${c.row} repeats row ${repeated.row} (${ref}) and is read once.`,
      })
      continue
    }
    if (earlier.length > 0) {
      notes.push({
        row: c.row,
        id: c.id,
        message: `${ref} is on rows ${listOf([...earlier.map((e) => e.row), c.row])}, and they say different things; the review shows each of them.`,
      })
    }
    byId.set(c.id, [...earlier, row])
    rows.push(row)
  }
  return { ok: true, edition, rows, problems, notes }
}

/**
 * Helpers for the SoA import tests: the realistic 2013 SoA of tests/fixtures/soa-import (a small
 * cloud-only software company, all 114 controls), and the pipeline from text to review items.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { ControlId } from '@/content'
import type { ReviewItem } from '@/domain/proposals'
import {
  guessMapping,
  importReviewItems,
  parseCsv,
  readSoaRows,
  type ColumnMapping,
  type SoaImport,
  type SoaRows,
  type Table,
} from '@/domain/soaImport'

// A path, not a URL: the component tests' DOM has a URL class of its own.
export const SOA_2013_CSV = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/soa-import/soa-2013.csv'),
  'utf8',
)

export function tableOf(text: string): Table {
  const table = parseCsv(text)
  if (!table.ok) throw new Error(table.message)
  return table.rows
}

export function rowsOf(table: Table, mapping?: ColumnMapping): SoaRows {
  const guessed = mapping ?? guessMapping(table)
  if (!guessed) throw new Error('no id column')
  const result = readSoaRows(table, guessed)
  if (!result.ok) throw new Error(result.message)
  return result
}

/** A CSV's text all the way to its review items, with the guessed mapping. */
export const importCsv = (text: string): SoaImport & { rows: SoaRows } => {
  const rows = rowsOf(tableOf(text))
  return { ...importReviewItems(rows), rows }
}

export function itemOf(items: readonly ReviewItem[], id: ControlId): ReviewItem {
  const item = items.find((i) => i.controlId === id)
  expect(item, `review item ${id}`).toBeDefined()
  return item!
}

/** A small CSV from rows of cells, with a header "Control,Applicable,Justification,Status". */
export const csvOf = (...rows: readonly (readonly string[])[]) =>
  [['Control', 'Applicable', 'Justification', 'Status'], ...rows]
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n')

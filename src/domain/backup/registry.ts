/**
 * The history of the backup format: every released format version, each with the schema of its
 * `data`, and the chain that brings a file of any of them to the current one.
 *
 * Every format shares one envelope (what made the file, row counts per table, a SHA-256 of the
 * data), so a file is recognised, counted and checksummed the same way whatever its version;
 * only `data` changes shape. A file is checked against the schema of its own version, then its
 * data is upgraded one version at a time (`up`) to the current shape, and only then are the
 * current rules applied to it.
 *
 * Adding format N+1: write formatN+1.ts with its data schema, `read` and `write`; move `read` and
 * `write` out of formatN.ts and give it `up(data)` instead; list formatN under `older` below and
 * make formatN+1 `current` (formats.ts); add a fixture file of format N+1 next to the older ones.
 */
import * as v from 'valibot'
import { count, positiveInteger, SHA256_PATTERN, timestamp } from './fields'
import type { BackupData } from './types'

export const BACKUP_FORMAT = 'isms-readiness-backup'

/**
 * The schema of a format's `data`: one list of rows per table, each row checked by the schema of
 * its table. Row schemas only check (no transform, no default): a row that passes is used as it
 * is, see checkRows.
 */
export type TablesSchema = v.StrictObjectSchema<
  { readonly [table: string]: v.ArraySchema<v.GenericSchema, undefined> },
  undefined
>

/** The tables of a file's data, in some format's shape. */
export type FileTables = { readonly [table: string]: readonly unknown[] }

interface FormatBase<Schema extends TablesSchema> {
  readonly version: number
  /** Shapes, types, lengths and allowed values of the data of a file in this format. */
  readonly data: Schema
}

/** A format older than the current one. */
export interface OlderFormat<
  Schema extends TablesSchema = TablesSchema,
  Next = unknown,
> extends FormatBase<Schema> {
  /**
   * The same data in the shape of the next format version. Pure, and keeps the order of the rows
   * in every table (refusals name rows by their place in the file).
   */
  up(data: v.InferOutput<Schema>): Next
}

/** The format this version of the app writes. */
export interface CurrentFormat<
  Schema extends TablesSchema = TablesSchema,
> extends FormatBase<Schema> {
  /** The app's rows, from checked data of this format; keeps the order of the rows. */
  read(data: v.InferOutput<Schema>): BackupData
  /** The data of a file of this format, from the app's rows in their canonical order. */
  write(data: BackupData): FileTables
}

export interface FormatRegistry {
  /** Every format older than the current one, oldest first: versions 1, 2, … */
  readonly older: readonly OlderFormat[]
  readonly current: CurrentFormat
}

/**
 * The envelope of a file of the given format: every field but the rows themselves, which
 * checkRows checks one by one. `data` must hold exactly the format's tables, each a list.
 */
export function envelopeSchema(format: FormatBase<TablesSchema>) {
  const tables = Object.keys(format.data.entries)
  const list = v.array(v.unknown())
  return v.strictObject({
    format: v.literal(BACKUP_FORMAT),
    formatVersion: v.literal(format.version),
    app: v.strictObject({
      version: v.pipe(v.string(), v.minLength(1), v.maxLength(50)),
      schemaVersion: positiveInteger,
      contentVersion: positiveInteger,
    }),
    exportedAt: timestamp,
    counts: v.strictObject(Object.fromEntries(tables.map((table) => [table, count]))),
    sha256: v.pipe(v.string(), v.regex(SHA256_PATTERN)),
    data: v.strictObject(Object.fromEntries(tables.map((table) => [table, list]))),
  })
}

export type RowsCheck =
  | { readonly ok: true; readonly data: v.InferOutput<TablesSchema> }
  | { readonly ok: false; readonly issue: v.BaseIssue<unknown>; readonly path: (string | number)[] }

/**
 * Checks every row of every table against its row schema, in file order, and gives back the
 * same rows, or the first issue with its path ("clauseAnswers", 3, "status").
 *
 * The rows that pass are the parsed objects themselves, not copies: a strict schema has just
 * shown that each holds its known fields of their known types and nothing else, and JSON.parse
 * makes plain objects that share nothing, with no prototype keys (refused before, json.ts). A
 * copy would be the same rows, at the cost of holding every row of a large file twice.
 * Checking row by row keeps what the schema allocates short-lived for the same reason.
 */
export function checkRows(
  format: FormatBase<TablesSchema>,
  tables: Readonly<Record<string, readonly unknown[]>>,
): RowsCheck {
  for (const [table, schema] of Object.entries(format.data.entries)) {
    const rows = tables[table] ?? []
    for (let i = 0; i < rows.length; i++) {
      const result = v.safeParse(schema.item, rows[i], { abortEarly: true })
      if (!result.success) {
        const [issue] = result.issues
        const keys = (issue.path ?? []).map(({ key }) =>
          typeof key === 'number' ? key : String(key),
        )
        return { ok: false, issue, path: [table, i, ...keys] }
      }
    }
  }
  // Every row of every table has passed its schema just above.
  return { ok: true, data: tables as v.InferOutput<TablesSchema> }
}

export type Envelope = v.InferOutput<ReturnType<typeof envelopeSchema>>

/**
 * The format of a file's version and the formats after it up to the current one, or null for
 * a version this registry does not hold. Throws when the registry is not versions 1, 2, … with
 * the current one last: that is a mistake in the app, not in the file.
 */
export function formatChain(
  registry: FormatRegistry,
  version: number,
): { readonly format: FormatBase<TablesSchema>; readonly upgrades: readonly OlderFormat[] } | null {
  const chain = [...registry.older, registry.current]
  chain.forEach((format, i) => {
    if (format.version !== i + 1) {
      throw new Error(
        `Backup format ${i + 1} is missing from the registry (found ${format.version}).`,
      )
    }
  })
  const at = version - 1
  const format = chain[at]
  if (!Number.isInteger(version) || !format) return null
  return { format, upgrades: registry.older.slice(at) }
}

/**
 * Data checked by the schema of its own format, upgraded step by step and read as the app's
 * rows. Each `up` takes what the one before gave; their types are checked where each format is
 * defined, so here they are only chained.
 */
export function readData(
  registry: FormatRegistry,
  upgrades: readonly OlderFormat[],
  data: unknown,
): BackupData {
  type Tables = v.InferOutput<TablesSchema>
  let current = data as Tables
  for (const format of upgrades) current = format.up(current) as Tables
  return registry.current.read(current)
}

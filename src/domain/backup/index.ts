/**
 * The backup file: one JSON document holding whole workspaces with every row that belongs to
 * them, wrapped in an envelope that says what made it (format, app, schema and content
 * versions), how many rows each table holds and a SHA-256 of the rows.
 *
 * An imported file is hostile until proven otherwise. `parseBackup` checks it in a fixed order
 * and only gives back rows that the strict schema of their format has checked field by field,
 * upgraded to the current shape and held to the same rules as the editors; nothing of the file
 * that was not checked leaves this module. The pieces: json.ts (reading the text), registry.ts and formatN.ts (the format
 * history), rules.ts (the current rules), messages.ts (what the user is told).
 */
import * as v from 'valibot'
import { CONTENT_VERSION } from '@/content'
import { BACKUP_CLOCK_SKEW_MS, FIELD_LIMITS } from '../limits'
import { canonicalData, sortedData } from './canonical'
import { describeIssue, formatPath, issuePath } from './fields'
import { BACKUP_FORMATS } from './formats'
import { readJson } from './json'
import { MESSAGES } from './messages'
import {
  BACKUP_FORMAT,
  checkRows,
  envelopeSchema,
  formatChain,
  readData,
  type FormatRegistry,
} from './registry'
import { applyRules } from './rules'
import type { BackupData, BackupErrorKind, BackupMeta, ParsedBackup, Sha256 } from './types'
import { DATABASE_SCHEMA_VERSION } from './versions'

export * from './types'
export { BACKUP_FORMAT, BACKUP_FORMATS, DATABASE_SCHEMA_VERSION }
export type { CurrentFormat, FormatRegistry, OlderFormat, TablesSchema } from './registry'

/** The format version this app writes. */
export const BACKUP_FORMAT_VERSION = BACKUP_FORMATS.current.version

/**
 * The largest backup accepted, in bytes. A backup of 100 full workspaces without snapshots is
 * around 13 MB; snapshots make it grow (one assessment with 1,000 risks and 100 snapshots is
 * 82.5 MB, `npm run bench`), and each assessment's snapshots are held to
 * MAX_SNAPSHOT_BYTES_PER_WORKSPACE so that any one assessment always fits. Reading is about a
 * second per 40 MB; the bound keeps a hostile file from exhausting memory.
 */
export const MAX_BACKUP_BYTES = 120 * 1024 * 1024

/** The longest values a backup may hold: the same limits the editors enforce. */
export const BACKUP_LIMITS = FIELD_LIMITS

/**
 * Writes the backup file in the current format: pretty-printed JSON of the envelope, with
 * `sha256` computed over `JSON.stringify(data)`. Rows are sorted by their primary key and their
 * fields written in a fixed order, so the same data always gives the same text, byte for byte.
 * `formats` is for tests of the format history; the app always writes BACKUP_FORMATS.current.
 */
export async function buildBackup(
  data: BackupData,
  meta: BackupMeta,
  sha256: Sha256,
  formats: FormatRegistry = BACKUP_FORMATS,
): Promise<string> {
  const rows = formats.current.write(canonicalData(data))
  const envelope = {
    format: BACKUP_FORMAT,
    formatVersion: formats.current.version,
    app: {
      version: meta.appVersion,
      schemaVersion: meta.schemaVersion,
      contentVersion: meta.contentVersion,
    },
    exportedAt: meta.exportedAt,
    counts: Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.length])),
    sha256: await sha256(JSON.stringify(rows)),
    data: rows,
  }
  return `${JSON.stringify(envelope, null, 2)}\n`
}

/** How many levels of a path in the file a message names at most. */
const MAX_PATH_SHOWN = 8

export interface ParseOptions {
  /**
   * This device's time, as an ISO timestamp: a file made later than it (by more than
   * BACKUP_CLOCK_SKEW_MS) is refused, since its own times are then unchecked.
   */
  readonly now?: string
  /** The format history to read with; for tests of the history. Default: BACKUP_FORMATS. */
  readonly formats?: FormatRegistry
}

/**
 * Reads a backup file and accepts it only when every check passes, in this order:
 * 1. size: the text is at most MAX_BACKUP_BYTES UTF-16 code units long (never more than its
 *    size in UTF-8 bytes, so a file within the limit is never refused; callers holding a File
 *    compare `file.size` with MAX_BACKUP_BYTES before reading it, so a huge file is never read);
 * 2. JSON: it parses; no object anywhere has a key named `__proto__`, `constructor` or
 *    `prototype` ("hostile", never silently dropped), and no object has the same key twice
 *    ("duplicate-key"), see json.ts;
 * 3. envelope: it says it is an ISMS Readiness backup, in a format version this app reads, made
 *    by an app whose database schema and content are not newer than this one's
 *    ("future-version"), and not made after `now`;
 * 4. schema: every field of every row has the right type, allowed value and length for its
 *    format version, and no unknown field is present ("invalid", naming the first offending
 *    path);
 * 5. integrity: the counts match the rows and the SHA-256 matches the data ("checksum");
 * 6. upgrade: the data is brought to the current format one version at a time;
 * 7. the current rules (rules.ts): references ("inconsistent"), how many rows ("too-many"), and
 *    the editors' rules for every row ("breaks-rule", or repaired where nothing is lost, each
 *    repair listed in `repairs`).
 * Question ids unknown to this app are kept (a newer content version may have added them);
 * control ids must be in the Annex A catalog.
 */
export async function parseBackup(
  text: string,
  sha256: Sha256,
  options: ParseOptions = {},
): Promise<ParsedBackup> {
  const formats = options.formats ?? BACKUP_FORMATS
  if (text.length > MAX_BACKUP_BYTES) return fail('too-large', MESSAGES.tooLarge(MAX_BACKUP_BYTES))

  const json = readJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  if (!json.ok) {
    if (json.problem === 'not-json') return fail('not-json', MESSAGES.notJson)
    // A hostile file can nest deeper than a message should be long.
    const shown = json.path.slice(0, MAX_PATH_SHOWN)
    const path = `${formatPath(shown)}${json.path.length > shown.length ? '…' : ''}`
    if (json.problem === 'prototype-key') return fail('hostile', MESSAGES.hostile(json.key), path)
    const where = json.path.length === 0 ? 'at the top level of the file' : `in ${path}`
    return fail('duplicate-key', MESSAGES.duplicateKey(json.key, where), path)
  }
  const parsed = json.value

  if (!isRecord(parsed) || parsed['format'] !== BACKUP_FORMAT) {
    return fail('not-a-backup', MESSAGES.notABackup)
  }
  const formatVersion = parsed['formatVersion']
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return fail('not-a-backup', MESSAGES.notABackup)
  }
  if (formatVersion > formats.current.version) {
    return fail('future-version', MESSAGES.futureFormat(formatVersion, formats.current.version))
  }
  const chain = formatChain(formats, formatVersion)
  if (!chain) return fail('not-a-backup', MESSAGES.notABackup)
  const app = isRecord(parsed['app']) ? parsed['app'] : {}
  const schemaVersion = app['schemaVersion']
  if (typeof schemaVersion === 'number' && schemaVersion > DATABASE_SCHEMA_VERSION) {
    return fail(
      'future-version',
      MESSAGES.futureSchema(schemaVersion, DATABASE_SCHEMA_VERSION),
      'app.schemaVersion',
    )
  }
  const contentVersion = app['contentVersion']
  if (typeof contentVersion === 'number' && contentVersion > CONTENT_VERSION) {
    return fail('future-version', MESSAGES.futureContent(contentVersion), 'app.contentVersion')
  }

  const result = v.safeParse(envelopeSchema(chain.format), parsed, { abortEarly: true })
  if (!result.success) {
    const [issue] = result.issues
    const path = issuePath(issue.path)
    return fail('invalid', MESSAGES.invalid(path, describeIssue(issue)), path)
  }
  const envelope = result.output
  const rows = checkRows(chain.format, envelope.data)
  if (!rows.ok) {
    const path = formatPath(rows.path)
    return fail('invalid', MESSAGES.invalid(path, describeIssue(rows.issue)), path)
  }

  if (options.now !== undefined) {
    const latest = new Date(Date.parse(options.now) + BACKUP_CLOCK_SKEW_MS).toISOString()
    if (envelope.exportedAt > latest) {
      return fail(
        'breaks-rule',
        MESSAGES.exportedInFuture(envelope.exportedAt, options.now),
        'exportedAt',
      )
    }
  }
  for (const [table, list] of Object.entries(envelope.data)) {
    const declared = envelope.counts[table] ?? 0
    if (declared !== list.length) {
      return fail(
        'checksum',
        MESSAGES.countMismatch(table, declared, list.length),
        `counts.${table}`,
      )
    }
  }
  // The checksum covers the data as written in the file, which the schema has just shown to be
  // nothing but known fields of known types.
  if ((await sha256(JSON.stringify(parsed['data']))) !== envelope.sha256) {
    return fail('checksum', MESSAGES.checksum, 'sha256')
  }

  const rules = applyRules(readData(formats, chain.upgrades, rows.data), envelope.exportedAt)
  if (!rules.ok) return { ok: false, error: rules.error }
  return {
    ok: true,
    data: sortedData(rules.data),
    meta: {
      appVersion: envelope.app.version,
      schemaVersion: envelope.app.schemaVersion,
      contentVersion: envelope.app.contentVersion,
      exportedAt: envelope.exportedAt,
    },
    repairs: rules.repairs,
  }
}

function fail(kind: BackupErrorKind, message: string, path?: string): ParsedBackup {
  return { ok: false, error: path === undefined ? { kind, message } : { kind, message, path } }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The types of the backup module, apart so that the format files can use them without importing
 * the module that imports them.
 */
import type { ClauseAnswer, ControlDecision, Risk, Snapshot, Workspace } from '../model'
import type { RegisterEntry } from '../register'

/** Whole workspaces with every row that belongs to them: what a backup holds. */
export interface BackupData {
  readonly workspaces: readonly Workspace[]
  readonly clauseAnswers: readonly ClauseAnswer[]
  readonly controlDecisions: readonly ControlDecision[]
  readonly risks: readonly Risk[]
  readonly snapshots: readonly Snapshot[]
  /** The register rows stored (rows of required documents nobody touched are not). */
  readonly registerEntries: readonly RegisterEntry[]
}

export type BackupTable = keyof BackupData
export type BackupCounts = { readonly [T in BackupTable]: number }

export const BACKUP_TABLES = [
  'workspaces',
  'clauseAnswers',
  'controlDecisions',
  'risks',
  'snapshots',
  'registerEntries',
] as const satisfies readonly BackupTable[]

/** What made the backup. `exportedAt` is an ISO timestamp. */
export interface BackupMeta {
  readonly appVersion: string
  readonly schemaVersion: number
  readonly contentVersion: number
  readonly exportedAt: string
}

/** SHA-256 of the UTF-8 bytes of a text, as lowercase hex (WebCrypto in the app). */
export type Sha256 = (text: string) => Promise<string>

export type BackupErrorKind =
  | 'too-large'
  | 'not-json'
  | 'hostile'
  | 'duplicate-key'
  | 'not-a-backup'
  | 'future-version'
  | 'invalid'
  | 'checksum'
  | 'inconsistent'
  | 'too-many'
  | 'breaks-rule'

export interface BackupError {
  readonly kind: BackupErrorKind
  /** What happened and what to do, in plain words, for the user. */
  readonly message: string
  /** The first offending place in the file, e.g. "clauseAnswers[3].status", when there is one. */
  readonly path?: string
}

export type BackupRepairKind =
  | 'empty-evidence-dropped'
  | 'empty-action-dropped'
  | 'future-last-backup-dropped'
  | 'empty-scoping-name-dropped'
  | 'register-entry-rekeyed'

/**
 * A change the import made to the file's rows because the file held something the app never
 * stores, where the change loses nothing the user wrote. One per kind, naming every row changed.
 */
export interface BackupRepair {
  readonly kind: BackupRepairKind
  /** What was changed and why, in plain words, for the user. */
  readonly message: string
  /** The rows changed, e.g. "clauseAnswers[3]", in file order. */
  readonly paths: readonly string[]
}

export type ParsedBackup =
  | {
      readonly ok: true
      readonly data: BackupData
      readonly meta: BackupMeta
      /** What the import repaired, to tell the user; empty for a file the app wrote. */
      readonly repairs: readonly BackupRepair[]
    }
  | { readonly ok: false; readonly error: BackupError }

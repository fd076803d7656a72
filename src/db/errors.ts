/**
 * Turns storage failures into messages a user can act on. Quota errors arrive under several
 * names: directly, as the `inner` error of an AbortError, and as Firefox's
 * NS_ERROR_DOM_QUOTA_REACHED. A database that could not be opened at all (no IndexedDB,
 * `indexedDB.open` throwing, or its request failing) is told apart from a tab that closed its
 * connection for a newer version: both reach later operations as Dexie's DatabaseClosedError.
 */
export type StorageErrorKind = 'quota' | 'outdated' | 'storage-unavailable' | 'unknown'

export interface StorageFailure {
  readonly kind: StorageErrorKind
  readonly message: string
}

const MESSAGES = {
  quota:
    'Not saved: the storage on this device is full. Free some space or export a backup, then try again.',
  outdated: 'Not saved: a newer version of the app is open in another tab. Reload this page.',
  'storage-unavailable':
    'This browser is not letting the app store anything on this device (private browsing, a ' +
    'browser setting or a full disk can cause this). Nothing you type can be kept. Try a normal ' +
    'window, allow site data for this address, or free disk space, then reload.',
  unknown: 'Not saved: the browser refused to store the change. Try again.',
} as const satisfies Record<StorageErrorKind, string>

const failure = (kind: StorageErrorKind): StorageFailure => ({ kind, message: MESSAGES[kind] })

function errorNames(error: unknown): string[] {
  const names: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown }
    if (typeof name === 'string') names.push(name)
    current = inner
  }
  return names
}

export function isQuotaError(error: unknown): boolean {
  return errorNames(error).some(
    (n) => n === 'QuotaExceededError' || n === 'NS_ERROR_DOM_QUOTA_REACHED',
  )
}

/**
 * True when the error says the database was never opened. Dexie reports every operation after
 * a failed open as DatabaseClosedError (or OpenFailedError, MissingAPIError) carrying the
 * open's own error inside; after this tab closed itself for a newer version the error inside is
 * DatabaseClosedError again, or there is none.
 */
function isOpenFailure(names: readonly string[]): boolean {
  if (names.some((n) => n === 'MissingAPIError' || n === 'OpenFailedError')) return true
  return (
    names[0] === 'DatabaseClosedError' && names.length > 1 && names[1] !== 'DatabaseClosedError'
  )
}

/** Describes the failure of any database operation (a read, a write, a transaction). */
export function describeStorageError(error: unknown): StorageFailure {
  const names = errorNames(error)
  if (isOpenFailure(names)) return failure('storage-unavailable')
  if (isQuotaError(error)) return failure('quota')
  if (names.some((n) => n === 'VersionChangeError' || n === 'DatabaseClosedError')) {
    return failure('outdated')
  }
  if (names.some((n) => n === 'InvalidStateError' || n === 'SecurityError')) {
    return failure('storage-unavailable')
  }
  return failure('unknown')
}

/**
 * Describes why opening the database failed. Whatever the browser said (UnknownError,
 * InvalidStateError, SecurityError, QuotaExceededError, a TypeError from a stubbed API), the
 * app cannot store anything; only an open cancelled because a newer version took over is the
 * outdated-tab case.
 */
export function describeOpenError(error: unknown): StorageFailure {
  const names = errorNames(error)
  if (
    !isOpenFailure(names) &&
    names.some((n) => n === 'DatabaseClosedError' || n === 'VersionChangeError')
  ) {
    return failure('outdated')
  }
  return failure('storage-unavailable')
}

/** The risk an editor saves was deleted meanwhile (in another tab). */
export class RiskNotFoundError extends Error {
  override readonly name = 'RiskNotFoundError'
  constructor(readonly riskId: string) {
    super(`No risk with id ${riskId} in this assessment.`)
  }
}

/** The risk no longer fits the risk criteria, which another tab changed meanwhile. */
export class RiskOffScaleError extends Error {
  override readonly name = 'RiskOffScaleError'
  constructor(readonly riskId: string) {
    super(`Risk ${riskId} does not fit the risk criteria as stored.`)
  }
}

/** The register already holds the most risks one assessment may hold (MAX_RISKS_PER_WORKSPACE). */
export class RiskLimitError extends Error {
  override readonly name = 'RiskLimitError'
  constructor(readonly limit: number) {
    super(`The register already holds ${limit} risks.`)
  }
}

/** The register row is not in this assessment (deleted in another tab, or another's id). */
export class RegisterEntryNotFoundError extends Error {
  override readonly name = 'RegisterEntryNotFoundError'
  constructor(readonly entryId: string) {
    super(`No register row with id ${entryId} in this assessment.`)
  }
}

/** One more row would take the register past MAX_REGISTER_ENTRIES. */
export class RegisterLimitError extends Error {
  override readonly name = 'RegisterLimitError'
  constructor(readonly limit: number) {
    super(`The register already holds ${limit} rows.`)
  }
}

/** A snapshot was asked for beyond the most one assessment holds (MAX_SNAPSHOTS_PER_WORKSPACE). */
export class SnapshotLimitError extends Error {
  override readonly name = 'SnapshotLimitError'
  constructor(readonly limit: number) {
    super(`This assessment already holds ${limit} snapshots.`)
  }
}

/** The snapshot asked for is not on this device (deleted in another tab, say). */
export class SnapshotNotFoundError extends Error {
  override readonly name = 'SnapshotNotFoundError'
  constructor(readonly snapshotId: string) {
    super(`No snapshot with id ${snapshotId} on this device.`)
  }
}

/** One more snapshot would take the assessment's snapshots past MAX_SNAPSHOT_BYTES_PER_WORKSPACE. */
export class SnapshotSizeError extends Error {
  override readonly name = 'SnapshotSizeError'
  constructor(
    readonly limitBytes: number,
    readonly heldBytes: number,
    readonly snapshotBytes: number,
  ) {
    super(`The snapshots would take ${heldBytes + snapshotBytes} of ${limitBytes} bytes.`)
  }
}

/** A backup file would be larger than the app can import back (MAX_BACKUP_BYTES). */
export class BackupTooLargeError extends Error {
  override readonly name = 'BackupTooLargeError'
  constructor(
    readonly bytes: number,
    readonly limitBytes: number,
    readonly workspaceCount: number,
  ) {
    super(`The backup would be ${bytes} bytes, more than ${limitBytes}.`)
  }
}

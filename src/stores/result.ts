import {
  describeStorageError,
  isQuotaError,
  RegisterEntryNotFoundError,
  RegisterLimitError,
  RiskLimitError,
  RiskNotFoundError,
  RiskOffScaleError,
  BackupTooLargeError,
  SnapshotLimitError,
  SnapshotNotFoundError,
  SnapshotSizeError,
} from '@/db/errors'
import { WorkspaceNotFoundError } from '@/db/workspaceRepository'

/** The outcome of a store action: the value, or a message the user can act on. */
export type ActionResult<T = void> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string }

/** What became of a storage action: done, refused for a full disk, or failed otherwise. */
export type StorageOutcome = 'ok' | 'quota' | 'failed'
type OutcomeListener = (outcome: StorageOutcome) => void
const outcomeListeners = new Set<OutcomeListener>()

/** Follows every storage action's outcome (the app-wide "storage is full" banner does). */
export function onStorageWrite(listener: OutcomeListener): () => void {
  outcomeListeners.add(listener)
  return () => outcomeListeners.delete(listener)
}

function report(outcome: StorageOutcome) {
  for (const listener of outcomeListeners) listener(outcome)
}

/** Runs a storage action and turns any failure into a user-facing message. */
export async function attempt<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const value = await work()
    report('ok')
    return { ok: true, value }
  } catch (error) {
    report(isQuotaError(error) ? 'quota' : 'failed')
    if (error instanceof WorkspaceNotFoundError) {
      return { ok: false, error: 'Not saved: this assessment no longer exists on this device.' }
    }
    if (error instanceof RiskLimitError) {
      return {
        ok: false,
        error: `Not added: this register already holds ${error.limit.toLocaleString('en')} risks, the most one assessment can hold. Merge or delete risks first.`,
      }
    }
    if (error instanceof RegisterLimitError) {
      return {
        ok: false,
        error: `Not added: the register already holds ${error.limit} documents, the most one assessment keeps.`,
      }
    }
    if (error instanceof RegisterEntryNotFoundError) {
      return { ok: false, error: 'Not saved: this document was deleted, perhaps in another tab.' }
    }
    if (error instanceof RiskNotFoundError) {
      return { ok: false, error: 'Not saved: this risk was deleted in another tab.' }
    }
    if (error instanceof RiskOffScaleError) {
      return {
        ok: false,
        error:
          'Not saved: the risk scale was changed in another tab. Choose the ratings again on the new scale.',
      }
    }
    if (error instanceof SnapshotLimitError) {
      return {
        ok: false,
        error: `Not saved: this assessment already holds ${error.limit} snapshots, the most it can hold. Delete snapshots you no longer need first.`,
      }
    }
    if (error instanceof SnapshotSizeError) {
      const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`
      return {
        ok: false,
        error: `Not saved: this snapshot (${mb(error.snapshotBytes)}, for the size of the risk register) would take this assessment's snapshots past ${mb(error.limitBytes)}, the most that still fits in one backup file. Delete older snapshots first.`,
      }
    }
    if (error instanceof BackupTooLargeError) {
      const mb = Math.ceil(error.bytes / 1024 / 1024)
      const limit = error.limitBytes / 1024 / 1024
      return {
        ok: false,
        error:
          error.workspaceCount > 1
            ? `No file was made: a backup of these ${error.workspaceCount} assessments would be ${mb} MB, more than the app can import back (${limit} MB). Export the assessments one at a time (each has its own backup button).`
            : `No file was made: this backup would be ${mb} MB, more than the app can import back (${limit} MB). Delete snapshots you no longer need, then export again.`,
      }
    }
    if (error instanceof SnapshotNotFoundError) {
      return { ok: false, error: 'Not saved: this snapshot was deleted in another tab.' }
    }
    return { ok: false, error: describeStorageError(error).message }
  }
}

import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { CONTENT_VERSION } from '@/content'
import { db } from '@/db/database'
import {
  exportBackupData,
  findConflicts,
  importBackupData,
  markBackedUp,
  type ImportMode,
  type ImportSummary,
  type WorkspaceConflict,
} from '@/db/backupRepository'
import {
  MAX_BACKUP_BYTES,
  buildBackup,
  parseBackup,
  type BackupData,
  type BackupMeta,
  type BackupRepair,
} from '@/domain/backup'
import { attempt, type ActionResult } from './result'
import { BackupTooLargeError } from '@/db/errors'
import { fileSlug, localDate } from '@/components/format'
import { sha256 } from './digest'

export interface BackupFile {
  readonly fileName: string
  readonly text: string
  readonly workspaceCount: number
}

/** A backup of the assessments a replace would overwrite, to be saved before it does. */
export interface SafetyCopy {
  /** Known at once, so a save dialog can suggest it before anything is read. */
  readonly fileName: string
  /** Reads the assessments and builds the file; records nothing. */
  readonly build: () => Promise<ActionResult<string>>
}

export interface ReadBackup {
  readonly data: BackupData
  readonly meta: BackupMeta
  readonly conflicts: readonly WorkspaceConflict[]
  /** What the import repairs in the file (losing nothing), to tell the user once it is in. */
  readonly repairs: readonly BackupRepair[]
}

const IMPORT_LOCK = 'isms-readiness-import'

/** Exporting and importing backup files. */
export const useBackupStore = defineStore('backup', () => {
  const busy = shallowRef(false)
  /** What the last import repaired in its file; empty until an import with repairs succeeds. */
  const repairs = shallowRef<readonly BackupRepair[]>([])
  const repairsOf = new WeakMap<BackupData, readonly BackupRepair[]>()

  /** The backup file of every workspace, or of the given ones, and what it holds. */
  async function backupText(workspaceIds: readonly string[] | undefined, now: string) {
    const data = await exportBackupData(workspaceIds)
    const text = await buildBackup(
      data,
      {
        appVersion: __APP_VERSION__,
        schemaVersion: db.verno,
        contentVersion: CONTENT_VERSION,
        exportedAt: now,
      },
      sha256,
    )
    return { data, text }
  }

  /** Builds a backup of every workspace, or of the given ones, and records it was taken. */
  function exportBackup(workspaceIds?: readonly string[]): Promise<ActionResult<BackupFile>> {
    return attempt(async () => {
      const now = new Date().toISOString()
      const { data, text } = await backupText(workspaceIds, now)
      // A file the app cannot import back is no backup: say so rather than hand it out.
      if (text.length > MAX_BACKUP_BYTES) {
        throw new BackupTooLargeError(text.length, MAX_BACKUP_BYTES, data.workspaces.length)
      }
      // Recording the backup is a write; on a full disk it fails, and the file must still come
      // out. The reminder then keeps showing, which errs on the safe side.
      await markBackedUp(
        data.workspaces.map((w) => w.id),
        now,
      ).catch(() => undefined)
      const only = workspaceIds?.length === 1 ? data.workspaces[0] : undefined
      const slug = only ? `-${fileSlug(only.organizationName)}` : ''
      return {
        fileName: `isms-readiness-backup${slug}-${localDate()}.json`,
        text,
        workspaceCount: data.workspaces.length,
      }
    })
  }

  /**
   * The safety copy a replace saves first: a backup of the assessments on this device that the
   * file would replace. It is not recorded as a backup, because nothing says yet that the user
   * will have it (and cancelling the replace must change nothing).
   */
  function safetyCopy(conflicts: readonly WorkspaceConflict[]): SafetyCopy {
    const only = conflicts.length === 1 ? conflicts[0] : undefined
    const slug = only ? `-${fileSlug(only.organizationName)}` : ''
    return {
      fileName: `isms-readiness-backup-before-replace${slug}-${localDate()}.json`,
      build: () => {
        const ids = conflicts.map((c) => c.id)
        return attempt(async () => (await backupText(ids, new Date().toISOString())).text)
      },
    }
  }

  /** Reads and checks a file; nothing is written. */
  async function readBackup(file: File): Promise<ActionResult<ReadBackup>> {
    repairs.value = []
    if (file.size > MAX_BACKUP_BYTES) {
      return {
        ok: false,
        error: `This file is ${(file.size / 1024 / 1024).toFixed(0)} MB, more than any backup of this app can be (${MAX_BACKUP_BYTES / 1024 / 1024} MB). Choose the backup file you exported. Nothing was imported.`,
      }
    }
    let text: string
    try {
      text = await file.text()
    } catch {
      return { ok: false, error: 'The file could not be read. Nothing was imported.' }
    }
    const parsed = await parseBackup(text, sha256, { now: new Date().toISOString() })
    if (!parsed.ok) return { ok: false, error: parsed.error.message }
    repairsOf.set(parsed.data, parsed.repairs)
    return attempt(async () => ({
      data: parsed.data,
      meta: parsed.meta,
      conflicts: await findConflicts(parsed.data),
      repairs: parsed.repairs,
    }))
  }

  /** Imports a checked file in one transaction; two tabs never import at once. */
  async function importBackup(
    data: BackupData,
    mode: ImportMode,
  ): Promise<ActionResult<ImportSummary>> {
    const run = () =>
      attempt(async () => {
        const summary = await importBackupData(data, mode, new Date().toISOString())
        repairs.value = repairsOf.get(data) ?? []
        return summary
      })
    busy.value = true
    try {
      if (!navigator.locks) return await run()
      return await navigator.locks.request(IMPORT_LOCK, { ifAvailable: true }, async (lock) =>
        lock
          ? run()
          : {
              ok: false as const,
              error: 'Another tab is importing a backup right now. Try again in a moment.',
            },
      )
    } finally {
      busy.value = false
    }
  }

  return { busy, repairs, exportBackup, safetyCopy, readBackup, importBackup }
})

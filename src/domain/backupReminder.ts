/**
 * When to remind the user to export a backup: browser storage can be evicted and devices get
 * lost, so work that has changed since its last backup should not stay that way for long.
 */
import type { Workspace } from './model'

export const BACKUP_REMINDER_DAYS = 3
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * True when the workspace has changes no backup holds, and the last backup (or, without one,
 * the workspace's creation) is more than BACKUP_REMINDER_DAYS old.
 */
export function needsBackupReminder(workspace: Workspace, now: string): boolean {
  const last = workspace.lastBackupAt
  if (last !== undefined && workspace.updatedAt <= last) return false
  const since = Date.parse(last ?? workspace.createdAt)
  return Date.parse(now) - since > BACKUP_REMINDER_DAYS * DAY_MS
}

import { describe, expect, it } from 'vitest'
import { needsBackupReminder } from '@/domain/backupReminder'
import { newWorkspace } from '@/domain/workspace'

const created = '2026-11-01T09:00:00.000Z'

describe('needsBackupReminder', () => {
  it('stays quiet for a new workspace during its first days', () => {
    const w = { ...newWorkspace('w', 'Acme', created), updatedAt: '2026-11-02T09:00:00.000Z' }
    expect(needsBackupReminder(w, '2026-11-03T09:00:00.000Z')).toBe(false)
  })

  it('reminds when changes were never backed up and the workspace is over three days old', () => {
    const w = { ...newWorkspace('w', 'Acme', created), updatedAt: '2026-11-02T09:00:00.000Z' }
    expect(needsBackupReminder(w, '2026-11-04T09:00:01.000Z')).toBe(true)
  })

  it('stays quiet when the last backup holds every change, however old it is', () => {
    const w = {
      ...newWorkspace('w', 'Acme', created),
      updatedAt: '2026-11-02T09:00:00.000Z',
      lastBackupAt: '2026-11-02T10:00:00.000Z',
    }
    expect(needsBackupReminder(w, '2027-01-01T00:00:00.000Z')).toBe(false)
  })

  it('reminds when changes came after a backup that is over three days old', () => {
    const w = {
      ...newWorkspace('w', 'Acme', created),
      lastBackupAt: '2026-11-02T10:00:00.000Z',
      updatedAt: '2026-11-03T10:00:00.000Z',
    }
    expect(needsBackupReminder(w, '2026-11-05T10:00:01.000Z')).toBe(true)
    expect(needsBackupReminder(w, '2026-11-04T10:00:00.000Z')).toBe(false)
  })
})

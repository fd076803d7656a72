import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db } from '@/db/database'
import { SnapshotSizeError, takeSnapshot } from '@/db/snapshotRepository'
import { createWorkspace } from '@/db/workspaceRepository'
import { snapshotBackupSize } from '@/domain/snapshotRows'
import { buildBackup } from '@/domain/backup'
import { useBackupStore } from '@/stores/backup'
import { exportBackupData } from '@/db/backupRepository'
import { makeRisk } from '../domain/builders'

// Small budgets, so that a register of a few dozen risks reaches them.
vi.mock('@/domain/limits', async (original) => ({
  ...(await original<typeof import('@/domain/limits')>()),
  MAX_SNAPSHOT_BYTES_PER_WORKSPACE: 60_000,
}))
vi.mock('@/domain/backup', async (original) => ({
  ...(await original<typeof import('@/domain/backup')>()),
  MAX_BACKUP_BYTES: 80_000,
}))

const T0 = '2026-11-01T10:00:00.000Z'
let counter = 0
const ids = () => `id-${++counter}`

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  counter = 0
  setActivePinia(createPinia())
})

async function withRegister(risks: number) {
  const { id } = await createWorkspace('Big register', T0, ids)
  await db.risks.bulkAdd(
    Array.from({ length: risks }, (_, i) => makeRisk(`r-${i}`, { workspaceId: id })),
  )
  return id
}

describe('the size of an assessment’s snapshots', () => {
  it('refuses the snapshot that would take them past the budget, and keeps the others', async () => {
    const id = await withRegister(40)
    const first = await takeSnapshot(id, 'One', T0, { newId: ids })
    const size = snapshotBackupSize(first)
    const fitting = Math.floor(60_000 / size)
    for (let i = 1; i < fitting; i++) await takeSnapshot(id, `S ${i}`, T0, { newId: ids })
    const error = await takeSnapshot(id, 'One too many', T0, { newId: ids }).catch((e) => e)
    expect(error).toBeInstanceOf(SnapshotSizeError)
    expect(await db.snapshots.count()).toBe(fitting)
  })

  it('measures a snapshot as the backup writes it, give or take a few per cent', async () => {
    const id = await withRegister(40)
    const snapshot = await takeSnapshot(id, 'One', T0, { newId: ids })
    const data = await exportBackupData([id])
    const meta = { appVersion: '1', schemaVersion: 3, contentVersion: 2, exportedAt: T0 }
    const sha = async () => '0'.repeat(64)
    const without = await buildBackup({ ...data, snapshots: [] }, meta, sha)
    const withIt = await buildBackup(data, meta, sha)
    const written = withIt.length - without.length
    expect(snapshotBackupSize(snapshot)).toBeGreaterThanOrEqual(written * 0.97)
    expect(snapshotBackupSize(snapshot)).toBeLessThanOrEqual(written * 1.03)
  })
})

describe('a backup larger than the app imports', () => {
  it('is not handed out: the export says why and what to do', async () => {
    await withRegister(300)
    const result = await useBackupStore().exportBackup()
    expect(result).toMatchObject({ ok: false })
    expect(!result.ok && result.error).toMatch(
      /^No file was made: this backup would be \d+ MB, more than the app can import back/,
    )
  })
})

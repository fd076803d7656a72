import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { exportBackupData, importBackupData } from '@/db/backupRepository'
import { db } from '@/db/database'
import { DATABASE_SCHEMA_VERSION, buildBackup, parseBackup } from '@/domain/backup'

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
})

describe('the versions a backup records', () => {
  it('DATABASE_SCHEMA_VERSION is the version of the database the app opens', async () => {
    await db.open()
    expect(db.verno).toBe(DATABASE_SCHEMA_VERSION)
  })
})

describe('tests/fixtures/backups/format-1.json', () => {
  it('imports into the database, and exports back to the same rows', async () => {
    const fixture = readFileSync(resolve('tests/fixtures/backups/format-1.json'), 'utf8')
    const parsed = await parseBackup(fixture, sha256)
    if (!parsed.ok) throw new Error(parsed.error.message)

    const summary = await importBackupData(parsed.data, 'copy', '2026-12-01T09:00:00.000Z')
    expect(summary.counts).toEqual({
      workspaces: 2,
      clauseAnswers: 4,
      controlDecisions: 4,
      risks: 3,
      snapshots: 1,
    })

    const exported = await buildBackup(await exportBackupData(), parsed.meta, sha256)
    const again = await parseBackup(exported, sha256)
    expect(again).toStrictEqual({ ok: true, data: parsed.data, meta: parsed.meta, repairs: [] })
  })
})

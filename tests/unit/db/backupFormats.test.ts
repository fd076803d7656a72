import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { exportBackupData, importBackupData } from '@/db/backupRepository'
import { db } from '@/db/database'
import { duplicateWorkspace } from '@/db/workspaceRepository'
import { DATABASE_SCHEMA_VERSION, buildBackup, parseBackup } from '@/domain/backup'
import { reportDetailsOf } from '@/domain/editableFields'
import { FIELD_LIMITS } from '@/domain/limits'
import { useBackupStore } from '@/stores/backup'

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')
const fixture = (version: number) =>
  readFileSync(resolve(`tests/fixtures/backups/format-${version}.json`), 'utf8')

/** Every row of every table, in primary-key order. */
async function dump() {
  return Object.fromEntries(
    await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  )
}

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
    const parsed = await parseBackup(fixture(1), sha256)
    if (!parsed.ok) throw new Error(parsed.error.message)

    const summary = await importBackupData(parsed.data, 'copy', '2026-12-01T09:00:00.000Z')
    expect(summary.counts).toEqual({
      workspaces: 2,
      clauseAnswers: 4,
      controlDecisions: 4,
      risks: 3,
      snapshots: 1,
      registerEntries: 0,
    })

    const exported = await buildBackup(await exportBackupData(), parsed.meta, sha256)
    const again = await parseBackup(exported, sha256)
    expect(again).toStrictEqual({ ok: true, data: parsed.data, meta: parsed.meta, repairs: [] })
  })
})

describe('tests/fixtures/backups/format-1.json, in the database', () => {
  it('gives the imported assessments the report details empty', async () => {
    const parsed = await parseBackup(fixture(1), sha256)
    if (!parsed.ok) throw new Error(parsed.error.message)
    await importBackupData(parsed.data, 'replace', '2026-12-01T09:00:00.000Z')
    const stored = await db.workspaces.toArray()
    expect(stored).toHaveLength(2)
    for (const workspace of stored) {
      expect(reportDetailsOf(workspace)).toStrictEqual({
        reportVersion: '',
        confidentiality: '',
        consultantSummary: '',
        recommendations: '',
        soaVersion: '',
        soaOwner: '',
        soaApprover: '',
        soaApprovedOn: null,
      })
    }
  })
})

describe('tests/fixtures/backups/format-3.json', () => {
  it('imports into the database, and exports back as format 4 with the same rows', async () => {
    const parsed = await parseBackup(fixture(3), sha256)
    if (!parsed.ok) throw new Error(parsed.error.message)
    await importBackupData(parsed.data, 'replace', '2026-12-05T09:00:00.000Z')
    const snapshots = await db.snapshots.toArray()
    expect(snapshots.filter((s) => s.hasRecords)).toHaveLength(2)
    expect(await db.snapshotRecords.count()).toBe(2)
    for (const workspace of await db.workspaces.toArray()) {
      expect(workspace).not.toHaveProperty('scoping')
    }
    const exported = await buildBackup(await exportBackupData(), parsed.meta, sha256)
    const again = await parseBackup(exported, sha256)
    expect(again).toStrictEqual({ ok: true, data: parsed.data, meta: parsed.meta, repairs: [] })
  })
})

describe('tests/fixtures/backups/format-4.json', () => {
  const NOW = '2026-12-09T09:00:00.000Z'

  it('imports into the database with an empty register, and exports back to the same rows', async () => {
    const parsed = await parseBackup(fixture(4), sha256)
    if (!parsed.ok) throw new Error(parsed.error.message)
    await importBackupData(parsed.data, 'replace', NOW)
    const stored = await db.workspaces.get('3b0f7a52-8c1e-4d4a-9f7e-1a2b3c4d5e01')
    expect(stored?.scoping?.names).toStrictEqual({
      hosting: 'CloudHost AG',
      monitoring: 'Wächter SOC GmbH & Co. KG',
    })
    expect(await db.registerEntries.count()).toBe(0)
    const exported = await buildBackup(await exportBackupData(), parsed.meta, sha256)
    const again = await parseBackup(exported, sha256)
    expect(again).toStrictEqual({ ok: true, data: parsed.data, meta: parsed.meta, repairs: [] })
  })

  it('keeps the scoping interview when imported as a copy, and when the copy is duplicated', async () => {
    const parsed = await parseBackup(fixture(4), sha256)
    if (!parsed.ok) throw new Error(parsed.error.message)
    await importBackupData(parsed.data, 'replace', NOW)
    let n = 0
    const ids = () => `copy-${++n}`
    await importBackupData(parsed.data, 'copy', NOW, ids)
    const copies = (await db.workspaces.toArray()).filter((w) => w.id.startsWith('copy-'))
    expect(copies.map((w) => w.organizationName).sort()).toEqual([
      'Harbour Dental Clinic (copy)',
      'Nordwind Logistik GmbH (copy)',
    ])
    for (const copy of copies) {
      const original = parsed.data.workspaces.find((w) =>
        copy.organizationName.startsWith(w.organizationName),
      )
      expect(copy.scoping).toStrictEqual(original?.scoping)
    }
    const copy = copies[0]
    if (!copy) throw new Error('no copy was imported')
    const duplicate = await duplicateWorkspace(copy.id, NOW, ids)
    expect((await db.workspaces.get(duplicate.id))?.scoping).toStrictEqual(copy.scoping)
  })
})

describe('tests/fixtures/backups/format-2.json', () => {
  it('imports into the database, and exports back as format 3 with the same rows', async () => {
    const parsed = await parseBackup(fixture(2), sha256)
    if (!parsed.ok) throw new Error(parsed.error.message)
    await importBackupData(parsed.data, 'replace', '2026-12-05T09:00:00.000Z')
    const stored = await db.workspaces.get('3b0f7a52-8c1e-4d4a-9f7e-1a2b3c4d5e01')
    expect(stored?.consultantSummary).toMatch(/^Nordwind has the foundations.*\n\nThe main gaps/s)
    expect(stored?.soaApprovedOn).toBe('2026-11-30')

    const exported = await buildBackup(await exportBackupData(), parsed.meta, sha256)
    const again = await parseBackup(exported, sha256)
    expect(again.ok && again.data).toStrictEqual(parsed.data)
  })

  it('imports nothing when a report detail breaks the schema, and says which field', async () => {
    setActivePinia(createPinia())
    const backups = useBackupStore()
    const before = await parseBackup(fixture(1), sha256)
    if (!before.ok) throw new Error(before.error.message)
    await importBackupData(before.data, 'copy', '2026-12-01T09:00:00.000Z')
    const onDevice = await dump()

    const broken: [string, unknown, string][] = [
      [
        'consultantSummary',
        'x'.repeat(FIELD_LIMITS.longText + 1),
        `workspaces[0].consultantSummary is too long (at most ${FIELD_LIMITS.longText} characters)`,
      ],
      ['soaApprovedOn', '2026-02-29', 'workspaces[0].soaApprovedOn is not a real date'],
      ['soaApprovedOn', '30.11.2026', 'workspaces[0].soaApprovedOn is not in the expected form'],
    ]
    for (const [field, value, words] of broken) {
      const file = JSON.parse(fixture(2)) as {
        exportedAt: string
        sha256: string
        data: { workspaces: Record<string, unknown>[] }
      }
      const workspace = file.data.workspaces[0]
      if (workspace) workspace[field] = value
      file.sha256 = await sha256(JSON.stringify(file.data))
      const text = JSON.stringify(file, null, 2)

      const read = await backups.readBackup(new File([text], 'backup.json'))
      expect(read.ok).toBe(false)
      expect(!read.ok && read.error).toContain(words)
      expect(!read.ok && read.error).toContain('Nothing was imported.')
      expect(await dump()).toStrictEqual(onDevice)
    }
  })
})

describe('tests/fixtures/backups/format-5.json', () => {
  const NOW = '2026-12-16T09:00:00.000Z'
  const NW = '3b0f7a52-8c1e-4d4a-9f7e-1a2b3c4d5e01'

  async function parsed5() {
    const parsed = await parseBackup(fixture(5), sha256)
    if (!parsed.ok) throw new Error(parsed.error.message)
    return parsed
  }

  it('imports into the database, and exports back to the same file, byte for byte', async () => {
    const parsed = await parsed5()
    const summary = await importBackupData(parsed.data, 'replace', NOW)
    expect(summary.counts.registerEntries).toBe(4)
    const exported = await buildBackup(await exportBackupData(), parsed.meta, sha256)
    expect(exported).toBe(`${JSON.stringify(JSON.parse(fixture(5)), null, 2)}\n`)
    // One assessment alone carries its own register.
    const one = await exportBackupData([NW])
    expect(one.registerEntries.map((e) => e.workspaceId)).toEqual([NW, NW, NW])
  })

  it('in copy mode, re-keys the documents’ rows to the copy and gives its own rows new ids', async () => {
    const parsed = await parsed5()
    await importBackupData(parsed.data, 'replace', NOW)
    let n = 0
    await importBackupData(parsed.data, 'copy', NOW, () => `copy-${++n}`)
    const copy = (await db.workspaces.toArray()).find(
      (w) => w.organizationName === 'Nordwind Logistik GmbH (copy)',
    )!
    const rows = await db.registerEntries.where('workspaceId').equals(copy.id).toArray()
    const ids = rows.map((e) => e.id)
    expect(ids).toContain(`${copy.id}/mandatory:is-policy`)
    expect(ids).toContain(`${copy.id}/control:incident-response-procedure`)
    const custom = rows.find((e) => e.source.kind === 'custom')!
    expect(custom.id).toMatch(/^copy-/)
    // The originals are untouched.
    expect(await db.registerEntries.where('workspaceId').equals(NW).count()).toBe(3)
    // The copy's snapshot froze the copy's rows.
    const snapshots = await exportBackupData([copy.id])
    const frozen = snapshots.snapshots.find((s) => s.records?.register)!.records!.register!
    expect(frozen.map((e) => e.id).sort()).toEqual(
      [`${copy.id}/mandatory:is-policy`, custom.id].sort(),
    )
  })

  it('in replace mode, the register on the device is replaced by the file’s', async () => {
    const parsed = await parsed5()
    await importBackupData(parsed.data, 'replace', NOW)
    await db.registerEntries.add({
      ...parsed.data.registerEntries[3]!,
      id: 'only-on-device',
      title: 'A row the file does not have',
    })
    await importBackupData(parsed.data, 'replace', NOW)
    expect(await db.registerEntries.get('only-on-device')).toBeUndefined()
    expect(await db.registerEntries.count()).toBe(4)
  })

  it('a duplicated assessment keeps its register, under the copy’s ids', async () => {
    const parsed = await parsed5()
    await importBackupData(parsed.data, 'replace', NOW)
    const copy = await duplicateWorkspace(NW, NOW)
    const rows = await db.registerEntries.where('workspaceId').equals(copy.id).toArray()
    expect(rows).toHaveLength(3)
    expect(rows.map((e) => e.id)).toContain(`${copy.id}/mandatory:is-policy`)
  })
})

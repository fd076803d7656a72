import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_NAME, IsmsDatabase, SCHEMA_VERSION, db } from '@/db/database'
import { DATABASE_SCHEMA_VERSION } from '@/domain/backup/versions'
import {
  SCHEMA_V1_IDB_VERSION,
  SCHEMA_V1_RECORDS,
  SCHEMA_V1_STORES,
} from '../../fixtures/schema-v1'
import {
  SCHEMA_V2_IDB_VERSION,
  SCHEMA_V2_RECORDS,
  SCHEMA_V2_STORES,
} from '../../fixtures/schema-v2'
import {
  SCHEMA_V2_SNAPSHOT_UPGRADED,
  SCHEMA_V3_IDB_VERSION,
  SCHEMA_V3_RECORDS,
  SCHEMA_V3_STORES,
} from '../../fixtures/schema-v3'

/** Schema version 4 as IndexedDB records it (Dexie stores version(n) as n * 10). */
const CURRENT_IDB_VERSION = 40

type Stores = readonly {
  readonly name: string
  readonly keyPath: string | readonly string[]
  readonly indexes: readonly string[]
}[]
type Records = Readonly<Record<string, readonly unknown[]>>

/** Writes a database exactly as a released schema version laid it out, without Dexie. */
async function writeDatabase(
  name: string,
  idbVersion: number,
  stores: Stores,
  records: Records,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, idbVersion)
    request.onupgradeneeded = () => {
      for (const store of stores) {
        const created = request.result.createObjectStore(store.name, {
          keyPath: store.keyPath as string | string[],
        })
        for (const index of store.indexes) created.createIndex(index, index)
      }
    }
    request.onerror = () => reject(request.error)
    request.onsuccess = () => {
      const database = request.result
      const tx = database.transaction(
        stores.map((s) => s.name),
        'readwrite',
      )
      for (const [table, rows] of Object.entries(records)) {
        for (const row of rows) tx.objectStore(table).put(structuredClone(row))
      }
      tx.oncomplete = () => {
        database.close()
        resolve()
      }
      tx.onerror = () => reject(tx.error)
    }
  })
}

/** What schema version 2 added to every workspace stored before it. */
const REPORT_DETAILS_DEFAULTS = {
  reportVersion: '',
  confidentiality: '',
  consultantSummary: '',
  recommendations: '',
  soaVersion: '',
  soaOwner: '',
  soaApprover: '',
  soaApprovedOn: null,
}

describe('the schema version this build opens', () => {
  it('is version 4, the one backups record', () => {
    expect(SCHEMA_VERSION).toBe(4)
    expect(SCHEMA_VERSION).toBe(DATABASE_SCHEMA_VERSION)
    expect(new IsmsDatabase('schema-versions-verno').verno).toBe(SCHEMA_VERSION)
  })
})

describe('a database written by schema version 1', () => {
  beforeAll(async () => {
    await writeDatabase(DATABASE_NAME, SCHEMA_V1_IDB_VERSION, SCHEMA_V1_STORES, SCHEMA_V1_RECORDS)
  })
  afterAll(() => db.close())

  it('opens with every record intact, the workspaces given the report details empty', async () => {
    expect(await db.workspaces.toArray()).toStrictEqual(
      SCHEMA_V1_RECORDS.workspaces.map((w) => ({ ...w, ...REPORT_DETAILS_DEFAULTS })),
    )
    expect(await db.clauseAnswers.toArray()).toEqual(SCHEMA_V1_RECORDS.clauseAnswers)
    expect(await db.controlDecisions.toArray()).toEqual(SCHEMA_V1_RECORDS.controlDecisions)
    expect(await db.risks.toArray()).toEqual(SCHEMA_V1_RECORDS.risks)
    // Version 1 kept a snapshot's score only: version 3 keeps it as a score-only snapshot.
    expect(await db.snapshots.toArray()).toStrictEqual([
      { ...SCHEMA_V2_SNAPSHOT_UPGRADED, size: expect.any(Number) },
    ])
    expect(await db.snapshotRecords.count()).toBe(0)
  })

  it('is upgraded to schema version 4 (native version 40)', async () => {
    await db.open()
    expect(db.verno).toBe(4)
    expect(db.backendDB().version).toBe(CURRENT_IDB_VERSION)
  })

  it('finds version 1 rows through the indexes the app queries by', async () => {
    const workspaceId = SCHEMA_V1_RECORDS.workspaces[0].id
    expect(await db.clauseAnswers.where('workspaceId').equals(workspaceId).count()).toBe(1)
    expect(await db.controlDecisions.get([workspaceId, '7.1'])).toMatchObject({
      supplierName: 'Colocation provider',
    })
    expect(await db.risks.where('workspaceId').equals(workspaceId).count()).toBe(1)
    expect(await db.workspaces.orderBy('updatedAt').primaryKeys()).toEqual([workspaceId])
  })
})

describe('a database written by schema version 2', () => {
  const name = 'schema-versions-v2'
  const opened = new IsmsDatabase(name)
  beforeAll(async () => {
    await writeDatabase(name, SCHEMA_V2_IDB_VERSION, SCHEMA_V2_STORES, SCHEMA_V2_RECORDS)
  })
  afterAll(() => opened.close())

  it('opens with every record intact, its score-only snapshot upgraded', async () => {
    expect(await opened.workspaces.toArray()).toStrictEqual(SCHEMA_V2_RECORDS.workspaces)
    expect(await opened.clauseAnswers.toArray()).toEqual(SCHEMA_V2_RECORDS.clauseAnswers)
    expect(await opened.controlDecisions.toArray()).toEqual(SCHEMA_V2_RECORDS.controlDecisions)
    expect(await opened.risks.toArray()).toEqual(SCHEMA_V2_RECORDS.risks)
    expect(await opened.snapshots.toArray()).toStrictEqual([
      { ...SCHEMA_V2_SNAPSHOT_UPGRADED, size: expect.any(Number) },
    ])
    expect(opened.backendDB().version).toBe(CURRENT_IDB_VERSION)
  })
})

describe('a database written by schema version 3', () => {
  const name = 'schema-versions-v3'
  const opened = new IsmsDatabase(name)
  beforeAll(async () => {
    await writeDatabase(name, SCHEMA_V3_IDB_VERSION, SCHEMA_V3_STORES, SCHEMA_V3_RECORDS)
  })
  afterAll(() => opened.close())

  it('opens with every record as it was stored, and an empty register of documents', async () => {
    expect(await opened.workspaces.toArray()).toStrictEqual(SCHEMA_V3_RECORDS.workspaces)
    expect(await opened.snapshots.toArray()).toStrictEqual(SCHEMA_V3_RECORDS.snapshots)
    expect(await opened.snapshotRecords.toArray()).toStrictEqual(SCHEMA_V3_RECORDS.snapshotRecords)
    expect(await opened.registerEntries.toArray()).toEqual([])
    expect(opened.backendDB().version).toBe(CURRENT_IDB_VERSION)
  })
})

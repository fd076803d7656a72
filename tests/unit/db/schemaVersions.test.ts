import { beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_NAME, db } from '@/db/database'
import {
  SCHEMA_V1_IDB_VERSION,
  SCHEMA_V1_RECORDS,
  SCHEMA_V1_STORES,
} from '../../fixtures/schema-v1'

/** Writes a database exactly as schema version 1 laid it out, without Dexie. */
async function writeV1Database(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, SCHEMA_V1_IDB_VERSION)
    request.onupgradeneeded = () => {
      for (const store of SCHEMA_V1_STORES) {
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
        SCHEMA_V1_STORES.map((s) => s.name),
        'readwrite',
      )
      for (const [table, rows] of Object.entries(SCHEMA_V1_RECORDS)) {
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

beforeAll(async () => {
  await writeV1Database()
})

describe('schema versions', () => {
  it('opens a database written by schema version 1 with every record intact', async () => {
    expect(await db.workspaces.toArray()).toEqual(SCHEMA_V1_RECORDS.workspaces)
    expect(await db.clauseAnswers.toArray()).toEqual(SCHEMA_V1_RECORDS.clauseAnswers)
    expect(await db.controlDecisions.toArray()).toEqual(SCHEMA_V1_RECORDS.controlDecisions)
    expect(await db.risks.toArray()).toEqual(SCHEMA_V1_RECORDS.risks)
    expect(await db.snapshots.toArray()).toEqual(SCHEMA_V1_RECORDS.snapshots)
  })

  it('finds version 1 rows through the indexes the app queries by', async () => {
    const workspaceId = SCHEMA_V1_RECORDS.workspaces[0].id
    expect(await db.clauseAnswers.where('workspaceId').equals(workspaceId).count()).toBe(1)
    expect(await db.controlDecisions.get([workspaceId, '7.1'])).toMatchObject({
      supplierName: 'Colocation provider',
    })
    expect(await db.risks.where('workspaceId').equals(workspaceId).count()).toBe(1)
  })
})

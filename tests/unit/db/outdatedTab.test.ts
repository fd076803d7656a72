import { describe, expect, it, vi } from 'vitest'
import { Dexie } from 'dexie'
import { DATABASE_NAME, SCHEMA_VERSION, db, onDatabaseOutdated, openDatabase } from '@/db/database'

/** Opens the app's database at a native version, as a build declaring that version would. */
function openNative(version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, version)
    request.onsuccess = () => {
      request.result.close()
      resolve()
    }
    request.onerror = () => reject(request.error)
  })
}

describe('the outdated-tab check', () => {
  it('opens the database at this build’s version, and refuses it once a newer build upgraded it', async () => {
    await openDatabase()
    expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10)
    db.close()

    // A build one schema version newer upgrades the database while this tab is closed.
    await openNative((SCHEMA_VERSION + 1) * 10)
    const outdated = vi.fn()
    onDatabaseOutdated(outdated)
    await expect(openDatabase()).rejects.toBeInstanceOf(Dexie.DatabaseClosedError)
    expect(outdated).toHaveBeenCalledTimes(1)
    // Closed for good: no later open writes into the newer database.
    await expect(openDatabase()).rejects.toBeInstanceOf(Dexie.DatabaseClosedError)
  })
})

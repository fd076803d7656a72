/**
 * The app's database read and upgraded as another program would: raw IndexedDB from page
 * script, bypassing the app's code (which may refuse it, as an outdated tab must).
 */
import type { Page } from 'playwright-core'

/** Every row of one object store of the app's database. */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('isms-readiness')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll()
        request.onsuccess = () => resolve(request.result as T[])
        request.onerror = () => reject(request.error)
      })
    } finally {
      db.close()
    }
  }, store)
}

/**
 * Opens the database at a native version 10 above the one it has, as a newer build declaring
 * one more Dexie version would; resolves to the new native version. Rejects when another
 * connection blocks the upgrade.
 */
export function upgradeDatabase(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const current = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open('isms-readiness')
      request.onsuccess = () => {
        const found = request.result.version
        request.result.close()
        resolve(found)
      }
      request.onerror = () => reject(request.error)
    })
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('isms-readiness', current + 10)
      request.onsuccess = () => {
        request.result.close()
        resolve()
      }
      request.onerror = () => reject(request.error)
      request.onblocked = () => reject(new Error('another tab blocked the upgrade'))
    })
    return current + 10
  })
}

/** The native version of the app's database. */
export function databaseVersion(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('isms-readiness')
        request.onsuccess = () => {
          const found = request.result.version
          request.result.close()
          resolve(found)
        }
        request.onerror = () => reject(request.error)
      }),
  )
}

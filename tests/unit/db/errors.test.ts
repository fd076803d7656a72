import { afterEach, describe, expect, it, vi } from 'vitest'
import { Dexie } from 'dexie'
import { describeOpenError, describeStorageError } from '@/db/errors'

const SCHEMA = { workspaces: 'id' }
const opened: Dexie[] = []

/** A Dexie database like the app's, over whatever `indexedDB` the test hands it. */
function databaseOver(factory: unknown, name = `errors-${opened.length}`) {
  const db = new Dexie(name, { indexedDB: factory as { open: () => unknown } })
  db.version(1).stores(SCHEMA)
  opened.push(db)
  return db
}

/** An `indexedDB` whose open request fails after a turn, as a full or broken disk makes it. */
function failingLater(name: string) {
  return {
    open() {
      const request = new EventTarget() as EventTarget & {
        onerror: ((event: Event) => void) | null
        error: DOMException | null
      }
      request.onerror = null
      request.error = null
      request.addEventListener('error', (event) => request.onerror?.(event))
      setTimeout(() => {
        request.error = new DOMException(`open failed: ${name}`, name)
        request.dispatchEvent(new Event('error', { cancelable: true }))
      })
      return request
    },
  }
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the operation to fail')
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close()
  vi.restoreAllMocks()
})

const UNAVAILABLE = /^This browser is not letting the app store anything on this device/

describe('a database that cannot be opened', () => {
  const cases = [
    { case: 'indexedDB is missing', factory: () => undefined },
    {
      case: 'indexedDB.open throws',
      factory: () => ({
        open() {
          throw new DOMException(
            'The user denied permission to access the database.',
            'SecurityError',
          )
        },
      }),
    },
    ...['UnknownError', 'InvalidStateError', 'QuotaExceededError'].map((name) => ({
      case: `the open request fires ${name}`,
      factory: () => failingLater(name),
    })),
  ]

  it.each(cases)(
    'is storage-unavailable when $case, on open and on every later read and write',
    async ({ factory }) => {
      vi.spyOn(console, 'warn').mockImplementation(() => {}) // Dexie retries UnknownError, and says so
      const db = databaseOver(factory())

      const onOpen = describeOpenError(await failureOf(db.open()))
      expect(onOpen.kind).toBe('storage-unavailable')
      expect(onOpen.message).toMatch(UNAVAILABLE)

      for (const operation of [
        () => db.table('workspaces').toArray(),
        () => db.table('workspaces').add({ id: 'w1' }),
        () => db.transaction('rw', 'workspaces', () => db.table('workspaces').put({ id: 'w1' })),
      ]) {
        const later = describeStorageError(await failureOf(operation()))
        expect(later.kind).toBe('storage-unavailable')
        expect(later.message).toMatch(UNAVAILABLE)
      }
    },
  )

  it('is storage-unavailable for Dexie’s own open errors', () => {
    for (const error of [
      new Dexie.MissingAPIError(),
      new Dexie.OpenFailedError(new DOMException('backing store', 'UnknownError')),
      new Dexie.DatabaseClosedError(new DOMException('full', 'QuotaExceededError')),
      new Dexie.DatabaseClosedError(new Dexie.MissingAPIError()),
    ]) {
      expect(describeStorageError(error).kind, error.message).toBe('storage-unavailable')
      expect(describeOpenError(error).kind, error.message).toBe('storage-unavailable')
    }
  })
})

describe('trying again', () => {
  it('opens the database once the browser lets it, and reads and writes from then on', async () => {
    let refuse = true
    const db = databaseOver({
      open(...args: [string, number]) {
        if (refuse) throw new DOMException('Access denied', 'SecurityError')
        return indexedDB.open(...args)
      },
      cmp: indexedDB.cmp.bind(indexedDB),
    })
    expect(describeOpenError(await failureOf(db.open())).kind).toBe('storage-unavailable')
    refuse = false
    await db.open()
    await db.table('workspaces').add({ id: 'w1' })
    expect(await db.table('workspaces').toArray()).toEqual([{ id: 'w1' }])
  })
})

describe('a tab closed for a newer version', () => {
  it('keeps the "newer version open in another tab" message', async () => {
    const name = 'errors-version-change'
    const db = databaseOver(indexedDB, name)
    db.on('versionchange', () => {
      db.close({ disableAutoOpen: true })
      return false
    })
    await db.open()
    await db.table('workspaces').add({ id: 'w1' })

    // Another tab opens the database at a higher version, as a newer build would.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 100)
      request.onsuccess = () => {
        request.result.close()
        resolve()
      }
      request.onerror = () => reject(request.error)
    })

    const write = describeStorageError(await failureOf(db.table('workspaces').put({ id: 'w2' })))
    expect(write).toEqual({
      kind: 'outdated',
      message: 'Not saved: a newer version of the app is open in another tab. Reload this page.',
    })
    expect(describeOpenError(new Dexie.DatabaseClosedError()).kind).toBe('outdated')
  })
})

describe('a write refused on an open database', () => {
  it('is a quota error when the disk is full, however it is wrapped', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    expect(describeStorageError(quota).kind).toBe('quota')
    expect(describeStorageError(new Dexie.AbortError('aborted', quota)).kind).toBe('quota')
    expect(describeStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }).kind).toBe('quota')
  })

  it('is unknown for anything else', () => {
    expect(describeStorageError(new Dexie.ConstraintError()).kind).toBe('unknown')
  })
})

import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { onDatabaseOutdated, openDatabase } from '@/db/database'
import { describeOpenError } from '@/db/errors'

type ApplyUpdate = () => Promise<void>

/** Whether this browser lets the app store anything: asked once at start, again on "Try again". */
export type StorageState =
  | { readonly status: 'opening' }
  | { readonly status: 'ready' }
  | { readonly status: 'unavailable'; readonly message: string }
  /**
   * A newer build had already upgraded the stored data when this tab opened it: this tab runs
   * older code and reads nothing. (A tab outdated while open keeps what it shows, and stops
   * saving: see databaseOutdated.)
   */
  | { readonly status: 'outdated' }

/**
 * App-wide conditions the user must know about: a new version waiting (it only takes over when
 * the user accepts), the app ready to work offline, this tab outdated by a newer one, and a
 * browser that lets the app store nothing at all.
 */
export const useAppStatusStore = defineStore('appStatus', () => {
  const updateWaiting = shallowRef(false)
  /** The user chose "Later": the banner folds into a small button in the header. */
  const updatePostponed = shallowRef(false)
  const offlineReady = shallowRef(false)
  const databaseOutdated = shallowRef(false)
  const storage = shallowRef<StorageState>({ status: 'opening' })
  const openingStorage = shallowRef(false)
  let applyUpdate: ApplyUpdate | null = null

  onDatabaseOutdated(() => {
    databaseOutdated.value = true
  })

  async function openStorage() {
    if (openingStorage.value || storage.value.status === 'ready') return
    openingStorage.value = true
    try {
      await openDatabase()
      storage.value = { status: 'ready' }
    } catch (error) {
      storage.value = databaseOutdated.value
        ? { status: 'outdated' }
        : { status: 'unavailable', message: describeOpenError(error).message }
    } finally {
      openingStorage.value = false
    }
  }
  void openStorage()

  function serviceWorkerRegistered(apply: ApplyUpdate) {
    applyUpdate = apply
  }
  function newVersionWaiting() {
    updateWaiting.value = true
  }
  function readyOffline() {
    offlineReady.value = true
  }
  function dismissOfflineReady() {
    offlineReady.value = false
  }
  function postponeUpdate() {
    updatePostponed.value = true
  }
  async function updateNow() {
    if (applyUpdate) await applyUpdate()
    else window.location.reload()
  }

  return {
    updateWaiting,
    updatePostponed,
    offlineReady,
    databaseOutdated,
    storage,
    openingStorage,
    openStorage,
    serviceWorkerRegistered,
    newVersionWaiting,
    readyOffline,
    dismissOfflineReady,
    postponeUpdate,
    updateNow,
  }
})

import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { onDatabaseOutdated, openDatabase } from '@/db/database'
import { describeOpenError } from '@/db/errors'
import { onStorageWrite } from './result'

/** How long the app waits for the browser to open its storage before it says so. */
export const OPEN_PATIENCE_MS = 2_000

const STUCK_MESSAGE =
  'The browser has not opened the app’s storage after 2 seconds. Another tab of ISMS Readiness ' +
  'may be holding it, or the browser is busy or out of disk space. Close the other tabs of the ' +
  'app and reload this page; if it still does not open, free disk space or try another browser ' +
  'profile or a normal (not private) window.'

type ApplyUpdate = () => Promise<void>

/** Whether this browser lets the app store anything: asked once at start, again on "Try again". */
export type StorageState =
  | { readonly status: 'opening' }
  | { readonly status: 'ready' }
  | {
      readonly status: 'unavailable'
      readonly message: string
      /** The browser never answered the open: only a reload (after closing other tabs) helps. */
      readonly stuck?: boolean
    }
  /**
   * A newer build had already upgraded the stored data when this tab opened it: this tab runs
   * older code and reads nothing. (A tab outdated while open keeps what it shows, and stops
   * saving: see databaseOutdated.)
   */
  | { readonly status: 'outdated' }

/** How long "Ready to work offline" stays on screen (it can be dismissed sooner). */
export const OFFLINE_NOTICE_MS = 6000

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
  /** The last write failed because the disk (or the browser's share of it) is full. */
  const storageFull = shallowRef(false)
  /**
   * A screen whose code could not be fetched (offline before the app was stored, or a network
   * error): where the user wanted to go, so the notice can offer to try again.
   */
  const screenUnavailable = shallowRef<{ readonly path: string; readonly title: string } | null>(
    null,
  )
  let applyUpdate: ApplyUpdate | null = null

  onStorageWrite((outcome) => {
    if (outcome === 'quota') storageFull.value = true
    else if (outcome === 'ok') storageFull.value = false
  })

  onDatabaseOutdated(() => {
    databaseOutdated.value = true
  })

  async function openStorage() {
    if (openingStorage.value || storage.value.status === 'ready') return
    openingStorage.value = true
    // An open the browser never answers (a blocked upgrade, a wedged profile) would leave every
    // screen on "Loading…" for good: say so after a moment, and keep waiting behind the message.
    const patience = setTimeout(() => {
      if (storage.value.status !== 'ready') {
        storage.value = { status: 'unavailable', message: STUCK_MESSAGE, stuck: true }
      }
    }, OPEN_PATIENCE_MS)
    try {
      await openDatabase()
      storage.value = { status: 'ready' }
    } catch (error) {
      storage.value = databaseOutdated.value
        ? { status: 'outdated' }
        : { status: 'unavailable', message: describeOpenError(error).message }
    } finally {
      clearTimeout(patience)
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
    // A notice, not a question: it floats over the page, so it goes by itself after a while and
    // never stays over what the user wants to click.
    setTimeout(() => {
      offlineReady.value = false
    }, OFFLINE_NOTICE_MS)
  }
  function dismissOfflineReady() {
    offlineReady.value = false
  }
  function screenFailed(path: string, title: string) {
    screenUnavailable.value = { path, title }
  }
  function dismissScreenUnavailable() {
    screenUnavailable.value = null
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
    storageFull,
    screenUnavailable,
    openStorage,
    serviceWorkerRegistered,
    newVersionWaiting,
    readyOffline,
    dismissOfflineReady,
    screenFailed,
    dismissScreenUnavailable,
    postponeUpdate,
    updateNow,
  }
})

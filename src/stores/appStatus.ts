import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { onDatabaseOutdated } from '@/db/database'

type ApplyUpdate = () => Promise<void>

/**
 * App-wide conditions the user must know about: a new version waiting (it only takes over when
 * the user accepts), the app ready to work offline, and this tab outdated by a newer one.
 */
export const useAppStatusStore = defineStore('appStatus', () => {
  const updateWaiting = shallowRef(false)
  /** The user chose "Later": the banner folds into a small button in the header. */
  const updatePostponed = shallowRef(false)
  const offlineReady = shallowRef(false)
  const databaseOutdated = shallowRef(false)
  let applyUpdate: ApplyUpdate | null = null

  onDatabaseOutdated(() => {
    databaseOutdated.value = true
  })

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
    serviceWorkerRegistered,
    newVersionWaiting,
    readyOffline,
    dismissOfflineReady,
    postponeUpdate,
    updateNow,
  }
})

import { registerSW } from 'virtual:pwa-register'
import type { useAppStatusStore } from '@/stores/appStatus'

/**
 * Registers the service worker (browser only, after the router is ready). A new version is
 * announced through the app status store and only activated when the user asks for it.
 */
export function registerServiceWorker(status: ReturnType<typeof useAppStatusStore>): void {
  if (!('serviceWorker' in navigator)) return
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => status.newVersionWaiting(),
    onOfflineReady: () => status.readyOffline(),
  })
  status.serviceWorkerRegistered(() => update(true))
}

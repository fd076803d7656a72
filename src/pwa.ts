import { registerSW } from 'virtual:pwa-register'
import type { useAppStatusStore } from '@/stores/appStatus'

/**
 * Resolves once a service worker controls this page: only then do the screens not yet visited
 * load without a connection. The first install claims the page as it activates (clientsClaim).
 */
export function controlled(container: ServiceWorkerContainer = navigator.serviceWorker) {
  if (container.controller) return Promise.resolve()
  return new Promise<void>((resolve) => {
    container.addEventListener('controllerchange', () => resolve(), { once: true })
  })
}

/**
 * Registers the service worker (browser only, after the router is ready). A new version is
 * announced through the app status store and only activated when the user asks for it. "Ready
 * to work offline" is said only once the worker controls the page, never before.
 */
export function registerServiceWorker(status: ReturnType<typeof useAppStatusStore>): void {
  if (!('serviceWorker' in navigator)) return
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => status.newVersionWaiting(),
    onOfflineReady: () => void controlled().then(() => status.readyOffline()),
  })
  status.serviceWorkerRegistered(() => update(true))
}

/** How browsers and Vite word a lazily loaded module or stylesheet that could not be fetched. */
const CHUNK_LOAD_FAILURES = [
  'dynamically imported module', // Chromium "Failed to fetch …", Firefox "error loading …"
  'Importing a module script failed', // Safari
  'Unable to preload CSS', // Vite, the screen's stylesheet
  'Failed to fetch',
]

/** Whether an error is the browser failing to fetch a screen's code or stylesheet. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return CHUNK_LOAD_FAILURES.some((words) => message.toLowerCase().includes(words.toLowerCase()))
}

import { createApp } from 'vue'
import { createPinia } from 'pinia'
import type { RouteLocationNormalized } from 'vue-router'
import App from './App.vue'
import { createAppRouter } from './router'
import { isChunkLoadError, registerServiceWorker } from './pwa'
import { useAppStatusStore } from './stores/appStatus'
import {
  LEAVE_WITH_FAILED_CHANGES,
  hasFailedChanges,
  hasUnsavedChanges,
} from './composables/unsavedEdits'
import './styles/main.css'

const app = createApp(App)
const pinia = createPinia()
const router = createAppRouter()
app.use(pinia)
app.use(router)
app.mount('#app')

// A screen's code that cannot be fetched (offline before the app was stored) is said so, never
// a click that does nothing; the next navigation that works clears the notice. The router does
// not always pass the target to onError (a lazy component failing to load), hence `target`.
let target: RouteLocationNormalized | null = null
router.beforeEach((to) => {
  target = to
})
router.onError((error, to?: RouteLocationNormalized) => {
  if (!isChunkLoadError(error)) throw error
  const where = to ?? target
  useAppStatusStore(pinia).screenFailed(
    where?.fullPath ?? window.location.pathname,
    String(where?.meta.title ?? 'This screen'),
  )
})
router.afterEach((_to, _from, failure) => {
  if (!failure) useAppStatusStore(pinia).dismissScreenUnavailable()
})

// Leaving with changes not written: the page warns (the browser's own prompt), and another
// screen of the app asks first while a failed change is only on this one.
window.addEventListener('beforeunload', (event) => {
  if (hasUnsavedChanges()) event.preventDefault()
})
router.beforeEach((to, from) => {
  if (to.path === from.path || !hasFailedChanges()) return true
  return window.confirm(LEAVE_WITH_FAILED_CHANGES)
})

void router.isReady().then(() => registerServiceWorker(useAppStatusStore(pinia)))

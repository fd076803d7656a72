import { onMounted, shallowRef } from 'vue'

export type Persistence = 'persistent' | 'best-effort' | 'unsupported'

/**
 * Whether the browser keeps this site's data for good, and how much room is used. The request
 * for persistent storage is left to the user (a button), not fired on first load.
 */
export function useStorageStatus() {
  const persistence = shallowRef<Persistence | null>(null)
  const usage = shallowRef<number | null>(null)
  const quota = shallowRef<number | null>(null)

  async function refresh() {
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined
    if (!storage?.persisted) {
      persistence.value = 'unsupported'
      return
    }
    persistence.value = (await storage.persisted()) ? 'persistent' : 'best-effort'
    if (storage.estimate) {
      const estimate = await storage.estimate()
      usage.value = estimate.usage ?? null
      quota.value = estimate.quota ?? null
    }
  }

  async function requestPersistence(): Promise<boolean> {
    const granted = (await navigator.storage?.persist?.()) ?? false
    await refresh()
    return granted
  }

  onMounted(refresh)
  return { persistence, usage, quota, refresh, requestPersistence }
}

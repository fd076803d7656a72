import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/**
 * One parameter of the address's query, as text or null, and how to set it (null or '' takes it
 * out), replacing the history entry rather than adding one. Screens keep in the address what a
 * link should be able to open and a reload should keep: the open row (?control=, ?risk=,
 * ?document=) or a filter (?show=).
 */
export function useQueryParam(name: string) {
  const route = useRoute()
  const router = useRouter()
  const value = computed(() => {
    const raw = route.query[name]
    return typeof raw === 'string' ? raw : null
  })
  function set(next: string | null) {
    const query = { ...route.query }
    if (next) query[name] = next
    else delete query[name]
    return router.replace({ query })
  }
  return { value, set }
}

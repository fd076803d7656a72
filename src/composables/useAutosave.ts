import { getCurrentScope, onScopeDispose, shallowRef } from 'vue'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

type SaveResult = { readonly ok: true } | { readonly ok: false; readonly error: string }

export interface AutosaveOptions<T> {
  /** Writes a value; resolves to ok or a message the user can act on. */
  save: (value: T) => Promise<SaveResult>
  /** Delay for typed text; choices are saved at once with `saveNow`. */
  debounceMs?: number
}

/**
 * Saves the latest value after each change without a save button. Only one write is in flight
 * at a time; if changes arrive meanwhile, the newest is written next (never an older one
 * after a newer). A failure keeps `error` set until a later save succeeds; the caller keeps
 * the user's input on screen.
 */
export function useAutosave<T>({ save, debounceMs = 400 }: AutosaveOptions<T>) {
  const state = shallowRef<SaveState>('idle')
  const error = shallowRef<string | null>(null)
  /** True while a change is waiting to be written or being written. */
  const pending = shallowRef(false)
  let timer: ReturnType<typeof setTimeout> | null = null
  let queued: { value: T } | null = null
  let inFlight: Promise<void> | null = null

  async function run(): Promise<void> {
    while (queued) {
      const { value } = queued
      queued = null
      state.value = 'saving'
      const result = await save(value)
      if (result.ok) {
        error.value = null
        state.value = queued ? 'saving' : 'saved'
      } else {
        error.value = result.error
        state.value = 'error'
      }
    }
    pending.value = false
    inFlight = null
  }

  function saveNow(value: T): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = null
    queued = { value }
    pending.value = true
    inFlight ??= run()
    return inFlight
  }

  function schedule(value: T) {
    pending.value = true
    queued = { value }
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void saveNow(value)
    }, debounceMs)
  }

  /** Writes a scheduled change at once (on blur, before leaving the page). */
  function flush(): Promise<void> {
    if (timer && queued) return saveNow(queued.value)
    return inFlight ?? Promise.resolve()
  }

  if (getCurrentScope()) onScopeDispose(() => void flush())

  return { state, error, pending, schedule, saveNow, flush }
}

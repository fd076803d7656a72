import { getCurrentScope, onScopeDispose, shallowRef, watch } from 'vue'
import { reportUnsaved } from './unsavedEdits'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

type SaveResult = { readonly ok: true } | { readonly ok: false; readonly error: string }

export interface AutosaveOptions<T> {
  /** Writes a value; resolves to ok or a message the user can act on. */
  save: (value: T) => Promise<SaveResult>
  /** Delay for typed text; choices are saved at once with `saveNow`. */
  debounceMs?: number
}

const UNEXPECTED = 'Not saved: something went wrong while saving. Try again.'

/**
 * Saves the latest value after each change without a save button. Only one write is in flight
 * at a time; if changes arrive meanwhile, the newest is written next (never an older one
 * after a newer). A failure keeps `error` set until a later save succeeds; the caller keeps
 * the user's input on screen.
 */
export function useAutosave<T>({ save, debounceMs = 400 }: AutosaveOptions<T>) {
  const state = shallowRef<SaveState>('idle')
  const error = shallowRef<string | null>(null)
  /** True while a change is waiting for its debounce, queued, or being written. */
  const pending = shallowRef(false)
  let timer: ReturnType<typeof setTimeout> | null = null
  let scheduled: { value: T } | null = null
  let queued: { value: T } | null = null
  let inFlight: Promise<void> | null = null

  const updatePending = () => {
    pending.value = timer !== null || queued !== null || inFlight !== null
  }

  async function run(): Promise<void> {
    try {
      while (queued) {
        const { value } = queued
        queued = null
        state.value = 'saving'
        let result: SaveResult
        try {
          result = await save(value)
        } catch {
          result = { ok: false, error: UNEXPECTED }
        }
        if (result.ok) {
          error.value = null
          state.value = queued ? 'saving' : 'saved'
        } else {
          error.value = result.error
          state.value = 'error'
        }
      }
    } finally {
      inFlight = null
      updatePending()
    }
  }

  function clearTimer() {
    if (timer) clearTimeout(timer)
    timer = null
    scheduled = null
  }

  function saveNow(value: T): Promise<void> {
    clearTimer()
    queued = { value }
    inFlight ??= run()
    updatePending()
    return inFlight
  }

  function schedule(value: T) {
    clearTimer()
    scheduled = { value }
    timer = setTimeout(() => {
      const next = scheduled
      timer = null
      scheduled = null
      if (next) void saveNow(next.value)
    }, debounceMs)
    updatePending()
  }

  /** Writes a scheduled change at once (on blur, before leaving the page). */
  function flush(): Promise<void> {
    if (scheduled) return saveNow(scheduled.value)
    return inFlight ?? Promise.resolve()
  }

  /** Drops a change that is waiting for its debounce (it became invalid meanwhile). */
  function cancel() {
    clearTimer()
    updatePending()
  }

  if (getCurrentScope()) {
    // What this editor holds unsaved, for the warnings on leaving (see unsavedEdits.ts).
    const key = Symbol('autosave')
    watch([pending, state], () =>
      reportUnsaved(key, { pending: pending.value, failed: state.value === 'error' }),
    )
    onScopeDispose(() => {
      void flush()
      reportUnsaved(key, null)
    })
  }

  return { state, error, pending, schedule, saveNow, flush, cancel }
}

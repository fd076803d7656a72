import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from 'vue'

interface Subscribable<T> {
  subscribe(observer: { next: (value: T) => void; error: (error: unknown) => void }): {
    unsubscribe(): void
  }
}

export interface ObservableState<T> {
  readonly value: ShallowRef<T>
  /** True once the first value has arrived. */
  readonly loaded: ShallowRef<boolean>
  readonly error: ShallowRef<unknown>
  stop(): void
}

/**
 * Follows a Dexie liveQuery (or any observable) as refs; unsubscribes when the calling scope
 * (component or store) is disposed. Large lists stay in a shallowRef: rows are replaced, never
 * mutated in place.
 */
export function useObservable<T>(source: Subscribable<T>, initial: T): ObservableState<T> {
  const value = shallowRef(initial) as ShallowRef<T>
  const loaded = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const subscription = source.subscribe({
    next: (next) => {
      value.value = next
      loaded.value = true
      error.value = null
    },
    error: (e) => {
      error.value = e
      loaded.value = true
    },
  })
  const stop = () => subscription.unsubscribe()
  if (getCurrentScope()) onScopeDispose(stop)
  return { value, loaded, error, stop }
}

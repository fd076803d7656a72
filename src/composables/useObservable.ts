import { getCurrentScope, onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'

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

export interface UseObservableOptions {
  /**
   * Subscribes only once this is true (e.g. the database opened). Dexie's liveQuery swallows
   * the errors of a database that failed to open and never asks again, so subscribing before
   * would leave the first value pending for good.
   */
  when?: () => boolean
}

/**
 * Follows a Dexie liveQuery (or any observable) as refs; unsubscribes when the calling scope
 * (component or store) is disposed. Large lists stay in a shallowRef: rows are replaced, never
 * mutated in place.
 */
export function useObservable<T>(
  source: () => Subscribable<T>,
  initial: T,
  { when = () => true }: UseObservableOptions = {},
): ObservableState<T> {
  const value = shallowRef(initial) as ShallowRef<T>
  const loaded = shallowRef(false)
  const error = shallowRef<unknown>(null)
  let subscription: { unsubscribe(): void } | null = null
  const stopWatching = watch(
    when,
    (ready) => {
      if (!ready || subscription) return
      subscription = source().subscribe({
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
    },
    { immediate: true },
  )
  const stop = () => {
    stopWatching()
    subscription?.unsubscribe()
  }
  if (getCurrentScope()) onScopeDispose(stop)
  return { value, loaded, error, stop }
}

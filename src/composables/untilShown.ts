import { nextTick, watch } from 'vue'

/**
 * Resolves once `shown()` is true and the DOM has caught up, or after `timeoutMs` whatever
 * happened: lists follow the database, so a record just added reaches the screen a moment after
 * its write. Used to scroll to and focus a row the user has just added.
 */
export function untilShown(shown: () => boolean, timeoutMs = 2000): Promise<void> {
  if (shown()) return nextTick()
  return new Promise((resolve) => {
    const stop = watch(shown, (yes) => yes && done(), { flush: 'post' })
    const timer = setTimeout(done, timeoutMs)
    function done() {
      stop()
      clearTimeout(timer)
      resolve()
    }
  })
}

import { shallowRef, watch, type WatchSource } from 'vue'

/**
 * Keeps a native <dialog> open as a modal (focus trapped, Escape to cancel, background inert)
 * exactly while `isOpen` is true. Returns the ref to put on the <dialog>.
 */
export function useModalDialog(isOpen: WatchSource<boolean>) {
  const dialog = shallowRef<HTMLDialogElement | null>(null)
  watch(
    isOpen,
    (open) => {
      const el = dialog.value
      if (!el) return
      if (open && !el.open) el.showModal()
      if (!open && el.open) el.close()
    },
    { flush: 'post' },
  )
  return dialog
}

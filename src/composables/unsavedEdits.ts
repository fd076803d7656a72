/**
 * The editors' unsaved changes, app-wide: each autosave (useAutosave) says whether it holds a
 * change not yet written (typing waiting for its debounce, or a write under way) or one whose
 * write failed and that lives only on the screen. Leaving the page warns while either exists
 * (beforeunload); leaving the screen inside the app asks first while a failed one exists, since
 * the editor that holds it goes with the screen.
 */
import { shallowReactive } from 'vue'

interface Unsaved {
  pending: boolean
  failed: boolean
}

const editors = shallowReactive(new Map<symbol, Unsaved>())

export function reportUnsaved(key: symbol, unsaved: Unsaved | null): void {
  if (unsaved && (unsaved.pending || unsaved.failed)) editors.set(key, unsaved)
  else editors.delete(key)
}

/** A change typed but not yet written, or not written because the write failed. */
export const hasUnsavedChanges = (): boolean => editors.size > 0

/** A change whose write failed: it is only on the screen. */
export const hasFailedChanges = (): boolean => [...editors.values()].some((e) => e.failed)

export const LEAVE_WITH_FAILED_CHANGES =
  'A change on this screen could not be saved and is only on the screen. Leave anyway? It will be lost. (Cancel to stay, then download a copy or try again.)'

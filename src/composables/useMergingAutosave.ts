import { shallowRef, watch, type ShallowRef } from 'vue'
import type { FieldConflict, MergeResult } from '@/domain/fieldMerge'
import { changedFields, sameValue } from '@/domain/fieldMerge'
import { useAutosave } from './useAutosave'

type Failure = { readonly ok: false; readonly error: string }

/**
 * Writes the fields the editor changed since `baseline` (the record it last saw) merged into
 * the record as stored; resolves to the stored record and the conflicts, or a message.
 */
export type MergingSave<T> = (
  baseline: T,
  next: T,
) => Promise<{ readonly ok: true; readonly value: MergeResult<T> } | Failure>

export interface MergingAutosaveOptions<T extends object> {
  /** The record as the store holds it now (followed live), undefined before the first save. */
  stored: () => T | undefined
  /** The record before the first save (the baseline of a record never stored). */
  empty: () => T
  /** The record the editor's draft would write now. */
  current: () => T
  /** Puts a record into the editor's draft. */
  load: (record: T) => void
  save: MergingSave<T>
  /** The fields the editor changes: what counts as "changed in another tab". */
  fields: readonly (keyof T & string)[]
  /** False while the draft must not be replaced (e.g. it is incomplete and not saved). */
  canLoad?: () => boolean
  debounceMs?: number
}

/**
 * Autosave for an editor of one stored record, field by field (see src/domain/fieldMerge.ts).
 * The editor keeps a baseline: the record as it last loaded or saved it. A save sends only what
 * changed since then, so another tab's change to another field is kept; a change to the same
 * field is reported in `conflicts` with the value it replaced, and `keepTheirs` puts those values
 * back. A record changed elsewhere while the editor had nothing pending is loaded into the draft,
 * and `changedElsewhere` names the fields that moved, so the screen never shows "Saved" over
 * values it did not save.
 */
export function useMergingAutosave<T extends object>(options: MergingAutosaveOptions<T>) {
  const { stored, empty, current, load, save, fields, canLoad = () => true } = options
  let baseline: T = stored() ?? empty()
  const conflicts: ShallowRef<readonly FieldConflict<T>[]> = shallowRef([])
  const changedElsewhere: ShallowRef<readonly (keyof T & string)[]> = shallowRef([])

  const autosave = useAutosave<T>({
    debounceMs: options.debounceMs,
    save: async (next) => {
      const result = await save(baseline, next)
      if (!result.ok) return result
      const { record } = result.value
      baseline = record
      if (result.value.conflicts.length > 0) conflicts.value = result.value.conflicts
      // Fields another tab changed meanwhile, which the merge kept: show them, unless the user
      // has typed into them since this save began.
      const draft = current()
      const kept = changedFields(next, record, fields).filter((f) => sameValue(draft[f], next[f]))
      if (kept.length > 0) {
        const shown: T = { ...draft }
        for (const field of kept) shown[field] = record[field]
        load(shown)
      }
      changedElsewhere.value = kept
      return { ok: true }
    },
  })

  watch(stored, (record) => {
    if (autosave.pending.value || autosave.state.value === 'error' || !canLoad()) return
    const next = record ?? empty()
    const moved = changedFields(baseline, next, fields)
    baseline = next
    if (moved.length === 0) return
    load(next)
    changedElsewhere.value = moved
  })

  /** Puts back the values this editor's last save replaced, and saves them. */
  function keepTheirs(): Promise<void> {
    const theirs = conflicts.value
    conflicts.value = []
    if (theirs.length === 0) return Promise.resolve()
    const next: T = { ...current() }
    for (const conflict of theirs) next[conflict.field] = conflict.theirs as T[keyof T & string]
    load(next)
    return autosave.saveNow(current())
  }

  function dismissConflicts() {
    conflicts.value = []
  }

  return { ...autosave, conflicts, changedElsewhere, keepTheirs, dismissConflicts }
}

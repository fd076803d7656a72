/**
 * Field-level saving. An editor does not write the whole record from its own copy: it sends
 * the fields the user changed since the record it last saw (its baseline), and the write merges
 * them into the record as it is stored at that moment. A field another tab changed meanwhile is
 * kept when this editor did not touch it; when both changed the same field, the later write
 * wins and the result lists the value it replaced, so the editor can say so and offer it back.
 */

/** A field both this editor and someone else (another tab) changed since the baseline. */
export interface FieldConflict<T> {
  readonly field: keyof T & string
  /** The value stored by the other writer, which this write replaced. */
  readonly theirs: unknown
  /** The value this write stored. */
  readonly yours: unknown
}

export interface MergeResult<T> {
  /** The record to store. */
  readonly record: T
  /** Fields whose stored value this write replaced although this editor never saw it. */
  readonly conflicts: readonly FieldConflict<T>[]
}

/** Structural equality of JSON-like values (text, numbers, null, arrays and plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, i) => sameValue(item, b[i]))
  }
  const aKeys = Object.keys(a)
  const bKeys = Object.keys(b)
  if (aKeys.length !== bKeys.length) return false
  const bRecord = b as Record<string, unknown>
  const aRecord = a as Record<string, unknown>
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameValue(aRecord[key], bRecord[key]))
}

/** The fields of `next` that differ from `baseline`, among the editable ones. */
export function changedFields<T extends object>(
  baseline: T,
  next: T,
  fields: readonly (keyof T & string)[],
): (keyof T & string)[] {
  return fields.filter((field) => !sameValue(baseline[field], next[field]))
}

/**
 * Merges an editor's changes into the stored record. `current` is the record as stored now
 * (undefined when there is none yet), `baseline` the record the editor last saw, `next` the
 * record the editor would write; only the `fields` it may edit are compared. Fields the editor
 * did not change keep their stored value; changed fields take the editor's value, and each one
 * whose stored value also moved away from the baseline (to something else than the editor's
 * value) is a conflict.
 */
export function mergeChanges<T extends object>(
  current: T | undefined,
  baseline: T,
  next: T,
  fields: readonly (keyof T & string)[],
): MergeResult<T> {
  const changed = changedFields(baseline, next, fields)
  const record: T = { ...(current ?? baseline) }
  const conflicts: FieldConflict<T>[] = []
  for (const field of changed) {
    record[field] = next[field]
    if (
      current !== undefined &&
      !sameValue(current[field], baseline[field]) &&
      !sameValue(current[field], next[field])
    ) {
      conflicts.push({ field, theirs: current[field], yours: next[field] })
    }
  }
  return { record, conflicts }
}

/**
 * When merging field by field gives a record the rules refuse (another tab changed a field this
 * one depends on), the editor's own record wins whole: every editable field takes its value,
 * and every value another writer stored since the baseline that it replaces is a conflict.
 * `next` passed the rules on its own.
 */
export function replaceFields<T extends object>(
  current: T,
  baseline: T,
  next: T,
  fields: readonly (keyof T & string)[],
): MergeResult<T> {
  const record: T = { ...current }
  const conflicts: FieldConflict<T>[] = []
  for (const field of fields) {
    if (!sameValue(current[field], next[field]) && !sameValue(current[field], baseline[field])) {
      conflicts.push({ field, theirs: current[field], yours: next[field] })
    }
    record[field] = next[field]
  }
  return { record, conflicts }
}

/**
 * Control numbers as old Statements of Applicability write them, read into the two lists the
 * import knows: the 114 controls of ISO/IEC 27001:2013 Annex A (three parts, "A.9.2.3") and the
 * 93 of ISO/IEC 27001:2022 (two parts, "5.15"). The 2013 list is not kept separately: it is
 * every id that a 2022 control's `replaces2013` names, so the mapping and the list cannot drift.
 */
import { ANNEX_A_CONTROLS, controlById } from '@/content'
import type { ControlId } from '@/content'

export type Edition = '2013' | '2022'

/** Which 2022 controls each 2013 control feeds, in catalog order ("A.18.2.3" → 5.36, 8.8). */
const REPLACED_BY: ReadonlyMap<string, readonly ControlId[]> = (() => {
  const map = new Map<string, ControlId[]>()
  for (const control of ANNEX_A_CONTROLS) {
    for (const old of control.replaces2013) {
      const list = map.get(old) ?? []
      list.push(control.id)
      map.set(old, list)
    }
  }
  return map
})()

/** The 2013 Annex A controls, "A.5.1.1" …, in the order the 2022 catalog first names them. */
export const CONTROLS_2013: readonly string[] = [...REPLACED_BY.keys()]

/** The 2022 controls that carry a 2013 control forward; empty for an id not in the 2013 list. */
export function replacedBy(id2013: string): readonly ControlId[] {
  return REPLACED_BY.get(id2013) ?? []
}

export const isControl2013 = (id: string): boolean => REPLACED_BY.has(id)

export const isControl2022 = (id: string): id is ControlId => controlById(id) !== undefined

/** A control number read from a cell, before it is checked against either list. */
export interface ParsedControlNumber {
  /** Three parts read as 2013, two as 2022: the shape, not yet whether the control exists. */
  readonly edition: Edition
  /** "A.9.2.3" for three parts, "5.15" for two (the app's own ControlId form). */
  readonly id: string
}

/*
 * An optional "A" (or "Annex A") with an optional dot or space, then two or three numbers of one
 * or two digits. The number must end there: a fourth part ("A.9.2.3.1") or more digits is no
 * control. What follows may be the control's title ("A.9.2.3 Management of …"), a dash, a colon.
 */
const CONTROL_NUMBER =
  /^(?:(?:annex\s*)?a\s*[.\s]?\s*)?(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?(?!\d)(?!\.\d)/i

/**
 * The control number at the start of an id cell, leading zeros dropped ("A.09.02.03" →
 * A.9.2.3, "A.5.15 Access control" → 5.15), or null when the cell does not start with one: an
 * empty cell, a section heading such as "A.5 Information security policies", a title.
 */
export function parseControlNumber(cell: string): ParsedControlNumber | null {
  const match = CONTROL_NUMBER.exec(cell.trim())
  if (!match) return null
  const [, a, b, c] = match
  const parts = [a, b, c].filter((p): p is string => p !== undefined).map((p) => Number(p))
  if (parts.some((p) => p === 0)) return null
  return parts.length === 3
    ? { edition: '2013', id: `A.${parts.join('.')}` }
    : { edition: '2022', id: parts.join('.') }
}

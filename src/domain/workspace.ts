/**
 * Rules for workspaces: one per assessed organization.
 */
import type { Workspace, WorkspaceId } from './model'

export const ORGANIZATION_NAME_MAX_LENGTH = 120

export type NameCheck =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string }

/**
 * An organization name is required, is trimmed, has its inner runs of whitespace collapsed, and
 * is at most ORGANIZATION_NAME_MAX_LENGTH characters, so lists, headers and PDF covers stay
 * readable. Control characters are refused: they would be invisible in the app and the PDF.
 */
export function checkOrganizationName(raw: string): NameCheck {
  const value = raw.replace(/\s+/g, ' ').trim()
  if (value.length === 0) return { ok: false, error: 'Enter the organization name.' }
  if (value.length > ORGANIZATION_NAME_MAX_LENGTH) {
    return {
      ok: false,
      error: `Use at most ${ORGANIZATION_NAME_MAX_LENGTH} characters (this name has ${value.length}).`,
    }
  }
  if (hasControlCharacters(value)) {
    return { ok: false, error: 'Remove the control characters from the name.' }
  }
  return { ok: true, value }
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/**
 * True when a text holds a control character (U+0000 to U+001F, U+007F: NUL, tab, line breaks,
 * escape…). They are invisible in the app and the PDF, so no name may hold one.
 */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text)
}

/**
 * A name as the editors store it: trimmed, with any run of control characters (a pasted tab or
 * line break) turned into one space, so that no name the user types is ever refused by their
 * own backup (which refuses control characters in names).
 */
export function cleanName(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
}

/** A new, empty workspace. `now` is an ISO timestamp, `id` a fresh unique id. */
export function newWorkspace(id: WorkspaceId, organizationName: string, now: string): Workspace {
  return {
    id,
    organizationName,
    sector: '',
    size: '',
    scopeStatement: '',
    assessor: '',
    participants: '',
    targetAuditDate: null,
    reportVersion: '',
    confidentiality: '',
    consultantSummary: '',
    recommendations: '',
    soaVersion: '',
    soaOwner: '',
    soaApprover: '',
    soaApprovedOn: null,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * The name a duplicate gets: "Name (copy)", then "Name (copy 2)", … never one already in use, so
 * the user can tell the copies apart in the list. Truncates the base to keep the name valid.
 */
export function nameForCopy(name: string, existingNames: readonly string[]): string {
  const taken = new Set(existingNames)
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '')
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`
    const candidate = base.slice(0, ORGANIZATION_NAME_MAX_LENGTH - suffix.length) + suffix
    if (!taken.has(candidate)) return candidate
  }
}

/** Most recently changed first; ties by name so the order is stable. */
export function sortWorkspaces(workspaces: readonly Workspace[]): Workspace[] {
  return [...workspaces].sort(
    (a, b) =>
      b.updatedAt.localeCompare(a.updatedAt) ||
      a.organizationName.localeCompare(b.organizationName),
  )
}

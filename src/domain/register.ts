/**
 * The register of documented information: one row per document a Stage 1 auditor asks to see.
 * Those are the documents the clauses require (7.5.1 a, MANDATORY_DOCUMENTS), those the
 * applicable Annex A controls call for (7.5.1 b, CONTROL_DOCUMENTS), and any the organization
 * adds of its own. This module says which documents a workspace needs, brings a stored register
 * in line with that without ever losing what the user wrote, and lists what an auditor would
 * query on each row. Pure: the register screen and its exports read what it says.
 */
import { CONTROL_DOCUMENTS, MANDATORY_DOCUMENTS } from '@/content'
import type { ControlDocumentKey, MandatoryDocumentKey } from '@/content'
import { applicabilityOf } from './assessment'
import { evidenceHref, isCalendarDate } from './clauseAnswer'
import { FIELD_LIMITS } from './limits'
import { registerEntryId } from './registerId'
import type { ControlDecision, SoaApproval, WorkspaceId } from './model'
import { controlRef } from './wording'
import { hasControlCharacters } from './workspace'

/**
 * Where a row stands: missing (no such document yet), draft (written, not approved), approved,
 * or retired (withdrawn, kept for the record).
 */
export type RegisterStatus = 'missing' | 'draft' | 'approved' | 'retired'

/** A document the content names: one the clauses require, or one an Annex A control calls for. */
export type RequiredSource =
  | { readonly kind: 'mandatory'; readonly key: MandatoryDocumentKey }
  | { readonly kind: 'control'; readonly key: ControlDocumentKey }

/** What a row is for: a document the content names, or one the organization added itself. */
export type RegisterSource = RequiredSource | { readonly kind: 'custom' }

/** One row of the register, as stored per workspace. */
export interface RegisterEntry {
  readonly id: string
  readonly workspaceId: WorkspaceId
  readonly source: RegisterSource
  readonly title: string
  readonly status: RegisterStatus
  /** The document's own version ("1.2"), as the organization numbers it. */
  readonly version: string
  /** Who keeps the document current (a name). */
  readonly owner: string
  /** Who approved it (a name). */
  readonly approver: string
  /** ISO date (yyyy-mm-dd) of the approval, or null. */
  readonly approvedOn: string | null
  /** ISO date (yyyy-mm-dd) the document is next due for review, or null. */
  readonly nextReviewOn: string | null
  /** Where to find it: a plain reference ("ISMS folder / Policies / IS-03") or an http(s) link. */
  readonly location: string
  readonly note: string
  /** ISO timestamps. */
  readonly createdAt: string
  readonly updatedAt: string
}

/** A document the workspace needs, with what the register shows about it. */
export interface RequiredDocument {
  readonly source: RequiredSource
  readonly title: string
  /** maintain: a document kept current; retain: a record kept as evidence. */
  readonly kind: 'maintain' | 'retain' | 'maintain+retain'
  readonly explanation: string
  /** Where the need comes from: the clause ("7.5.1 b)") or the controls ("A.5.24, A.5.26"). */
  readonly ref: string
}

const MANDATORY_REQUIRED: readonly RequiredDocument[] = MANDATORY_DOCUMENTS.map((doc) => ({
  source: { kind: 'mandatory', key: doc.key },
  title: doc.title,
  kind: doc.kind,
  explanation: doc.explanation,
  ref: doc.clauseRef,
}))

/**
 * The documents a workspace needs: the fifteen the clauses require, always, since clauses 4–10
 * cannot be excluded; and each document of CONTROL_DOCUMENTS while at least one of the controls
 * it serves is not excluded. An undecided control counts as needing its document: until the SoA
 * excludes it with a justification (6.1.3 d), the control is in scope and an auditor may ask for
 * the document, so the register lists it rather than let a gap hide behind an open decision. In
 * content order, the clause documents first.
 */
export function requiredDocuments(
  decisions: ReadonlyMap<string, ControlDecision>,
): RequiredDocument[] {
  const fromControls = CONTROL_DOCUMENTS.filter((doc) =>
    doc.controls.some((id) => applicabilityOf(decisions.get(id)) !== 'excluded'),
  ).map((doc): RequiredDocument => ({
    source: { kind: 'control', key: doc.key },
    title: doc.title,
    kind: doc.kind,
    explanation: doc.explanation,
    ref: doc.controls.map(controlRef).join(', '),
  }))
  return [...MANDATORY_REQUIRED, ...fromControls]
}

/** One string per document the content names, so rows and documents can be matched. */
function sourceKey(source: RegisterSource): string | null {
  return source.kind === 'custom' ? null : `${source.kind}:${source.key}`
}

/** The title the content gives each document it names, by source key. */
const CONTENT_TITLES = new Map<string | null, string>([
  ...MANDATORY_DOCUMENTS.map(
    (d) => [sourceKey({ kind: 'mandatory', key: d.key }), d.title] as const,
  ),
  ...CONTROL_DOCUMENTS.map((d) => [sourceKey({ kind: 'control', key: d.key }), d.title] as const),
])

const blank = (text: string | null): boolean => (text ?? '').trim() === ''

/**
 * Whether the user has recorded anything on a row: a status other than missing, any field filled
 * in, or a title of their own. A title is the user's when it differs from the one the content
 * gives the document, or, for a document the content no longer names, whenever it is not empty:
 * when in doubt, a row counts as filled, because a filled row is never dropped.
 */
export function isFilledIn(entry: RegisterEntry): boolean {
  if (entry.status !== 'missing') return true
  const texts = [entry.version, entry.owner, entry.approver, entry.location, entry.note]
  if (!texts.every(blank) || !blank(entry.approvedOn) || !blank(entry.nextReviewOn)) return true
  const contentTitle = CONTENT_TITLES.get(sourceKey(entry.source))
  return contentTitle === undefined ? !blank(entry.title) : entry.title.trim() !== contentTitle
}

/** A row for a required document, created missing with nothing filled in, at `now`. */
export function newRegisterEntry(
  id: string,
  workspaceId: WorkspaceId,
  document: RequiredDocument,
  now: string,
): RegisterEntry {
  return blankEntry(id, workspaceId, document.source, document.title, now)
}

/** A missing row with nothing filled in but its title. */
function blankEntry(
  id: string,
  workspaceId: WorkspaceId,
  source: RegisterSource,
  title: string,
  now: string,
): RegisterEntry {
  return {
    id,
    workspaceId,
    source,
    title,
    status: 'missing',
    version: '',
    owner: '',
    approver: '',
    approvedOn: null,
    nextReviewOn: null,
    location: '',
    note: '',
    createdAt: now,
    updatedAt: now,
  }
}

export { registerEntryId }

/** The fields the register screen edits, merged field by field on save (see fieldMerge.ts). */
export const REGISTER_FIELDS = [
  'title',
  'status',
  'version',
  'owner',
  'approver',
  'approvedOn',
  'nextReviewOn',
  'location',
  'note',
] as const satisfies readonly (keyof RegisterEntry)[]

/** The most rows one workspace's register holds: 37 the content can name, the rest added. */
export const MAX_REGISTER_ENTRIES = 500

export const REGISTER_STATUSES: readonly RegisterStatus[] = [
  'missing',
  'draft',
  'approved',
  'retired',
]

export const REGISTER_STATUS_LABELS: Record<RegisterStatus, string> = {
  missing: 'Missing',
  draft: 'Draft',
  approved: 'Approved',
  retired: 'Retired',
}

const INVALID_LOCATION =
  'The location is neither a plain reference nor a web link the app can open: give a reference such as "ISMS folder / Policies" or a full https:// address.'

export type RegisterEntryProblem =
  | 'no-title'
  | 'title-too-long'
  | 'name-too-long'
  | 'location-too-long'
  | 'note-too-long'
  | 'invalid-location'
  | 'invalid-date'
  | 'approval-in-future'

export const REGISTER_ENTRY_MESSAGES: Record<RegisterEntryProblem, string> = {
  'no-title': 'Give the document a title.',
  'title-too-long': `Keep the title to ${FIELD_LIMITS.shortText.toLocaleString('en')} characters.`,
  'name-too-long': `Keep the version, owner and approver to ${FIELD_LIMITS.name} characters each.`,
  'location-too-long': `Keep the location to ${FIELD_LIMITS.shortText.toLocaleString('en')} characters.`,
  'note-too-long': `Keep the note to ${FIELD_LIMITS.longText.toLocaleString('en')} characters.`,
  'invalid-location': INVALID_LOCATION,
  'invalid-date': 'Give dates as calendar dates (yyyy-mm-dd).',
  'approval-in-future':
    'The approval date is in the future: record an approval on or after the day it happens.',
}

/**
 * What stops a row from being saved as it is, in the order of RegisterEntryProblem: an empty or
 * over-long title, over-long texts, a location that is neither a plain reference nor a safe web
 * link, a date that is not a calendar date, an approval dated after `today` (yyyy-mm-dd).
 */
export function registerEntryProblems(entry: RegisterEntry, today: string): RegisterEntryProblem[] {
  const problems: RegisterEntryProblem[] = []
  if (blank(entry.title)) problems.push('no-title')
  if (entry.title.length > FIELD_LIMITS.shortText) problems.push('title-too-long')
  if ([entry.version, entry.owner, entry.approver].some((t) => t.length > FIELD_LIMITS.name)) {
    problems.push('name-too-long')
  }
  if (entry.location.length > FIELD_LIMITS.shortText) problems.push('location-too-long')
  if (entry.note.length > FIELD_LIMITS.longText) problems.push('note-too-long')
  if (!isValidLocation(entry.location)) problems.push('invalid-location')
  const dates = [entry.approvedOn, entry.nextReviewOn]
  if (dates.some((d) => d !== null && !isCalendarDate(d))) problems.push('invalid-date')
  else if (entry.approvedOn !== null && entry.approvedOn > today) {
    problems.push('approval-in-future')
  }
  return problems
}

/** A row the organization adds itself, missing, with its title, at `now`. */
export function newCustomEntry(
  id: string,
  workspaceId: WorkspaceId,
  title: string,
  now: string,
): RegisterEntry {
  return blankEntry(id, workspaceId, { kind: 'custom' }, title.trim(), now)
}

/**
 * The register as the screen shows it and the verdict reads it: the stored rows brought in line
 * with the documents the decisions call for. A required document with no stored row gets its
 * empty row in memory, under its fixed id; nothing is written until the user changes it. Empty
 * stored rows no longer needed are left out; filled ones stay, flagged.
 */
export function registerOf(
  stored: readonly RegisterEntry[],
  decisions: ReadonlyMap<string, ControlDecision>,
  workspaceId: WorkspaceId,
  now: string,
): RegisterReconciliation & { readonly required: readonly RequiredDocument[] } {
  const required = requiredDocuments(decisions)
  const result = reconcileRegister(stored, required, workspaceId, now, (doc) =>
    registerEntryId(workspaceId, doc.source),
  )
  return { ...result, required }
}

/**
 * What a row is to the register: the row of a required document, a row the organization added,
 * a row kept though its document is no longer required, a second row for a required document
 * kept because it is filled, or (null) an empty row that can go.
 */
type RowRole = 'document' | 'custom' | 'orphaned' | 'duplicate' | null

interface Classified {
  /** The row of each required document that has one, by source key. */
  readonly documentRows: ReadonlyMap<string, RegisterEntry>
  readonly roles: ReadonlyMap<RegisterEntry, RowRole>
}

/**
 * Sorts the rows out against the required documents. When several rows name the same required
 * document (a merged backup, two tabs), the first filled one is its row, or the first one when
 * none is filled; the other filled ones stay as duplicates and the empty ones can go.
 */
function classify(
  entries: readonly RegisterEntry[],
  required: readonly RequiredDocument[],
): Classified {
  const requiredKeys = new Set(required.map((doc) => sourceKey(doc.source)))
  const documentRows = new Map<string, RegisterEntry>()
  for (const entry of entries) {
    const key = sourceKey(entry.source)
    if (key === null || !requiredKeys.has(key)) continue
    const chosen = documentRows.get(key)
    if (!chosen || (!isFilledIn(chosen) && isFilledIn(entry))) documentRows.set(key, entry)
  }
  const roles = new Map<RegisterEntry, RowRole>()
  for (const entry of entries) {
    const key = sourceKey(entry.source)
    const filled = isFilledIn(entry)
    if (key === null) roles.set(entry, 'custom')
    else if (!requiredKeys.has(key)) roles.set(entry, filled ? 'orphaned' : null)
    else if (documentRows.get(key) === entry) roles.set(entry, 'document')
    else roles.set(entry, filled ? 'duplicate' : null)
  }
  return { documentRows, roles }
}

/** The register as it should be, and how it differs from the one stored. */
export interface RegisterReconciliation {
  /**
   * One row per required document in the order of `required`, then the rows the organization
   * added and the filled rows kept apart (orphaned, duplicate), in their stored order.
   */
  readonly entries: readonly RegisterEntry[]
  /** Filled rows of documents no longer required, kept and flagged. */
  readonly orphaned: readonly RegisterEntry[]
  /** Filled second rows of a required document, kept and flagged. */
  readonly duplicates: readonly RegisterEntry[]
  /** Rows created for required documents that had none (to store). */
  readonly created: readonly RegisterEntry[]
  /** Empty rows no longer needed (to delete). */
  readonly dropped: readonly RegisterEntry[]
}

/**
 * Brings a workspace's register rows in line with the documents it needs. Every required
 * document gets exactly one row: the existing one, as it is, or a new missing one (id from
 * `newId(document)`, created at `now`). A row whose document is no longer required (its controls were all
 * excluded) goes only while it is empty; once the user has filled anything in it stays and is
 * flagged orphaned, since excluding a control must not silently destroy what someone wrote.
 * Rows the organization added itself always stay. Reconciling the result again changes nothing.
 */
export function reconcileRegister(
  entries: readonly RegisterEntry[],
  required: readonly RequiredDocument[],
  workspaceId: WorkspaceId,
  now: string,
  newId: (document: RequiredDocument) => string,
): RegisterReconciliation {
  const { documentRows, roles } = classify(entries, required)
  const created: RegisterEntry[] = []
  const documents = required.map((doc) => {
    const existing = documentRows.get(sourceKey(doc.source)!)
    if (existing) return existing
    const entry = newRegisterEntry(newId(doc), workspaceId, doc, now)
    created.push(entry)
    return entry
  })
  const rest = entries.filter((entry) => {
    const role = roles.get(entry)
    return role === 'custom' || role === 'orphaned' || role === 'duplicate'
  })
  return {
    entries: [...documents, ...rest],
    orphaned: entries.filter((entry) => roles.get(entry) === 'orphaned'),
    duplicates: entries.filter((entry) => roles.get(entry) === 'duplicate'),
    created,
    dropped: entries.filter((entry) => roles.get(entry) === null),
  }
}

/**
 * A location as a link the app may render: a well-formed http or https URL with a host and no
 * user name or password in it (which would hide where the link goes), or null. Anything else,
 * javascript:, data: and file: URLs included, is shown as plain text and never opened.
 */
export function locationLink(location: string): string | null {
  const text = location.trim()
  if (!/^https?:\/\//i.test(text) || hasControlCharacters(text)) return null
  const href = evidenceHref(text)
  if (href === null) return null
  const url = new URL(href)
  return url.username === '' && url.password === '' ? href : null
}

/** Schemes that run code when a link is followed, however they are spaced. */
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript', 'data'])

/**
 * Whether a location is empty, a web link the app can open (locationLink), or a plain reference:
 * one line of text that does not start like a link of another kind. A text starts like a link
 * when it opens with a scheme of two letters or more and a colon with no space after it
 * ("mailto:x", "file:///S:/ISMS", "ftp://…"), with http or https that is not a well-formed link
 * ("https://", "http:intranet"), or with a script scheme whatever follows. A Windows drive
 * ("C:\ISMS") and a label ("Ref: IS-03", "SharePoint: ISMS site") stay plain references.
 */
export function isValidLocation(location: string): boolean {
  const text = location.trim()
  if (text === '' || locationLink(text) !== null) return true
  if (hasControlCharacters(text)) return false
  const match = /^([a-z][a-z0-9+.-]+):(.?)/i.exec(text)
  if (!match) return true
  const scheme = match[1]!.toLowerCase()
  const next = match[2]!
  const startsLikeLink =
    SCRIPT_SCHEMES.has(scheme) ||
    scheme === 'http' ||
    scheme === 'https' ||
    (next !== '' && !/\s/.test(next))
  return !startsLikeLink
}

/**
 * A review date the register has passed: a current document (draft or approved) whose next
 * review date is before `today` (yyyy-mm-dd). On the date itself the review is due, not late.
 */
export function isReviewOverdue(entry: RegisterEntry, today: string): boolean {
  if (entry.status !== 'draft' && entry.status !== 'approved') return false
  const due = entry.nextReviewOn
  return due !== null && isCalendarDate(due) && due < today
}

/** What an auditor would query on a row. */
export type RegisterFindingKind =
  | 'missing'
  | 'retired-still-required'
  | 'draft'
  | 'approval-incomplete'
  | 'review-overdue'
  | 'invalid-location'
  | 'orphaned'
  | 'duplicate'

export const REGISTER_FINDING_MESSAGES: Record<RegisterFindingKind, string> = {
  missing: 'Missing: the document does not exist yet, or is not recorded here.',
  'retired-still-required':
    'Retired, but the ISMS still needs this document: record the one that replaces it.',
  draft: 'Draft only: not approved yet.',
  'approval-incomplete': 'Marked approved, but without the name of the approver or the date.',
  'review-overdue': 'Review overdue: the next review date has passed.',
  'invalid-location': INVALID_LOCATION,
  orphaned:
    'No longer required, since the controls it serves are excluded; kept because it holds your details. Retire or delete it if it is not needed.',
  duplicate: 'A second row for the same document: keep one and delete the other.',
}

export interface RegisterFinding {
  readonly entryId: string
  readonly kind: RegisterFindingKind
}

/**
 * What an auditor would query in the register, row by row in the register's order, each row's
 * findings in the order of RegisterFindingKind. A required document missing, retired or only in
 * draft; an approval without its approver or date (7.5.2 c asks for documents to be reviewed
 * and approved, so an approval nobody can attribute does not count); a review date passed; a
 * location that is neither a plain reference nor a safe web link. A row kept though no longer
 * required, or a second row for the same document, gets only that flag (and a bad location):
 * its other states do not matter to the audit. A row the organization added itself is checked
 * like a required one, except that retiring it is its own choice.
 */
export function registerFindings(
  entries: readonly RegisterEntry[],
  required: readonly RequiredDocument[],
  today: string,
): RegisterFinding[] {
  const { roles } = classify(entries, required)
  const findings: RegisterFinding[] = []
  for (const entry of entries) {
    const role = roles.get(entry) ?? null
    const kinds: RegisterFindingKind[] = []
    if (role === 'document' || role === 'custom') {
      if (entry.status === 'missing') kinds.push('missing')
      if (entry.status === 'retired' && role === 'document') kinds.push('retired-still-required')
      if (entry.status === 'draft') kinds.push('draft')
      if (
        entry.status === 'approved' &&
        (blank(entry.approver) || entry.approvedOn === null || !isCalendarDate(entry.approvedOn))
      ) {
        kinds.push('approval-incomplete')
      }
      if (isReviewOverdue(entry, today)) kinds.push('review-overdue')
    }
    if (!isValidLocation(entry.location)) kinds.push('invalid-location')
    if (role === 'orphaned') kinds.push('orphaned')
    if (role === 'duplicate') kinds.push('duplicate')
    for (const kind of kinds) findings.push({ entryId: entry.id, kind })
  }
  return findings
}

/** The status choice of the register screen: by status, review overdue, or all rows. */
export type RegisterStatusFilter = 'missing' | 'draft' | 'overdue' | 'all'

export interface RegisterFilter {
  /** 'all' when absent. */
  readonly status?: RegisterStatusFilter
  /** Words to find in the title, owner or location; '' or absent for all. */
  readonly text?: string
}

/**
 * The rows matching the filter, in the register's order: by status ('overdue' as
 * isReviewOverdue reads it against `today`) and by text found anywhere in the title, owner or
 * location, ignoring case. One pass, no sort: fast enough at every keystroke for a few hundred
 * rows.
 */
export function registerFilter(
  entries: readonly RegisterEntry[],
  filter: RegisterFilter,
  today: string,
): RegisterEntry[] {
  const status = filter.status ?? 'all'
  const text = (filter.text ?? '').trim().toLowerCase()
  return entries.filter((entry) => {
    if (status === 'missing' && entry.status !== 'missing') return false
    if (status === 'draft' && entry.status !== 'draft') return false
    if (status === 'overdue' && !isReviewOverdue(entry, today)) return false
    if (text === '') return true
    return [entry.title, entry.owner, entry.location].some((field) =>
      field.toLowerCase().includes(text),
    )
  })
}

/** One approval given to several documents at once. */
export interface BulkApproval {
  readonly approver: string
  /** ISO date (yyyy-mm-dd). */
  readonly approvedOn: string
}

export type BulkApprovalProblem = 'no-approver' | 'no-date' | 'future-date'

export const BULK_APPROVAL_MESSAGES: Record<BulkApprovalProblem, string> = {
  'no-approver': 'Name who approved the documents.',
  'no-date': 'Give the date of the approval, as a calendar date.',
  'future-date':
    'The approval date is in the future: record an approval on or after the day it happens.',
}

export type BulkApprovalResult =
  | { readonly ok: true; readonly changed: readonly RegisterEntry[] }
  | {
      readonly ok: false
      readonly problems: readonly BulkApprovalProblem[]
      /** The problems in words, one sentence each. */
      readonly message: string
    }

/**
 * Records one approval on several rows ("all policies approved by the CEO on 2026-11-20"): each
 * selected row becomes approved by `approver` on `approvedOn`, updated at `now`, and only rows
 * that actually change are returned (to store). An approval needs a name and a real date no
 * later than `today` (yyyy-mm-dd), as for the SoA, else nothing changes and the problems say why.
 * A retired row is left as it is: approving it would bring a withdrawn document back unnoticed.
 */
export function bulkApprove(
  entries: readonly RegisterEntry[],
  ids: Iterable<string>,
  approval: BulkApproval,
  now: string,
  today: string,
): BulkApprovalResult {
  const approver = approval.approver.trim().slice(0, FIELD_LIMITS.name)
  const problems: BulkApprovalProblem[] = []
  if (approver === '') problems.push('no-approver')
  if (!isCalendarDate(approval.approvedOn)) problems.push('no-date')
  else if (approval.approvedOn > today) problems.push('future-date')
  if (problems.length > 0) {
    return {
      ok: false,
      problems,
      message: problems.map((p) => BULK_APPROVAL_MESSAGES[p]).join(' '),
    }
  }
  const selected = new Set(ids)
  const changed: RegisterEntry[] = []
  for (const entry of entries) {
    if (!selected.has(entry.id) || entry.status === 'retired') continue
    if (
      entry.status === 'approved' &&
      entry.approver === approver &&
      entry.approvedOn === approval.approvedOn
    ) {
      continue
    }
    changed.push({
      ...entry,
      status: 'approved',
      approver,
      approvedOn: approval.approvedOn,
      updatedAt: now,
    })
  }
  return { ok: true, changed }
}

/** The version, approver and date of an approval of the SoA made in the app (Report). */
export type AppSoaApproval = Pick<SoaApproval, 'version' | 'approver' | 'approvedOn'>

/** Whether a row is the register's row for the Statement of Applicability (6.1.3 d). */
export const isSoaEntry = (entry: RegisterEntry) =>
  entry.source.kind === 'mandatory' && entry.source.key === 'soa'

/**
 * The SoA approved in the app, when the register's SoA row does not record it yet: the
 * Documents screen offers to record it there in one step. The register stays the user's record
 * (an SoA approved on paper is recorded by hand as any document); this only spares typing the
 * approval twice. Null for any other row, when the SoA was never approved in the app, when the
 * row already says that approval, and for a retired row (bringing it back is the user's call).
 */
export function soaApprovalToRecord(
  entry: RegisterEntry,
  latest: AppSoaApproval | null,
): AppSoaApproval | null {
  if (!latest || !isSoaEntry(entry) || entry.status === 'retired') return null
  const recorded =
    entry.status === 'approved' &&
    entry.version === latest.version &&
    entry.approver === latest.approver &&
    entry.approvedOn === latest.approvedOn
  return recorded ? null : latest
}

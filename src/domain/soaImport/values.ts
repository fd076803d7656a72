/**
 * The words old SoAs use in their applicability and status cells, and what they mean here.
 * Matching is on the trimmed, lower-case cell, so "YES", " Yes " and "yes" read the same; hyphens
 * and underscores count as spaces ("in-progress", "not_started").
 */
import type { ImplementationStatus } from '../model'

const APPLICABLE_YES = ['yes', 'y', 'true', '1', 'applicable', 'included', 'x', '✓', '✔']
const APPLICABLE_NO = [
  'no',
  'n',
  'false',
  '0',
  'excluded',
  'not applicable',
  'n/a',
  'na',
  '-',
  '✗',
  '✘',
]
/*
 * Said to mean "no decision": an empty cell, and "Undecided" as this app's own SoA export
 * writes an undecided control. Such a row carries no decision forward; it is no problem either.
 */
const APPLICABLE_UNDECIDED = ['', 'undecided', 'tbd', 'to be decided', '?']

/** Every applicability word understood, yes, no or undecided (for guessing the column). */
export const APPLICABLE_WORDS: ReadonlySet<string> = new Set([
  ...APPLICABLE_YES,
  ...APPLICABLE_NO,
  ...APPLICABLE_UNDECIDED.filter(Boolean),
])

const key = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .replace(/\.$/, '')

/**
 * An applicability cell: 'applicable', 'excluded', null for "no decision" (empty, Undecided),
 * or 'unknown' for anything else ("maybe", "partly"), which makes the row a problem.
 */
export function readApplicable(cell: string): 'applicable' | 'excluded' | null | 'unknown' {
  const k = key(cell)
  if (APPLICABLE_YES.includes(k)) return 'applicable'
  if (APPLICABLE_NO.includes(k)) return 'excluded'
  if (APPLICABLE_UNDECIDED.includes(k)) return null
  return 'unknown'
}

const STATUS_WORDS: readonly (readonly [ImplementationStatus, readonly string[]])[] = [
  [
    'implemented',
    ['implemented', 'in place', 'done', 'yes', 'complete', 'completed', 'fully implemented'],
  ],
  [
    'partly',
    [
      'partly',
      'partial',
      'partially',
      'partially implemented',
      'partly implemented',
      'in progress',
    ],
  ],
  ['planned', ['planned', 'to do', 'todo', 'scheduled']],
  ['not-implemented', ['not implemented', 'no', 'not started', 'none']],
]

/* Cells that say "no status given": left as they are, no warning. */
const NO_STATUS = ['', '-', '—', 'n/a', 'na', 'not applicable']

/**
 * A status cell: the status it names, null for an empty cell (the stored status stays), or
 * 'unknown' for text that names none (the row is still used, without its status, and warned).
 */
export function readStatus(cell: string): ImplementationStatus | null | 'unknown' {
  const k = key(cell).replace(/-/g, ' ')
  if (NO_STATUS.includes(key(cell))) return null
  for (const [status, words] of STATUS_WORDS) if (words.includes(k)) return status
  return 'unknown'
}

/** From least to most advanced: what a merge of differing statuses takes the lowest of. */
export const STATUS_ORDER: readonly ImplementationStatus[] = [
  'not-implemented',
  'planned',
  'partly',
  'implemented',
]

/*
 * Said to mean "provided by the organization itself" in a provider column (this app's export
 * writes "In-house"), or nothing at all.
 */
const IN_HOUSE = [
  '',
  'in house',
  'inhouse',
  'internal',
  'internally',
  'own',
  'ourselves',
  'us',
  'self',
  'none',
  'no',
  'n/a',
  'na',
  '-',
  '—',
  'not named',
]
const PROVIDER_PREFIX =
  /^(?:(?:supplier|provider|vendor|outsourced)\s*[:\-–—]|outsourced to\b|provided by\b)\s*[:\-–—]?\s*/i

/**
 * The supplier a provider cell names, or '' when it says in-house or nothing. "Supplier: Hive
 * Offices" (this app's export) and "Outsourced to Hive Offices" give "Hive Offices"; "Supplier:
 * not named" gives '', since a supplier without a name cannot be recorded as one.
 */
export function readSupplier(cell: string): string {
  const name = cell.trim().replace(PROVIDER_PREFIX, '').trim()
  const k = key(name)
  return IN_HOUSE.includes(k) || IN_HOUSE.includes(k.replace(/-/g, ' ')) ? '' : name
}

/**
 * An old Statement of Applicability carried forward: one review item per ISO/IEC 27001:2022
 * Annex A control, in catalog order, from the rows readSoaRows read. A 2022 file's rows name
 * their control directly; a 2013 file's rows reach the 2022 controls through the mapping in the
 * content (each control's `replaces2013`), so one 2013 row may feed several 2022 controls and
 * several rows one control. The review (src/domain/proposals.ts) shows each item with its
 * sources, and nothing is applied before the user accepts it.
 *
 * The import never invents a decision: what the file does not say is left to decide fresh, and
 * what it says that cannot be defended (an exclusion without a reason, or of a control no
 * organization can exclude) is not carried forward as it stands.
 */
import { ANNEX_A_CONTROLS, homeWorkingReason, nonExcludableReason } from '@/content'
import type { AnnexAControl } from '@/content'
import { implementationLabel } from '../controlDecision'
import { FIELD_LIMITS } from '../limits'
import type { ImplementationStatus } from '../model'
import type { DecisionProposal, ProposalSource, ReviewItem } from '../proposals'
import { controlRef } from '../wording'
import { replacedBy, type Edition } from './controlIds'
import type { RowMessage, SoaImportRow, SoaRows } from './rows'
import { STATUS_ORDER } from './values'

/** What the import amounts to, for the line above the button that opens the review. */
export interface SoaImportSummary {
  readonly edition: Edition
  /** Rows of the file the review rests on. */
  readonly rowsUsed: number
  /** Controls with one suggestion. */
  readonly proposed: number
  /** Controls whose rows disagree: the user picks one of the options. */
  readonly conflicts: number
  /** Controls with nothing to carry forward. */
  readonly decideFresh: number
  /** Rows, or cells, of the file that were not used. */
  readonly problems: number
}

export interface SoaImport {
  /** One per Annex A control, in catalog order. */
  readonly items: readonly ReviewItem[]
  readonly summary: SoaImportSummary
}

/** What the panel hands to the review: the items, the file they came from, its edition. */
export interface SoaImportReview {
  readonly items: readonly ReviewItem[]
  /** The imported file's name, as the review and the change note name it. */
  readonly source: string
  readonly edition: Edition
}

/** The 2022 controls a row feeds, as SoAs write them: "A.5.36, A.8.8" for 2013's A.18.2.3. */
export function rowTargets(row: SoaImportRow, edition: Edition): string {
  return edition === '2013' ? replacedBy(row.id).map(controlRef).join(', ') : row.ref
}

/** "12 and 40", "12, 40 and 61". */
const listOf = (items: readonly string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const rowRef = (row: SoaImportRow) => `row ${row.row} (${row.ref})`

/** A row's applicability as the review and the preview print it: "Yes", "No", "not said". */
export const rowApplicableText = (row: SoaImportRow) =>
  row.applicability === 'applicable' ? 'Yes' : row.applicability === 'excluded' ? 'No' : 'not said'

/** A row's status as the review and the preview print it: "Planned", "—", '"soon" (not understood)'. */
export const rowStatusText = (row: SoaImportRow) =>
  row.status
    ? implementationLabel(row.status)
    : row.statusText
      ? `"${row.statusText}" (not understood)`
      : '—'

/** A row as the review names it: "Row 14: A.11.1.1", "Applicable: No · "No server room" · Status: —". */
export function rowSource(row: SoaImportRow): ProposalSource {
  const justification = row.justification ? `"${row.justification}"` : 'No justification'
  const provider = row.supplierName ? ` · Provided by: ${row.supplierName}` : ''
  return {
    label: `Row ${row.row}: ${row.ref}`,
    detail: `Applicable: ${rowApplicableText(row)} · ${justification} · Status: ${rowStatusText(row)}${provider}`,
  }
}

/**
 * One justification from several rows: the distinct texts in the file's order, each after its
 * control's number when there are several ("A.9.1.1: …; A.9.1.2: …"), so the reader still sees
 * which old control said what. Null when no row has one. Cut at the stored field's limit.
 */
function mergedJustification(rows: readonly SoaImportRow[]): string | null {
  const texts: { ref: string; text: string }[] = []
  for (const row of rows) {
    if (row.justification === '' || texts.some((t) => t.text === row.justification)) continue
    const taken = texts.some((t) => t.ref === row.ref)
    texts.push({ ref: taken ? `${row.ref} (row ${row.row})` : row.ref, text: row.justification })
  }
  if (texts.length === 0) return null
  const joined =
    texts.length === 1
      ? texts[0]!.text
      : `${texts.map((t) => `${t.ref}: ${t.text.replace(/[.;]+$/, '')}`).join('; ')}.`
  return joined.slice(0, FIELD_LIMITS.longText)
}

const refsOf = (rows: readonly SoaImportRow[]) => [...new Set(rows.map((r) => r.ref))]

/**
 * The status of rows that may differ: the least advanced one they give, so that merging never
 * claims more than the weakest old control had; null when no row gives one. The warning names
 * each row's status when they differ.
 */
function mergedStatus(rows: readonly SoaImportRow[]): {
  status: ImplementationStatus | null
  warning: string | null
} {
  const given = rows.filter((r) => r.status !== null)
  if (given.length === 0) return { status: null, warning: null }
  const status = STATUS_ORDER.find((s) => given.some((r) => r.status === s))!
  if (given.every((r) => r.status === status)) return { status, warning: null }
  const each = given.map((r) => `${rowRef(r)} ${implementationLabel(r.status!)}`)
  return {
    status,
    warning: `The rows give different statuses (${listOf(each)}); the least advanced, ${implementationLabel(status)}, is suggested.`,
  }
}

/**
 * The supplier of an applicable control from its rows' provider cells: the one every row names,
 * or in-house when none names one. Rows naming different providers (two suppliers, or a
 * supplier and in-house, as 2013 controls merged into one 2022 control may) give in-house with
 * a warning that names each: which one now provides the whole control is the user's to say.
 */
function mergedSupplier(rows: readonly SoaImportRow[]): {
  supplierName: string
  warning: string | null
} {
  const names = [...new Set(rows.map((r) => r.supplierName))]
  if (names.length === 1) return { supplierName: names[0]!, warning: null }
  if (names.length === 0) return { supplierName: '', warning: null }
  const each = rows.map((r) => `${rowRef(r)} ${r.supplierName || 'in-house'}`)
  return {
    supplierName: '',
    warning: `The rows name different providers (${listOf(each)}); it is suggested as provided in-house: name the supplier in Annex A if one provides it.`,
  }
}

const proposal = (
  control: AnnexAControl,
  fields: Pick<DecisionProposal, 'applicability' | 'justification' | 'implementationStatus'> & {
    readonly supplierName?: string
  },
  rows: readonly SoaImportRow[],
): DecisionProposal => ({
  controlId: control.id,
  provider: fields.supplierName ? 'supplier' : 'in-house',
  supplierName: fields.supplierName ?? '',
  // The old file says whether and why in one text, not which of the app's reasons it was.
  reasons: [],
  sources: rows.map(rowSource),
  ...fields,
})

interface Built {
  readonly options: DecisionProposal[]
  readonly warnings: string[]
}

/** Applicable, from rows that all say so: "Applicable in the 2013 SoA (A.9.1.1)." when none says why. */
function applicableOption(
  control: AnnexAControl,
  rows: readonly SoaImportRow[],
  edition: Edition,
): Built {
  const { status, warning } = mergedStatus(rows)
  const supplier = mergedSupplier(rows)
  const justification =
    mergedJustification(rows) ?? `Applicable in the ${edition} SoA (${refsOf(rows).join(', ')}).`
  return {
    options: [
      proposal(
        control,
        {
          applicability: 'applicable',
          justification,
          implementationStatus: status,
          supplierName: supplier.supplierName,
        },
        rows,
      ),
    ],
    warnings: [warning, supplier.warning].filter((w): w is string => w !== null),
  }
}

/**
 * Excluded, from rows that all say so: only with a reason, since an exclusion without one fails
 * every audit (and proposalProblem). When some rows give one and others not, the reason given is
 * carried forward and the rows without one are named.
 */
function excludedOption(control: AnnexAControl, rows: readonly SoaImportRow[]): Built {
  const justification = mergedJustification(rows)
  const unjustified = rows.filter((r) => r.justification === '')
  if (justification === null) {
    return {
      options: [],
      warnings: [
        `The old SoA excluded it without a reason (${listOf(rows.map(rowRef))}), and an exclusion needs one: decide it fresh.`,
      ],
    }
  }
  return {
    options: [
      proposal(
        control,
        { applicability: 'excluded', justification, implementationStatus: null },
        rows,
      ),
    ],
    warnings:
      unjustified.length > 0
        ? [
            `${capitalized(listOf(unjustified.map(rowRef)))} excluded it without a reason; the reason suggested comes from the other rows.`,
          ]
        : [],
  }
}

/**
 * A control no organization can exclude, which the old SoA excluded (wholly or on some rows):
 * suggested applicable instead, justified by why it cannot be excluded unless an applicable row
 * says why it applies, at the least advanced status the rows give, or Not implemented when
 * none gives one and it was excluded everywhere (an excluded control was not being run).
 */
function keptApplicable(
  control: AnnexAControl,
  decided: readonly SoaImportRow[],
  reason: string,
  edition: Edition,
): Built {
  const excluded = decided.filter((r) => r.applicability === 'excluded')
  const applicable = decided.filter((r) => r.applicability === 'applicable')
  const { status, warning } = mergedStatus(decided)
  const supplier = mergedSupplier(applicable)
  const justification = applicable.length > 0 ? mergedJustification(applicable) : reason
  const quoted = excluded.map((r) =>
    r.justification ? `${rowRef(r)}: "${r.justification}"` : rowRef(r),
  )
  return {
    options: [
      proposal(
        control,
        {
          applicability: 'applicable',
          justification:
            justification ?? `Applicable in the ${edition} SoA (${refsOf(applicable).join(', ')}).`,
          implementationStatus: status ?? (applicable.length > 0 ? null : 'not-implemented'),
          supplierName: supplier.supplierName,
        },
        decided,
      ),
    ],
    warnings: [
      `The old SoA excluded it (${listOf(quoted)}), but ${controlRef(control.id)} cannot be excluded: ${reason} It is suggested as applicable instead.`,
      ...(warning ? [warning] : []),
      ...(supplier.warning ? [supplier.warning] : []),
    ],
  }
}

/** The review item of one control from the rows that feed it. */
function itemFor(
  control: AnnexAControl,
  feeding: readonly SoaImportRow[],
  edition: Edition,
  messages: readonly string[],
): ReviewItem {
  const fresh = (warning: string): ReviewItem => ({
    controlId: control.id,
    options: [],
    warnings: [warning, ...messages],
  })
  if (edition === '2013' && control.newIn2022) {
    return fresh('New in ISO/IEC 27001:2022: decide it fresh.')
  }
  if (feeding.length === 0) {
    return fresh(
      edition === '2013'
        ? `No row of the file covers ${listOf(control.replaces2013)}, the 2013 ${control.replaces2013.length === 1 ? 'control' : 'controls'} it replaces: decide it fresh.`
        : `The file has no row for ${controlRef(control.id)}: decide it fresh.`,
    )
  }
  const decided = feeding.filter((r) => r.applicability !== null)
  const silent = feeding.filter((r) => r.applicability === null)
  const silentWarning =
    silent.length > 0
      ? [
          `${capitalized(listOf(silent.map(rowRef)))} ${silent.length === 1 ? 'does' : 'do'} not say whether it applies.`,
        ]
      : []
  if (decided.length === 0) {
    return fresh(`${silentWarning[0]!.replace(/\.$/, '')}: decide it fresh.`)
  }

  const applicable = decided.filter((r) => r.applicability === 'applicable')
  const excluded = decided.filter((r) => r.applicability === 'excluded')
  const reason = nonExcludableReason(control.id)
  let built: Built
  if (excluded.length > 0 && reason) {
    built = keptApplicable(control, decided, reason, edition)
  } else if (applicable.length > 0 && excluded.length > 0) {
    const yes = applicableOption(control, applicable, edition)
    const no = excludedOption(control, excluded)
    // Options in the order the file first says them; an exclusion without a reason drops out.
    const excludedFirst = excluded[0]!.row < applicable[0]!.row
    const options = excludedFirst
      ? [...no.options, ...yes.options]
      : [...yes.options, ...no.options]
    built = {
      options,
      warnings: [
        ...(options.length > 1
          ? [
              `The rows disagree: ${listOf(applicable.map(rowRef))} ${applicable.length === 1 ? 'says' : 'say'} it applies, ${listOf(excluded.map(rowRef))} ${excluded.length === 1 ? 'excludes' : 'exclude'} it. Pick one.`,
            ]
          : []),
        ...no.warnings,
        ...yes.warnings,
      ],
    }
  } else if (applicable.length > 0) {
    built = applicableOption(control, applicable, edition)
  } else {
    built = excludedOption(control, excluded)
  }
  const homeWorking = homeWorkingReason(control.id)
  if (homeWorking && built.options.some((o) => o.applicability === 'excluded')) {
    built.warnings.push(
      `An exclusion "because we have no offices" rarely holds for ${controlRef(control.id)}: ${homeWorking}`,
    )
  }
  return {
    controlId: control.id,
    options: built.options,
    warnings: [...built.warnings, ...silentWarning, ...messages],
  }
}

/**
 * The review items of an imported SoA, one per 2022 control in catalog order, and their summary.
 *
 * - Rows that agree on applicability: one suggestion, justified by their texts (see
 *   mergedJustification), at the least advanced status they give (see mergedStatus). Provider
 *   in-house and no reasons ticked: the old file does not say either.
 * - Rows that disagree: one option per applicability, each with the rows that said it.
 * - New in 2022 (a 2013 file), or no row for the control: nothing to suggest, decide fresh.
 * - Excluded without a reason: nothing to suggest, with a warning.
 * - Excluded although it cannot be: suggested applicable, with the reason (see keptApplicable).
 * - Excluded, of a control that still applies to people working from home (7.7, 7.9, 7.10,
 *   7.14): suggested as the file says, with a warning, since the exclusion may well be argued.
 * - The problems and notes of the rows that would have fed the control are repeated on it, so
 *   the review shows that row 7's "maybe" is why A.9.1.1 is missing.
 */
export function importReviewItems(result: SoaRows): SoaImport {
  const { edition, rows } = result
  const messages = [...result.problems, ...result.notes].filter(
    (m): m is RowMessage & { id: string } => m.id !== null,
  )
  const feeds = (control: AnnexAControl, id: string) =>
    edition === '2013'
      ? (control.replaces2013 as readonly string[]).includes(id)
      : control.id === id

  const used = new Set<number>()
  const items = ANNEX_A_CONTROLS.map((control) => {
    const feeding = rows.filter((r) => feeds(control, r.id))
    const item = itemFor(
      control,
      feeding,
      edition,
      messages.filter((m) => feeds(control, m.id)).map((m) => m.message),
    )
    const sources = new Set(item.options.flatMap((o) => o.sources.map((s) => s.label)))
    for (const r of feeding) if (sources.has(rowSource(r).label)) used.add(r.row)
    return item
  })
  return {
    items,
    summary: {
      edition,
      rowsUsed: used.size,
      proposed: items.filter((i) => i.options.length === 1).length,
      conflicts: items.filter((i) => i.options.length > 1).length,
      decideFresh: items.filter((i) => i.options.length === 0).length,
      problems: result.problems.length,
    },
  }
}

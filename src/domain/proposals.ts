/**
 * Suggested Annex A decisions, and their review before anything is applied. Two sources make
 * them: the scoping interview (src/domain/scoping.ts, from the rule table in src/content) and an
 * imported Statement of Applicability (src/domain/soaImport). Both give one review item per
 * control; the user accepts some or all of them, and only then are they written, in one
 * transaction, with an undo (src/db/assessmentRepository.ts applyDecisionChanges).
 *
 * A suggestion never overwrites a decision the user made without showing it: a control already
 * decided otherwise is listed as "differs", with both decisions side by side, and is left out
 * of "accept all" unless the user ticks it.
 */
import { CONTENT_VERSION, nonExcludableReason } from '@/content'
import type { ControlId } from '@/content'
import { emptyDecision, type BulkChange } from './controlDecision'
import { sameValue } from './fieldMerge'
import { controlRef } from './wording'
import type {
  ControlDecision,
  ControlProvider,
  ImplementationStatus,
  JustificationReason,
  WorkspaceId,
} from './model'

/** Where a suggestion comes from, as shown next to it ("Rule P1: no premises of its own"). */
export interface ProposalSource {
  /** The rule of the table, or the imported row ("Row 14: A.11.1.1, Applicable: No"). */
  readonly label: string
  /** What it was answered or written there ("Premises: none, everyone works remotely"). */
  readonly detail: string
}

/** One suggested decision for one control. */
export interface DecisionProposal {
  readonly controlId: ControlId
  readonly applicability: 'applicable' | 'excluded'
  readonly provider: ControlProvider
  /** The supplier that provides the control; '' for in-house. */
  readonly supplierName: string
  readonly reasons: readonly JustificationReason[]
  /** The justification the SoA will print; never empty. */
  readonly justification: string
  /** The implementation status to set, or null to leave the stored one as it is. */
  readonly implementationStatus: ImplementationStatus | null
  /** Why it is suggested: every rule or row that produced it, first the deciding one. */
  readonly sources: readonly ProposalSource[]
}

/**
 * What the review lists for one control. `options` holds the suggestions: one as a rule, none
 * for a control to "decide fresh" (new in 2022, nothing to carry forward), several when the
 * sources disagree (2013 rows with different decisions feeding one 2022 control) and the user
 * picks one.
 */
export interface ReviewItem {
  readonly controlId: ControlId
  readonly options: readonly DecisionProposal[]
  /** Warnings to read before accepting ("a fully remote company still needs 7.7 …"). */
  readonly warnings: readonly string[]
}

/** How a suggestion stands against what is stored for its control. */
export type ReviewState =
  /** No decision yet: accepting it decides the control. */
  | 'new'
  /** Stored decision says the same already: nothing to apply. */
  | 'same'
  /** The user decided otherwise: shown side by side, applied only when ticked. */
  | 'differs'
  /** Several suggestions: the user picks one before it can be applied. */
  | 'conflict'
  /** Nothing to suggest: the control is decided by hand. */
  | 'fresh'

export interface ReviewRow {
  readonly item: ReviewItem
  readonly current: ControlDecision | undefined
  readonly state: ReviewState
  /** Ticked at the start of the review ("accept all" ticks exactly these). */
  readonly acceptedByDefault: boolean
}

/** Whether a stored decision already says what the proposal says. */
export function proposalMatches(
  current: ControlDecision | undefined,
  proposal: DecisionProposal,
): boolean {
  if (!current || current.applicability !== proposal.applicability) return false
  if (current.justification.trim() !== proposal.justification.trim()) return false
  if (current.provider !== proposal.provider) return false
  if (proposal.provider === 'supplier' && current.supplierName !== proposal.supplierName)
    return false
  if (!sameValue([...current.reasons].sort(), [...proposal.reasons].sort())) return false
  return (
    proposal.implementationStatus === null ||
    current.implementationStatus === proposal.implementationStatus
  )
}

/** The review of a set of suggestions against the stored decisions, in the items' order. */
export function reviewRows(
  items: readonly ReviewItem[],
  stored: ReadonlyMap<string, ControlDecision>,
): ReviewRow[] {
  return items.map((item) => {
    const current = stored.get(item.controlId)
    const decided = current !== undefined && current.applicability !== 'undecided'
    let state: ReviewState
    if (item.options.length === 0) state = 'fresh'
    else if (item.options.length > 1) state = 'conflict'
    else if (proposalMatches(current, item.options[0]!)) state = 'same'
    else state = decided ? 'differs' : 'new'
    return { item, current, state, acceptedByDefault: state === 'new' }
  })
}

/**
 * The decision a proposal leads to, from the stored one: applicability, provider, supplier,
 * reasons and justification become the proposal's, and its implementation status when it has
 * one; owner and evidence stay.
 */
export function applyProposal(
  workspaceId: WorkspaceId,
  current: ControlDecision | undefined,
  proposal: DecisionProposal,
  now: string,
): ControlDecision {
  const base = current ?? emptyDecision(workspaceId, proposal.controlId, now)
  return {
    ...base,
    applicability: proposal.applicability,
    provider: proposal.provider,
    supplierName: proposal.provider === 'supplier' ? proposal.supplierName : '',
    reasons: [...proposal.reasons],
    justification: proposal.justification.trim(),
    implementationStatus: proposal.implementationStatus ?? base.implementationStatus,
    contentVersion: CONTENT_VERSION,
    updatedAt: now,
  }
}

/**
 * Refuses what no review may apply: an exclusion of a control that cannot be defensibly
 * excluded, an exclusion without a justification, a supplier without a name. Both sources are
 * built not to make such proposals; this is the last check before anything is written.
 */
export function proposalProblem(proposal: DecisionProposal): string | null {
  if (proposal.applicability === 'excluded') {
    const reason = nonExcludableReason(proposal.controlId)
    if (reason) return `${controlRef(proposal.controlId)} cannot be excluded: ${reason}`
  }
  if (proposal.justification.trim() === '')
    return `${controlRef(proposal.controlId)} has no justification.`
  if (proposal.provider === 'supplier' && proposal.supplierName.trim() === '') {
    return `${controlRef(proposal.controlId)} is provided by a supplier that is not named.`
  }
  return null
}

/**
 * The changes accepting some suggestions makes, for `applyDecisionChanges` and its undo: one
 * per chosen control, from its stored decision (or none) to the suggestion applied. Refuses
 * (returns the first problem) a suggestion no review may apply; skips one the stored decision
 * already says.
 */
export function planAcceptance(
  workspaceId: WorkspaceId,
  chosen: readonly DecisionProposal[],
  stored: ReadonlyMap<string, ControlDecision>,
  now: string,
): { ok: true; changes: BulkChange[] } | { ok: false; problem: string } {
  const changes: BulkChange[] = []
  for (const proposal of chosen) {
    const problem = proposalProblem(proposal)
    if (problem) return { ok: false, problem }
    const before = stored.get(proposal.controlId)
    if (proposalMatches(before, proposal)) continue
    changes.push({
      controlId: proposal.controlId,
      before,
      after: applyProposal(workspaceId, before, proposal, now),
    })
  }
  return { ok: true, changes }
}

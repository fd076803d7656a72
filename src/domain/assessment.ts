/**
 * What the results (score, gaps, SoA, improvements, traceability) are computed from: one
 * workspace's clause answers, control decisions and risks, and the small rules every result
 * shares about them.
 */
import { isSubstantiveJustification } from './justification'
import type {
  Applicability,
  AnswerStatus,
  ClauseAnswer,
  ControlDecision,
  Risk,
  Workspace,
} from './model'
import { DEFAULT_RISK_CRITERIA, type RiskCriteria } from './risk'
import type { RegisterEntry } from './register'

/** What the results read of the workspace record itself: the scope and the risk criteria. */
export type WorkspaceRecord = Pick<Workspace, 'scopeStatement' | 'riskCriteria'>

/**
 * One workspace's answers, decisions and risks, in any order, and the workspace record (scope
 * statement, risk criteria). Content is read from '@/content'. `risks` is optional: without a
 * risk register, no control gets a reason from a risk. Without `workspace`, the scope statement
 * is empty and the default risk criteria apply.
 */
export interface AssessmentInput {
  readonly answers: readonly ClauseAnswer[]
  readonly decisions: readonly ControlDecision[]
  readonly risks?: readonly Risk[]
  readonly workspace?: WorkspaceRecord
  /**
   * The register of documented information as of `today`: the record of which mandatory
   * documents exist. The app always passes it (an empty register means every document is
   * missing). Absent only for records kept from before the register existed (a snapshot's), whose
   * verdict then reads the answers about documents as they were read when it was taken.
   */
  readonly register?: RegisterRecord
}

/** The register's rows (registerOf's entries) and the day its review dates are read against. */
export interface RegisterRecord {
  readonly entries: readonly RegisterEntry[]
  /** yyyy-mm-dd */
  readonly today: string
}

/**
 * The input indexed by content id: answers by question id, decisions by control id, and the
 * risks in a fixed order with, for each control id, the risks that link to it.
 */
export interface AssessmentIndex {
  readonly answers: ReadonlyMap<string, ClauseAnswer>
  readonly decisions: ReadonlyMap<string, ControlDecision>
  /** One per id, oldest first (by createdAt, then id). */
  readonly risks: readonly Risk[]
  /** Per control id, the risks listing it among their controls, each once, in `risks` order. */
  readonly risksByControl: ReadonlyMap<string, readonly Risk[]>
  /** The scope statement recorded in the workspace, trimmed ('' when none). */
  readonly scopeStatement: string
  /** The workspace's risk criteria, or the defaults. */
  readonly criteria: RiskCriteria
  /** The register of documented information, or null when the input has none (see above). */
  readonly register: RegisterRecord | null
}

/** A question's state: its stored status, or 'unanswered' when no answer is stored. */
export type AnswerState = AnswerStatus | 'unanswered'

/** How far the SoA row of a control is: undecided, decided without a justification, or both. */
export type DecisionState = 'undecided' | 'decided-unjustified' | 'decided-justified'

/**
 * Of two records for the same id, the one that counts: the most recently updated, and on an
 * exact tie the one whose serialized form sorts last. Duplicates should not exist (the database
 * keys rows by id), but if an import ever brings two, the result must not depend on their order.
 */
function laterOf<T extends { readonly updatedAt: string }>(a: T, b: T): T {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b
}

function indexBy<T extends { readonly updatedAt: string }>(
  rows: readonly T[],
  key: (row: T) => string,
): Map<string, T> {
  const index = new Map<string, T>()
  for (const row of rows) {
    const id = key(row)
    const existing = index.get(id)
    index.set(id, existing ? laterOf(existing, row) : row)
  }
  return index
}

/**
 * Indexes answers by question id and decisions by control id. A question without an answer is
 * "not started" and a control without a decision is "undecided"; ids the content no longer has
 * are kept in the index but never read, since every result walks the content, not the input.
 * If the same id appears twice, the most recently updated record counts.
 */
export function indexAssessment(input: AssessmentInput): AssessmentIndex {
  const risks = [...indexBy(input.risks ?? [], (r) => r.id).values()].sort(
    (a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id),
  )
  const risksByControl = new Map<string, Risk[]>()
  for (const risk of risks) {
    for (const controlId of new Set(risk.controlIds)) {
      const list = risksByControl.get(controlId)
      if (list) list.push(risk)
      else risksByControl.set(controlId, [risk])
    }
  }
  return {
    answers: indexBy(input.answers, (a) => a.questionId),
    decisions: indexBy(input.decisions, (d) => d.controlId),
    risks,
    risksByControl,
    scopeStatement: input.workspace?.scopeStatement.trim() ?? '',
    criteria: input.workspace?.riskCriteria ?? DEFAULT_RISK_CRITERIA,
    register: input.register ?? null,
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The risks that link to a control, oldest first; empty when none does. */
export function risksOf(index: AssessmentIndex, controlId: string): readonly Risk[] {
  return index.risksByControl.get(controlId) ?? []
}

/**
 * Whether the risk assessment gives a control the reason "risk assessment" by itself: at least
 * one risk whose treatment is "modify" links to it, so the control was chosen to treat that risk
 * (6.1.3 b), and the control is not excluded (an excluded control linked to a risk is a break in
 * the chain, not a reason). The reason is derived each time, never stored in the decision.
 */
export function hasRiskReason(index: AssessmentIndex, controlId: string): boolean {
  if (applicabilityOf(index.decisions.get(controlId)) === 'excluded') return false
  return risksOf(index, controlId).some((risk) => risk.treatment === 'modify')
}

/** The state of a question: its answer's status, or 'unanswered' when nothing is stored. */
export function answerStateOf(answer: ClauseAnswer | undefined): AnswerState {
  return answer?.status ?? 'unanswered'
}

/** A control without a decision is undecided. */
export function applicabilityOf(decision: ControlDecision | undefined): Applicability {
  return decision?.applicability ?? 'undecided'
}

/**
 * Whether a decided control carries the justification the SoA needs (6.1.3 d). An applicable
 * control is justified by at least one reason (risk assessment, legal or regulatory, contractual,
 * business need) or a written justification; `riskReason` (see hasRiskReason) is the reason
 * "risk assessment" derived from a linked risk treated by modification, and counts like a ticked
 * one. An excluded control is justified only by a written justification, because an exclusion is
 * never accepted on a ticked box alone. A written justification counts only when it says why
 * (see isSubstantiveJustification: "n/a" or "-" does not). An undecided control is never
 * justified. Whether an exclusion can be defended at all is a separate question (see
 * nonExcludableReason in the content).
 */
export function isJustified(decision: ControlDecision | undefined, riskReason = false): boolean {
  if (!decision) return false
  const hasText = isSubstantiveJustification(decision.justification)
  if (decision.applicability === 'applicable') {
    return hasText || decision.reasons.length > 0 || riskReason
  }
  if (decision.applicability === 'excluded') return hasText
  return false
}

/**
 * Where a control's SoA row stands: undecided, decided but not justified, or both; `riskReason`
 * as for isJustified.
 */
export function decisionStateOf(
  decision: ControlDecision | undefined,
  riskReason = false,
): DecisionState {
  if (applicabilityOf(decision) === 'undecided') return 'undecided'
  return isJustified(decision, riskReason) ? 'decided-justified' : 'decided-unjustified'
}

/** Trimmed text, or null when blank: how optional user text (owner, action) is reported. */
export function textOrNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

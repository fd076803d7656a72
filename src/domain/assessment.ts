/**
 * What the results (score, gaps, SoA, improvements) are computed from: one workspace's clause
 * answers and control decisions, and the small rules every result shares about them.
 */
import type { Applicability, AnswerStatus, ClauseAnswer, ControlDecision } from './model'

/** One workspace's answers and decisions, in any order. Content is read from '@/content'. */
export interface AssessmentInput {
  readonly answers: readonly ClauseAnswer[]
  readonly decisions: readonly ControlDecision[]
}

/** The input indexed by content id: answers by question id, decisions by control id. */
export interface AssessmentIndex {
  readonly answers: ReadonlyMap<string, ClauseAnswer>
  readonly decisions: ReadonlyMap<string, ControlDecision>
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
  return {
    answers: indexBy(input.answers, (a) => a.questionId),
    decisions: indexBy(input.decisions, (d) => d.controlId),
  }
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
 * business need) or a written justification; an excluded control only by a written
 * justification, because an exclusion is never accepted on a ticked box alone. An undecided
 * control is never justified.
 */
export function isJustified(decision: ControlDecision | undefined): boolean {
  if (!decision) return false
  const hasText = decision.justification.trim() !== ''
  if (decision.applicability === 'applicable') return hasText || decision.reasons.length > 0
  if (decision.applicability === 'excluded') return hasText
  return false
}

/** Where a control's SoA row stands: undecided, decided but not justified, or both. */
export function decisionStateOf(decision: ControlDecision | undefined): DecisionState {
  if (applicabilityOf(decision) === 'undecided') return 'undecided'
  return isJustified(decision) ? 'decided-justified' : 'decided-unjustified'
}

/** Trimmed text, or null when blank: how optional user text (owner, action) is reported. */
export function textOrNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

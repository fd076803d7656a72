/**
 * What changed between two moments of one assessment: answers, Annex A decisions and risks,
 * each change with the record before and after, so a screen can word it and the change can be
 * applied (apply(before, diff(before, after)) gives `after` for answers and decisions). Pure:
 * the snapshots of the workshop-continuity feature are compared with it. Records are compared
 * by what the user decides, not by when they were written (updatedAt and contentVersion are
 * left out), so saving the same answer again is no change.
 */
import type { ClauseAnswer, ControlDecision, Risk } from './model'
import { riskLevel, residualLevel } from './risk'
import { sameValue } from './fieldMerge'

/** The records an assessment is made of at one moment. */
export interface AssessmentState {
  readonly answers: readonly ClauseAnswer[]
  readonly decisions: readonly ControlDecision[]
  readonly risks: readonly Risk[]
}

/** One record changed, added (before null) or removed (after null). */
export interface Change<T> {
  readonly key: string
  readonly before: T | null
  readonly after: T | null
}

export interface RiskRerating {
  readonly riskId: string
  readonly title: string
  readonly levelBefore: number
  readonly levelAfter: number
  readonly residualBefore: number | null
  readonly residualAfter: number | null
}

export interface StateDiff {
  /** In the order of the later state, then the removed ones. */
  readonly answers: readonly Change<ClauseAnswer>[]
  readonly decisions: readonly Change<ControlDecision>[]
  readonly risksAdded: readonly Risk[]
  readonly risksRemoved: readonly Risk[]
  /** Risks in both states whose level or residual level moved. */
  readonly risksRerated: readonly RiskRerating[]
  /** Risks in both states changed in any other way (owner, treatment, controls, acceptance…). */
  readonly risksEdited: readonly Change<Risk>[]
}

/** The fields that are bookkeeping, not a decision of the user. */
const BOOKKEEPING = new Set(['updatedAt', 'contentVersion', 'createdAt'])

function sameRecord(a: object, b: object): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    if (BOOKKEEPING.has(key)) continue
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      return false
    }
  }
  return true
}

function changes<T extends object>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (record: T) => string,
): Change<T>[] {
  const old = new Map(before.map((r) => [keyOf(r), r]))
  const now = new Map(after.map((r) => [keyOf(r), r]))
  const out: Change<T>[] = []
  for (const [key, record] of now) {
    const was = old.get(key) ?? null
    if (!was || !sameRecord(was, record)) out.push({ key, before: was, after: record })
  }
  for (const [key, record] of old) {
    if (!now.has(key)) out.push({ key, before: record, after: null })
  }
  return out
}

export function diffStates(before: AssessmentState, after: AssessmentState): StateDiff {
  const risks = changes(before.risks, after.risks, (r) => r.id)
  const rerated: RiskRerating[] = []
  const edited: Change<Risk>[] = []
  for (const change of risks) {
    if (!change.before || !change.after) continue
    const levelBefore = riskLevel(change.before.likelihood, change.before.impact)
    const levelAfter = riskLevel(change.after.likelihood, change.after.impact)
    const residualBefore = residualLevel(change.before)
    const residualAfter = residualLevel(change.after)
    if (levelBefore !== levelAfter || residualBefore !== residualAfter) {
      rerated.push({
        riskId: change.key,
        title: change.after.title,
        levelBefore,
        levelAfter,
        residualBefore,
        residualAfter,
      })
    } else {
      edited.push(change)
    }
  }
  return {
    answers: changes(before.answers, after.answers, (a) => a.questionId),
    decisions: changes(before.decisions, after.decisions, (d) => d.controlId),
    risksAdded: risks.flatMap((c) => (c.before === null && c.after ? [c.after] : [])),
    risksRemoved: risks.flatMap((c) => (c.after === null && c.before ? [c.before] : [])),
    risksRerated: rerated,
    risksEdited: edited,
  }
}

/** True when nothing the user decides differs between the two states. */
export function isEmptyDiff(diff: StateDiff): boolean {
  return (
    diff.answers.length === 0 &&
    diff.decisions.length === 0 &&
    diff.risksAdded.length === 0 &&
    diff.risksRemoved.length === 0 &&
    diff.risksRerated.length === 0 &&
    diff.risksEdited.length === 0
  )
}

function apply<T>(records: readonly T[], list: readonly Change<T>[], keyOf: (r: T) => string): T[] {
  const byKey = new Map(records.map((r) => [keyOf(r), r]))
  for (const change of list) {
    if (change.after) byKey.set(change.key, change.after)
    else byKey.delete(change.key)
  }
  return [...byKey.values()]
}

/** The answers and decisions of `before` with the diff's changes made: those of the later state. */
export function applyDiff(
  before: Pick<AssessmentState, 'answers' | 'decisions'>,
  diff: Pick<StateDiff, 'answers' | 'decisions'>,
): Pick<AssessmentState, 'answers' | 'decisions'> {
  return {
    answers: apply(before.answers, diff.answers, (a) => a.questionId),
    decisions: apply(before.decisions, diff.decisions, (d) => d.controlId),
  }
}

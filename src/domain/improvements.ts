/**
 * "What raises my score most": the single changes a user can make, each with the exact score it
 * would add, ranked so that removing a blocker comes first.
 */
import { ANNEX_A_CONTROLS, QUESTIONS, clauseSection, mandatoryDocument } from '@/content'
import type { AnnexAControl, ClauseId, ControlId, Question } from '@/content'
import {
  answerStateOf,
  applicabilityOf,
  decisionStateOf,
  hasRiskReason,
  indexAssessment,
  type AssessmentIndex,
  type AssessmentInput,
} from './assessment'
import type { ControlDecision } from './model'
import {
  ANSWER_CREDIT,
  IMPLEMENTATION_CREDIT,
  SOA_CREDIT,
  bandCap,
  cappedBand,
  documentName,
  exactScoreOf,
  findBlockers,
  implementationCreditOf,
  questionsForDocument,
  roundScore,
  sectionIndexOf,
  soaCreditOf,
  tallyScore,
  type Blocker,
  type ReadinessBand,
  type ScoreTally,
} from './readiness'

export type ImprovementKind =
  'question-in-place' | 'control-implemented' | 'control-decide' | 'control-justify'

export interface Improvement {
  /** Stable, e.g. 'question-in-place:q-4.3-documented' or 'control-implemented:8.13'. */
  readonly id: string
  readonly kind: ImprovementKind
  /** The clause id or control id. */
  readonly reference: ClauseId | ControlId
  /** The question's id for a question, null for a control. */
  readonly questionId: string | null
  /** What to do, in plain words. */
  readonly action: string
  /** The sub-clause or control title. */
  readonly title: string
  /** The question, or what the control is for. */
  readonly text: string
  readonly gain: {
    /** Points added to the unrounded score. */
    readonly exact: number
    /** How much the score shown would move (it can be 0 for a small step). */
    readonly rounded: number
  }
  /** The score shown after the change. */
  readonly scoreAfter: number
  /** The band shown after the change. */
  readonly bandAfter: ReadinessBand
  /** The blockers the change lifts; empty for most. */
  readonly removesBlockers: readonly Blocker[]
}

interface Candidate {
  readonly kind: ImprovementKind
  readonly reference: ClauseId | ControlId
  readonly questionId: string | null
  readonly action: string
  readonly title: string
  readonly text: string
  readonly tally: ScoreTally
  readonly removesBlockers: readonly Blocker[]
}

function withSectionCredit(tally: ScoreTally, section: number, delta: number): ScoreTally {
  const sectionCredits = [...tally.sectionCredits]
  sectionCredits[section] = (sectionCredits[section] ?? 0) + delta
  return { ...tally, sectionCredits }
}

function withControlCredits(tally: ScoreTally, soaDelta: number, implDelta: number): ScoreTally {
  return {
    ...tally,
    soaCredits: tally.soaCredits + soaDelta,
    implementationCredits: tally.implementationCredits + implDelta,
  }
}

function questionAction(question: Question, index: AssessmentIndex): string {
  if (question.documents.length > 0) {
    const titles = question.documents.map((key) => documentName(mandatoryDocument(key)))
    return `Put the mandatory document in place: ${titles.join(', ')}`
  }
  switch (answerStateOf(index.answers.get(question.id))) {
    case 'partly':
      return 'Finish putting this in place'
    case 'dont-know':
      return 'Find out whether this is in place, and put it in place if not'
    default:
      return 'Put this in place'
  }
}

function questionCandidate(
  question: Question,
  index: AssessmentIndex,
  tally: ScoreTally,
  blockers: ReadonlyMap<string, Blocker>,
): Candidate | null {
  const state = answerStateOf(index.answers.get(question.id))
  if (state === 'in-place') return null
  const othersInPlace = (q: Question) =>
    q.id === question.id || answerStateOf(index.answers.get(q.id)) === 'in-place'
  const removesBlockers = question.documents
    .filter((key) => questionsForDocument(key).every(othersInPlace))
    .map((key) => blockers.get(key))
    .filter((b): b is Blocker => b !== undefined)
  return {
    kind: 'question-in-place',
    reference: question.clause,
    questionId: question.id,
    action: questionAction(question, index),
    title: clauseSection(question.clause).title,
    text: question.text,
    tally: withSectionCredit(
      tally,
      sectionIndexOf(question),
      ANSWER_CREDIT['in-place'] - ANSWER_CREDIT[state],
    ),
    removesBlockers,
  }
}

function controlCandidates(
  control: AnnexAControl,
  decision: ControlDecision | undefined,
  riskReason: boolean,
  tally: ScoreTally,
): Candidate[] {
  const base = {
    reference: control.id,
    questionId: null,
    title: control.title,
    text: control.intent,
    removesBlockers: [],
  } as const satisfies Partial<Candidate>
  const name = `control ${control.id} ${control.title}`
  const state = decisionStateOf(decision, riskReason)
  const soaGap = SOA_CREDIT['decided-justified'] - soaCreditOf(decision, riskReason)
  if (state === 'undecided') {
    // Scored as if decided applicable and justified, with nothing implemented yet: the least
    // the decision adds, and it needs a person's judgement either way.
    const implGap = IMPLEMENTATION_CREDIT['not-implemented'] - implementationCreditOf(decision)
    return [
      {
        ...base,
        kind: 'control-decide',
        action: `Decide whether ${name} applies, and record why`,
        tally: withControlCredits(tally, soaGap, implGap),
      },
    ]
  }
  const candidates: Candidate[] = []
  if (
    applicabilityOf(decision) === 'applicable' &&
    decision?.implementationStatus !== 'implemented'
  ) {
    candidates.push({
      ...base,
      kind: 'control-implemented',
      action: `Implement ${name}`,
      tally: withControlCredits(
        tally,
        0,
        IMPLEMENTATION_CREDIT.implemented - implementationCreditOf(decision),
      ),
    })
  }
  if (state === 'decided-unjustified') {
    candidates.push({
      ...base,
      kind: 'control-justify',
      action: `Record why ${name} is ${applicabilityOf(decision)}`,
      tally: withControlCredits(tally, soaGap, 0),
    })
  }
  return candidates
}

/** Gains equal up to floating-point noise rank as equal, so content order decides between them. */
const rankingGain = (gain: number) => Math.round(gain * 1e9)

/**
 * The changes that would raise the readiness score most, best first, at most `limit` of them.
 * Candidates are single steps a user can take: put a clause question in place, implement an
 * applicable control, justify a decided control, or decide an undecided one (which needs human
 * judgement and a justification, so it is scored as if decided applicable and justified with
 * nothing implemented yet). Each gain is the real difference in score, computed with the same
 * formula as computeReadiness. Changes that lift a blocker (a missing mandatory document, the
 * internal audit or the management review) come first, then the larger gain, then the order of
 * the standard (questions, then controls in catalog order).
 */
export function rankImprovements(input: AssessmentInput, limit = 5): Improvement[] {
  const index = indexAssessment(input)
  const tally = tallyScore(index)
  const exact = exactScoreOf(tally)
  const score = roundScore(exact)
  const blockers = findBlockers(index)
  const blockersByDocument = new Map(blockers.map((b) => [b.document.key, b]))

  const candidates: Candidate[] = []
  for (const question of QUESTIONS) {
    const candidate = questionCandidate(question, index, tally, blockersByDocument)
    if (candidate) candidates.push(candidate)
  }
  for (const control of ANNEX_A_CONTROLS) {
    const decision = index.decisions.get(control.id)
    candidates.push(
      ...controlCandidates(control, decision, hasRiskReason(index, control.id), tally),
    )
  }

  const improvements = candidates.map((candidate, order) => {
    const exactAfter = exactScoreOf(candidate.tally)
    const scoreAfter = roundScore(exactAfter)
    const remaining = blockers.filter((b) => !candidate.removesBlockers.includes(b))
    const improvement: Improvement = {
      id: `${candidate.kind}:${candidate.questionId ?? candidate.reference}`,
      kind: candidate.kind,
      reference: candidate.reference,
      questionId: candidate.questionId,
      action: candidate.action,
      title: candidate.title,
      text: candidate.text,
      gain: { exact: exactAfter - exact, rounded: scoreAfter - score },
      scoreAfter,
      bandAfter: cappedBand(scoreAfter, bandCap(remaining)),
      removesBlockers: candidate.removesBlockers,
    }
    return { improvement, order }
  })

  return improvements
    .sort(
      (a, b) =>
        Number(b.improvement.removesBlockers.length > 0) -
          Number(a.improvement.removesBlockers.length > 0) ||
        rankingGain(b.improvement.gain.exact) - rankingGain(a.improvement.gain.exact) ||
        a.order - b.order,
    )
    .slice(0, Math.max(0, limit))
    .map((r) => r.improvement)
}

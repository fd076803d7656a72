/**
 * The Stage 1 readiness score: a number from 0 to 100, its band, and the blockers that cap the
 * band whatever the number says. Every constant the score uses is exported, so the on-screen
 * explanation (scoringExplanation.ts) and docs/scoring.md quote the very numbers computed with.
 */
import {
  ANNEX_A_CONTROLS,
  CLAUSE_CHAPTERS,
  CLAUSE_SECTIONS,
  MANDATORY_DOCUMENTS,
  QUESTIONS,
  questionsFor,
} from '@/content'
import type {
  ClauseChapter,
  ClauseId,
  MandatoryDocument,
  MandatoryDocumentKey,
  Question,
} from '@/content'
import {
  answerStateOf,
  applicabilityOf,
  decisionStateOf,
  hasRiskReason,
  indexAssessment,
  type AnswerState,
  type AssessmentIndex,
  type AssessmentInput,
  type DecisionState,
} from './assessment'
import { isAnswered } from './clauseAnswer'
import type { ControlDecision, ImplementationStatus } from './model'

export type ScorePartKey = 'clauseConformance' | 'soaCompleteness' | 'annexAImplementation'

/** The three parts of the score in the order they are shown. */
export const SCORE_PART_KEYS = [
  'clauseConformance',
  'soaCompleteness',
  'annexAImplementation',
] as const satisfies readonly ScorePartKey[]

/** Points each part can contribute; they add up to 100. */
export const SCORE_WEIGHTS = {
  clauseConformance: 60,
  soaCompleteness: 25,
  annexAImplementation: 15,
} as const satisfies Record<ScorePartKey, number>

export const SCORE_PART_LABELS = {
  clauseConformance: 'Clauses 4 to 10',
  soaCompleteness: 'Statement of Applicability',
  annexAImplementation: 'Annex A controls implemented',
} as const satisfies Record<ScorePartKey, string>

/** Credit of a clause question. "Don't know" earns nothing until someone finds out. */
export const ANSWER_CREDIT = {
  'in-place': 1,
  partly: 0.5,
  'not-started': 0,
  'dont-know': 0,
  unanswered: 0,
} as const satisfies Record<AnswerState, number>

/** Credit of a control's SoA row. */
export const SOA_CREDIT = {
  undecided: 0,
  'decided-unjustified': 0.5,
  'decided-justified': 1,
} as const satisfies Record<DecisionState, number>

/** Implementation credit of an applicable control. */
export const IMPLEMENTATION_CREDIT = {
  'not-implemented': 0,
  planned: 0.25,
  partly: 0.5,
  implemented: 1,
} as const satisfies Record<ImplementationStatus, number>

/** An excluded control has nothing to implement; an undecided one is not yet known to. */
export const EXCLUDED_IMPLEMENTATION_CREDIT = 1
export const UNDECIDED_IMPLEMENTATION_CREDIT = 0

export type ReadinessBand = 'not-ready' | 'partly-ready' | 'nearly-ready' | 'ready'

/** The bands from lowest to highest; `min` is the lowest (rounded) score of the band. */
export const READINESS_BANDS = [
  { band: 'not-ready', label: 'Not ready', min: 0 },
  { band: 'partly-ready', label: 'Partly ready', min: 40 },
  { band: 'nearly-ready', label: 'Nearly ready', min: 70 },
  { band: 'ready', label: 'Ready for Stage 1', min: 85 },
] as const satisfies readonly { band: ReadinessBand; label: string; min: number }[]

export type BlockerKind = 'missing-document' | 'no-internal-audit' | 'no-management-review'

/** The highest band a workspace can reach while it has a blocker of each kind. */
export const BLOCKER_CAPS = {
  'missing-document': 'partly-ready',
  'no-internal-audit': 'nearly-ready',
  'no-management-review': 'nearly-ready',
} as const satisfies Record<BlockerKind, ReadinessBand>

/** The documents whose absence means an activity has not happened yet, not just a paper gap. */
const ACTIVITY_BLOCKERS: Partial<Record<MandatoryDocumentKey, BlockerKind>> = {
  'audit-programme-and-results': 'no-internal-audit',
  'management-review-results': 'no-management-review',
}

export interface Blocker {
  /** Stable id, e.g. 'blocker:isms-scope'. */
  readonly id: string
  readonly kind: BlockerKind
  readonly document: MandatoryDocument
  /** The questions that ask for the document; all must be in place to lift the blocker. */
  readonly questionIds: readonly string[]
  /** One sentence naming what is missing. */
  readonly text: string
}

export interface BandCap {
  /** The highest band reachable while the blockers remain. */
  readonly band: ReadinessBand
  readonly reason: 'missing-documents' | 'no-audit-or-review'
  /** Plain words, e.g. for a tooltip next to the band. */
  readonly text: string
}

export interface ScorePart {
  readonly key: ScorePartKey
  readonly label: string
  /** The most this part can contribute (points out of 100). */
  readonly weight: number
  /** How complete the part is, 0 to 1. */
  readonly fraction: number
  /** weight × fraction, unrounded. */
  readonly contribution: number
}

/** How far one sub-clause or one clause (4–10) is, for the dashboard charts. */
export interface ClauseProgress {
  readonly questions: number
  /** Questions with a stored answer, whatever its status. */
  readonly answered: number
  readonly inPlace: number
  readonly fractionAnswered: number
  readonly fractionInPlace: number
  /** Average question credit, 0 to 1 (for a clause: the average over its sub-clauses). */
  readonly conformance: number
}

export interface SectionProgress extends ClauseProgress {
  readonly clause: ClauseId
  readonly chapter: ClauseChapter
  readonly title: string
}

export interface ChapterProgress extends ClauseProgress {
  readonly chapter: ClauseChapter
  readonly title: string
}

export interface ControlCounts {
  readonly total: number
  readonly undecided: number
  readonly applicable: number
  readonly excluded: number
  /** Decided and justified (the SoA row is complete). */
  readonly justified: number
  /** Applicable and implemented. */
  readonly implemented: number
}

export interface Readiness {
  /** The score shown: `exact` rounded to a whole number. */
  readonly score: number
  /** The unrounded score, the sum of the three contributions. */
  readonly exact: number
  readonly parts: Readonly<Record<ScorePartKey, ScorePart>>
  /** The band shown: the band of the score, lowered to the cap when there are blockers. */
  readonly band: ReadinessBand
  readonly bandLabel: string
  /** The band the score alone would give. */
  readonly uncappedBand: ReadinessBand
  /** The cap the blockers impose, or null when there are none. */
  readonly cap: BandCap | null
  /** True when the cap actually lowered the band. */
  readonly capped: boolean
  /** In the order of MANDATORY_DOCUMENTS. */
  readonly blockers: readonly Blocker[]
  /** In the order of the standard. */
  readonly sections: readonly SectionProgress[]
  readonly chapters: readonly ChapterProgress[]
  readonly controls: ControlCounts
}

/**
 * The raw sums behind the score, kept apart so that "what would this change add?" can adjust one
 * sum and recompute the score exactly as computeReadiness does.
 */
export interface ScoreTally {
  /** Sum of answer credits per sub-clause, in the order of CLAUSE_SECTIONS. */
  readonly sectionCredits: readonly number[]
  /** Sum of SoA credits over the 93 controls. */
  readonly soaCredits: number
  /** Sum of implementation credits over the 93 controls. */
  readonly implementationCredits: number
}

const SECTION_INDEX = new Map<ClauseId, number>(CLAUSE_SECTIONS.map((s, i) => [s.id, i]))
const SECTION_QUESTION_COUNTS: readonly number[] = CLAUSE_SECTIONS.map(
  (s) => questionsFor(s.id).length,
)
const CONTROL_COUNT = ANNEX_A_CONTROLS.length

const DOCUMENT_QUESTIONS = new Map<MandatoryDocumentKey, Question[]>()
for (const question of QUESTIONS) {
  for (const key of question.documents) {
    const list = DOCUMENT_QUESTIONS.get(key) ?? []
    list.push(question)
    DOCUMENT_QUESTIONS.set(key, list)
  }
}

/** The questions that ask for a mandatory document, in content order. */
export function questionsForDocument(key: MandatoryDocumentKey): readonly Question[] {
  return DOCUMENT_QUESTIONS.get(key) ?? []
}

/** Index of a question's sub-clause in CLAUSE_SECTIONS (the position in `sectionCredits`). */
export function sectionIndexOf(question: Question): number {
  return SECTION_INDEX.get(question.clause) ?? -1
}

/**
 * A control's SoA credit: nothing while undecided, half once it is decided as applicable or
 * excluded, full once that decision is also justified (6.1.3 d asks for the justification of
 * every inclusion and exclusion). `riskReason` is true when a linked risk treated by
 * modification gives the control the reason "risk assessment" (see hasRiskReason), which
 * justifies an applicable control like a ticked reason.
 */
export function soaCreditOf(decision: ControlDecision | undefined, riskReason = false): number {
  return SOA_CREDIT[decisionStateOf(decision, riskReason)]
}

/**
 * A control's implementation credit, counted over all 93 controls so that deciding a control
 * never lowers the score: undecided 0, excluded 1 (nothing to implement), applicable by status:
 * not implemented 0, planned 0.25, partly 0.5, implemented 1.
 */
export function implementationCreditOf(decision: ControlDecision | undefined): number {
  const applicability = applicabilityOf(decision)
  if (applicability === 'excluded') return EXCLUDED_IMPLEMENTATION_CREDIT
  if (applicability === 'applicable' && decision) {
    return IMPLEMENTATION_CREDIT[decision.implementationStatus]
  }
  return UNDECIDED_IMPLEMENTATION_CREDIT
}

/**
 * Sums the credits the score is made of, walking the content (never the input) so the result does
 * not depend on the order of answers, decisions and risks: answer credit per sub-clause (in place
 * 1, partly 0.5, anything else 0), and SoA and implementation credit over the 93 controls, where
 * a control linked to a risk treated by modification has the reason "risk assessment".
 */
export function tallyScore(index: AssessmentIndex): ScoreTally {
  const sectionCredits = CLAUSE_SECTIONS.map(() => 0)
  for (const question of QUESTIONS) {
    const i = sectionIndexOf(question)
    const credit = ANSWER_CREDIT[answerStateOf(index.answers.get(question.id))]
    sectionCredits[i] = (sectionCredits[i] ?? 0) + credit
  }
  let soaCredits = 0
  let implementationCredits = 0
  for (const control of ANNEX_A_CONTROLS) {
    const decision = index.decisions.get(control.id)
    soaCredits += soaCreditOf(decision, hasRiskReason(index, control.id))
    implementationCredits += implementationCreditOf(decision)
  }
  return { sectionCredits, soaCredits, implementationCredits }
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole)

/**
 * Turns the credit sums into the three parts of the score. Clause conformance averages the
 * questions of each sub-clause first and then the 30 sub-clauses, so each sub-clause weighs the
 * same however many questions it has; the two Annex A parts average over all 93 controls. Each
 * fraction is multiplied by its weight (60, 25, 15) and nothing is rounded here.
 */
export function scoreParts(tally: ScoreTally): Record<ScorePartKey, ScorePart> {
  let sectionSum = 0
  for (let i = 0; i < CLAUSE_SECTIONS.length; i++) {
    sectionSum += ratio(tally.sectionCredits[i] ?? 0, SECTION_QUESTION_COUNTS[i] ?? 0)
  }
  const fractions: Record<ScorePartKey, number> = {
    clauseConformance: ratio(sectionSum, CLAUSE_SECTIONS.length),
    soaCompleteness: ratio(tally.soaCredits, CONTROL_COUNT),
    annexAImplementation: ratio(tally.implementationCredits, CONTROL_COUNT),
  }
  const part = (key: ScorePartKey): ScorePart => ({
    key,
    label: SCORE_PART_LABELS[key],
    weight: SCORE_WEIGHTS[key],
    fraction: fractions[key],
    contribution: SCORE_WEIGHTS[key] * fractions[key],
  })
  return {
    clauseConformance: part('clauseConformance'),
    soaCompleteness: part('soaCompleteness'),
    annexAImplementation: part('annexAImplementation'),
  }
}

const sumOfContributions = (parts: Record<ScorePartKey, ScorePart>) =>
  SCORE_PART_KEYS.reduce((sum, key) => sum + parts[key].contribution, 0)

/** The unrounded score: the three contributions added in a fixed order. */
export function exactScoreOf(tally: ScoreTally): number {
  return sumOfContributions(scoreParts(tally))
}

/** The score shown, a whole number from 0 to 100; rounding happens here and nowhere else. */
export function roundScore(exact: number): number {
  return Math.round(exact)
}

/** Position of a band from 0 (not ready) to 3 (ready for Stage 1). */
export function bandRank(band: ReadinessBand): number {
  return READINESS_BANDS.findIndex((b) => b.band === band)
}

/** The band as people read it: "Not ready", "Partly ready", "Nearly ready", "Ready for Stage 1". */
export function bandLabel(band: ReadinessBand): string {
  return READINESS_BANDS.find((b) => b.band === band)?.label ?? band
}

/**
 * The band of a (rounded) score: not ready below 40, partly ready from 40 to 69, nearly ready
 * from 70 to 84, ready for Stage 1 from 85. The rounded score is used so the number shown and
 * the band shown always agree.
 */
export function bandForScore(score: number): ReadinessBand {
  let band: ReadinessBand = 'not-ready'
  for (const b of READINESS_BANDS) if (score >= b.min) band = b.band
  return band
}

/** The band shown: the band of the score, lowered to the blockers' cap if there is one. */
export function cappedBand(score: number, cap: BandCap | null): ReadinessBand {
  const band = bandForScore(score)
  return cap && bandRank(cap.band) < bandRank(band) ? cap.band : band
}

/**
 * A mandatory document named with its clause, e.g. "Scope of the ISMS (4.3)" or "Statement of
 * Applicability (6.1.3 d)" (the closing parenthesis of "d)" doubles as the bracket's).
 */
export function documentName(document: MandatoryDocument): string {
  return `${document.title} (${document.clauseRef.replace(/\)$/, '')})`
}

function blockerText(kind: BlockerKind, document: MandatoryDocument): string {
  const ref = documentName(document)
  switch (kind) {
    case 'no-internal-audit':
      return `No internal audit yet: ${ref} not in place.`
    case 'no-management-review':
      return `No management review yet: ${ref} not in place.`
    case 'missing-document':
      return `Mandatory document missing: ${ref}.`
  }
}

/**
 * The named blockers, in the order of the mandatory documents. A mandatory document (4.3, 5.2,
 * 6.1.2, 6.1.3, 6.1.3 d, 6.2, 7.2, 7.5.1 b, 8.1, 8.2, 8.3, 9.1, 9.2.2, 9.3.3, 10.2) counts as
 * present only when every question asking for it is answered "in place"; otherwise it is a
 * "missing document" blocker. The internal audit programme and results (9.2.2) and the
 * management review results (9.3.3) are reported instead as "no internal audit" and "no
 * management review", because their absence means the activity itself has not happened.
 */
export function findBlockers(index: AssessmentIndex): Blocker[] {
  const blockers: Blocker[] = []
  for (const document of MANDATORY_DOCUMENTS) {
    const questions = questionsForDocument(document.key)
    const present = questions.every((q) => answerStateOf(index.answers.get(q.id)) === 'in-place')
    if (present) continue
    const kind = ACTIVITY_BLOCKERS[document.key] ?? 'missing-document'
    blockers.push({
      id: `blocker:${document.key}`,
      kind,
      document,
      questionIds: questions.map((q) => q.id),
      text: blockerText(kind, document),
    })
  }
  return blockers
}

/**
 * The cap the blockers put on the band: at most "partly ready" while a mandatory document is
 * missing, at most "nearly ready" while only the internal audit or management review is
 * missing (certification bodies expect one of each before Stage 2), none without blockers.
 */
export function bandCap(blockers: readonly Blocker[]): BandCap | null {
  let band: ReadinessBand | null = null
  for (const blocker of blockers) {
    const cap = BLOCKER_CAPS[blocker.kind]
    if (band === null || bandRank(cap) < bandRank(band)) band = cap
  }
  if (band === null) return null
  const label = bandLabel(band)
  const missing = blockers.filter((b) => b.kind === 'missing-document').length
  if (missing > 0) {
    const documents =
      missing === 1 ? 'a mandatory document is' : `${missing} mandatory documents are`
    return {
      band,
      reason: 'missing-documents',
      text: `The band cannot be higher than ${label} while ${documents} missing.`,
    }
  }
  const kinds = new Set(blockers.map((b) => b.kind))
  const what =
    kinds.has('no-internal-audit') && kinds.has('no-management-review')
      ? 'no internal audit and no management review have'
      : kinds.has('no-internal-audit')
        ? 'no internal audit has'
        : 'no management review has'
  return {
    band,
    reason: 'no-audit-or-review',
    text: `The band cannot be higher than ${label} while ${what} been recorded.`,
  }
}

function progressOf(questions: number, answered: number, inPlace: number, conformance: number) {
  return {
    questions,
    answered,
    inPlace,
    fractionAnswered: ratio(answered, questions),
    fractionInPlace: ratio(inPlace, questions),
    conformance,
  } satisfies ClauseProgress
}

function clauseProgress(index: AssessmentIndex, tally: ScoreTally) {
  const answered = CLAUSE_SECTIONS.map(() => 0)
  const inPlace = CLAUSE_SECTIONS.map(() => 0)
  for (const question of QUESTIONS) {
    const i = sectionIndexOf(question)
    const answer = index.answers.get(question.id)
    if (isAnswered(answer)) answered[i] = (answered[i] ?? 0) + 1
    if (answer?.status === 'in-place') inPlace[i] = (inPlace[i] ?? 0) + 1
  }
  const sections: SectionProgress[] = CLAUSE_SECTIONS.map((section, i) => {
    const total = SECTION_QUESTION_COUNTS[i] ?? 0
    const conformance = ratio(tally.sectionCredits[i] ?? 0, total)
    return {
      clause: section.id,
      chapter: section.chapter,
      title: section.title,
      ...progressOf(total, answered[i] ?? 0, inPlace[i] ?? 0, conformance),
    }
  })
  const chapters: ChapterProgress[] = CLAUSE_CHAPTERS.map(({ chapter, title }) => {
    const own = sections.filter((s) => s.chapter === chapter)
    const sum = (f: (s: SectionProgress) => number) => own.reduce((n, s) => n + f(s), 0)
    return {
      chapter,
      title,
      ...progressOf(
        sum((s) => s.questions),
        sum((s) => s.answered),
        sum((s) => s.inPlace),
        ratio(
          sum((s) => s.conformance),
          own.length,
        ),
      ),
    }
  })
  return { sections, chapters }
}

function controlCounts(index: AssessmentIndex): ControlCounts {
  let undecided = 0
  let applicable = 0
  let excluded = 0
  let justified = 0
  let implemented = 0
  for (const control of ANNEX_A_CONTROLS) {
    const decision = index.decisions.get(control.id)
    const applicability = applicabilityOf(decision)
    if (applicability === 'undecided') undecided++
    if (applicability === 'applicable') applicable++
    if (applicability === 'excluded') excluded++
    if (decisionStateOf(decision, hasRiskReason(index, control.id)) === 'decided-justified') {
      justified++
    }
    if (applicability === 'applicable' && decision?.implementationStatus === 'implemented') {
      implemented++
    }
  }
  return { total: CONTROL_COUNT, undecided, applicable, excluded, justified, implemented }
}

/**
 * The Stage 1 readiness score and band. Score = 60 × clause conformance + 25 × SoA completeness
 * + 15 × Annex A implementation, rounded to a whole number only at the end. Clause conformance
 * (clauses 4–10, none of which can be excluded) averages question credit (in place 1, partly 0.5,
 * otherwise 0) per sub-clause and then over the 30 sub-clauses; SoA completeness (6.1.3 d)
 * gives each of the 93 controls 0 undecided, 0.5 decided, 1 decided and justified (a linked risk
 * treated by modification justifies an applicable control, 6.1.3 b and d); Annex A
 * implementation gives each control 0 undecided, 1 excluded, and for an applicable one 0 / 0.25 /
 * 0.5 / 1 for not implemented / planned / partly / implemented. The band follows the rounded
 * score (below 40, 40–69, 70–84, 85 and up) and is then capped by the blockers: a missing
 * mandatory document caps it at "partly ready", a missing internal audit or management review at
 * "nearly ready". Improving any single answer or decision, or linking a risk to a control, never
 * lowers the score or the band.
 */
export function computeReadiness(input: AssessmentInput): Readiness {
  const index = indexAssessment(input)
  const tally = tallyScore(index)
  const parts = scoreParts(tally)
  const exact = sumOfContributions(parts)
  const score = roundScore(exact)
  const uncappedBand = bandForScore(score)
  const blockers = findBlockers(index)
  const cap = bandCap(blockers)
  const band = cappedBand(score, cap)
  return {
    score,
    exact,
    parts,
    band,
    bandLabel: bandLabel(band),
    uncappedBand,
    cap,
    capped: band !== uncappedBand,
    blockers,
    ...clauseProgress(index, tally),
    controls: controlCounts(index),
  }
}

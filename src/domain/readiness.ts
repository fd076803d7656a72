/**
 * The Stage 1 readiness verdict: a score from 0 to 100, its band, and the blockers that cap the
 * band whatever the number says. The verdict trusts records over declarations: where the app
 * holds the record (the SoA rows, the risk register, the scope statement, the register of
 * documented information for the mandatory documents), the record decides,
 * and an answer that claims more than the record shows is a finding and earns only what the
 * record supports. Every constant is exported, so the on-screen explanation
 * (scoringExplanation.ts) and docs/scoring.md quote the very numbers computed with.
 */
import {
  ANNEX_A_CONTROLS,
  CLAUSE_CHAPTERS,
  CLAUSE_SECTIONS,
  MANDATORY_DOCUMENTS,
  QUESTIONS,
  controlById,
  mandatoryDocument,
  nonExcludableReason,
} from '@/content'
import type {
  ClauseChapter,
  ClauseId,
  ControlId,
  MandatoryDocument,
  MandatoryDocumentKey,
  Question,
} from '@/content'
import {
  answerStateOf,
  indexAssessment,
  type AnswerState,
  type AssessmentIndex,
  type AssessmentInput,
} from './assessment'
import { isAnswered } from './clauseAnswer'
import {
  documentProblems,
  IMPLEMENTATION_CREDIT,
  SOA_CREDIT,
  summarizeRecords,
  tallySoa,
  type RecordSummary,
  type SoaTally,
} from './records'

export { IMPLEMENTATION_CREDIT, SOA_CREDIT }

export type ScorePartKey =
  'clauseConformance' | 'riskRegister' | 'soaCompleteness' | 'annexAImplementation'

/** The four parts of the score in the order they are shown. */
export const SCORE_PART_KEYS = [
  'clauseConformance',
  'riskRegister',
  'soaCompleteness',
  'annexAImplementation',
] as const satisfies readonly ScorePartKey[]

/** Points each part can contribute; they add up to 100. */
export const SCORE_WEIGHTS = {
  clauseConformance: 45,
  riskRegister: 15,
  soaCompleteness: 15,
  annexAImplementation: 25,
} as const satisfies Record<ScorePartKey, number>

export const SCORE_PART_LABELS = {
  clauseConformance: 'Clauses 4 to 10',
  riskRegister: 'Risk register',
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

export type SectionTier = 'core' | 'standard' | 'supporting'

/** How much a sub-clause weighs in the clause part, by tier. */
export const SECTION_TIER_WEIGHTS = {
  core: 3,
  standard: 2,
  supporting: 1,
} as const satisfies Record<SectionTier, number>

/**
 * The sub-clauses the Stage 1 document review turns on (scope, policy, risk assessment, risk
 * treatment, objectives), and those that support the system without being what an auditor
 * opens first. Every other sub-clause is 'standard'. The internal audit (9.2) and the management
 * review (9.3) are core too, but their weight is shared between their sub-clauses, so that 9.2
 * and 9.3 each weigh as much as 4.3.
 */
export const SECTION_TIERS: Partial<Record<ClauseId, SectionTier>> = {
  '4.3': 'core',
  '5.2': 'core',
  '6.1.2': 'core',
  '6.1.3': 'core',
  '6.2': 'core',
  '6.3': 'supporting',
  '7.1': 'supporting',
  '7.4': 'supporting',
  '7.5.2': 'supporting',
  '10.1': 'supporting',
}

/** Core clauses whose weight is shared between sub-clauses: the sub-clause's share of it. */
export const SHARED_CORE_WEIGHTS: Partial<Record<ClauseId, number>> = {
  '9.2.1': 1.5,
  '9.2.2': 1.5,
  '9.3.1': 1,
  '9.3.2': 1,
  '9.3.3': 1,
}

/** The weight of a sub-clause in the clause part. */
export function sectionWeight(clause: ClauseId): number {
  return SHARED_CORE_WEIGHTS[clause] ?? SECTION_TIER_WEIGHTS[SECTION_TIERS[clause] ?? 'standard']
}

/**
 * Questions that count less than a full question within their sub-clause: the climate change
 * questions added by the 2024 amendment are a consideration within 4.1 and 4.2, not half of
 * them. Every other question weighs 1.
 */
export const QUESTION_WEIGHTS: Readonly<Record<string, number>> = {
  'q-4.1-climate': 0.25,
  'q-4.2-climate': 0.25,
}

export const questionWeight = (question: Question): number => QUESTION_WEIGHTS[question.id] ?? 1

/**
 * "Ready for Stage 1" needs the controls to be running, not only chosen: at least this share of
 * the controls that apply must be implemented or partly implemented, and every control that
 * treats a risk rated above the acceptance threshold must be.
 */
export const IMPLEMENTATION_FLOOR = 0.7

export type ReadinessBand = 'not-ready' | 'partly-ready' | 'nearly-ready' | 'ready'

/** The bands from lowest to highest; `min` is the lowest (rounded) score of the band. */
export const READINESS_BANDS = [
  { band: 'not-ready', label: 'Not ready', min: 0 },
  { band: 'partly-ready', label: 'Partly ready', min: 40 },
  { band: 'nearly-ready', label: 'Nearly ready', min: 70 },
  { band: 'ready', label: 'Ready for Stage 1', min: 85 },
] as const satisfies readonly { band: ReadinessBand; label: string; min: number }[]

/**
 * What must be in place before Stage 1 and what before Stage 2, said once for the screen, the
 * PDF and docs/scoring.md.
 */
export const STAGE_EXPECTATION =
  'Blockers are what the Stage 1 auditor checks first. The scope, the policy, the risk assessment and its results, the risk treatment plan approved by the risk owners, a complete Statement of Applicability and the objectives must exist before Stage 1. At least one internal audit and one management review must have been held before Stage 2; the Stage 1 auditor checks that they have been, because Stage 2 cannot be scheduled otherwise, so the app counts them as blockers too.'

/** What the verdict says when nothing caps the band, the same on screen and in the PDF. */
export const NO_BLOCKERS_TEXT =
  'No blockers: the scope, policy, risk assessment, approved treatment plan, a complete SoA and the objectives are recorded, an internal audit and a management review have been held, and the controls that matter are running.'

// Records that back the answers to some questions.

/** The records the app holds that can confirm or contradict an answer. */
export type RecordCheck =
  | 'scope-statement'
  | 'soa-rows'
  | 'risks-identified'
  | 'risk-owners'
  | 'risk-treatments'
  | 'treatment-plan'
  | 'residual-acceptance'

/**
 * The questions whose answer the app can check against its own records, and the record that
 * decides. Such an answer earns at most what the record supports: complete 1, partial 0.5,
 * nothing 0.
 */
export const RECORD_BACKED_QUESTIONS: Readonly<Record<string, RecordCheck>> = {
  'q-4.3-documented': 'scope-statement',
  'q-6.1.2-identification': 'risks-identified',
  'q-6.1.2-owners': 'risk-owners',
  'q-6.1.2-analysis': 'risks-identified',
  'q-6.1.3-options': 'risk-treatments',
  'q-6.1.3-soa': 'soa-rows',
  'q-6.1.3-plan': 'treatment-plan',
  'q-6.1.3-plan-approval': 'treatment-plan',
  'q-6.1.3-residual-acceptance': 'residual-acceptance',
  'q-8.2-results-retained': 'risks-identified',
  'q-8.3-results-retained': 'residual-acceptance',
}

/** What a record says about an answer: how much it supports, and, if not all, what is missing. */
export interface RecordSupport {
  readonly credit: 0 | 0.5 | 1
  /** Plain words, e.g. "12 of the 93 controls are still undecided"; empty when complete. */
  readonly problems: readonly string[]
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)
/** "3 of the 12 risks", or "the only risk" when the register holds one. */
const ofRisks = (missing: number, total: number) =>
  total === 1 ? 'the only risk' : `${missing} of the ${total} risks`

function shareSupport(done: number, total: number, problems: string[]): RecordSupport {
  if (total === 0 || done === 0) return { credit: 0, problems }
  if (done === total && problems.length === 0) return { credit: 1, problems: [] }
  return { credit: 0.5, problems }
}

const EMPTY_REGISTER = 'the risk register of this assessment is empty'

/** What the register lacks for a performed risk assessment: risks, rated on the criteria's scale. */
function assessmentProblems(records: RecordSummary): string[] {
  const { risks } = records
  if (risks.risks === 0) return [EMPTY_REGISTER]
  if (risks.rated < risks.risks) {
    return [
      `${ofRisks(risks.risks - risks.rated, risks.risks)} ${plural(risks.risks - risks.rated, 'is', 'are')} rated outside the scale of the risk criteria`,
    ]
  }
  return []
}

function riskProblems(
  records: RecordSummary,
  parts: readonly ('owners' | 'treatments' | 'acceptance')[],
) {
  const { risks } = records
  const problems: string[] = []
  if (risks.risks === 0) return [EMPTY_REGISTER]
  if (parts.includes('owners') && risks.owned < risks.risks) {
    const missing = risks.risks - risks.owned
    problems.push(`${ofRisks(missing, risks.risks)} ${plural(missing, 'has', 'have')} no owner`)
  }
  if (parts.includes('treatments') && risks.treated < risks.risks) {
    const above = risks.untreatedAboveThreshold
    problems.push(
      `${ofRisks(risks.risks - risks.treated, risks.risks)} ${plural(risks.risks - risks.treated, 'has', 'have')} no treatment decided (or ${plural(risks.risks - risks.treated, 'is', 'are')} to be modified with no control linked)` +
        (above > 0 ? `, ${above} of them rated above the acceptance threshold` : ''),
    )
  }
  if (parts.includes('acceptance') && risks.accepted < risks.risks) {
    problems.push(
      `the residual risk of ${ofRisks(risks.risks - risks.accepted, risks.risks)} has not been accepted by a named person with a date`,
    )
  }
  return problems
}

/** Plain words for a list of control ids: "5.15, 8.7 and 8.13". */
export function controlList(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join('')
  return `${ids.slice(0, -1).join(', ')} and ${ids.at(-1) ?? ''}`
}

function soaProblems(soa: SoaTally): string[] {
  const problems: string[] = []
  if (soa.undecided > 0) {
    problems.push(
      `${soa.undecided} of the ${soa.total} controls ${plural(soa.undecided, 'is', 'are')} still undecided`,
    )
  }
  if (soa.unjustified > 0) {
    problems.push(
      `${soa.unjustified} decided ${plural(soa.unjustified, 'control has', 'controls have')} no justification that says why`,
    )
  }
  if (soa.indefensible.length > 0) {
    problems.push(
      `${controlList(soa.indefensible)} ${plural(soa.indefensible.length, 'is', 'are')} excluded although no organization can defend excluding ${plural(soa.indefensible.length, 'it', 'them')}`,
    )
  }
  return problems
}

/** How far a record supports the answers it backs. */
export function recordSupport(
  check: RecordCheck,
  records: RecordSummary,
  soa: SoaTally,
): RecordSupport {
  const { risks } = records
  switch (check) {
    case 'scope-statement':
      return records.scopeRecorded
        ? { credit: 1, problems: [] }
        : {
            credit: 0,
            problems: ['no scope statement is recorded in this assessment (Overview, details)'],
          }
    case 'soa-rows': {
      const problems = soaProblems(soa)
      return shareSupport(soa.total - soa.undecided, soa.total, problems)
    }
    case 'risks-identified':
      return shareSupport(risks.rated, risks.risks, assessmentProblems(records))
    case 'risk-owners':
      return shareSupport(risks.owned, risks.risks, riskProblems(records, ['owners']))
    case 'risk-treatments':
      return shareSupport(risks.treated, risks.risks, riskProblems(records, ['treatments']))
    case 'treatment-plan':
      return shareSupport(
        Math.min(risks.owned, risks.treated),
        risks.risks,
        riskProblems(records, ['owners', 'treatments']),
      )
    case 'residual-acceptance':
      return shareSupport(risks.accepted, risks.risks, riskProblems(records, ['acceptance']))
  }
}

// Blockers.

export type BlockerKind =
  | 'scope'
  | 'policy'
  | 'risk-assessment'
  | 'treatment-plan'
  | 'soa'
  | 'objectives'
  | 'internal-audit'
  | 'management-review'
  | 'requirements-not-addressed'
  | 'missing-document'
  | 'implementation-floor'

/** Where the user goes to lift a blocker. */
export type BlockerLink =
  | { readonly to: 'clauses'; readonly clause: ClauseId }
  | { readonly to: 'documents' }
  | { readonly to: 'annex-a' }
  | { readonly to: 'risks' }
  | { readonly to: 'overview' }

export interface Blocker {
  /** Stable id, e.g. 'blocker:scope' or 'blocker:missing-document:monitoring-results'. */
  readonly id: string
  readonly kind: BlockerKind
  /** The highest band reachable while this blocker remains. */
  readonly cap: ReadinessBand
  /** The clauses it rests on, e.g. '6.1.3 e–f'. */
  readonly clauseRef: string
  /** What must be in place, e.g. "Risk treatment plan approved, residual risks accepted". */
  readonly title: string
  /** One sentence naming what is missing. */
  readonly text: string
  /** The particular gaps, in plain words (record problems first, then questions). */
  readonly reasons: readonly string[]
  /** The mandatory documents it stands for. */
  readonly documents: readonly MandatoryDocument[]
  /** The questions that must be in place (and supported by the records) to lift it. */
  readonly questionIds: readonly string[]
  /** The sub-clauses it concerns, in the order of the standard. */
  readonly clauses: readonly ClauseId[]
  /** Where to lift it: the records while they are incomplete, else the first open question. */
  readonly link: BlockerLink
}

interface BlockerRule {
  readonly kind: Exclude<BlockerKind, 'missing-document' | 'requirements-not-addressed'>
  readonly cap: ReadinessBand
  readonly clauseRef: string
  readonly title: string
  /** The sentence shown while it blocks. */
  readonly text: string
  readonly documents: readonly MandatoryDocumentKey[]
  /** Questions beyond those asking for the documents. */
  readonly questions?: readonly string[]
  /** Record problems that block by themselves, whatever the answers say. */
  readonly record?: (records: RecordSummary, soa: SoaTally) => readonly string[]
  readonly link: BlockerLink
}

/**
 * The Stage 1 showstoppers, from the furthest from Stage 1 to the nearest. Without a scope, a
 * policy or a risk assessment there is no management system to audit yet ("not ready"); without
 * an approved treatment plan, a complete SoA, objectives, an internal audit or a management
 * review the system exists but has not closed its first loop ("partly ready").
 */
export const STAGE1_BLOCKERS: readonly BlockerRule[] = [
  {
    kind: 'scope',
    cap: 'not-ready',
    clauseRef: '4.3',
    title: 'Scope of the ISMS',
    text: 'The scope of the ISMS is not settled: without it an auditor cannot tell what is being certified.',
    documents: ['isms-scope'],
    record: (r) => (r.scopeRecorded ? [] : ['no scope statement is recorded in this assessment']),
    link: { to: 'overview' },
  },
  {
    kind: 'policy',
    cap: 'not-ready',
    clauseRef: '5.2',
    title: 'Information security policy',
    text: 'There is no approved information security policy yet: the first document an auditor opens.',
    documents: ['is-policy'],
    link: { to: 'clauses', clause: '5.2' },
  },
  {
    kind: 'risk-assessment',
    cap: 'not-ready',
    clauseRef: '6.1.2, 8.2',
    title: 'Risk assessment performed',
    text: 'No risk assessment has been performed and recorded: the SoA and the treatment plan have nothing to rest on.',
    documents: ['risk-assessment-process', 'risk-assessment-results'],
    record: assessmentProblems,
    link: { to: 'risks' },
  },
  {
    kind: 'treatment-plan',
    cap: 'partly-ready',
    clauseRef: '6.1.3 e–f',
    title: 'Risk treatment plan approved, residual risks accepted',
    text: 'The risk treatment plan is not approved by the risk owners, or residual risks are not accepted.',
    documents: ['risk-treatment-process'],
    questions: ['q-6.1.3-plan-approval', 'q-6.1.3-residual-acceptance'],
    record: (r) => riskProblems(r, ['owners', 'treatments', 'acceptance']),
    link: { to: 'risks' },
  },
  {
    kind: 'soa',
    cap: 'partly-ready',
    clauseRef: '6.1.3 d',
    title: 'Complete Statement of Applicability',
    text: 'The Statement of Applicability is not complete: every control needs a decision and a justification an auditor can accept.',
    documents: ['soa'],
    record: (_, soa) => soaProblems(soa),
    link: { to: 'annex-a' },
  },
  {
    kind: 'objectives',
    cap: 'partly-ready',
    clauseRef: '6.2',
    title: 'Information security objectives',
    text: 'There are no documented information security objectives to measure the ISMS against.',
    documents: ['is-objectives'],
    link: { to: 'clauses', clause: '6.2' },
  },
  {
    kind: 'internal-audit',
    cap: 'partly-ready',
    clauseRef: '9.2',
    title: 'Internal audit held',
    text: 'No internal audit has been held yet, with its programme and results recorded.',
    documents: ['audit-programme-and-results'],
    link: { to: 'clauses', clause: '9.2.2' },
  },
  {
    kind: 'management-review',
    cap: 'partly-ready',
    clauseRef: '9.3',
    title: 'Management review held',
    text: 'No management review has been held yet, with its results recorded.',
    documents: ['management-review-results'],
    link: { to: 'clauses', clause: '9.3.3' },
  },
]

/** The cap of every other mandatory document: a paper gap, days from Stage 1. */
export const OTHER_DOCUMENT_CAP: ReadinessBand = 'nearly-ready'
/** The cap while a requirement of clauses 4–10 has not been addressed at all. */
export const NOT_ADDRESSED_CAP: ReadinessBand = 'partly-ready'
/** The cap while only supporting sub-clauses (SECTION_TIERS) are not addressed at all. */
export const NOT_ADDRESSED_SUPPORTING_CAP: ReadinessBand = 'nearly-ready'
/** The cap while the implementation floor is not met. */
export const IMPLEMENTATION_FLOOR_CAP: ReadinessBand = 'nearly-ready'

const NAMED_DOCUMENTS = new Set<MandatoryDocumentKey>(STAGE1_BLOCKERS.flatMap((r) => r.documents))
/** The mandatory documents without a named blocker of their own. */
export const OTHER_DOCUMENTS: readonly MandatoryDocument[] = MANDATORY_DOCUMENTS.filter(
  (d) => !NAMED_DOCUMENTS.has(d.key),
)

// The score.

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
  /** Weighted question credit after the records' say, 0 to 1 (a clause: weighted over its sub-clauses). */
  readonly conformance: number
}

export interface SectionProgress extends ClauseProgress {
  readonly clause: ClauseId
  readonly chapter: ClauseChapter
  readonly title: string
  readonly weight: number
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

export interface BandCap {
  /** The highest band reachable while the blockers remain. */
  readonly band: ReadinessBand
  /** Plain words, e.g. for a line next to the band. */
  readonly text: string
}

export type FindingKind =
  'contradiction' | 'document-contradiction' | 'document-review-overdue' | 'indefensible-exclusion'

/** An answer that claims more than the records show: what it said. */
export interface ContradictedAnswer {
  readonly questionId: string
  readonly clause: ClauseId
  /** What the answer says ('in-place' or 'partly'). */
  readonly declared: AnswerState
}

/**
 * Where answers and the app's records disagree (one finding per record, naming every answer it
 * contradicts; one per mandatory document the register and the answers disagree on), a
 * mandatory document whose review is overdue, or a decision that cannot stand.
 */
export interface RecordFinding {
  /**
   * 'contradiction:soa-rows', 'document-contradiction:is-policy',
   * 'document-review-overdue:is-policy' or 'indefensible-exclusion:5.15'.
   */
  readonly id: string
  readonly kind: FindingKind
  /** For a contradiction, the answers the record contradicts, in content order; else empty. */
  readonly answers: readonly ContradictedAnswer[]
  /** The first clause (for a contradiction or a document), or the control id. */
  readonly reference: ClauseId | ControlId
  /** For a document's finding, its register row (null when it has none); else absent. */
  readonly entryId?: string | null
  /** What the contradicted answers count as after the records' say; null otherwise. */
  readonly counted: AnswerState | null
  readonly text: string
}

/** The implementation floor "Ready for Stage 1" needs. */
export interface ImplementationFloor {
  readonly met: boolean
  /** Controls counted (applicable, undecided, excluded without a defensible justification). */
  readonly controls: number
  readonly atLeastPartly: number
  /** atLeastPartly ÷ controls (0 when there are none). */
  readonly share: number
  /** Controls that treat a risk above the acceptance threshold and are not at least partly implemented. */
  readonly significantNotImplemented: readonly ControlId[]
}

export interface Readiness {
  /** The score shown: `exact` rounded to a whole number. */
  readonly score: number
  /** The unrounded score, the sum of the four contributions. */
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
  /** Most severe cap first, then in the order of STAGE1_BLOCKERS and the standard. */
  readonly blockers: readonly Blocker[]
  /** Answers the records contradict, then exclusions no organization can defend. */
  readonly findings: readonly RecordFinding[]
  readonly floor: ImplementationFloor
  /** In the order of the standard. */
  readonly sections: readonly SectionProgress[]
  readonly chapters: readonly ChapterProgress[]
  readonly controls: ControlCounts
}

/**
 * What the verdict is computed from, already reduced: the declared state of every question (in
 * the order of QUESTIONS) and the record summary. "What raises my score most" changes one entry
 * and evaluates again, so the prediction is the verdict itself.
 */
export interface VerdictBasis {
  readonly declared: readonly AnswerState[]
  readonly records: RecordSummary
}

export function verdictBasis(index: AssessmentIndex): VerdictBasis {
  return {
    declared: QUESTIONS.map((q) => answerStateOf(index.answers.get(q.id))),
    records: summarizeRecords(index),
  }
}

/** The heart of the verdict: score, parts, band and blockers of a basis. */
export interface Verdict {
  readonly exact: number
  readonly score: number
  readonly parts: Readonly<Record<ScorePartKey, ScorePart>>
  readonly uncappedBand: ReadinessBand
  readonly band: ReadinessBand
  readonly cap: BandCap | null
  readonly blockers: readonly Blocker[]
  readonly floor: ImplementationFloor
  /** Per question (QUESTIONS order): the credit it earns after the records' say. */
  readonly credits: readonly number[]
  /** Per sub-clause (CLAUSE_SECTIONS order): weighted conformance, 0 to 1. */
  readonly sectionConformance: readonly number[]
  readonly soa: SoaTally
}

const SECTION_INDEX = new Map<ClauseId, number>(CLAUSE_SECTIONS.map((s, i) => [s.id, i]))
const QUESTION_SECTION: readonly number[] = QUESTIONS.map((q) => SECTION_INDEX.get(q.clause) ?? 0)
const QUESTION_WEIGHT_LIST: readonly number[] = QUESTIONS.map(questionWeight)
const QUESTION_CHECK: readonly (RecordCheck | null)[] = QUESTIONS.map(
  (q) => RECORD_BACKED_QUESTIONS[q.id] ?? null,
)
const SECTION_WEIGHT_LIST: readonly number[] = CLAUSE_SECTIONS.map((s) => sectionWeight(s.id))
const SECTION_QUESTION_WEIGHT: readonly number[] = CLAUSE_SECTIONS.map((_, i) =>
  QUESTIONS.reduce((sum, q, qi) => (QUESTION_SECTION[qi] === i ? sum + questionWeight(q) : sum), 0),
)
const TOTAL_SECTION_WEIGHT = SECTION_WEIGHT_LIST.reduce((a, b) => a + b, 0)
const QUESTION_POSITION = new Map<string, number>(QUESTIONS.map((q, i) => [q.id, i]))

const DOCUMENT_QUESTIONS = new Map<MandatoryDocumentKey, Question[]>()
for (const question of QUESTIONS) {
  for (const key of question.documents) {
    const list = DOCUMENT_QUESTIONS.get(key) ?? []
    list.push(question)
    DOCUMENT_QUESTIONS.set(key, list)
  }
}

const DOCUMENT_POSITION = new Map<MandatoryDocumentKey, number>(
  MANDATORY_DOCUMENTS.map((d, i) => [d.key, i]),
)
/** Per question (QUESTIONS order): the positions in MANDATORY_DOCUMENTS of the documents it asks for. */
const QUESTION_DOCUMENTS: readonly (readonly number[])[] = QUESTIONS.map((q) =>
  q.documents.map((key) => DOCUMENT_POSITION.get(key) ?? -1).filter((i) => i >= 0),
)

/** The credit the register allows a question: the least of its documents', 1 without a register. */
function documentCredit(records: RecordSummary, questionIndex: number): number {
  const documents = records.documents
  if (!documents) return 1
  let credit = 1
  for (const d of QUESTION_DOCUMENTS[questionIndex] ?? []) {
    credit = Math.min(credit, documents[d]?.credit ?? 0)
  }
  return credit
}

/** What the register lacks for the given documents, sentence-cased (empty without a register). */
function registerProblems(
  records: RecordSummary,
  documents: readonly MandatoryDocument[],
): string[] {
  if (!records.documents) return []
  return documents.flatMap((doc) => {
    const standing = records.documents?.[DOCUMENT_POSITION.get(doc.key) ?? -1]
    return standing ? documentProblems(doc, standing) : []
  })
}

/**
 * How far the app's records support one question's answer: the record that checks it
 * (RECORD_BACKED_QUESTIONS) and the register's rows of the documents it asks for, the least of
 * their credits and all their problems; null when no record bears on the question.
 */
export function questionSupport(
  question: Question,
  records: RecordSummary,
  soa: SoaTally,
): RecordSupport | null {
  const check = RECORD_BACKED_QUESTIONS[question.id]
  const position = questionPosition(question.id)
  const fromRecord = check ? recordSupport(check, records, soa) : null
  const documents = records.documents && question.documents.length > 0
  if (!documents) return fromRecord
  const credit = documentCredit(records, position) as RecordSupport['credit']
  const problems = registerProblems(records, question.documents.map(mandatoryDocument))
  if (!fromRecord) return { credit, problems }
  return {
    credit: Math.min(credit, fromRecord.credit) as RecordSupport['credit'],
    problems: [...fromRecord.problems, ...problems],
  }
}

/** The questions that ask for a mandatory document, in content order. */
export function questionsForDocument(key: MandatoryDocumentKey): readonly Question[] {
  return DOCUMENT_QUESTIONS.get(key) ?? []
}

/** Index of a question in QUESTIONS (the position in VerdictBasis.declared), or -1. */
export function questionPosition(questionId: string): number {
  return QUESTION_POSITION.get(questionId) ?? -1
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole)

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

/** The lower of two bands. */
const lowerBand = (a: ReadinessBand, b: ReadinessBand) => (bandRank(a) <= bandRank(b) ? a : b)

/**
 * A mandatory document named with its clause, e.g. "Scope of the ISMS (4.3)" or "Statement of
 * Applicability (6.1.3 d)" (the closing parenthesis of "d)" doubles as the bracket's).
 */
export function documentName(document: MandatoryDocument): string {
  return `${document.title} (${document.clauseRef.replace(/\)$/, '')})`
}

const STATE_WORDS: Record<AnswerState, string> = {
  'in-place': 'in place',
  partly: 'partly in place',
  'not-started': 'not started',
  'dont-know': 'marked "don\'t know"',
  unanswered: 'not answered',
}

function questionReason(question: Question, declared: AnswerState, credit: number): string {
  const said = STATE_WORDS[declared]
  if (ANSWER_CREDIT[declared] > credit) {
    const check = RECORD_BACKED_QUESTIONS[question.id]
    if (check) return `${question.clause}: answered ${said}, but the records do not support it`
    if (question.documents.length > 0) {
      return `${question.clause}: answered ${said}, but the register of documents does not support it`
    }
  }
  return `${question.clause}: a question is ${said}`
}

interface BlockerHead {
  readonly id?: string
  readonly kind: BlockerKind
  readonly cap: ReadinessBand
  readonly clauseRef: string
  readonly title: string
  readonly text: string
  readonly link: BlockerLink
}

/** The questions a blocker waits for, worked out once: positions in QUESTIONS, ids, sub-clauses. */
interface BlockerQuestions {
  readonly positions: readonly number[]
  readonly questionIds: readonly string[]
  readonly clauses: readonly ClauseId[]
}

function blockerQuestions(questions: readonly Question[]): BlockerQuestions {
  return {
    positions: questions.map((q) => questionPosition(q.id)),
    questionIds: questions.map((q) => q.id),
    clauses: [...new Set(questions.map((q) => q.clause))],
  }
}

function blockerOf(
  rule: BlockerHead,
  documents: readonly MandatoryDocument[],
  waitsFor: BlockerQuestions,
  ownRecordProblems: readonly string[],
  basis: VerdictBasis,
  credits: readonly number[],
  detailed: boolean,
): Blocker | null {
  const open = waitsFor.positions.filter((i) => credits[i] !== 1)
  // The register is the record of the documents: a document it does not show approved keeps
  // the blocker whatever the answers say.
  const documentGaps = registerProblems(basis.records, documents)
  const recordProblems = [...ownRecordProblems, ...documentGaps]
  if (open.length === 0 && recordProblems.length === 0) return null
  const reasons = !detailed
    ? []
    : [
        ...recordProblems.map((p) => p.charAt(0).toUpperCase() + p.slice(1) + '.'),
        ...open.map((i) => {
          const q = QUESTIONS[i]
          if (!q) return ''
          return `${questionReason(q, basis.declared[i] ?? 'unanswered', credits[i] ?? 0)}: “${q.text}”`
        }),
      ]
  // Send the user where the gap is: to the records while they are incomplete; else to the first
  // question whose answer is short of "In place" (answering comes before recording), then to the
  // register of documents when it is what holds the answers back, else to the first open question.
  const firstOpen = open[0] === undefined ? undefined : QUESTIONS[open[0]]
  const firstShort = open.find((i) => ANSWER_CREDIT[basis.declared[i] ?? 'unanswered'] < 1)
  const firstShortQuestion = firstShort === undefined ? undefined : QUESTIONS[firstShort]
  const link: BlockerLink =
    ownRecordProblems.length > 0
      ? rule.link
      : firstShortQuestion
        ? { to: 'clauses', clause: firstShortQuestion.clause }
        : documentGaps.length > 0
          ? { to: 'documents' }
          : firstOpen
            ? { to: 'clauses', clause: firstOpen.clause }
            : rule.link
  return {
    id: rule.id ?? `blocker:${rule.kind}`,
    kind: rule.kind,
    cap: rule.cap,
    clauseRef: rule.clauseRef,
    title: rule.title,
    text: rule.text,
    reasons,
    documents,
    questionIds: waitsFor.questionIds,
    clauses: waitsFor.clauses,
    link,
  }
}

/** Each rule with its documents and the questions that must be in place, worked out once. */
const RULES = STAGE1_BLOCKERS.map((rule) => {
  const questionIds = new Set([
    ...rule.documents.flatMap((key) => questionsForDocument(key).map((q) => q.id)),
    ...(rule.questions ?? []),
  ])
  return {
    rule,
    documents: rule.documents.map(mandatoryDocument),
    waitsFor: blockerQuestions(QUESTIONS.filter((q) => questionIds.has(q.id))),
  }
})

/** The other mandatory documents, each with the questions asking for it, worked out once. */
const DOCUMENT_RULES = OTHER_DOCUMENTS.map((document) => ({
  head: {
    id: `blocker:missing-document:${document.key}`,
    kind: 'missing-document',
    cap: OTHER_DOCUMENT_CAP,
    clauseRef: document.clauseRef.replace(/\)$/, ''),
    title: document.title,
    text: `Mandatory documented information missing: ${documentName(document)}.`,
    link: { to: 'clauses', clause: document.clause },
  } satisfies BlockerHead,
  documents: [document],
  waitsFor: blockerQuestions(questionsForDocument(document.key)),
}))

/** The questions a named blocker or a mandatory document blocker depends on. */
export const BLOCKER_QUESTION_IDS: ReadonlySet<string> = new Set([
  ...RULES.flatMap((r) => r.waitsFor.questionIds),
  ...DOCUMENT_RULES.flatMap((r) => r.waitsFor.questionIds),
])

function findBlockers(
  basis: VerdictBasis,
  credits: readonly number[],
  sectionConformance: readonly number[],
  soa: SoaTally,
  floor: ImplementationFloor,
  detailed: boolean,
): Blocker[] {
  const blockers: Blocker[] = []
  for (const { rule, documents, waitsFor } of RULES) {
    const problems = rule.record?.(basis.records, soa) ?? []
    const blocker = blockerOf(rule, documents, waitsFor, problems, basis, credits, detailed)
    if (blocker) blockers.push(blocker)
  }

  const notAddressed = CLAUSE_SECTIONS.filter((_, i) => (sectionConformance[i] ?? 0) === 0)
  if (notAddressed.length > 0) {
    const onlySupporting = notAddressed.every((s) => SECTION_TIERS[s.id] === 'supporting')
    const ids = notAddressed.map((s) => s.id)
    blockers.push({
      id: 'blocker:requirements-not-addressed',
      kind: 'requirements-not-addressed',
      cap: onlySupporting ? NOT_ADDRESSED_SUPPORTING_CAP : NOT_ADDRESSED_CAP,
      clauseRef: ids.join(', '),
      title: 'Every requirement of clauses 4 to 10 addressed',
      text: `Nothing is in place yet for ${plural(ids.length, 'sub-clause', 'sub-clauses')} ${controlList(ids)}: clauses 4 to 10 cannot be excluded, and an auditor finds a requirement with nothing in place a nonconformity.`,
      reasons: detailed
        ? notAddressed.map((s) => `${s.id} (${s.title}): nothing answered "Partly" or "In place".`)
        : [],
      documents: [],
      questionIds: detailed ? QUESTIONS.filter((q) => ids.includes(q.clause)).map((q) => q.id) : [],
      clauses: ids,
      link: { to: 'clauses', clause: ids[0] ?? '4.1' },
    })
  }

  for (const { head, documents, waitsFor } of DOCUMENT_RULES) {
    const blocker = blockerOf(head, documents, waitsFor, [], basis, credits, detailed)
    if (blocker) blockers.push(blocker)
  }

  if (!floor.met) {
    const reasons: string[] = []
    if (detailed && floor.share < IMPLEMENTATION_FLOOR) {
      reasons.push(
        `${floor.atLeastPartly} of the ${floor.controls} controls that apply (or are not yet decided) are implemented or partly implemented: ${Math.floor(floor.share * 100)}%, where Ready needs ${IMPLEMENTATION_FLOOR * 100}%.`,
      )
    }
    if (detailed && floor.significantNotImplemented.length > 0) {
      reasons.push(
        `${plural(floor.significantNotImplemented.length, 'Control', 'Controls')} ${controlList(floor.significantNotImplemented)} ${plural(floor.significantNotImplemented.length, 'treats', 'treat')} risks rated above the acceptance threshold and ${plural(floor.significantNotImplemented.length, 'is', 'are')} not yet even partly implemented.`,
      )
    }
    blockers.push({
      id: 'blocker:implementation-floor',
      kind: 'implementation-floor',
      cap: IMPLEMENTATION_FLOOR_CAP,
      clauseRef: '8.1, 6.1.3',
      title: 'Controls that matter running',
      text: 'Too few of the chosen controls are running yet for an auditor to expect the ISMS to pass Stage 2.',
      reasons,
      documents: [],
      questionIds: [],
      clauses: [],
      link: { to: 'annex-a' },
    })
  }

  return blockers
    .map((blocker, order) => ({ blocker, order }))
    .sort((a, b) => bandRank(a.blocker.cap) - bandRank(b.blocker.cap) || a.order - b.order)
    .map((r) => r.blocker)
}

/**
 * The blockers holding the band down that only the records can lift (the risk register, the
 * SoA, the scope statement): no answer does, so "what raises my score most" cannot rank them and
 * shows them first instead.
 */
export function recordBlockers(blockers: readonly Blocker[]): Blocker[] {
  const band = lowestCap(blockers)
  return blockers.filter((b) => b.cap === band && b.link.to !== 'clauses')
}

/** The lowest cap among the blockers, or null when there are none. */
function lowestCap(blockers: readonly Blocker[]): ReadinessBand | null {
  return blockers.reduce<ReadinessBand | null>(
    (low, b) => (low === null ? b.cap : lowerBand(low, b.cap)),
    null,
  )
}

/** The cap of a list of blockers: the lowest of their caps, or null when there are none. */
export function bandCap(blockers: readonly Blocker[]): BandCap | null {
  const band = lowestCap(blockers)
  if (band === null) return null
  const binding = blockers.filter((b) => b.cap === band).map((b) => `${b.title} (${b.clauseRef})`)
  const what = binding.length === 1 ? 'this blocker remains' : 'these blockers remain'
  return {
    band,
    text: `The band cannot be higher than ${bandLabel(band)} while ${what}: ${binding.join('; ')}.`,
  }
}

/** The band shown: the band of the score, lowered to the blockers' cap if there is one. */
export function cappedBand(score: number, cap: BandCap | null): ReadinessBand {
  const band = bandForScore(score)
  return cap ? lowerBand(band, cap.band) : band
}

/**
 * Evaluates a basis. Question credits: in place 1, partly 0.5, otherwise 0, and for a question
 * the records can check (RECORD_BACKED_QUESTIONS) at most what the record supports. Clause part:
 * question credits weighted (QUESTION_WEIGHTS) within each sub-clause, sub-clauses weighted by
 * tier (core 3, standard 2, supporting 1; 9.2 and 9.3 share 3 each). Risk register part: each
 * risk's record (owner, treatment, residual rating, acceptance) a quarter each, averaged over the
 * risks; 0 for an empty register. SoA part: per control 0 undecided, 0.5 decided, 1 decided and
 * defensibly justified. Implementation part: credits of the controls that count (see
 * ControlStanding.countsForImplementation) over their number. Parts are weighted 45, 15, 15, 25.
 * With `detailed` false the blockers carry no reasons and the cap no text: enough to rank
 * what-ifs, and cheaper.
 */
export function evaluateVerdict(basis: VerdictBasis, detailed = true): Verdict {
  const { records } = basis
  const soa = tallySoa(records.controls)
  const supports = new Map<RecordCheck, RecordSupport>()
  const supportOf = (check: RecordCheck) => {
    let support = supports.get(check)
    if (!support) {
      support = recordSupport(check, records, soa)
      supports.set(check, support)
    }
    return support
  }
  const credits = basis.declared.map((state, i) => {
    const declared = Math.min(ANSWER_CREDIT[state], documentCredit(records, i))
    const check = QUESTION_CHECK[i]
    return check ? Math.min(declared, supportOf(check).credit) : declared
  })
  const sectionSums = CLAUSE_SECTIONS.map(() => 0)
  credits.forEach((credit, i) => {
    const s = QUESTION_SECTION[i] ?? 0
    sectionSums[s] = (sectionSums[s] ?? 0) + credit * (QUESTION_WEIGHT_LIST[i] ?? 1)
  })
  const sectionConformance = sectionSums.map((sum, i) =>
    ratio(sum, SECTION_QUESTION_WEIGHT[i] ?? 0),
  )
  const clauseFraction = ratio(
    sectionConformance.reduce((sum, c, i) => sum + c * (SECTION_WEIGHT_LIST[i] ?? 0), 0),
    TOTAL_SECTION_WEIGHT,
  )
  const { risks } = records
  const riskFraction = ratio(
    (risks.owned + risks.treated + risks.residualRated + risks.accepted) / 4,
    risks.risks,
  )
  const fractions: Record<ScorePartKey, number> = {
    clauseConformance: clauseFraction,
    riskRegister: riskFraction,
    soaCompleteness: ratio(soa.soaCredits, soa.total),
    annexAImplementation: ratio(soa.implementationCredits, soa.implementationCount),
  }
  const part = (key: ScorePartKey): ScorePart => ({
    key,
    label: SCORE_PART_LABELS[key],
    weight: SCORE_WEIGHTS[key],
    fraction: fractions[key],
    contribution: SCORE_WEIGHTS[key] * fractions[key],
  })
  const parts = {
    clauseConformance: part('clauseConformance'),
    riskRegister: part('riskRegister'),
    soaCompleteness: part('soaCompleteness'),
    annexAImplementation: part('annexAImplementation'),
  }
  const exact = SCORE_PART_KEYS.reduce((sum, key) => sum + parts[key].contribution, 0)
  const score = roundScore(exact)
  const share = ratio(soa.atLeastPartly, soa.implementationCount)
  const floor: ImplementationFloor = {
    met: share >= IMPLEMENTATION_FLOOR && soa.significantNotImplemented.length === 0,
    controls: soa.implementationCount,
    atLeastPartly: soa.atLeastPartly,
    share,
    significantNotImplemented: soa.significantNotImplemented,
  }
  const blockers = findBlockers(basis, credits, sectionConformance, soa, floor, detailed)
  const lowest = lowestCap(blockers)
  const cap = detailed ? bandCap(blockers) : lowest === null ? null : { band: lowest, text: '' }
  return {
    exact,
    score,
    parts,
    uncappedBand: bandForScore(score),
    band: cappedBand(score, cap),
    cap,
    blockers,
    floor,
    credits,
    sectionConformance,
    soa,
  }
}

const creditState = (credit: number): AnswerState =>
  credit === 1 ? 'in-place' : credit === 0.5 ? 'partly' : 'not-started'

/** "4.3", "6.1.2 (2 questions) and 8.2": where the contradicted answers are. */
function whereAnswers(answers: readonly ContradictedAnswer[]): string {
  const counts = new Map<ClauseId, number>()
  for (const a of answers) counts.set(a.clause, (counts.get(a.clause) ?? 0) + 1)
  return controlList(
    [...counts].map(([clause, n]) => (n === 1 ? clause : `${clause} (${n} questions)`)),
  )
}

function findFindings(basis: VerdictBasis, verdict: Verdict): RecordFinding[] {
  const findings: RecordFinding[] = []
  const byCheck = new Map<RecordCheck, ContradictedAnswer[]>()
  QUESTIONS.forEach((question, i) => {
    const check = QUESTION_CHECK[i]
    const declared = basis.declared[i] ?? 'unanswered'
    if (!check || ANSWER_CREDIT[declared] <= (verdict.credits[i] ?? 0)) return
    // Lowered by the register alone: that is the document's finding, below.
    if (ANSWER_CREDIT[declared] <= recordSupport(check, basis.records, verdict.soa).credit) return
    const list = byCheck.get(check) ?? []
    list.push({ questionId: question.id, clause: question.clause, declared })
    byCheck.set(check, list)
  })
  for (const [check, answers] of byCheck) {
    const support = recordSupport(check, basis.records, verdict.soa)
    const counted = creditState(support.credit)
    const states = new Set(answers.map((a) => a.declared))
    const one = answers.length === 1
    const said =
      states.size === 1
        ? `${one ? 'says' : 'say'} ${STATE_WORDS[answers[0]?.declared ?? 'in-place']}`
        : 'claim more than the records show'
    findings.push({
      id: `contradiction:${check}`,
      kind: 'contradiction',
      answers,
      reference: answers[0]?.clause ?? '4.1',
      counted,
      text: `${one ? 'The answer to' : 'The answers to'} ${whereAnswers(answers)} ${said}, but ${controlList(support.problems)}. The records decide: ${one ? 'it counts' : 'they count'} as ${counted === 'not-started' ? 'not in place' : STATE_WORDS[counted]} until the two agree.`,
    })
  }
  findings.push(...documentFindings(basis))
  for (const id of verdict.soa.indefensible) {
    const control = controlById(id)
    findings.push({
      id: `indefensible-exclusion:${id}`,
      kind: 'indefensible-exclusion',
      answers: [],
      reference: id,
      counted: null,
      text: `Control ${id} ${control?.title ?? ''} is excluded, but no organization can defend excluding it: ${nonExcludableReason(id) ?? ''}`,
    })
  }
  return findings
}

/**
 * Where the register and the answers disagree about a mandatory document: the answers asking
 * for it claim more than the register shows (one finding per document, naming its answers), and
 * documents whose review is overdue. The register decides.
 */
function documentFindings(basis: VerdictBasis): RecordFinding[] {
  const standings = basis.records.documents
  if (!standings) return []
  const findings: RecordFinding[] = []
  MANDATORY_DOCUMENTS.forEach((document, d) => {
    const standing = standings[d]
    if (!standing) return
    const answers: ContradictedAnswer[] = []
    for (const question of questionsForDocument(document.key)) {
      const declared = basis.declared[questionPosition(question.id)] ?? 'unanswered'
      if (ANSWER_CREDIT[declared] > standing.credit) {
        answers.push({ questionId: question.id, clause: question.clause, declared })
      }
    }
    const problems = documentProblems(document, standing)
    if (answers.length > 0) {
      const counted = creditState(standing.credit)
      const one = answers.length === 1
      const states = new Set(answers.map((a) => a.declared))
      const said =
        states.size === 1
          ? `${one ? 'says' : 'say'} ${STATE_WORDS[answers[0]?.declared ?? 'in-place']}`
          : 'claim more than the register shows'
      findings.push({
        id: `document-contradiction:${document.key}`,
        kind: 'document-contradiction',
        answers,
        reference: answers[0]?.clause ?? document.clause,
        entryId: standing.entryId,
        counted,
        text: `${one ? 'The answer to' : 'The answers to'} ${whereAnswers(answers)} ${said}, but ${controlList(problems)}. The register decides: ${one ? 'it counts' : 'they count'} as ${counted === 'not-started' ? 'not in place' : STATE_WORDS[counted]} until the two agree.`,
      })
    } else if (standing.reviewOverdue) {
      findings.push({
        id: `document-review-overdue:${document.key}`,
        kind: 'document-review-overdue',
        answers: [],
        reference: document.clause,
        entryId: standing.entryId,
        counted: null,
        text: `${documentName(document)}: its review was due on ${standing.nextReviewOn}. An auditor reads an overdue review as a document nobody keeps current: review it, or record the new date.`,
      })
    }
  })
  return findings
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

function clauseProgress(index: AssessmentIndex, verdict: Verdict) {
  const counts = CLAUSE_SECTIONS.map(() => ({ questions: 0, answered: 0, inPlace: 0 }))
  QUESTIONS.forEach((question, i) => {
    const c = counts[QUESTION_SECTION[i] ?? 0]
    if (!c) return
    const answer = index.answers.get(question.id)
    c.questions++
    if (isAnswered(answer)) c.answered++
    if (verdict.credits[i] === 1) c.inPlace++
  })
  const sections: SectionProgress[] = CLAUSE_SECTIONS.map((section, i) => {
    const c = counts[i] ?? { questions: 0, answered: 0, inPlace: 0 }
    return {
      clause: section.id,
      chapter: section.chapter,
      title: section.title,
      weight: SECTION_WEIGHT_LIST[i] ?? 0,
      ...progressOf(c.questions, c.answered, c.inPlace, verdict.sectionConformance[i] ?? 0),
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
          sum((s) => s.conformance * s.weight),
          sum((s) => s.weight),
        ),
      ),
    }
  })
  return { sections, chapters }
}

function controlCounts(basis: VerdictBasis): ControlCounts {
  const controls = basis.records.controls
  const count = (f: (c: (typeof controls)[number]) => boolean) => controls.filter(f).length
  return {
    total: ANNEX_A_CONTROLS.length,
    undecided: count((c) => c.applicability === 'undecided'),
    applicable: count((c) => c.applicability === 'applicable'),
    excluded: count((c) => c.applicability === 'excluded'),
    justified: count((c) => c.justified),
    implemented: count((c) => c.applicability === 'applicable' && c.implementationCredit === 1),
  }
}

/**
 * The Stage 1 readiness verdict of an assessment: score, band, blockers and findings (see
 * evaluateVerdict for the score). The band follows the rounded score (below 40, 40–69, 70–84,
 * 85 and up) and is lowered to the lowest cap of the blockers: "not ready" without a scope, a
 * policy or a performed risk assessment; "partly ready" without an approved treatment plan with
 * accepted residual risks, a complete SoA, objectives, an internal audit held, a management
 * review held, or while a sub-clause has nothing in place; "nearly ready" while another
 * mandatory document is missing or the implementation floor is not met. Improving any single
 * record (see the property tests for the exact list) never lowers the score or the band.
 */
export function computeReadiness(input: AssessmentInput): Readiness {
  const index = indexAssessment(input)
  const basis = verdictBasis(index)
  return readinessOf(index, basis)
}

/** The full readiness of an indexed assessment and its basis. */
export function readinessOf(index: AssessmentIndex, basis: VerdictBasis): Readiness {
  const verdict = evaluateVerdict(basis)
  return {
    score: verdict.score,
    exact: verdict.exact,
    parts: verdict.parts,
    band: verdict.band,
    bandLabel: bandLabel(verdict.band),
    uncappedBand: verdict.uncappedBand,
    cap: verdict.cap,
    capped: verdict.band !== verdict.uncappedBand,
    blockers: verdict.blockers,
    findings: findFindings(basis, verdict),
    floor: verdict.floor,
    ...clauseProgress(index, verdict),
    controls: controlCounts(basis),
  }
}

/**
 * "What raises my score most": the single changes a user can make, each with the exact score,
 * band and lifted blockers it would bring, ranked so that lifting the most serious blocker comes
 * first. Every prediction is the verdict itself, evaluated on the changed records.
 */
import { ANNEX_A_CONTROLS, QUESTIONS, clauseSection } from '@/content'
import type { AnnexAControl, ClauseId, ControlId, MandatoryDocumentKey } from '@/content'
import { indexAssessment, risksOf, type AssessmentIndex, type AssessmentInput } from './assessment'
import { emptyDecision } from './controlDecision'
import type { ControlDecision, JustificationReason, Risk, TreatmentOption } from './model'
import {
  BLOCKER_QUESTION_IDS,
  RECORD_BACKED_QUESTIONS,
  questionWeight,
  bandRank,
  evaluateVerdict,
  verdictBasis,
  type Blocker,
  type ReadinessBand,
  type VerdictBasis,
} from './readiness'
import {
  addToTally,
  controlStanding,
  isAboveThreshold,
  riskStanding,
  type ControlStanding,
  type RecordSummary,
  type RiskStanding,
} from './records'

export type ImprovementKind =
  | 'question-in-place'
  | 'scope-statement'
  | 'control-decide'
  | 'control-implemented'
  | 'control-justify'
  | 'control-reconsider-exclusion'
  | 'risk-owner'
  | 'risk-treatment'
  | 'risk-residual'
  | 'risk-acceptance'

/**
 * The change an improvement stands for, precisely enough to apply it: the prediction is the
 * verdict of the records with exactly this change.
 */
export type ImprovementChange =
  | { readonly kind: 'answer'; readonly questionId: string; readonly status: 'in-place' }
  | { readonly kind: 'scope-statement' }
  | {
      readonly kind: 'decision'
      readonly controlId: ControlId
      /** Set the applicability (with `addReason`, it is then justified). */
      readonly applicability?: 'applicable'
      readonly addReason?: JustificationReason
      /** Write a justification that says why (at least a short sentence). */
      readonly writeJustification?: boolean
      readonly implementationStatus?: 'implemented'
    }
  | {
      readonly kind: 'risk'
      readonly riskId: string
      readonly nameOwner?: boolean
      readonly treatment?: TreatmentOption
      readonly rateResidual?: boolean
      readonly recordAcceptance?: boolean
    }

export interface Improvement {
  /** Stable, e.g. 'question-in-place:q-4.3-documented' or 'risk-owner:r-1'. */
  readonly id: string
  readonly kind: ImprovementKind
  /** The clause id, control id or risk id. */
  readonly reference: ClauseId | ControlId | string
  /** The question's id for a question, null otherwise. */
  readonly questionId: string | null
  /** The risk's id for a risk, null otherwise. */
  readonly riskId: string | null
  /** What to do, in plain words. */
  readonly action: string
  /** The sub-clause, control or risk title. */
  readonly title: string
  /** The question, what the control is for, or why the risk step matters. */
  readonly text: string
  readonly change: ImprovementChange
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
  /**
   * Candidates with the same key change the verdict in the same way (same part, same credits,
   * no blocker of their own), so it is evaluated once for all of them.
   */
  readonly key: string
  readonly kind: ImprovementKind
  readonly reference: string
  readonly questionId: string | null
  readonly riskId: string | null
  readonly action: string
  readonly title: string
  readonly text: string
  readonly change: ImprovementChange
  /** The basis with the change made; built only when no candidate with the same key was. */
  readonly basis: () => VerdictBasis
}

const riskName = (risk: Risk) => `"${risk.title.trim() || 'Untitled risk'}"`

function questionCandidates(basis: VerdictBasis): Candidate[] {
  const candidates: Candidate[] = []
  QUESTIONS.forEach((question, i) => {
    const state = basis.declared[i] ?? 'unanswered'
    if (state === 'in-place') return
    const recordBacked = RECORD_BACKED_QUESTIONS[question.id] !== undefined
    // The register is the record of a mandatory document: the answer counts only once the
    // register shows the document approved, so the step is both, and is ranked as both.
    const unrecorded = documentsShortInRegister(basis, question.documents)
    const verb =
      question.documents.length > 0
        ? unrecorded.length > 0
          ? 'Put the mandatory document in place and record it, approved, in the register of documents'
          : 'Put the mandatory document in place'
        : state === 'partly'
          ? 'Finish putting this in place'
          : state === 'dont-know'
            ? 'Find out whether this is in place, and put it in place if not'
            : 'Put this in place'
    const shared =
      !recordBacked && !BLOCKER_QUESTION_IDS.has(question.id)
        ? `question|${question.clause}|${state}|${questionWeight(question)}`
        : `question|${question.id}`
    candidates.push({
      key: shared,
      kind: 'question-in-place',
      reference: question.clause,
      questionId: question.id,
      riskId: null,
      action: recordBacked ? `${verb}, with the records in this app to show it` : verb,
      title: clauseSection(question.clause).title,
      text: question.text,
      change: { kind: 'answer', questionId: question.id, status: 'in-place' },
      basis: () => ({
        ...basis,
        declared: declaredWith(basis.declared, i),
        records: withDocumentsRecorded(basis.records, unrecorded),
      }),
    })
  })
  return candidates
}

/** The documents (of `keys`) the register does not show approved and current. */
function documentsShortInRegister(
  basis: VerdictBasis,
  keys: readonly MandatoryDocumentKey[],
): MandatoryDocumentKey[] {
  const documents = basis.records.documents
  if (!documents) return []
  return keys.filter((key) => documents.find((d) => d.key === key)?.credit !== 1)
}

/** The records with the given documents recorded as approved and current in the register. */
function withDocumentsRecorded(
  records: RecordSummary,
  keys: readonly MandatoryDocumentKey[],
): RecordSummary {
  if (keys.length === 0 || !records.documents) return records
  return {
    ...records,
    documents: records.documents.map((d) =>
      keys.includes(d.key)
        ? { ...d, status: 'approved', credit: 1, approvalIncomplete: false, reviewOverdue: false }
        : d,
    ),
  }
}

function declaredWith(declared: VerdictBasis['declared'], at: number) {
  const copy = [...declared]
  copy[at] = 'in-place'
  return copy
}

function withControl(basis: VerdictBasis, at: number, standing: ControlStanding): VerdictBasis {
  const controls = [...basis.records.controls]
  controls[at] = standing
  return { ...basis, records: { ...basis.records, controls } }
}

function controlCandidates(
  control: AnnexAControl,
  at: number,
  index: AssessmentIndex,
  basis: VerdictBasis,
): Candidate[] {
  const decision = index.decisions.get(control.id)
  const standing = basis.records.controls[at]
  if (!standing) return []
  const linked = risksOf(index, control.id)
  const base = {
    reference: control.id,
    questionId: null,
    riskId: null,
    title: control.title,
    text: control.intent,
  } as const
  const name = `control ${control.id} ${control.title}`
  const candidate = (
    kind: ImprovementKind,
    action: string,
    change: Extract<ImprovementChange, { kind: 'decision' }>,
  ): Candidate => {
    const after = applyDecisionChange(decision, control.id, change)
    const afterStanding = controlStanding(control, after, linked, index.criteria)
    return {
      ...base,
      key: `control|${kind}|${signature(standing)}|${signature(afterStanding)}`,
      kind,
      action,
      change,
      basis: () => withControl(basis, at, afterStanding),
    }
  }
  if (standing.applicability === 'undecided') {
    // Scored as if decided applicable for the risk assessment, with nothing implemented yet:
    // the least the decision adds, and it needs a person's judgement either way.
    return [
      candidate('control-decide', `Decide whether ${name} applies, and record why`, {
        kind: 'decision',
        controlId: control.id,
        applicability: 'applicable',
        addReason: 'risk-assessment',
      }),
    ]
  }
  if (standing.indefensible) {
    return [
      candidate(
        'control-reconsider-exclusion',
        `Reconsider excluding ${name}: no organization can defend it`,
        {
          kind: 'decision',
          controlId: control.id,
          applicability: 'applicable',
          addReason: 'risk-assessment',
        },
      ),
    ]
  }
  const candidates: Candidate[] = []
  if (standing.applicability === 'applicable' && standing.implementationCredit < 1) {
    candidates.push(
      candidate('control-implemented', `Implement ${name}`, {
        kind: 'decision',
        controlId: control.id,
        implementationStatus: 'implemented',
      }),
    )
  }
  if (!standing.justified) {
    candidates.push(
      standing.applicability === 'applicable'
        ? candidate('control-justify', `Record why ${name} applies`, {
            kind: 'decision',
            controlId: control.id,
            addReason: 'business-need',
          })
        : candidate('control-justify', `Write down why ${name} is excluded`, {
            kind: 'decision',
            controlId: control.id,
            writeJustification: true,
          }),
    )
  }
  return candidates
}

/** The justification an applied "write a justification" improvement stands for. */
export const WRITTEN_JUSTIFICATION = 'Justification recorded by the assessment team.'

/** A decision with an improvement's change applied (a new decision when there was none). */
export function applyDecisionChange(
  decision: ControlDecision | undefined,
  controlId: ControlId,
  change: Extract<ImprovementChange, { kind: 'decision' }>,
): ControlDecision {
  const current = decision ?? emptyDecision('', controlId, '')
  const reasons =
    change.addReason && !current.reasons.includes(change.addReason)
      ? [...current.reasons, change.addReason]
      : current.reasons
  return {
    ...current,
    applicability: change.applicability ?? current.applicability,
    reasons,
    justification: change.writeJustification ? WRITTEN_JUSTIFICATION : current.justification,
    implementationStatus: change.implementationStatus ?? current.implementationStatus,
  }
}

/** A risk with an improvement's change applied; `today` is the acceptance date (yyyy-mm-dd). */
export function applyRiskChange(
  risk: Risk,
  change: Extract<ImprovementChange, { kind: 'risk' }>,
  today: string,
): Risk {
  const owner = change.nameOwner ? risk.owner.trim() || 'Risk owner' : risk.owner
  return {
    ...risk,
    owner,
    treatment: change.treatment ?? risk.treatment,
    residualLikelihood: change.rateResidual ? risk.likelihood : risk.residualLikelihood,
    residualImpact: change.rateResidual ? risk.impact : risk.residualImpact,
    acceptedBy: change.recordAcceptance ? owner.trim() || 'Risk owner' : risk.acceptedBy,
    acceptedOn: change.recordAcceptance ? today : risk.acceptedOn,
  }
}

function withRisk(
  basis: VerdictBasis,
  index: AssessmentIndex,
  before: Risk,
  after: Risk,
): VerdictBasis {
  const criteria = index.criteria
  let risks = addToTally(basis.records.risks, riskStanding(before, criteria), -1)
  risks = addToTally(risks, riskStanding(after, criteria))
  // A treatment of "modify" gives the linked controls the reason "risk assessment".
  const controls =
    before.treatment === after.treatment
      ? basis.records.controls
      : ANNEX_A_CONTROLS.map((control, i) => {
          const current = basis.records.controls[i]
          if (current && !after.controlIds.includes(control.id)) return current
          const linked = risksOf(index, control.id).map((r) => (r.id === after.id ? after : r))
          return controlStanding(control, index.decisions.get(control.id), linked, criteria)
        })
  // riskStandings stays as it was: the verdict reads the tally, never the per-risk list.
  return { ...basis, records: { ...basis.records, risks, controls } }
}

/** The first risk (oldest first) for which `pick` proposes a change, with the change. */
function firstRisk(
  risks: readonly { readonly risk: Risk; readonly standing: RiskStanding }[],
  pick: (risk: Risk, standing: RiskStanding) => Extract<ImprovementChange, { kind: 'risk' }> | null,
) {
  let found: { risk: Risk; change: Extract<ImprovementChange, { kind: 'risk' }> } | null = null
  let others = 0
  for (const { risk, standing } of risks) {
    const change = pick(risk, standing)
    if (!change) continue
    if (found) others++
    else found = { risk, change }
  }
  return found ? { ...found, others } : null
}

const andMore = (others: number, what: string) =>
  others === 0 ? '' : ` (and ${others} more ${others === 1 ? 'risk' : 'risks'} ${what})`

function riskCandidates(index: AssessmentIndex, basis: VerdictBasis, today: string): Candidate[] {
  const steps = [
    {
      kind: 'risk-owner',
      pick: (risk: Risk, s: RiskStanding) =>
        s.owned ? null : { kind: 'risk', riskId: risk.id, nameOwner: true },
      action: (risk: Risk, others: number) =>
        `Name the owner of the risk ${riskName(risk)}${andMore(others, 'without one')}`,
      text: 'A risk owner is the person with the authority to decide how the risk is treated and to accept what remains (6.1.2 c).',
    },
    {
      kind: 'risk-treatment',
      pick: (risk: Risk, s: RiskStanding) => {
        if (s.treated) return null
        if (risk.controlIds.length > 0 && risk.treatment === null) {
          return { kind: 'risk', riskId: risk.id, treatment: 'modify' }
        }
        if (!isAboveThreshold(risk, index.criteria) && risk.treatment === null) {
          return { kind: 'risk', riskId: risk.id, treatment: 'retain' }
        }
        return null
      },
      action: (risk: Risk, others: number, change: Extract<ImprovementChange, { kind: 'risk' }>) =>
        (change.treatment === 'modify'
          ? `Record the treatment of the risk ${riskName(risk)}: "modify", with the controls already linked to it`
          : `Decide to retain the risk ${riskName(risk)}: it is within your acceptance threshold`) +
        andMore(others, 'with no treatment decided'),
      text: 'Every risk needs a treatment decision: modify, avoid, share or retain (6.1.3 a).',
    },
    {
      kind: 'risk-residual',
      pick: (risk: Risk, s: RiskStanding) =>
        s.residualRated ? null : { kind: 'risk', riskId: risk.id, rateResidual: true },
      action: (risk: Risk, others: number) =>
        `Rate the residual risk of ${riskName(risk)} after treatment${andMore(others, 'without a residual rating')}`,
      text: 'The residual rating shows what remains once the treatment is in place, and what the owner is asked to accept.',
    },
    {
      kind: 'risk-acceptance',
      pick: (risk: Risk, s: RiskStanding) =>
        s.accepted ? null : { kind: 'risk', riskId: risk.id, recordAcceptance: true },
      action: (risk: Risk, others: number) =>
        `Have the owner of ${riskName(risk)} accept its residual risk, and record who and when${andMore(others, 'not yet accepted')}`,
      text: 'Risk owners approve the treatment plan and accept the residual risk (6.1.3 f); the auditor looks for a name and a date.',
    },
  ] as const
  const candidates: Candidate[] = []
  // The standings the verdict was summarized from, one per risk in the same order.
  const standings = index.risks.flatMap((risk, i) => {
    const standing = basis.records.riskStandings[i]
    return standing ? [{ risk, standing }] : []
  })
  for (const step of steps) {
    const found = firstRisk(
      standings,
      step.pick as (r: Risk, s: RiskStanding) => Extract<ImprovementChange, { kind: 'risk' }>,
    )
    if (!found) continue
    const after = applyRiskChange(found.risk, found.change, today)
    candidates.push({
      key: `risk|${step.kind}`,
      kind: step.kind,
      reference: found.risk.id,
      questionId: null,
      riskId: found.risk.id,
      action: step.action(found.risk, found.others, found.change),
      title: found.risk.title.trim() || 'Untitled risk',
      text: step.text,
      change: found.change,
      basis: () => withRisk(basis, index, found.risk, after),
    })
  }
  return candidates
}

function scopeCandidate(basis: VerdictBasis): Candidate[] {
  if (basis.records.scopeRecorded) return []
  return [
    {
      key: 'scope-statement',
      kind: 'scope-statement',
      reference: '4.3',
      questionId: null,
      riskId: null,
      action: 'Write the scope statement in the assessment details on the Overview',
      title: clauseSection('4.3').title,
      text: 'The scope says which parts of the organization, which locations and which services the ISMS covers; the Stage 1 auditor starts from it.',
      change: { kind: 'scope-statement' },
      basis: () => ({ ...basis, records: { ...basis.records, scopeRecorded: true } }),
    },
  ]
}

/**
 * A control's standing without its id. The score, the band and which blockers stand depend on
 * the controls only through counts of these fields (the ids appear only in the wording of
 * reasons and findings), so two controls with the same signature before and after a change
 * change the verdict alike.
 */
const signature = (s: ControlStanding) =>
  `${s.applicability}|${s.justified}|${s.indefensible}|${s.soaCredit}|${s.countsForImplementation}|${s.implementationCredit}|${s.atLeastPartly}|${s.treatsSignificantRisk}`

/** Gains equal up to floating-point noise rank as equal, so content order decides between them. */
const rankingGain = (gain: number) => Math.round(gain * 1e9)

/** The rank of the most serious blocker lifted (lower is more serious), or 4 when none. */
const liftRank = (blockers: readonly Blocker[]) =>
  blockers.reduce((rank, b) => Math.min(rank, bandRank(b.cap)), 4)

/**
 * The changes that would raise the readiness verdict most, best first, at most `limit` of them.
 * Candidates are single steps: put a clause question in place, write the scope statement,
 * decide, justify or implement a control, reconsider an exclusion no organization can defend,
 * and, for the oldest risk that lacks it, name its owner, record its treatment (where the
 * records make the choice plain), rate its residual risk or record its acceptance. Each
 * prediction (score, band, lifted blockers) is the verdict of the records with exactly that
 * change (see ImprovementChange). Changes that lift the most serious blocker come first, then
 * the larger gain, then the order of the standard. Steps that would change nothing are left out.
 * `today` (yyyy-mm-dd) dates an acceptance.
 */
export function rankImprovements(
  input: AssessmentInput,
  limit = 5,
  today = '1970-01-01',
): Improvement[] {
  const index = indexAssessment(input)
  return rankImprovementsOf(index, verdictBasis(index), limit, today)
}

/** rankImprovements over an already indexed assessment and its verdict basis. */
export function rankImprovementsOf(
  index: AssessmentIndex,
  basis: VerdictBasis,
  limit = 5,
  today = '1970-01-01',
): Improvement[] {
  const before = evaluateVerdict(basis)
  const candidates: Candidate[] = [
    ...questionCandidates(basis),
    ...scopeCandidate(basis),
    ...ANNEX_A_CONTROLS.flatMap((control, at) => controlCandidates(control, at, index, basis)),
    ...riskCandidates(index, basis, today),
  ]
  const ranked: { improvement: Improvement; order: number }[] = []
  const evaluated = new Map<
    string,
    { readonly after: ReturnType<typeof evaluateVerdict>; readonly removesBlockers: Blocker[] }
  >()
  candidates.forEach((candidate, order) => {
    let outcome = evaluated.get(candidate.key)
    if (!outcome) {
      const verdict = evaluateVerdict(candidate.basis(), false)
      const remaining = new Set(verdict.blockers.map((b) => b.id))
      outcome = {
        after: verdict,
        removesBlockers: before.blockers.filter((b) => !remaining.has(b.id)),
      }
      evaluated.set(candidate.key, outcome)
    }
    const { after, removesBlockers } = outcome
    const exact = after.exact - before.exact
    if (rankingGain(exact) <= 0 && removesBlockers.length === 0) return
    ranked.push({
      order,
      improvement: {
        id: `${candidate.kind}:${candidate.questionId ?? candidate.reference}`,
        kind: candidate.kind,
        reference: candidate.reference,
        questionId: candidate.questionId,
        riskId: candidate.riskId,
        action: candidate.action,
        title: candidate.title,
        text: candidate.text,
        change: candidate.change,
        gain: { exact, rounded: after.score - before.score },
        scoreAfter: after.score,
        bandAfter: after.band,
        removesBlockers,
      },
    })
  })
  return ranked
    .sort(
      (a, b) =>
        liftRank(a.improvement.removesBlockers) - liftRank(b.improvement.removesBlockers) ||
        rankingGain(b.improvement.gain.exact) - rankingGain(a.improvement.gain.exact) ||
        a.order - b.order,
    )
    .slice(0, Math.max(0, limit))
    .map((r) => r.improvement)
}

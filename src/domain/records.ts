/**
 * What the app's own records say, as opposed to what the answers declare: the SoA rows, the risk
 * register and the scope statement. The verdict (readiness.ts) lets these records decide wherever
 * the app holds them; this module reduces them to small, additive standings so the verdict and
 * "what raises my score most" can be computed from counts.
 */
import { ANNEX_A_CONTROLS, controlById, MANDATORY_DOCUMENTS, nonExcludableReason } from '@/content'
import type { AnnexAControl, ControlId, MandatoryDocument, MandatoryDocumentKey } from '@/content'
import { isCalendarDate } from './clauseAnswer'
import { isReviewOverdue, type RegisterEntry, type RegisterStatus } from './register'
import { applicabilityOf, isJustified, risksOf, type AssessmentIndex } from './assessment'
import { isSubstantiveJustification } from './justification'
import type { Applicability, ControlDecision, Risk } from './model'
import { riskLevel, type RiskCriteria } from './risk'

/** Credit of a control's SoA row. */
export const SOA_CREDIT = {
  undecided: 0,
  'decided-unjustified': 0.5,
  'decided-justified': 1,
} as const

/** Implementation credit of an applicable control. */
export const IMPLEMENTATION_CREDIT = {
  'not-implemented': 0,
  planned: 0.25,
  partly: 0.5,
  implemented: 1,
} as const

/** Where one Annex A control stands in the records. */
export interface ControlStanding {
  readonly id: ControlId
  readonly applicability: Applicability
  /**
   * Decided, justified in words that say why (or by a reason), and, for an exclusion, about a
   * control that can be excluded at all.
   */
  readonly justified: boolean
  /** Excluded although no organization can defend excluding it (NON_EXCLUDABLE_CONTROLS). */
  readonly indefensible: boolean
  /** 0 undecided, 0.5 decided but not justified (or not defensibly), 1 decided and justified. */
  readonly soaCredit: number
  /**
   * Whether the control counts in the implementation share: applicable and undecided controls
   * do, and so does an exclusion that is not justified or cannot be defended; a control excluded
   * with a real, defensible justification is left out (neutral: it neither earns nor costs).
   */
  readonly countsForImplementation: boolean
  /** IMPLEMENTATION_CREDIT of an applicable control, 0 otherwise. */
  readonly implementationCredit: number
  /** Applicable and implemented or partly implemented. */
  readonly atLeastPartly: boolean
  /**
   * Not excluded and linked to a risk rated above the acceptance threshold: a control the
   * significant risks depend on.
   */
  readonly treatsSignificantRisk: boolean
}

/** Whether a risk's level (likelihood × impact) is above the acceptance threshold. */
export function isAboveThreshold(risk: Risk, criteria: RiskCriteria): boolean {
  return riskLevel(risk.likelihood, risk.impact) > criteria.acceptanceThreshold
}

/**
 * A control's standing from its decision and the risks linked to it. An applicable control is
 * justified by a ticked reason, by a linked risk treated "modify" (6.1.3 b) or by a written
 * justification that says why; an excluded one only by such a justification, and only when the
 * control can be excluded at all. The SoA credit is 0 undecided, 0.5 decided but not (defensibly)
 * justified, 1 decided and justified.
 */
export function controlStanding(
  control: AnnexAControl,
  decision: ControlDecision | undefined,
  linkedRisks: readonly Risk[],
  criteria: RiskCriteria,
): ControlStanding {
  const applicability = applicabilityOf(decision)
  const riskReason =
    applicability !== 'excluded' && linkedRisks.some((r) => r.treatment === 'modify')
  const indefensible = applicability === 'excluded' && nonExcludableReason(control.id) !== null
  const justified =
    applicability !== 'undecided' && !indefensible && isJustified(decision, riskReason)
  const applicable = applicability === 'applicable' && decision !== undefined
  const status = applicable ? decision.implementationStatus : 'not-implemented'
  return {
    id: control.id,
    applicability,
    justified,
    indefensible,
    soaCredit:
      applicability === 'undecided'
        ? SOA_CREDIT.undecided
        : justified
          ? SOA_CREDIT['decided-justified']
          : SOA_CREDIT['decided-unjustified'],
    countsForImplementation: applicability !== 'excluded' || !justified,
    implementationCredit: applicable ? IMPLEMENTATION_CREDIT[status] : 0,
    atLeastPartly: applicable && (status === 'partly' || status === 'implemented'),
    treatsSignificantRisk:
      applicability !== 'excluded' && linkedRisks.some((r) => isAboveThreshold(r, criteria)),
  }
}

/** The part of a risk's record the verdict checks (6.1.2 c and e, 6.1.3 a, e and f). */
export interface RiskStanding {
  /** Likelihood and impact are whole levels on the scale of the risk criteria (6.1.2 d). */
  readonly rated: boolean
  /** A risk owner is named. */
  readonly owned: boolean
  /**
   * A treatment option is chosen and, for "modify", at least one Annex A control is linked to
   * carry it out.
   */
  readonly treated: boolean
  /** Rated above the acceptance threshold and not treated: the plan leaves it open. */
  readonly untreatedAboveThreshold: boolean
  /** Residual likelihood and impact are both rated. */
  readonly residualRated: boolean
  /** Somebody is named as accepting the residual risk, with a date (6.1.3 f). */
  readonly accepted: boolean
}

/** Each of the four parts of a risk's record is worth a quarter of the risk. */
export const RISK_RECORD_PARTS = ['owned', 'treated', 'residualRated', 'accepted'] as const

export function riskStanding(risk: Risk, criteria: RiskCriteria): RiskStanding {
  const treated =
    risk.treatment !== null &&
    (risk.treatment !== 'modify' || risk.controlIds.some((id) => controlById(id) !== undefined))
  const onScale = (level: number) =>
    Number.isInteger(level) && level >= 1 && level <= criteria.scale
  return {
    rated: onScale(risk.likelihood) && onScale(risk.impact),
    owned: risk.owner.trim() !== '',
    treated,
    untreatedAboveThreshold: !treated && isAboveThreshold(risk, criteria),
    residualRated: risk.residualLikelihood !== null && risk.residualImpact !== null,
    accepted: risk.acceptedBy.trim() !== '' && risk.acceptedOn !== null,
  }
}

/** The risk register in counts. */
export interface RiskTally {
  readonly risks: number
  readonly rated: number
  readonly owned: number
  readonly treated: number
  readonly untreatedAboveThreshold: number
  readonly residualRated: number
  readonly accepted: number
}

export const EMPTY_RISK_TALLY: RiskTally = {
  risks: 0,
  rated: 0,
  owned: 0,
  treated: 0,
  untreatedAboveThreshold: 0,
  residualRated: 0,
  accepted: 0,
}

/** Adds (sign 1) or removes (sign -1) one risk's standing from a tally. */
export function addToTally(tally: RiskTally, standing: RiskStanding, sign: 1 | -1 = 1): RiskTally {
  const n = (flag: boolean) => (flag ? sign : 0)
  return {
    risks: tally.risks + sign,
    rated: tally.rated + n(standing.rated),
    owned: tally.owned + n(standing.owned),
    treated: tally.treated + n(standing.treated),
    untreatedAboveThreshold: tally.untreatedAboveThreshold + n(standing.untreatedAboveThreshold),
    residualRated: tally.residualRated + n(standing.residualRated),
    accepted: tally.accepted + n(standing.accepted),
  }
}

/** Where one mandatory document stands in the register of documented information. */
export interface DocumentStanding {
  readonly key: MandatoryDocumentKey
  /** The register row's status; 'missing' when the register has no row for it. */
  readonly status: RegisterStatus
  /**
   * 1 approved by a named person on a date, with its review not overdue; 0.5 a draft, or an
   * approval with its approver or date missing, or a review overdue; 0 missing or retired.
   */
  readonly credit: 0 | 0.5 | 1
  /** Marked approved without the approver's name or a real date. */
  readonly approvalIncomplete: boolean
  /** Its next review date has passed (isReviewOverdue). */
  readonly reviewOverdue: boolean
  readonly nextReviewOn: string | null
  /** The register row it was read from, or null. */
  readonly entryId: string | null
}

/**
 * A mandatory document's standing from its register row (the first row of that document, which
 * in registerOf's order is the document's own row), read against `today` (yyyy-mm-dd). An
 * approved document counts in full only when someone can be named as its approver on a date and
 * its review is not overdue; a draft counts half: it exists, but nobody has approved it yet.
 */
export function documentStanding(
  key: MandatoryDocumentKey,
  entry: RegisterEntry | undefined,
  today: string,
): DocumentStanding {
  const status = entry?.status ?? 'missing'
  const approvalIncomplete =
    status === 'approved' &&
    (entry!.approver.trim() === '' ||
      entry!.approvedOn === null ||
      !isCalendarDate(entry!.approvedOn))
  const reviewOverdue = entry !== undefined && isReviewOverdue(entry, today)
  const credit =
    status === 'approved'
      ? approvalIncomplete || reviewOverdue
        ? 0.5
        : 1
      : status === 'draft'
        ? 0.5
        : 0
  return {
    key,
    status,
    credit,
    approvalIncomplete,
    reviewOverdue,
    nextReviewOn: entry?.nextReviewOn ?? null,
    entryId: entry?.id ?? null,
  }
}

/**
 * What the register lacks for a document to count in full, in plain words (empty when it
 * counts in full), e.g. "the register of documents shows Information security policy (5.2) as
 * missing".
 */
export function documentProblems(
  document: MandatoryDocument,
  standing: DocumentStanding,
): string[] {
  const name = `${document.title} (${document.clauseRef.replace(/\)$/, '')})`
  const shows = `the register of documents shows ${name}`
  switch (standing.status) {
    case 'missing':
      return [`${shows} as missing`]
    case 'retired':
      return [`${shows} as retired, with nothing recorded in its place`]
    case 'draft':
      return [
        `${shows} as a draft, not yet approved` +
          (standing.reviewOverdue ? `, and its review was due on ${standing.nextReviewOn}` : ''),
      ]
    case 'approved': {
      const problems: string[] = []
      if (standing.approvalIncomplete) {
        problems.push(`${shows} as approved, but without the approver's name or the date`)
      }
      if (standing.reviewOverdue) {
        problems.push(`${shows} as approved, but its review was due on ${standing.nextReviewOn}`)
      }
      return problems
    }
  }
}

/** The mandatory documents' standings, in MANDATORY_DOCUMENTS order, from the register's rows. */
export function documentStandings(
  entries: readonly RegisterEntry[],
  today: string,
): DocumentStanding[] {
  const rows = new Map<MandatoryDocumentKey, RegisterEntry>()
  for (const entry of entries) {
    if (entry.source.kind === 'mandatory' && !rows.has(entry.source.key)) {
      rows.set(entry.source.key, entry)
    }
  }
  return MANDATORY_DOCUMENTS.map((doc) => documentStanding(doc.key, rows.get(doc.key), today))
}

/** Everything the verdict reads from the records, reduced to standings and counts. */
export interface RecordSummary {
  /** A scope statement that says something is recorded in the workspace (4.3). */
  readonly scopeRecorded: boolean
  /** One per Annex A control, in catalog order. */
  readonly controls: readonly ControlStanding[]
  readonly risks: RiskTally
  /** One per risk, in the order of AssessmentIndex.risks. */
  readonly riskStandings: readonly RiskStanding[]
  /**
   * One per mandatory document, in MANDATORY_DOCUMENTS order, from the register; null when the
   * input has no register (records from before it existed).
   */
  readonly documents: readonly DocumentStanding[] | null
}

/** The records of an indexed assessment, reduced for the verdict. */
export function summarizeRecords(index: AssessmentIndex): RecordSummary {
  const riskStandings = index.risks.map((risk) => riskStanding(risk, index.criteria))
  const risks = riskStandings.reduce(
    (tally, standing) => addToTally(tally, standing),
    EMPTY_RISK_TALLY,
  )
  return {
    riskStandings,
    scopeRecorded: isSubstantiveJustification(index.scopeStatement),
    controls: ANNEX_A_CONTROLS.map((control) =>
      controlStanding(
        control,
        index.decisions.get(control.id),
        risksOf(index, control.id),
        index.criteria,
      ),
    ),
    risks,
    documents: index.register
      ? documentStandings(index.register.entries, index.register.today)
      : null,
  }
}

/** The SoA in counts. */
export interface SoaTally {
  readonly total: number
  readonly undecided: number
  /** Decided, but without a justification that says why (indefensible exclusions apart). */
  readonly unjustified: number
  /** Excluded although they cannot be defensibly excluded. */
  readonly indefensible: readonly ControlId[]
  readonly soaCredits: number
  /** Controls that count in the implementation share, and their credits. */
  readonly implementationCount: number
  readonly implementationCredits: number
  /** Of those, how many are implemented or partly implemented. */
  readonly atLeastPartly: number
  /** Controls the significant risks depend on that are not yet at least partly implemented. */
  readonly significantNotImplemented: readonly ControlId[]
}

export function tallySoa(controls: readonly ControlStanding[]): SoaTally {
  let undecided = 0
  let unjustified = 0
  let soaCredits = 0
  let implementationCount = 0
  let implementationCredits = 0
  let atLeastPartly = 0
  const indefensible: ControlId[] = []
  const significantNotImplemented: ControlId[] = []
  for (const c of controls) {
    soaCredits += c.soaCredit
    if (c.applicability === 'undecided') undecided++
    else if (c.indefensible) indefensible.push(c.id)
    else if (!c.justified) unjustified++
    if (c.countsForImplementation) {
      implementationCount++
      implementationCredits += c.implementationCredit
      if (c.atLeastPartly) atLeastPartly++
    }
    if (c.treatsSignificantRisk && !c.atLeastPartly) significantNotImplemented.push(c.id)
  }
  return {
    total: controls.length,
    undecided,
    unjustified,
    indefensible,
    soaCredits,
    implementationCount,
    implementationCredits,
    atLeastPartly,
    significantNotImplemented,
  }
}

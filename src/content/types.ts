/**
 * Types of the assessment content: the clause 4–10 question bank, the Annex A catalog and the
 * mandatory documented information. Content is data: every screen, score and report reads it
 * from here, and answers stored per workspace point at these ids.
 */

/** The 30 assessable sub-clauses of ISO/IEC 27001:2022, clauses 4 to 10. */
export const CLAUSE_IDS = [
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '5.1',
  '5.2',
  '5.3',
  '6.1.1',
  '6.1.2',
  '6.1.3',
  '6.2',
  '6.3',
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '7.5.1',
  '7.5.2',
  '7.5.3',
  '8.1',
  '8.2',
  '8.3',
  '9.1',
  '9.2.1',
  '9.2.2',
  '9.3.1',
  '9.3.2',
  '9.3.3',
  '10.1',
  '10.2',
] as const

export type ClauseId = (typeof CLAUSE_IDS)[number]

/** Top-level clause numbers 4 to 10. */
export type ClauseChapter = 4 | 5 | 6 | 7 | 8 | 9 | 10

export interface ClauseSection {
  readonly id: ClauseId
  readonly chapter: ClauseChapter
  /** Short title of the sub-clause (a reference, not ISO text). */
  readonly title: string
}

export interface ClauseChapterInfo {
  readonly chapter: ClauseChapter
  readonly title: string
}

/** Keys of the documented information the clauses of the standard require. */
export type MandatoryDocumentKey =
  | 'isms-scope'
  | 'is-policy'
  | 'risk-assessment-process'
  | 'risk-treatment-process'
  | 'soa'
  | 'is-objectives'
  | 'competence-evidence'
  | 'org-determined-docs'
  | 'operational-planning-evidence'
  | 'risk-assessment-results'
  | 'risk-treatment-results'
  | 'monitoring-results'
  | 'audit-programme-and-results'
  | 'management-review-results'
  | 'nonconformities-and-corrective-actions'

export interface MandatoryDocument {
  readonly key: MandatoryDocumentKey
  /** Clause reference as printed, e.g. '6.1.3 d)'. */
  readonly clauseRef: string
  /** The sub-clause the document belongs to. */
  readonly clause: ClauseId
  readonly title: string
  /** maintain: a document kept current; retain: a record kept as evidence. */
  readonly kind: 'maintain' | 'retain' | 'maintain+retain'
  /** Plain-language explanation in the project's own words. */
  readonly explanation: string
}

/** Keys of the documents applicable Annex A controls call for; stored in registers, never renamed. */
export type ControlDocumentKey =
  | 'topic-specific-policies'
  | 'asset-inventory'
  | 'acceptable-use-rules'
  | 'classification-scheme'
  | 'access-control-policy'
  | 'supplier-security-requirements'
  | 'incident-response-procedure'
  | 'continuity-plans'
  | 'legal-requirements-register'
  | 'operating-procedures'
  | 'awareness-records'
  | 'disciplinary-process'
  | 'confidentiality-agreements'
  | 'configuration-baselines'
  | 'backup-policy'
  | 'cryptography-rules'
  | 'secure-development-rules'
  | 'secure-engineering-principles'
  | 'change-management-procedure'

/**
 * A document an Annex A control calls for. Unlike the mandatory documents, it is needed only
 * while at least one of its controls is not excluded.
 */
export interface ControlDocument {
  readonly key: ControlDocumentKey
  /** The controls that call for it, in catalog order; needed while any of them is not excluded. */
  readonly controls: readonly ControlId[]
  readonly title: string
  /** maintain: a document kept current; retain: a record kept as evidence. */
  readonly kind: 'maintain' | 'retain'
  /** Plain-language explanation in the project's own words, one sentence. */
  readonly explanation: string
}

/**
 * One question of the clause questionnaire. Answers are: not started / partly / in place /
 * don't know. There is deliberately no "not applicable": clauses 4–10 cannot be excluded.
 */
export interface Question {
  /** Stable id, never reused or renamed once released, e.g. 'q-6.1.2-criteria'. */
  readonly id: string
  readonly clause: ClauseId
  /** The question in plain language a non-specialist founder understands. */
  readonly text: string
  /** Why it matters and what an auditor looks for (one to three sentences). */
  readonly why: string
  /** Examples of evidence that would show it is in place (two to four items). */
  readonly evidence: readonly string[]
  /** Mandatory documented information this question asks for, if any. */
  readonly documents: readonly MandatoryDocumentKey[]
}

export type Theme = 'Organizational' | 'People' | 'Physical' | 'Technological'

export type ControlType = 'Preventive' | 'Detective' | 'Corrective'
export type SecurityProperty = 'Confidentiality' | 'Integrity' | 'Availability'
export type CybersecurityConcept = 'Identify' | 'Protect' | 'Detect' | 'Respond' | 'Recover'
export type OperationalCapability =
  | 'Governance'
  | 'Asset_management'
  | 'Information_protection'
  | 'Human_resource_security'
  | 'Physical_security'
  | 'System_and_network_security'
  | 'Application_security'
  | 'Secure_configuration'
  | 'Identity_and_access_management'
  | 'Threat_and_vulnerability_management'
  | 'Continuity'
  | 'Supplier_relationships_security'
  | 'Legal_and_compliance'
  | 'Information_security_event_management'
  | 'Information_security_assurance'
export type SecurityDomain = 'Governance_and_Ecosystem' | 'Protection' | 'Defence' | 'Resilience'

/** ISO/IEC 27002:2022 attributes of a control. */
export interface ControlAttributes {
  readonly controlType: readonly ControlType[]
  readonly properties: readonly SecurityProperty[]
  readonly concepts: readonly CybersecurityConcept[]
  readonly capabilities: readonly OperationalCapability[]
  readonly domains: readonly SecurityDomain[]
}

/** A control id of Annex A, e.g. '5.1' or '8.34'. */
export type ControlId = `${5 | 6 | 7 | 8}.${number}`

/** Facts about a control: numbering, short title, theme, attributes, 2013 mapping. */
export interface ControlFacts {
  readonly id: ControlId
  readonly theme: Theme
  readonly title: string
  readonly newIn2022: boolean
  /** ISO/IEC 27001:2013 Annex A controls this control replaces (empty for new controls). */
  readonly replaces2013: readonly string[]
  readonly attributes: ControlAttributes
}

/** Guidance written in the project's own words. */
export interface ControlGuidance {
  /** What the control is for, in one or two plain sentences. */
  readonly intent: string
  /** What an auditor typically samples (two to four items). */
  readonly evidence: readonly string[]
  /**
   * Situations in which a small organization might justifiably exclude the control. Empty when
   * exclusion is hard to defend for almost any organization.
   */
  readonly exclusionReasons: readonly string[]
}

export type AnnexAControl = ControlFacts & ControlGuidance

/** Ids of the scoping interview's questions; stored in workspaces, so never renamed. */
export type ScopingQuestionId =
  | 'premises'
  | 'secure-areas'
  | 'remote-work'
  | 'hosting'
  | 'development'
  | 'production'
  | 'payment-cards'
  | 'health-data'
  | 'personal-data'
  | 'supplier-access'
  | 'removable-media'
  | 'off-site-equipment'
  | 'monitoring'
  | 'obligations'

export interface ScopingOption {
  /** Stable value, stored with the answer. */
  readonly value: string
  /** The answer as the interview offers it. */
  readonly label: string
  /** The answer as a suggestion quotes it ("no premises of its own"). */
  readonly short: string
  /**
   * With this answer, the interview asks for a name: whoever provides the controls the answer
   * hands over ("the operator of the shared office"), recorded as their supplier.
   */
  readonly asksFor?: string
}

/** One question of the scoping interview, in plain words. */
export interface ScopingQuestion {
  readonly id: ScopingQuestionId
  readonly text: string
  /** Why it is asked: what it changes in the suggestions. */
  readonly help: string
  /** The subject as a suggestion names it ("Premises"). */
  readonly topic: string
  readonly options: readonly ScopingOption[]
  /** Asked only when another question has one of these answers. */
  readonly askedWhen?: ScopingCondition
}

/** Holds when the answer to `question` is one of `is`; an unanswered question holds nothing. */
export interface ScopingCondition {
  readonly question: ScopingQuestionId
  readonly is: readonly string[]
}

/** What a decision rule suggests for its controls. */
export type ScopingOutcome =
  /** Excluded, justified by the control's own exclusion reason number `exclusionReason`. */
  | { readonly applicability: 'excluded'; readonly exclusionReason: number }
  | {
      readonly applicability: 'applicable'
      readonly reasons: readonly JustificationReason[]
      /** The justification, in plain words; `{supplier}` stands for the supplier's name. */
      readonly justification: string
      /**
       * Provided by the supplier the interview named for this question. Without a name the
       * suggestion stays in-house and says how to record the supplier.
       */
      readonly suppliedBy?: ScopingQuestionId
    }

/**
 * A decision rule: for its controls, when all its conditions hold, the suggestion. Rules are
 * tried in table order and the first that holds for a control decides it; a control no rule
 * decides is applicable through the baseline.
 */
export interface ScopingRule {
  readonly id: string
  readonly controls: readonly ControlId[]
  readonly when: readonly ScopingCondition[]
  readonly then: ScopingOutcome
}

/**
 * A reason rule: when all its conditions hold, every applicable suggestion for its controls
 * gains these reasons and this sentence.
 */
export interface ScopingReasonRule {
  readonly id: string
  readonly controls: readonly ControlId[]
  readonly when: readonly ScopingCondition[]
  readonly reasons: readonly JustificationReason[]
  readonly sentence: string
}

/** Why a control applies; the values the SoA's justification reasons take. */
export type JustificationReason =
  'risk-assessment' | 'legal-regulatory' | 'contractual' | 'business-need'

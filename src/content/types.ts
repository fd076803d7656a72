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

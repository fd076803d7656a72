/**
 * The documented information clauses 4–10 require. Missing any of these is a Stage 1 blocker:
 * the auditor's first visit is largely a review of exactly these documents and records.
 * Explanations are in the project's own words.
 */
import type { MandatoryDocument } from './types'

export const MANDATORY_DOCUMENTS = [
  {
    key: 'isms-scope',
    clauseRef: '4.3',
    clause: '4.3',
    title: 'Scope of the ISMS',
    kind: 'maintain',
    explanation:
      'A written statement of what the management system covers: which parts of the organization, locations, services and systems, and what is left out and why.',
  },
  {
    key: 'is-policy',
    clauseRef: '5.2',
    clause: '5.2',
    title: 'Information security policy',
    kind: 'maintain',
    explanation:
      "Top management's approved statement of intent for information security, kept current and shared with staff and, where appropriate, with others.",
  },
  {
    key: 'risk-assessment-process',
    clauseRef: '6.1.2',
    clause: '6.1.2',
    title: 'Risk assessment process and criteria',
    kind: 'retain',
    explanation:
      'How you find, analyse and evaluate information security risks, including the scales you use and the level at which a risk is acceptable.',
  },
  {
    key: 'risk-treatment-process',
    clauseRef: '6.1.3',
    clause: '6.1.3',
    title: 'Risk treatment process',
    kind: 'retain',
    explanation:
      'How you decide what to do about each risk, choose controls, and get risk owners to approve the plan and accept what risk remains.',
  },
  {
    key: 'soa',
    clauseRef: '6.1.3 d)',
    clause: '6.1.3',
    title: 'Statement of Applicability',
    kind: 'maintain',
    explanation:
      'For every one of the 93 Annex A controls: whether it applies, why it is included or excluded, and whether it is in place.',
  },
  {
    key: 'is-objectives',
    clauseRef: '6.2',
    clause: '6.2',
    title: 'Information security objectives',
    kind: 'maintain+retain',
    explanation:
      'The measurable security goals you set, with who does what by when to reach them, and how progress is tracked.',
  },
  {
    key: 'competence-evidence',
    clauseRef: '7.2 d)',
    clause: '7.2',
    title: 'Evidence of competence',
    kind: 'retain',
    explanation:
      'Records showing that people with security roles have the skills their role needs: training, certificates, experience.',
  },
  {
    key: 'org-determined-docs',
    clauseRef: '7.5.1 b)',
    clause: '7.5.1',
    title: 'Documents you decided the ISMS needs',
    kind: 'maintain',
    explanation:
      'Any further procedures, plans or records you judged necessary for the management system to work, for example procedures Annex A controls rely on.',
  },
  {
    key: 'operational-planning-evidence',
    clauseRef: '8.1',
    clause: '8.1',
    title: 'Evidence that processes ran as planned',
    kind: 'retain',
    explanation:
      'Records that give confidence the security processes you planned are actually carried out, such as tickets, logs and checklists.',
  },
  {
    key: 'risk-assessment-results',
    clauseRef: '8.2',
    clause: '8.2',
    title: 'Risk assessment results',
    kind: 'retain',
    explanation:
      'The output of each risk assessment you ran, at planned intervals and after significant changes, usually a dated risk register.',
  },
  {
    key: 'risk-treatment-results',
    clauseRef: '8.3',
    clause: '8.3',
    title: 'Risk treatment results',
    kind: 'retain',
    explanation:
      'Records of what the risk treatment plan achieved: which actions were completed and how the risk picture changed.',
  },
  {
    key: 'monitoring-results',
    clauseRef: '9.1',
    clause: '9.1',
    title: 'Monitoring and measurement results',
    kind: 'retain',
    explanation:
      'The figures and findings you collected to judge whether security is working, with their analysis.',
  },
  {
    key: 'audit-programme-and-results',
    clauseRef: '9.2.2',
    clause: '9.2.2',
    title: 'Internal audit programme and results',
    kind: 'retain',
    explanation:
      'The plan of internal audits over time and the reports of the audits carried out, with their findings.',
  },
  {
    key: 'management-review-results',
    clauseRef: '9.3.3',
    clause: '9.3.3',
    title: 'Management review results',
    kind: 'retain',
    explanation:
      "Minutes or a record of top management's review of the ISMS, with the decisions and actions that came out of it.",
  },
  {
    key: 'nonconformities-and-corrective-actions',
    clauseRef: '10.2',
    clause: '10.2',
    title: 'Nonconformities and corrective actions',
    kind: 'retain',
    explanation:
      'A log of what went wrong against your requirements, what you did about it, and whether the fix worked.',
  },
] as const satisfies readonly MandatoryDocument[]

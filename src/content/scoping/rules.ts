/**
 * The rule table of the scoping interview: from the answers (questions.ts) to a suggested
 * applicability for each Annex A control. Data a consultant can review line by line; the logic
 * that reads it is src/domain/scoping.ts.
 *
 * - Decision rules are tried in order, and the first whose conditions all hold decides a
 *   control. An exclusion always quotes one of the control's own accepted exclusion reasons
 *   (its guidance), by number; controls that cannot be defensibly excluded are never excluded
 *   (a content test checks both, and the domain refuses such a rule anyway).
 * - A control no decision rule decides is applicable through the baseline: selected by the risk
 *   assessment, with the reason an auditor would give for the controls every organization needs.
 * - Reason rules then add their reasons and sentence to every applicable suggestion of their
 *   controls, so a justification names what makes the control matter here.
 */
import type { ScopingReasonRule, ScopingRule } from '../types'

const DATA_CENTRE_PHYSICAL = [
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '7.5',
  '7.6',
  '7.8',
  '7.11',
  '7.12',
] as const

export const SCOPING_DECISION_RULES = [
  {
    id: 'P1',
    controls: DATA_CENTRE_PHYSICAL,
    when: [
      { question: 'premises', is: ['none'] },
      { question: 'hosting', is: ['saas', 'cloud'] },
    ],
    then: { applicability: 'excluded', exclusionReason: 0 },
  },
  {
    id: 'P2',
    controls: DATA_CENTRE_PHYSICAL,
    when: [
      { question: 'premises', is: ['none'] },
      { question: 'hosting', is: ['colocation'] },
    ],
    then: {
      applicability: 'applicable',
      reasons: ['risk-assessment', 'contractual'],
      justification:
        'Its servers stand in the data centre of {supplier}, which guards the building, its entry, power and cabling; the contract sets the requirements and the supplier controls (5.19 to 5.22) check them.',
      suppliedBy: 'hosting',
    },
  },
  {
    id: 'P3',
    controls: ['7.6'],
    when: [
      { question: 'premises', is: ['shared', 'own'] },
      { question: 'secure-areas', is: ['no'] },
      { question: 'hosting', is: ['saas', 'cloud'] },
    ],
    then: { applicability: 'excluded', exclusionReason: 1 },
  },
  {
    id: 'P4',
    controls: ['7.11'],
    when: [
      { question: 'premises', is: ['shared', 'own'] },
      { question: 'secure-areas', is: ['no'] },
      { question: 'hosting', is: ['saas', 'cloud'] },
    ],
    then: { applicability: 'excluded', exclusionReason: 1 },
  },
  {
    id: 'P5',
    controls: ['7.1', '7.2', '7.4', '7.5', '7.11', '7.12'],
    when: [{ question: 'premises', is: ['shared'] }],
    then: {
      applicability: 'applicable',
      reasons: ['risk-assessment', 'contractual'],
      justification:
        'The building’s perimeter, entrance, monitoring, protection against fire and flood, utilities and cabling are run by {supplier}, the operator of the shared office; the rental terms set what it provides and the supplier controls (5.19 to 5.22) check it.',
      suppliedBy: 'premises',
    },
  },
  {
    id: 'H1',
    controls: ['6.7'],
    when: [
      { question: 'remote-work', is: ['no'] },
      { question: 'premises', is: ['shared', 'own'] },
    ],
    then: { applicability: 'excluded', exclusionReason: 0 },
  },
  {
    id: 'D1',
    controls: ['8.4', '8.25', '8.27', '8.28', '8.31', '8.33'],
    when: [
      { question: 'development', is: ['none'] },
      { question: 'hosting', is: ['saas'] },
    ],
    then: { applicability: 'excluded', exclusionReason: 0 },
  },
  {
    id: 'D2',
    controls: ['8.28'],
    when: [{ question: 'development', is: ['outsourced'] }],
    then: {
      applicability: 'applicable',
      reasons: ['risk-assessment', 'contractual'],
      justification:
        'The software is written by {supplier}; the contract sets the secure coding practices it follows, and outsourced development (8.30) checks them.',
      suppliedBy: 'development',
    },
  },
  {
    id: 'D3',
    controls: ['8.30'],
    when: [{ question: 'development', is: ['none', 'in-house'] }],
    then: { applicability: 'excluded', exclusionReason: 0 },
  },
  {
    id: 'D4',
    controls: ['8.11'],
    when: [
      { question: 'development', is: ['none'] },
      { question: 'payment-cards', is: ['no'] },
      { question: 'health-data', is: ['no'] },
      { question: 'personal-data', is: ['no'] },
    ],
    then: { applicability: 'excluded', exclusionReason: 0 },
  },
  {
    id: 'N1',
    controls: ['8.22'],
    when: [
      { question: 'premises', is: ['none'] },
      { question: 'hosting', is: ['saas'] },
    ],
    then: { applicability: 'excluded', exclusionReason: 0 },
  },
  {
    id: 'M1',
    controls: ['8.16'],
    when: [{ question: 'monitoring', is: ['outsourced'] }],
    then: {
      applicability: 'applicable',
      reasons: ['risk-assessment'],
      justification:
        'Security events are watched by {supplier}, a monitoring service; the organization decides what is monitored and acts on the alerts.',
      suppliedBy: 'monitoring',
    },
  },
] as const satisfies readonly ScopingRule[]

/** The justification of the baseline, for a control without a reason of its own in the limits. */
export const BASELINE_JUSTIFICATION =
  'Selected by the risk assessment: the organization holds information and uses systems that this control protects.'

export const SCOPING_REASON_RULES = [
  {
    id: 'C1',
    controls: ['5.20', '5.31', '8.8', '8.11', '8.15', '8.24'],
    when: [{ question: 'payment-cards', is: ['yes'] }],
    reasons: ['contractual'],
    sentence:
      'Payment card data is handled, so the card industry’s standard (PCI DSS) applies through contracts.',
  },
  {
    id: 'C2',
    controls: ['5.31', '5.33', '5.34', '8.10', '8.11', '8.24'],
    when: [{ question: 'health-data', is: ['yes'] }],
    reasons: ['legal-regulatory'],
    sentence: 'Health data is handled, which the law protects with stricter rules.',
  },
  {
    id: 'C3',
    controls: ['5.12', '5.31', '5.34', '8.10', '8.11'],
    when: [{ question: 'personal-data', is: ['yes'] }],
    reasons: ['legal-regulatory'],
    sentence: 'Personal data is processed at scale, so data-protection law applies in full.',
  },
  {
    id: 'C4',
    controls: ['5.20', '5.31', '5.35', '5.36'],
    when: [{ question: 'obligations', is: ['yes'] }],
    reasons: ['contractual'],
    sentence: 'Customers, regulators or contracts name security requirements it must meet.',
  },
  {
    id: 'S1',
    controls: ['5.19', '5.20', '5.21', '5.22', '8.2', '8.3'],
    when: [{ question: 'supplier-access', is: ['yes'] }],
    reasons: ['risk-assessment'],
    sentence: 'Suppliers or contractors have access to its systems or information.',
  },
  {
    id: 'S2',
    controls: ['5.23'],
    when: [{ question: 'hosting', is: ['saas', 'cloud'] }],
    reasons: ['business-need'],
    sentence: 'Its systems run in cloud services.',
  },
  {
    id: 'S3',
    controls: ['8.6', '8.9', '8.20', '8.22'],
    when: [{ question: 'hosting', is: ['cloud', 'colocation', 'on-premises'] }],
    reasons: ['business-need'],
    sentence: 'It runs infrastructure of its own that must be configured and protected.',
  },
  {
    id: 'S4',
    controls: ['7.5', '7.8', '7.11', '7.12'],
    when: [{ question: 'hosting', is: ['on-premises'] }],
    reasons: ['business-need'],
    sentence: 'Its servers stand on its own premises.',
  },
  {
    id: 'S5',
    controls: ['8.16'],
    when: [{ question: 'monitoring', is: ['in-house'] }],
    reasons: ['business-need'],
    sentence: 'Its own team watches for security events.',
  },
  {
    id: 'O1',
    controls: ['5.30', '8.6', '8.13', '8.14', '8.16'],
    when: [{ question: 'production', is: ['yes'] }],
    reasons: ['business-need'],
    sentence: 'Customers depend on its production service and the data it holds.',
  },
  {
    id: 'W1',
    controls: ['6.7', '7.7', '7.9', '8.1', '8.20'],
    when: [{ question: 'remote-work', is: ['some', 'all'] }],
    reasons: ['business-need'],
    sentence: 'People work from home or while travelling.',
  },
  {
    id: 'W2',
    controls: ['7.10', '8.12'],
    when: [{ question: 'removable-media', is: ['yes'] }],
    reasons: ['risk-assessment'],
    sentence: 'USB drives, external disks or printed confidential papers are used.',
  },
  {
    id: 'W3',
    controls: ['7.9', '7.14', '8.1'],
    when: [{ question: 'off-site-equipment', is: ['yes'] }],
    reasons: ['risk-assessment'],
    sentence: 'Laptops and phones are taken off the premises.',
  },
  {
    id: 'V1',
    controls: ['8.4', '8.25', '8.26', '8.27', '8.28', '8.29', '8.31', '8.32', '8.33'],
    when: [{ question: 'development', is: ['in-house', 'both'] }],
    reasons: ['business-need'],
    sentence: 'Its own people develop software.',
  },
  {
    id: 'V2',
    controls: ['8.4', '8.29', '8.30'],
    when: [{ question: 'development', is: ['outsourced', 'both'] }],
    reasons: ['business-need'],
    sentence: 'Software is developed for it by an outside company.',
  },
] as const satisfies readonly ScopingReasonRule[]

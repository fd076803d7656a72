/**
 * The documents Annex A controls call for, needed only while one of their controls applies. The
 * mandatory documents of clauses 4–10 are not repeated here (mandatory-documents.ts): this is the
 * concrete list behind "documents you decided the ISMS needs" (7.5.1 b). An entry is here only
 * when the control itself asks for something written down (rules, a procedure, an inventory, a
 * plan, agreements, records) and a Stage 1 auditor reviewing the ISMS would ask to see it; a
 * control that is met by doing something, with no document of its own, is left out. Explanations
 * are in the project's own words.
 */
import type { ControlDocument } from './types'

export const CONTROL_DOCUMENTS = [
  {
    key: 'topic-specific-policies',
    controls: ['5.1'],
    title: 'Topic-specific security policies',
    kind: 'maintain',
    explanation:
      'The shorter policies under the main security policy, each on one subject such as remote working or mobile devices, approved by management and known to the people they concern.',
  },
  {
    key: 'asset-inventory',
    controls: ['5.9'],
    title: 'Inventory of information and assets',
    kind: 'maintain',
    explanation:
      'A kept-current list of the information, systems, devices and services you depend on, each with a named owner.',
  },
  {
    key: 'acceptable-use-rules',
    controls: ['5.10'],
    title: 'Acceptable use rules',
    kind: 'maintain',
    explanation:
      'What staff and contractors may and may not do with company information, accounts and devices, and how they handle information of each kind.',
  },
  {
    key: 'classification-scheme',
    controls: ['5.12', '5.13'],
    title: 'Information classification and labelling scheme',
    kind: 'maintain',
    explanation:
      'The levels information is sorted into (for example public, internal, confidential), how to decide the level, and how each level is marked.',
  },
  {
    key: 'access-control-policy',
    controls: ['5.15'],
    title: 'Access control policy',
    kind: 'maintain',
    explanation:
      'The rules for who gets access to which information and systems, on what grounds, who approves it and how often it is reviewed.',
  },
  {
    key: 'supplier-security-requirements',
    controls: ['5.19', '5.20'],
    title: 'Supplier security requirements',
    kind: 'maintain',
    explanation:
      'What you require of suppliers that handle your information or systems, and how those requirements are written into your agreements with them.',
  },
  {
    key: 'incident-response-procedure',
    controls: ['5.24', '5.26'],
    title: 'Incident response procedure',
    kind: 'maintain',
    explanation:
      'Who does what when a security incident happens: how it is reported, assessed, contained, communicated and closed.',
  },
  {
    key: 'continuity-plans',
    controls: ['5.29', '5.30'],
    title: 'Continuity plans for security and ICT',
    kind: 'maintain',
    explanation:
      'How security is kept up during a disruption and how the systems the business depends on are restored in time.',
  },
  {
    key: 'legal-requirements-register',
    controls: ['5.31'],
    title: 'Register of legal, regulatory and contractual requirements',
    kind: 'maintain',
    explanation:
      'The laws, regulations and contract clauses that place security or privacy demands on you, each with an owner and how you meet it.',
  },
  {
    key: 'operating-procedures',
    controls: ['5.37'],
    title: 'Documented operating procedures',
    kind: 'maintain',
    explanation:
      'Written steps for the routine operational tasks security depends on, such as setting up accounts, deploying changes, running backups and restoring systems.',
  },
  {
    key: 'awareness-records',
    controls: ['6.3'],
    title: 'Awareness and training records',
    kind: 'retain',
    explanation:
      'Records of which staff completed security awareness training and when, for everyone and not only the security roles whose competence 7.2 covers.',
  },
  {
    key: 'disciplinary-process',
    controls: ['6.4'],
    title: 'Disciplinary process',
    kind: 'maintain',
    explanation:
      'The formal, communicated process for dealing with people who break the security rules, usually part of the staff handbook.',
  },
  {
    key: 'confidentiality-agreements',
    controls: ['6.6'],
    title: 'Confidentiality or non-disclosure agreements',
    kind: 'maintain',
    explanation:
      'The confidentiality terms staff, contractors and other parties sign, kept under review so they still match what needs protecting.',
  },
  {
    key: 'configuration-baselines',
    controls: ['8.9'],
    title: 'Configuration baselines',
    kind: 'maintain',
    explanation:
      'The secure settings agreed for laptops, servers, cloud accounts and network equipment, against which drift is checked.',
  },
  {
    key: 'backup-policy',
    controls: ['8.13'],
    title: 'Backup policy',
    kind: 'maintain',
    explanation:
      'What is backed up, how often, where copies are kept, for how long, and how often restoring them is tested.',
  },
  {
    key: 'cryptography-rules',
    controls: ['8.24'],
    title: 'Rules for the use of cryptography',
    kind: 'maintain',
    explanation:
      'Where encryption is required, which algorithms and key lengths are acceptable, and how keys are created, stored, rotated and revoked.',
  },
  {
    key: 'secure-development-rules',
    controls: ['8.25'],
    title: 'Secure development rules',
    kind: 'maintain',
    explanation:
      'The rules developers follow so software is built securely from design to release, such as code review, security testing and protected repositories.',
  },
  {
    key: 'secure-engineering-principles',
    controls: ['8.27'],
    title: 'Secure engineering principles',
    kind: 'maintain',
    explanation:
      'The principles your systems are designed to, such as least privilege, defence in depth and secure defaults, applied to new systems and major changes.',
  },
  {
    key: 'change-management-procedure',
    controls: ['8.32'],
    title: 'Change management procedure',
    kind: 'maintain',
    explanation:
      'How changes to systems and applications are requested, assessed, approved, tested and rolled back if they fail.',
  },
] as const satisfies readonly ControlDocument[]

import type { ControlGuidance } from '../types'

/** Guidance for the Organizational controls 5.1–5.37, in the project's own words. */
export const ORGANIZATIONAL_GUIDANCE = {
  '5.1': {
    intent:
      'Write down how your organization protects information: a short top-level policy signed off by leadership, plus topic rules (such as access, backup or remote work) where they help. In place means staff can find the policies, have confirmed they read them, and someone looks at them again at least once a year or after a big change.',
    evidence: [
      'Top-level information security policy approved by management, with version history',
      'Topic-specific policies, each with a named owner and a next review date',
      'Records that staff and contractors have read and accepted the policies, e.g. onboarding sign-off',
      'Notes or minutes from the latest policy review',
    ],
    exclusionReasons: [],
  },
  '5.2': {
    intent:
      'Make it clear who does what in security: who runs the management system, who owns each key system and risk, and who acts when something goes wrong. In place means these roles are written down, given to named people, and those people know and accept them.',
    evidence: [
      'Roles and responsibilities document or RACI chart naming the people in each security role',
      'Appointment record or job description of the person who runs the ISMS',
      'Asset and risk owners recorded in the asset inventory and the risk register',
    ],
    exclusionReasons: [],
  },
  '5.3': {
    intent:
      'Split tasks so that no single person can both carry out and approve a sensitive action, such as paying a supplier or releasing code to production, without anyone else noticing. In a small team where a full split is impossible, in place means the conflicts are known and covered by another safeguard such as peer review, logging or a manager checking afterwards.',
    evidence: [
      'List of conflicting duties and how each one is separated or otherwise covered',
      'Approval workflows in use, e.g. a required reviewer on code merges or dual approval of payments',
      'Records of compensating checks, such as a periodic review of administrator activity logs',
    ],
    exclusionReasons: [],
  },
  '5.4': {
    intent:
      'Managers should expect their staff and contractors to follow the security rules, and set the example themselves. In place means managers make sure their people are briefed and trained, back the rules in daily work, and step in when the rules are ignored.',
    evidence: [
      'Messages, all-hands slides or meeting notes in which leadership explains security expectations',
      'Onboarding checklists showing the manager ensured the security briefing and policy sign-off',
      'Follow-up by managers on overdue training or on breaches of the rules',
    ],
    exclusionReasons: [],
  },
  '5.5': {
    intent:
      'Know in advance which authorities you may need to reach during a security incident (data protection regulator, police cybercrime unit, national CERT, sector regulator) and who is allowed to contact them. In place means an up-to-date contact list and clear triggers, including legal deadlines such as those for reporting a personal data breach.',
    evidence: [
      'Current list of relevant authorities with contact details and the person who may contact each',
      'Incident procedure stating when and how authorities must be notified, including deadlines',
      'Records of any past notifications or exchanges with authorities',
    ],
    exclusionReasons: [],
  },
  '5.6': {
    intent:
      'Stay connected with people outside the organization who share security know-how, such as industry associations, security forums and vendor advisory lists, so you hear about good practice and new problems early. In place means chosen memberships or subscriptions that someone actually follows and acts on.',
    evidence: [
      'List of memberships and subscriptions, e.g. national CERT alerts, sector groups, vendor security bulletins',
      'Examples of information from these sources that led to an action or a message to staff',
      'Records of attendance at relevant events, meetups or webinars',
    ],
    exclusionReasons: [],
  },
  '5.7': {
    intent:
      'Gather information about the threats that matter to you, such as attacks hitting your sector, current phishing tricks or vulnerabilities being actively exploited in products you use, and turn it into action. In place means defined sources, someone reviewing them on a regular schedule, and visible changes to risks, controls or staff awareness as a result.',
    evidence: [
      'List of threat information sources and the person responsible for reviewing them',
      'Periodic threat summaries or review notes, and how they fed into the risk assessment',
      'Examples of resulting actions, such as urgent patching, blocked malicious addresses or a phishing warning to staff',
    ],
    exclusionReasons: [],
  },
  '5.8': {
    intent:
      'Consider security in every project, not only IT ones: launching a product, migrating a system or moving office can all create new risks. In place means each project identifies its security needs and risks early, and someone checks they were dealt with before go-live.',
    evidence: [
      'Project template or method with a security checkpoint at the start and before go-live',
      'Security requirements or a risk assessment for a sampled recent project',
      'Go-live or closure sign-off confirming the security items were addressed',
    ],
    exclusionReasons: [],
  },
  '5.9': {
    intent:
      'Keep an up-to-date list of the information and assets that matter, such as key data sets, laptops and phones, servers, cloud services and important software, each with a named owner. You cannot protect what you do not know you have.',
    evidence: [
      'Asset inventory covering information, devices, software and cloud services, with owners',
      'Evidence the inventory is kept current, e.g. last review date or reconciliation with the device management tool',
      'Sampled devices or services that can be traced back to an entry in the inventory',
    ],
    exclusionReasons: [],
  },
  '5.10': {
    intent:
      'Tell people plainly what they may and may not do with company information and equipment, including laptops, email, file sharing, personal devices and AI tools. In place means written rules that staff have accepted, including how to handle each level of sensitive information.',
    evidence: [
      'Acceptable use rules covering devices, email, cloud storage and new tools such as AI assistants',
      'Signed or recorded acceptance by staff and contractors',
      'Handling rules per classification level: storing, sharing, printing and disposing',
    ],
    exclusionReasons: [],
  },
  '5.11': {
    intent:
      'Get company equipment and information back when someone leaves or a contract ends, including laptops, access badges, security keys and company data held on personal devices. In place means a tracked offboarding step that is completed and confirmed for every leaver.',
    evidence: [
      'Offboarding checklists with confirmed return of each item for a sample of leavers',
      'Recent leavers reconciled against the asset inventory',
      'Process for remote staff, such as prepaid return shipping and remote wipe of devices',
    ],
    exclusionReasons: [],
  },
  '5.12': {
    intent:
      'Sort information into a few levels by how sensitive or critical it is, for example Public, Internal and Confidential, so everyone knows how carefully to treat it. In place means a simple scheme with clear criteria that staff understand and that has been applied to your main information assets.',
    evidence: [
      'Classification scheme with levels, criteria and everyday examples',
      'Classification recorded for key information assets in the inventory',
      'Awareness material explaining the levels to staff',
    ],
    exclusionReasons: [],
  },
  '5.13': {
    intent:
      'Make the classification visible so people recognize sensitive information when they see it, for example a footer on documents, a tag on emails or a sensitivity label in your office suite. In place means a practical labelling rule for each kind of information, including a stated default for anything left unlabelled.',
    evidence: [
      'Labelling procedure covering documents, emails, storage locations and removable media',
      'Sampled documents and files carrying the correct label',
      'Configuration of labelling tools, e.g. sensitivity labels in the email and document suite',
    ],
    exclusionReasons: [],
  },
  '5.14': {
    intent:
      'Protect information when it leaves your hands, whether by email, file-sharing link, messaging, removable media or post, and agree terms with the other party when the content is sensitive. In place means rules on which channel to use for which level of information, with secure tools set up to match.',
    evidence: [
      'Information transfer rules linked to the classification levels',
      'Settings of secure transfer tools, e.g. encrypted email, expiring share links, limits on external sharing',
      'Agreements covering regular sensitive exchanges, such as NDAs or data processing agreements',
    ],
    exclusionReasons: [],
  },
  '5.15': {
    intent:
      'Decide who may get into which information, systems and premises, based on what each role really needs. In place means written access rules (least privilege, need to know, approval by the owner) that are followed in practice.',
    evidence: [
      'Access control policy stating the principles and who approves access',
      'Role-based access matrix for key systems',
      'Sampled user accounts whose permissions match their role',
    ],
    exclusionReasons: [],
  },
  '5.16': {
    intent:
      'Give every person and system its own identity and look after it from creation to removal, so each action can be traced to someone. In place means accounts are created only on approval, updated when roles change, disabled promptly when people leave, and shared accounts are rare, justified and owned.',
    evidence: [
      'Joiner, mover and leaver procedure for accounts',
      'User list from the identity provider reconciled with the current staff and contractor list',
      'Register of shared, service and administrator accounts with their owners',
    ],
    exclusionReasons: [],
  },
  '5.17': {
    intent:
      'Handle passwords, keys and other login secrets safely: hand them out securely, keep them strong and private, and change them quickly if they may have leaked. In place means clear rules for staff, multi-factor authentication on important systems and a password manager in everyday use.',
    evidence: [
      'Password and authentication rules communicated to staff',
      'Identity provider settings showing multi-factor authentication and password requirements',
      'Password manager rollout and a secure way of handing over first-time credentials',
    ],
    exclusionReasons: [],
  },
  '5.18': {
    intent:
      "Control the whole life of each person's access: the owner agrees before it is given, it is checked from time to time, and it is taken away when no longer needed. In place means approved requests, regular recorded reviews and quick removal on role change or departure.",
    evidence: [
      'Approved access requests for a sample of users',
      'Periodic access review records and the changes that resulted',
      'Leaving dates compared with account deactivation dates',
    ],
    exclusionReasons: [],
  },
  '5.19': {
    intent:
      'Manage the security risks that come from suppliers who handle your information or run services you depend on, such as cloud providers, IT support or payroll. In place means you know which suppliers matter most, check their security before you sign, and set clear expectations.',
    evidence: [
      'Supplier register with a criticality or risk rating for each supplier',
      'Due diligence for critical suppliers, e.g. questionnaires, certificates, audit reports',
      'Documented process for selecting and approving suppliers',
    ],
    exclusionReasons: [],
  },
  '5.20': {
    intent:
      "Put security obligations into the contracts of suppliers that matter: confidentiality, data protection, breach notification, use of subcontractors, and return or deletion of your data at the end. In place means critical contracts contain these terms, or a recorded review confirms that a provider's standard terms are good enough.",
    evidence: [
      'Contracts or data processing agreements with security clauses for critical suppliers',
      'Standard security clauses used as a template for new agreements',
      'Review notes for providers whose standard terms cannot be negotiated',
    ],
    exclusionReasons: [],
  },
  '5.21': {
    intent:
      'Look past your direct IT suppliers to what they rely on, such as their subprocessors, hosting providers and the software components inside products you use or build. In place means critical ICT suppliers are asked how they control their own suppliers, and changes or weak links in that chain are tracked.',
    evidence: [
      'Subprocessor lists for critical providers and records of reviewing changes to them',
      'Supplier questionnaires or contract terms covering their own supply chain',
      'Software component inventory or dependency scanning for software you build or ship',
    ],
    exclusionReasons: [],
  },
  '5.22': {
    intent:
      'Keep an eye on suppliers after the contract is signed: check they deliver the agreed security, follow their incidents and reports, and assess changes to their service before they affect you. In place means regular, recorded reviews of critical suppliers and a way to handle the changes they announce.',
    evidence: [
      'Periodic supplier review records, e.g. a yearly check of certificates and audit reports',
      'Tracking of supplier incidents and service levels',
      'Assessment of announced supplier changes, e.g. new subprocessors or a new hosting location',
    ],
    exclusionReasons: [],
  },
  '5.23': {
    intent:
      'Manage the cloud services you use across their whole life, from choosing a provider through daily use to leaving, and be clear which security tasks the provider handles and which stay with you. In place means an approved list of cloud services, secure settings on your side (such as MFA, sharing limits and logging), and a plan for getting your data out if you leave.',
    evidence: [
      'List of approved cloud services with owners, and a shared-responsibility summary for the key ones',
      'Configuration evidence for key services, e.g. administrator MFA, logging and sharing settings',
      'Selection criteria used for new services and an exit plan covering data export and deletion',
    ],
    exclusionReasons: [
      'The organization uses no cloud services at all, including for email, file storage, backup and accounting; this is rare, so check carefully before claiming it.',
    ],
  },
  '5.24': {
    intent:
      'Prepare before something goes wrong: decide how incidents are reported, who leads the response, and who needs to be told and how. In place means a written incident response plan with roles and contacts, known to staff and tried out at least once, for example in a tabletop exercise.',
    evidence: [
      'Incident management procedure with roles, contact details and escalation paths',
      'Staff guidance on how to report a suspected incident',
      'Record of a tabletop exercise or other test of the plan',
    ],
    exclusionReasons: [],
  },
  '5.25': {
    intent:
      'Decide quickly and consistently whether something reported, such as a suspicious email, a lost laptop or an odd login, is a real incident and how serious it is. In place means simple criteria for sorting events by severity and a record of each decision.',
    evidence: [
      'Triage criteria and severity levels for reported events',
      'Log of reported events showing the assessment and decision for each',
      'Examples of events escalated to incidents, with timestamps',
    ],
    exclusionReasons: [],
  },
  '5.26': {
    intent:
      'When an incident happens, contain the damage, remove the cause, get back to normal operation and inform the people who need to know. In place means incident records show that your plan was actually used, including notice to customers or authorities where required.',
    evidence: [
      'Incident records with a timeline, the actions taken and the closure',
      'Communications with affected parties, customers or authorities',
      'Playbooks for common incidents such as phishing, ransomware or account takeover',
    ],
    exclusionReasons: [],
  },
  '5.27': {
    intent:
      'Use each incident to get better: work out why it happened and what would stop it happening again, then make that change. In place means post-incident reviews with tracked actions that feed back into the risk assessment and staff awareness.',
    evidence: [
      'Post-incident review reports stating the root cause',
      'Improvement actions tracked through to completion',
      'Changes to risks, controls or training that resulted from incidents',
    ],
    exclusionReasons: [],
  },
  '5.28': {
    intent:
      'When an incident could lead to legal, disciplinary or insurance action, preserve the evidence so it stays trustworthy, such as logs, disk images and emails, with a record of who handled it. In place means people know not to tamper with an affected machine, there is a short written method for securing and storing evidence, and you know when to call in a forensic specialist.',
    evidence: [
      'Evidence handling procedure with a chain-of-custody form',
      'Log retention settings that keep records long enough to investigate',
      'Contact or retainer with a forensic provider, or a named internal capability',
    ],
    exclusionReasons: [],
  },
  '5.29': {
    intent:
      'Keep information protected during a crisis such as a long outage, a cyberattack or a closed office, rather than dropping security just to keep working. In place means your continuity plans say which security measures must stay in force and which temporary alternatives are allowed.',
    evidence: [
      'Business continuity plan with a section on security during disruption',
      'Continuity exercise records showing security was considered',
      'Documented temporary measures, e.g. an emergency access procedure with review afterwards',
    ],
    exclusionReasons: [],
  },
  '5.30': {
    intent:
      'Make sure your IT systems and services can be brought back fast enough to keep the business running after a disruption. In place means recovery time and acceptable data-loss targets for critical systems, set from business needs, with backups, redundancy and recovery plans that have been tested against those targets.',
    evidence: [
      'Business impact analysis listing critical systems with recovery time and data-loss targets',
      'IT recovery plans and backup or redundancy arrangements that match those targets',
      'Restore and failover test results compared with the targets',
    ],
    exclusionReasons: [],
  },
  '5.31': {
    intent:
      'Know which laws, regulations and contracts place security or privacy demands on you, such as data protection law, sector rules and customer contracts, and show how you meet them. In place means a register of these requirements, with an owner for each, that is kept up to date.',
    evidence: [
      'Register of legal, regulatory and contractual requirements with owners',
      'Evidence of review when laws or key contracts change',
      'Security commitments from customer contracts mapped to the controls that meet them',
    ],
    exclusionReasons: [],
  },
  '5.32': {
    intent:
      "Respect intellectual property, both yours and other people's: use only properly licensed software, fonts, images and code, and protect what you create. In place means licenses are tracked, there are rules on installing software and reusing open-source or third-party material, and compliance is checked.",
    evidence: [
      'Software license register reconciled with installations and subscriptions',
      'Rules on installing software and on using open-source or third-party content',
      'Open-source license check for code you ship, where relevant',
    ],
    exclusionReasons: [],
  },
  '5.33': {
    intent:
      'Keep the records you must hold, such as financial, contractual, HR and log records, complete, genuine and out of the wrong hands for as long as you need them, then dispose of them properly. In place means a retention schedule and storage that protects those records.',
    evidence: [
      'Record retention schedule based on legal and business needs',
      'Protection of key records, e.g. restricted access, backups, versioned or write-once storage',
      'Evidence of disposal at the end of the retention period',
    ],
    exclusionReasons: [],
  },
  '5.34': {
    intent:
      'Meet your privacy obligations for personal data about customers, staff and others, in line with the laws that apply to you, such as the GDPR. In place means you know what personal data you hold and why, someone is responsible for privacy, and the required records, notices and agreements exist.',
    evidence: [
      'Record of processing activities or a data map',
      'Privacy notices and data processing agreements with processors',
      'Privacy responsibilities assigned, with procedures for data subject requests and personal data breaches',
    ],
    exclusionReasons: [],
  },
  '5.35': {
    intent:
      'Get an outside view on how well security is managed: someone who does not run the ISMS day to day should review it regularly, for example yearly and after a major reorganization. In place means reviews by a competent and impartial person, with findings reported to management and acted on.',
    evidence: [
      'Reports from independent reviews, e.g. internal audit or an external assessor',
      "Evidence of the reviewer's independence and competence",
      'Management follow-up of findings, with corrective actions',
    ],
    exclusionReasons: [],
  },
  '5.36': {
    intent:
      'Check regularly that your own security rules are really followed, and fix the gaps you find. In place means owners review compliance in their area, technical checks confirm that settings match the rules, and the results are recorded.',
    evidence: [
      'Compliance check records, e.g. a quarterly review of policy adherence',
      'Technical compliance reports, e.g. configuration baseline or cloud security posture scans',
      'Findings of non-compliance with corrective actions',
    ],
    exclusionReasons: [],
  },
  '5.37': {
    intent:
      'Write down how important IT and security tasks are done, such as backups, onboarding, patching or restoring a system, so they are done the same way each time and someone else can step in. In place means current step-by-step guides that the people doing the work can find.',
    evidence: [
      'Documented procedures for key operations, each with an owner and last review date',
      'A sampled procedure compared with how the task is actually performed',
      'Runbooks accessible to the people on duty',
    ],
    exclusionReasons: [],
  },
} as const satisfies Readonly<Record<string, ControlGuidance>>

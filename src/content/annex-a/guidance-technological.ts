import type { ControlGuidance } from '../types'

/** Guidance for the Technological (8.1–8.34) controls, in the project's own words. */
export const TECHNOLOGICAL_GUIDANCE = {
  '8.1': {
    intent:
      'Every laptop, desktop, phone or tablet that can reach your information must be protected: encrypted, kept up to date, locked when idle and wipeable if lost, and that includes personal devices if you allow them. In place means a clear device policy and central management that both enforces these settings and shows they are on.',
    evidence: [
      'Device management (MDM) compliance report covering all endpoints',
      'Endpoint policy covering company-owned and personal (BYOD) devices',
      'A sample of devices checked for encryption, screen lock and current updates',
    ],
    exclusionReasons: [],
  },
  '8.2': {
    intent:
      'Powerful access such as administrator, root or cloud owner accounts should go only to people who truly need it, be kept separate from their everyday accounts, and be checked often. In place means a known list of privileged users, approval before anyone gets such rights, strong authentication for them and regular reviews.',
    evidence: [
      'List of privileged accounts in key systems, with owner and reason',
      'Approval records for recently granted administrator rights',
      'The latest privileged access review and the removals that came out of it',
      'Settings showing MFA is enforced on administrator accounts',
    ],
    exclusionReasons: [],
  },
  '8.3': {
    intent:
      'Each person and system should be able to open only the information their work requires, and the systems themselves should enforce this rather than relying on good behavior. In place means roles and permissions in each key system match your access rules, and sharing settings stop information from being open to everyone by default.',
    evidence: [
      'Role and permission settings in key systems compared with the access control policy',
      'File sharing settings, for example no public links by default',
      'Access review results for a sample of systems',
    ],
    exclusionReasons: [],
  },
  '8.4': {
    intent:
      'Your source code and the tools and libraries used to build it deserve tight protection, because a leak or a sneaky change could compromise your product and your customers. In place means only the right people can see or change repositories, changes go through a controlled workflow, and access is reviewed.',
    evidence: [
      'Repository access lists and the latest access review',
      'Branch protection and merge approval settings',
      'Audit logs of repository access and changes',
    ],
    exclusionReasons: [
      'The organization writes no software, scripts or infrastructure code and holds no source code, either its own or entrusted to it by others.',
    ],
  },
  '8.5': {
    intent:
      'Logins should be hard to break into in proportion to what they protect, with multi-factor authentication for email, cloud administration and remote access, and protection against password guessing. In place means MFA or single sign-on enforced on the key systems, sensible lockout settings, and known exceptions that are justified.',
    evidence: [
      'Identity provider settings showing MFA enforcement and any exceptions',
      'Password and lockout settings for key systems',
      'List of systems outside single sign-on or MFA, with the compensating measures',
    ],
    exclusionReasons: [],
  },
  '8.6': {
    intent:
      'Keep track of how much computing power, storage, bandwidth and licenses you use and how that will grow, so systems do not slow down or stop when demand rises. In place means usage is monitored with alerts before limits are hit, and growth is planned for.',
    evidence: [
      'Monitoring dashboards or alerts for CPU, storage, quotas and license counts',
      'Records of capacity or cost reviews',
      'Autoscaling or quota settings for cloud services',
    ],
    exclusionReasons: [],
  },
  '8.7': {
    intent:
      'Stop viruses, ransomware and other harmful software from getting onto your devices and systems, combining protective tools with staff who know what a dodgy attachment or download looks like. In place means anti-malware running and up to date on all endpoints and relevant servers, email and downloads scanned, and alerts acted upon.',
    evidence: [
      'Endpoint protection console showing coverage and up-to-date status',
      'Email filtering configuration',
      'Record of malware alerts and how they were dealt with',
    ],
    exclusionReasons: [],
  },
  '8.8': {
    intent:
      'Keep software patched and close known security holes before attackers can use them, starting with the most serious. In place means you know what software you run, you hear about new weaknesses, you scan for them, fix them within set timeframes based on severity, and track each one until it is closed.',
    evidence: [
      'Vulnerability scan reports and the tracking of their remediation',
      'Patch compliance reports for endpoints and servers',
      'Defined patching timeframes by severity and evidence that they are met',
      'Latest penetration test report and its follow-up',
    ],
    exclusionReasons: [],
  },
  '8.9': {
    intent:
      'Decide what the secure settings should be for your laptops, servers, cloud accounts, applications and network equipment, apply them consistently, and check that they do not quietly drift over time. In place means documented baselines or hardening templates, changes to them made in a controlled way, and regular checks against the baseline.',
    evidence: [
      'Baseline configurations or hardening standards for key technologies, for example based on CIS benchmarks',
      'Device management profiles or infrastructure-as-code that apply the baselines',
      'Configuration drift or cloud security posture reports and their follow-up',
    ],
    exclusionReasons: [],
  },
  '8.10': {
    intent:
      'Do not keep information longer than you need it or than the law allows: once its time is up, remove it from systems, devices and cloud services, including those run by suppliers. In place means retention periods are set, deletion actually happens (ideally automatically), and there is a record showing it did.',
    evidence: [
      'Retention schedule with deletion rules for each type of information',
      'Logs or reports of scheduled deletion jobs',
      'Supplier confirmations of deletion at the end of a contract',
      'Records of deletion requests from individuals and how they were handled',
    ],
    exclusionReasons: [],
  },
  '8.11': {
    intent:
      'Hide or replace sensitive details, such as personal or payment data, wherever people or systems do not need to see them in full, using techniques like masking, pseudonymization or anonymization. In place means you have worked out where this is needed, based on your access rules and legal obligations, and it is applied, for example in support screens, reports and test data.',
    evidence: [
      'Rules stating which data must be masked and in which situations',
      'Screenshots or configuration showing masked fields for support or analytics users',
      'Pseudonymized or anonymized data sets used for testing or analytics',
    ],
    exclusionReasons: [
      'The organization holds no personal or other sensitive data that anyone with access does not need to see in full, and it never copies such data into test, analytics or reporting environments.',
    ],
  },
  '8.12': {
    intent:
      'Take proportionate steps to spot and stop sensitive information leaving by routes it should not take, such as email to the wrong person, uploads to personal cloud storage, USB sticks or public sharing links. In place means you know which information and channels carry the most risk, and measures are in place ranging from sharing restrictions and warnings to dedicated DLP tools, with alerts reviewed.',
    evidence: [
      'Analysis of sensitive information and the channels through which it could leak',
      'DLP or sharing restriction settings in email, cloud storage and endpoints',
      'Alerts raised and records of how they were reviewed',
    ],
    exclusionReasons: [],
  },
  '8.13': {
    intent:
      'Make regular copies of your data and systems so that you can recover from accidental deletion, ransomware or failure, within the data loss and downtime your business can tolerate. In place means a backup policy, backups that run as planned (including data in SaaS tools that the provider does not back up for you), copies kept separate from the originals, and restores that are actually tested.',
    evidence: [
      'Backup policy stating scope, frequency and retention',
      'Backup job reports for a recent period',
      'Restore test report from the last quarter or year',
      'Evidence that backups are stored separately or cannot be altered',
    ],
    exclusionReasons: [],
  },
  '8.14': {
    intent:
      "Important services should keep running when a single component fails, by having spare capacity such as extra servers, several availability zones or a second supplier or connection. This applies to almost every organization, and where systems run at a cloud or hosting provider it is usually met largely by that provider: in place means you know how available each key service must be, the provider's or your own redundancy matches that need, and failover has been tested or the provider shows that it has.",
    evidence: [
      'Architecture diagrams showing redundant components or multi-zone deployment',
      'Failover test records',
      'Availability requirements for key services and how they are met',
      "The hosting or cloud provider's service commitments and reports on how its redundancy is tested",
    ],
    exclusionReasons: [],
  },
  '8.15': {
    intent:
      'Keep a record of the events that matter in your key systems, such as logins, administrator actions, errors and security alerts, make sure nobody can quietly alter those records, and keep them long enough to investigate an incident. In place means logging is switched on, collected or retained centrally, access-restricted and actually looked at.',
    evidence: [
      'Logging configuration for key systems and cloud accounts, such as audit logs enabled',
      'Log retention settings and who can access or delete logs',
      'A sample log extract showing user and administrator activity',
    ],
    exclusionReasons: [],
  },
  '8.16': {
    intent:
      'Keep an eye out for signs that something is wrong, like logins from unusual places, unexpected network traffic or a sudden spike in file downloads, and look into them promptly to see whether it is an incident. In place means alerts are defined for suspicious activity, someone is responsible for reviewing them, and alerts lead to investigation or incident handling.',
    evidence: [
      'Alert rules in SIEM, cloud security or endpoint tools',
      'Records of alerts reviewed and their outcomes',
      'A description of normal activity used to tune alert thresholds',
      'On-call rota or named responsibility for reviewing alerts',
    ],
    exclusionReasons: [],
  },
  '8.17': {
    intent:
      'All your systems should agree on the time, taking it from a reliable source, so that logs from different systems can be lined up and trusted during an investigation. In place means servers, network devices and endpoints take their time from the same approved sources, and SaaS timestamps are understood.',
    evidence: [
      'Time synchronization (NTP) settings on servers, network devices and endpoints',
      'Documented reference time sources, including what cloud providers use',
      'Comparison of timestamps across logs from different systems',
    ],
    exclusionReasons: [],
  },
  '8.18': {
    intent:
      'Some tools let a user get around normal security settings, for example system administration consoles, registry editors, database admin tools or password recovery utilities. In place means such tools are kept away from ordinary users, only approved people can run them, and their use is logged.',
    evidence: [
      'List of utilities treated as privileged and who may use them',
      'Endpoint settings preventing standard users from running administrative tools',
      'Logs showing use of those tools',
    ],
    exclusionReasons: [],
  },
  '8.19': {
    intent:
      'Control what software gets installed on live systems and work devices so that unapproved, unlicensed or malicious programs do not sneak in. In place means only authorized people or automated deployment can install software, an approved list or company app store is used, and what is installed is tracked.',
    evidence: [
      'Settings preventing standard users from installing software',
      'Approved software list and the request process for new software',
      'Software inventory from device management compared with the approved list',
    ],
    exclusionReasons: [],
  },
  '8.20': {
    intent:
      'Keep the networks your information travels over, including office networks, cloud virtual networks and the connections between them, protected against intrusion and misuse. In place means firewalls or security groups are configured and reviewed, network devices are hardened and kept up to date, and administrative access to them is restricted.',
    evidence: [
      'Network diagram, including cloud virtual networks and remote access paths',
      'Firewall or security group rules and the date of their last review',
      'Office Wi-Fi configuration, such as WPA2 or WPA3 and a separate guest network',
    ],
    exclusionReasons: [],
  },
  '8.21': {
    intent:
      'Decide what security you need from the network services you rely on, such as internet links, VPN, managed firewalls, DNS or content delivery networks, and check that providers actually deliver it. In place means the security features and service levels are agreed in contracts or settings and monitored.',
    evidence: [
      'Contracts or SLAs with network service providers, including their security features',
      'Configuration of managed network services, such as VPN, DNS or DDoS protection',
      'Review of provider performance or security reports',
    ],
    exclusionReasons: [],
  },
  '8.22': {
    intent:
      'Split networks into separate zones, for example guests apart from staff, production apart from development, and servers apart from user devices, so that a problem in one zone cannot easily spread to another. In place means zones are defined according to risk and traffic between them is controlled.',
    evidence: [
      'Network diagram showing zones and the trust level of each',
      'Firewall or security group rules between zones',
      'Guest Wi-Fi that is separated from the internal network',
    ],
    exclusionReasons: [
      'The organization runs no network of its own, neither an office network nor cloud virtual networks, and uses only SaaS applications over the internet.',
    ],
  },
  '8.23': {
    intent:
      'Block or warn about dangerous and unsuitable websites from company devices, so that one click on a bad link is less likely to lead to malware or a stolen password. In place means known-malicious and high-risk categories are blocked through DNS filtering, a secure web gateway or an endpoint agent that also works away from the office, and staff know what is acceptable.',
    evidence: [
      'Web or DNS filtering configuration and the blocked categories',
      'Evidence that filtering also covers devices used remotely',
      'Reports of blocked attempts and how they are reviewed',
    ],
    exclusionReasons: [],
  },
  '8.24': {
    intent:
      'Use encryption properly to keep information confidential and tamper-proof, both when it is stored and when it is sent, and look after the keys and certificates that make it work. In place means written rules on where encryption is required and which methods are acceptable, plus key management covering creation, safe storage, rotation and revocation.',
    evidence: [
      'Cryptography policy or standard, including key management',
      'TLS settings and disk or database encryption settings for key systems',
      'Inventory of keys and certificates with expiry dates and rotation records',
    ],
    exclusionReasons: [],
  },
  '8.25': {
    intent:
      'Build security into every stage of how you create software and systems, from planning and design through coding, testing and release. In place means a defined development process with security steps, such as threat modelling, code review, security testing and release checks, that developers actually follow.',
    evidence: [
      'Documented development process showing security activities at each stage',
      'A sample of recent features or releases showing those steps took place',
      'Secure development training records for developers',
    ],
    exclusionReasons: [
      'The organization develops no software of its own (including scripts and infrastructure code) and has none developed for it.',
    ],
  },
  '8.26': {
    intent:
      'Before you build, buy or subscribe to an application, including a cloud service, write down what it must do to be secure, such as how users log in, what data it protects, what it logs and, for online payments or orders, how transactions are protected. In place means these requirements are agreed for new systems and purchases and checked before go-live.',
    evidence: [
      'Security requirements written for a recent development project or purchase',
      'Security checklist or questionnaire used when choosing new applications',
      'Evidence that requirements were verified before go-live',
    ],
    exclusionReasons: [],
  },
  '8.27': {
    intent:
      'Agree on a short set of design rules for building secure systems, such as defense in depth, least privilege, secure defaults and not trusting a network just because it is internal, and use them whenever you design or significantly change a system. In place means the rules are written down and recent designs show they were applied.',
    evidence: [
      'Documented secure design principles',
      'Architecture or design reviews of recent systems showing the principles were applied',
      'Threat models for new or significantly changed systems',
    ],
    exclusionReasons: [
      'The organization designs and builds no systems of its own, neither software nor infrastructure, and uses only ready-made SaaS services.',
    ],
  },
  '8.28': {
    intent:
      'Developers should write code that avoids well-known weaknesses such as injection flaws and broken access checks, use trusted third-party libraries and keep them updated, and have code checked before it goes live. In place means secure coding guidelines, peer review of changes, automated code and dependency scanning, and developer training.',
    evidence: [
      'Secure coding guidelines for the languages and frameworks in use',
      'Pull requests showing peer review before merging',
      'Static analysis and dependency scanning results and how findings were fixed',
      'Secure coding training records for developers',
    ],
    exclusionReasons: [
      'The organization develops no software of its own (including scripts and infrastructure code) and has none developed for it.',
    ],
  },
  '8.29': {
    intent:
      'Test new and changed systems for security before they go live, and confirm at acceptance that the agreed security requirements are met. This covers systems you buy or have built for you as well as your own software: in place means security tests are planned as part of development and acceptance, results are recorded, and serious issues are fixed before release.',
    evidence: [
      'Security test plans and results for recent releases',
      'Penetration test or dynamic scan reports ahead of major releases',
      'Acceptance sign-off that includes security criteria',
    ],
    exclusionReasons: [],
  },
  '8.30': {
    intent:
      'When someone else builds software for you, stay in control of the security of what they deliver through contract terms, clear secure development expectations, agreed ownership of code, acceptance testing and the right to check their work. In place means these terms are in the contracts and you verify what you receive.',
    evidence: [
      'Development contracts with security, intellectual property and code escrow clauses',
      'Acceptance testing records for delivered code',
      "Reviews or assessments of the supplier's development practices",
    ],
    exclusionReasons: [
      'The organization outsources no software development and uses only off-the-shelf products and services.',
    ],
  },
  '8.31': {
    intent:
      'Keep development, testing and live environments apart so that unfinished work or testing cannot damage live systems or expose real data. In place means separate accounts or environments, limited developer access to production, and changes reaching production only through a defined path.',
    evidence: [
      'Separate cloud accounts, projects or subscriptions for development, test and production',
      'Access lists showing how developer access to production is restricted',
      'Deployment pipeline showing how changes are promoted between environments',
    ],
    exclusionReasons: [
      'The organization develops no software of its own (including scripts and infrastructure code) and has none developed for it.',
    ],
  },
  '8.32': {
    intent:
      'Changes to systems, infrastructure and applications should be planned, assessed for risk, tested, approved and reversible, so that an update does not unexpectedly break something or open a security hole. In place means significant changes, including emergency ones, leave a record showing those steps.',
    evidence: [
      'Change records for a sample of recent changes, showing approval and testing',
      'Change management procedure, including how emergency changes are handled',
      'Rollback plans and post-implementation reviews',
    ],
    exclusionReasons: [],
  },
  '8.33': {
    intent:
      'Data used for testing should not put real people or secrets at risk: prefer made-up or masked data, and if live data must be used, get approval, protect it as you would in production and delete it afterwards. In place means written rules for test data and evidence that they are followed.',
    evidence: [
      'Test data rules or policy',
      'Examples of synthetic or masked test data sets',
      'Approvals and deletion records where production data was copied to a test environment',
    ],
    exclusionReasons: [
      'The organization develops and tests no software or systems and has none developed or tested for it.',
    ],
  },
  '8.34': {
    intent:
      'Audits and technical tests on live systems, such as penetration tests, vulnerability scans or an auditor needing system access, should be arranged in advance with whoever runs those systems so they do not disrupt operations or expose data. In place means scope, timing and access are agreed beforehand, access is read-only where possible, and it is removed when the work is done.',
    evidence: [
      'Scope agreement or rules of engagement for a recent penetration test or audit',
      'Records of temporary auditor or tester access being granted and then removed',
      'Test schedule agreed with system owners',
    ],
    exclusionReasons: [],
  },
} as const satisfies Readonly<Record<string, ControlGuidance>>

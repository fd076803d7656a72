import type { ControlGuidance } from '../types'

/** Guidance for the People (6.1–6.8) and Physical (7.1–7.14) controls, in the project's own words. */
export const PEOPLE_PHYSICAL_GUIDANCE = {
  '6.1': {
    intent:
      'Make sensible, lawful background checks on people before they get access to your information, going deeper for roles that could do more harm. In place means you have decided which checks apply to which kind of role and can show they were actually done for each new employee and contractor.',
    evidence: [
      'Screening records (identity, right to work, references) for a sample of recent hires',
      'A written screening standard stating which checks apply to which roles',
      'Evidence that contractors and agency staff were screened, by you or by their employer under contract',
    ],
    exclusionReasons: [],
  },
  '6.2': {
    intent:
      'Contracts should make it clear that protecting information is part of the job, for employees and contractors alike, and what the organization commits to in return. In place means every signed contract or engagement letter covers confidentiality, following the security policies and what happens if they are broken.',
    evidence: [
      'Signed employment contracts or contractor agreements for a sample of staff, showing the security clauses',
      'Current contract templates and the staff handbook they refer to',
      'Signed acknowledgements of the security policies for recent joiners',
    ],
    exclusionReasons: [],
  },
  '6.3': {
    intent:
      'Everyone who works for you should know the security rules that apply to them, recognize common threats such as phishing and know how to report a problem, with extra training for roles like developers or administrators. In place means training at onboarding, regular refreshers and records showing who completed what.',
    evidence: [
      'Training completion records for a sample of staff, including recent joiners',
      'Awareness materials or course content and the plan for refreshers',
      'Phishing simulation results or other checks that the training is working',
      'Role-specific training records for developers, administrators or other key roles',
    ],
    exclusionReasons: [],
  },
  '6.4': {
    intent:
      'There should be a fair and known way of dealing with people who break the security rules, so that the rules carry weight and staff know what to expect. In place means the process is documented, staff have been told about it, and it is applied consistently when something goes wrong.',
    evidence: [
      'Disciplinary procedure that explicitly covers breaches of security policy',
      'Proof that staff were informed, such as the handbook or an onboarding acknowledgement',
      'Records of how any past security breaches by staff were handled',
    ],
    exclusionReasons: [],
  },
  '6.5': {
    intent:
      'When someone leaves or moves to a different role, some obligations carry on, such as keeping secrets and not taking data with them. In place means those lasting obligations are written into contracts, the person is reminded of them as part of a standard leaver or mover routine, and you can act if they are ignored.',
    evidence: [
      'Completed offboarding checklists for a sample of recent leavers and role changes',
      'Contract or NDA clauses on duties that continue after employment ends',
      'Exit letters or signed acknowledgements reminding leavers of their ongoing duties',
    ],
    exclusionReasons: [],
  },
  '6.6': {
    intent:
      'Anyone trusted with confidential information, whether staff, contractors or business partners, should sign a confidentiality agreement that fits what you actually need to protect. In place means an up-to-date NDA template whose wording is checked from time to time, and signed copies for everyone who needs one.',
    evidence: [
      'Signed confidentiality agreements for a sample of staff, contractors and relevant third parties',
      'Current NDA template and a record of when its wording was last reviewed',
      'A register or tracker of who has signed which agreement',
    ],
    exclusionReasons: [],
  },
  '6.7': {
    intent:
      'When people work from home, while travelling or anywhere else outside your premises, information should stay as safe as it is in the office. In place means a remote working policy that staff know, backed by enforced technical measures such as encrypted and managed devices, secure access with multi-factor authentication and guidance on working in public places.',
    evidence: [
      'Remote working policy and staff acknowledgements',
      'Device management reports showing encryption and screen lock on devices used remotely',
      'Configuration of secure remote access, such as VPN or single sign-on with MFA',
    ],
    exclusionReasons: [
      "All staff work only at the organization's premises and remote access to its systems and information is technically blocked.",
    ],
  },
  '6.8': {
    intent:
      'Make it easy for anyone to raise the alarm about something that looks wrong, like a lost laptop, a suspicious email or a system behaving oddly, and make sure they know to do it straight away. In place means a simple, well-known reporting channel, staff who have been told how to use it, and reports that are logged and followed up.',
    evidence: [
      'The reporting channel (email address, form or chat channel) and how it was communicated',
      'Log or tickets of reported events with their follow-up',
      'Awareness material explaining what to report and how quickly',
    ],
    exclusionReasons: [],
  },
  '7.1': {
    intent:
      'Decide where the boundaries lie around the places that hold your information and equipment, such as the building, the office floor or a server room, and make those boundaries physically strong enough for what they protect. In place means the secure areas are identified and their walls, doors, windows and locks leave no easy way in.',
    evidence: [
      'A site plan or list showing the defined secure areas and their boundaries',
      'Walk-through observation of doors, windows, locks and alarms',
      'Landlord or building management security arrangements where premises are shared or rented',
    ],
    exclusionReasons: [
      'Fully remote organization with no offices, server rooms or other premises of its own, all hosting at cloud providers whose physical security is covered through supplier and cloud service controls (5.19–5.23).',
    ],
  },
  '7.2': {
    intent:
      'Only people who are allowed in should be able to enter your secure areas, using keys, badges, codes or a staffed reception, and visitors should be recorded and accompanied. In place means entry is controlled, access is granted and withdrawn as people join and leave, and visitor records are kept.',
    evidence: [
      'Register of issued keys, badges or codes, checked against the current staff list',
      'Visitor log for a recent period',
      'Records showing badge or key access was removed for recent leavers',
      'Arrangements for deliveries so that couriers cannot wander into work areas',
    ],
    exclusionReasons: [
      'Fully remote organization with no offices, server rooms or other premises of its own, all hosting at cloud providers whose physical security is covered through supplier and cloud service controls (5.19–5.23).',
    ],
  },
  '7.3': {
    intent:
      'Offices and rooms where sensitive information is handled should be set up so that outsiders cannot easily see, hear or reach it. In place means rooms with sensitive material or equipment are lockable and locked, screens and whiteboards are not visible from outside, and nothing advertises where the valuable things are.',
    evidence: [
      'Observation during a site tour of locked rooms, cabinets and screen positions',
      'Key or access control for rooms holding sensitive information or equipment',
      'Arrangements for confidential meetings and calls',
    ],
    exclusionReasons: [
      'Fully remote organization with no offices, server rooms or other premises of its own, all hosting at cloud providers whose physical security is covered through supplier and cloud service controls (5.19–5.23).',
    ],
  },
  '7.4': {
    intent:
      'Keep watch over your premises so that a break-in or someone being where they should not be gets noticed, using for example an intruder alarm, CCTV, door access logs or security guards. In place means the monitoring covers the important areas, is maintained and tested, someone is responsible for responding to alerts, and privacy law is respected.',
    evidence: [
      'Description of alarm, CCTV or access logging coverage and recent test or maintenance records',
      'Alarm or door access logs and evidence that they are reviewed',
      'The alarm response arrangement, such as a monitoring contract or call-out list',
      'CCTV signage and privacy notice where required by law',
    ],
    exclusionReasons: [
      'Fully remote organization with no offices, server rooms or other premises of its own, all hosting at cloud providers whose physical security is covered through supplier and cloud service controls (5.19–5.23).',
    ],
  },
  '7.5': {
    intent:
      'Work out which physical hazards are realistic for your site, such as fire, flooding, power surges, overheating or deliberate damage, and put proportionate protection in place. In place means the site risks have been assessed and detection and protection (smoke detectors, extinguishers, equipment kept off the floor and away from water) are installed and maintained.',
    evidence: [
      'Site risk assessment covering fire, flood and other relevant hazards',
      'Inspection certificates for fire detection and extinguishing equipment',
      'Observation of where equipment is placed relative to water, heat and other hazards',
    ],
    exclusionReasons: [
      'Fully remote organization with no offices, server rooms or other premises of its own, all hosting at cloud providers whose physical security is covered through supplier and cloud service controls (5.19–5.23).',
    ],
  },
  '7.6': {
    intent:
      'Where some areas need more protection than the general office, for example a server room or a records store, set rules for working inside them, such as no unaccompanied visitors, no photos and no one there without a reason. In place means the rules are written, known to the people who use the area, and followed.',
    evidence: [
      'Documented rules for secure areas and how they are communicated',
      'Observation that the rules are followed, such as escorted visitors and doors kept shut',
      'Access list for the secure area compared with who actually needs to be there',
    ],
    exclusionReasons: [
      'Fully remote organization with no offices, server rooms or other premises of its own, all hosting at cloud providers whose physical security is covered through supplier and cloud service controls (5.19–5.23).',
      'The premises contain no area that needs more protection than the general office: no server or network room and no store of sensitive records.',
    ],
  },
  '7.7': {
    intent:
      'Information should not be left on show when people step away, whether on paper, on a USB stick or on an unlocked screen, and this applies at home and in public as much as in the office. In place means a clear desk and clear screen rule, automatic screen locking enforced on all devices, and printers and whiteboards cleared after use.',
    evidence: [
      'Clear desk and clear screen policy and staff acknowledgements',
      'Device management settings enforcing automatic screen lock',
      'Results of office spot checks or home working self-checks',
    ],
    exclusionReasons: [],
  },
  '7.8': {
    intent:
      'Put equipment where it is least exposed to damage, theft and prying eyes, for example servers and network gear in a locked cabinet and screens facing away from windows. In place means equipment locations were chosen with these risks in mind and the protection is visible on a walk-through.',
    evidence: [
      'Observation of where servers, network equipment and printers are located',
      'Temperature and humidity controls for rooms housing equipment',
      'Rules on eating, drinking or smoking near important equipment',
    ],
    exclusionReasons: [
      'Fully remote organization with no offices, server rooms or other premises of its own, all hosting at cloud providers whose physical security is covered through supplier and cloud service controls (5.19–5.23).',
    ],
  },
  '7.9': {
    intent:
      'Laptops, phones and other equipment used outside your premises, including at home, need protecting against loss, theft and being looked at by others. In place means staff know the rules (never leave devices unattended in a car, take care in public places), devices are encrypted and can be locked or wiped remotely, and you know who has which device.',
    evidence: [
      'Asset register showing who holds which device outside the premises',
      'Device management report showing encryption and remote lock or wipe capability',
      'Policy on using equipment away from the premises and records of any lost or stolen devices',
    ],
    exclusionReasons: [],
  },
  '7.10': {
    intent:
      'Anything that stores information, such as USB sticks, external drives, backup media or paper files, should be handled safely from the moment you get it until it is destroyed, in line with how sensitive its content is. In place means clear rules on whether removable media may be used at all, technical enforcement where possible, encryption when it is used, and records of secure destruction.',
    evidence: [
      'Removable media policy and the technical settings that block or encrypt USB storage',
      'Register of approved removable or backup media, if any',
      'Destruction or disposal certificates for media',
    ],
    exclusionReasons: [],
  },
  '7.11': {
    intent:
      'Equipment your business depends on should keep working, or shut down safely, when power, cooling, internet or other utilities fail, for example by using a UPS, a generator or a second internet line. In place means the utilities that matter have been identified, protection matches their importance, and it is tested.',
    evidence: [
      'UPS or generator maintenance and test records',
      'Redundant internet or telecom connections where a site is critical',
      'Alerts for utility failures, such as power or temperature monitoring in an equipment room',
    ],
    exclusionReasons: [
      'Fully remote organization with no offices, server rooms or other premises of its own, all hosting at cloud providers whose physical security is covered through supplier and cloud service controls (5.19–5.23).',
      'The office has no servers or network equipment that the business relies on, work is done on laptops against cloud services, and staff can simply work elsewhere if power or internet fails.',
    ],
  },
  '7.12': {
    intent:
      'Keep power and network cabling safe from tapping, disruption and accidental or deliberate damage, for example with cable trays or conduits, locked patch cabinets and data cables kept apart from power lines. In place means cabling on your premises is tidy, labelled and protected, and responsibility for building cabling is clear where you rent.',
    evidence: [
      'Observation of cabling, patch panels and network cabinets',
      'Cable labelling and an up-to-date network diagram',
      'Agreement with the landlord on who looks after building cabling',
    ],
    exclusionReasons: [
      'Fully remote organization with no offices, server rooms or other premises of its own, all hosting at cloud providers whose physical security is covered through supplier and cloud service controls (5.19–5.23).',
    ],
  },
  '7.13': {
    intent:
      'Keep equipment in good working order by maintaining it as the supplier recommends, using authorized people, and taking care of any data on equipment sent away for repair. This includes laptops and phones, even when the manufacturer or a leasing company does the maintenance: in place means a maintenance schedule or service agreement, records of work done and a rule for what happens to storage before a device leaves for repair.',
    evidence: [
      'Maintenance schedule and service records for key equipment such as UPS, air conditioning, servers and network devices',
      'Records showing who carried out the maintenance and that they were authorized',
      'Procedure for devices sent for repair, such as removing, wiping or encrypting storage first',
    ],
    exclusionReasons: [],
  },
  '7.14': {
    intent:
      'Before any device that has held data is thrown away, sold, returned to a leasing company or handed to someone else, check that nothing sensitive is left on it by securely wiping or destroying the storage. In place means a defined wiping or destruction method and a record for each device that shows it was done.',
    evidence: [
      'Wipe or destruction certificates for a sample of retired devices',
      'Asset register entries marked as disposed, with date and method',
      'Contract with the disposal company, if one is used',
      'Procedure for wiping laptops before they are reissued to another person',
    ],
    exclusionReasons: [],
  },
} as const satisfies Readonly<Record<string, ControlGuidance>>

/**
 * The scoping interview: fourteen questions in plain words about how the organization works,
 * asked once per workspace and editable later. The answers feed the rule table (rules.ts),
 * which suggests an applicability for each Annex A control. Question ids and option values are
 * stored with the workspace, so they are never renamed once released.
 */
import type { ScopingQuestion } from '../types'

const YES_NO = (yes: string, no: string) =>
  [
    { value: 'yes', label: 'Yes', short: yes },
    { value: 'no', label: 'No', short: no },
  ] as const

export const SCOPING_QUESTIONS = [
  {
    id: 'premises',
    topic: 'Premises',
    text: 'Does the organization work from premises of its own?',
    help: 'Decides the physical controls (7.1 to 7.12): a company without an office has no perimeter to guard, one in a serviced office shares it with the building’s operator.',
    options: [
      {
        value: 'none',
        label: 'No: everyone works from home or on the road',
        short: 'no premises of its own, everyone works remotely',
      },
      {
        value: 'shared',
        label: 'Only rented space in a shared or serviced office that someone else runs',
        short: 'rented space in a shared office run by another company',
        asksFor: 'Who runs the building (for example the co-working operator)?',
      },
      {
        value: 'own',
        label: 'Yes: offices, sites or other premises it runs itself',
        short: 'premises it runs itself',
      },
    ],
  },
  {
    id: 'secure-areas',
    topic: 'Secure areas',
    text: 'Is there a room that needs more protection than the general office, such as a server or network room, or an archive of sensitive papers?',
    help: 'Without such a room, working in secure areas (7.6) and supporting utilities (7.11) can usually be excluded.',
    askedWhen: { question: 'premises', is: ['shared', 'own'] },
    options: YES_NO(
      'a server room, network room or archive that needs extra protection',
      'no room that needs more protection than the general office',
    ),
  },
  {
    id: 'remote-work',
    topic: 'Remote work',
    text: 'Do people work from home or while travelling?',
    help: 'Remote working (6.7) can only be excluded when nobody works away from the premises and remote access is blocked.',
    options: [
      {
        value: 'no',
        label: 'No: all work is done on the premises, and remote access is blocked',
        short: 'nobody works remotely and remote access is blocked',
      },
      {
        value: 'some',
        label: 'Some people, some of the time',
        short: 'some people work from home or while travelling',
      },
      { value: 'all', label: 'Most or all people', short: 'most or all people work remotely' },
    ],
  },
  {
    id: 'hosting',
    topic: 'Hosting',
    text: 'Where do the organization’s systems run?',
    help: 'Decides the physical controls of the data centre, and whether network and development controls have anything to act on.',
    options: [
      {
        value: 'saas',
        label: 'Only in ready-made online services (email, office, accounting and similar tools)',
        short: 'only ready-made online services (SaaS)',
      },
      {
        value: 'cloud',
        label:
          'Also in cloud infrastructure it sets up itself (such as AWS, Azure or Google Cloud)',
        short: 'cloud infrastructure it sets up itself, and SaaS',
      },
      {
        value: 'colocation',
        label: 'On its own servers in a data centre another company runs',
        short: 'its own servers in another company’s data centre',
        asksFor: 'Which company runs the data centre?',
      },
      {
        value: 'on-premises',
        label: 'On its own servers on its own premises',
        short: 'its own servers on its own premises',
      },
    ],
  },
  {
    id: 'development',
    topic: 'Software development',
    text: 'Is software developed for the organization, including scripts and infrastructure code?',
    help: 'Decides the development controls (8.25 to 8.33) and access to source code (8.4).',
    options: [
      {
        value: 'none',
        label: 'No: only ready-made products and services are used',
        short: 'no software developed, only ready-made products',
      },
      {
        value: 'outsourced',
        label: 'Yes, by an outside company only',
        short: 'software developed by an outside company only',
        asksFor: 'Which company develops it?',
      },
      {
        value: 'in-house',
        label: 'Yes, by its own people',
        short: 'software developed by its own people',
      },
      {
        value: 'both',
        label: 'Yes, by its own people and by outside companies',
        short: 'software developed by its own people and by outside companies',
      },
    ],
  },
  {
    id: 'production',
    topic: 'Production service',
    text: 'Does it run a service that customers use and that holds their data?',
    help: 'A production service raises the weight of availability, capacity, backup and separation of environments.',
    options: YES_NO(
      'runs a production service holding customer data',
      'runs no production service for customers',
    ),
  },
  {
    id: 'payment-cards',
    topic: 'Payment cards',
    text: 'Does it store, process or transmit payment card numbers?',
    help: 'Card data brings the card industry’s security standard (PCI DSS) in through contracts.',
    options: YES_NO('handles payment card data', 'handles no payment card data'),
  },
  {
    id: 'health-data',
    topic: 'Health data',
    text: 'Does it handle health or medical information about people?',
    help: 'Health data is protected by stricter law almost everywhere.',
    options: YES_NO('handles health data', 'handles no health data'),
  },
  {
    id: 'personal-data',
    topic: 'Personal data',
    text: 'Does it process personal data at scale: about thousands of people, or sensitive kinds such as ID numbers?',
    help: 'Personal data at scale brings data-protection law in full: privacy, deletion, masking.',
    options: YES_NO(
      'processes personal data at scale',
      'processes little personal data (staff and business contacts)',
    ),
  },
  {
    id: 'supplier-access',
    topic: 'Supplier access',
    text: 'Do suppliers or contractors have access to its systems or information?',
    help: 'Supplier access makes the supplier controls (5.19 to 5.22) carry real risk.',
    options: YES_NO(
      'suppliers or contractors have access to systems or information',
      'no supplier or contractor has access to systems or information',
    ),
  },
  {
    id: 'removable-media',
    topic: 'Removable media',
    text: 'Are USB drives, external disks, backup tapes or printed confidential papers used?',
    help: 'Storage media (7.10) still apply without them, as laptops hold disks too, but they raise its weight.',
    options: YES_NO(
      'USB drives, external disks or printed papers are used',
      'no removable media or printed confidential papers',
    ),
  },
  {
    id: 'off-site-equipment',
    topic: 'Equipment off site',
    text: 'Is equipment such as laptops and phones taken out of the premises?',
    help: 'Equipment away from the premises (7.9) needs its own protection.',
    options: YES_NO(
      'laptops and phones are taken off the premises',
      'equipment stays on the premises',
    ),
  },
  {
    id: 'monitoring',
    topic: 'Security monitoring',
    text: 'Who watches for security events such as alerts and unusual activity in logs?',
    help: 'A monitoring service provides monitoring activities (8.16) as a supplier.',
    options: [
      { value: 'none', label: 'Nobody in particular yet', short: 'nobody watches for events yet' },
      {
        value: 'outsourced',
        label: 'A monitoring or security operations service',
        short: 'a monitoring service watches for events',
        asksFor: 'Which company provides the monitoring service?',
      },
      { value: 'in-house', label: 'Its own team', short: 'its own team watches for events' },
    ],
  },
  {
    id: 'obligations',
    topic: 'Obligations',
    text: 'Do customers, regulators or contracts name security requirements it has to meet?',
    help: 'Named obligations become contractual or legal reasons in the SoA’s justifications.',
    options: YES_NO(
      'customers, regulators or contracts name security requirements',
      'no security requirements named by customers, regulators or contracts',
    ),
  },
] as const satisfies readonly ScopingQuestion[]

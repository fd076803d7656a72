/**
 * Where an exclusion from the Statement of Applicability cannot be defended. Data, not rules:
 * the verdict (src/domain/readiness.ts), the decision editor and the bulk panel read it.
 */
import type { ControlId } from '../types'

export interface ExclusionLimit {
  readonly id: ControlId
  /** Why an auditor would not accept excluding it, in plain words. */
  readonly reason: string
}

/**
 * Controls no organization with an ISMS can defensibly exclude: the management system itself,
 * or a risk every organization that uses computers and holds information has, depends on them.
 * None of them has exclusion reasons in its guidance (a content test checks it).
 */
export const NON_EXCLUDABLE_CONTROLS = [
  {
    id: '5.1',
    reason:
      'Security policies are what the whole ISMS rests on; clause 5.2 already requires the top-level one.',
  },
  {
    id: '5.2',
    reason:
      'Someone must be responsible for security tasks; clause 5.3 requires roles to be assigned in any case.',
  },
  {
    id: '5.9',
    reason:
      'Every organization has information and devices to protect, and the risk assessment cannot be done without knowing what they are.',
  },
  {
    id: '5.15',
    reason:
      'Every organization decides who may use which information and systems; without access rules every other control is open.',
  },
  {
    id: '5.18',
    reason:
      'Accounts are created, changed and removed as people join, move and leave; that happens in every organization.',
  },
  {
    id: '5.24',
    reason: 'Incidents happen to every organization; being ready to handle them is never optional.',
  },
  {
    id: '5.26',
    reason: 'An organization that can have incidents must be able to respond to them.',
  },
  {
    id: '5.31',
    reason:
      'Every organization is subject to some laws and contracts about information (data protection at the very least), and clause 4.2 asks for them.',
  },
  {
    id: '6.3',
    reason:
      'Clause 7.3 requires people to be aware of the policy and their part in security, which is what this control delivers.',
  },
  {
    id: '8.5',
    reason:
      'Every system people sign in to needs secure authentication; an organization without sign-ins has no information systems.',
  },
  {
    id: '8.7',
    reason:
      'Malware reaches any organization that uses e-mail, the web or shared files; there is no setting in which the threat does not exist.',
  },
  {
    id: '8.8',
    reason:
      'All software, including cloud services and laptops, has vulnerabilities that must be found and fixed.',
  },
  {
    id: '8.13',
    reason:
      'Losing information that was never backed up is a risk for every organization, whoever hosts its systems.',
  },
  {
    id: '8.15',
    reason:
      'Without logs, incidents cannot be detected or investigated; every system worth protecting produces or can produce them.',
  },
  {
    id: '8.24',
    reason:
      'Information sent over the internet or kept on laptops and phones needs encryption, and deciding how to use it is part of this control.',
  },
] as const satisfies readonly ExclusionLimit[]

/**
 * Physical controls that still apply to an organization without offices of its own, because
 * people work from home and carry equipment: excluding them "because we are fully remote" is a
 * common mistake the bulk decision panel warns about.
 */
export const HOME_WORKING_CONTROLS = [
  {
    id: '7.7',
    reason:
      'Clear desk and clear screen rules matter most at home and in cafés, where others can see the screen.',
  },
  {
    id: '7.9',
    reason: 'Laptops and phones used at home or on the road are assets off the premises.',
  },
  {
    id: '7.10',
    reason:
      'USB drives, printed papers and other media are handled at home too, and must be stored and disposed of safely.',
  },
  {
    id: '7.14',
    reason:
      'Laptops and phones are still retired, reused or sent for repair, and their data must be wiped first.',
  },
] as const satisfies readonly ExclusionLimit[]

/**
 * A scoping interview partly answered, for the report tests: suppliers named in Czech, one
 * answer that asks for a name left without one, and most questions not answered.
 */
import type { ScopingProfile } from '@/domain/model'

export const SCOPING_PROFILE: ScopingProfile = {
  answers: {
    premises: 'shared',
    'remote-work': 'all',
    hosting: 'colocation',
    development: 'none',
    monitoring: 'outsourced',
  },
  names: { premises: 'Regus Praha', hosting: 'Datacentrum Žižkov a.s.', monitoring: ' ' },
  updatedAt: '2026-11-20T10:00:00.000Z',
}

/** The rows the report prints for SCOPING_PROFILE: topic, then answer. */
export const SCOPING_ROWS = [
  [
    'Premises',
    'Only rented space in a shared or serviced office that someone else runs — provided by Regus Praha',
  ],
  ['Remote work', 'Most or all people'],
  [
    'Hosting',
    'On its own servers in a data centre another company runs — provided by Datacentrum Žižkov a.s.',
  ],
  ['Software development', 'No: only ready-made products and services are used'],
  ['Security monitoring', 'A monitoring or security operations service'],
] as const

/** Topics of questions SCOPING_PROFILE leaves unanswered. */
export const UNANSWERED_TOPICS = ['Secure areas', 'Payment cards', 'Health data', 'Obligations']

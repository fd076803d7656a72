/**
 * The scoping interview's suggestions for three reference organizations, checked by hand
 * against the rule table and kept here as lists: what is excluded, what a supplier provides,
 * and the warnings. Everything not listed is applicable, in-house, through the baseline.
 */
import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, HOME_WORKING_CONTROLS, NON_EXCLUDABLE_CONTROLS } from '@/content'
import type { ScopingQuestionId } from '@/content'
import type { ScopingProfile } from '@/domain/model'
import { proposalProblem } from '@/domain/proposals'
import {
  SCOPING_TABLE,
  askedQuestions,
  scopingContradictions,
  scopingProgress,
  suggestDecisions,
} from '@/domain/scoping'

type Answers = Partial<Record<ScopingQuestionId, string>>
const profile = (answers: Answers, names: Answers = {}): ScopingProfile => ({
  answers,
  names,
  updatedAt: '2026-12-01T10:00:00.000Z',
})

/** A fully remote SaaS start-up: no office, its product on AWS, its own developers. */
const REMOTE_SAAS = profile({
  premises: 'none',
  'remote-work': 'all',
  hosting: 'cloud',
  development: 'in-house',
  production: 'yes',
  'payment-cards': 'no',
  'health-data': 'no',
  'personal-data': 'yes',
  'supplier-access': 'yes',
  'removable-media': 'no',
  'off-site-equipment': 'yes',
  monitoring: 'none',
  obligations: 'yes',
})

/** A 60-person logistics company: one office with a server room, in-house development. */
const LOGISTICS = profile(
  {
    premises: 'own',
    'secure-areas': 'yes',
    'remote-work': 'some',
    hosting: 'on-premises',
    development: 'in-house',
    production: 'yes',
    'payment-cards': 'no',
    'health-data': 'no',
    'personal-data': 'no',
    'supplier-access': 'yes',
    'removable-media': 'yes',
    'off-site-equipment': 'yes',
    monitoring: 'outsourced',
    obligations: 'yes',
  },
  { monitoring: 'NorthWatch SOC' },
)

/** A hospital's IT department: its own buildings and data centre, everything in scope. */
const HOSPITAL = profile({
  premises: 'own',
  'secure-areas': 'yes',
  'remote-work': 'some',
  hosting: 'on-premises',
  development: 'both',
  production: 'yes',
  'payment-cards': 'yes',
  'health-data': 'yes',
  'personal-data': 'yes',
  'supplier-access': 'yes',
  'removable-media': 'yes',
  'off-site-equipment': 'yes',
  monitoring: 'in-house',
  obligations: 'yes',
})

function outcome(p: ScopingProfile) {
  const items = suggestDecisions(p)
  const only = (pred: (i: (typeof items)[number]) => boolean) =>
    items.filter(pred).map((i) => i.controlId)
  return {
    items,
    excluded: only((i) => i.options[0]!.applicability === 'excluded'),
    supplied: only((i) => i.options[0]!.provider === 'supplier'),
    warned: only((i) => i.warnings.length > 0),
    byId: new Map(items.map((i) => [i.controlId, i])),
  }
}

describe('suggested decisions from the scoping interview', () => {
  it('fully remote SaaS start-up: the premises controls excluded, home working kept and warned', () => {
    const { items, excluded, supplied, warned, byId } = outcome(REMOTE_SAAS)
    expect(items.map((i) => i.controlId)).toEqual(ANNEX_A_CONTROLS.map((c) => c.id))
    expect(excluded).toEqual([
      '7.1',
      '7.2',
      '7.3',
      '7.4',
      '7.5',
      '7.6',
      '7.8',
      '7.11',
      '7.12',
      '8.30',
    ])
    expect(supplied).toEqual([])
    expect(warned).toEqual(['7.7', '7.9', '7.10', '7.14'])
    const perimeter = byId.get('7.1')!.options[0]!
    expect(perimeter.justification).toMatch(/^Fully remote organization with no offices/)
    expect(perimeter.sources).toEqual([
      {
        label: 'Rule P1: excluded',
        detail:
          'Premises: no premises of its own, everyone works remotely; Hosting: cloud infrastructure it sets up itself, and SaaS',
      },
    ])
    expect(byId.get('7.9')!.warnings[0]).toMatch(/^A fully remote organization still needs 7\.9/)
    // Cloud infrastructure of its own: networks and development controls stay.
    for (const id of ['8.22', '8.25', '8.28', '8.31', '8.11']) expect(excluded).not.toContain(id)
    const privacy = byId.get('5.34')!.options[0]!
    expect(privacy.reasons).toEqual(['risk-assessment', 'legal-regulatory'])
    expect(privacy.justification).toContain('data-protection law applies in full')
    expect(privacy.sources.map((s) => s.label)).toEqual(['Baseline: applicable', 'Rule C3: reason'])
  })

  it('logistics company with one office: only outsourced development excluded, monitoring by its SOC', () => {
    const { excluded, supplied, warned, byId } = outcome(LOGISTICS)
    expect(excluded).toEqual(['8.30'])
    expect(supplied).toEqual(['8.16'])
    expect(warned).toEqual([])
    const monitoring = byId.get('8.16')!.options[0]!
    expect(monitoring.supplierName).toBe('NorthWatch SOC')
    expect(monitoring.justification).toMatch(/^Security events are watched by NorthWatch SOC/)
    expect(monitoring.reasons).toEqual(['risk-assessment', 'business-need'])
    expect(byId.get('7.11')!.options[0]!.justification).toContain(
      'Its servers stand on its own premises.',
    )
  })

  it('hospital IT department: every control applicable, with the legal and contractual reasons', () => {
    const { excluded, supplied, warned, byId } = outcome(HOSPITAL)
    expect(excluded).toEqual([])
    expect(supplied).toEqual([])
    expect(warned).toEqual([])
    expect(byId.get('8.11')!.options[0]!.reasons).toEqual([
      'risk-assessment',
      'legal-regulatory',
      'contractual',
    ])
    expect(byId.get('8.30')!.options[0]!.applicability).toBe('applicable')
  })

  it('a SaaS-only office firm without development: development, network and masking excluded', () => {
    const { excluded } = outcome(
      profile({
        premises: 'own',
        'secure-areas': 'no',
        hosting: 'saas',
        development: 'none',
        'payment-cards': 'no',
        'health-data': 'no',
        'personal-data': 'no',
        'remote-work': 'no',
      }),
    )
    expect(excluded).toEqual([
      '6.7',
      '7.6',
      '7.11',
      '8.4',
      '8.11',
      '8.25',
      '8.27',
      '8.28',
      '8.30',
      '8.31',
      '8.33',
    ])
  })

  it('a shared office hands the building to its operator, or says how to when unnamed', () => {
    const answers: Answers = { premises: 'shared', 'secure-areas': 'no', hosting: 'cloud' }
    const named = outcome(profile(answers, { premises: 'Hive Offices' }))
    expect(named.supplied).toEqual(['7.1', '7.2', '7.4', '7.5', '7.12'])
    expect(named.excluded).toEqual(['7.6', '7.11'])
    expect(named.byId.get('7.2')!.options[0]!.justification).toContain('run by Hive Offices')
    const unnamed = outcome(profile(answers))
    expect(unnamed.supplied).toEqual([])
    expect(unnamed.byId.get('7.2')!.warnings[0]).toMatch(/^Name the supplier in the interview/)
    expect(unnamed.byId.get('7.2')!.options[0]!.justification).toContain('run by the supplier')
  })

  it('an empty interview suggests every control applicable through the baseline', () => {
    const { items, excluded } = outcome(profile({}))
    expect(excluded).toEqual([])
    for (const item of items)
      expect(item.options[0]!.sources[0]!.label).toBe('Baseline: applicable')
    expect(items.find((i) => i.controlId === '5.15')!.options[0]!.justification).toBe(
      NON_EXCLUDABLE_CONTROLS.find((c) => c.id === '5.15')!.reason,
    )
  })

  it('ignores a follow-up answer whose question is no longer asked', () => {
    const p = profile({ premises: 'none', 'secure-areas': 'no', hosting: 'saas' })
    expect(askedQuestions(p).map((q) => q.id)).not.toContain('secure-areas')
    expect(scopingProgress(p)).toEqual({ answered: 2, asked: 13 })
  })

  it('names contradicting answers', () => {
    expect(
      scopingContradictions(profile({ premises: 'none', hosting: 'on-premises' })),
    ).toHaveLength(1)
    expect(scopingContradictions(REMOTE_SAAS)).toEqual([])
  })

  it('never suggests an exclusion no review may apply, whatever the answers', () => {
    const questions = SCOPING_TABLE.questions
    // Every combination of the answers that decide exclusions, and one value for the rest.
    const decisive: ScopingQuestionId[] = [
      'premises',
      'secure-areas',
      'remote-work',
      'hosting',
      'development',
    ]
    const combos: Answers[] = [{}]
    for (const id of decisive) {
      const q = questions.find((x) => x.id === id)!
      const next: Answers[] = []
      for (const c of combos) for (const o of q.options) next.push({ ...c, [id]: o.value })
      combos.splice(0, combos.length, ...next)
    }
    for (const c of combos) {
      const answers: Answers = {
        ...c,
        'payment-cards': 'no',
        'health-data': 'no',
        'personal-data': 'no',
      }
      for (const item of suggestDecisions(profile(answers, { premises: 'X', hosting: 'Y' }))) {
        for (const p of item.options) expect(proposalProblem(p), JSON.stringify(answers)).toBeNull()
      }
    }
  })

  it('skips a rule that would exclude a control that cannot be excluded, and says so', () => {
    const table = {
      ...SCOPING_TABLE,
      decisionRules: [
        {
          id: 'BAD',
          controls: ['5.15', '7.7'] as const,
          when: [{ question: 'premises', is: ['none'] }] as const,
          then: { applicability: 'excluded', exclusionReason: 0 } as const,
        },
      ],
    }
    const items = suggestDecisions(profile({ premises: 'none' }), table)
    for (const id of ['5.15', '7.7']) {
      const item = items.find((i) => i.controlId === id)!
      expect(item.options[0]!.applicability).toBe('applicable')
      expect(item.warnings.join(' ')).toContain('Rule BAD')
    }
    expect(HOME_WORKING_CONTROLS.map((c) => c.id)).toContain('7.7')
  })
})

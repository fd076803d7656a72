/**
 * Hand-built assessments with the band and blockers a certification auditor would give them.
 * Each scenario is one pattern seen when consultants imported real-looking backups: the verdict
 * must not say "Ready for Stage 1" where an auditor would stop the audit.
 */
import { describe, expect, it } from 'vitest'
import type { ControlId } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import type { Risk } from '@/domain/model'
import { computeReadiness, type BlockerKind, type ReadinessBand } from '@/domain/readiness'
import {
  CONTROL_IDS,
  allAnswers,
  applicable,
  controlsFrom,
  excluded,
  fullyReady,
  SCOPE_STATEMENT,
  makeAnswer,
  makeInput,
  makeRisk,
  questionsOf,
  withAnswer,
  withDecision,
} from './builders'

const fullyEvidenced = fullyReady
const SCOPE = { scopeStatement: SCOPE_STATEMENT }

const kinds = (input: AssessmentInput) => computeReadiness(input).blockers.map((b) => b.kind)

interface Scenario {
  readonly name: string
  readonly input: () => AssessmentInput
  readonly band: ReadinessBand
  /** Exactly the kinds of blocker an auditor would name. */
  readonly blockers: readonly BlockerKind[]
}

const twelveRisks = (): Risk[] =>
  Array.from({ length: 12 }, (_, i) =>
    makeRisk(`r-${i + 1}`, {
      owner: '',
      acceptedBy: '',
      acceptedOn: null,
      ...(i < 3 ? { likelihood: 5, impact: 5, treatment: null } : {}),
    }),
  )

const CORE_EXCLUDED: ControlId[] = ['5.1', '5.15', '8.7', '8.8', '8.13', '8.24']

/** Sub-clauses about context, leadership and communication, left not started in one scenario. */
const NOT_ADDRESSED = ['4.1', '4.2', '5.1', '5.3', '6.1.1', '7.3', '7.4'] as const

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'every answer in place, every control applicable with a reason, none implemented, an empty register',
    input: () => ({
      ...makeInput({
        answers: allAnswers('in-place'),
        decisions: CONTROL_IDS.map((id) => applicable(id, 'not-implemented')),
      }),
      workspace: SCOPE,
    }),
    band: 'not-ready',
    blockers: ['risk-assessment', 'treatment-plan', 'missing-document', 'implementation-floor'],
  },
  {
    name: `the ${NOT_ADDRESSED.flatMap(questionsOf).length} questions of 4.1, 4.2, 5.1, 5.3, 6.1.1, 7.3 and 7.4 not started, everything else in place`,
    input: () => {
      let input = fullyEvidenced()
      for (const clause of NOT_ADDRESSED) {
        for (const id of questionsOf(clause))
          input = withAnswer(input, makeAnswer(id, 'not-started'))
      }
      return input
    },
    band: 'partly-ready',
    blockers: ['requirements-not-addressed'],
  },
  {
    name: '12 risks with no owner and no accepted residual risk, three rated 5 × 5 with no treatment',
    input: () => ({ ...fullyEvidenced(), risks: twelveRisks() }),
    band: 'partly-ready',
    // 8.3 (risk treatment results) says who accepted what remains: the register says nobody.
    blockers: ['treatment-plan', 'missing-document'],
  },
  {
    name: '5.1, 5.15, 8.7, 8.8, 8.13 and 8.24 excluded with the justification "n/a"',
    input: () =>
      CORE_EXCLUDED.reduce(
        (input, id) => withDecision(input, excluded(id, 'n/a')),
        fullyEvidenced(),
      ),
    band: 'partly-ready',
    blockers: ['soa'],
  },
  {
    name: 'half the SoA undecided',
    // The undecided half includes a control treating a significant risk: not running either.
    input: () => {
      const input = fullyEvidenced()
      return {
        ...input,
        decisions: input.decisions.filter((_, i) => i % 2 === 0),
      }
    },
    band: 'partly-ready',
    blockers: ['soa', 'implementation-floor'],
  },
  {
    name: 'the competence record only partly in place',
    input: () => withAnswer(fullyEvidenced(), makeAnswer('q-7.2-competence-records', 'partly')),
    band: 'nearly-ready',
    blockers: ['missing-document'],
  },
  {
    name: 'no internal audit ever held',
    input: () =>
      questionsOf('9.2.2').reduce(
        (input, id) => withAnswer(input, makeAnswer(id, 'not-started')),
        fullyEvidenced(),
      ),
    band: 'partly-ready',
    blockers: ['internal-audit', 'requirements-not-addressed'],
  },
  {
    name: '"the SoA is in place" with all 93 controls undecided',
    input: () => ({ ...fullyEvidenced(), decisions: [] }),
    band: 'partly-ready',
    blockers: ['soa', 'implementation-floor'],
  },
  {
    name: '"risk assessment results exist" with an empty register',
    input: () => ({ ...fullyEvidenced(), risks: [] }),
    band: 'not-ready',
    blockers: ['risk-assessment', 'treatment-plan', 'missing-document'],
  },
  {
    name: 'no scope statement recorded although 4.3 is answered in place',
    input: () => ({ ...fullyEvidenced(), workspace: { scopeStatement: '' } }),
    band: 'not-ready',
    blockers: ['scope'],
  },
  {
    name: 'a fully evidenced assessment',
    input: fullyEvidenced,
    band: 'ready',
    blockers: [],
  },
  {
    name: 'a fully remote company excluding the 10 physical controls about premises, in words',
    input: () =>
      controlsFrom(7)
        .filter((id) => !['7.7', '7.9', '7.10', '7.14'].includes(id))
        .reduce(
          (input, id) =>
            withDecision(
              input,
              excluded(id, 'Fully remote company: no offices or premises of our own.'),
            ),
          fullyEvidenced(),
        ),
    band: 'ready',
    blockers: [],
  },
  {
    name: 'only 60% of the applicable controls running',
    input: () =>
      CONTROL_IDS.slice(Math.ceil(CONTROL_IDS.length * 0.6)).reduce(
        (input, id) => withDecision(input, applicable(id, 'planned')),
        fullyEvidenced(),
      ),
    band: 'nearly-ready',
    blockers: ['implementation-floor'],
  },
  {
    name: 'a risk rated above the threshold whose only control is not implemented',
    input: () => withDecision(fullyEvidenced(), applicable('8.13', 'planned')),
    band: 'nearly-ready',
    blockers: ['implementation-floor'],
  },
]

describe('verdict scenarios an auditor would judge', () => {
  it.each(SCENARIOS)('$name: $band', ({ input, band, blockers }) => {
    const readiness = computeReadiness(input())
    expect(readiness.band).toBe(band)
    expect(new Set(kinds(input()))).toEqual(new Set(blockers))
  })

  it('never scores an indefensible exclusion above its honest twin that keeps the controls applicable', () => {
    const honest = CORE_EXCLUDED.reduce(
      (input, id) => withDecision(input, applicable(id, 'not-implemented')),
      fullyEvidenced(),
    )
    const excludedNa = CORE_EXCLUDED.reduce(
      (input, id) => withDecision(input, excluded(id, 'n/a')),
      fullyEvidenced(),
    )
    expect(computeReadiness(excludedNa).exact).toBeLessThan(computeReadiness(honest).exact)
  })

  it('ranks never having held an internal audit further from Stage 1 than a partly kept competence record', () => {
    const audit = SCENARIOS.find((s) => s.name === 'no internal audit ever held')
    const competence = SCENARIOS.find((s) => s.name.startsWith('the competence record'))
    expect(audit && competence).toBeTruthy()
    const rank = ['not-ready', 'partly-ready', 'nearly-ready', 'ready']
    expect(rank.indexOf(computeReadiness(audit!.input()).band)).toBeLessThan(
      rank.indexOf(computeReadiness(competence!.input()).band),
    )
  })

  it('says in plain words where an answer and the records disagree, and lets the records win', () => {
    const readiness = computeReadiness({ ...fullyEvidenced(), decisions: [] })
    const finding = readiness.findings.find((f) => f.id === 'contradiction:soa-rows')
    expect(finding?.text).toContain('93 of the 93 controls are still undecided')
    expect(finding?.counted).toBe('not-started')
    const soaPart = readiness.parts.soaCompleteness
    expect(soaPart.fraction).toBe(0)
  })

  it('does not count a risk rated outside the scale of the criteria as assessed', () => {
    const threeLevels = {
      scale: 3,
      likelihoodLabels: ['Low', 'Medium', 'High'],
      impactLabels: ['Low', 'Medium', 'High'],
      acceptanceThreshold: 2,
    } as const
    const input = {
      ...fullyEvidenced(),
      risks: [
        makeRisk('r-1', { likelihood: 5, impact: 3, residualLikelihood: 1, residualImpact: 1 }),
      ],
      workspace: { ...SCOPE, riskCriteria: threeLevels },
    }
    const readiness = computeReadiness(input)
    const blocker = readiness.blockers.find((b) => b.kind === 'risk-assessment')
    expect(blocker?.reasons[0]).toBe(
      'The only risk is rated outside the scale of the risk criteria.',
    )
    expect(readiness.band).toBe('not-ready')
  })

  it('names each indefensible exclusion as a finding with its reason', () => {
    const readiness = computeReadiness(
      withDecision(fullyEvidenced(), excluded('5.15', 'We trust all our staff completely.')),
    )
    const finding = readiness.findings.find((f) => f.id === 'indefensible-exclusion:5.15')
    expect(finding?.text).toMatch(/no organization can defend excluding it/)
    expect(readiness.band).toBe('partly-ready')
  })
})

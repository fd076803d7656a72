import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QUESTIONS } from '@/content'
import { rankImprovements } from '@/domain/improvements'
import { RECORD_BACKED_QUESTIONS, bandRank, computeReadiness } from '@/domain/readiness'
import {
  applicable,
  applyImprovement,
  excluded,
  fullyReady,
  makeAnswer,
  makeInput,
  makeRisk,
  midWorkspace,
  shuffledArb,
  withAnswer,
  withDecision,
  workspaceArb,
} from './builders'

/** Property tests run hundreds of workspaces: a loaded CI machine needs more than 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 }

const TODAY = '2026-11-20'

describe('rankImprovements: worked examples', () => {
  it('suggests nothing when the workspace is complete', () => {
    expect(rankImprovements(fullyReady())).toEqual([])
  })

  it('returns five by default, as many as asked, and none for a limit of 0', () => {
    const empty = makeInput()
    expect(rankImprovements(empty)).toHaveLength(5)
    expect(rankImprovements(empty, 12)).toHaveLength(12)
    expect(rankImprovements(empty, 0)).toEqual([])
    // Every question and every undecided control, except the answers that only a record can
    // support while the record is missing (they would gain nothing yet).
    const recordBacked = Object.keys(RECORD_BACKED_QUESTIONS).length
    expect(rankImprovements(empty, Infinity)).toHaveLength(QUESTIONS.length - recordBacked + 93)
  })

  it('puts what lifts a "not ready" blocker before what lifts a "nearly ready" one', () => {
    const input = withAnswer(
      withAnswer(fullyReady(), makeAnswer('q-5.2-documented', 'partly')),
      makeAnswer('q-9.1-results-retained', 'partly'),
    )
    const [first, second] = rankImprovements(input)
    expect(first?.questionId).toBe('q-5.2-documented')
    expect(first?.removesBlockers.map((b) => b.kind)).toEqual(['policy'])
    // Each step starts from the records as they are: the policy still caps the second one.
    expect(first?.bandAfter).toBe('nearly-ready')
    expect(second?.questionId).toBe('q-9.1-results-retained')
    expect(second?.removesBlockers.map((b) => b.kind)).toEqual(['missing-document'])
    expect(second?.bandAfter).toBe('not-ready')
  })

  it('asks for the scope statement when only the record is missing', () => {
    const input = { ...fullyReady(), workspace: { scopeStatement: '' } }
    const [first] = rankImprovements(input)
    expect(first?.kind).toBe('scope-statement')
    expect(first?.bandAfter).toBe('ready')
  })

  it('proposes the next step of the oldest risk that lacks it, naming how many more do', () => {
    const risks = [
      makeRisk('r-1', { owner: '', createdAt: '2026-10-01T10:00:00.000Z' }),
      makeRisk('r-2', { owner: '' }),
    ]
    const ranked = rankImprovements({ ...fullyReady(), risks }, Infinity, TODAY)
    const owner = ranked.find((i) => i.kind === 'risk-owner')
    expect(owner?.riskId).toBe('r-1')
    expect(owner?.action).toContain('and 1 more risk without one')
  })

  it('asks to reconsider an exclusion no organization can defend', () => {
    const input = withDecision(fullyReady(), excluded('5.15', 'We trust all of our staff fully.'))
    const [first] = rankImprovements(input)
    expect(first?.kind).toBe('control-reconsider-exclusion')
    expect(first?.reference).toBe('5.15')
    expect(first?.removesBlockers.map((b) => b.kind)).toEqual(['soa'])
  })

  it('does not ask to justify a control that a linked risk treated by modification justifies', () => {
    const input = withDecision(fullyReady(), applicable('8.13', 'implemented', { reasons: [] }))
    expect(rankImprovements(input, Infinity).map((i) => i.id)).not.toContain('control-justify:8.13')
  })

  it('ranks a mid-way workspace with a blocker-lifting step first', () => {
    const [first] = rankImprovements(midWorkspace())
    expect(first?.removesBlockers.length).toBeGreaterThan(0)
  })
})

describe('rankImprovements: properties over random workspaces', PROPERTY_TIMEOUT, () => {
  it('reports for each step exactly the score, band and blockers that making it gives', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const before = computeReadiness(input)
        for (const improvement of rankImprovements(input, Infinity, TODAY)) {
          const after = computeReadiness(applyImprovement(input, improvement, TODAY))
          expect(after.exact).toBeCloseTo(before.exact + improvement.gain.exact, 9)
          expect(after.score).toBe(improvement.scoreAfter)
          expect(improvement.gain.rounded).toBe(after.score - before.score)
          expect(after.band).toBe(improvement.bandAfter)
          const lifted = before.blockers.filter((b) => !after.blockers.some((a) => a.id === b.id))
          expect(improvement.removesBlockers.map((b) => b.id)).toEqual(lifted.map((b) => b.id))
          expect(improvement.gain.exact > 1e-9 || lifted.length > 0).toBe(true)
        }
      }),
      { numRuns: 80 },
    )
  })

  it('ranks the step lifting the most serious blocker first, then by gain', () => {
    const liftRank = (i: { removesBlockers: readonly { cap: Parameters<typeof bandRank>[0] }[] }) =>
      Math.min(4, ...i.removesBlockers.map((b) => bandRank(b.cap)))
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const ranked = rankImprovements(input, Infinity)
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]]
          if (!a || !b) continue
          expect(liftRank(a)).toBeLessThanOrEqual(liftRank(b))
          if (liftRank(a) === liftRank(b)) {
            expect(a.gain.exact).toBeGreaterThanOrEqual(b.gain.exact - 1e-9)
          }
        }
        expect(rankImprovements(input)).toEqual(ranked.slice(0, 5))
      }),
      { numRuns: 100 },
    )
  })

  it('is deterministic: the same records in any order give the same ranking', () => {
    fc.assert(
      fc.property(
        workspaceArb.chain((input) => fc.tuple(fc.constant(input), shuffledArb(input))),
        ([input, shuffled]) => {
          expect(rankImprovements(shuffled, Infinity)).toEqual(rankImprovements(input, Infinity))
        },
      ),
      { numRuns: 100 },
    )
  })
})

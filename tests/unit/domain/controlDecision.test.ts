import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, CONTENT_VERSION, type ControlId } from '@/content'
import {
  chooseApplicability,
  chooseJustification,
  countUndecided,
  decisionProblems,
  emptyDecision,
  filterControls,
  NO_CONTROL_FILTER,
  nextUndecided,
  planBulkDecision,
  type ApplicabilityChoice,
  type BulkDecision,
  type ControlFilter,
} from '@/domain/controlDecision'
import type { ControlDecision } from '@/domain/model'

const WS = 'ws-1'
const T0 = '2026-11-01T10:00:00.000Z'
const T1 = '2026-11-02T10:00:00.000Z'

function decision(controlId: ControlId, overrides: Partial<ControlDecision> = {}): ControlDecision {
  return { ...emptyDecision(WS, controlId, T0), ...overrides }
}

function decisions(...rows: ControlDecision[]): Map<string, ControlDecision> {
  return new Map(rows.map((d) => [d.controlId, d]))
}

function filter(overrides: Partial<ControlFilter>): ControlFilter {
  return { ...NO_CONTROL_FILTER, ...overrides }
}

const ids = (controls: readonly { id: string }[]) => controls.map((c) => c.id)

describe('decisionProblems', () => {
  it('finds nothing wrong with an undecided or a plain applicable decision', () => {
    expect(decisionProblems(decision('5.1'))).toEqual([])
    expect(decisionProblems(decision('5.1', { applicability: 'applicable' }))).toEqual([])
  })

  it('does not record an exclusion without a justification', () => {
    expect(decisionProblems(decision('7.1', { applicability: 'excluded' }))).toEqual([
      'exclusion-needs-justification',
    ])
    expect(
      decisionProblems(decision('7.1', { applicability: 'excluded', justification: ' \n\t ' })),
    ).toEqual(['exclusion-needs-justification'])
  })

  it('accepts an exclusion with a written justification', () => {
    expect(
      decisionProblems(
        decision('7.1', { applicability: 'excluded', justification: 'Fully remote, no offices' }),
      ),
    ).toEqual([])
  })

  it('asks for the name of the supplier that provides an applicable control', () => {
    const bySupplier = decision('8.13', { applicability: 'applicable', provider: 'supplier' })
    expect(decisionProblems(bySupplier)).toEqual(['supplier-needs-name'])
    expect(decisionProblems({ ...bySupplier, supplierName: '   ' })).toEqual([
      'supplier-needs-name',
    ])
    expect(decisionProblems({ ...bySupplier, supplierName: 'Backblaze' })).toEqual([])
  })

  it('does not ask for a supplier name when the control is not applicable', () => {
    expect(
      decisionProblems(
        decision('8.13', { applicability: 'excluded', provider: 'supplier', justification: 'x' }),
      ),
    ).toEqual([])
  })
})

describe('chooseJustification', () => {
  const applying = {
    justification: 'Customer contracts require it.',
    writtenFor: 'applicable',
    setAside: {},
  } as const

  it('sets the reason for applying aside when the control is excluded, and asks for a new one', () => {
    expect(chooseJustification(applying, 'excluded')).toEqual({
      justification: '',
      writtenFor: 'excluded',
      setAside: { applicable: 'Customer contracts require it.' },
    })
  })

  it('gives each side its own text back when the control flips back and forth', () => {
    const excluded = chooseJustification(applying, 'excluded')
    const written = { ...excluded, justification: 'No offices: fully remote.' }
    const back = chooseJustification(written, 'applicable')
    expect(back.justification).toBe('Customer contracts require it.')
    expect(back.setAside).toEqual({ excluded: 'No offices: fully remote.' })
    expect(chooseJustification(back, 'excluded').justification).toBe('No offices: fully remote.')
  })

  it('keeps the text through undecided, and a text written while undecided for the side chosen', () => {
    expect(chooseJustification(applying, 'undecided')).toBe(applying)
    const undecided = { justification: 'Draft', writtenFor: null, setAside: {} } as const
    expect(chooseJustification(undecided, 'excluded')).toEqual({
      justification: 'Draft',
      writtenFor: 'excluded',
      setAside: {},
    })
    const viaUndecided = chooseJustification(chooseJustification(applying, 'undecided'), 'excluded')
    expect(viaUndecided.justification).toBe('')
  })
})

describe('chooseApplicability', () => {
  const applicable: ApplicabilityChoice = {
    applicability: 'applicable',
    reasons: ['risk-assessment', 'contractual'],
    setAsideReasons: [],
  }

  it('clears the reasons for applying a control when it is switched to excluded', () => {
    expect(chooseApplicability(applicable, 'excluded')).toEqual({
      applicability: 'excluded',
      reasons: [],
      setAsideReasons: ['risk-assessment', 'contractual'],
    })
  })

  it('clears reasons left over from an earlier "applicable" when an undecided control is excluded', () => {
    const undecided = chooseApplicability(applicable, 'undecided')
    expect(undecided.reasons).toEqual(['risk-assessment', 'contractual'])
    expect(chooseApplicability(undecided, 'excluded').reasons).toEqual([])
  })

  it('gives the reasons back when the control is switched back to applicable', () => {
    const excluded = chooseApplicability(applicable, 'excluded')
    expect(chooseApplicability(excluded, 'applicable')).toEqual(applicable)
    const viaUndecided = chooseApplicability(
      chooseApplicability(excluded, 'undecided'),
      'applicable',
    )
    expect(viaUndecided).toEqual(applicable)
  })

  it('keeps reasons ticked for the exclusion itself when switching back to applicable', () => {
    const excluded = chooseApplicability(applicable, 'excluded')
    const ticked = { ...excluded, reasons: ['business-need'] as const }
    expect(chooseApplicability(ticked, 'applicable')).toEqual({
      applicability: 'applicable',
      reasons: ['business-need'],
      setAsideReasons: [],
    })
  })

  it('changes nothing when the same applicability is chosen again', () => {
    expect(chooseApplicability(applicable, 'applicable')).toBe(applicable)
  })
})

describe('planBulkDecision', () => {
  const exclude: BulkDecision = {
    applicability: 'excluded',
    reasons: ['business-need'],
    justification: '  Fully remote organization  ',
  }

  it('refuses an exclusion without a justification', () => {
    for (const justification of ['', '   \n ']) {
      expect(
        planBulkDecision(WS, ['7.1', '7.2'], new Map(), { ...exclude, justification }, T1),
      ).toEqual({ ok: false, problem: 'exclusion-needs-justification' })
    }
  })

  it('allows marking controls applicable without a justification', () => {
    const plan = planBulkDecision(
      WS,
      ['5.1'],
      new Map(),
      { applicability: 'applicable', reasons: [], justification: '' },
      T1,
    )
    expect(plan.ok).toBe(true)
  })

  it('keeps owner, evidence and implementation status of existing decisions', () => {
    const existing = decision('7.1', {
      applicability: 'applicable',
      provider: 'supplier',
      supplierName: 'Landlord',
      implementationStatus: 'partly',
      owner: 'Office manager',
      evidence: ['Site plan v3'],
      reasons: ['risk-assessment'],
      justification: 'Office in shared building',
    })
    const plan = planBulkDecision(WS, ['7.1'], decisions(existing), exclude, T1)
    if (!plan.ok) throw new Error('expected a plan')
    expect(plan.changes).toHaveLength(1)
    const [change] = plan.changes
    expect(change?.before).toBe(existing)
    expect(change?.after).toEqual({
      ...existing,
      applicability: 'excluded',
      reasons: ['business-need'],
      justification: 'Fully remote organization',
      contentVersion: CONTENT_VERSION,
      updatedAt: T1,
    })
  })

  it('leaves out controls already in exactly that state', () => {
    const same = decision('7.1', {
      applicability: 'excluded',
      reasons: ['business-need'],
      justification: 'Fully remote organization',
    })
    const otherReasons = decision('7.2', {
      applicability: 'excluded',
      reasons: ['contractual'],
      justification: 'Fully remote organization',
    })
    const otherText = decision('7.3', {
      applicability: 'excluded',
      reasons: ['business-need'],
      justification: 'No offices',
    })
    const plan = planBulkDecision(
      WS,
      ['7.1', '7.2', '7.3'],
      decisions(same, otherReasons, otherText),
      exclude,
      T1,
    )
    if (!plan.ok) throw new Error('expected a plan')
    expect(plan.changes.map((c) => c.controlId)).toEqual(['7.2', '7.3'])
  })

  it('treats the same reasons in another order as unchanged', () => {
    const same = decision('7.1', {
      applicability: 'excluded',
      reasons: ['contractual', 'business-need'],
      justification: 'Fully remote organization',
    })
    const plan = planBulkDecision(
      WS,
      ['7.1'],
      decisions(same),
      { ...exclude, reasons: ['business-need', 'contractual'] },
      T1,
    )
    expect(plan).toEqual({ ok: true, changes: [] })
  })

  it('creates a decision for a control that had none, with before undefined', () => {
    const plan = planBulkDecision(WS, ['7.4'], new Map(), exclude, T1)
    if (!plan.ok) throw new Error('expected a plan')
    expect(plan.changes).toEqual([
      {
        controlId: '7.4',
        before: undefined,
        after: {
          ...emptyDecision(WS, '7.4', T1),
          applicability: 'excluded',
          reasons: ['business-need'],
          justification: 'Fully remote organization',
        },
      },
    ])
  })

  it('lists changes in the order the controls were given', () => {
    const plan = planBulkDecision(WS, ['8.3', '5.1', '7.14'], new Map(), exclude, T1)
    if (!plan.ok) throw new Error('expected a plan')
    expect(plan.changes.map((c) => c.controlId)).toEqual(['8.3', '5.1', '7.14'])
  })

  it('does not share the reasons array between the plan and the caller', () => {
    const reasons: BulkDecision['reasons'] = ['risk-assessment']
    const plan = planBulkDecision(WS, ['5.1'], new Map(), { ...exclude, reasons }, T1)
    if (!plan.ok) throw new Error('expected a plan')
    expect(plan.changes[0]?.after.reasons).toEqual(['risk-assessment'])
    expect(plan.changes[0]?.after.reasons).not.toBe(reasons)
  })
})

describe('filterControls', () => {
  const none = new Map<string, ControlDecision>()

  it('shows every control without a filter, in catalog order', () => {
    expect(ids(filterControls(ANNEX_A_CONTROLS, none, NO_CONTROL_FILTER))).toEqual(
      ids(ANNEX_A_CONTROLS),
    )
    expect(ANNEX_A_CONTROLS).toHaveLength(93)
  })

  it('matches a control number as a prefix: "8.2" finds 8.2 and 8.20 to 8.29', () => {
    const expected = ['8.2', ...Array.from({ length: 10 }, (_, i) => `8.2${i}`)]
    expect(ids(filterControls(ANNEX_A_CONTROLS, none, filter({ text: '8.2' })))).toEqual(expected)
    expect(expected).toHaveLength(11)
  })

  it('accepts the Annex A prefix and surrounding spaces', () => {
    const plain = ids(filterControls(ANNEX_A_CONTROLS, none, filter({ text: '8.2' })))
    for (const text of ['A.8.2', 'a.8.2', '  A.8.2 ']) {
      expect(ids(filterControls(ANNEX_A_CONTROLS, none, filter({ text }))), text).toEqual(plain)
    }
  })

  it('matches words of the title ignoring case', () => {
    for (const text of ['BACKUP', 'backup', 'Information Backup']) {
      expect(ids(filterControls(ANNEX_A_CONTROLS, none, filter({ text }))), text).toEqual(['8.13'])
    }
  })

  it('finds nothing for text no control has', () => {
    expect(filterControls(ANNEX_A_CONTROLS, none, filter({ text: 'zzz-no-such' }))).toEqual([])
  })

  it('filters by theme', () => {
    const people = filterControls(ANNEX_A_CONTROLS, none, filter({ theme: 'People' }))
    expect(ids(people)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8'])
    const physical = filterControls(ANNEX_A_CONTROLS, none, filter({ theme: 'Physical' }))
    expect(physical).toHaveLength(14)
    expect(physical.every((c) => c.theme === 'Physical')).toBe(true)
  })

  it('counts controls without a decision as undecided', () => {
    const stored = decisions(
      decision('5.1', { applicability: 'applicable' }),
      decision('5.2', { applicability: 'excluded', justification: 'x' }),
      decision('5.3'),
    )
    const undecided = filterControls(
      ANNEX_A_CONTROLS,
      stored,
      filter({ applicability: 'undecided' }),
    )
    expect(undecided).toHaveLength(91)
    expect(ids(undecided)).toContain('5.3')
    expect(ids(undecided)).not.toContain('5.1')
    expect(ids(undecided)).not.toContain('5.2')
    expect(
      ids(filterControls(ANNEX_A_CONTROLS, stored, filter({ applicability: 'applicable' }))),
    ).toEqual(['5.1'])
    expect(
      ids(filterControls(ANNEX_A_CONTROLS, stored, filter({ applicability: 'excluded' }))),
    ).toEqual(['5.2'])
  })

  it('matches an implementation status only among applicable controls', () => {
    const stored = decisions(
      decision('5.1', { applicability: 'applicable', implementationStatus: 'implemented' }),
      decision('5.2', { applicability: 'applicable', implementationStatus: 'not-implemented' }),
      decision('5.3', {
        applicability: 'excluded',
        justification: 'x',
        implementationStatus: 'implemented',
      }),
      decision('5.4', { implementationStatus: 'not-implemented' }),
    )
    expect(
      ids(filterControls(ANNEX_A_CONTROLS, stored, filter({ implementation: 'implemented' }))),
    ).toEqual(['5.1'])
    // Undecided and missing decisions are "not implemented" by default, but only applicable
    // controls have an implementation status at all.
    expect(
      ids(filterControls(ANNEX_A_CONTROLS, stored, filter({ implementation: 'not-implemented' }))),
    ).toEqual(['5.2'])
  })

  it('shows the 11 controls new in the 2022 edition', () => {
    const fresh = filterControls(ANNEX_A_CONTROLS, none, filter({ newIn2022Only: true }))
    expect(fresh).toHaveLength(11)
    expect(fresh.every((c) => c.newIn2022)).toBe(true)
    expect(ids(fresh)).toContain('5.7')
    expect(ids(fresh)).toContain('8.28')
  })

  it('combines filters: every active filter must match', () => {
    const stored = decisions(
      decision('8.23', { applicability: 'applicable', implementationStatus: 'planned' }),
      decision('8.28', { applicability: 'applicable', implementationStatus: 'implemented' }),
    )
    expect(
      ids(
        filterControls(
          ANNEX_A_CONTROLS,
          stored,
          filter({
            text: '8.2',
            theme: 'Technological',
            applicability: 'applicable',
            implementation: 'planned',
            newIn2022Only: true,
          }),
        ),
      ),
    ).toEqual(['8.23'])
  })
})

describe('nextUndecided', () => {
  const controls = ANNEX_A_CONTROLS.slice(0, 5)
  const [c1, c2, c3, c4, c5] = ids(controls) as [
    ControlId,
    ControlId,
    ControlId,
    ControlId,
    ControlId,
  ]

  it('starts at the first control when there is no current one', () => {
    expect(nextUndecided(controls, new Map(), null)?.id).toBe(c1)
  })

  it('skips controls that are decided, counting a stored "undecided" as undecided', () => {
    const stored = decisions(
      decision(c2, { applicability: 'applicable' }),
      decision(c3, { applicability: 'excluded', justification: 'x' }),
      decision(c4),
    )
    expect(nextUndecided(controls, stored, c1)?.id).toBe(c4)
  })

  it('wraps around to the start of the catalog', () => {
    const stored = decisions(decision(c1, { applicability: 'applicable' }))
    expect(nextUndecided(controls, stored, c5)?.id).toBe(c2)
  })

  it('comes back to the current control when it is the only undecided one', () => {
    const stored = decisions(
      ...[c1, c2, c4, c5].map((id) => decision(id, { applicability: 'applicable' })),
    )
    expect(nextUndecided(controls, stored, c3)?.id).toBe(c3)
  })

  it('finds nothing when every control is decided', () => {
    const stored = decisions(
      ...ids(controls).map((id) => decision(id as ControlId, { applicability: 'applicable' })),
    )
    expect(nextUndecided(controls, stored, c2)).toBeUndefined()
    expect(nextUndecided(controls, stored, null)).toBeUndefined()
    expect(nextUndecided([], new Map(), null)).toBeUndefined()
  })
})

describe('countUndecided', () => {
  it('counts controls with no row or an "undecided" row', () => {
    expect(countUndecided(ANNEX_A_CONTROLS, new Map())).toBe(93)
    const stored = decisions(
      decision('5.1', { applicability: 'applicable' }),
      decision('5.2', { applicability: 'excluded', justification: 'x' }),
      decision('5.3'),
    )
    expect(countUndecided(ANNEX_A_CONTROLS, stored)).toBe(91)
  })

  it('is zero when every control is decided', () => {
    const stored = decisions(
      ...ANNEX_A_CONTROLS.map((c) => decision(c.id, { applicability: 'applicable' })),
    )
    expect(countUndecided(ANNEX_A_CONTROLS, stored)).toBe(0)
  })
})

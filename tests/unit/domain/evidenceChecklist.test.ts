import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, CLAUSE_SECTIONS, controlById, questionsFor } from '@/content'
import type { ClauseAnswer, ControlDecision } from '@/domain/model'
import {
  NO_EVIDENCE_TEXT,
  UNDECIDED_TEXT,
  buildEvidenceChecklist,
  checklistCells,
  excludedNote,
  totalsSentence,
  type ChecklistRow,
  type EvidenceChecklist,
} from '@/domain/evidenceChecklist'
import { registerOf, type RegisterEntry } from '@/domain/register'
import { T0, WS, applicable, excluded, makeAnswer, makeDecision } from './builders'

const TODAY = '2026-11-20'

/** The register as the store gives it: reconciled, with the rows named changed as given. */
function register(
  decisions: readonly ControlDecision[],
  changes: Record<string, Partial<RegisterEntry>> = {},
): RegisterEntry[] {
  const { entries } = registerOf([], new Map(decisions.map((d) => [d.controlId, d])), WS, T0)
  return entries.map((e) => {
    const key = e.source.kind === 'custom' ? '' : e.source.key
    return changes[key] ? { ...e, ...changes[key] } : e
  })
}

const APPROVED: Partial<RegisterEntry> = {
  status: 'approved',
  version: '2.1',
  approver: 'Jana Nováková',
  approvedOn: '2026-10-01',
  nextReviewOn: '2027-10-01',
  location: 'ISMS folder / Žižkov / IR-01',
}

function checklist(
  decisions: readonly ControlDecision[],
  answers: readonly ClauseAnswer[] = [],
  changes: Record<string, Partial<RegisterEntry>> = {},
): EvidenceChecklist {
  return buildEvidenceChecklist({
    answers,
    decisions,
    register: register(decisions, changes),
    today: TODAY,
  })
}

const rowOf = (list: EvidenceChecklist, reference: string): ChecklistRow => {
  const row = [...list.clauses, ...list.controls].find((r) => r.reference === reference)
  if (!row) throw new Error(`no row ${reference}`)
  return row
}

describe('the audit evidence checklist', () => {
  it('has a row per sub-clause and per control, in content order, when nothing is excluded', () => {
    const list = checklist([])
    expect(list.clauses.map((r) => r.reference)).toEqual(CLAUSE_SECTIONS.map((s) => s.id))
    expect(list.controls.map((r) => r.reference)).toEqual(ANNEX_A_CONTROLS.map((c) => `A.${c.id}`))
    expect(list.totals.all.rows).toBe(30 + 93)
    expect(list.excluded).toBe(0)
    expect(list.excludedNote).toBe('No Annex A control is excluded, so every control is listed.')
  })

  it('calls a control ready when it has evidence and its document is approved and current', () => {
    const list = checklist(
      [applicable('5.9', 'implemented', { evidence: ['Asset list v3'] })],
      [],
      {
        'asset-inventory': APPROVED,
      },
    )
    const row = rowOf(list, 'A.5.9')
    expect(row.status).toBe('ready')
    expect(row.stillMissing).toEqual([])
    expect(row.evidence).toEqual(['Asset list v3'])
    expect(row.samples).toEqual(controlById('5.9')?.evidence)
    expect(row.documents).toHaveLength(1)
    expect(row.documents[0]).toMatchObject({
      title: 'Inventory of information and assets',
      status: 'approved',
      version: '2.1',
      approver: 'Jana Nováková',
      approvedOn: '2026-10-01',
      nextReviewOn: '2027-10-01',
      location: 'ISMS folder / Žižkov / IR-01',
      link: null,
      problems: [],
    })
    expect(checklistCells(row)).toMatchObject({
      type: 'Control',
      status: 'Ready',
      documents:
        'Inventory of information and assets: Approved, version 2.1, approved by Jana Nováková on 2026-10-01, next review 2027-10-01, kept at ISMS folder / Žižkov / IR-01',
      stillMissing: '',
    })
  })

  it('calls 5.26 missing while the incident procedure is missing, and says so', () => {
    const list = checklist([
      applicable('5.24'),
      applicable('5.26', 'partly', { evidence: ['Incident log 2026'] }),
    ])
    const row = rowOf(list, 'A.5.26')
    expect(row.status).toBe('missing')
    expect(row.documents.map((d) => [d.title, d.status])).toEqual([
      ['Incident response procedure', 'missing'],
    ])
    expect(row.stillMissing).toEqual([
      'Incident response procedure: missing. Write it, or record in the register where it is kept.',
    ])
    // The same document serves 5.24: both rows name it.
    expect(rowOf(list, 'A.5.24').documents[0]?.title).toBe('Incident response procedure')
  })

  it('leaves an excluded control out, counts it, and says the SoA justifies it', () => {
    const list = checklist([excluded('5.31'), applicable('5.1')])
    expect(list.controls.map((r) => r.id)).not.toContain('5.31')
    expect(list.controls).toHaveLength(92)
    expect(list.excluded).toBe(1)
    expect(list.excludedNote).toBe(
      '1 Annex A control is excluded and not listed here: the Statement of Applicability gives the justification for each exclusion.',
    )
    expect(excludedNote(3)).toMatch(/^3 Annex A controls are excluded/)
  })

  it('calls a row partly ready when a review is overdue, naming the date', () => {
    const list = checklist(
      [applicable('8.13', 'implemented', { evidence: ['Restore test'] })],
      [],
      {
        'backup-policy': { ...APPROVED, nextReviewOn: '2026-11-19' },
      },
    )
    const row = rowOf(list, 'A.8.13')
    expect(row.status).toBe('partial')
    expect(row.stillMissing).toEqual([
      'Backup policy: review overdue since 2026-11-19. Review it and record the next date.',
    ])
    // Due today is not late.
    const due = checklist([applicable('8.13', 'implemented', { evidence: ['Restore test'] })], [], {
      'backup-policy': { ...APPROVED, nextReviewOn: TODAY },
    })
    expect(rowOf(due, 'A.8.13').status).toBe('ready')
  })

  it('calls a draft or an approval nobody can attribute partly ready', () => {
    const draft = checklist([applicable('5.15')], [], {
      'access-control-policy': { status: 'draft', version: '0.3' },
    })
    expect(rowOf(draft, 'A.5.15')).toMatchObject({
      status: 'partial',
      stillMissing: ['Access control policy: draft only. Have it approved before the audit.'],
    })
    const unsigned = checklist([applicable('5.15')], [], {
      'access-control-policy': { ...APPROVED, approver: ' ' },
    })
    const row = rowOf(unsigned, 'A.5.15')
    expect(row.status).toBe('partial')
    expect(row.stillMissing).toEqual([
      'Access control policy: marked approved, but who approved it or when is not recorded.',
    ])
    expect(checklistCells(row).documents).toContain('Approved, version 2.1, approved on 2026-10-01')
  })

  it('says when a sub-clause has no evidence reference', () => {
    const list = checklist([])
    const context = rowOf(list, '4.1')
    expect(context).toMatchObject({
      kind: 'clause',
      title: 'Understanding the organization and its context',
      applicability: null,
      evidence: [],
      documents: [],
      status: 'missing',
      stillMissing: [NO_EVIDENCE_TEXT.clause],
    })
    expect(context.samples).toEqual([...new Set(questionsFor('4.1').flatMap((q) => q.evidence))])

    // The scope approved but no answer naming evidence: something to show, not done.
    const scoped = checklist([], [], { 'isms-scope': APPROVED })
    expect(rowOf(scoped, '4.3')).toMatchObject({
      status: 'partial',
      stillMissing: [NO_EVIDENCE_TEXT.clause],
    })
  })

  it('gathers a sub-clause’s evidence from all its answers, trimmed and each once', () => {
    const [first, second] = questionsFor('4.3')
    const answers = [
      makeAnswer(first!.id, 'in-place', { evidence: [' Scope statement v2 ', 'Org chart'] }),
      makeAnswer(second!.id, 'partly', { evidence: ['Org chart', ''] }),
    ]
    const list = checklist([], answers, { 'isms-scope': APPROVED })
    const row = rowOf(list, '4.3')
    expect(row.evidence).toEqual(['Scope statement v2', 'Org chart'])
    expect(row.status).toBe('ready')
    expect(checklistCells(row).evidence).toBe('Scope statement v2\nOrg chart')
  })

  it('lists both documents of 6.1.3, and counts a clause missing while one is missing', () => {
    const [question] = questionsFor('6.1.3')
    const list = checklist([], [makeAnswer(question!.id, 'partly', { evidence: ['RTP'] })], {
      soa: APPROVED,
    })
    const row = rowOf(list, '6.1.3')
    expect(row.documents.map((d) => d.title)).toEqual([
      'Risk treatment process',
      'Statement of Applicability',
    ])
    expect(row.status).toBe('missing')
    expect(row.stillMissing).toHaveLength(1)
  })

  it('asks for a decision on an undecided control', () => {
    const list = checklist([makeDecision('7.4', { evidence: ['Patrol log'] })])
    expect(rowOf(list, 'A.7.4')).toMatchObject({
      applicability: 'undecided',
      status: 'partial',
      stillMissing: [UNDECIDED_TEXT],
    })
    expect(rowOf(list, 'A.7.5')).toMatchObject({
      status: 'missing',
      stillMissing: [UNDECIDED_TEXT, NO_EVIDENCE_TEXT.control],
    })
  })

  it('counts the rows by status and sums them', () => {
    const list = checklist([applicable('5.9', 'implemented', { evidence: ['x'] })], [], {
      'asset-inventory': APPROVED,
    })
    const { clauses, controls, all } = list.totals
    expect(all.rows).toBe(clauses.rows + controls.rows)
    expect(all.ready + all.partial + all.missing).toBe(all.rows)
    expect(controls.ready).toBe(1)
    expect(totalsSentence({ rows: 3, ready: 1, partial: 1, missing: 1 })).toBe(
      'Of 3 rows, 1 is ready, 1 partly ready and 1 missing.',
    )
  })

  it('treats a document the register has no row for as missing', () => {
    const decisions = [applicable('5.26', 'implemented', { evidence: ['x'] })]
    const list = buildEvidenceChecklist({ answers: [], decisions, register: [], today: TODAY })
    expect(rowOf(list, 'A.5.26').documents[0]).toMatchObject({
      title: 'Incident response procedure',
      status: 'missing',
      problems: ['missing'],
    })
  })

  it('does not depend on the order of its input', () => {
    const decisions = [excluded('5.31'), applicable('5.9'), applicable('8.13')]
    const answers = questionsFor('9.1').map((q, i) =>
      makeAnswer(q.id, 'partly', { evidence: [`E${i}`] }),
    )
    const entries = register(decisions, { 'backup-policy': APPROVED })
    const forward = buildEvidenceChecklist({ answers, decisions, register: entries, today: TODAY })
    const backward = buildEvidenceChecklist({
      answers: [...answers].reverse(),
      decisions: [...decisions].reverse(),
      register: entries,
      today: TODAY,
    })
    expect(backward).toEqual(forward)
  })
})

import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS } from '@/content'
import { buildGaps } from '@/domain/gaps'
import { rankImprovements } from '@/domain/improvements'
import { computeReadiness } from '@/domain/readiness'
import { buildSoa } from '@/domain/soa'
import { riskRefs, soaCells } from '@/domain/wording'
import { cellText, type Block, type TableBlock } from '@/reports/document'
import {
  GAP_REPORT_CHAPTERS,
  SCOPE_SECTION_TITLE,
  SCOPING_SECTION_TITLE,
  buildGapReportDocument,
  buildSoaDocument,
  type GapReportInput,
} from '@/reports/gapReportDocument'
import {
  CONSULTANT_WORKSPACE,
  consultantAssessment,
  consultantNote,
} from '../../../bench/consultantWorkspace'
import { changesBlocks, changesTitle } from '@/reports/changesSection'
import { sampleComparison } from './changesFixture'
import { buildEvidenceChecklist } from '@/domain/evidenceChecklist'
import { registerOf, type RegisterEntry } from '@/domain/register'
import { CHECKLIST_TITLE } from '@/reports/checklistSection'
import { SCOPING_PROFILE, SCOPING_ROWS, UNANSWERED_TOPICS } from './scopingFixture'

const input = consultantAssessment()
const DATE = '2027-02-15'

/** The consultant's register: reconciled, the incident procedure and the scope approved. */
const REGISTER: readonly RegisterEntry[] = registerOf(
  [],
  new Map(input.decisions.map((d) => [d.controlId, d])),
  'ws',
  '2027-01-01T09:00:00.000Z',
).entries.map((e) =>
  e.source.kind !== 'custom' && ['incident-response-procedure', 'isms-scope'].includes(e.source.key)
    ? { ...e, status: 'approved', approver: 'Petra Šimková', approvedOn: '2027-01-10' }
    : e,
)

function reportInput(overrides: Partial<GapReportInput> = {}): GapReportInput {
  return {
    meta: { workspace: CONSULTANT_WORKSPACE, date: DATE, appVersion: 'test' },
    readiness: computeReadiness(input),
    gaps: buildGaps(input),
    soa: buildSoa(input),
    improvements: rankImprovements(input, 5),
    answers: input.answers,
    decisions: input.decisions,
    register: REGISTER,
    risks: input.risks ?? [],
    ...overrides,
  }
}

const doc = buildGapReportDocument(reportInput())
const headings = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b] : []))
const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')
const allText = (blocks: readonly Block[]) =>
  blocks
    .flatMap((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return [b.text]
        case 'list':
          return b.items.flatMap((i) => [i.head ?? '', i.text, ...(i.details ?? [])])
        case 'table':
          return b.rows.flatMap((r) => r.map(cellText))
        default:
          return []
      }
    })
    .join('\n')

/** The blocks from the heading that starts with `from` up to the next heading of that level. */
function section(from: string): Block[] {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith(from))
  const level = (doc.blocks[start] as { level: number }).level
  const end = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level)
  return doc.blocks.slice(start, end < 0 ? undefined : end)
}

describe('the gap report document', () => {
  it('has its chapters in order, as level-1 headings', () => {
    const chapters = headings
      .filter((h) => h.level === 1)
      .map((h) => h.text.replace(/ \(\d+\)$/, ''))
    expect(chapters).toEqual([...GAP_REPORT_CHAPTERS])
  })

  it('puts the changes since a snapshot right after the executive summary, when there are any', () => {
    const changes = sampleComparison()
    const compared = buildGapReportDocument(reportInput({ changes }))
    const level1 = (blocks: readonly Block[]) =>
      blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []))
    const [summary, ...rest] = level1(doc.blocks)
    expect(level1(compared.blocks)).toEqual([summary, changesTitle(changes), ...rest])
    // The chapter is the changes module's, whole, between the summary and the roadmap.
    const start = compared.blocks.findIndex(
      (b) => b.kind === 'heading' && b.text === changesTitle(changes),
    )
    expect(compared.blocks.slice(start, start + changesBlocks(changes).length)).toEqual(
      changesBlocks(changes),
    )
    expect(compared.blocks[start + changesBlocks(changes).length]).toMatchObject({
      kind: 'heading',
      level: 1,
      text: GAP_REPORT_CHAPTERS[1],
    })
    expect(buildGapReportDocument(reportInput({ changes: null })).blocks).toEqual(doc.blocks)
  })

  it('puts every assessment detail on the cover, and the confidentiality line', () => {
    const facts = Object.fromEntries(doc.cover.facts.map((f) => [f.label, f.value]))
    expect(facts).toMatchObject({
      Organization: CONSULTANT_WORKSPACE.organizationName,
      Sector: CONSULTANT_WORKSPACE.sector,
      Size: CONSULTANT_WORKSPACE.size,
      Scope: CONSULTANT_WORKSPACE.scopeStatement,
      Assessor: CONSULTANT_WORKSPACE.assessor,
      Participants: CONSULTANT_WORKSPACE.participants,
      'Target audit date': CONSULTANT_WORKSPACE.targetAuditDate,
      'Document version': CONSULTANT_WORKSPACE.reportVersion,
      Date: DATE,
    })
    expect(doc.cover.confidentiality).toBe(CONSULTANT_WORKSPACE.confidentiality)
    const plain = buildGapReportDocument(
      reportInput({
        meta: {
          workspace: { ...CONSULTANT_WORKSPACE, confidentiality: ' ' },
          date: DATE,
          appVersion: 't',
        },
      }),
    )
    expect(plain.cover.confidentiality).toBe(
      'Confidential: prepared for Čistá Voda s.r.o. Not to be shared beyond the organization and its advisers.',
    )
  })

  it('carries every note of the workshop, once', () => {
    const text = allText(doc.blocks)
    for (const answer of input.answers) {
      expect(text.split(consultantNote(answer.questionId)), answer.questionId).toHaveLength(2)
    }
  })

  it('lists only agreed actions in the roadmap, by priority, each group by due date, the overdue marked', () => {
    const roadmap = section('Roadmap')
    const groups = roadmap
      .filter((b) => b.kind === 'heading' && b.level === 2)
      .map((b) => (b as { text: string }).text)
    expect(groups.at(-1)).toBe('Suggested next steps, not yet agreed')
    const order = ['Blocker', 'High', 'Medium', 'Low']
    const ranks = groups.slice(0, -1).map((g) => order.indexOf(g.split(' ')[0] ?? ''))
    expect([...ranks].sort()).toEqual(ranks)
    const agreed = buildGaps(input).filter((g) => g.plannedAction !== null)
    const rows = roadmap.filter((b): b is TableBlock => b.kind === 'table').flatMap((t) => t.rows)
    expect(rows).toHaveLength(agreed.length)
    for (const table of roadmap.filter((b): b is TableBlock => b.kind === 'table')) {
      const dues = table.rows.map((r) => cellText(r[0] ?? '').slice(0, 10))
      expect([...dues].sort()).toEqual(dues)
    }
    const overdue = rows.filter((r) => cellText(r[0] ?? '').includes('Overdue'))
    expect(overdue.length).toBe(agreed.filter((g) => (g.due ?? '9') < DATE).length)
    expect(overdue.length).toBeGreaterThan(0)
  })

  it('says each general next step once, and each finding only what is its own', () => {
    const gaps = buildGaps(input)
    const legends = tables.filter((t) => t.columns[1]?.header === 'What to do')
    const steps = legends.flatMap((t) => t.rows.map((r) => cellText(r[1] ?? '')))
    expect(new Set(steps).size).toBe(steps.length)
    for (const gap of gaps) expect(steps).toContain(gap.generalStep)
    const findings = section('Findings by clause')
    expect(
      allText(findings).split(gaps.find((g) => g.status === 'not-started')?.generalStep ?? '!'),
    ).toHaveLength(2)
  })

  it('refers to risks by R-01 … and prints no internal id', () => {
    const text = allText(doc.blocks)
    for (const risk of input.risks ?? []) expect(text).not.toContain(risk.id)
    expect(text).toContain('R-01')
    expect(text).toContain('R-08')
  })

  it('prints the SoA appendix after a landscape page break, each row worded as everywhere else', () => {
    const at = doc.blocks.findIndex((b) => b.kind === 'page-break' && b.orientation === 'landscape')
    expect(doc.blocks[at + 1]).toMatchObject({ kind: 'heading', text: GAP_REPORT_CHAPTERS[6] })
    const soaTable = doc.blocks.slice(at).find((b): b is TableBlock => b.kind === 'table')
    expect(soaTable?.rows).toHaveLength(ANNEX_A_CONTROLS.length)
    const refs = riskRefs(input.risks ?? [])
    buildSoa(input).forEach((row, i) => {
      const cells = soaCells(row, refs)
      const printed = soaTable?.rows[i]?.map(cellText) ?? []
      expect(printed[0]?.split('\n')[0]).toBe(`${cells.control} ${cells.title}`)
      expect(printed[0]?.includes('New in 2022')).toBe(row.newIn2022)
      // In-house is the default and goes unsaid; a supplier is named as everywhere else.
      if (row.provider === 'supplier') {
        expect(printed[1]).toBe(`${cells.decision}\n${cells.providedBy}`)
        expect(printed[1]).toContain('Supplier: DataCentrum Brno a.s.')
      } else {
        expect(printed[1]).toBe(cells.decision)
      }
    })
  })
})

describe('the audit evidence checklist in the gap report', () => {
  const checklist = buildEvidenceChecklist({
    answers: input.answers,
    decisions: input.decisions,
    register: REGISTER,
    today: DATE,
  })
  const rows = [...checklist.clauses, ...checklist.controls]
  const open = rows.filter((r) => r.status !== 'ready')

  it('comes after the risks and before the SoA appendix', () => {
    const at = (text: string) =>
      doc.blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text.startsWith(text))
    expect(at(CHECKLIST_TITLE)).toBeGreaterThan(at(GAP_REPORT_CHAPTERS[4]))
    expect(at(CHECKLIST_TITLE)).toBeLessThan(at(GAP_REPORT_CHAPTERS[6]))
    expect(GAP_REPORT_CHAPTERS[5]).toBe(CHECKLIST_TITLE)
  })

  it('gives the totals, the excluded controls, and lists only the rows not ready', () => {
    const blocks = section(CHECKLIST_TITLE)
    const text = allText(blocks)
    const { all } = checklist.totals
    expect(text).toContain(
      `Of ${all.rows} rows, ${all.ready} ${all.ready === 1 ? 'is' : 'are'} ready, ${all.partial} partly ready and ${all.missing} missing.`,
    )
    expect(text).toContain(checklist.excludedNote)
    expect(text).toContain('is a separate download')
    const totals = blocks.find((b): b is TableBlock => b.kind === 'table')
    expect(totals?.rows.map((r) => r.map(cellText))).toContainEqual([
      'All rows',
      String(all.rows),
      String(all.ready),
      String(all.partial),
      String(all.missing),
    ])
    // Ready rows exist in this assessment (the incident procedure is approved), but are left out.
    expect(all.ready).toBeGreaterThan(0)
    expect(open.length).toBeGreaterThan(0)
    expect(open.length).toBeLessThan(rows.length)
    const heading2 = blocks.findIndex(
      (b) => b.kind === 'heading' && b.text === `Still missing something (${open.length})`,
    )
    const table = blocks[heading2 + 1] as TableBlock
    expect(table.columns.map((c) => c.header)).toEqual(['Ref.', 'Title', 'Status', 'Still missing'])
    expect(table.rows.map((r) => cellText(r[0] ?? ''))).toEqual(open.map((r) => r.reference))
    open.forEach((row, i) => {
      expect(cellText(table.rows[i]?.[3] ?? '')).toBe(row.stillMissing.join('\n'))
    })
  })

  it('reads each document’s state from the register it is given', () => {
    const scopeMissing = 'Scope of the ISMS: missing.'
    expect(allText(section(CHECKLIST_TITLE))).not.toContain(scopeMissing)
    const bare = buildGapReportDocument(reportInput({ register: [] }))
    const start = bare.blocks.findIndex((b) => b.kind === 'heading' && b.text === CHECKLIST_TITLE)
    expect(allText(bare.blocks.slice(start))).toContain(scopeMissing)
  })
})

describe('the scoping interview in the gap report', () => {
  const withScoping = (scoping: (typeof CONSULTANT_WORKSPACE)['scoping']) =>
    buildGapReportDocument(
      reportInput({
        meta: { workspace: { ...CONSULTANT_WORKSPACE, scoping }, date: DATE, appVersion: 'test' },
      }),
    )

  it('prints a row per question answered, in interview order, after the verdict', () => {
    const scoped = withScoping(SCOPING_PROFILE)
    const at = scoped.blocks.findIndex(
      (b) => b.kind === 'heading' && b.text === SCOPING_SECTION_TITLE,
    )
    // Inside the scope section, which follows the verdict: after the scope statement, before
    // the assessor's summary.
    expect(scoped.blocks[at]).toMatchObject({ level: 3 })
    const scope = scoped.blocks.findIndex(
      (b) => b.kind === 'heading' && b.text === SCOPE_SECTION_TITLE,
    )
    expect(scoped.blocks[scope]).toMatchObject({ level: 2 })
    expect(scope).toBeLessThan(at)
    const lead = scoped.blocks.findIndex((b) => b.kind === 'paragraph' && b.style === 'lead')
    const summary = scoped.blocks.findIndex(
      (b) => b.kind === 'heading' && b.text === "Assessor's summary",
    )
    expect(scoped.blocks[0]).toMatchObject({ kind: 'heading', text: GAP_REPORT_CHAPTERS[0] })
    expect(lead).toBeGreaterThan(0)
    expect(scope).toBeGreaterThan(lead)
    expect(summary).toBe(at + 2)
    const table = scoped.blocks[at + 1] as TableBlock
    expect(table.kind).toBe('table')
    expect(table.columns.map((c) => c.header)).toEqual(['Topic', 'Answer'])
    expect(table.rows.map((r) => r.map(cellText))).toEqual(SCOPING_ROWS.map((r) => [...r]))
    const topics = table.rows.map((r) => cellText(r[0] ?? ''))
    for (const topic of UNANSWERED_TOPICS) expect(topics).not.toContain(topic)
  })

  it('prints the scope statement in full in the scope section, or says that none is recorded', () => {
    const statement = `${'The ISMS covers the SaaS platform, its development and its support. '.repeat(12)}Last line of the scope.`
    const scopeText = (scopeStatement: string) => {
      const blocks = buildGapReportDocument(
        reportInput({
          meta: {
            workspace: { ...CONSULTANT_WORKSPACE, scopeStatement, scoping: SCOPING_PROFILE },
            date: DATE,
            appVersion: 'test',
          },
        }),
      ).blocks
      const from = blocks.findIndex((b) => b.kind === 'heading' && b.text === SCOPE_SECTION_TITLE)
      const to = blocks.findIndex((b) => b.kind === 'heading' && b.text === SCOPING_SECTION_TITLE)
      return allText(blocks.slice(from + 1, to))
    }
    // The cover shows six lines of it at most; here it is whole.
    expect(scopeText(statement)).toContain('Last line of the scope.')
    expect(scopeText('  ')).toContain('No scope statement is recorded yet')
  })

  it('leaves the report as it is without an interview, or with nothing answered', () => {
    expect(withScoping(undefined)).toStrictEqual(doc)
    expect(withScoping({ answers: {}, names: {}, updatedAt: DATE })).toStrictEqual(doc)
    expect(allText(doc.blocks)).not.toContain(SCOPING_SECTION_TITLE)
  })
})

describe('the SoA document', () => {
  it('names version, owner and approval, and calls an unapproved SoA a draft', () => {
    const soa = buildSoa(input)
    const approved = buildSoaDocument({
      meta: { workspace: CONSULTANT_WORKSPACE, date: DATE, appVersion: 't' },
      soa,
      risks: input.risks ?? [],
    })
    expect(approved.cover.title).toBe('Statement of Applicability')
    expect(approved.cover.facts).toContainEqual({
      label: 'Approved',
      value: 'Jana Nováková, 2026-11-25',
    })
    const draft = buildSoaDocument({
      meta: {
        workspace: { ...CONSULTANT_WORKSPACE, soaApprover: '' },
        date: DATE,
        appVersion: 't',
      },
      soa,
      risks: input.risks ?? [],
    })
    expect(draft.cover.title).toBe('Statement of Applicability (draft)')
    expect(draft.cover.facts).toContainEqual({
      label: 'Approved',
      value: 'Not approved yet: this is a draft',
    })
  })
})

describe('the SoA document of an SoA approved in the app', () => {
  it('prints the approved version, or says it is a draft of the next, and the approval history', async () => {
    const { freezeSnapshot } = await import('@/domain/snapshot')
    const { soaStatus } = await import('@/domain/soaApproval')
    const soa = buildSoa(input)
    const approval = freezeSnapshot({
      id: 'approval-1',
      workspace: { id: 'ws', scopeStatement: '', riskCriteria: undefined },
      takenAt: '2026-11-20T10:00:00.000Z',
      label: 'SoA 1.0 approved',
      answers: [],
      decisions: input.decisions,
      risks: [],
      register: [],
      soaApproval: {
        version: '1.0',
        approver: 'Jana Nováková',
        approvedOn: '2026-11-20',
        changeNote: 'First',
      },
    })
    const document = (decisions: typeof input.decisions) =>
      buildSoaDocument({
        meta: {
          workspace: CONSULTANT_WORKSPACE,
          date: DATE,
          appVersion: 't',
          soa: soaStatus(CONSULTANT_WORKSPACE, [approval], decisions),
        },
        soa,
        risks: input.risks ?? [],
      })
    const approved = document(input.decisions)
    expect(approved.cover.title).toBe('Statement of Applicability')
    expect(approved.cover.facts).toContainEqual({ label: 'SoA version', value: '1.0' })
    expect(approved.cover.facts).toContainEqual({
      label: 'Approved',
      value: 'Version 1.0 approved by Jana Nováková on 2026-11-20',
    })
    expect(approved.blocks).toContainEqual({ kind: 'heading', level: 2, text: 'Approval history' })

    const changed = input.decisions.map((d) =>
      d.controlId === '5.1' ? { ...d, implementationStatus: 'planned' as const } : d,
    )
    const draft = document(changed)
    expect(draft.cover.title).toBe('Statement of Applicability (draft)')
    expect(draft.cover.facts).toContainEqual({
      label: 'SoA version',
      value: '1.1 (draft; 1.0 approved on 2026-11-20)',
    })
    const text = allText(draft.blocks)
    expect(text).toContain('Changes since version 1.0 (not approved yet)')
    expect(text).toContain('A.5.1 Policies for information security')
  })
})

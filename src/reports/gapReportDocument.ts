/**
 * What the gap report and the SoA say, as a ReportDocument (document.ts) that the PDF and the
 * Word renderers print alike. Pure: from the domain's results to headings, sentences and cells,
 * every value worded by src/domain/wording.ts, the same as on the Report screen.
 */
import { soaStatus, type SoaStatus } from '@/domain/soaApproval'
import { soaApprovalBlocks } from './soaApprovalSection'
import { CLAUSE_CHAPTERS, QUESTIONS } from '@/content'
import type { ClauseAnswer, ControlDecision, Risk, Workspace } from '@/domain/model'
import { buildEvidenceChecklist } from '@/domain/evidenceChecklist'
import type { RegisterEntry } from '@/domain/register'
import type { DetailField } from '@/domain/editableFields'
import type { Gap } from '@/domain/gaps'
import { GAP_SEVERITIES } from '@/domain/gaps'
import type { Improvement } from '@/domain/improvements'
import {
  NO_BLOCKERS_TEXT,
  SCORE_PART_KEYS,
  STAGE_EXPECTATION,
  bandLabel,
  type Readiness,
} from '@/domain/readiness'
import type { SoaRow } from '@/domain/soa'
import { inPlaceObservations } from '@/domain/observations'
import { scopingSummaryRows } from '@/domain/scopingSummary'
import { answerStatusLabel } from '@/domain/clauseAnswer'
import {
  DEFAULT_RISK_CRITERIA,
  LEVEL_BAND_LABELS,
  NO_RISK_FILTER,
  filterRisks,
  heatMap,
  levelBand,
  residualLevel,
  riskLevel,
  treatmentLabel,
  type RiskCriteria,
  type RiskView,
} from '@/domain/risk'
import {
  confidentialityLine,
  controlRef,
  gapCells,
  riskRefs,
  riskTitle,
  soaCells,
} from '@/domain/wording'
import { inSentence, pointGain } from '@/components/format'
import type { Comparison } from '@/domain/comparison'
import { changesBlocks } from './changesSection'
import { CHECKLIST_TITLE, checklistSummaryBlocks } from './checklistSection'
import { columns, heading, paragraph } from './document'
import type { Block, Cell, CellLine, Fact, ReportDocument } from './document'

/**
 * The workspace fields the reports print: its name, every detail its forms edit, and the scoping
 * interview's answers.
 */
export type ReportWorkspace = Pick<Workspace, 'organizationName' | DetailField | 'scoping'>

export interface ReportMeta {
  readonly workspace: ReportWorkspace
  /** The date printed on the report, yyyy-mm-dd. */
  readonly date: string
  readonly appVersion: string
  /** The SoA's approvals in the app, when any exist (else the report details speak). */
  readonly soa?: SoaStatus
}

export interface GapReportInput {
  readonly meta: ReportMeta
  readonly readiness: Readiness
  readonly gaps: readonly Gap[]
  readonly soa: readonly SoaRow[]
  readonly improvements: readonly Improvement[]
  /** The answers, for the observations written on questions in place and the evidence checklist. */
  readonly answers: readonly ClauseAnswer[]
  /** The control decisions, for the evidence checklist (which controls it lists, their evidence). */
  readonly decisions: readonly ControlDecision[]
  /**
   * The register of documented information, reconciled (the register store's `entries`): the
   * evidence checklist reads each document's state from it. Required, not optional: a report
   * made without it would call every document missing, so every caller must say what it has.
   */
  readonly register: readonly RegisterEntry[]
  readonly risks: readonly Risk[]
  readonly criteria?: RiskCriteria
  /** What changed since a snapshot, printed after the executive summary; none when absent. */
  readonly changes?: Comparison | null
}

/**
 * Where the gap report stops listing and summarises, so a register of thousands of risks still
 * gives a report of a hundred-odd pages in a few seconds. Up to `risksInFull` risks, nothing is
 * left out. Beyond, the risk register, the traceability findings on risks and their actions
 * cover the `risksInFull` highest-rated risks (the order of the Risks screen: highest level
 * first), and a line after each table says how many more there are and where they are listed in
 * full. Everything bounded by the content (clauses, controls, the SoA, findings on controls) is
 * always printed in full.
 */
export const GAP_REPORT_LIMITS = { risksInFull: 200 } as const

export const GAP_REPORT_TITLE = 'Readiness gap report'
export const SOA_TITLE = 'Statement of Applicability'

/**
 * The headings of the gap report's chapters, in order: the PDF and the DOCX print all of them,
 * and "Changes since …" (changesSection.ts) after the first when the export compares with a snapshot.
 */
export const GAP_REPORT_CHAPTERS = [
  'Executive summary',
  'Roadmap',
  'Findings by clause',
  'Annex A controls',
  'Risks and traceability',
  CHECKLIST_TITLE,
  'Appendix: Statement of Applicability',
] as const

const DISCLAIMER =
  'Prepared on the device with ISMS Readiness, a self-assessment aid; it is not a certification. ISO/IEC 27001 is referred to by clause and control numbers and short titles only.'

/** A count as a reader reads it: 9,800. */
const count = (n: number) => n.toLocaleString('en')

/** "3 findings", "1 finding". */
const plural = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? '' : 's'}`

/** Free text as paragraphs: blank lines separate them, single line breaks are kept. */
const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', text: p }))

/**
 * A report's cover: its title, the organization's facts from the report details, `extra` facts
 * before the date, the verdict when `readiness` is given, the confidentiality line and the small
 * print. Shared by the gap report, the SoA and the evidence checklist.
 */
export function reportCover(
  title: string,
  meta: ReportMeta,
  readiness: Readiness | null,
  extra: Fact[],
) {
  const w = meta.workspace
  const facts: Fact[] = [
    { label: 'Organization', value: w.organizationName },
    { label: 'Sector', value: w.sector },
    { label: 'Size', value: w.size },
    { label: 'Scope', value: w.scopeStatement || 'Not recorded yet' },
    { label: 'Assessor', value: w.assessor },
    { label: 'Participants', value: w.participants },
    { label: 'Target audit date', value: w.targetAuditDate ?? '' },
    ...extra,
    { label: 'Date', value: meta.date },
  ]
  return {
    title,
    subtitle: 'ISO/IEC 27001:2022',
    facts,
    verdict: readiness
      ? { score: `Stage 1 readiness: ${readiness.score}/100`, band: readiness.bandLabel }
      : null,
    confidentiality: confidentialityLine(w),
    disclaimer: `${DISCLAIMER} Version ${meta.appVersion} of the app.`,
  }
}

const points = (n: number) => (Math.round(n * 10) / 10).toString()

/** A suggestion as the Overview lists it: what to do, the points it adds, what it is about. */
function improvementItem(i: Improvement) {
  return {
    head: `${i.action} (${pointGain(i.gain.exact)})`,
    text: i.riskId ? i.text : `${i.reference} ${i.text}`,
    details:
      i.removesBlockers.length > 0
        ? [
            `Lifts ${i.removesBlockers.length === 1 ? 'a blocker' : 'blockers'}: ${i.removesBlockers.map((b) => b.title).join('; ')}`,
          ]
        : [],
  }
}

export const SCOPE_SECTION_TITLE = 'Scope of the assessment'
export const SCOPING_SECTION_TITLE = 'How the organization works (scoping interview)'

/**
 * The scope section of the executive summary: the scope statement in full (the cover shows at
 * most six lines of it), then the scope as the scoping interview describes it, which the statement
 * rests on and the suggested Annex A decisions were drawn from: one row per question answered
 * (scopingSummaryRows), nothing when the interview was not answered. It follows the verdict,
 * not the cover: the cover is one page, and fourteen answers do not fit beside its facts.
 */
function scopeBlocks(w: ReportWorkspace): Block[] {
  const statement = w.scopeStatement.trim()
  const blocks: Block[] = [
    heading(2, SCOPE_SECTION_TITLE),
    ...(statement
      ? paragraphs(statement)
      : [
          paragraph(
            'No scope statement is recorded yet. Without one an auditor cannot tell what is being certified (clause 4.3).',
          ),
        ]),
  ]
  const rows = scopingSummaryRows(w.scoping)
  if (rows.length === 0) return blocks
  return [
    ...blocks,
    heading(3, SCOPING_SECTION_TITLE),
    {
      kind: 'table',
      summary: 'The answers of the scoping interview, one row per question answered',
      columns: columns(['Topic', 0.3], ['Answer', 0.7]),
      rows: rows.map((row) => [row.topic, row.answer]),
    },
  ]
}

function executiveSummary(input: GapReportInput): Block[] {
  const { readiness, meta } = input
  const w = meta.workspace
  const blocks: Block[] = [heading(1, GAP_REPORT_CHAPTERS[0])]
  blocks.push(
    paragraph(
      `Stage 1 readiness: ${readiness.score}/100, ${inSentence(readiness.bandLabel)}.`,
      'lead',
    ),
  )
  if (readiness.capped && readiness.cap) blocks.push(paragraph(readiness.cap.text))
  blocks.push(...scopeBlocks(w))
  if (w.consultantSummary.trim()) {
    blocks.push(heading(2, "Assessor's summary"), ...paragraphs(w.consultantSummary))
  }
  blocks.push(heading(2, `Blockers (${readiness.blockers.length})`))
  blocks.push(paragraph(STAGE_EXPECTATION, 'muted'))
  if (readiness.blockers.length === 0) {
    blocks.push(paragraph(NO_BLOCKERS_TEXT))
  } else {
    blocks.push({
      kind: 'list',
      items: readiness.blockers.map((b) => ({
        head: `${b.title} (${b.clauseRef}): caps the verdict at ${bandLabel(b.cap)}`,
        text: b.text,
        details: b.reasons,
      })),
    })
  }
  if (readiness.findings.length > 0) {
    blocks.push(
      heading(2, `Where the answers and the records disagree (${readiness.findings.length})`),
      paragraph(
        'The records in this app decide; an answer counts only as far as they go.',
        'muted',
      ),
      { kind: 'list', items: readiness.findings.map((f) => ({ text: f.text })) },
    )
  }
  if (w.recommendations.trim()) {
    blocks.push(heading(2, 'Recommendations'), ...paragraphs(w.recommendations))
  }
  blocks.push(heading(2, 'Score'), {
    kind: 'table',
    summary: 'The four parts of the readiness score',
    columns: columns(['Part', 0.6], ['Complete', 0.2], ['Points', 0.2]),
    rows: SCORE_PART_KEYS.map((key) => readiness.parts[key]).map((p) => [
      p.label,
      `${Math.round(p.fraction * 100)}%`,
      `${points(p.contribution)} of ${p.weight}`,
    ]),
  })
  blocks.push(heading(2, 'Conformance per clause'), {
    kind: 'bar-chart',
    summary: 'Share of each clause of the standard in place',
    bars: readiness.chapters.map((c) => ({ label: `Clause ${c.chapter}`, value: c.conformance })),
  })
  return blocks
}

/** Earliest first, undated last; the gap list's order breaks ties. */
const byDue = (a: Gap, b: Gap) => (a.due ?? '9999').localeCompare(b.due ?? '9999')

/** The owner over the due date, "Overdue" under a date already past. */
function ownerDue(owner: string, due: string | null, today: string): CellLine[] {
  const lines: CellLine[] = owner ? [{ text: `Owner: ${owner}` }] : []
  if (due) {
    lines.push(
      due < today ? { text: `Due ${due}, overdue`, style: 'strong' } : { text: `Due ${due}` },
    )
  }
  return lines
}

function dueCell(due: string | null, today: string): Cell {
  if (!due) return ''
  return due < today ? [{ text: due }, { text: 'Overdue', style: 'strong' }] : due
}

function roadmap(
  input: GapReportInput,
  agreed: readonly Gap[],
  refs: ReadonlyMap<string, string>,
): Block[] {
  const blocks: Block[] = [heading(1, GAP_REPORT_CHAPTERS[1])]
  if (agreed.length === 0) {
    blocks.push(
      paragraph(
        'No actions were agreed yet. Record them on the questions (what, who, by when) and they are listed here by priority and due date; the suggested next steps below are a starting point.',
      ),
    )
  } else {
    const overdue = agreed.filter((g) => g.due !== null && g.due < input.meta.date).length
    blocks.push(
      paragraph(
        `${plural(agreed.length, 'action')} agreed, by priority and then by due date${overdue > 0 ? `; ${count(overdue)} overdue on ${input.meta.date}` : ''}.`,
      ),
    )
    for (const { value, label } of GAP_SEVERITIES) {
      const own = agreed.filter((g) => g.severity === value).sort(byDue)
      if (own.length === 0) continue
      blocks.push(heading(2, `${label} priority (${own.length})`), {
        kind: 'table',
        summary: `Agreed actions of ${label.toLowerCase()} priority`,
        columns: columns(['Due', 0.13, 62], ['Action', 0.49], ['Ref.', 0.12, 50], ['Owner', 0.26]),
        rows: own.map((g) => {
          const cells = gapCells(g, refs)
          return [
            dueCell(g.due, input.meta.date),
            [{ text: cells.agreedAction }, { text: cells.finding, style: 'muted' }],
            cells.ref,
            cells.owner,
          ]
        }),
      })
    }
  }
  blocks.push(heading(2, 'Suggested next steps, not yet agreed'))
  if (input.improvements.length === 0) {
    blocks.push(paragraph('Nothing left to raise: every answer is at its best.'))
  } else {
    blocks.push(
      paragraph('The steps that raise the score most, the one that adds most first.', 'muted'),
      { kind: 'list', items: input.improvements.map(improvementItem) },
    )
  }
  return blocks
}

/**
 * The generic next steps of a set of gaps, each once, with the statuses it answers: the tables
 * that follow give only each row's own part.
 */
function stepsLegend(gaps: readonly Gap[], summary: string): Block[] {
  const steps = new Map<string, Set<string>>()
  for (const gap of gaps) {
    const labels = steps.get(gap.generalStep) ?? new Set<string>()
    labels.add(gap.statusLabel)
    steps.set(gap.generalStep, labels)
  }
  if (steps.size === 0) return []
  return [
    {
      kind: 'table',
      summary,
      columns: columns(['Status', 0.3], ['What to do', 0.7]),
      rows: [...steps].map(([step, labels]) => [[...labels].join('; '), step]),
    },
  ]
}

/** The finding and what is particular to it (the documents, the records, the evidence). */
function findingCell(g: Gap, refs: ReadonlyMap<string, string>): CellLine[] {
  const lines: CellLine[] = [{ text: gapCells(g, refs).finding }]
  if (g.specificStep) lines.push({ text: g.specificStep, style: 'muted' })
  return lines
}

/** What the workshop said about it: the observation and the action agreed. */
function workshopCell(g: Gap, refs: ReadonlyMap<string, string>): CellLine[] {
  const cells = gapCells(g, refs)
  const lines: CellLine[] = cells.observation ? [{ text: cells.observation }] : []
  if (cells.agreedAction) {
    lines.push({ text: `Agreed action: ${cells.agreedAction}`, style: 'strong' })
  }
  return lines
}

const IN_PLACE = answerStatusLabel('in-place')

/** Questions in the order of the standard: findings by clause read in that order. */
const QUESTION_ORDER = new Map(QUESTIONS.map((q, i) => [q.id, i]))

function findingsByClause(input: GapReportInput, refs: ReadonlyMap<string, string>): Block[] {
  const clauseGaps = input.gaps.filter((g) => g.questionId !== null)
  const observations = inPlaceObservations(input.answers, clauseGaps)
  const blocks: Block[] = [heading(1, `${GAP_REPORT_CHAPTERS[2]} (${clauseGaps.length})`)]
  if (clauseGaps.length === 0) {
    blocks.push(paragraph('None: every question of clauses 4 to 10 is in place.'))
  } else {
    blocks.push(
      paragraph(
        `Each finding gives the question and what is particular to it, what the workshop observed and the action agreed, its status and severity; questions in place that the workshop wrote a note on are listed as ${IN_PLACE}. What to do, by status:`,
        'muted',
      ),
      ...stepsLegend(clauseGaps, 'What to do for each status of a question'),
    )
  }
  for (const { chapter, title } of CLAUSE_CHAPTERS) {
    const own = clauseGaps
      .filter((g) => String(g.reference).split('.')[0] === String(chapter))
      .sort(
        (a, b) =>
          (QUESTION_ORDER.get(a.questionId ?? '') ?? 0) -
          (QUESTION_ORDER.get(b.questionId ?? '') ?? 0),
      )
    const observed = observations.filter((o) => o.clause.split('.')[0] === String(chapter))
    if (own.length === 0 && observed.length === 0) continue
    // The findings and the notes on questions in place, in the order of the standard.
    const rows: { order: number; cells: Cell[] }[] = [
      ...own.map((g) => {
        const cells = gapCells(g, refs)
        return {
          order: QUESTION_ORDER.get(g.questionId ?? '') ?? 0,
          cells: [
            cells.ref,
            findingCell(g, refs),
            workshopCell(g, refs),
            [
              { text: cells.status },
              { text: cells.severity, style: 'strong' as const },
              ...ownerDue(cells.owner, g.due, input.meta.date),
            ],
          ],
        }
      }),
      ...observed.map((o) => ({
        order: QUESTION_ORDER.get(o.questionId) ?? 0,
        cells: [o.clause, o.text, o.note, [{ text: IN_PLACE, style: 'muted' as const }]],
      })),
    ]
    blocks.push(heading(2, `Clause ${chapter}. ${title}`), {
      kind: 'table',
      summary: `Findings and observations on clause ${chapter}`,
      columns: columns(
        ['Ref.', 0.06, 36],
        ['Question', 0.44],
        ['Observation', 0.34],
        ['Status', 0.16],
      ),
      rows: rows.sort((x, y) => x.order - y.order).map((r) => r.cells),
      dense: true,
    })
  }
  return blocks
}

function annexA(input: GapReportInput, refs: ReadonlyMap<string, string>): Block[] {
  const controlGaps = input.gaps.filter((g) => g.questionId === null && g.kind !== 'traceability')
  const { controls } = input.readiness
  const blocks: Block[] = [
    heading(1, GAP_REPORT_CHAPTERS[3]),
    paragraph(
      `${controls.total} controls: ${controls.applicable} applicable, ${controls.excluded} excluded, ${controls.undecided} undecided. ${plural(controlGaps.length, 'gap')} on the controls; the full SoA is in the appendix.`,
    ),
  ]
  if (controlGaps.length === 0) {
    blocks.push(
      paragraph('None: every control is decided, justified and, where it applies, implemented.'),
    )
    return blocks
  }
  blocks.push(
    heading(2, `Gaps on the controls (${controlGaps.length})`),
    ...stepsLegend(controlGaps, 'What to do for each status of a control'),
    {
      kind: 'table',
      summary: 'Gaps on the Annex A controls',
      columns: columns(
        ['Control', 0.1, 44],
        ['Title', 0.36],
        ['Status', 0.22],
        ['Severity', 0.12, 46],
        ['Owner', 0.2],
      ),
      rows: controlGaps.map((g) => {
        const cells = gapCells(g, refs)
        return [cells.ref, cells.title, cells.status, cells.severity, cells.owner]
      }),
      dense: true,
    },
  )
  return blocks
}

/** The risks the report lists in full: all, or the highest-rated GAP_REPORT_LIMITS.risksInFull. */
interface PrintedRisks {
  readonly total: number
  readonly listed: readonly Risk[]
  readonly ids: ReadonlySet<string>
  readonly omitted: number
}

function printedRisks(risks: readonly Risk[], criteria: RiskCriteria): PrintedRisks {
  const listed = filterRisks(risks, NO_RISK_FILTER, criteria).slice(
    0,
    GAP_REPORT_LIMITS.risksInFull,
  )
  return {
    total: risks.length,
    listed,
    ids: new Set(listed.map((r) => r.id)),
    omitted: risks.length - listed.length,
  }
}

/** Where the risks the report leaves out are listed in full. */
const RISKS_IN_THE_APP = "on the Risks screen of the app and in the assessment's backup file"

const levelText = (level: number, criteria: RiskCriteria) =>
  `${level} ${LEVEL_BAND_LABELS[levelBand(level, criteria)]}`

function heatMapBlock(risks: readonly Risk[], criteria: RiskCriteria, view: RiskView): Block {
  const grid = heatMap(risks, criteria, view)
  const placed = grid.flat().reduce((sum, c) => sum + c.count, 0)
  return {
    kind: 'heat-map',
    title: view === 'inherent' ? 'Before treatment' : 'After treatment (residual)',
    likelihoodLabels: criteria.likelihoodLabels,
    impactLabels: criteria.impactLabels,
    rows: grid.map((row) =>
      row.map((cell) => ({
        count: cell.count,
        band: levelBand(riskLevel(cell.likelihood, cell.impact), criteria),
      })),
    ),
    summary: `${plural(placed, 'risk')} by likelihood and impact, ${view === 'inherent' ? 'before treatment' : 'after treatment'}`,
  }
}

function risksChapter(
  input: GapReportInput,
  criteria: RiskCriteria,
  refs: ReadonlyMap<string, string>,
): Block[] {
  const printed = printedRisks(input.risks, criteria)
  const { total, listed, omitted } = printed
  const blocks: Block[] = [
    heading(1, GAP_REPORT_CHAPTERS[4]),
    heading(2, `Risk register (${count(total)})`),
    paragraph(
      `Risk criteria: likelihood and impact on a 1–${criteria.scale} scale; level = likelihood × impact; a risk is within the acceptance criteria up to level ${criteria.acceptanceThreshold} (Low), High above ${Math.floor(criteria.scale * criteria.scale * 0.6)}.`,
    ),
  ]
  if (total === 0) {
    blocks.push(paragraph('No risks recorded yet.'))
  } else {
    blocks.push(
      heatMapBlock(input.risks, criteria, 'inherent'),
      heatMapBlock(input.risks, criteria, 'residual'),
    )
    if (omitted > 0) {
      blocks.push(
        paragraph(
          `The ${count(listed.length)} highest-rated of the ${count(total)} risks are listed here (by level before treatment, highest first); all of them are listed ${RISKS_IN_THE_APP}.`,
        ),
      )
    }
    blocks.push({
      kind: 'table',
      summary: 'The risk register',
      dense: true,
      columns: columns(
        ['Ref.', 0.07, 36],
        ['Risk', 0.27],
        ['Level', 0.09, 50],
        ['Treatment', 0.12],
        ['Controls', 0.13],
        ['Owner', 0.11],
        ['Residual', 0.09, 50],
        ['Accepted', 0.12],
      ),
      rows: listed.map((r) => {
        const residual = residualLevel(r)
        return [
          refs.get(r.id) ?? '',
          [
            { text: riskTitle(r), style: 'strong' },
            ...[r.asset, r.threat]
              .filter((t) => t.trim())
              .map((t) => ({ text: t.trim(), style: 'muted' as const })),
          ],
          levelText(riskLevel(r.likelihood, r.impact), criteria),
          treatmentLabel(r.treatment),
          r.controlIds.map(controlRef).join(', '),
          r.owner.trim(),
          residual === null ? '' : levelText(residual, criteria),
          r.acceptedBy.trim()
            ? `${r.acceptedBy.trim()}${r.acceptedOn ? `, ${r.acceptedOn}` : ''}`
            : '',
        ]
      }),
    })
    if (omitted > 0) {
      blocks.push(
        paragraph(`And ${count(omitted)} more risks, listed in full ${RISKS_IN_THE_APP}.`),
      )
    }
  }

  const traceGaps = input.gaps.filter((g) => g.kind === 'traceability')
  const listedGaps = traceGaps.filter((g) => g.riskId === null || printed.ids.has(g.riskId))
  blocks.push(heading(2, `Traceability findings (${count(traceGaps.length)})`))
  if (traceGaps.length === 0) {
    blocks.push(
      paragraph('None: every risk, control, SoA row and piece of evidence hangs together.'),
    )
    return blocks
  }
  if (listedGaps.length < traceGaps.length) {
    blocks.push(
      paragraph(
        `Every finding on a control is listed here, and the findings on the ${count(listed.length)} highest-rated risks of the register.`,
      ),
    )
  }
  blocks.push(...stepsLegend(listedGaps, 'What to do for each kind of traceability finding'), {
    kind: 'table',
    summary: 'Traceability findings',
    dense: true,
    columns: columns(
      ['Ref.', 0.08, 40],
      ['Finding', 0.52],
      ['Kind', 0.2],
      ['Severity', 0.1, 46],
      ['Owner', 0.1],
    ),
    rows: listedGaps.map((g) => {
      const cells = gapCells(g, refs)
      return [
        cells.ref,
        g.specificStep
          ? [{ text: cells.finding }, { text: g.specificStep, style: 'muted' }]
          : cells.finding,
        cells.status,
        cells.severity,
        cells.owner,
      ]
    }),
  })
  const left = traceGaps.length - listedGaps.length
  if (left > 0) {
    blocks.push(
      paragraph(
        `And ${count(left)} more findings on the other ${count(omitted)} risks, listed in full on the Report screen of the app.`,
      ),
    )
  }
  return blocks
}

/**
 * The SoA's own facts: version, owner, approval. With approvals recorded in the app, the
 * version and approval are theirs (a draft says it is the draft of the next version); without,
 * those typed in the report details.
 */
function soaFacts(w: ReportWorkspace, status: SoaStatus | undefined): Fact[] {
  const approval = status ?? soaStatus(w, [], [])
  return [
    { label: 'SoA version', value: approval.versionText },
    { label: 'SoA owner', value: w.soaOwner },
    { label: 'Approved', value: approval.approvalText },
  ]
}

/** Linked risks listed in an SoA cell; a control linked to more names these and counts the rest. */
const RISKS_PER_CELL = 12

function linkedRisksCell(ids: readonly string[], refs: ReadonlyMap<string, string>): string {
  const named = ids.slice(0, RISKS_PER_CELL).map((id) => refs.get(id) ?? '')
  const more = ids.length - named.length
  return more > 0 ? `${named.join(', ')} and ${count(more)} more` : named.join(', ')
}

/** The SoA as one table, the same in the appendix and in the SoA on its own. */
function soaBlocks(
  soa: readonly SoaRow[],
  w: ReportWorkspace,
  refs: ReadonlyMap<string, string>,
  status: SoaStatus | undefined,
): Block[] {
  const applicable = soa.filter((r) => r.applicability === 'applicable').length
  const excluded = soa.filter((r) => r.applicability === 'excluded').length
  const facts = soaFacts(w, status)
    .map((f) => `${f.label}: ${f.value || 'not recorded'}`)
    .join('. ')
  return [
    paragraph(
      `${soa.length} controls of ISO/IEC 27001:2022 Annex A: ${applicable} applicable, ${excluded} excluded, ${soa.length - applicable - excluded} undecided. ${facts}.`,
    ),
    {
      kind: 'table',
      summary: 'The Statement of Applicability, one row per Annex A control',
      dense: true,
      columns: columns(
        ['Control', 0.22],
        ['Decision', 0.1],
        ['Justification', 0.23],
        ['Implementation', 0.1, 66],
        ['Owner', 0.1],
        ['Evidence', 0.15],
        ['Risks', 0.1],
      ),
      rows: soa.map((row) => {
        const c = soaCells(row, refs)
        const control: CellLine[] = [{ text: `${c.control} ${c.title}` }]
        if (row.newIn2022) control.push({ text: 'New in 2022', style: 'muted' })
        // In-house is how a control is provided unless a supplier is named: only a supplier is said.
        const decision: CellLine[] = [{ text: c.decision, style: 'strong' }]
        if (row.provider === 'supplier') decision.push({ text: c.providedBy, style: 'muted' })
        const justification: CellLine[] = c.justificationText ? [{ text: c.justificationText }] : []
        if (c.warning) justification.push({ text: c.warning, style: 'strong' })
        return [
          control,
          decision,
          justification,
          c.implementation,
          c.owner,
          c.evidence,
          linkedRisksCell(row.riskIds, refs),
        ]
      }),
    },
  ]
}

/**
 * The gap report: cover, executive summary (verdict, the scoping interview's answers when there
 * are any, the assessor's summary, blockers, where the answers and the records disagree,
 * recommendations, score, conformance per clause), the changes since a snapshot when one is
 * chosen (changesSection.ts), roadmap (agreed actions by priority and due date, then the
 * suggested steps), findings by clause with the observations, the Annex A gaps, the risk
 * register with its heat maps and the traceability findings, the audit evidence checklist's
 * summary (checklistSection.ts: its totals and the rows still missing something), and the SoA
 * as a landscape appendix.
 */
export function buildGapReportDocument(input: GapReportInput): ReportDocument {
  const criteria = input.criteria ?? DEFAULT_RISK_CRITERIA
  const refs = riskRefs(input.risks)
  const w = input.meta.workspace
  const agreed = input.gaps.filter((g) => g.plannedAction !== null)
  const blocks: Block[] = [
    ...executiveSummary(input),
    ...(input.changes ? changesBlocks(input.changes) : []),
    ...roadmap(input, agreed, refs),
    ...findingsByClause(input, refs),
    ...annexA(input, refs),
    ...risksChapter(input, criteria, refs),
    ...checklistSummaryBlocks(
      buildEvidenceChecklist({
        answers: input.answers,
        decisions: input.decisions,
        register: input.register,
        today: input.meta.date,
      }),
    ),
    { kind: 'page-break', orientation: 'landscape' },
    heading(1, GAP_REPORT_CHAPTERS[6]),
    ...soaBlocks(input.soa, w, refs, input.meta.soa),
  ]
  return {
    title: GAP_REPORT_TITLE,
    organization: w.organizationName,
    date: input.meta.date,
    cover: reportCover(GAP_REPORT_TITLE, input.meta, input.readiness, [
      { label: 'Document version', value: w.reportVersion },
    ]),
    blocks,
  }
}

/** The SoA on its own: a cover with its version and approval, and the table in landscape. */
export function buildSoaDocument(input: {
  readonly meta: ReportMeta
  readonly soa: readonly SoaRow[]
  readonly risks: readonly Risk[]
}): ReportDocument {
  const w = input.meta.workspace
  const status = input.meta.soa ?? soaStatus(w, [], [])
  const title = status.draft ? `${SOA_TITLE} (draft)` : SOA_TITLE
  return {
    title: SOA_TITLE,
    organization: w.organizationName,
    date: input.meta.date,
    cover: reportCover(title, input.meta, null, soaFacts(w, status)),
    blocks: [
      { kind: 'page-break', orientation: 'landscape' },
      heading(1, `${SOA_TITLE}: ISO/IEC 27001:2022 Annex A`),
      ...soaBlocks(input.soa, w, riskRefs(input.risks), status),
      ...soaApprovalBlocks(status),
    ],
  }
}

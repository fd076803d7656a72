/**
 * The gap report and the SoA as PDF, generated on the device with jsPDF and jspdf-autotable.
 * This module is imported only when the user exports. It prints user text with the text and
 * table APIs only (no html(), no JavaScript, no forms), so nothing a user typed is interpreted.
 */
import { jsPDF } from 'jspdf'
import { autoTable, type RowInput } from 'jspdf-autotable'
import { CLAUSE_CHAPTERS } from '@/content'
import type { Gap } from '@/domain/gaps'
import type { Improvement } from '@/domain/improvements'
import {
  NO_BLOCKERS_TEXT,
  SCORE_PART_KEYS,
  STAGE_EXPECTATION,
  bandLabel,
  type Readiness,
} from '@/domain/readiness'
import type { SoaRow } from '@/domain/soa'
import type { Risk } from '@/domain/model'
import {
  DEFAULT_RISK_CRITERIA,
  NO_RISK_FILTER,
  filterRisks,
  residualLevel,
  riskLevel,
  treatmentLabel,
  type RiskCriteria,
} from '@/domain/risk'
import { applicabilityLabel, implementationLabel, reasonLabel } from '@/domain/controlDecision'
import { inSentence, pointGain } from '@/components/format'
import { pdfText } from './pdfText'

export type PageFormat = 'a4' | 'letter'

export interface ReportMeta {
  readonly organizationName: string
  readonly scopeStatement: string
  readonly assessor: string
  /** The date printed on the report, yyyy-mm-dd. */
  readonly date: string
  readonly appVersion: string
}

export interface GapReportInput {
  readonly meta: ReportMeta
  readonly readiness: Readiness
  readonly gaps: readonly Gap[]
  readonly soa: readonly SoaRow[]
  readonly improvements: readonly Improvement[]
  /**
   * The risk register and its criteria (6.1.2 a); the section is left out when absent. Without
   * it, the findings on risks are printed in full whatever their number.
   */
  readonly risks?: readonly Risk[]
  readonly criteria?: RiskCriteria
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

const MARGIN = 48
/** Where the text starts on a page after the first: below the running header. */
const PAGE_TOP = MARGIN + 28
const BRAND: [number, number, number] = [29, 78, 137]
const TEXT: [number, number, number] = [26, 26, 26]
const MUTED: [number, number, number] = [77, 85, 96]

interface Writer {
  readonly doc: jsPDF
  y: number
}

const pageWidth = (doc: jsPDF) => doc.internal.pageSize.getWidth()
const pageHeight = (doc: jsPDF) => doc.internal.pageSize.getHeight()
const contentWidth = (doc: jsPDF) => pageWidth(doc) - 2 * MARGIN

function newDocument(format: PageFormat): jsPDF {
  const doc = new jsPDF({ unit: 'pt', format, compress: true })
  doc.setFont('helvetica', 'normal')
  doc.setTextColor(...TEXT)
  return doc
}

function ensureSpace(w: Writer, needed: number) {
  if (w.y + needed > pageHeight(w.doc) - MARGIN - 20) {
    w.doc.addPage()
    w.y = PAGE_TOP
  }
}

function heading(w: Writer, text: string, size = 16) {
  // Air above a heading, except at the top of a page.
  if (w.y > PAGE_TOP) w.y += size * 0.5
  // Never the last thing on a page: keep room for a few lines of what it introduces.
  ensureSpace(w, size * 2.5 + 60)
  w.doc
    .setFont('helvetica', 'bold')
    .setFontSize(size)
    .setTextColor(...BRAND)
  w.doc.text(pdfText(text), MARGIN, w.y)
  w.doc.setFont('helvetica', 'normal').setTextColor(...TEXT)
  w.y += size * 1.4
}

function paragraph(w: Writer, text: string, size = 10.5, color = TEXT) {
  w.doc.setFontSize(size).setTextColor(...color)
  const lines = w.doc.splitTextToSize(pdfText(text), contentWidth(w.doc)) as string[]
  for (const line of lines) {
    ensureSpace(w, size * 1.4)
    w.doc.text(line, MARGIN, w.y)
    w.y += size * 1.4
  }
  w.doc.setTextColor(...TEXT)
  w.y += size * 0.4
}

function table(w: Writer, head: string[], body: RowInput[], columnWidths?: number[]) {
  autoTable(w.doc, {
    startY: w.y,
    head: [head.map(pdfText)],
    body: body.map((row) =>
      (row as unknown[]).map((cell) => (typeof cell === 'string' ? pdfText(cell) : cell)),
    ) as RowInput[],
    margin: { left: MARGIN, right: MARGIN, top: PAGE_TOP, bottom: MARGIN + 20 },
    styles: {
      font: 'helvetica',
      fontSize: 8.5,
      cellPadding: 3,
      overflow: 'linebreak',
      textColor: TEXT,
    },
    headStyles: { fillColor: BRAND, textColor: [255, 255, 255], fontStyle: 'bold' },
    alternateRowStyles: { fillColor: [244, 246, 249] },
    columnStyles: Object.fromEntries(
      (columnWidths ?? []).map((width, i) => [i, { cellWidth: width }]),
    ),
  })
  w.y = (w.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 18
}

function cover(w: Writer, title: string, meta: ReportMeta, readiness: Readiness | null) {
  const { doc } = w
  doc.setFillColor(...BRAND).rect(0, 0, pageWidth(doc), 150, 'F')
  doc.setTextColor(255, 255, 255).setFont('helvetica', 'bold').setFontSize(24)
  doc.text(pdfText(title), MARGIN, 80)
  doc.setFont('helvetica', 'normal').setFontSize(12)
  doc.text('ISO/IEC 27001:2022', MARGIN, 108)
  w.y = 200
  doc.setTextColor(...TEXT)
  const facts: [string, string][] = [
    ['Organization', meta.organizationName],
    ['Scope', meta.scopeStatement || 'Not recorded yet'],
    ['Assessor', meta.assessor || 'Not recorded'],
    ['Date', meta.date],
  ]
  for (const [label, value] of facts) {
    doc.setFont('helvetica', 'bold').setFontSize(11).text(label, MARGIN, w.y)
    doc.setFont('helvetica', 'normal')
    const lines = doc.splitTextToSize(pdfText(value), contentWidth(doc) - 110) as string[]
    doc.text(lines, MARGIN + 110, w.y)
    w.y += Math.max(1, lines.length) * 15 + 8
  }
  if (readiness) {
    w.y += 20
    doc
      .setDrawColor(...BRAND)
      .setLineWidth(1.5)
      .rect(MARGIN, w.y, contentWidth(doc), 70)
    doc
      .setFont('helvetica', 'bold')
      .setFontSize(20)
      .setTextColor(...BRAND)
    doc.text(`Stage 1 readiness: ${readiness.score}/100`, MARGIN + 16, w.y + 32)
    doc.setFontSize(13).setTextColor(...TEXT)
    doc.text(pdfText(readiness.bandLabel), MARGIN + 16, w.y + 54)
    doc.setFont('helvetica', 'normal')
  }
  doc.setFontSize(8.5).setTextColor(...MUTED)
  doc.text(
    pdfText(
      `Generated on the device by ISMS Readiness ${meta.appVersion}. A self-assessment aid, not a certification. ISO/IEC 27001 is referred to by clause and control numbers and short titles only.`,
    ),
    MARGIN,
    pageHeight(doc) - MARGIN,
    { maxWidth: contentWidth(doc) },
  )
  doc.setTextColor(...TEXT)
}

interface ListItem {
  /** Printed in bold before the text, on lines of its own. */
  readonly head?: string
  readonly text: string
  /** Printed under the item, indented and smaller. */
  readonly details?: readonly string[]
}

/**
 * A bulleted list whose items can carry a bold head and indented details. An item's head and
 * the first line of its text are kept on one page.
 */
function itemList(w: Writer, items: readonly ListItem[], size = 10.5) {
  const { doc } = w
  const indent = 14
  const detailSize = size - 1.5
  const lineOf = (n: number) => n * 1.4
  const wrap = (text: string, width: number, bold = false) => {
    doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(size)
    return doc.splitTextToSize(pdfText(text), width) as string[]
  }
  const textWidth = contentWidth(doc) - indent
  for (const item of items) {
    const head = item.head ? wrap(item.head, textWidth, true) : []
    const text = wrap(item.text, textWidth)
    doc.setFontSize(detailSize)
    const details = (item.details ?? []).map(
      (detail) => doc.splitTextToSize(pdfText(detail), textWidth - indent) as string[],
    )
    // An item that fits in a third of a page is never split; a longer one keeps at least its
    // head and first line together.
    const whole =
      lineOf(size) * (head.length + text.length) + lineOf(detailSize) * details.flat().length
    const usable = pageHeight(doc) - PAGE_TOP - MARGIN - 20
    ensureSpace(
      w,
      whole <= usable / 3 ? whole : lineOf(size) * (head.length + Math.min(1, text.length)),
    )
    doc.setFontSize(size).setTextColor(...TEXT)
    doc.text('-', MARGIN + 2, w.y)
    doc.setFont('helvetica', 'bold')
    for (const line of head) {
      ensureSpace(w, lineOf(size))
      doc.text(line, MARGIN + indent, w.y)
      w.y += lineOf(size)
    }
    doc.setFont('helvetica', 'normal')
    for (const line of text) {
      ensureSpace(w, lineOf(size))
      doc.text(line, MARGIN + indent, w.y)
      w.y += lineOf(size)
    }
    for (const lines of details) {
      doc.setFontSize(detailSize).setTextColor(...MUTED)
      lines.forEach((line, i) => {
        ensureSpace(w, lineOf(detailSize))
        if (i === 0) doc.text('-', MARGIN + indent + 2, w.y)
        doc.text(line, MARGIN + 2 * indent, w.y)
        w.y += lineOf(detailSize)
      })
      doc.setTextColor(...TEXT)
    }
    w.y += size * 0.5
  }
  doc.setFontSize(size).setTextColor(...TEXT)
  w.y += size * 0.2
}

const points = (n: number) => (Math.round(n * 10) / 10).toString()

/**
 * The verdict as the Overview shows it: score and band, the cap, the four parts, what Stage 1
 * expects, each blocker with what is missing, where the answers and the records disagree, and
 * the changes that raise the score most.
 */
function executiveSummary(w: Writer, readiness: Readiness, improvements: readonly Improvement[]) {
  paragraph(w, `Stage 1 readiness: ${readiness.score}/100, ${inSentence(readiness.bandLabel)}.`, 12)
  if (readiness.capped && readiness.cap) paragraph(w, readiness.cap.text)
  table(
    w,
    ['Part', 'Complete', 'Points'],
    SCORE_PART_KEYS.map((key) => readiness.parts[key]).map((p) => [
      p.label,
      `${Math.round(p.fraction * 100)}%`,
      `${points(p.contribution)} of ${p.weight}`,
    ]),
  )

  heading(w, `Blockers (${readiness.blockers.length})`, 12)
  paragraph(w, STAGE_EXPECTATION, 9.5, MUTED)
  if (readiness.blockers.length === 0) {
    paragraph(w, NO_BLOCKERS_TEXT)
  } else {
    itemList(
      w,
      readiness.blockers.map((b) => ({
        head: `${b.title} (${b.clauseRef}) — caps at ${bandLabel(b.cap)}:`,
        text: b.text,
        details: b.reasons,
      })),
    )
  }

  if (readiness.findings.length > 0) {
    heading(w, `Where the answers and the records disagree (${readiness.findings.length})`, 12)
    paragraph(
      w,
      'The records in this app decide; the answer counts only as far as they go.',
      9.5,
      MUTED,
    )
    itemList(
      w,
      readiness.findings.map((f) => ({ text: f.text })),
    )
  }

  heading(w, 'What raises the score most', 12)
  if (improvements.length === 0) {
    paragraph(w, 'Nothing left to raise: every answer is at its best.')
  } else {
    itemList(
      w,
      improvements.map((i) => ({
        text: `${i.action}${i.riskId ? '' : ` (${i.reference})`}: ${pointGain(i.gain.exact)}.`,
        details:
          i.removesBlockers.length > 0
            ? [
                `Lifts ${i.removesBlockers.length === 1 ? 'a blocker' : 'blockers'}: ${i.removesBlockers.map((b) => b.title).join('; ')}`,
              ]
            : [],
      })),
    )
  }
}

/** Bar chart of conformance per clause, drawn with vector shapes (sharp at any zoom). */
function clauseChart(w: Writer, readiness: Readiness) {
  const { doc } = w
  const height = 150
  // Room above the bars for the 100% labels, and below for the clause names.
  ensureSpace(w, height + 52)
  const left = MARGIN + 30
  const width = contentWidth(doc) - 30
  const top = w.y + 12
  doc.setFontSize(8).setTextColor(...MUTED)
  for (const tick of [0, 25, 50, 75, 100]) {
    const y = top + height - (tick / 100) * height
    doc
      .setDrawColor(220, 224, 230)
      .setLineWidth(0.5)
      .line(left, y, left + width, y)
    doc.text(`${tick}%`, MARGIN, y + 3)
  }
  const slot = width / readiness.chapters.length
  readiness.chapters.forEach((chapter, i) => {
    const x = left + i * slot + slot * 0.2
    const barWidth = slot * 0.6
    const barHeight = chapter.conformance * height
    doc.setFillColor(...BRAND).rect(x, top + height - barHeight, barWidth, barHeight, 'F')
    doc
      .setTextColor(...TEXT)
      .text(`Clause ${chapter.chapter}`, x + barWidth / 2, top + height + 12, {
        align: 'center',
      })
    doc.text(
      `${Math.round(chapter.conformance * 100)}%`,
      x + barWidth / 2,
      top + height - barHeight - 4,
      {
        align: 'center',
      },
    )
  })
  w.y = top + height + 36
  doc.setTextColor(...TEXT)
}

/** A count as a reader reads it: 9,800. */
const count = (n: number) => n.toLocaleString('en')

/**
 * The risks the report lists in full: all of them, or the GAP_REPORT_LIMITS.risksInFull
 * highest-rated ones, in the order of the Risks screen.
 */
interface PrintedRisks {
  readonly total: number
  /** Highest level first. */
  readonly listed: readonly Risk[]
  readonly ids: ReadonlySet<string>
  /** How many risks are left out: total - listed.length. */
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

/** Whether the report prints a gap: any gap on a clause or control, a risk's only if listed. */
const printsGap = (printed: PrintedRisks | null, gap: Gap) =>
  gap.riskId === null || printed === null || printed.ids.has(gap.riskId)

/** Where the risks the report leaves out are listed in full. */
const RISKS_IN_THE_APP = "on the Risks screen of the app and in the assessment's backup file"

/** The risk register with its criteria: how levels are read and where acceptance ends. */
function riskRegister(w: Writer, printed: PrintedRisks, criteria: RiskCriteria) {
  const { total, listed, omitted } = printed
  heading(w, `Risk register (${count(total)})`)
  paragraph(
    w,
    `Risk criteria: likelihood and impact on a 1-${criteria.scale} scale; level = likelihood x impact; a risk is within the acceptance criteria up to level ${criteria.acceptanceThreshold}.`,
  )
  table(
    w,
    ['Level', 'Likelihood', 'Impact'],
    Array.from({ length: criteria.scale }, (_, i) => [
      String(i + 1),
      criteria.likelihoodLabels[i] ?? '',
      criteria.impactLabels[i] ?? '',
    ]),
  )
  if (total === 0) {
    paragraph(w, 'No risks recorded yet.')
    return
  }
  if (omitted > 0) {
    paragraph(
      w,
      `The ${count(listed.length)} highest-rated of the ${count(total)} risks are listed here (by level before treatment, highest first); all of them are listed ${RISKS_IN_THE_APP}.`,
    )
  }
  table(
    w,
    ['Risk', 'Level', 'Treatment', 'Controls', 'Owner', 'Residual', 'Accepted'],
    listed.map((r) => [
      [r.title, r.asset, r.threat].filter(Boolean).join(' - '),
      String(riskLevel(r.likelihood, r.impact)),
      treatmentLabel(r.treatment),
      r.controlIds.join(', ') || '-',
      r.owner || '-',
      String(residualLevel(r) ?? '-'),
      r.acceptedBy ? `${r.acceptedBy}${r.acceptedOn ? `, ${r.acceptedOn}` : ''}` : '-',
    ]),
    [150, 35, 55, 70],
  )
  if (omitted > 0) {
    paragraph(w, `And ${count(omitted)} more risks, listed in full ${RISKS_IN_THE_APP}.`)
  }
}

/** After a table cut to the listed risks: how many rows on the other risks are left out. */
function omittedLine(w: Writer, omittedRows: number, what: string, printed: PrintedRisks | null) {
  if (!printed || omittedRows === 0) return
  paragraph(
    w,
    `And ${count(omittedRows)} more ${what} on the other ${count(printed.omitted)} risks, listed in full on the Report screen of the app.`,
  )
}

function soaBody(soa: readonly SoaRow[]): RowInput[] {
  return soa.map((row) => [
    `${row.id} ${row.title}`,
    applicabilityLabel(row.applicability) +
      (row.provider === 'supplier' ? ` (supplier: ${row.supplierName})` : ''),
    [row.reasons.map(reasonLabel).join('; '), row.justification].filter(Boolean).join('. '),
    row.implementationStatus ? implementationLabel(row.implementationStatus) : '-',
    row.owner || '-',
    row.evidence.join('; ') || '-',
  ])
}

/** Running header (from page 2) and "Page x of y" on every page, drawn once all pages exist. */
function pageFurniture(doc: jsPDF, meta: ReportMeta, title: string) {
  const total = doc.getNumberOfPages()
  for (let page = 1; page <= total; page++) {
    doc.setPage(page)
    doc.setFontSize(8).setTextColor(...MUTED)
    if (page > 1) {
      const org = doc.splitTextToSize(
        pdfText(meta.organizationName),
        contentWidth(doc) / 2,
      )[0] as string
      doc.text(org, MARGIN, MARGIN - 10)
      doc.text(pdfText(`${title} - ${meta.date}`), pageWidth(doc) - MARGIN, MARGIN - 10, {
        align: 'right',
      })
      doc.setDrawColor(200, 204, 210).setLineWidth(0.5)
      doc.line(MARGIN, MARGIN - 4, pageWidth(doc) - MARGIN, MARGIN - 4)
    }
    doc.text(`Page ${page} of ${total}`, pageWidth(doc) - MARGIN, pageHeight(doc) - MARGIN / 2, {
      align: 'right',
    })
  }
  doc.setTextColor(...TEXT)
}

function finish(doc: jsPDF, meta: ReportMeta, title: string): ArrayBuffer {
  pageFurniture(doc, meta, title)
  // Only fixed strings go into the document's metadata, never user text.
  doc.setProperties({ title, creator: 'ISMS Readiness' })
  return doc.output('arraybuffer')
}

/**
 * The gap report: cover, executive summary (score, band and cap, the four parts, the blockers
 * with their reasons, where the answers and the records disagree, top actions), the clause
 * chart, findings by clause, Annex A gaps, the action plan, and the SoA as an appendix, with a
 * running header and page numbers.
 */
export function buildGapReportPdf(input: GapReportInput, format: PageFormat = 'a4'): ArrayBuffer {
  const { meta, readiness, gaps, soa, improvements } = input
  const doc = newDocument(format)
  const w: Writer = { doc, y: MARGIN }
  cover(w, 'Readiness gap report', meta, readiness)

  doc.addPage()
  w.y = PAGE_TOP
  heading(w, 'Executive summary')
  executiveSummary(w, readiness, improvements)
  heading(w, 'Conformance per clause', 12)
  clauseChart(w, readiness)

  const clauseGaps = gaps.filter((g) => g.questionId !== null)
  heading(w, `Findings by clause (${clauseGaps.length})`)
  if (clauseGaps.length === 0) paragraph(w, 'None: every question of clauses 4 to 10 is in place.')
  for (const { chapter, title } of CLAUSE_CHAPTERS) {
    const own = clauseGaps.filter((g) => String(g.reference).split('.')[0] === String(chapter))
    if (own.length === 0) continue
    heading(w, `${chapter}. ${title}`, 11.5)
    table(
      w,
      ['Ref.', 'Question', 'Status', 'Next step'],
      own.map((g) => [
        String(g.reference),
        g.text,
        `${g.statusLabel}${g.isMandatoryDocument ? ' (mandatory document)' : ''}`,
        g.nextStep,
      ]),
      [40, 200, 70],
    )
  }

  const controlGaps = gaps.filter((g) => g.questionId === null && g.kind !== 'traceability')
  heading(w, `Annex A gaps (${controlGaps.length})`)
  if (controlGaps.length === 0) {
    paragraph(w, 'None: every control is decided, justified and, where it applies, implemented.')
  } else {
    table(
      w,
      ['Control', 'Status', 'Next step'],
      controlGaps.map((g) => [`${g.reference} ${g.title}`, g.statusLabel, g.nextStep]),
      [170, 80],
    )
  }

  // Findings and actions on risks are cut to the risks the register lists (GAP_REPORT_LIMITS).
  const printed = input.risks
    ? printedRisks(input.risks, input.criteria ?? DEFAULT_RISK_CRITERIA)
    : null
  if (printed && input.criteria) riskRegister(w, printed, input.criteria)

  const traceGaps = gaps.filter((g) => g.kind === 'traceability')
  const traceListed = traceGaps.filter((g) => printsGap(printed, g))
  heading(w, `Traceability findings (${count(traceGaps.length)})`)
  if (traceGaps.length === 0) {
    paragraph(w, 'None: every risk, control, SoA row and piece of evidence hangs together.')
  } else {
    if (printed && traceListed.length < traceGaps.length) {
      paragraph(
        w,
        `Every finding on a control is listed here, and the findings on the ${count(printed.listed.length)} highest-rated risks of the register.`,
      )
    }
    if (traceListed.length > 0) {
      table(
        w,
        ['Finding', 'Severity', 'Next step'],
        traceListed.map((g) => [g.text, g.severity, g.nextStep]),
        [220, 60],
      )
    }
    omittedLine(w, traceGaps.length - traceListed.length, 'findings', printed)
  }

  const actions = gaps.filter((g) => g.plannedAction || g.owner || g.due)
  const actionsListed = actions.filter((g) => printsGap(printed, g))
  heading(w, `Action plan (${count(actions.length)})`)
  if (actions.length === 0) {
    paragraph(w, 'No owners or due dates recorded yet. The next steps above are a starting point.')
  } else {
    if (actionsListed.length > 0) {
      table(
        w,
        ['What', 'Ref.', 'Owner', 'Due'],
        actionsListed.map((g) => [
          g.plannedAction ?? g.nextStep,
          String(g.reference),
          g.owner ?? '-',
          g.due ?? '-',
        ]),
        [260, 45, 100],
      )
    }
    omittedLine(w, actions.length - actionsListed.length, 'actions', printed)
  }

  doc.addPage()
  w.y = PAGE_TOP
  heading(w, 'Appendix: draft Statement of Applicability')
  table(
    w,
    ['Control', 'Decision', 'Justification', 'Implementation', 'Owner', 'Evidence'],
    soaBody(soa),
    [110, 70, 130],
  )
  return finish(doc, meta, 'Readiness gap report')
}

/** The draft SoA on its own: a cover and one row per Annex A control. */
export function buildSoaPdf(
  input: { readonly meta: ReportMeta; readonly soa: readonly SoaRow[] },
  format: PageFormat = 'a4',
): ArrayBuffer {
  const doc = newDocument(format)
  const w: Writer = { doc, y: MARGIN }
  cover(w, 'Statement of Applicability (draft)', input.meta, null)
  doc.addPage()
  w.y = PAGE_TOP
  heading(w, 'Statement of Applicability: ISO/IEC 27001:2022 Annex A')
  const counts = {
    applicable: input.soa.filter((r) => r.applicability === 'applicable').length,
    excluded: input.soa.filter((r) => r.applicability === 'excluded').length,
    undecided: input.soa.filter((r) => r.applicability === 'undecided').length,
  }
  paragraph(
    w,
    `${input.soa.length} controls: ${counts.applicable} applicable, ${counts.excluded} excluded, ${counts.undecided} undecided.`,
  )
  table(
    w,
    ['Control', 'Decision', 'Justification', 'Implementation', 'Owner', 'Evidence'],
    soaBody(input.soa),
    [110, 70, 130],
  )
  return finish(doc, input.meta, 'Statement of Applicability')
}

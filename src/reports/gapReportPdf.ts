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
import type { Readiness } from '@/domain/readiness'
import type { SoaRow } from '@/domain/soa'
import type { Risk } from '@/domain/model'
import { residualLevel, riskLevel, treatmentLabel, type RiskCriteria } from '@/domain/risk'
import { applicabilityLabel, implementationLabel, reasonLabel } from '@/domain/controlDecision'
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
  /** The risk register and its criteria (6.1.2 a); the section is left out when absent. */
  readonly risks?: readonly Risk[]
  readonly criteria?: RiskCriteria
}

const MARGIN = 48
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
    w.y = MARGIN + 28
  }
}

function heading(w: Writer, text: string, size = 16) {
  ensureSpace(w, size * 2.5)
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

function bullets(w: Writer, items: readonly string[], size = 10.5) {
  w.doc.setFontSize(size)
  for (const item of items) {
    const lines = w.doc.splitTextToSize(pdfText(item), contentWidth(w.doc) - 14) as string[]
    lines.forEach((line, i) => {
      ensureSpace(w, size * 1.4)
      if (i === 0) w.doc.text('-', MARGIN + 2, w.y)
      w.doc.text(line, MARGIN + 14, w.y)
      w.y += size * 1.4
    })
  }
  w.y += size * 0.4
}

function table(w: Writer, head: string[], body: RowInput[], columnWidths?: number[]) {
  autoTable(w.doc, {
    startY: w.y,
    head: [head.map(pdfText)],
    body: body.map((row) =>
      (row as unknown[]).map((cell) => (typeof cell === 'string' ? pdfText(cell) : cell)),
    ) as RowInput[],
    margin: { left: MARGIN, right: MARGIN, top: MARGIN + 28, bottom: MARGIN + 20 },
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

/** Bar chart of conformance per clause, drawn with vector shapes (sharp at any zoom). */
function clauseChart(w: Writer, readiness: Readiness) {
  const { doc } = w
  const height = 150
  ensureSpace(w, height + 40)
  const left = MARGIN + 30
  const width = contentWidth(doc) - 30
  const top = w.y
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
  w.y = top + height + 30
  doc.setTextColor(...TEXT)
}

/** The risk register with its criteria: how levels are read and where acceptance ends. */
function riskRegister(w: Writer, risks: readonly Risk[], criteria: RiskCriteria) {
  heading(w, `Risk register (${risks.length})`)
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
  if (risks.length === 0) {
    paragraph(w, 'No risks recorded yet.')
    return
  }
  table(
    w,
    ['Risk', 'Level', 'Treatment', 'Controls', 'Owner', 'Residual', 'Accepted'],
    [...risks]
      .sort((a, b) => riskLevel(b.likelihood, b.impact) - riskLevel(a.likelihood, a.impact))
      .map((r) => [
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
 * The gap report: cover, executive summary (score, band, blockers, top actions), the clause
 * chart, findings by clause, Annex A gaps, the action plan, and the SoA as an appendix, with a
 * running header and page numbers.
 */
export function buildGapReportPdf(input: GapReportInput, format: PageFormat = 'a4'): ArrayBuffer {
  const { meta, readiness, gaps, soa, improvements } = input
  const doc = newDocument(format)
  const w: Writer = { doc, y: MARGIN }
  cover(w, 'Readiness gap report', meta, readiness)

  doc.addPage()
  w.y = MARGIN + 28
  heading(w, 'Executive summary')
  paragraph(
    w,
    `Stage 1 readiness: ${readiness.score}/100, ${readiness.bandLabel.toLowerCase()}. ${
      readiness.capped && readiness.cap ? readiness.cap.text : ''
    }`,
    12,
  )
  table(
    w,
    ['Part', 'Complete', 'Points'],
    Object.values(readiness.parts).map((p) => [
      p.label,
      `${Math.round(p.fraction * 100)}%`,
      `${(Math.round(p.contribution * 10) / 10).toString()} of ${p.weight}`,
    ]),
  )
  heading(w, `Blockers (${readiness.blockers.length})`, 12)
  if (readiness.blockers.length === 0) {
    paragraph(
      w,
      'None: every mandatory document is in place, and an internal audit and a management review have been held.',
    )
  } else {
    bullets(
      w,
      readiness.blockers.map((b) => b.text),
    )
  }
  heading(w, 'What raises the score most', 12)
  bullets(
    w,
    improvements.map(
      (i) => `${i.action} (${i.reference}): +${Math.round(i.gain.exact * 10) / 10} points`,
    ),
  )
  heading(w, 'Conformance per clause', 12)
  clauseChart(w, readiness)

  const clauseGaps = gaps.filter((g) => g.questionId !== null)
  heading(w, `Findings by clause (${clauseGaps.length})`)
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
  if (controlGaps.length > 0) {
    table(
      w,
      ['Control', 'Status', 'Next step'],
      controlGaps.map((g) => [`${g.reference} ${g.title}`, g.statusLabel, g.nextStep]),
      [170, 80],
    )
  }

  if (input.risks && input.criteria) riskRegister(w, input.risks, input.criteria)

  const traceGaps = gaps.filter((g) => g.kind === 'traceability')
  heading(w, `Traceability findings (${traceGaps.length})`)
  if (traceGaps.length === 0) {
    paragraph(w, 'None: every risk, control, SoA row and piece of evidence hangs together.')
  } else {
    table(
      w,
      ['Finding', 'Severity', 'Next step'],
      traceGaps.map((g) => [g.text, g.severity, g.nextStep]),
      [220, 60],
    )
  }

  const actions = gaps.filter((g) => g.plannedAction || g.owner || g.due)
  heading(w, `Action plan (${actions.length})`)
  if (actions.length === 0) {
    paragraph(w, 'No owners or due dates recorded yet. The next steps above are a starting point.')
  } else {
    table(
      w,
      ['What', 'Ref.', 'Owner', 'Due'],
      actions.map((g) => [
        g.plannedAction ?? g.nextStep,
        String(g.reference),
        g.owner ?? '-',
        g.due ?? '-',
      ]),
      [260, 45, 100],
    )
  }

  doc.addPage()
  w.y = MARGIN + 28
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
  w.y = MARGIN + 28
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

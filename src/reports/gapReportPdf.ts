/**
 * The gap report and the SoA as PDF, printed from a ReportDocument (document.ts) with jsPDF and
 * jspdf-autotable, in DejaVu Sans (embedded, cut to Latin, Greek and Cyrillic: see
 * fonts/README.md). This module is imported only when the user exports. It prints user text with
 * the text and table APIs only (no html(), no JavaScript, no forms), so nothing a user typed is
 * interpreted.
 *
 * Layout rules a client notices: a table row is never split across pages and its header repeats
 * on every page; a column is never narrower than its longest word (so no word is broken inside,
 * short of a web address longer than a column can be); a heading is never the last line of a
 * page; the SoA appendix is landscape.
 */
import { jsPDF } from 'jspdf'
import { autoTable, type CellHookData, type RowInput } from 'jspdf-autotable'
import type {
  BarChartBlock,
  Block,
  CellLine,
  Column,
  HeatMapBlock,
  ListBlock,
  ReportCover,
  ReportDocument,
  TableBlock,
} from './document'
import {
  buildGapReportDocument,
  buildSoaDocument,
  type GapReportInput,
  type ReportMeta,
} from './gapReportDocument'
import type { SoaRow } from '@/domain/soa'
import type { Risk } from '@/domain/model'
import { pdfText } from './pdfText'

export type PageFormat = 'a4' | 'letter'

/** The two faces of the report font, as binary strings (each char one byte of the TTF file). */
export interface ReportFonts {
  readonly regular: string
  readonly bold: string
}

const FONT = 'DejaVuSans'
const MARGIN = 48
/** Where the text starts on a page after the first: below the running header. */
const PAGE_TOP = MARGIN + 24
const FOOTER = 30
const BRAND: [number, number, number] = [29, 78, 137]
const TEXT: [number, number, number] = [26, 26, 26]
const MUTED: [number, number, number] = [77, 85, 96]
const PADDING = 2.5
const EMPTY = '—'

const BAND_FILL: Record<'low' | 'medium' | 'high', [number, number, number]> = {
  low: [214, 239, 220],
  medium: [255, 232, 179],
  high: [244, 199, 195],
}

interface Writer {
  readonly doc: jsPDF
  y: number
}

const pageWidth = (doc: jsPDF) => doc.internal.pageSize.getWidth()
const pageHeight = (doc: jsPDF) => doc.internal.pageSize.getHeight()
const contentWidth = (doc: jsPDF) => pageWidth(doc) - 2 * MARGIN
const bottom = (doc: jsPDF) => pageHeight(doc) - MARGIN - FOOTER + 10

function newDocument(format: PageFormat, fonts: ReportFonts): jsPDF {
  const doc = new jsPDF({ unit: 'pt', format, compress: true })
  doc.addFileToVFS(`${FONT}.ttf`, fonts.regular)
  doc.addFont(`${FONT}.ttf`, FONT, 'normal')
  doc.addFileToVFS(`${FONT}-Bold.ttf`, fonts.bold)
  doc.addFont(`${FONT}-Bold.ttf`, FONT, 'bold')
  doc.setFont(FONT, 'normal')
  doc.setTextColor(...TEXT)
  return doc
}

function ensureSpace(w: Writer, needed: number) {
  if (w.y + needed > bottom(w.doc)) {
    w.doc.addPage()
    w.y = PAGE_TOP
  }
}

const HEADING_SIZES = { 1: 16, 2: 12.5, 3: 10.5 } as const

/** The least room a block needs on the page a heading before it is printed on. */
function leadIn(block: Block | undefined): number {
  if (block?.kind === 'heat-map') return HEAT_MAP_HEIGHT
  if (block?.kind === 'bar-chart') return BAR_CHART_HEIGHT
  return 60
}

function heading(w: Writer, text: string, level: 1 | 2 | 3, next: number) {
  const size = HEADING_SIZES[level]
  if (w.y > PAGE_TOP) w.y += level === 1 ? size : size * 0.6
  // Never the last thing on a page: keep room for what it introduces.
  ensureSpace(w, size * 1.6 + next)
  w.doc
    .setFont(FONT, 'bold')
    .setFontSize(size)
    .setTextColor(...(level === 3 ? TEXT : BRAND))
  const lines = w.doc.splitTextToSize(pdfText(text), contentWidth(w.doc)) as string[]
  for (const line of lines) {
    w.doc.text(line, MARGIN, w.y)
    w.y += size * 1.3
  }
  w.doc.setFont(FONT, 'normal').setTextColor(...TEXT)
  w.y += level === 1 ? 4 : 1
}

function paragraph(w: Writer, text: string, style: 'normal' | 'lead' | 'muted' = 'normal') {
  const size = style === 'lead' ? 12.5 : style === 'muted' ? 8.5 : 10
  const { doc } = w
  doc
    .setFont(FONT, style === 'lead' ? 'bold' : 'normal')
    .setFontSize(size)
    .setTextColor(...(style === 'muted' ? MUTED : TEXT))
  const lines = doc.splitTextToSize(pdfText(text), contentWidth(doc)) as string[]
  for (const line of lines) {
    ensureSpace(w, size * 1.4)
    doc.text(line, MARGIN, w.y)
    w.y += size * 1.4
  }
  doc.setFont(FONT, 'normal').setTextColor(...TEXT)
  w.y += size * 0.5
}

/**
 * A bulleted list whose items can carry a bold head and indented details. An item that fits in a
 * third of a page is never split; a longer one keeps at least its head and first line together.
 */
function itemList(w: Writer, block: ListBlock) {
  const { doc } = w
  const size = 9
  const detailSize = 8
  const indent = 12
  const lineOf = (n: number) => n * 1.38
  const textWidth = contentWidth(doc) - indent
  const wrap = (text: string, width: number, bold: boolean, fontSize: number) => {
    doc.setFont(FONT, bold ? 'bold' : 'normal').setFontSize(fontSize)
    return doc.splitTextToSize(pdfText(text), width) as string[]
  }
  for (const item of block.items) {
    const head = item.head ? wrap(item.head, textWidth, true, size) : []
    const text = wrap(item.text, textWidth, false, size)
    const details = (item.details ?? []).map((d) => wrap(d, textWidth - indent, false, detailSize))
    const whole =
      lineOf(size) * (head.length + text.length) + lineOf(detailSize) * details.flat().length
    const usable = bottom(doc) - PAGE_TOP
    ensureSpace(
      w,
      whole <= usable / 3 ? whole : lineOf(size) * (head.length + Math.min(1, text.length)),
    )
    doc
      .setFont(FONT, 'normal')
      .setFontSize(size)
      .setTextColor(...TEXT)
    doc.text('•', MARGIN + 2, w.y)
    const print = (lines: string[], bold: boolean, fontSize: number, x: number) => {
      doc.setFont(FONT, bold ? 'bold' : 'normal').setFontSize(fontSize)
      for (const line of lines) {
        ensureSpace(w, lineOf(fontSize))
        doc.text(line, x, w.y)
        w.y += lineOf(fontSize)
      }
    }
    print(head, true, size, MARGIN + indent)
    print(text, false, size, MARGIN + indent)
    doc.setTextColor(...MUTED)
    for (const lines of details) {
      doc.setFont(FONT, 'normal').setFontSize(detailSize)
      ensureSpace(w, lineOf(detailSize))
      doc.text('–', MARGIN + indent + 2, w.y)
      print(lines, false, detailSize, MARGIN + 2 * indent)
    }
    doc.setTextColor(...TEXT)
    w.y += size * 0.45
  }
  doc.setFont(FONT, 'normal')
  w.y += 3
}

/** A cell as lines, each with its style; '' prints as a dash. */
function cellLines(cell: string | readonly CellLine[]): readonly CellLine[] {
  const lines = typeof cell === 'string' ? [{ text: cell }] : cell.filter((l) => l.text !== '')
  return lines.length === 0 || (lines.length === 1 && lines[0]?.text === '')
    ? [{ text: EMPTY, style: 'muted' }]
    : lines.map((l) => ({ ...l, text: pdfText(l.text) }))
}

/**
 * Column widths: each column gets its share of the width, but never less than its longest word
 * (header included) nor its `minWidth`, and never more than its longest line needs; what a
 * column needs beyond its share is taken from the columns with room to spare, and what a column
 * does not need goes to the others. A word wider than 40 % of the table (a long web address) is
 * the only thing that may still be broken.
 */
function columnWidths(doc: jsPDF, block: TableBlock, fontSize: number): number[] {
  const available = contentWidth(doc)
  const cap = available * 0.4
  const pad = 2 * PADDING + 1.5
  const measure = (text: string, bold: boolean) => {
    doc.setFont(FONT, bold ? 'bold' : 'normal').setFontSize(fontSize)
    let word = 0
    for (const part of text.split(/\s+/)) if (part) word = Math.max(word, doc.getTextWidth(part))
    return { word, line: doc.getTextWidth(text) }
  }
  const need: number[] = []
  const natural: number[] = []
  block.columns.forEach((column: Column, i) => {
    const header = measure(pdfText(column.header), true)
    let word = header.word
    let line = header.line
    for (const row of block.rows) {
      const cell = row[i]
      if (cell === undefined) continue
      for (const l of cellLines(cell)) {
        const m = measure(l.text, l.style === 'strong')
        word = Math.max(word, m.word)
        line = Math.max(line, m.line)
      }
    }
    need.push(Math.min(cap, Math.max(column.minWidth ?? 0, word + pad)))
    natural.push(Math.max(column.minWidth ?? 0, line + pad))
  })
  // Shares first, shrunk to what a column's longest line needs; the width freed goes to the
  // columns that would wrap, in proportion to their shares.
  let widths = block.columns.map((c, i) => Math.min(c.width * available, natural[i] ?? 0))
  for (let pass = 0; pass < 3; pass++) {
    const free = available - widths.reduce((a, b) => a + b, 0)
    const growing = widths.map((w, i) =>
      w < (natural[i] ?? 0) ? (block.columns[i]?.width ?? 0) : 0,
    )
    const weight = growing.reduce((a, b) => a + b, 0)
    if (free <= 0.5 || weight === 0) break
    widths = widths.map((w, i) =>
      Math.min(natural[i] ?? 0, w + (free * (growing[i] ?? 0)) / weight),
    )
  }
  const leftover = available - widths.reduce((a, b) => a + b, 0)
  if (leftover > 0.5) widths = widths.map((w) => w + (w / (available - leftover)) * leftover)
  // Then the longest words: a column below its need takes it from the columns above theirs.
  const deficit = widths.reduce((sum, w, i) => sum + Math.max(0, (need[i] ?? 0) - w), 0)
  if (deficit === 0) return widths
  const spare = widths.reduce((sum, w, i) => sum + Math.max(0, w - (need[i] ?? 0)), 0)
  if (spare < deficit) {
    const total = need.reduce((a, b) => a + b, 0)
    return need.map((n) => (n * available) / total)
  }
  return widths.map((w, i) => {
    const n = need[i] ?? 0
    return w < n ? n : w - ((w - n) / spare) * deficit
  })
}

interface RichCell {
  readonly lines: readonly CellLine[]
}

function table(w: Writer, block: TableBlock) {
  const { doc } = w
  const fontSize = block.dense ? 7 : 7.8
  const widths = columnWidths(doc, block, fontSize)
  const rich: RichCell[][] = block.rows.map((row) =>
    row.map((cell) => ({ lines: cellLines(cell) })),
  )
  // Each line of a cell is wrapped in its own face; autotable then sizes the row from the lines.
  const wrapped = rich.map((row) =>
    row.map((cell, i) =>
      cell.lines.flatMap((line) => {
        doc.setFont(FONT, line.style === 'strong' ? 'bold' : 'normal').setFontSize(fontSize)
        const width = (widths[i] ?? 40) - 2 * PADDING - 0.5
        return (doc.splitTextToSize(line.text, width) as string[]).map((text) => ({
          text,
          style: line.style,
        }))
      }),
    ),
  )
  doc.setFont(FONT, 'normal')
  const lineHeight = fontSize * doc.getLineHeightFactor()
  // A row is never split, so a cell may hold at most a page of lines (in practice far fewer):
  // beyond, its last line says how much is left out, rather than the row running off the page.
  const maxLines = Math.floor((bottom(doc) - PAGE_TOP - 40) / lineHeight)
  for (const row of wrapped) {
    row.forEach((lines, i) => {
      if (lines.length <= maxLines) return
      const left = lines.length - maxLines + 1
      row[i] = [
        ...lines.slice(0, maxLines - 1),
        { text: `(${left} more lines, in the app)`, style: 'muted' },
      ]
    })
  }
  // The body's text is drawn by didDrawCell; autotable only needs each row's height.
  const body: RowInput[] = wrapped.map((row) =>
    row.map((lines) => ({
      content: '',
      styles: { minCellHeight: Math.max(1, lines.length) * lineHeight + 2 * PADDING },
    })),
  )
  autoTable(doc, {
    startY: w.y,
    head: [block.columns.map((c) => pdfText(c.header))],
    body,
    margin: { left: MARGIN, right: MARGIN, top: PAGE_TOP, bottom: MARGIN + FOOTER - 10 },
    rowPageBreak: 'avoid',
    showHead: 'everyPage',
    tableWidth: contentWidth(doc),
    styles: {
      font: FONT,
      fontStyle: 'normal',
      fontSize,
      cellPadding: PADDING,
      overflow: 'linebreak',
      textColor: TEXT,
      lineColor: [222, 226, 232],
      lineWidth: 0.4,
      valign: 'top',
    },
    headStyles: { fillColor: BRAND, textColor: [255, 255, 255], fontStyle: 'bold' },
    alternateRowStyles: { fillColor: [246, 248, 250] },
    columnStyles: Object.fromEntries(
      widths.map((width, i) => [
        i,
        { cellWidth: width, halign: block.columns[i]?.align ?? 'left' },
      ]),
    ),
    // The body is drawn line by line, each line in its own face and colour.
    didDrawCell: (data: CellHookData) => {
      if (data.section !== 'body') return
      const lines = wrapped[data.row.index]?.[data.column.index] ?? []
      let y = data.cell.y + PADDING + fontSize * 0.85
      for (const line of lines) {
        doc
          .setFont(FONT, line.style === 'strong' ? 'bold' : 'normal')
          .setFontSize(fontSize)
          .setTextColor(...(line.style === 'muted' ? MUTED : TEXT))
        doc.text(line.text, data.cell.x + PADDING, y)
        y += lineHeight
      }
      doc.setFont(FONT, 'normal').setTextColor(...TEXT)
    },
  })
  w.y = (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 14
}

/** Bar chart of conformance per clause, drawn with vector shapes (sharp at any zoom). */
const BAR_CHART_HEIGHT = 164
const HEAT_MAP_HEIGHT = 190

function barChart(w: Writer, block: BarChartBlock) {
  const { doc } = w
  const height = 120
  ensureSpace(w, BAR_CHART_HEIGHT)
  const left = MARGIN + 30
  const width = contentWidth(doc) - 30
  const top = w.y + 10
  doc
    .setFont(FONT, 'normal')
    .setFontSize(7.5)
    .setTextColor(...MUTED)
  for (const tick of [0, 25, 50, 75, 100]) {
    const y = top + height - (tick / 100) * height
    doc
      .setDrawColor(220, 224, 230)
      .setLineWidth(0.5)
      .line(left, y, left + width, y)
    doc.text(`${tick}%`, MARGIN, y + 3)
  }
  const slot = width / Math.max(1, block.bars.length)
  block.bars.forEach((bar, i) => {
    const x = left + i * slot + slot * 0.2
    const barWidth = slot * 0.6
    const barHeight = bar.value * height
    doc.setFillColor(...BRAND).rect(x, top + height - barHeight, barWidth, barHeight, 'F')
    doc.setTextColor(...TEXT)
    doc.text(pdfText(bar.label), x + barWidth / 2, top + height + 11, { align: 'center' })
    doc.text(`${Math.round(bar.value * 100)}%`, x + barWidth / 2, top + height - barHeight - 3, {
      align: 'center',
    })
  })
  w.y = top + height + 30
  doc.setTextColor(...TEXT)
}

/** Heat maps side by side: likelihood up the left, impact along the bottom, counts in cells. */
function heatMaps(w: Writer, maps: readonly HeatMapBlock[]) {
  const { doc } = w
  const scale = maps[0]?.rows.length ?? 5
  const cell = scale === 3 ? 34 : 24
  const labelWidth = 66
  const gridWidth = cell * scale
  const blockWidth = labelWidth + gridWidth + 24
  const height = 16 + cell * scale + 40
  ensureSpace(w, height)
  maps.forEach((map, m) => {
    const x0 = MARGIN + m * blockWidth
    const top = w.y
    doc
      .setFont(FONT, 'bold')
      .setFontSize(9)
      .setTextColor(...TEXT)
    doc.text(pdfText(map.title), x0, top + 8)
    const gridTop = top + 16
    doc
      .setFont(FONT, 'normal')
      .setFontSize(6.5)
      .setTextColor(...MUTED)
    map.rows.forEach((row, r) => {
      const likelihood = scale - r
      const label = pdfText(`${likelihood} ${map.likelihoodLabels[likelihood - 1] ?? ''}`)
      const y = gridTop + r * cell
      doc.text(doc.splitTextToSize(label, labelWidth - 4)[0] as string, x0, y + cell / 2 + 2)
      row.forEach((c, i) => {
        const x = x0 + labelWidth + i * cell
        doc
          .setFillColor(...BAND_FILL[c.band])
          .setDrawColor(255, 255, 255)
          .setLineWidth(1)
        doc.rect(x, y, cell, cell, 'FD')
        if (c.count > 0) {
          doc
            .setFont(FONT, 'bold')
            .setFontSize(8.5)
            .setTextColor(...TEXT)
          doc.text(String(c.count), x + cell / 2, y + cell / 2 + 3, { align: 'center' })
          doc
            .setFont(FONT, 'normal')
            .setFontSize(6.5)
            .setTextColor(...MUTED)
        }
      })
    })
    const axisY = gridTop + scale * cell + 8
    map.impactLabels.forEach((label, i) => {
      const x = x0 + labelWidth + i * cell + cell / 2
      doc.text(String(i + 1), x, axisY, { align: 'center' })
      const short = doc.splitTextToSize(pdfText(label), cell - 1)[0] as string
      doc.text(short, x, axisY + 8, { align: 'center' })
    })
    doc.text('Likelihood ↑   Impact →', x0, axisY + 20)
  })
  doc.setTextColor(...TEXT)
  w.y += height + 6
}

function cover(w: Writer, c: ReportCover) {
  const { doc } = w
  doc.setFillColor(...BRAND).rect(0, 0, pageWidth(doc), 140, 'F')
  doc.setTextColor(255, 255, 255).setFont(FONT, 'bold').setFontSize(23)
  doc.text(pdfText(c.title), MARGIN, 76)
  doc.setFont(FONT, 'normal').setFontSize(12)
  doc.text(pdfText(c.subtitle), MARGIN, 102)
  w.y = 184
  doc.setTextColor(...TEXT)
  const labelWidth = 118
  for (const fact of c.facts) {
    doc.setFont(FONT, 'normal').setFontSize(10.5)
    const lines = doc.splitTextToSize(
      pdfText(fact.value || EMPTY),
      contentWidth(doc) - labelWidth,
    ) as string[]
    const shown = lines.slice(0, 6)
    doc
      .setFont(FONT, 'bold')
      .setTextColor(...MUTED)
      .text(pdfText(fact.label), MARGIN, w.y)
    doc
      .setFont(FONT, 'normal')
      .setTextColor(...TEXT)
      .text(shown, MARGIN + labelWidth, w.y)
    w.y += Math.max(1, shown.length) * 14 + 6
  }
  if (c.verdict) {
    w.y += 14
    doc
      .setDrawColor(...BRAND)
      .setLineWidth(1.5)
      .rect(MARGIN, w.y, contentWidth(doc), 64)
    doc
      .setFont(FONT, 'bold')
      .setFontSize(19)
      .setTextColor(...BRAND)
    doc.text(pdfText(c.verdict.score), MARGIN + 16, w.y + 28)
    doc.setFontSize(12.5).setTextColor(...TEXT)
    doc.text(pdfText(c.verdict.band), MARGIN + 16, w.y + 49)
    w.y += 64
  }
  doc
    .setFont(FONT, 'bold')
    .setFontSize(9)
    .setTextColor(...TEXT)
  doc.text(pdfText(c.confidentiality), MARGIN, pageHeight(doc) - MARGIN - 34, {
    maxWidth: contentWidth(doc),
  })
  doc
    .setFont(FONT, 'normal')
    .setFontSize(7.5)
    .setTextColor(...MUTED)
  doc.text(pdfText(c.disclaimer), MARGIN, pageHeight(doc) - MARGIN - 14, {
    maxWidth: contentWidth(doc),
  })
  doc.setTextColor(...TEXT)
}

/** The text on one line of `width`: printed smaller, down to 6 pt, then cut with "…". */
function fitLine(doc: jsPDF, text: string, width: number): string {
  for (let size = 7.5; size >= 6; size -= 0.5) {
    doc.setFontSize(size)
    if (doc.getTextWidth(text) <= width) return text
  }
  let cut = text
  while (cut.length > 1 && doc.getTextWidth(`${cut}…`) > width) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}

/**
 * The running header (from page 2: organization, title and date) and the footer on every page
 * (the confidentiality line, "Page x of y"), drawn once all pages exist, each at its page's own
 * width (the landscape pages are wider).
 */
function pageFurniture(doc: jsPDF, report: ReportDocument) {
  const total = doc.getNumberOfPages()
  const right = pdfText(`${report.title} · ${report.date}`)
  for (let page = 1; page <= total; page++) {
    doc.setPage(page)
    const width = pageWidth(doc)
    doc
      .setFont(FONT, 'normal')
      .setFontSize(7.5)
      .setTextColor(...MUTED)
    if (page > 1) {
      const org = doc.splitTextToSize(
        pdfText(report.organization),
        contentWidth(doc) / 2,
      )[0] as string
      doc.text(org, MARGIN, MARGIN - 10)
      doc.text(right, width - MARGIN, MARGIN - 10, { align: 'right' })
      doc.setDrawColor(200, 204, 210).setLineWidth(0.5)
      doc.line(MARGIN, MARGIN - 5, width - MARGIN, MARGIN - 5)
      const footer = fitLine(doc, pdfText(report.cover.confidentiality), contentWidth(doc) - 70)
      doc.text(footer, MARGIN, pageHeight(doc) - MARGIN / 2)
    }
    doc.setFontSize(7.5)
    doc.text(`Page ${page} of ${total}`, width - MARGIN, pageHeight(doc) - MARGIN / 2, {
      align: 'right',
    })
  }
  doc.setTextColor(...TEXT)
}

function renderBlocks(w: Writer, blocks: readonly Block[], format: PageFormat) {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block
    switch (block.kind) {
      case 'heading': {
        // A heading keeps with the chart or heat map that follows it, past a short paragraph.
        const after = blocks[i + 1]?.kind === 'paragraph' ? blocks[i + 2] : blocks[i + 1]
        heading(w, block.text, block.level, Math.max(leadIn(blocks[i + 1]), leadIn(after)))
        break
      }
      case 'paragraph':
        paragraph(w, block.text, block.style)
        break
      case 'list':
        itemList(w, block)
        break
      case 'table':
        table(w, block)
        break
      case 'bar-chart':
        barChart(w, block)
        break
      case 'heat-map': {
        const maps = [block]
        while (blocks[i + 1]?.kind === 'heat-map') maps.push(blocks[++i] as HeatMapBlock)
        heatMaps(w, maps)
        break
      }
      case 'page-break':
        w.doc.addPage(format, block.orientation)
        w.y = PAGE_TOP
        break
    }
  }
}

/** A ReportDocument as PDF bytes: its cover on page 1, then its blocks. */
export function renderPdf(
  report: ReportDocument,
  fonts: ReportFonts,
  format: PageFormat = 'a4',
): ArrayBuffer {
  const doc = newDocument(format, fonts)
  const w: Writer = { doc, y: MARGIN }
  cover(w, report.cover)
  if (report.blocks[0]?.kind !== 'page-break') {
    doc.addPage(format, 'portrait')
    w.y = PAGE_TOP
  }
  renderBlocks(w, report.blocks, format)
  pageFurniture(doc, report)
  // Only fixed strings go into the document's metadata, never user text.
  doc.setProperties({ title: report.title, creator: 'ISMS Readiness' })
  return doc.output('arraybuffer')
}

export function buildGapReportPdf(
  input: GapReportInput,
  fonts: ReportFonts,
  format: PageFormat = 'a4',
): ArrayBuffer {
  return renderPdf(buildGapReportDocument(input), fonts, format)
}

export function buildSoaPdf(
  input: {
    readonly meta: ReportMeta
    readonly soa: readonly SoaRow[]
    readonly risks: readonly Risk[]
  },
  fonts: ReportFonts,
  format: PageFormat = 'a4',
): ArrayBuffer {
  return renderPdf(buildSoaDocument(input), fonts, format)
}

export { GAP_REPORT_LIMITS } from './gapReportDocument'

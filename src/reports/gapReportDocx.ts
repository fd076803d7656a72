/**
 * The Word rendering of a ReportDocument (document.ts): the same cover, headings, sentences and
 * table cells as the PDF, in a file a consultant can edit before sending it. Loaded with
 * `import()` at the moment of export, so the docx library never weighs on the first screen.
 *
 * Word features rather than drawings: real Heading 1–3 paragraphs (the navigation pane works and
 * References › Table of Contents builds a contents list in one click), named paragraph styles,
 * bulleted lists from a numbering definition, tables whose header row repeats on each page and
 * whose rows do not split, one section per page orientation (the SoA appendix is landscape) with
 * the same running header and footer, and page numbers as PAGE / NUMPAGES fields.
 *
 * No table-of-contents field: Word fills one only when asked to update the document's fields
 * (a prompt on opening that reads like a security warning to the client receiving the file), and
 * LibreOffice shows it empty until updated by hand. The headings make one a click away instead.
 *
 * User text goes in only as run text (escaped by the library, with the characters XML 1.0 cannot
 * hold dropped), never as field codes, and never into the file's properties.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
  type ITableBordersOptions,
  type ITableCellBorders,
} from 'docx'
import { LEVEL_BAND_LABELS } from '@/domain/risk'
import type {
  BarChartBlock,
  Block,
  Cell,
  CellLine,
  Column,
  HeatMapBlock,
  ListBlock,
  ReportCover,
  ReportDocument,
  TableBlock,
} from './document'

export interface DocxOptions {
  readonly pageFormat: 'a4' | 'letter'
}

type Orientation = 'portrait' | 'landscape'
type FileChild = Paragraph | Table

/** Word's units: 1 twip (DXA) = 1/20 pt; run sizes are in half-points. */
const TWIPS_PER_POINT = 20
const CM = 567

/** Portrait page sizes in twips (the library swaps them for a landscape section). */
const PAGE_SIZES = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
} as const
const MARGIN = 2 * CM
const HEADER_DISTANCE = 1 * CM

/** Installed with Office everywhere; holds Latin Extended, Greek and Cyrillic. */
const FONT = 'Calibri'

const BRAND = '1D4E89'
const TEXT = '1A1A1A'
const MUTED = '4D5560'
const RULE = 'C8CDD4'
const HEADER_FILL = 'E3EAF3'
const ZEBRA_FILL = 'F4F6F9'
const VERDICT_FILL = 'EEF3F9'
/** The heat map's colours as the app's Risks screen shows them; dark text reads on all three. */
const BAND_FILL = { low: 'D6ECD9', medium: 'FBE6B2', high: 'F6C6C4' } as const

/** What an empty value prints as, in cells and facts. */
const NOT_RECORDED = '—'

const BULLETS = 'report-bullets'
const LIST_INDENT = 360
const LIST_HANGING = 240

/** The width text has between the margins, in twips. */
function usableWidth(pageFormat: DocxOptions['pageFormat'], orientation: Orientation): number {
  const size = PAGE_SIZES[pageFormat]
  return (orientation === 'landscape' ? size.height : size.width) - 2 * MARGIN
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * The text without what XML 1.0 cannot carry (control characters but tab and line breaks,
 * unpaired surrogates, U+FFFE and U+FFFF): Word refuses a file holding one. The library escapes
 * the rest (&, <, >, quotes).
 */
export function xmlSafe(text: string): string {
  let out = ''
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    const allowed =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000
    if (allowed) out += ch
  }
  return out
}

/** The text as runs, a line break where it has one (plain text may hold several lines). */
function runs(text: string, run: IRunOptions = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ ...run, text: line, ...(i > 0 ? { break: 1 } : {}) }))
}

const orDash = (text: string) => (text.trim() === '' ? NOT_RECORDED : text)

function para(text: string, options: Omit<IParagraphOptions, 'text' | 'children'> = {}) {
  return new Paragraph({ ...options, children: runs(text) })
}

// ---------------------------------------------------------------------------------------------
// Styles

const STYLE = {
  lead: 'Lead',
  muted: 'Muted',
  subtitle: 'Subtitle',
  cell: 'TableText',
  cellDense: 'TableTextDense',
  listDetail: 'ListDetail',
  caption: 'ReportCaption',
  furniture: 'HeaderFooterText',
  disclaimer: 'Disclaimer',
} as const

/** Point sizes of the cell text: normal and dense tables, and their muted lines. */
const CELL_SIZE = { normal: 9, dense: 8, mutedNormal: 8, mutedDense: 7 } as const

const half = (points: number) => points * 2

function styles() {
  const headingStyle = (
    size: number,
    color: string,
    before: number,
    after: number,
    level: number,
  ) => ({
    run: { font: FONT, size: half(size), bold: true, color },
    paragraph: {
      spacing: { before, after },
      keepNext: true,
      keepLines: true,
      outlineLevel: level,
    },
  })
  const derived = (id: string, name: string, run: IRunOptions, paragraph = {}) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, ...run },
    paragraph,
  })
  const cellParagraph = { spacing: { before: 0, after: 0, line: 240 } }
  return {
    default: {
      document: {
        run: { font: FONT, size: half(10.5), color: TEXT },
        paragraph: { spacing: { after: 120, line: 264 } },
      },
      title: {
        run: { font: FONT, size: half(28), bold: true, color: BRAND },
        paragraph: { spacing: { after: 120 } },
      },
      heading1: headingStyle(16, BRAND, 360, 120, 0),
      heading2: headingStyle(13, BRAND, 280, 100, 1),
      heading3: headingStyle(11, TEXT, 220, 80, 2),
    },
    paragraphStyles: [
      derived(STYLE.lead, 'Lead', { size: half(13) }, { spacing: { after: 160 } }),
      derived(STYLE.muted, 'Muted', { size: half(9), color: MUTED }),
      derived(
        STYLE.subtitle,
        'Subtitle',
        { size: half(14), color: MUTED },
        { spacing: { after: 480 } },
      ),
      derived(STYLE.cell, 'Table text', { size: half(CELL_SIZE.normal) }, cellParagraph),
      derived(STYLE.cellDense, 'Table text dense', { size: half(CELL_SIZE.dense) }, cellParagraph),
      derived(
        STYLE.listDetail,
        'List detail',
        { size: half(9), color: MUTED },
        { indent: { left: LIST_INDENT }, spacing: { before: 0, after: 40 } },
      ),
      derived(
        STYLE.caption,
        'Report caption',
        { size: half(10), bold: true },
        { spacing: { before: 120, after: 60 }, keepNext: true },
      ),
      derived(
        STYLE.furniture,
        'Header and footer text',
        { size: half(8), color: MUTED },
        { spacing: { before: 0, after: 0, line: 240 } },
      ),
      derived(
        STYLE.disclaimer,
        'Disclaimer',
        { size: half(8), color: MUTED },
        { spacing: { before: 0, after: 60, line: 240 } },
      ),
    ],
  }
}

const numbering = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: LIST_INDENT, hanging: LIST_HANGING } } },
        },
      ],
    },
  ],
}

// ---------------------------------------------------------------------------------------------
// Tables

const line = (color = RULE, size = 4): IBorderOptions => ({
  style: BorderStyle.SINGLE,
  size,
  color,
})
const NO_LINE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }

const tableBorders = (border: IBorderOptions): ITableBordersOptions => ({
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
})
const cellBorders = (border: IBorderOptions): ITableCellBorders => ({
  top: border,
  bottom: border,
  left: border,
  right: border,
})

const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 }

/**
 * Column widths in twips from the shares (normalised if they do not add up to 1), each at least
 * its `minWidth` where the others can give the room.
 */
export function columnWidths(columns: readonly Column[], total: number): number[] {
  const shares = columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 0))
  const sum = shares.reduce((a, b) => a + b, 0)
  const even = 1 / Math.max(1, columns.length)
  const normal = shares.map((s) => (sum > 0 ? s / sum : even))
  const mins = columns.map((c) => (c.minWidth ?? 0) * TWIPS_PER_POINT)
  const raised = normal.map((s, i) => (s * total < (mins[i] ?? 0) ? (mins[i] ?? 0) : null))
  const fixed = raised.reduce<number>((a, w) => a + (w ?? 0), 0)
  const freeShare = normal.reduce((a, s, i) => a + (raised[i] === null ? s : 0), 0)
  const widths =
    fixed > 0 && fixed < total && freeShare > 0
      ? normal.map((s, i) => raised[i] ?? (s / freeShare) * (total - fixed))
      : normal.map((s) => s * total)
  const rounded = widths.map((w) => Math.max(1, Math.floor(w)))
  // The rounding's remainder goes to the last column, so the table is exactly as wide as asked.
  const rest = total - rounded.reduce((a, b) => a + b, 0)
  if (rounded.length > 0) rounded[rounded.length - 1] = (rounded[rounded.length - 1] ?? 0) + rest
  return rounded
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const

function cellLines(cell: Cell): readonly CellLine[] {
  const lines = typeof cell === 'string' ? [{ text: cell }] : cell
  const filled = lines.filter((l) => l.text.trim() !== '')
  return filled.length > 0 ? filled : [{ text: NOT_RECORDED, style: 'muted' }]
}

function cellParagraphs(cell: Cell, dense: boolean, align: Column['align']): Paragraph[] {
  return cellLines(cell).map((l) => {
    const run: IRunOptions =
      l.style === 'strong'
        ? { bold: true }
        : l.style === 'muted'
          ? { size: half(dense ? CELL_SIZE.mutedDense : CELL_SIZE.mutedNormal), color: MUTED }
          : {}
    return new Paragraph({
      style: dense ? STYLE.cellDense : STYLE.cell,
      alignment: ALIGN[align ?? 'left'],
      children: runs(l.text, run),
    })
  })
}

function table(block: TableBlock, width: number): Table {
  const dense = block.dense === true
  const widths = columnWidths(block.columns, width)
  const cell = (children: Paragraph[], i: number, fill?: string) =>
    new TableCell({
      children,
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    })
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, i) =>
      cell(
        [
          new Paragraph({
            style: dense ? STYLE.cellDense : STYLE.cell,
            alignment: ALIGN[column.align ?? 'left'],
            children: runs(column.header, { bold: true }),
          }),
        ],
        i,
        HEADER_FILL,
      ),
    ),
  })
  const body = block.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((column, i) =>
          cell(
            cellParagraphs(row[i] ?? '', dense, column.align),
            i,
            r % 2 === 1 ? ZEBRA_FILL : undefined,
          ),
        ),
      }),
  )
  return new Table({
    rows: [header, ...body],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: tableBorders(line()),
    margins: CELL_MARGINS,
  })
}

/** The bar chart as a table: label, percentage, and the bar as a shaded cell of that width. */
function barChart(block: BarChartBlock, width: number): Table {
  const widths = columnWidths(
    [
      { header: '', width: 0.34 },
      { header: '', width: 0.1 },
      { header: '', width: 0.56 },
    ],
    width,
  )
  const barWidth = (widths[2] ?? 0) - CELL_MARGINS.left - CELL_MARGINS.right
  const rows = block.bars.map((bar) => {
    const value = Number.isFinite(bar.value) ? Math.min(1, Math.max(0, bar.value)) : 0
    const cell = (children: FileChild[], i: number) =>
      new TableCell({
        children,
        width: { size: widths[i] ?? 0, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
      })
    return new TableRow({
      cantSplit: true,
      children: [
        cell(cellParagraphs(bar.label, false, 'left'), 0),
        cell(cellParagraphs(`${Math.round(value * 100)}%`, false, 'right'), 1),
        cell([barTable(value, barWidth), spacer()], 2),
      ],
    })
  })
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...tableBorders(NO_LINE), top: line(), bottom: line(), insideHorizontal: line() },
    margins: CELL_MARGINS,
  })
}

/** The space after a table. */
const gap = () => new Paragraph({ spacing: { after: 120 }, children: [] })

/** An empty paragraph of next to no height: what a cell holding only a table must end with. */
const spacer = () =>
  new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '', size: 2 })],
  })

/** One bar: a one-row table, its first cell shaded over `value` of the width. */
function barTable(value: number, width: number): Table {
  const filled = Math.round(value * width)
  const parts = [
    { size: filled, fill: BRAND },
    { size: width - filled, fill: undefined },
  ].filter((p) => p.size >= 20)
  return new Table({
    rows: [
      new TableRow({
        height: { value: 200, rule: HeightRule.EXACT },
        children: (parts.length > 0 ? parts : [{ size: width, fill: undefined }]).map(
          (p) =>
            new TableCell({
              children: [spacer()],
              width: { size: p.size, type: WidthType.DXA },
              borders: cellBorders(NO_LINE),
              ...(p.fill
                ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: p.fill } }
                : {}),
            }),
        ),
      }),
    ],
    width: { size: width, type: WidthType.DXA },
    columnWidths: (parts.length > 0 ? parts : [{ size: width }]).map((p) => p.size),
    layout: TableLayoutType.FIXED,
    borders: { ...tableBorders(NO_LINE), bottom: line(RULE, 2) },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  })
}

/**
 * The heat map as a table: likelihood down the side (highest first, as `rows` come), impact
 * across, each cell shaded by its band and holding its count; kept on one page.
 */
function heatMap(block: HeatMapBlock, width: number): FileChild[] {
  const impacts = Math.max(block.impactLabels.length, ...block.rows.map((r) => r.length))
  const labelWidth = Math.min(2600, Math.floor(width * 0.3))
  const cellWidth = Math.min(1400, Math.floor((width - labelWidth) / Math.max(1, impacts)))
  const widths = [labelWidth, ...Array.from({ length: impacts }, () => cellWidth)]
  const total = widths.reduce((a, b) => a + b, 0)
  const text = (t: string, run: IRunOptions = {}, align: Column['align'] = 'center') =>
    new Paragraph({
      style: STYLE.cell,
      alignment: ALIGN[align],
      keepNext: true,
      children: runs(t, run),
    })
  const cell = (children: Paragraph[], i: number, fill?: string, span = 1) =>
    new TableCell({
      children,
      width: { size: span === 1 ? (widths[i] ?? 0) : total - labelWidth, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      ...(span > 1 ? { columnSpan: span } : {}),
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      borders: cellBorders(line('FFFFFF', 12)),
    })
  const muted = { size: half(CELL_SIZE.mutedNormal), color: MUTED }
  const axis = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [cell([text('')], 0), cell([text('Impact', { bold: true })], 1, undefined, impacts)],
  })
  const impactRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell([text('Likelihood', { bold: true }, 'left')], 0),
      ...Array.from({ length: impacts }, (_, i) =>
        cell(
          [text(String(i + 1), { bold: true }), text(block.impactLabels[i] ?? '', muted)],
          i + 1,
        ),
      ),
    ],
  })
  const rows = block.rows.map((row, r) => {
    const level = block.rows.length - r
    return new TableRow({
      cantSplit: true,
      children: [
        cell(
          [
            new Paragraph({
              style: STYLE.cell,
              keepNext: true,
              children: [
                new TextRun({ text: `${level}  `, bold: true }),
                ...runs(block.likelihoodLabels[level - 1] ?? '', muted),
              ],
            }),
          ],
          0,
        ),
        ...Array.from({ length: impacts }, (_, i) => {
          const c = row[i]
          if (!c) return cell([text('')], i + 1)
          return cell(
            [text(c.count > 0 ? String(c.count) : '', { bold: true })],
            i + 1,
            BAND_FILL[c.band],
          )
        }),
      ],
    })
  })
  const legend = new Paragraph({
    style: STYLE.muted,
    spacing: { before: 60, after: 200 },
    children: (['low', 'medium', 'high'] as const).flatMap((band, i) => [
      ...(i > 0 ? [new TextRun({ text: '   ' })] : []),
      new TextRun({
        text: ` ${LEVEL_BAND_LABELS[band]} `,
        color: TEXT,
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: BAND_FILL[band] },
      }),
    ]),
  })
  return [
    para(block.title, { style: STYLE.caption }),
    new Table({
      rows: [axis, impactRow, ...rows],
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: tableBorders(NO_LINE),
      margins: CELL_MARGINS,
    }),
    legend,
  ]
}

function list(block: ListBlock): Paragraph[] {
  return block.items.flatMap((item) => {
    const details = item.details ?? []
    const head = item.head?.trim()
      ? [...runs(item.head, { bold: true }), new TextRun({ text: ' ' })]
      : []
    return [
      new Paragraph({
        numbering: { reference: BULLETS, level: 0 },
        spacing: { after: details.length > 0 ? 20 : 80 },
        keepNext: details.length > 0,
        children: [...head, ...runs(item.text)],
      }),
      ...details.map((d, i) =>
        para(d, { style: STYLE.listDetail, keepNext: i < details.length - 1 }),
      ),
    ]
  })
}

// ---------------------------------------------------------------------------------------------
// Cover, running header and footer

function cover(c: ReportCover, width: number): FileChild[] {
  const factWidths = columnWidths(
    [
      { header: '', width: 0.3 },
      { header: '', width: 0.7 },
    ],
    width,
  )
  const facts = new Table({
    rows: c.facts.map(
      (fact) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: factWidths[0] ?? 0, type: WidthType.DXA },
              children: [
                new Paragraph({
                  spacing: { before: 40, after: 40 },
                  children: runs(fact.label, { bold: true, size: half(11) }),
                }),
              ],
            }),
            new TableCell({
              width: { size: factWidths[1] ?? 0, type: WidthType.DXA },
              children: [
                new Paragraph({
                  spacing: { before: 40, after: 40 },
                  children: runs(orDash(fact.value), { size: half(11) }),
                }),
              ],
            }),
          ],
        }),
    ),
    width: { size: width, type: WidthType.DXA },
    columnWidths: factWidths,
    layout: TableLayoutType.FIXED,
    borders: tableBorders(NO_LINE),
    margins: { top: 0, bottom: 0, left: 0, right: 120 },
  })
  const verdict = c.verdict
    ? [
        new Paragraph({ spacing: { before: 360, after: 0 }, children: [] }),
        new Table({
          rows: [
            new TableRow({
              cantSplit: true,
              children: [
                new TableCell({
                  width: { size: width, type: WidthType.DXA },
                  shading: { type: ShadingType.CLEAR, color: 'auto', fill: VERDICT_FILL },
                  children: [
                    new Paragraph({
                      spacing: { before: 0, after: 60 },
                      children: runs(c.verdict.score, { bold: true, size: half(18), color: BRAND }),
                    }),
                    new Paragraph({
                      spacing: { after: 0 },
                      children: runs(c.verdict.band, { size: half(13) }),
                    }),
                  ],
                }),
              ],
            }),
          ],
          width: { size: width, type: WidthType.DXA },
          columnWidths: [width],
          layout: TableLayoutType.FIXED,
          borders: tableBorders(line(BRAND, 12)),
          margins: { top: 200, bottom: 200, left: 240, right: 240 },
        }),
      ]
    : []
  return [
    new Paragraph({ spacing: { before: 2400, after: 0 }, children: [] }),
    para(c.title, { heading: HeadingLevel.TITLE }),
    para(c.subtitle, { style: STYLE.subtitle }),
    ...(c.facts.length > 0 ? [facts] : []),
    ...verdict,
    new Paragraph({ spacing: { before: 480 }, children: runs(c.confidentiality, { bold: true }) }),
  ]
}

/** A borderless two-cell row: left text and right text, each over its share of the width. */
function furnitureTable(
  left: Paragraph[],
  right: Paragraph[],
  width: number,
  leftShare: number,
  border: 'top' | 'bottom',
): Table {
  const widths = columnWidths(
    [
      { header: '', width: leftShare },
      { header: '', width: 1 - leftShare },
    ],
    width,
  )
  const edge = { ...cellBorders(NO_LINE), [border]: line(RULE, 4) }
  return new Table({
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: widths[0] ?? 0, type: WidthType.DXA },
            borders: edge,
            children: left,
          }),
          new TableCell({
            width: { size: widths[1] ?? 0, type: WidthType.DXA },
            borders: edge,
            children: right,
          }),
        ],
      }),
    ],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: tableBorders(NO_LINE),
    margins: { top: 40, bottom: 40, left: 0, right: 0 },
  })
}

const furniture = (text: string, align: 'left' | 'right', run: IRunOptions = {}) =>
  new Paragraph({ style: STYLE.furniture, alignment: ALIGN[align], children: runs(text, run) })

function runningHeader(doc: ReportDocument, width: number): Header {
  return new Header({
    children: [
      furnitureTable(
        [furniture(doc.organization, 'left')],
        [furniture(`${doc.title} · ${doc.date}`, 'right')],
        width,
        0.5,
        'bottom',
      ),
    ],
  })
}

function runningFooter(doc: ReportDocument, width: number): Footer {
  const pageNumber = new Paragraph({
    style: STYLE.furniture,
    alignment: AlignmentType.RIGHT,
    // Fixed strings only: the library reads 'CURRENT' and 'TOTAL_PAGES' here as fields.
    children: [
      new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
    ],
  })
  return new Footer({
    children: [
      furnitureTable(
        [furniture(doc.cover.confidentiality, 'left')],
        [pageNumber],
        width,
        0.7,
        'top',
      ),
    ],
  })
}

// ---------------------------------------------------------------------------------------------
// Document

/**
 * The report as a .docx file. The cover is a section of its own whose first-page header is empty
 * and whose first-page footer holds the disclaimer, so the small print sits at the foot of the
 * cover; every page-break block opens a new section in its orientation with the same header and
 * footer (page numbers run on through the sections).
 */
export async function buildReportDocx(
  doc: ReportDocument,
  options: DocxOptions,
): Promise<ArrayBuffer> {
  const size = PAGE_SIZES[options.pageFormat]
  const properties = (
    orientation: Orientation,
    titlePage = false,
  ): ISectionOptions['properties'] => ({
    titlePage,
    page: {
      size: {
        width: size.width,
        height: size.height,
        orientation:
          orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: {
        top: MARGIN,
        bottom: MARGIN,
        left: MARGIN,
        right: MARGIN,
        header: HEADER_DISTANCE,
        footer: HEADER_DISTANCE,
      },
    },
  })
  const furnitureFor = (orientation: Orientation) => {
    const width = usableWidth(options.pageFormat, orientation)
    return {
      headers: { default: runningHeader(doc, width) },
      footers: { default: runningFooter(doc, width) },
    }
  }

  const portrait = usableWidth(options.pageFormat, 'portrait')
  const coverSection: ISectionOptions = {
    properties: properties('portrait', true),
    headers: {
      ...furnitureFor('portrait').headers,
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
    footers: {
      ...furnitureFor('portrait').footers,
      first: new Footer({ children: [para(doc.cover.disclaimer, { style: STYLE.disclaimer })] }),
    },
    children: cover(doc.cover, portrait),
  }

  const sections: ISectionOptions[] = [coverSection]
  let orientation: Orientation = 'portrait'
  let children: FileChild[] = []
  const close = () => {
    if (children.length === 0) return
    sections.push({ properties: properties(orientation), ...furnitureFor(orientation), children })
    children = []
  }
  for (const block of doc.blocks) {
    if (block.kind === 'page-break') {
      close()
      orientation = block.orientation
      continue
    }
    children.push(...render(block, usableWidth(options.pageFormat, orientation)))
  }
  close()

  const file = new Document({
    // Fixed strings only: no user text in the file's properties.
    title: doc.title,
    creator: 'ISMS Readiness',
    lastModifiedBy: 'ISMS Readiness',
    styles: styles(),
    numbering,
    sections,
  })
  return Packer.toArrayBuffer(file)
}

function render(block: Exclude<Block, { kind: 'page-break' }>, width: number): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [
        para(block.text, {
          heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][
            block.level - 1
          ],
        }),
      ]
    case 'paragraph':
      return [
        para(
          block.text,
          block.style === 'lead'
            ? { style: STYLE.lead }
            : block.style === 'muted'
              ? { style: STYLE.muted }
              : {},
        ),
      ]
    case 'list':
      return list(block)
    // A table must have a row and a column; a paragraph after each table, or Word joins two
    // tables that touch into one.
    case 'table':
      return block.columns.length === 0 ? [] : [table(block, width), gap()]
    case 'bar-chart':
      return block.bars.length === 0 ? [] : [barChart(block, width), gap()]
    case 'heat-map':
      return block.rows.length === 0 && block.impactLabels.length === 0 ? [] : heatMap(block, width)
  }
}

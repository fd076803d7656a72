/**
 * A report as a sequence of blocks that every renderer reads the same way: the PDF
 * (gapReportPdf.ts) and the Word file (gapReportDocx.ts) print the same headings, sentences and
 * table cells, because they print this. Built once by buildGapReportDocument
 * (gapReportDocument.ts) or buildSoaDocument, from the domain's results; nothing here knows
 * about pages, fonts or XML.
 *
 * Text is plain text: a renderer never interprets it (no markup, no links, no fields).
 */

/** One fact on the cover: "Organization", "Čistá Voda s.r.o.". */
export interface Fact {
  readonly label: string
  /** '' prints as the renderer's "not recorded" dash. */
  readonly value: string
}

export interface ReportCover {
  /** "Readiness gap report". */
  readonly title: string
  /** "ISO/IEC 27001:2022". */
  readonly subtitle: string
  readonly facts: readonly Fact[]
  /** The verdict in a box: "Stage 1 readiness: 62/100" and the band; null for the SoA. */
  readonly verdict: { readonly score: string; readonly band: string } | null
  /** The confidentiality line, printed on the cover and in every page's footer. */
  readonly confidentiality: string
  /** The small print at the foot of the cover. */
  readonly disclaimer: string
}

/**
 * A table column. `width` is a share of the width the table has (all shares of a table add up
 * to 1); a renderer widens a column to its longest word (measured in its own font) so no word
 * is broken, and never below `minWidth` points; `align` defaults to left.
 */
export interface Column {
  readonly header: string
  readonly width: number
  readonly align?: 'left' | 'center' | 'right'
  /** Never narrower than this many points in the PDF (a date, a severity). */
  readonly minWidth?: number
}

/**
 * A table cell: its lines, each a paragraph of its own inside the cell. A line may be marked as
 * secondary (printed smaller or muted: an observation under a finding, a supplier under a
 * decision) or strong (bold).
 */
export interface CellLine {
  readonly text: string
  readonly style?: 'normal' | 'strong' | 'muted'
}
export type Cell = string | readonly CellLine[]

export interface TableBlock {
  readonly kind: 'table'
  readonly columns: readonly Column[]
  readonly rows: readonly (readonly Cell[])[]
  /** What the table is, for a screen reader or a caption-less renderer; not printed. */
  readonly summary: string
  /** Smaller text for wide registers (the SoA, the risk register). */
  readonly dense?: boolean
}

export interface HeadingBlock {
  readonly kind: 'heading'
  /** 1: a chapter; 2: a section; 3: a sub-section. */
  readonly level: 1 | 2 | 3
  readonly text: string
}

export interface ParagraphBlock {
  readonly kind: 'paragraph'
  readonly text: string
  /** 'lead': larger, for the verdict sentence; 'muted': smaller and grey, for notes. */
  readonly style?: 'normal' | 'lead' | 'muted'
}

export interface ListItem {
  /** Printed in bold before the text. */
  readonly head?: string
  readonly text: string
  /** Printed under the item, indented and smaller. */
  readonly details?: readonly string[]
}

export interface ListBlock {
  readonly kind: 'list'
  readonly items: readonly ListItem[]
}

/** A bar per clause chapter, 0 to 1. */
export interface BarChartBlock {
  readonly kind: 'bar-chart'
  readonly bars: readonly { readonly label: string; readonly value: number }[]
  readonly summary: string
}

/**
 * The risk heat map: `rows` from the highest likelihood down, each with one cell per impact from
 * 1 up; a cell holds its count and its band (which colours it). `likelihoodLabels[0]` and
 * `impactLabels[0]` name level 1, as the risk criteria do. Empty cells print no number.
 */
export interface HeatMapBlock {
  readonly kind: 'heat-map'
  readonly title: string
  readonly likelihoodLabels: readonly string[]
  readonly impactLabels: readonly string[]
  readonly rows: readonly (readonly {
    readonly count: number
    readonly band: 'low' | 'medium' | 'high'
  }[])[]
  readonly summary: string
}

/** Starts a new page; `orientation` turns it (the SoA appendix is landscape). */
export interface PageBreakBlock {
  readonly kind: 'page-break'
  readonly orientation: 'portrait' | 'landscape'
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | BarChartBlock
  | HeatMapBlock
  | PageBreakBlock

export interface ReportDocument {
  /** The document's title, also in the running header: "Readiness gap report". */
  readonly title: string
  /** The organization, in the running header. */
  readonly organization: string
  /** yyyy-mm-dd, in the running header. */
  readonly date: string
  readonly cover: ReportCover
  readonly blocks: readonly Block[]
}

/** The text of a cell, its lines joined: for spreadsheets and tests. */
export const cellText = (cell: Cell): string =>
  typeof cell === 'string' ? cell : cell.map((line) => line.text).join('\n')

/** A heading block. */
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text })

/** A paragraph block, normal unless said otherwise. */
export const paragraph = (text: string, style: 'normal' | 'lead' | 'muted' = 'normal'): Block => ({
  kind: 'paragraph',
  text,
  style,
})

/** Table columns from [header, share of the width, minimum width in points?]. */
export const columns = (...specs: [string, number, number?][]): Column[] =>
  specs.map(([header, width, minWidth]) =>
    minWidth ? { header, width, minWidth } : { header, width },
  )

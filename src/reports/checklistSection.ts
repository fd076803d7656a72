/**
 * The audit evidence checklist (src/domain/evidenceChecklist.ts) as report blocks: its summary,
 * a chapter of the gap report (the totals and the rows still missing something), and its full
 * tables, printed by the checklist's own PDF. Pure, like gapReportDocument.ts; every cell is
 * worded by the domain module, as in the CSV and the spreadsheet.
 */
import {
  CHECKLIST_STATUS_LABELS,
  documentStateText,
  totalsSentence,
  type ChecklistCounts,
  type ChecklistRow,
  type EvidenceChecklist,
} from '@/domain/evidenceChecklist'
import { columns, heading, paragraph } from './document'
import type { Block, Cell, CellLine } from './document'

export const CHECKLIST_TITLE = 'Audit evidence checklist'

/** What the three statuses mean, for the reader of a checklist. */
export const CHECKLIST_STATUS_NOTE =
  'Ready: evidence is named and every document that serves the row is approved and current. Partly ready: there is something to show, but more to do. Missing: a document it needs is missing, or there is nothing to show yet.'

/** The counts of one part as a table row. */
const countsRow = (label: string, c: ChecklistCounts): string[] => [
  label,
  String(c.rows),
  String(c.ready),
  String(c.partial),
  String(c.missing),
]

/** The totals as a table: the sub-clauses, the controls in scope, all rows. */
function totalsTable(checklist: EvidenceChecklist): Block {
  const { clauses, controls, all } = checklist.totals
  return {
    kind: 'table',
    summary: 'How many rows of the checklist are ready, partly ready or missing',
    columns: [
      { header: 'Part', width: 0.4 },
      { header: 'Rows', width: 0.12 },
      { header: CHECKLIST_STATUS_LABELS.ready, width: 0.16 },
      { header: CHECKLIST_STATUS_LABELS.partial, width: 0.16 },
      { header: CHECKLIST_STATUS_LABELS.missing, width: 0.16 },
    ],
    rows: [
      countsRow('Clauses 4 to 10', clauses),
      countsRow('Annex A controls in scope', controls),
      countsRow('All rows', all),
    ],
  }
}

/** A row's reference and title, with "Undecided" under an undecided control. */
function titleCell(row: ChecklistRow): CellLine[] {
  const lines: CellLine[] = [{ text: `${row.reference} ${row.title}` }]
  if (row.applicability === 'undecided') lines.push({ text: 'Undecided', style: 'muted' })
  return lines
}

const statusCell = (row: ChecklistRow): Cell => [
  { text: CHECKLIST_STATUS_LABELS[row.status], style: 'strong' },
]

/** Each document's title, and its state from the register under it. */
const documentsCell = (row: ChecklistRow): CellLine[] =>
  row.documents.flatMap((doc) => [
    { text: doc.title, style: 'strong' as const },
    { text: documentStateText(doc), style: 'muted' as const },
  ])

const linesCell = (texts: readonly string[]): CellLine[] => texts.map((text) => ({ text }))

/**
 * The gap report's chapter: the totals, the excluded controls, and one line per row still
 * missing something; the full list, with the samples and every document, is its own export.
 */
export function checklistSummaryBlocks(checklist: EvidenceChecklist): Block[] {
  const open = [...checklist.clauses, ...checklist.controls].filter((r) => r.status !== 'ready')
  const blocks: Block[] = [
    heading(1, CHECKLIST_TITLE),
    paragraph(
      `What a Stage 1 auditor will ask to see, checked row by row against the register of documented information on ${checklist.date}. ${totalsSentence(checklist.totals.all)} ${checklist.excludedNote}`,
    ),
    totalsTable(checklist),
    paragraph(
      `${CHECKLIST_STATUS_NOTE} The full checklist, with what the auditor samples and the state of every document, is a separate download (PDF, spreadsheet or CSV) on the Report screen.`,
      'muted',
    ),
  ]
  if (open.length === 0) {
    blocks.push(paragraph('Every row is ready: nothing is missing before the audit.'))
    return blocks
  }
  blocks.push(heading(2, `Still missing something (${open.length})`), {
    kind: 'table',
    summary: 'The rows of the audit evidence checklist that are not ready, and what they lack',
    dense: true,
    columns: columns(
      ['Ref.', 0.09, 40],
      ['Title', 0.3],
      ['Status', 0.13, 52],
      ['Still missing', 0.48],
    ),
    rows: open.map((row) => [
      row.reference,
      row.title,
      statusCell(row),
      linesCell(row.stillMissing),
    ]),
  })
  return blocks
}

/** One table of full checklist rows: the sub-clauses or the controls. */
function checklistTable(rows: readonly ChecklistRow[], what: string, first: string): Block {
  return {
    kind: 'table',
    summary: `The audit evidence checklist for ${what}, one row each`,
    dense: true,
    columns: columns(
      [first, 0.14],
      ['Status', 0.07, 50],
      ['What the auditor samples', 0.31],
      ['Your evidence', 0.15],
      ['Documents', 0.15],
      ['Still missing', 0.18],
    ),
    rows: rows.map((row) => [
      titleCell(row),
      statusCell(row),
      // Thirty short examples one per line would make a row a page long: one paragraph instead.
      row.samples.join('; '),
      linesCell(row.evidence),
      documentsCell(row),
      linesCell(row.stillMissing),
    ]),
  }
}

/** The checklist's own summary: the totals and what the statuses mean. */
export function checklistOverviewBlocks(checklist: EvidenceChecklist): Block[] {
  return [
    heading(1, 'Summary'),
    paragraph(`${totalsSentence(checklist.totals.all)} ${checklist.excludedNote}`),
    totalsTable(checklist),
    paragraph(CHECKLIST_STATUS_NOTE, 'muted'),
    paragraph(
      'Each row lists what an auditor typically samples, the evidence this assessment names, the documents of the register that serve it with their state, and what is still missing.',
      'muted',
    ),
  ]
}

/** The full tables, landscape: the sub-clauses of clauses 4 to 10, then the controls in scope. */
export function checklistTableBlocks(checklist: EvidenceChecklist): Block[] {
  return [
    { kind: 'page-break', orientation: 'landscape' },
    heading(1, `Clauses 4 to 10 (${checklist.clauses.length})`),
    checklistTable(checklist.clauses, 'the sub-clauses of clauses 4 to 10', 'Sub-clause'),
    heading(1, `Annex A controls (${checklist.controls.length})`),
    paragraph(checklist.excludedNote, 'muted'),
    checklistTable(checklist.controls, 'the Annex A controls in scope', 'Control'),
  ]
}

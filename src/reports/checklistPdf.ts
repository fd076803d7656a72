/**
 * The audit evidence checklist as PDF: a cover with the organization, the date and the totals,
 * the summary, then the table of the sub-clauses and the table of the controls in scope, both
 * landscape. Printed by the gap report's renderer (renderPdf: jsPDF, jspdf-autotable and the
 * embedded DejaVu Sans), so every name prints as typed, "Žižkov" included, with the same page
 * furniture and table rules as the other reports. Loaded only at export.
 */
import { totalsSentence, type EvidenceChecklist } from '@/domain/evidenceChecklist'
import type { ReportDocument } from './document'
import { CHECKLIST_TITLE, checklistOverviewBlocks, checklistTableBlocks } from './checklistSection'
import { reportCover, type ReportMeta } from './gapReportDocument'
import { renderPdf, type PageFormat, type ReportFonts } from './gapReportPdf'

export interface ChecklistReportInput {
  readonly meta: ReportMeta
  readonly checklist: EvidenceChecklist
}

/** The checklist as a ReportDocument: cover, summary, the two tables. Pure. */
export function buildChecklistDocument(input: ChecklistReportInput): ReportDocument {
  const { meta, checklist } = input
  const w = meta.workspace
  return {
    title: CHECKLIST_TITLE,
    organization: w.organizationName,
    date: meta.date,
    cover: reportCover(CHECKLIST_TITLE, meta, null, [
      { label: 'Checklist', value: totalsSentence(checklist.totals.all) },
    ]),
    blocks: [...checklistOverviewBlocks(checklist), ...checklistTableBlocks(checklist)],
  }
}

export function buildChecklistPdf(
  input: ChecklistReportInput,
  fonts: ReportFonts,
  format: PageFormat = 'a4',
): ArrayBuffer {
  return renderPdf(buildChecklistDocument(input), fonts, format)
}

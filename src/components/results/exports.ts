/**
 * What the Report screen exports, and how each file is made from the results on the device;
 * each library (jsPDF and its fonts, docx, ExcelJS) is loaded only when its file is asked for.
 */
import type { AssessmentInput } from '@/domain/assessment'
import type { Risk, Snapshot, Workspace } from '@/domain/model'
import type { GapReportInput } from '@/reports/gapReportDocument'
import { unprintableCharacters } from '@/reports/pdfText'
import type { SoaStatus } from '@/domain/soaApproval'

export type ExportKind =
  | 'gap-pdf'
  | 'gap-docx'
  | 'gaps-xlsx'
  | 'changes-csv'
  | 'soa-pdf'
  | 'soa-xlsx'
  | 'soa-csv'
  | 'checklist-pdf'
  | 'checklist-xlsx'
  | 'checklist-csv'

export interface ExportSpec {
  readonly file: string
  readonly ext: string
  /** The file in a sentence: "the gap report (PDF)". */
  readonly what: string
  readonly type: string
  /** The button's words. */
  readonly label: string
  /** Offered only while a comparison with a snapshot is chosen. */
  readonly needsChanges?: true
  /** Made from the register of documented information, which must be read first. */
  readonly needsRegister?: true
}

export const EXPORTS: Record<ExportKind, ExportSpec> = {
  'gap-pdf': {
    file: 'gap-report',
    ext: 'pdf',
    what: 'the gap report (PDF)',
    type: 'application/pdf',
    label: 'Download gap report (PDF)',
    needsRegister: true,
  },
  'gap-docx': {
    file: 'gap-report',
    ext: 'docx',
    what: 'the gap report (Word)',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Download gap report (Word)',
    needsRegister: true,
  },
  'gaps-xlsx': {
    file: 'gap-list',
    ext: 'xlsx',
    what: 'the gap list and action plan (spreadsheet)',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Download gap list and action plan (spreadsheet)',
  },
  'changes-csv': {
    file: 'changes',
    ext: 'csv',
    what: 'the changes (CSV)',
    type: 'text/csv;charset=utf-8',
    label: 'Download changes (CSV)',
    needsChanges: true,
  },
  'soa-pdf': {
    file: 'soa',
    ext: 'pdf',
    what: 'the SoA (PDF)',
    type: 'application/pdf',
    label: 'Download SoA (PDF)',
  },
  'soa-xlsx': {
    file: 'soa',
    ext: 'xlsx',
    what: 'the SoA (spreadsheet)',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Download SoA (spreadsheet)',
  },
  'soa-csv': {
    file: 'soa',
    ext: 'csv',
    what: 'the SoA (CSV)',
    type: 'text/csv;charset=utf-8',
    label: 'Download SoA (CSV)',
  },
  'checklist-pdf': {
    file: 'evidence-checklist',
    ext: 'pdf',
    what: 'the audit evidence checklist (PDF)',
    type: 'application/pdf',
    label: 'Download audit evidence checklist (PDF)',
    needsRegister: true,
  },
  'checklist-xlsx': {
    file: 'evidence-checklist',
    ext: 'xlsx',
    what: 'the audit evidence checklist (spreadsheet)',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Download audit evidence checklist (spreadsheet)',
    needsRegister: true,
  },
  'checklist-csv': {
    file: 'evidence-checklist',
    ext: 'csv',
    what: 'the audit evidence checklist (CSV)',
    type: 'text/csv;charset=utf-8',
    label: 'Download audit evidence checklist (CSV)',
    needsRegister: true,
  },
}

/** The buttons, by deliverable; the first of all is the main one. */
export const EXPORT_GROUPS = [
  { id: 'gap', title: 'Gap report', kinds: ['gap-pdf', 'gap-docx', 'gaps-xlsx', 'changes-csv'] },
  { id: 'soa', title: 'Statement of Applicability', kinds: ['soa-pdf', 'soa-xlsx', 'soa-csv'] },
  {
    id: 'checklist',
    title: 'Audit evidence checklist',
    kinds: ['checklist-pdf', 'checklist-xlsx', 'checklist-csv'],
  },
] as const satisfies readonly { id: string; title: string; kinds: readonly ExportKind[] }[]

/**
 * Everything an export is made from, as the Report screen holds it: the gap report's input
 * (with `changes`, the comparison with the snapshot chosen, if any, and `register`, the
 * reconciled register of documented information the evidence checklist reads).
 */
export interface ExportSource extends Omit<GapReportInput, 'meta'> {
  readonly workspace: Workspace
  readonly date: string
  readonly pageFormat: 'a4' | 'letter'
  /** The risks' readable references (R-01 …). */
  readonly refs: ReadonlyMap<string, string>
  /** The SoA's approvals in the app (the SoA exports print its version and history). */
  readonly soaStatus?: SoaStatus
}

/** The file's name: what it is, for whom, and the day it was made. */
export function exportFileName(kind: ExportKind, organizationSlug: string, date: string): string {
  const spec = EXPORTS[kind]
  return `${spec.file}-${organizationSlug}-${date}.${spec.ext}`
}

/** The audit evidence checklist of the source, on the day of the export. */
async function checklistOf(source: ExportSource) {
  const { buildEvidenceChecklist } = await import('@/domain/evidenceChecklist')
  return buildEvidenceChecklist({
    answers: source.answers,
    decisions: source.decisions,
    register: source.register,
    today: source.date,
  })
}

/** The bytes of an export, made on the device. */
export async function buildExport(
  kind: ExportKind,
  source: ExportSource,
): Promise<ArrayBuffer | string> {
  const meta = {
    workspace: source.workspace,
    date: source.date,
    appVersion: __APP_VERSION__,
    ...(source.soaStatus ? { soa: source.soaStatus } : {}),
  }
  // The source is the gap report's input with a few more fields, which the report ignores.
  const reportInput = (): GapReportInput => ({ ...source, meta })
  const w = source.workspace
  const xlsxMeta = {
    organizationName: w.organizationName,
    date: source.date,
    soaVersion: w.soaVersion,
    soaOwner: w.soaOwner,
    soaApprover: w.soaApprover,
    soaApprovedOn: w.soaApprovedOn,
    appVersion: __APP_VERSION__,
    ...(source.soaStatus ? { soaStatus: source.soaStatus } : {}),
  }
  switch (kind) {
    case 'gap-pdf':
    case 'soa-pdf': {
      const [{ buildGapReportPdf, buildSoaPdf }, { loadReportFonts }] = await Promise.all([
        import('@/reports/gapReportPdf'),
        import('@/reports/fonts'),
      ])
      const fonts = await loadReportFonts()
      return kind === 'gap-pdf'
        ? buildGapReportPdf(reportInput(), fonts, source.pageFormat)
        : buildSoaPdf({ meta, soa: source.soa, risks: source.risks }, fonts, source.pageFormat)
    }
    case 'gap-docx': {
      const [{ buildReportDocx }, { buildGapReportDocument }] = await Promise.all([
        import('@/reports/gapReportDocx'),
        import('@/reports/gapReportDocument'),
      ])
      return buildReportDocx(buildGapReportDocument(reportInput()), {
        pageFormat: source.pageFormat,
      })
    }
    case 'gaps-xlsx': {
      const { buildGapXlsx } = await import('@/reports/xlsx')
      return buildGapXlsx({
        gaps: source.gaps,
        refs: source.refs,
        meta: xlsxMeta,
        changes: source.changes ?? null,
      })
    }
    case 'changes-csv': {
      if (!source.changes) {
        throw new Error('No comparison is chosen: there are no changes to export.')
      }
      const { buildChangesCsv } = await import('@/reports/changesTable')
      return buildChangesCsv(source.changes)
    }
    case 'soa-xlsx': {
      const { buildSoaXlsx } = await import('@/reports/xlsx')
      return buildSoaXlsx({ rows: source.soa, refs: source.refs, meta: xlsxMeta })
    }
    case 'soa-csv': {
      const { buildSoaCsv } = await import('@/reports/soaCsv')
      return buildSoaCsv(source.soa, source.refs)
    }
    case 'checklist-pdf': {
      const [{ buildChecklistPdf }, { loadReportFonts }, checklist] = await Promise.all([
        import('@/reports/checklistPdf'),
        import('@/reports/fonts'),
        checklistOf(source),
      ])
      const fonts = await loadReportFonts()
      return buildChecklistPdf({ meta, checklist }, fonts, source.pageFormat)
    }
    case 'checklist-xlsx': {
      const [{ buildChecklistXlsx }, checklist] = await Promise.all([
        import('@/reports/checklistXlsx'),
        checklistOf(source),
      ])
      return buildChecklistXlsx({ checklist, meta: xlsxMeta })
    }
    case 'checklist-csv': {
      const [{ buildChecklistCsv }, checklist] = await Promise.all([
        import('@/reports/checklistCsv'),
        checklistOf(source),
      ])
      return buildChecklistCsv(checklist)
    }
  }
}

/**
 * The characters of this assessment (and of the snapshot it is compared with) the PDF font
 * cannot draw (CJK, Arabic, …): they print as MISSING_GLYPH in the PDFs, and the user is told so
 * before exporting. The first 12.
 */
export function unprintableInAssessment(
  w: Workspace,
  input: AssessmentInput,
  risks: readonly Risk[],
  snapshot: Snapshot | null = null,
): string[] {
  const texts: string[] = [
    w.organizationName,
    w.sector,
    w.size,
    w.scopeStatement,
    w.assessor,
    w.participants,
    w.confidentiality,
    w.consultantSummary,
    w.recommendations,
    w.soaOwner,
    w.soaApprover,
  ]
  for (const a of input.answers) {
    texts.push(a.note, ...a.evidence, a.action?.what ?? '', a.action?.owner ?? '')
  }
  for (const d of input.decisions) {
    texts.push(d.justification, d.owner, d.supplierName, ...d.evidence)
  }
  for (const r of risks) texts.push(r.title, r.asset, r.threat, r.owner, r.acceptedBy)
  // The changes since a snapshot print its label, its removed risks and its agreed actions.
  if (snapshot?.records) {
    texts.push(snapshot.label, ...snapshot.records.risks.map((r) => r.title))
    for (const a of snapshot.records.answers) {
      texts.push(a.action?.what ?? '', a.action?.owner ?? '')
    }
  }
  return unprintableCharacters(texts).slice(0, 12)
}

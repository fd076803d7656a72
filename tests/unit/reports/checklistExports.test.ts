// @vitest-environment node
/**
 * The audit evidence checklist's three files read back: the CSV parsed, the workbook loaded with
 * exceljs, the PDF's text extracted with pdf.js. LibreOffice reads them in libreoffice.test.ts.
 */
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { ANNEX_A_CONTROLS, CLAUSE_SECTIONS } from '@/content'
import { CHECKLIST_STATUS_LABELS, checklistCells } from '@/domain/evidenceChecklist'
import { CHECKLIST_CSV_HEADER, buildChecklistCsv } from '@/reports/checklistCsv'
import { buildChecklistDocument, buildChecklistPdf } from '@/reports/checklistPdf'
import { CHECKLIST_TITLE } from '@/reports/checklistSection'
import { CHECKLIST_SHEET, buildChecklistXlsx } from '@/reports/checklistXlsx'
import { ABOUT_SHEET } from '@/reports/xlsx'
import type { ReportWorkspace } from '@/reports/gapReportDocument'
import { parseCsv } from './csvParse'
import { HYPERLINK, TODAY, ZIZKOV, checklistFixture, excludedControls } from './checklistFixture'
import { OWNER } from './exportFixture'
import { pageCount, pdfPageLines, pdfReadingText } from './pdfInspect'
import { testFonts } from './testFonts'

const checklist = checklistFixture()
const rows = [...checklist.clauses, ...checklist.controls]
const EXCLUDED = excludedControls()
/** The references as the spreadsheets write them: "Clause 4.1", never a number or a date. */
const EXPECTED_REFS = [
  ...CLAUSE_SECTIONS.map((s) => `Clause ${s.id}`),
  ...ANNEX_A_CONTROLS.filter((c) => !EXCLUDED.includes(c.id)).map((c) => `A.${c.id}`),
]
const ORGANIZATION = 'Praha-Žižkov Vodárny a.s.'

describe('the checklist fixture', () => {
  it('holds every sub-clause and every control but the excluded ones, 5.31 among them', () => {
    expect(rows.map((r) => checklistCells(r).reference)).toEqual(EXPECTED_REFS)
    expect(rows[0]?.reference).toBe('4.1')
    expect(EXCLUDED).toContain('5.31')
    expect(checklist.excluded).toBe(EXCLUDED.length)
    const row = (ref: string) => rows.find((r) => r.reference === ref)
    expect(row('A.5.26')?.documents[0]).toMatchObject({ status: 'approved', location: ZIZKOV })
    expect(row('A.5.9')?.status).toBe('partial')
    expect(row('A.8.13')?.stillMissing.join(' ')).toContain('review overdue since 2026-01-10')
  })
})

describe('checklist CSV', () => {
  const csv = buildChecklistCsv(checklist)
  const parsed = parseCsv(csv.replace(/^\uFEFF/, ''))

  it('starts with a byte-order mark and the header, then one row per checklist row', () => {
    expect(csv.startsWith('\uFEFFReference,Title,Type,Status,')).toBe(true)
    expect(parsed[0]).toEqual([
      'Reference',
      'Title',
      'Type',
      'Status',
      'What the auditor samples',
      'Your evidence',
      'Documents',
      'Still missing',
    ])
    expect(parsed[0]).toEqual(CHECKLIST_CSV_HEADER)
    expect(parsed.slice(1).map((r) => r[0])).toEqual(EXPECTED_REFS)
    expect(parsed.slice(1).map((r) => r[2])).toEqual(
      rows.map((r) => (r.kind === 'clause' ? 'Clause' : 'Control')),
    )
  })

  it('writes each row as checklistCells words it, accents intact', () => {
    rows.forEach((row, i) => {
      const c = checklistCells(row)
      const back = parsed[i + 1] ?? []
      expect(back[3]).toBe(CHECKLIST_STATUS_LABELS[row.status])
      expect(back[4]).toBe(c.samples)
      expect(back[7]).toBe(c.stillMissing)
      if (!c.documents.includes(HYPERLINK)) expect(back[6]).toBe(c.documents)
    })
    expect(csv).toContain(ZIZKOV)
    expect(csv).toContain(OWNER)
  })

  it('neutralises a formula in user text, at a cell start and after a line break', () => {
    const control526 = parsed.find((r) => r[0] === 'A.5.26') ?? []
    // The evidence cell starts with the formula: behind an apostrophe.
    expect(control526[5]).toBe(`'${HYPERLINK}\nIncident log`)
    const control59 = parsed.find((r) => r[0] === 'A.5.9') ?? []
    expect(control59[6]).toContain(`kept at ${HYPERLINK}`)
    for (const piece of csv.split(/[,;\t\r\n]/)) expect(piece).not.toMatch(/^\s*=HYPERLINK/)
  })
})

describe('checklist XLSX', () => {
  const meta = { organizationName: ORGANIZATION, date: TODAY, appVersion: 'test' }

  async function read() {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await buildChecklistXlsx({ checklist, meta }))
    return workbook
  }

  it('has the checklist sheet in the CSV columns, frozen, filtered and wrapped', async () => {
    const workbook = await read()
    expect(workbook.worksheets.map((w) => w.name)).toEqual([CHECKLIST_SHEET, ABOUT_SHEET])
    const ws = workbook.getWorksheet(CHECKLIST_SHEET)!
    expect(ws.getRow(1).values).toEqual([undefined, ...CHECKLIST_CSV_HEADER])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.autoFilter).toBe(`A1:H${rows.length + 1}`)
    expect(ws.getColumn(5).alignment?.wrapText).toBe(true)
    for (const i of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const width = ws.getColumn(i).width ?? 0
      expect(width).toBeGreaterThanOrEqual(8)
      expect(width).toBeLessThanOrEqual(80)
    }
    const refs = rows.map((_, i) => ws.getCell(i + 2, 1))
    for (const cell of refs) expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(refs.map((c) => c.value)).toEqual(EXPECTED_REFS)
  })

  it('makes the status readable: the word, in bold, tinted by status', async () => {
    const ws = (await read()).getWorksheet(CHECKLIST_SHEET)!
    const fills = new Map<string, string>()
    rows.forEach((row, i) => {
      const cell = ws.getCell(i + 2, 4)
      expect(cell.value).toBe(CHECKLIST_STATUS_LABELS[row.status])
      expect(cell.font?.bold).toBe(true)
      const fill = cell.fill?.type === 'pattern' ? (cell.fill.fgColor?.argb ?? '') : ''
      fills.set(row.status, fill)
    })
    expect(new Set(fills.values()).size).toBe(fills.size)
    expect(fills.size).toBeGreaterThanOrEqual(2)
  })

  it('keeps user text as text: no formula anywhere, "=HYPERLINK" as typed', async () => {
    const workbook = await read()
    const values: string[] = []
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)
          values.push(String(cell.value))
        }),
      ),
    )
    const ws = workbook.getWorksheet(CHECKLIST_SHEET)!
    const at = EXPECTED_REFS.indexOf('A.5.26') + 2
    expect(ws.getCell(at, 6).value).toBe(`${HYPERLINK}\nIncident log`)
    expect(values.join('\n')).toContain(ZIZKOV)
  })

  it('says on "About" what it is, for whom, from when, and the totals', async () => {
    const about = (await read()).getWorksheet(ABOUT_SHEET)!
    const pairs = new Map<string, unknown>()
    about.eachRow((row, n) => {
      if (n > 1) pairs.set(String(row.getCell(1).value), row.getCell(2).value)
    })
    expect(pairs.get('Document')).toBe(CHECKLIST_TITLE)
    expect(pairs.get('Organization')).toBe(ORGANIZATION)
    expect(pairs.get('Date')).toEqual(new Date(Date.UTC(2026, 10, 29)))
    expect(pairs.get('All rows')).toMatch(new RegExp(`^Of ${rows.length} rows, `))
    expect(pairs.get('Excluded controls')).toBe(checklist.excludedNote)
  })
})

describe('checklist PDF', { timeout: 60_000 }, () => {
  const workspace: ReportWorkspace = {
    organizationName: ORGANIZATION,
    sector: 'Water supply',
    size: '120 people',
    scopeStatement: 'Water treatment in Žižkov and its IT',
    assessor: OWNER,
    participants: '',
    targetAuditDate: '2027-03-01',
    reportVersion: '1.0',
    confidentiality: '',
    consultantSummary: '',
    recommendations: '',
    soaVersion: '',
    soaOwner: '',
    soaApprover: '',
    soaApprovedOn: null,
  }
  const meta = { workspace, date: TODAY, appVersion: 'test' }
  const pdf = buildChecklistPdf({ meta, checklist }, testFonts())

  it('has a cover with the organization, the date and the totals, then the two tables', async () => {
    const pages = await pdfPageLines(pdf)
    expect(pageCount(pdf)).toBe(pages.length)
    const cover = pages[0]?.join('\n') ?? ''
    expect(cover).toContain(CHECKLIST_TITLE)
    expect(cover).toContain(ORGANIZATION)
    expect(cover).toContain(TODAY)
    expect(cover).toContain(`Of ${rows.length} rows,`)
    const headings = buildChecklistDocument({ meta, checklist }).blocks.flatMap((b) =>
      b.kind === 'heading' ? [b.text] : [],
    )
    expect(headings).toEqual([
      'Summary',
      `Clauses 4 to 10 (${checklist.clauses.length})`,
      `Annex A controls (${checklist.controls.length})`,
    ])
    const text = pages.flat().join('\n')
    for (const h of headings) expect(text).toContain(h)
  })

  it('prints every row, and names with accents intact', async () => {
    const reading = await pdfReadingText(pdf, [
      ORGANIZATION,
      `${CHECKLIST_TITLE} · ${TODAY}`,
      `Confidential: prepared for ${ORGANIZATION}. Not to be shared beyond the organization and its advisers.`,
    ])
    for (const row of rows) expect(reading).toContain(`${row.reference} ${row.title}`)
    expect(reading).not.toContain('A.5.31 ')
    expect(reading).toContain(checklist.excludedNote)
    expect(reading).toContain(ZIZKOV)
    expect(reading).toContain(OWNER)
    expect(reading).toContain('Praha-Žižkov')
    expect(reading).not.toContain('□')
    expect(reading).toContain('review overdue since 2026-01-10')
  })
})

// @vitest-environment node
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs'
import { ANNEX_A_CONTROLS } from '@/content'
import { gapCells } from '@/domain/wording'
import { SOA_CSV_HEADER, soaRowTexts, type SoaColumnHeader } from '@/reports/soaCsv'
import {
  ABOUT_SHEET,
  ACTION_PLAN_SHEET,
  CHANGES_SHEET,
  APP_NAME,
  DATE_FORMAT,
  GAPS_SHEET,
  SOA_SHEET,
  actionPlan,
  buildGapXlsx,
  buildSoaXlsx,
  dateValue,
  lineCount,
} from '@/reports/xlsx'
import { GREEK, HOSTILE, META, NAMES, OWNER, RUSSIAN, SUPPLIER, exportInput } from './exportFixture'
import { CHANGES_HEADER, changeRows } from '@/reports/changesTable'
import { HOSTILE_NOTE, SNAPSHOT_LABEL, sampleComparison } from './changesFixture'

const GAP_HEADER = [
  'Ref',
  'Title',
  'Finding',
  'Observation',
  'Status',
  'Severity',
  'Agreed action',
  'Owner',
  'Due',
  'Next step',
]
const ACTION_HEADER = ['Due', 'Action', 'Ref', 'Owner', 'Severity', 'Status']

async function read(file: ArrayBuffer): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file)
  return workbook
}

function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name)
  if (!found) throw new Error(`no sheet ${name}`)
  return found
}

/** The values of row `n` (1-based), one per column of the header. */
function rowValues(ws: Worksheet, n: number): CellValue[] {
  const row = ws.getRow(n)
  return Array.from({ length: ws.getRow(1).cellCount }, (_, i) => row.getCell(i + 1).value)
}

function cells(workbook: Workbook): Cell[] {
  const all: Cell[] = []
  workbook.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => all.push(cell)),
    ),
  )
  return all
}

/** Checks what every sheet shares: bold frozen header, autofilter over the table, widths. */
function expectTable(ws: Worksheet, header: readonly string[], rows: number) {
  expect(rowValues(ws, 1)).toEqual(header)
  expect(ws.rowCount).toBe(rows + 1)
  ws.getRow(1).eachCell((cell) => expect(cell.font.bold, String(cell.value)).toBe(true))
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  const lastColumn = String.fromCharCode(64 + header.length)
  expect(ws.autoFilter).toBe(`A1:${lastColumn}${rows + 1}`)
  header.forEach((title, i) => {
    // Room for the header and its filter button.
    expect(ws.getColumn(i + 1).width, title).toBeGreaterThanOrEqual(title.length + 4)
  })
}

const input = exportInput()
const meta = META

describe('SoA workbook', () => {
  const file = buildSoaXlsx({ rows: input.rows, refs: input.refs, meta })

  it('holds the SoA sheet and the About sheet', async () => {
    const workbook = await read(await file)
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([SOA_SHEET, ABOUT_SHEET])
    expectTable(sheet(workbook, SOA_SHEET), SOA_CSV_HEADER, 93)
  })

  it('lists the 93 controls with distinct text ids, A.5.1 to A.8.34', async () => {
    const ws = sheet(await read(await file), SOA_SHEET)
    const ids = Array.from({ length: 93 }, (_, i) => ws.getCell(i + 2, 1))
    for (const cell of ids) expect(cell.type, String(cell.value)).toBe(ExcelJS.ValueType.String)
    const values = ids.map((cell) => cell.value)
    expect(values).toEqual(ANNEX_A_CONTROLS.map((c) => `A.${c.id}`))
    expect(new Set(values).size).toBe(93)
    expect(values[0]).toBe('A.5.1')
    expect(values).toContain('A.5.10')
    expect(values[92]).toBe('A.8.34')
  })

  it('holds the same text as the CSV, cell for cell, with nothing recorded left empty', async () => {
    const ws = sheet(await read(await file), SOA_SHEET)
    input.rows.forEach((row, i) => {
      const expected = soaRowTexts(row, input.refs).map((text) => (text === '' ? null : text))
      expect(rowValues(ws, i + 2), row.id).toEqual(expected)
    })
    const linked = ws.getColumn(SOA_CSV_HEADER.indexOf('Linked risks') + 1)
    expect(linked.values).toContain('R-01')
  })

  it('keeps accents, Greek and Cyrillic intact', async () => {
    const workbook = await read(await file)
    const row = rowValues(sheet(workbook, SOA_SHEET), 11)
    expect(row[0]).toBe('A.5.10')
    expect(row).toContain(`Supplier: ${SUPPLIER}`)
    expect(row).toContain(OWNER)
    expect(row.join('\n')).toContain(`Offices in ${RUSSIAN}; policy also in ${GREEK}.`)
    const text = cells(workbook)
      .map((c) => String(c.value))
      .join('\n')
    for (const name of NAMES) expect(text).toContain(name)
  })

  it('writes hostile user text as text, and no formula anywhere', async () => {
    const workbook = await read(await file)
    const owner = sheet(workbook, SOA_SHEET).getCell(2, SOA_CSV_HEADER.indexOf('Owner') + 1)
    expect(owner.value).toBe(HOSTILE)
    expect(owner.type).toBe(ExcelJS.ValueType.String)
    expect(owner.formula).toBeUndefined()
    const evidence = sheet(workbook, SOA_SHEET).getCell(
      2,
      SOA_CSV_HEADER.indexOf('Evidence references') + 1,
    )
    expect(evidence.value).toBe('@SUM(A1); x;=2+2; +1; -1')
    for (const cell of cells(workbook)) {
      expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula)
    }
  })

  it('says whose SoA it is, from when, and who approved it, on the About sheet', async () => {
    const workbook = await read(await file)
    const ws = sheet(workbook, ABOUT_SHEET)
    expectTable(ws, ['Field', 'Value'], ws.rowCount - 1)
    const about = new Map(
      Array.from({ length: ws.rowCount - 1 }, (_, i) => [
        ws.getCell(i + 2, 1).value,
        ws.getCell(i + 2, 2).value,
      ]),
    )
    expect(about.get('Organization')).toBe(SUPPLIER)
    expect(about.get('Date')).toEqual(new Date(Date.UTC(2026, 10, 29)))
    expect(about.get('SoA version')).toBe('1.2')
    expect(about.get('SoA owner')).toBe(OWNER)
    expect(about.get('SoA approved by')).toBe(`${GREEK} ${RUSSIAN}`)
    expect(about.get('SoA approval date')).toEqual(new Date(Date.UTC(2026, 10, 28)))
    expect(about.get('Produced with')).toBe('ISMS Readiness test')
    expect(ws.getCell(4, 2).numFmt).toBe(DATE_FORMAT)
  })

  it('leaves an unapproved SoA without approval date', async () => {
    const unapproved = { ...meta, soaApprovedOn: null, soaApprover: '' }
    const ws = sheet(
      await read(await buildSoaXlsx({ rows: input.rows, refs: input.refs, meta: unapproved })),
      ABOUT_SHEET,
    )
    const values = Array.from({ length: ws.rowCount }, (_, i) => rowValues(ws, i + 1))
    expect(values).toContainEqual(['SoA approved by', null])
    expect(values).toContainEqual(['SoA approval date', null])
  })

  it('prints the version approved in the app and its approval history on a sheet', async () => {
    const { freezeSnapshot } = await import('@/domain/snapshot')
    const { soaStatus } = await import('@/domain/soaApproval')
    const approve = (id: string, version: string, approvedOn: string, changeNote: string) =>
      freezeSnapshot({
        id,
        workspace: { id: 'ws', scopeStatement: '', riskCriteria: undefined },
        takenAt: `${approvedOn}T10:00:00.000Z`,
        label: `SoA ${version}`,
        answers: [],
        decisions: [],
        risks: [],
        register: [],
        soaApproval: { version, approver: 'Dr. Anke Brandt', approvedOn, changeNote },
      })
    const status = soaStatus(
      meta,
      [approve('a1', '1.0', '2026-11-01', ''), approve('a2', '1.1', '2026-11-20', 'Reviewed')],
      [],
    )
    const workbook = await read(
      await buildSoaXlsx({
        rows: input.rows,
        refs: input.refs,
        meta: { ...meta, soaStatus: status },
      }),
    )
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      SOA_SHEET,
      'Approval history',
      ABOUT_SHEET,
    ])
    const history = sheet(workbook, 'Approval history')
    expect(rowValues(history, 2).slice(0, 4)).toEqual([
      '1.1',
      'Dr. Anke Brandt',
      new Date(Date.UTC(2026, 10, 20)),
      'Reviewed',
    ])
    expect(rowValues(history, 3)[4]).toBe('First version approved in the app')
    const about = sheet(workbook, ABOUT_SHEET)
    const values = Array.from({ length: about.rowCount }, (_, i) => rowValues(about, i + 1))
    expect(values).toContainEqual(['SoA version', '1.1'])
    expect(values).toContainEqual([
      'SoA approval',
      'Version 1.1 approved by Dr. Anke Brandt on 2026-11-20',
    ])
  })

  it('names the app as its author and puts no user text in the workbook properties', async () => {
    const workbook = await read(await file)
    expect(workbook.creator).toBe(APP_NAME)
    expect(workbook.lastModifiedBy).toBe(APP_NAME)
    const properties = [
      workbook.title,
      workbook.subject,
      workbook.description,
      workbook.keywords,
      workbook.category,
      workbook.company,
      workbook.manager,
    ]
    for (const value of properties) expect(value ?? '').toBe('')
  })

  it('sizes the columns to their content: short ones fit, long ones wrap', async () => {
    const ws = sheet(await read(await file), SOA_SHEET)
    const col = (header: SoaColumnHeader) => ws.getColumn(SOA_CSV_HEADER.indexOf(header) + 1)
    expect(col('Control').width).toBeGreaterThanOrEqual('A.5.10'.length + 2)
    expect(col('Control').alignment?.wrapText).toBeFalsy()
    expect(col('Justification').width).toBeLessThanOrEqual(60)
    // The 5.10 justification runs over three lines: wrapped, and its row as tall as they are.
    expect(ws.getCell(11, SOA_CSV_HEADER.indexOf('Justification') + 1).alignment.wrapText).toBe(
      true,
    )
    expect(ws.getRow(11).height).toBeGreaterThanOrEqual(3 * 15)
  })
})

describe('gap workbook', () => {
  const gaps = input.gaps
  const file = buildGapXlsx({ gaps, refs: input.refs, meta })
  const planned = gaps.filter((g) => g.plannedAction !== null)

  it('holds the gaps, the action plan and the About sheet', async () => {
    const workbook = await read(await file)
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      GAPS_SHEET,
      ACTION_PLAN_SHEET,
      ABOUT_SHEET,
    ])
    expectTable(sheet(workbook, GAPS_SHEET), GAP_HEADER, gaps.length)
    expectTable(sheet(workbook, ACTION_PLAN_SHEET), ACTION_HEADER, planned.length)
    expect(planned.length).toBeGreaterThan(10)
  })

  it('writes one row per gap in the words of gapCells, refs as text, due dates as dates', async () => {
    const ws = sheet(await read(await file), GAPS_SHEET)
    gaps.forEach((gap, i) => {
      const c = gapCells(gap, input.refs)
      const due = c.due ? new Date(`${c.due}T00:00:00.000Z`) : null
      const expected = [
        c.ref,
        c.title,
        c.finding,
        c.observation,
        c.status,
        c.severity,
        c.agreedAction,
        c.owner,
        due,
        c.nextStep,
      ].map((v) => (v === '' ? null : v))
      expect(rowValues(ws, i + 2), gap.id).toEqual(expected)
      expect(ws.getCell(i + 2, 1).type).toBe(ExcelJS.ValueType.String)
      if (due) expect(ws.getCell(i + 2, 9).numFmt).toBe(DATE_FORMAT)
    })
    const refs = Array.from({ length: gaps.length }, (_, i) => String(ws.getCell(i + 2, 1).value))
    expect(refs).toContain('4.3')
    expect(refs.some((r) => /^A\.\d\.\d+$/.test(r))).toBe(true)
    expect(refs.some((r) => /^R-0\d$/.test(r))).toBe(true)
  })

  it('orders the action plan by due date, the undated ones last', async () => {
    const ws = sheet(await read(await file), ACTION_PLAN_SHEET)
    const dues = Array.from({ length: planned.length }, (_, i) => ws.getCell(i + 2, 1).value)
    const dated = dues.filter((d): d is Date => d instanceof Date)
    expect(dated.length).toBeGreaterThan(0)
    expect(dated.length).toBeLessThan(dues.length)
    expect(dues.slice(0, dated.length)).toEqual(dated)
    expect(dues.slice(dated.length).every((d) => d === null)).toBe(true)
    const times = dated.map((d) => d.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(dated[0]).toEqual(new Date(Date.UTC(2026, 11, 1)))
    for (const [i, gap] of actionPlan(gaps).entries()) {
      expect(ws.getCell(i + 2, 2).value).toBe(gap.plannedAction)
      expect(ws.getCell(i + 2, 3).type).toBe(ExcelJS.ValueType.String)
    }
  })

  it('writes hostile user text as text, and no formula anywhere', async () => {
    const workbook = await read(await file)
    const hostile = cells(workbook).filter((c) => c.value === HOSTILE)
    expect(hostile.map((c) => c.worksheet.name)).toEqual([GAPS_SHEET, ACTION_PLAN_SHEET])
    for (const cell of hostile) expect(cell.type).toBe(ExcelJS.ValueType.String)
    for (const cell of cells(workbook)) {
      expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula)
    }
  })

  it('keeps accents, Greek and Cyrillic intact', async () => {
    const workbook = await read(await file)
    const text = cells(workbook)
      .map((c) => String(c.value))
      .join('\n')
    for (const name of [OWNER, SUPPLIER, GREEK, RUSSIAN]) expect(text).toContain(name)
  })
})

describe('gap workbook with the changes since a snapshot', () => {
  const changes = sampleComparison()
  const file = buildGapXlsx({ gaps: input.gaps, refs: input.refs, meta, changes })

  it('adds the Changes sheet after the action plan, one row per change', async () => {
    const workbook = await read(await file)
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      GAPS_SHEET,
      ACTION_PLAN_SHEET,
      CHANGES_SHEET,
      ABOUT_SHEET,
    ])
    const ws = sheet(workbook, CHANGES_SHEET)
    const rows = changeRows(changes)
    expectTable(ws, CHANGES_HEADER, rows.length)
    rows.forEach((row, i) => {
      expect(rowValues(ws, i + 2)).toEqual(row.map((v) => (v === '' ? null : v)))
    })
    const groups = rows.map((row) => row[0])
    for (const group of ['Answer', 'Decision', 'Risk removed', 'Action overdue']) {
      expect(groups).toContain(group)
    }
  })

  it('writes references as text and hostile notes as text, no formula', async () => {
    const ws = sheet(await read(await file), CHANGES_SHEET)
    const refs = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getCell(i + 2, 2))
    expect(refs.map((c) => c.value)).toContain('A.5.1')
    expect(refs.map((c) => c.value)).toContain('Clause 4.1')
    for (const cell of refs)
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Null]).toContain(cell.type)
    const hostile = Array.from({ length: ws.rowCount }, (_, i) => ws.getCell(i + 1, 6)).find(
      (c) => c.value === HOSTILE_NOTE,
    )
    expect(hostile?.type).toBe(ExcelJS.ValueType.String)
  })

  it('names the snapshot on the About sheet', async () => {
    const about = sheet(await read(await file), ABOUT_SHEET)
    const fields = Array.from({ length: about.rowCount }, (_, i) => rowValues(about, i + 1))
    expect(fields).toContainEqual([
      'Changes since',
      `${SNAPSHOT_LABEL}: 2 answers, 2 decisions and 4 risks changed`,
    ])
  })

  it('has no Changes sheet without a comparison', async () => {
    const workbook = await read(
      await buildGapXlsx({ gaps: input.gaps, refs: input.refs, meta, changes: null }),
    )
    expect(workbook.getWorksheet(CHANGES_SHEET)).toBeUndefined()
  })
})

describe('XLSX cells', () => {
  it('turns yyyy-mm-dd into the date of that day, and leaves anything else as it is', () => {
    expect(dateValue('2027-01-10')).toEqual(new Date(Date.UTC(2027, 0, 10)))
    expect(dateValue('')).toBeNull()
    expect(dateValue(null)).toBeNull()
    expect(dateValue('2027-02-30')).toBe('2027-02-30')
    expect(dateValue('1899-12-31')).toBe('1899-12-31')
    expect(dateValue('next week')).toBe('next week')
  })

  it('counts the lines a text wraps to in a column', () => {
    expect(lineCount('short', 20)).toBe(1)
    expect(lineCount('one\ntwo\nthree', 20)).toBe(3)
    expect(lineCount('aaaa bbbb cccc', 10)).toBe(2)
    expect(lineCount('x'.repeat(25), 10)).toBe(3)
    expect(lineCount('', 10)).toBe(1)
  })
})

// @vitest-environment node
/**
 * The spreadsheet exports as a real spreadsheet reads them: LibreOffice, headless, converts the
 * SoA CSV and the two workbooks, and what it made of them is read back. Needs LibreOffice Calc
 * (`soffice`); without it these tests fail, never skip: install libreoffice-calc-nogui.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import type { Workbook } from 'exceljs'
import { ANNEX_A_CONTROLS } from '@/content'
import { SOA_CSV_HEADER, buildSoaCsv } from '@/reports/soaCsv'
import { buildGapXlsx, buildSoaXlsx } from '@/reports/xlsx'
import { checklistCells } from '@/domain/evidenceChecklist'
import { CHECKLIST_CSV_HEADER, buildChecklistCsv } from '@/reports/checklistCsv'
import { buildChecklistXlsx } from '@/reports/checklistXlsx'
import { HYPERLINK, ZIZKOV, checklistFixture } from './checklistFixture'
import { parseCsv } from './csvParse'
import { GREEK, HOSTILE, META, NAMES, OWNER, RUSSIAN, SUPPLIER, exportInput } from './exportFixture'

const run = promisify(execFile)

/** Starting LibreOffice with a fresh profile and converting takes seconds, more under load. */
const LIBREOFFICE_TIMEOUT = 120_000

const INSTALL_HINT =
  'LibreOffice is not installed (no soffice found): the spreadsheet tests need it to check ' +
  'how a spreadsheet reads the exports. Install it and run the tests again: ' +
  'sudo apt-get install -y libreoffice-calc-nogui (Debian/Ubuntu), or set SOFFICE_PATH to ' +
  'the soffice executable.'

function findSoffice(): string | null {
  const configured = process.env.SOFFICE_PATH
  if (configured) return existsSync(configured) ? configured : null
  const onPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'soffice'))
  const candidates = [...onPath, '/Applications/LibreOffice.app/Contents/MacOS/soffice']
  return candidates.find((path) => existsSync(path)) ?? null
}

/** The CSV export filter: comma, double quotes, UTF-8, cells as shown, every sheet a file. */
const CSV_OUT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'
/** How LibreOffice reads a CSV: `separator` as a character code, double quotes, UTF-8. */
const csvIn = (separator: number) => `CSV:${separator},34,76,1`

const EXPECTED_IDS = ANNEX_A_CONTROLS.map((c) => `A.${c.id}`)

const CHECKLIST = checklistFixture()
const CHECKLIST_REFS = [...CHECKLIST.clauses, ...CHECKLIST.controls].map(
  (r) => checklistCells(r).reference,
)

describe('LibreOffice reads the exports', { timeout: LIBREOFFICE_TIMEOUT }, () => {
  let soffice = ''
  let dir = ''
  let profile = ''

  /** Converts `files` (in dir) into `out` (a new folder of dir); returns the folder. */
  async function convert(files: string[], to: string, out: string, infilter?: string) {
    const outDir = join(dir, out)
    await mkdir(outDir)
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        ...(infilter ? [`--infilter=${infilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...files.map((f) => join(dir, f)),
      ],
      { timeout: LIBREOFFICE_TIMEOUT - 10_000 },
    )
    return outDir
  }

  async function readXlsx(path: string): Promise<Workbook> {
    expect(existsSync(path), `LibreOffice wrote no ${path}`).toBe(true)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(path)
    return workbook
  }

  async function readCsv(path: string): Promise<string[][]> {
    expect(existsSync(path), `LibreOffice wrote no ${path}`).toBe(true)
    return parseCsv((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''))
  }

  function formulas(workbook: Workbook): string[] {
    const found: string[] = []
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) found.push(`${ws.name}!${cell.address}`)
        }),
      ),
    )
    return found
  }

  beforeAll(async () => {
    const found = findSoffice()
    if (!found) throw new Error(INSTALL_HINT)
    soffice = found
    dir = await mkdtemp(join(tmpdir(), 'isms-libreoffice-'))
    // A profile of its own, so parallel runs and a LibreOffice the user has open never collide.
    profile = join(tmpdir(), `lo-profile-${randomUUID()}`)
    const { rows, gaps, refs } = exportInput()
    await writeFile(join(dir, 'soa.csv'), buildSoaCsv(rows, refs))
    await writeFile(
      join(dir, 'soa.xlsx'),
      new Uint8Array(await buildSoaXlsx({ rows, refs, meta: META })),
    )
    await writeFile(
      join(dir, 'gaps.xlsx'),
      new Uint8Array(await buildGapXlsx({ gaps, refs, meta: META })),
    )
    await writeFile(join(dir, 'checklist.csv'), buildChecklistCsv(CHECKLIST))
    await writeFile(
      join(dir, 'checklist.xlsx'),
      new Uint8Array(
        await buildChecklistXlsx({
          checklist: CHECKLIST,
          meta: { organizationName: SUPPLIER, date: META.date, appVersion: 'test' },
        }),
      ),
    )
    // What a careless export would write: LibreOffice must run it, or the checks prove nothing.
    await writeFile(join(dir, 'unguarded.csv'), `${HOSTILE}\r\n`)
  }, LIBREOFFICE_TIMEOUT)

  afterAll(async () => {
    for (const path of [dir, profile]) if (path) await rm(path, { recursive: true, force: true })
  })

  it('reads the CSV as UTF-8: 93 distinct text ids, accents intact, no formula', async () => {
    const out = await convert(['soa.csv', 'unguarded.csv'], 'xlsx', 'comma', csvIn(44))
    const unguarded = await readXlsx(join(out, 'unguarded.xlsx'))
    expect(formulas(unguarded), 'LibreOffice no longer runs "=1+1" from a CSV').toEqual([
      'unguarded!A1',
    ])

    const workbook = await readXlsx(join(out, 'soa.xlsx'))
    const ws = workbook.worksheets[0]
    if (!ws) throw new Error('no sheet')
    expect(ws.getRow(1).values).toEqual([undefined, ...SOA_CSV_HEADER])
    const ids = EXPECTED_IDS.map((_, i) => ws.getCell(i + 2, 1))
    for (const cell of ids) expect(cell.type, cell.address).toBe(ExcelJS.ValueType.String)
    expect(ids.map((cell) => cell.value)).toEqual(EXPECTED_IDS)
    expect(new Set(ids.map((cell) => cell.value)).size).toBe(93)

    const text = JSON.stringify(ws.getSheetValues())
    for (const name of NAMES) expect(text).toContain(name)
    expect(ws.getCell(11, 6).value).toBe(`Supplier: ${SUPPLIER}`)
    expect(ws.getCell(2, SOA_CSV_HEADER.indexOf('Owner') + 1).value).toBe(`'${HOSTILE}`)
    expect(formulas(workbook)).toEqual([])
  })

  it.each([
    ['semicolons', 59],
    ['tabs', 9],
  ])('lets no formula out of the CSV read with %s', async (name, separator) => {
    const out = await convert(['soa.csv', 'unguarded.csv'], 'xlsx', name, csvIn(separator))
    expect(formulas(await readXlsx(join(out, 'unguarded.xlsx')))).toEqual(['unguarded!A1'])
    const workbook = await readXlsx(join(out, 'soa.xlsx'))
    expect(formulas(workbook)).toEqual([])
    const text = JSON.stringify(workbook.worksheets[0]?.getSheetValues())
    for (const id of ['A.5.1,', 'A.5.10,', 'A.8.34,']) expect(text).toContain(id)
  })

  it('reads the CSV opened without options, as a double-click would, without a formula', async () => {
    // LibreOffice 7.4 headless guesses the character set here (it took the file as Windows-1252,
    // BOM and all, even in a UTF-8 locale): only what does not depend on the guess is checked.
    const out = await convert(['soa.csv'], 'xlsx', 'guessed')
    const workbook = await readXlsx(join(out, 'soa.xlsx'))
    const ws = workbook.worksheets[0]
    if (!ws) throw new Error('no sheet')
    const ids = EXPECTED_IDS.map((_, i) => ws.getCell(i + 2, 1).value)
    expect(ids).toEqual(EXPECTED_IDS)
    expect(formulas(workbook)).toEqual([])
  })

  it('keeps the workbooks text as text: ids, accents, "=1+1", dates as yyyy-mm-dd', async () => {
    const out = await convert(['soa.xlsx', 'gaps.xlsx'], CSV_OUT, 'sheets')
    const soa = await readCsv(join(out, 'soa-Statement of Applicability.csv'))
    expect(soa[0]).toEqual(SOA_CSV_HEADER)
    const ids = soa.slice(1).map((row) => row[0])
    expect(ids).toEqual(EXPECTED_IDS)
    expect(new Set(ids).size).toBe(93)
    const first = soa[1] ?? []
    expect(first[SOA_CSV_HEADER.indexOf('Owner')]).toBe(HOSTILE)
    expect(first[SOA_CSV_HEADER.indexOf('Evidence references')]).toBe('@SUM(A1); x;=2+2; +1; -1')
    const control510 = soa.find((row) => row[0] === 'A.5.10') ?? []
    expect(control510[SOA_CSV_HEADER.indexOf('Provided by')]).toBe(`Supplier: ${SUPPLIER}`)
    expect(control510[SOA_CSV_HEADER.indexOf('Owner')]).toBe(OWNER)
    expect(control510.join('\n')).toContain(`Offices in ${RUSSIAN}; policy also in ${GREEK}.`)

    const about = await readCsv(join(out, 'soa-About.csv'))
    expect(about).toContainEqual(['Organization', SUPPLIER])
    expect(about).toContainEqual(['Date', '2026-11-29'])
    expect(about).toContainEqual(['SoA approval date', '2026-11-28'])

    const gaps = await readCsv(join(out, 'gaps-Gaps.csv'))
    expect(gaps.some((row) => row[6] === HOSTILE)).toBe(true)
    expect(gaps.some((row) => row.join('\n').includes(`${GREEK}: discussed in ${RUSSIAN}`))).toBe(
      true,
    )
    const plan = (await readCsv(join(out, 'gaps-Action plan.csv'))).slice(1)
    const dues = plan.map((row) => row[0] ?? '')
    for (const due of dues) expect(due).toMatch(/^(\d{4}-\d{2}-\d{2})?$/)
    const dated = dues.filter(Boolean)
    expect(dated.length).toBeGreaterThan(0)
    expect(dues.slice(0, dated.length)).toEqual([...dated].sort())
    expect(plan.some((row) => row[1] === HOSTILE)).toBe(true)
  })

  it('reads the checklist CSV as text: references, accents, "=HYPERLINK" never a formula', async () => {
    const out = await convert(['checklist.csv', 'unguarded.csv'], 'xlsx', 'checklist', csvIn(44))
    expect(formulas(await readXlsx(join(out, 'unguarded.xlsx')))).toEqual(['unguarded!A1'])
    const workbook = await readXlsx(join(out, 'checklist.xlsx'))
    expect(formulas(workbook)).toEqual([])
    const ws = workbook.worksheets[0]
    if (!ws) throw new Error('no sheet')
    expect(ws.getRow(1).values).toEqual([undefined, ...CHECKLIST_CSV_HEADER])
    const refs = CHECKLIST_REFS.map((_, i) => ws.getCell(i + 2, 1))
    for (const cell of refs) expect(cell.type, cell.address).toBe(ExcelJS.ValueType.String)
    expect(refs.map((cell) => cell.value)).toEqual(CHECKLIST_REFS)
    const at = CHECKLIST_REFS.indexOf('A.5.26') + 2
    expect(ws.getCell(at, 6).value).toBe(`'${HYPERLINK}\nIncident log`)
    expect(JSON.stringify(ws.getSheetValues())).toContain(ZIZKOV)
  })

  it('keeps the checklist workbook as text: references, statuses, "=HYPERLINK" as typed', async () => {
    const out = await convert(['checklist.xlsx'], CSV_OUT, 'checklist-sheets')
    const sheet = await readCsv(join(out, 'checklist-Evidence checklist.csv'))
    expect(sheet[0]).toEqual(CHECKLIST_CSV_HEADER)
    expect(sheet.slice(1).map((row) => row[0])).toEqual(CHECKLIST_REFS)
    expect(new Set(sheet.slice(1).map((row) => row[3]))).toEqual(
      new Set(['Ready', 'Partly ready', 'Missing']),
    )
    const control526 = sheet.find((row) => row[0] === 'A.5.26') ?? []
    expect(control526[5]).toBe(`${HYPERLINK}\nIncident log`)
    expect(control526[6]).toContain(ZIZKOV)
    expect(control526[6]).toContain(OWNER)
    const about = await readCsv(join(out, 'checklist-About.csv'))
    expect(about).toContainEqual(['Organization', SUPPLIER])
    expect(about).toContainEqual(['Date', '2026-11-29'])
  })
})

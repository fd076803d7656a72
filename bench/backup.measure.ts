import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, it } from 'vitest'
import { createRequire } from 'node:module'
import type { Browser, CDPSession, Page } from 'playwright-core'
import type { Dexie as DexieClass } from 'dexie'
import { launchBrowser, openApp } from '../tests/e2e/support/browser'
import { ANNEX_A_CONTROLS, CONTENT_VERSION, QUESTIONS } from '@/content'
import { buildBackup, type BackupData } from '@/domain/backup'
import type {
  AnswerStatus,
  ClauseAnswer,
  ControlDecision,
  ImplementationStatus,
  Risk,
  Workspace,
} from '@/domain/model'
import { printFigure, printHeading } from './report'
import { ms, percentile } from './stats'

const require = createRequire(import.meta.url)
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const T = '2026-11-20T10:00:00.000Z'
const STATUSES: AnswerStatus[] = ['not-started', 'partly', 'in-place', 'dont-know']
const IMPLEMENTATION: ImplementationStatus[] = [
  'not-implemented',
  'planned',
  'partly',
  'implemented',
]
/** Fresh pages traced for the heap, apart from the timed ones (tracing slows a page down). */
const HEAP_ROUNDS = 2
const WORKSPACES = 100

/** 100 fully answered workspaces: every question answered, 93 decisions and 20 risks each. */
function fullWorkspaces(count: number): BackupData {
  const data = {
    workspaces: [] as Workspace[],
    clauseAnswers: [] as ClauseAnswer[],
    controlDecisions: [] as ControlDecision[],
    risks: [] as Risk[],
    snapshots: [],
    registerEntries: [],
  } satisfies BackupData
  for (let w = 0; w < count; w++) {
    const id = `bench-${String(w).padStart(3, '0')}`
    data.workspaces.push({
      id,
      organizationName: `Benchmark Client ${w + 1}`,
      sector: 'Software',
      size: '50-249',
      scopeStatement: 'All information systems supporting the SaaS platform and its support.',
      assessor: 'Consultant',
      participants: 'CEO, CTO, Head of Ops',
      targetAuditDate: '2027-06-30',
      reportVersion: '',
      confidentiality: '',
      consultantSummary: '',
      recommendations: '',
      soaVersion: '',
      soaOwner: '',
      soaApprover: '',
      soaApprovedOn: null,
      createdAt: T,
      updatedAt: T,
    })
    QUESTIONS.forEach((q, i) =>
      data.clauseAnswers.push({
        workspaceId: id,
        questionId: q.id,
        status: STATUSES[i % 4] ?? 'partly',
        note: `Discussed in workshop ${(i % 3) + 1}; follow up with the owner before the audit.`,
        evidence: ['ISMS manual v2.1', `https://wiki.example.com/isms/${q.id}`],
        action: i % 2 ? { what: 'Close the gap', owner: 'CTO', due: '2027-01-31' } : null,
        contentVersion: CONTENT_VERSION,
        updatedAt: T,
      }),
    )
    ANNEX_A_CONTROLS.forEach((c, i) =>
      data.controlDecisions.push({
        workspaceId: id,
        controlId: c.id,
        applicability: i % 10 === 0 ? 'excluded' : 'applicable',
        provider: i % 7 === 0 ? 'supplier' : 'in-house',
        supplierName: i % 7 === 0 ? 'Cloud provider' : '',
        reasons: ['risk-assessment', 'business-need'],
        justification: 'Required by the risk treatment plan and customer contracts.',
        implementationStatus: IMPLEMENTATION[i % 4] ?? 'planned',
        owner: 'Head of Ops',
        evidence: ['Procedure P-12', 'Ticket OPS-1234'],
        contentVersion: CONTENT_VERSION,
        updatedAt: T,
      }),
    )
    for (let r = 0; r < 20; r++) {
      data.risks.push({
        id: `${id}-risk-${r}`,
        workspaceId: id,
        title: `Risk ${r + 1}: unauthorised access to customer data`,
        asset: 'Customer database',
        threat: 'Credential stuffing',
        vulnerability: 'No MFA on admin accounts',
        likelihood: (r % 5) + 1,
        impact: ((r + 2) % 5) + 1,
        treatment: 'modify',
        controlIds: ['5.15', '8.5'],
        owner: 'CTO',
        residualLikelihood: 1,
        residualImpact: 2,
        acceptedBy: 'CEO',
        acceptedOn: '2026-11-20',
        createdAt: T,
        updatedAt: T,
      })
    }
  }
  return data
}

interface BenchProbe {
  /** performance.now() when the app's file input's `change` event reached the page. */
  fileInPage: number | null
  /** performance.now() when the page first showed "Imported … assessments". */
  imported: number | null
  /** The same file, chosen in an input of the bench's own, for the floors. */
  file: File | null
  /** performance.now() of the import's first and last IndexedDB add() (the app writes with add). */
  firstAdd: number | null
  lastAdd: number | null
}

declare global {
  interface Window {
    __bench: BenchProbe
    Dexie?: typeof DexieClass
  }
}

/** The bench's own file input, outside the app, so that choosing a file there imports nothing. */
const BENCH_INPUT = 'bench-file'

/**
 * Page-side clocks: the `change` event of the app's file input, caught in the capture phase
 * before the app's own handler runs, is the moment the file is in the page (Chromium has it; the
 * app has not started reading it); a MutationObserver catches the moment the success message is
 * in the DOM.
 */
function installProbe(inputId: string): void {
  const probe: BenchProbe = {
    fileInPage: null,
    imported: null,
    file: null,
    firstAdd: null,
    lastAdd: null,
  }
  window.__bench = probe
  // Where the import's time goes: before its first write, writing, and committing and showing.
  const add = IDBObjectStore.prototype.add
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args) {
    const now = performance.now()
    probe.firstAdd ??= now
    probe.lastAdd = now
    return add.apply(this, args)
  }
  document.addEventListener(
    'change',
    (event) => {
      const input = event.target
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.[0]) return
      if (input.id === inputId) probe.file = input.files[0]
      else probe.fileInPage = performance.now()
    },
    true,
  )
  new MutationObserver(() => {
    if (probe.imported === null && document.body?.textContent?.includes('Imported ')) {
      probe.imported = performance.now()
    }
  }).observe(document, { subtree: true, childList: true, characterData: true })
}

interface FloorTimes {
  readonly readMs: number
  readonly parseMs: number
  readonly putMs: number
}

/**
 * The floor: what any import of this file must at least do in this page. Read the file, one
 * JSON.parse, then one read-write transaction over a fresh database with the app's tables and
 * indexes that puts every row, until it commits: with Dexie's bulkPut (the library the app
 * stores through, loaded from node_modules into the page) or with bare IndexedDB put() calls.
 * Opening the database is outside the clock, as the app's own is open when a file is chosen.
 */
async function runFloor({ name, dexie }: { name: string; dexie: boolean }): Promise<FloorTimes> {
  const stores = {
    workspaces: 'id, updatedAt',
    clauseAnswers: '[workspaceId+questionId], workspaceId',
    controlDecisions: '[workspaceId+controlId], workspaceId',
    risks: 'id, workspaceId',
    snapshots: 'id, workspaceId',
  }
  const tables = Object.keys(stores)
  const file = window.__bench.file
  if (!file) throw new Error('no file was chosen')
  let put: (data: Record<string, unknown[]>) => Promise<void>
  let close: () => void
  if (dexie) {
    if (!window.Dexie) throw new Error('Dexie is not loaded in the page')
    const db = new window.Dexie(name)
    db.version(1).stores(stores)
    await db.open()
    put = (data) =>
      db.transaction('rw', tables, async () => {
        for (const table of tables) await db.table(table).bulkPut(data[table] ?? [])
      })
    close = () => db.close()
  } else {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1)
      request.onupgradeneeded = () => {
        for (const [table, spec] of Object.entries(stores)) {
          const [primary = '', ...indexes] = spec.split(', ')
          const keyPath = primary.startsWith('[') ? primary.slice(1, -1).split('+') : primary
          const store = request.result.createObjectStore(table, { keyPath })
          for (const index of indexes) store.createIndex(index, index)
        }
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    put = (data) =>
      new Promise<void>((resolve, reject) => {
        const tx = idb.transaction(tables, 'readwrite')
        for (const table of tables) {
          const store = tx.objectStore(table)
          for (const row of data[table] ?? []) store.put(row)
        }
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
        tx.onabort = () => reject(tx.error)
      })
    close = () => idb.close()
  }
  const t0 = performance.now()
  const text = await file.text()
  const t1 = performance.now()
  const data = (JSON.parse(text) as { data: Record<string, unknown[]> }).data
  const t2 = performance.now()
  await put(data)
  const t3 = performance.now()
  close()
  return { readMs: t1 - t0, parseMs: t2 - t1, putMs: t3 - t2 }
}

interface TraceEvent {
  readonly name: string
  readonly pid: number
  readonly tid: number
  readonly args?: { readonly usedHeapSizeBefore?: number; readonly name?: string }
}

/**
 * The page's peak used JS heap while `work` runs, above the heap just before it (after a full
 * garbage collection). Two sources, since neither alone sees every peak: V8's own GC trace
 * events (MinorGC and MajorGC carry the used heap size just before each collection, which is
 * when the heap is highest, even in the middle of one long task), and Runtime.getHeapUsage
 * polled over CDP (answered only between tasks, but it sees a heap that never got collected).
 */
async function peakHeapDuring<T>(
  cdp: CDPSession,
  work: () => Promise<T>,
): Promise<{ value: T; rise: number; samples: number; gcs: number }> {
  await cdp.send('HeapProfiler.collectGarbage')
  const base = (await cdp.send('Runtime.getHeapUsage')).usedSize
  const events: TraceEvent[] = []
  // CDP types trace events as plain objects; these fields are what V8 writes for GC events.
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]))
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8'] },
  })
  let peak = base
  let samples = 0
  let running = true
  const poll = (async () => {
    while (running) {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage')
      samples++
      peak = Math.max(peak, usedSize)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  const value = await work()
  running = false
  await poll
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.end')
  await complete
  cdp.off('Tracing.dataCollected', collect)
  // Only the page's main thread: the service worker and other threads have heaps of their own.
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const gcs = events.filter(
    (e) =>
      (e.name === 'MinorGC' || e.name === 'MajorGC') &&
      (!main || (e.pid === main.pid && e.tid === main.tid)),
  )
  for (const gc of gcs) peak = Math.max(peak, gc.args?.usedHeapSizeBefore ?? 0)
  return { value, rise: peak - base, samples, gcs: gcs.length }
}

/**
 * Chooses the file by its path on disk, as a user does: Chromium reads it itself. (Handing
 * Playwright the bytes instead decodes them in the page's own heap, hundreds of MB of garbage
 * that would be counted against the import.)
 */
async function chooseFile(page: Page, path: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import backup' }).click(),
  ])
  await chooser.setFiles(path)
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const median = (values: number[]) => percentile(values, 50)

async function freshPage(file: string) {
  const app = await openApp(browser, { serviceWorker: true })
  await app.context.addInitScript(installProbe, BENCH_INPUT)
  await app.page.goto('/')
  await app.page.getByText('No assessments on this device yet').waitFor()
  // Dexie, for the floor, from the same package the app is built with.
  await app.page.evaluate(await readFile(require.resolve('dexie/dist/dexie.min.js'), 'utf8'))
  await app.page.evaluate((id) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.id = id
    input.hidden = true
    document.body.append(input)
  }, BENCH_INPUT)
  await app.page.setInputFiles(`#${BENCH_INPUT}`, file)
  return { ...app, cdp: await app.context.newCDPSession(app.page) }
}

interface ImportTimes {
  readonly totalMs: number
  /** change event → first add(): reading, parsing, checking the file, finding conflicts. */
  readonly beforeWritesMs: number
  /** first → last add(). */
  readonly writesMs: number
  /** last add() → "Imported": the commit, and the page showing the result. */
  readonly afterWritesMs: number
}

/** Chooses the file and waits for "Imported"; the page's own clocks give the time. */
async function importInPage(page: Page, path: string): Promise<ImportTimes> {
  await chooseFile(page, path)
  await page.waitForFunction(() => window.__bench.imported !== null, null, {
    timeout: 120_000,
    polling: 50,
  })
  await page
    .locator('main')
    .getByText(new RegExp(`^Imported ${WORKSPACES} assessments`))
    .waitFor()
  return page.evaluate(() => {
    const { fileInPage, imported, firstAdd, lastAdd } = window.__bench
    if (fileInPage === null || imported === null || firstAdd === null || lastAdd === null) {
      throw new Error('a clock did not stop')
    }
    return {
      totalMs: imported - fileInPage,
      beforeWritesMs: firstAdd - fileInPage,
      writesMs: lastAdd - firstAdd,
      afterWritesMs: imported - lastAdd,
    }
  })
}

const total = (f: FloorTimes) => f.readMs + f.parseMs + f.putMs
type Step = 'import' | 'dexie' | 'idb'
/** Each step at each place once over three rounds: whatever ran before slows what follows. */
const ORDERS: readonly (readonly Step[])[] = [
  ['dexie', 'import', 'idb'],
  ['import', 'idb', 'dexie'],
  ['idb', 'dexie', 'import'],
]

it('backup of 100 full workspaces: import against its floor, export, in Chromium', async () => {
  const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')
  const text = await buildBackup(
    fullWorkspaces(WORKSPACES),
    { appVersion: 'bench', schemaVersion: 1, contentVersion: CONTENT_VERSION, exportedAt: T },
    sha256,
  )
  const file = join(await mkdtemp(join(tmpdir(), 'isms-bench-')), 'backup-100-workspaces.json')
  await writeFile(file, text)
  const times: Record<Step, number[]> = { import: [], dexie: [], idb: [] }
  const imports: ImportTimes[] = []
  const floors: Record<'dexie' | 'idb', FloorTimes[]> = { dexie: [], idb: [] }
  const heap: Record<Step, number[]> = { import: [], dexie: [], idb: [] }
  const heapNotes: string[] = []
  let exportMs = 0
  let size = 0
  let exportedRows = 0

  // Time: fresh pages, nothing traced.
  for (const [round, order] of ORDERS.entries()) {
    const { page, context } = await freshPage(file)
    for (const step of order) {
      if (step === 'import') {
        const measured = await importInPage(page, file)
        imports.push(measured)
        times.import.push(measured.totalMs)
      } else {
        const floor = await page.evaluate(runFloor, {
          name: `floor-${step}`,
          dexie: step === 'dexie',
        })
        floors[step].push(floor)
        times[step].push(total(floor))
      }
    }
    if (round === 0) {
      const exportStart = performance.now()
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: 'Export backup', exact: true }).click(),
      ])
      const path = await download.path()
      exportMs = performance.now() - exportStart
      size = (await stat(path)).size
      const exported = JSON.parse(await readFile(path, 'utf8')) as {
        counts: Record<string, number>
      }
      exportedRows = Object.values(exported.counts).reduce((a, b) => a + b, 0)
    }
    await context.close()
  }

  // Heap: other fresh pages, traced (tracing slows a page down).
  for (let round = 0; round < HEAP_ROUNDS; round++) {
    const { page, context, cdp } = await freshPage(file)
    const notes: string[] = []
    for (const step of ['import', 'dexie', 'idb'] as const) {
      const measured = await peakHeapDuring(cdp, async () => {
        if (step === 'import') await importInPage(page, file)
        else await page.evaluate(runFloor, { name: `heap-${step}`, dexie: step === 'dexie' })
      })
      heap[step].push(measured.rise)
      notes.push(`${step} ${measured.gcs} GCs/${measured.samples} polls`)
    }
    heapNotes.push(notes.join(', '))
    await context.close()
  }
  await rm(dirname(file), { recursive: true })

  const importMs = median(times.import)
  const floorMs = median(times.dexie)
  const idbMs = median(times.idb)
  const peak = (step: Step) => Math.max(...heap[step])
  const parts = (list: FloorTimes[]) =>
    `read ${ms(median(list.map((f) => f.readMs)))}, parse ${ms(median(list.map((f) => f.parseMs)))}, put ${ms(median(list.map((f) => f.putMs)))}`
  printHeading(
    `Backup of ${WORKSPACES} full workspaces (${QUESTIONS.length} answers, ${ANNEX_A_CONTROLS.length} decisions, 20 risks each): time = median of ${ORDERS.length} fresh pages (each step at each place in the order once), heap = largest of ${HEAP_ROUNDS}`,
  )
  printFigure('Backup file size', mb(size))
  printFigure('Rows in the exported file', String(exportedRows))
  printFigure(
    'Import: file in page (change event) → "Imported" in DOM',
    ms(importMs),
    `page clock, all checks; each: ${times.import.map(ms).join(', ')}`,
  )
  printFigure(
    '  of which: change event → first IDB add()',
    ms(median(imports.map((i) => i.beforeWritesMs))),
    'read, JSON, schema, checksum, rules, conflicts',
  )
  printFigure('  of which: first → last add()', ms(median(imports.map((i) => i.writesMs))))
  printFigure(
    '  of which: last add() → "Imported" in DOM',
    ms(median(imports.map((i) => i.afterWritesMs))),
    'commit, then the page shows it',
  )
  printFigure(
    'Floor: file.text() → JSON.parse → Dexie bulkPut tx done',
    ms(floorMs),
    `page clock, same page; ${parts(floors.dexie)}; each: ${times.dexie.map(ms).join(', ')}`,
  )
  printFigure(
    'Bare IDB: file.text() → JSON.parse → put() tx done',
    ms(idbMs),
    `page clock, same page; ${parts(floors.idb)}; each: ${times.idb.map(ms).join(', ')}`,
  )
  printFigure('Import / floor (time)', `${(importMs / floorMs).toFixed(2)}×`, 'goal ≤ 1.3×')
  printFigure('Import / bare IDB (time)', `${(importMs / idbMs).toFixed(2)}×`)
  printFigure(
    'Import: peak JS heap above the heap before',
    mb(peak('import')),
    'change event → "Imported"; V8 GC trace + CDP Runtime.getHeapUsage',
  )
  printFigure('Floor (Dexie): peak JS heap above the heap before', mb(peak('dexie')))
  printFigure('Bare IDB: peak JS heap above the heap before', mb(peak('idb')))
  printFigure(
    'Import / floor (peak heap)',
    `${(peak('import') / peak('dexie')).toFixed(2)}×`,
    'goal ≤ 2×',
  )
  printFigure('Import / bare IDB (peak heap)', `${(peak('import') / peak('idb')).toFixed(2)}×`)
  printFigure('Heap samples', heapNotes.join('; '))
  printFigure('Export (click → file downloaded)', ms(exportMs), 'Node clock')
})

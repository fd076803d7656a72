/**
 * A page for measuring in Chromium: what one change costs the Overview and the Report (the live
 * queries read the workspace's rows back from IndexedDB, then the verdict, gaps, SoA and top
 * actions are computed from them, as the stores do), the domain parts on their own, and the gap
 * report PDF against a baseline of jspdf-autotable printing the same table rows bare.
 */
import { jsPDF } from 'jspdf'
import { autoTable } from 'jspdf-autotable'
import { CONTENT_VERSION } from '@/content'
import {
  patchClauseAnswer,
  watchClauseAnswers,
  watchControlDecisions,
} from '@/db/assessmentRepository'
import { db } from '@/db/database'
import { patchRisk, watchRisks } from '@/db/riskRepository'
import { watchWorkspace } from '@/db/workspaceRepository'
import { indexAssessment, type AssessmentInput } from '@/domain/assessment'
import { migrateAnswers } from '@/domain/contentMigration'
import { buildGaps } from '@/domain/gaps'
import { rankImprovementsOf } from '@/domain/improvements'
import { readinessOf, verdictBasis } from '@/domain/readiness'
import type { ClauseAnswer, ControlDecision, Risk, Workspace } from '@/domain/model'
import { buildSoa } from '@/domain/soa'
import { newWorkspace } from '@/domain/workspace'
import { buildGapReportPdf, type ReportFonts } from '@/reports/gapReportPdf'
import { buildGapReportDocument, type GapReportInput } from '@/reports/gapReportDocument'
import { cellText } from '@/reports/document'
import { loadReportFonts } from '@/reports/fonts'
import { CONSULTANT_WORKSPACE, consultantAssessment } from '../consultantWorkspace'
import { fullWorkspace } from '../fullWorkspace'

const input = fullWorkspace()
const TODAY = '2026-11-29'

function timeIt(run: () => unknown): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

/**
 * What the results store computes on every change: the same calls, in the same way (results()
 * shares one index, as the store does; the parts are also timed on their own).
 */
function verdict() {
  const index = indexAssessment(input)
  const basis = verdictBasis(index)
  return { index, basis, readiness: readinessOf(index, basis) }
}
const gaps = () => buildGaps(input)
const soa = () => buildSoa(input)
function improvements() {
  const index = indexAssessment(input)
  return rankImprovementsOf(index, verdictBasis(index), 5, TODAY)
}
/** Verdict, gaps, SoA and top actions on one shared index, as the results store computes them. */
function resultsOf(of: AssessmentInput) {
  const index = indexAssessment(of)
  const basis = verdictBasis(index)
  return {
    readiness: readinessOf(index, basis),
    gaps: buildGaps(of, index, basis.records),
    soa: buildSoa(of, index),
    improvements: rankImprovementsOf(index, basis, 5, TODAY),
  }
}
const results = () => resultsOf(input)

/** The gap report's input for an assessment, as the Report screen gives it. */
function reportInput(of: AssessmentInput): GapReportInput {
  return {
    meta: { workspace: CONSULTANT_WORKSPACE, date: TODAY, appVersion: 'bench' },
    ...resultsOf(of),
    answers: of.answers,
    decisions: of.decisions,
    register: [],
    risks: of.risks ?? [],
    criteria: of.workspace?.riskCriteria,
  }
}

/**
 * The same rows the report's tables print, in bare autotable calls on one document (Helvetica,
 * no styles, no hooks): what the tables alone cost, without the font, the layout rules and the
 * rest of the report.
 */
function baseline(data: GapReportInput) {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true })
  for (const block of buildGapReportDocument(data).blocks) {
    if (block.kind !== 'table') continue
    autoTable(doc, {
      head: [block.columns.map((c) => c.header)],
      body: block.rows.map((row) => row.map(cellText)),
    })
  }
  return doc.output('arraybuffer')
}

/**
 * One change as the app lives it, each sample's clock in this page (performance.now()):
 * `reRead` from the `complete` event of the change's readwrite transaction until every live
 * query it touched has emitted the rows read back; `compute` from there, through the stores'
 * own mapping of the rows, until the verdict, gaps, SoA and top actions are computed;
 * `total` the two together.
 */
export interface ChangeSamples {
  reRead: number[]
  compute: number[]
  total: number[]
}

export interface BenchResult {
  /** Verdict + gaps + SoA + top actions, as the results store computes them, from memory. */
  results: number[]
  /** An answer saved: the answers and the workspace are read back, then everything computed. */
  answerChange: ChangeSamples
  /** A risk saved: the 1,000 risks and the workspace are read back, then everything computed. */
  riskChange: ChangeSamples
  verdict: number[]
  gaps: number[]
  soa: number[]
  improvements: number[]
  /** The consultant's gap report (120 answers with notes, 93 decisions, 8 risks). */
  report: number[]
  baseline: number[]
  reportBytes: number
  reportPages: number
  /** The gap report of the full workspace (1,000 risks). */
  fullReport: number[]
  fullBaseline: number[]
  /** The first export of a page load: fetching the two font files and reading them, in ms. */
  fontLoad: number
  /** Sizes of the workspace and of what it gives. */
  counts: { answers: number; decisions: number; risks: number; gaps: number; blockers: number }
}

const WORKSPACE_ID = 'bench'

/** Writes the full workspace into this page's IndexedDB, as the app stores it. */
async function seed(): Promise<void> {
  const workspace: Workspace = {
    ...newWorkspace(WORKSPACE_ID, 'Benchmark Client', '2026-11-20T10:00:00.000Z'),
    scopeStatement: input.workspace?.scopeStatement ?? '',
    riskCriteria: input.workspace?.riskCriteria,
  }
  await db.transaction('rw', [db.workspaces, db.clauseAnswers, db.controlDecisions, db.risks], () =>
    Promise.all([
      db.workspaces.put(workspace),
      db.clauseAnswers.bulkPut([...input.answers]),
      db.controlDecisions.bulkPut([...input.decisions]),
      db.risks.bulkPut([...(input.risks ?? [])]),
    ]),
  )
}

type Source = 'answers' | 'decisions' | 'risks' | 'workspace'

/**
 * The open workspace as the stores hold it: the four live queries the app subscribes to, each
 * emission mapped as its store maps it (answers carried to today's content, by question id;
 * decisions by control id). `next(sources)` resolves with the time each of those has emitted
 * again.
 */
function liveWorkspace() {
  let answers: ReadonlyMap<string, ClauseAnswer> = new Map()
  let decisions: ReadonlyMap<string, ControlDecision> = new Map()
  let risks: readonly Risk[] = []
  let workspace: Workspace | undefined
  const waiting: { sources: Set<Source>; resolve: (at: number) => void }[] = []
  const emitted = (source: Source) => {
    for (const wait of [...waiting]) {
      wait.sources.delete(source)
      if (wait.sources.size === 0) {
        waiting.splice(waiting.indexOf(wait), 1)
        wait.resolve(performance.now())
      }
    }
  }
  const subscriptions = [
    watchClauseAnswers(WORKSPACE_ID).subscribe((rows) => {
      answers = new Map(migrateAnswers(rows).map((r) => [r.questionId, r]))
      emitted('answers')
    }),
    watchControlDecisions(WORKSPACE_ID).subscribe((rows) => {
      decisions = new Map(rows.map((r) => [r.controlId, r]))
      emitted('decisions')
    }),
    watchRisks(WORKSPACE_ID).subscribe((rows) => {
      risks = rows
      emitted('risks')
    }),
    watchWorkspace(WORKSPACE_ID).subscribe((row) => {
      workspace = row
      emitted('workspace')
    }),
  ]
  return {
    next: (sources: readonly Source[]) =>
      new Promise<number>((resolve) => waiting.push({ sources: new Set(sources), resolve })),
    /** The results store's input, built from what the live queries last gave. */
    input: (): AssessmentInput => ({
      answers: [...answers.values()],
      decisions: [...decisions.values()],
      risks,
      workspace: workspace
        ? { scopeStatement: workspace.scopeStatement, riskCriteria: workspace.riskCriteria }
        : undefined,
    }),
    close: () => subscriptions.forEach((s) => s.unsubscribe()),
  }
}

const commitListeners = new Set<(at: number) => void>()

// Sees every readwrite transaction the app's database commits, from below the app's own code
// (registered before the database opens, as Dexie middlewares must be).
db.use({
  stack: 'dbcore',
  name: 'bench-commits',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) => {
      const tx = down.transaction(stores, mode, options)
      // Dexie's IndexedDB core hands out the browser's IDBTransaction itself.
      if (mode === 'readwrite' && tx instanceof IDBTransaction) {
        tx.addEventListener('complete', () => {
          const at = performance.now()
          for (const listener of [...commitListeners]) listener(at)
        })
      }
      return tx
    },
  }),
})

/** Resolves with the time the next readwrite transaction completes. */
function nextCommit(): Promise<number> {
  return new Promise((resolve) => {
    const listener = (at: number) => {
      commitListeners.delete(listener)
      resolve(at)
    }
    commitListeners.add(listener)
  })
}

/** Saves `change` through the app's repository and times the re-read and the recomputation. */
async function timeChange(
  live: ReturnType<typeof liveWorkspace>,
  sources: readonly Source[],
  change: () => Promise<void>,
  out: ChangeSamples,
) {
  const committed = nextCommit()
  const reRead = live.next(sources)
  await change()
  const [start, readBack] = await Promise.race([
    Promise.all([committed, reRead]),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`No commit and re-read of ${sources.join(' and ')} within 10 s`)),
        10_000,
      ),
    ),
  ])
  resultsOf(live.input())
  const end = performance.now()
  out.reRead.push(readBack - start)
  out.compute.push(end - readBack)
  out.total.push(end - start)
}

async function measureChanges(
  runs: number,
  answerChange: ChangeSamples,
  riskChange: ChangeSamples,
) {
  await seed()
  const live = liveWorkspace()
  await live.next(['answers', 'decisions', 'risks', 'workspace'])
  let answer = input.answers[0]
  let risk = input.risks?.[0]
  if (!answer || !risk) throw new Error('The bench workspace has no answer or no risk.')
  for (let i = 0; i < runs; i++) {
    // Every change its own time: a workspace row left as it was is not a change to Dexie, and
    // its live query would not read it back.
    const at = (n: number) => new Date(Date.UTC(2026, 10, 21, 0, 0, n)).toISOString()
    await timeChange(
      live,
      ['answers', 'workspace'],
      // As the editor saves: the fields changed since the answer it last saw.
      async () => {
        const seen = answer as ClauseAnswer
        answer = (
          await patchClauseAnswer(seen, {
            ...seen,
            status: i % 2 === 0 ? 'in-place' : 'partly',
            contentVersion: CONTENT_VERSION,
            updatedAt: at(2 * i),
          })
        ).record
      },
      answerChange,
    )
    await timeChange(
      live,
      ['risks', 'workspace'],
      async () => {
        const seen = risk as Risk
        risk = (
          await patchRisk(seen, { ...seen, likelihood: (i % 5) + 1, updatedAt: at(2 * i + 1) })
        ).record
      },
      riskChange,
    )
  }
  live.close()
}

declare global {
  interface Window {
    runBench: (runs: number, resultRuns: number) => Promise<BenchResult>
  }
}

const pagesOf = (pdf: ArrayBuffer) =>
  (new TextDecoder('latin1').decode(pdf).match(/\/Type \/Page[^s]/g) ?? []).length

window.runBench = async (runs, resultRuns) => {
  const data = reportInput(consultantAssessment())
  const full = reportInput(input)
  const fontStart = performance.now()
  const fonts: ReportFonts = await loadReportFonts()
  const fontLoad = performance.now() - fontStart
  // Warm up so the first-call compilation is not counted.
  for (let i = 0; i < 5; i++) results()
  buildGapReportPdf(data, fonts)
  baseline(data)
  const out: BenchResult = {
    results: [],
    answerChange: { reRead: [], compute: [], total: [] },
    riskChange: { reRead: [], compute: [], total: [] },
    verdict: [],
    gaps: [],
    soa: [],
    improvements: [],
    report: [],
    baseline: [],
    reportBytes: 0,
    reportPages: 0,
    fullReport: [],
    fullBaseline: [],
    fontLoad,
    counts: {
      answers: input.answers.length,
      decisions: input.decisions.length,
      risks: input.risks?.length ?? 0,
      gaps: full.gaps.length,
      blockers: full.readiness.blockers.length,
    },
  }
  for (let i = 0; i < resultRuns; i++) {
    out.results.push(timeIt(results))
    out.verdict.push(timeIt(verdict))
    out.gaps.push(timeIt(gaps))
    out.soa.push(timeIt(soa))
    out.improvements.push(timeIt(improvements))
  }
  await measureChanges(resultRuns, out.answerChange, out.riskChange)
  for (let i = 0; i < runs; i++) {
    out.report.push(
      timeIt(() => {
        const pdf = buildGapReportPdf(data, fonts)
        out.reportBytes = pdf.byteLength
        out.reportPages = pagesOf(pdf)
      }),
    )
    out.baseline.push(timeIt(() => baseline(data)))
    out.fullReport.push(timeIt(() => buildGapReportPdf(full, fonts)))
    out.fullBaseline.push(timeIt(() => baseline(full)))
  }
  return out
}

/**
 * A page for measuring in Chromium: the results the Overview and the Report compute (verdict,
 * gaps, SoA, top actions) for a full workspace, and the gap report PDF against a baseline of
 * jspdf-autotable printing the same table rows bare, in one run.
 */
import { jsPDF } from 'jspdf'
import { autoTable } from 'jspdf-autotable'
import { indexAssessment } from '@/domain/assessment'
import { buildGaps } from '@/domain/gaps'
import { rankImprovementsOf } from '@/domain/improvements'
import { readinessOf, verdictBasis } from '@/domain/readiness'
import { residualLevel, riskLevel } from '@/domain/risk'
import { buildSoa } from '@/domain/soa'
import { buildGapReportPdf, type GapReportInput } from '@/reports/gapReportPdf'
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
/** Verdict, gaps and SoA without the top actions, as the bench measured before they existed. */
function scoreGapsSoa() {
  return { readiness: verdict().readiness, gaps: gaps(), soa: soa() }
}
function results() {
  const { index, basis, readiness } = verdict()
  return {
    readiness,
    gaps: buildGaps(input, index, basis.records),
    soa: buildSoa(input, index),
    improvements: rankImprovementsOf(index, basis, 5, TODAY),
  }
}

function reportInput(): GapReportInput {
  return {
    meta: {
      organizationName: 'Benchmark Client',
      scopeStatement: 'All systems',
      assessor: 'Bench',
      date: TODAY,
      appVersion: 'bench',
    },
    ...results(),
    risks: input.risks,
    criteria: input.workspace?.riskCriteria,
  }
}

/** The same rows the report's tables print, in bare autotable calls on one document. */
function baseline(data: GapReportInput) {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true })
  const clause = data.gaps.filter((g) => g.questionId !== null)
  const controls = data.gaps.filter((g) => g.questionId === null && g.kind !== 'traceability')
  const trace = data.gaps.filter((g) => g.kind === 'traceability')
  autoTable(doc, {
    head: [['Ref.', 'Question', 'Status', 'Next step']],
    body: clause.map((g) => [String(g.reference), g.text, g.statusLabel, g.nextStep]),
  })
  autoTable(doc, {
    head: [['Control', 'Status', 'Next step']],
    body: controls.map((g) => [`${g.reference} ${g.title}`, g.statusLabel, g.nextStep]),
  })
  autoTable(doc, {
    head: [['Risk', 'Level', 'Treatment', 'Controls', 'Owner', 'Residual', 'Accepted']],
    body: (data.risks ?? []).map((r) => [
      r.title,
      String(riskLevel(r.likelihood, r.impact)),
      r.treatment ?? '-',
      r.controlIds.join(', '),
      r.owner,
      String(residualLevel(r) ?? '-'),
      r.acceptedBy,
    ]),
  })
  autoTable(doc, {
    head: [['Finding', 'Severity', 'Next step']],
    body: trace.map((g) => [g.text, g.severity, g.nextStep]),
  })
  autoTable(doc, {
    head: [['What', 'Ref.', 'Owner', 'Due']],
    body: data.gaps
      .filter((g) => g.plannedAction || g.owner || g.due)
      .map((g) => [
        g.plannedAction ?? g.nextStep,
        String(g.reference),
        g.owner ?? '-',
        g.due ?? '-',
      ]),
  })
  autoTable(doc, {
    head: [['Control', 'Decision', 'Justification', 'Implementation', 'Owner', 'Evidence']],
    body: data.soa.map((r) => [
      `${r.id} ${r.title}`,
      r.applicability,
      r.justification,
      r.implementationStatus ?? '-',
      r.owner,
      r.evidence.join('; '),
    ]),
  })
  return doc.output('arraybuffer')
}

export interface BenchResult {
  /** Verdict + gaps + SoA + top actions, as the results store computes them. */
  results: number[]
  scoreGapsSoa: number[]
  verdict: number[]
  gaps: number[]
  soa: number[]
  improvements: number[]
  report: number[]
  baseline: number[]
  reportBytes: number
  /** Sizes of the workspace and of what it gives. */
  counts: { answers: number; decisions: number; risks: number; gaps: number; blockers: number }
}

declare global {
  interface Window {
    runBench: (runs: number, resultRuns: number) => BenchResult
  }
}

window.runBench = (runs, resultRuns) => {
  const data = reportInput()
  // Warm up so the first-call compilation is not counted.
  for (let i = 0; i < 5; i++) results()
  buildGapReportPdf(data)
  baseline(data)
  const out: BenchResult = {
    results: [],
    scoreGapsSoa: [],
    verdict: [],
    gaps: [],
    soa: [],
    improvements: [],
    report: [],
    baseline: [],
    reportBytes: 0,
    counts: {
      answers: input.answers.length,
      decisions: input.decisions.length,
      risks: input.risks?.length ?? 0,
      gaps: data.gaps.length,
      blockers: data.readiness.blockers.length,
    },
  }
  for (let i = 0; i < resultRuns; i++) {
    out.results.push(timeIt(results))
    out.scoreGapsSoa.push(timeIt(scoreGapsSoa))
    out.verdict.push(timeIt(verdict))
    out.gaps.push(timeIt(gaps))
    out.soa.push(timeIt(soa))
    out.improvements.push(timeIt(improvements))
  }
  for (let i = 0; i < runs; i++) {
    out.report.push(timeIt(() => (out.reportBytes = buildGapReportPdf(data).byteLength)))
    out.baseline.push(timeIt(() => baseline(data)))
  }
  return out
}

/**
 * A page for measuring in Chromium: the results computation and the gap report PDF against a
 * baseline of jspdf-autotable printing the same table rows bare, in one run.
 */
import { jsPDF } from 'jspdf'
import { autoTable } from 'jspdf-autotable'
import { buildGaps } from '@/domain/gaps'
import { rankImprovements } from '@/domain/improvements'
import { computeReadiness } from '@/domain/readiness'
import { buildSoa } from '@/domain/soa'
import { buildGapReportPdf } from '@/reports/gapReportPdf'
import { fullWorkspace } from '../fullWorkspace'

const input = fullWorkspace()

function timeIt(run: () => unknown): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

function results() {
  const readiness = computeReadiness(input)
  const gaps = buildGaps(input)
  const soa = buildSoa(input)
  return { readiness, gaps, soa }
}

function reportInput() {
  const { readiness, gaps, soa } = results()
  return {
    meta: {
      organizationName: 'Benchmark Client',
      scopeStatement: 'All systems',
      assessor: 'Bench',
      date: '2026-11-29',
      appVersion: 'bench',
    },
    readiness,
    gaps,
    soa,
    improvements: rankImprovements(input, 5),
  }
}

/** The same rows the report's tables print, in bare autotable calls on one document. */
function baseline(data: ReturnType<typeof reportInput>) {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true })
  const clause = data.gaps.filter((g) => g.questionId !== null)
  const controls = data.gaps.filter((g) => g.questionId === null)
  autoTable(doc, {
    head: [['Ref.', 'Question', 'Status', 'Next step']],
    body: clause.map((g) => [String(g.reference), g.text, g.statusLabel, g.nextStep]),
  })
  autoTable(doc, {
    head: [['Control', 'Status', 'Next step']],
    body: controls.map((g) => [`${g.reference} ${g.title}`, g.statusLabel, g.nextStep]),
  })
  autoTable(doc, {
    head: [['What', 'Ref.', 'Owner', 'Due']],
    body: data.gaps.map((g) => [
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

declare global {
  interface Window {
    runBench: (runs: number) => {
      results: number[]
      report: number[]
      baseline: number[]
      reportBytes: number
    }
  }
}

window.runBench = (runs) => {
  const data = reportInput()
  // Warm up once so the first-call compilation is not counted.
  buildGapReportPdf(data)
  baseline(data)
  const out = {
    results: [] as number[],
    report: [] as number[],
    baseline: [] as number[],
    reportBytes: 0,
  }
  for (let i = 0; i < 200; i++) out.results.push(timeIt(results))
  for (let i = 0; i < runs; i++) {
    out.report.push(timeIt(() => (out.reportBytes = buildGapReportPdf(data).byteLength)))
    out.baseline.push(timeIt(() => baseline(data)))
  }
  return out
}

import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, QUESTIONS, CONTENT_VERSION } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import { buildGaps, type Gap } from '@/domain/gaps'
import { rankImprovements } from '@/domain/improvements'
import { SCORE_PART_KEYS, STAGE_EXPECTATION, bandLabel, computeReadiness } from '@/domain/readiness'
import { buildSoa } from '@/domain/soa'
import {
  GAP_REPORT_LIMITS,
  buildGapReportPdf,
  buildSoaPdf,
  type ReportMeta,
} from '@/reports/gapReportPdf'
import { pdfText } from '@/reports/pdfText'
import { DEFAULT_RISK_CRITERIA, NO_RISK_FILTER, filterRisks } from '@/domain/risk'
import { inSentence } from '@/components/format'
import { pageCount, pdfReadingText, pdfSource, pdfStrings } from './pdfInspect'
import {
  assessmentInput,
  coreControlsExcluded,
  fullyEvidenced,
  halfway,
  type WorkspaceRecords,
} from '../../e2e/support/verdictFixtures'
import { largeWorkspace } from '../../../bench/largeWorkspace'
import { MAX_RISKS_PER_WORKSPACE } from '@/domain/limits'

const T = '2026-11-20T10:00:00.000Z'

function fullyAnswered(): AssessmentInput {
  return {
    answers: QUESTIONS.map((q, i) => ({
      workspaceId: 'w',
      questionId: q.id,
      status: i % 3 === 0 ? 'partly' : 'in-place',
      note: '',
      evidence: [],
      action: i % 3 === 0 ? { what: `Finish ${q.id}`, owner: 'Dana', due: '2027-02-01' } : null,
      contentVersion: CONTENT_VERSION,
      updatedAt: T,
    })),
    decisions: ANNEX_A_CONTROLS.map((c, i) => ({
      workspaceId: 'w',
      controlId: c.id,
      applicability: i % 9 === 0 ? 'excluded' : 'applicable',
      provider: 'in-house',
      supplierName: '',
      reasons: ['risk-assessment'],
      justification: 'From the risk assessment of 2026-11',
      implementationStatus: i % 4 === 0 ? 'planned' : 'implemented',
      owner: 'IT lead',
      evidence: ['Procedure P-1'],
      contentVersion: CONTENT_VERSION,
      updatedAt: T,
    })),
  }
}

function report(input: AssessmentInput, meta: ReportMeta, format: 'a4' | 'letter' = 'a4') {
  return buildGapReportPdf(
    {
      meta,
      readiness: computeReadiness(input),
      gaps: buildGaps(input),
      soa: buildSoa(input),
      improvements: rankImprovements(input, 5),
    },
    format,
  )
}

const META: ReportMeta = {
  organizationName: 'Contoso Health Services',
  scopeStatement: 'Patient portal and its support processes',
  assessor: 'A. Consultant',
  date: '2026-11-29',
  appVersion: 'test',
}

/** Each test builds and reads whole PDFs (up to a second each here): more than 5 s under load. */
const PDF_TIMEOUT = { timeout: 60_000 }

describe('gap report PDF', PDF_TIMEOUT, () => {
  const pdf = report(fullyAnswered(), META)
  const text = pdfStrings(pdf).join('\n')

  it('is a PDF of several pages, with page numbers and a running header', () => {
    expect(pdfSource(pdf).startsWith('%PDF-')).toBe(true)
    const pages = pageCount(pdf)
    expect(pages).toBeGreaterThan(4)
    expect(text).toContain(`Page 1 of ${pages}`)
    expect(text).toContain(`Page ${pages} of ${pages}`)
    expect(text).toContain('Readiness gap report - 2026-11-29')
  })

  it('names the organization, scope, assessor and date on the cover', () => {
    for (const value of Object.values(META).slice(0, 4)) expect(text).toContain(value)
  })

  it('holds the score, blockers, actions, findings and every one of the 93 controls', () => {
    const readiness = computeReadiness(fullyAnswered())
    expect(text).toContain(`Stage 1 readiness: ${readiness.score}/100`)
    expect(text).toContain('Executive summary')
    expect(text).toContain('Findings by clause')
    expect(text).toContain('Action plan')
    expect(text).toContain('Finish q-4.1-issues')
    for (const control of ANNEX_A_CONTROLS) {
      expect(text, control.id).toMatch(new RegExp(`(^|\\n)${control.id.replace('.', '\\.')} `))
    }
  })

  it('comes in A4 and US Letter', () => {
    const a4 = pdfSource(report(fullyAnswered(), META, 'a4'))
    const letter = pdfSource(report(fullyAnswered(), META, 'letter'))
    expect(a4).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/)
    expect(letter).toMatch(/\/MediaBox \[0 0 612\.? 792\.?\]/)
  })

  it('prints hostile user text as text: no JavaScript, actions or forms in the file', () => {
    const hostile = {
      ...META,
      organizationName: '(evil) Tj /JS (app.alert(1)) /OpenAction << /S /JavaScript >>',
      scopeStatement: '<script>alert(1)</script> javascript:alert(1)',
    }
    const source = pdfSource(report({ answers: [], decisions: [] }, hostile))
    for (const marker of ['/JS', '/JavaScript', '/AA', '/AcroForm', '/Launch', '/URI']) {
      expect(source).not.toContain(marker)
    }
    // jsPDF's only open action is a view destination ("fit the page width"), never a script.
    const openActions = source.match(/\/OpenAction[^\n]*/g) ?? []
    for (const action of openActions) {
      expect(action).toMatch(/^\/OpenAction \[\d+ 0 R \/(FitH|FitV|Fit|XYZ)[^\]]*\]$/)
    }
    const shown = pdfStrings(report({ answers: [], decisions: [] }, hostile)).join('\n')
    expect(shown).toContain('(evil) Tj /JS (app.alert(1))')
  })
})

describe('SoA PDF', PDF_TIMEOUT, () => {
  it('lists all 93 controls with the organization named', () => {
    const input = fullyAnswered()
    const pdf = buildSoaPdf({ meta: META, soa: buildSoa(input) })
    const text = pdfStrings(pdf).join('\n')
    expect(text).toContain(META.organizationName)
    expect(text).toContain('93 controls:')
    for (const control of ANNEX_A_CONTROLS) expect(text).toContain(`${control.id} `)
  })
})

describe('pdfText', () => {
  it('keeps Latin text and spells out symbols the PDF fonts lack', () => {
    expect(pdfText('Müller & Söhne – “Café”')).toBe('Müller & Söhne – “Café”')
    expect(pdfText('a → b ≤ c')).toBe('a -> b <= c')
    expect(pdfText('東京 🙂')).toBe('?? ?')
  })
})

describe('gap report PDF with a risk register', PDF_TIMEOUT, () => {
  it('prints the risk criteria, the register and the traceability findings', () => {
    const risk = {
      id: 'r1',
      workspaceId: 'w',
      title: 'Ransomware encrypts the file server',
      asset: 'File server',
      threat: 'Ransomware',
      vulnerability: 'Unpatched',
      likelihood: 4,
      impact: 5,
      treatment: 'modify' as const,
      controlIds: [],
      owner: '',
      residualLikelihood: null,
      residualImpact: null,
      acceptedBy: '',
      acceptedOn: null,
      createdAt: T,
      updatedAt: T,
    }
    const input: AssessmentInput = { ...fullyAnswered(), risks: [risk] }
    const pdf = buildGapReportPdf({
      meta: META,
      readiness: computeReadiness(input),
      gaps: buildGaps(input),
      soa: buildSoa(input),
      improvements: rankImprovements(input, 5),
      risks: [risk],
      criteria: DEFAULT_RISK_CRITERIA,
    })
    const text = pdfStrings(pdf).join('\n')
    expect(text).toContain('Risk register (1)')
    // Paragraphs wrap into several lines of text.
    expect(text.replace(/\n/g, ' ')).toContain(
      `acceptance criteria up to level ${DEFAULT_RISK_CRITERIA.acceptanceThreshold}`,
    )
    expect(text).toContain('Almost certain')
    expect(text).toContain('Ransomware encrypts the file server')
    expect(text).toMatch(/Traceability findings \([1-9]\d*\)/)
  })
})

/** The gap report of a built workspace, with its risk register, as the Report screen makes it. */
function reportOf(records: WorkspaceRecords) {
  const input = assessmentInput(records)
  const readiness = computeReadiness(input)
  const meta = { ...META, organizationName: records.workspace.organizationName }
  const pdf = buildGapReportPdf({
    meta,
    readiness,
    gaps: buildGaps(input),
    soa: buildSoa(input),
    improvements: rankImprovements(input, 5),
    risks: records.risks,
    criteria: DEFAULT_RISK_CRITERIA,
  })
  const reading = pdfReadingText(pdf, [
    meta.organizationName,
    `Readiness gap report - ${meta.date}`,
  ])
  return { readiness, reading, strings: pdfStrings(pdf) }
}

const occurrences = (text: string, part: string) => text.split(part).length - 1

describe('gap report PDF executive summary', PDF_TIMEOUT, () => {
  it('prints the verdict the Overview shows: score, band, cap and the four parts', () => {
    const { readiness, reading, strings } = reportOf(halfway())
    expect(readiness.capped).toBe(true)
    expect(reading).toContain(
      `Stage 1 readiness: ${readiness.score}/100, ${inSentence(readiness.bandLabel)}.`,
    )
    expect(reading).toContain(readiness.cap?.text)
    // The parts table, in the order of the screen: label, share complete, points of weight.
    const rows = SCORE_PART_KEYS.map((key) => readiness.parts[key]).map((p) => [
      p.label,
      `${Math.round(p.fraction * 100)}%`,
      `${Math.round(p.contribution * 10) / 10} of ${p.weight}`,
    ])
    const start = strings.indexOf('Points')
    expect(strings.slice(start + 1, start + 1 + rows.length * 3)).toEqual(rows.flat())
  })

  it('prints the stage expectation once and every blocker with its cap, text and reasons', () => {
    const { readiness, reading } = reportOf(halfway())
    expect(occurrences(reading, STAGE_EXPECTATION)).toBe(1)
    expect(reading).toContain(`Blockers (${readiness.blockers.length})`)
    // Blockers that halfway()'s records cause (no scope statement, risks without owner or
    // acceptance, 8.8 excluded), not the answers its pattern of statuses puts in place: which
    // question gets which status shifts whenever a question is added.
    expect(readiness.blockers.map((b) => b.title)).toEqual(
      expect.arrayContaining([
        'Scope of the ISMS',
        'Risk treatment plan approved, residual risks accepted',
        'Complete Statement of Applicability',
      ]),
    )
    let last = -1
    for (const blocker of readiness.blockers) {
      const line = `${blocker.title} (${blocker.clauseRef}) — caps at ${bandLabel(blocker.cap)}: ${blocker.text}`
      const at = reading.indexOf(line, last + 1)
      expect(at, line).toBeGreaterThan(last)
      // Its reasons follow it.
      let reasonAt = at
      for (const reason of blocker.reasons) {
        reasonAt = reading.indexOf(reason, reasonAt)
        expect(reasonAt, reason).toBeGreaterThan(at)
      }
      last = at
    }
  })

  it('prints where the answers and the records disagree, each finding with its text', () => {
    const { readiness, reading } = reportOf(coreControlsExcluded())
    const kinds = readiness.findings.map((f) => f.kind)
    expect(kinds).toContain('contradiction')
    expect(kinds.filter((k) => k === 'indefensible-exclusion')).toHaveLength(6)
    expect(reading).toContain(
      `Where the answers and the records disagree (${readiness.findings.length})`,
    )
    for (const finding of readiness.findings) expect(reading).toContain(finding.text)
    expect(reading).toContain('Control 8.13 Information backup is excluded')
  })

  it('says "No blockers" and prints no findings for a fully evidenced assessment', () => {
    const { readiness, reading } = reportOf(fullyEvidenced())
    expect(readiness.band).toBe('ready')
    expect(reading).toContain(`Stage 1 readiness: ${readiness.score}/100, ready for Stage 1.`)
    expect(reading).toContain('Blockers (0)')
    expect(reading).toContain('No blockers:')
    expect(occurrences(reading, STAGE_EXPECTATION)).toBe(1)
    expect(reading).not.toContain('caps at')
    expect(reading).not.toContain('Where the answers and the records disagree')
  })
})

/** The most risks a workspace may hold. */
const MAX_RISKS = MAX_RISKS_PER_WORKSPACE

/** The gap report of a large bench workspace, as the Report screen makes it. */
function largeReport(riskCount: number) {
  const input = largeWorkspace(riskCount)
  const risks = input.risks ?? []
  const gaps = buildGaps(input)
  const pdf = buildGapReportPdf({
    meta: META,
    readiness: computeReadiness(input),
    gaps,
    soa: buildSoa(input),
    improvements: rankImprovements(input, 5),
    risks,
    criteria: DEFAULT_RISK_CRITERIA,
  })
  const reading = pdfReadingText(pdf, [
    META.organizationName,
    `Readiness gap report - ${META.date}`,
  ])
  // Each register row's first line starts with the risk's title (findings quote it).
  const strings = pdfStrings(pdf)
  const register = strings.slice(
    strings.findIndex((line) => line.startsWith('Risk register (')),
    strings.findIndex((line) => line.startsWith('Traceability findings (')),
  )
  const registerRows = register.filter((line) => /^[A-Z][a-z ]+ affecting system/.test(line))
  const titles = new Map(risks.map((r) => [r.id, r.title]))
  const quoted = (id: string) => reading.includes(`"${titles.get(id) ?? id}"`)
  return { risks, titles, gaps, pdf, reading, registerRows, quoted }
}

/** The ids of the risks that some of `gaps` are on. */
const riskIdsOf = (gaps: readonly Gap[]) =>
  new Set(gaps.flatMap((g) => (g.riskId === null ? [] : [g.riskId])))

describe('gap report PDF of a large risk register', () => {
  const { risksInFull } = GAP_REPORT_LIMITS
  const count = (n: number) => n.toLocaleString('en')

  it(`leaves nothing out up to ${GAP_REPORT_LIMITS.risksInFull} risks`, () => {
    const { risks, gaps, reading, registerRows, quoted } = largeReport(risksInFull)
    expect(reading).toContain(`Risk register (${risks.length})`)
    expect(registerRows).toHaveLength(risks.length)
    const withFindings = riskIdsOf(gaps)
    expect(withFindings.size).toBeGreaterThan(0)
    for (const id of withFindings) expect(quoted(id), id).toBe(true)
    expect(reading).not.toMatch(/highest-rated|more risks|more findings|more actions/)
  })

  it(
    `lists the ${GAP_REPORT_LIMITS.risksInFull} highest-rated of ${count(MAX_RISKS)} risks, says how many more there are and stays within 100 pages`,
    { timeout: 60_000 },
    () => {
      const { risks, titles, gaps, pdf, reading, registerRows, quoted } = largeReport(MAX_RISKS)
      const omitted = risks.length - risksInFull
      expect(reading).toContain(`Risk register (${count(MAX_RISKS)})`)
      expect(reading).toContain(
        `The ${risksInFull} highest-rated of the ${count(MAX_RISKS)} risks are listed here`,
      )
      expect(registerRows).toHaveLength(risksInFull)
      expect(reading).toContain(
        `And ${count(omitted)} more risks, listed in full on the Risks screen of the app and in the assessment's backup file.`,
      )

      // The register lists the highest-rated risks, in the order of the Risks screen.
      const order = filterRisks(risks, NO_RISK_FILTER, DEFAULT_RISK_CRITERIA)
      const listed = new Set(order.slice(0, risksInFull).map((r) => r.id))
      const [highest, lowest] = [order[0], order.at(-1)]
      expect(registerRows[0]).toMatch(`${highest?.title} -`)
      expect(reading).not.toContain(`${lowest?.title} - `)

      // Findings and actions on the listed risks are printed, those on the others counted.
      const trace = gaps.filter((g) => g.kind === 'traceability')
      const traceLeftOut = trace.filter((g) => g.riskId !== null && !listed.has(g.riskId))
      expect(reading).toContain(`Traceability findings (${count(trace.length)})`)
      expect(reading).toContain(
        `And ${count(traceLeftOut.length)} more findings on the other ${count(omitted)} risks, listed in full on the Report screen of the app.`,
      )
      const cut = new Set(traceLeftOut)
      for (const id of riskIdsOf(trace.filter((g) => !cut.has(g)))) {
        expect(quoted(id), id).toBe(true)
      }
      // Controls' findings quote a few of their risks; none of the others is printed.
      const controlFindings = trace.filter((g) => g.riskId === null).map((g) => g.text)
      const leftOut = [...riskIdsOf(traceLeftOut)].filter((id) => {
        const title = titles.get(id) ?? ''
        return !controlFindings.some((text) => text.includes(`"${title}"`))
      })
      expect(leftOut.length).toBeGreaterThan(1000)
      expect(leftOut.filter(quoted)).toEqual([])

      const actions = gaps.filter((g) => g.plannedAction || g.owner || g.due)
      const actionsLeftOut = actions.filter((g) => g.riskId !== null && !listed.has(g.riskId))
      expect(reading).toContain(`Action plan (${count(actions.length)})`)
      expect(reading).toContain(
        `And ${count(actionsLeftOut.length)} more actions on the other ${count(omitted)} risks`,
      )

      // What the content bounds is printed whole: the clause findings, the SoA's 93 controls.
      const clauseGaps = gaps.filter((g) => g.questionId !== null).length
      expect(reading).toContain(`Findings by clause (${clauseGaps})`)
      const lines = pdfStrings(pdf).join('\n')
      for (const control of ANNEX_A_CONTROLS) {
        expect(lines, control.id).toMatch(new RegExp(`(^|\\n)${control.id.replace('.', '\\.')} `))
      }
      expect(pageCount(pdf)).toBeLessThanOrEqual(100)
    },
  )
})

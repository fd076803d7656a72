import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, QUESTIONS, CONTENT_VERSION } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import { buildGaps } from '@/domain/gaps'
import { rankImprovements } from '@/domain/improvements'
import { SCORE_PART_KEYS, STAGE_EXPECTATION, bandLabel, computeReadiness } from '@/domain/readiness'
import { buildSoa } from '@/domain/soa'
import { buildGapReportPdf, buildSoaPdf, type ReportMeta } from '@/reports/gapReportPdf'
import { pdfText } from '@/reports/pdfText'
import { DEFAULT_RISK_CRITERIA } from '@/domain/risk'
import { inSentence } from '@/components/format'
import { pageCount, pdfReadingText, pdfSource, pdfStrings } from './pdfInspect'
import {
  assessmentInput,
  coreControlsExcluded,
  fullyEvidenced,
  halfway,
  type WorkspaceRecords,
} from '../../e2e/support/verdictFixtures'

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

describe('gap report PDF', () => {
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

describe('SoA PDF', () => {
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

describe('gap report PDF with a risk register', () => {
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

describe('gap report PDF executive summary', () => {
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
    expect(readiness.blockers.map((b) => b.title)).toEqual(
      expect.arrayContaining([
        'Scope of the ISMS',
        'Information security policy',
        'Risk assessment performed',
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

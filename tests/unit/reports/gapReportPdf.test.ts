import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS, QUESTIONS, CONTENT_VERSION } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import { buildGaps, type Gap } from '@/domain/gaps'
import { rankImprovements } from '@/domain/improvements'
import { SCORE_PART_KEYS, STAGE_EXPECTATION, bandLabel, computeReadiness } from '@/domain/readiness'
import { buildSoa } from '@/domain/soa'
import { GAP_REPORT_LIMITS, buildGapReportPdf, buildSoaPdf } from '@/reports/gapReportPdf'
import {
  GAP_REPORT_CHAPTERS,
  SCOPING_SECTION_TITLE,
  type ReportMeta,
  type ReportWorkspace,
} from '@/reports/gapReportDocument'
import { MISSING_GLYPH, pdfText, unprintableCharacters } from '@/reports/pdfText'
import { DEFAULT_RISK_CRITERIA, NO_RISK_FILTER, filterRisks } from '@/domain/risk'
import { riskRefs } from '@/domain/wording'
import { inSentence } from '@/components/format'
import { pageCount, pdfPageLines, pdfReadingText, pdfSource, pdfStrings } from './pdfInspect'
import { testFonts } from './testFonts'
import {
  assessmentInput,
  coreControlsExcluded,
  fullyEvidenced,
  halfway,
  type WorkspaceRecords,
} from '../../e2e/support/verdictFixtures'
import { largeWorkspace } from '../../../bench/largeWorkspace'
import {
  CONSULTANT_AGREED_ACTIONS,
  CONSULTANT_NAMES,
  CONSULTANT_WORKSPACE,
  consultantAssessment,
  consultantNote,
} from '../../../bench/consultantWorkspace'
import { MAX_RISKS_PER_WORKSPACE } from '@/domain/limits'
import { reportDetailsOf } from '@/domain/editableFields'
import { newWorkspace } from '@/domain/workspace'
import type { Comparison } from '@/domain/comparison'
import { SNAPSHOT_LABEL, sampleComparison } from './changesFixture'
import { SCOPING_PROFILE, SCOPING_ROWS, UNANSWERED_TOPICS } from './scopingFixture'

const T = '2026-11-20T10:00:00.000Z'
const FONTS = testFonts()

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

/** The gap report of `input` as the Report screen makes it, with the changes chosen if any. */
function report(
  input: AssessmentInput,
  meta: ReportMeta,
  format: 'a4' | 'letter' = 'a4',
  changes: Comparison | null = null,
) {
  return buildGapReportPdf(
    {
      meta,
      readiness: computeReadiness(input),
      gaps: buildGaps(input),
      soa: buildSoa(input),
      improvements: rankImprovements(input, 5),
      answers: input.answers,
      decisions: input.decisions,
      register: [],
      risks: input.risks ?? [],
      criteria: input.workspace?.riskCriteria ?? DEFAULT_RISK_CRITERIA,
      changes,
    },
    FONTS,
    format,
  )
}

/** The report fields of a workspace that has none filled in, as a new one has them. */
const NO_REPORT_FIELDS = reportDetailsOf(newWorkspace('w', 'w', T))

function metaOf(workspace: Partial<ReportWorkspace> & { organizationName: string }): ReportMeta {
  return {
    workspace: {
      sector: '',
      size: '',
      scopeStatement: '',
      assessor: '',
      participants: '',
      targetAuditDate: null,
      ...NO_REPORT_FIELDS,
      ...workspace,
    },
    date: '2026-11-29',
    appVersion: 'test',
  }
}

const META = metaOf({
  organizationName: 'Contoso Health Services',
  scopeStatement: 'Patient portal and its support processes',
  assessor: 'A. Consultant',
})
/** The running header and footer of META's report. */
const FURNITURE = [
  META.workspace.organizationName,
  `Readiness gap report · ${META.date}`,
  'Confidential: prepared for Contoso Health Services. Not to be shared beyond the organization and its advisers.',
]

/** Each test builds and reads whole PDFs (up to a second each here): more than 5 s under load. */
const PDF_TIMEOUT = { timeout: 60_000 }

describe('gap report PDF', PDF_TIMEOUT, () => {
  const pdf = report(fullyAnswered(), META)

  it('is a PDF of several pages, with page numbers, a running header and the confidentiality line', async () => {
    expect(pdfSource(pdf).startsWith('%PDF-')).toBe(true)
    const pages = pageCount(pdf)
    expect(pages).toBeGreaterThan(4)
    const lines = await pdfPageLines(pdf)
    expect(lines[0]).toContain(`Page 1 of ${pages}`)
    // From page 2: organization and title on one line, confidentiality and page on another.
    for (const [i, page] of lines.entries()) {
      if (i === 0) continue
      expect(page[0]).toBe(`${FURNITURE[0]} ${FURNITURE[1]}`)
      expect(page.at(-1)).toBe(`${FURNITURE[2]} Page ${i + 1} of ${pages}`)
    }
  })

  it('holds every chapter, the score, the agreed actions and every one of the 93 controls', async () => {
    const readiness = computeReadiness(fullyAnswered())
    const text = (await pdfStrings(pdf)).join('\n')
    expect(text).toContain(`Stage 1 readiness: ${readiness.score}/100`)
    for (const chapter of GAP_REPORT_CHAPTERS) expect(text).toContain(chapter)
    expect(text).toContain('Finish q-4.1-issues')
    for (const control of ANNEX_A_CONTROLS) {
      expect(text, control.id).toMatch(
        new RegExp(`(^|\\n)A\\.${control.id.replace('.', '\\.')} ${control.title}`),
      )
    }
  })

  it('comes in A4 and US Letter, with the SoA appendix in landscape', () => {
    const a4 = pdfSource(report(fullyAnswered(), META, 'a4'))
    const letter = pdfSource(report(fullyAnswered(), META, 'letter'))
    expect(a4).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/)
    expect(a4).toMatch(/\/MediaBox \[0 0 841\.8\d* 595\.2\d*\]/)
    expect(letter).toMatch(/\/MediaBox \[0 0 612\.? 792\.?\]/)
    expect(letter).toMatch(/\/MediaBox \[0 0 792\.? 612\.?\]/)
  })

  it('prints hostile user text as text: no JavaScript, actions or forms in the file', async () => {
    const hostile = metaOf({
      organizationName: '(evil) Tj /JS (app.alert(1)) /OpenAction << /S /JavaScript >>',
      scopeStatement: '<script>alert(1)</script> javascript:alert(1)',
      consultantSummary: ') Tj ET BT /F1 99 Tf (injected',
    })
    const hostilePdf = report({ answers: [], decisions: [] }, hostile)
    const source = pdfSource(hostilePdf)
    for (const marker of ['/JS', '/JavaScript', '/AA', '/AcroForm', '/Launch', '/URI']) {
      expect(source).not.toContain(marker)
    }
    // jsPDF's only open action is a view destination ("fit the page width"), never a script.
    const openActions = source.match(/\/OpenAction[^\n]*/g) ?? []
    for (const action of openActions) {
      expect(action).toMatch(/^\/OpenAction \[\d+ 0 R \/(FitH|FitV|Fit|XYZ)[^\]]*\]$/)
    }
    const shown = (await pdfStrings(hostilePdf)).join('\n')
    expect(shown).toContain('(evil) Tj /JS (app.alert(1))')
    expect(shown).toContain(') Tj ET BT /F1 99 Tf (injected')
  })
})

describe("a consultant's gap report", PDF_TIMEOUT, () => {
  const input = consultantAssessment()
  const meta: ReportMeta = {
    workspace: CONSULTANT_WORKSPACE,
    date: '2026-12-01',
    appVersion: 'test',
  }
  const pdf = report(input, meta)
  const furniture = [
    CONSULTANT_WORKSPACE.organizationName,
    `Readiness gap report · ${meta.date}`,
    CONSULTANT_WORKSPACE.confidentiality,
  ]

  it('prints names in Latin Extended, Greek and Cyrillic exactly, on the cover and in every header', async () => {
    const pages = await pdfPageLines(pdf)
    const cover = pages[0]?.join('\n') ?? ''
    for (const name of Object.values(CONSULTANT_NAMES)) expect(cover).toContain(name)
    expect(cover).toContain('Νίκος Παπαδόπουλος')
    expect(cover).toContain('Ольга Иванова')
    for (const page of pages.slice(1)) expect(page[0]).toContain(CONSULTANT_NAMES.organization)
    expect(pages.flat().join('\n')).not.toContain('?ukasz')
  })

  it('puts every assessment detail, the version and the confidentiality line on the cover', async () => {
    const cover = (await pdfPageLines(pdf))[0] ?? []
    const w = CONSULTANT_WORKSPACE
    for (const [label, value] of [
      ['Sector', w.sector],
      ['Size', w.size],
      ['Target audit date', w.targetAuditDate],
      ['Document version', w.reportVersion],
      ['Date', meta.date],
    ]) {
      expect(cover).toContain(`${label} ${value}`)
    }
    expect(cover).toContain(w.confidentiality)
  })

  it("prints every note of the workshop, the assessor's summary and the recommendations", async () => {
    const reading = await pdfReadingText(pdf, furniture)
    for (const answer of input.answers) {
      expect(reading, answer.questionId).toContain(consultantNote(answer.questionId))
    }
    for (const part of [
      ...CONSULTANT_WORKSPACE.consultantSummary.split('\n\n'),
      ...CONSULTANT_WORKSPACE.recommendations.split('\n\n'),
    ]) {
      expect(reading).toContain(part)
    }
  })

  it('refers to risks as R-01 … and never by their internal ids', async () => {
    const text = (await pdfStrings(pdf)).join('\n')
    for (const risk of input.risks ?? []) expect(text).not.toContain(risk.id)
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/)
    const refs = riskRefs(input.risks ?? [])
    for (const ref of refs.values()) expect(text).toContain(ref)
  })

  it('lists the agreed actions by priority, each group by due date', async () => {
    const reading = await pdfReadingText(pdf, furniture)
    const gaps = buildGaps(input)
    const agreed = gaps.filter((g) => g.plannedAction !== null)
    expect(agreed).toHaveLength(CONSULTANT_AGREED_ACTIONS)
    const roadmap = reading.slice(
      reading.indexOf('Roadmap'),
      reading.indexOf('Suggested next steps'),
    )
    const blocker = agreed.filter((g) => g.severity === 'blocker')
    const positions = [...blocker]
      .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))
      .map((g) => roadmap.indexOf(g.plannedAction ?? ''))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('says each generic next step once, not once per finding', async () => {
    const reading = await pdfReadingText(pdf, furniture)
    expect(
      occurrences(
        reading,
        'Decide who puts this in place and by when, then start with the evidence an auditor expects.',
      ),
    ).toBe(1)
  })

  it('breaks no word of the SoA table, its headers included', async () => {
    const lines = (await pdfStrings(pdf)).join('\n')
    for (const header of [
      'Control',
      'Decision',
      'Justification',
      'Implementation',
      'Owner',
      'Evidence',
      'Risks',
    ]) {
      expect(lines).toMatch(new RegExp(`(^|\\n)${header}(\\n|$)`))
    }
    for (const owner of ['Νίκος', 'Παπαδόπουλος', 'Ольга', 'Иванова', 'Nováková']) {
      expect(lines).not.toMatch(new RegExp(`(^|\\n)${owner.slice(0, 4)}\\n${owner.slice(4)}`))
    }
  })

  it('stays within its page budget', () => {
    // 22 pages today, with every note, observation, agreed action, heat map, the SoA in
    // landscape, and the audit evidence checklist's chapter (two pages here: with no register
    // given, its 50 rows not ready each name a missing document or evidence). The report before
    // printed 20 pages for this workspace with none of its 120 notes, no roadmap, no heat map
    // and no checklist: this keeps the added content from costing more pages.
    expect(pageCount(pdf)).toBeLessThanOrEqual(22)
  })
})

describe('SoA PDF', PDF_TIMEOUT, () => {
  it('lists all 93 controls in landscape, with version, owner and approval', async () => {
    const input = consultantAssessment()
    const meta: ReportMeta = {
      workspace: CONSULTANT_WORKSPACE,
      date: '2026-12-01',
      appVersion: 'test',
    }
    const pdf = buildSoaPdf({ meta, soa: buildSoa(input), risks: input.risks ?? [] }, FONTS)
    const text = (await pdfPageLines(pdf)).flat().join('\n')
    expect(text).toContain(CONSULTANT_NAMES.organization)
    expect(text).toContain('SoA version 0.4')
    expect(text).toContain('Approved Jana Nováková, 2026-11-25')
    expect(text).toContain('New in 2022')
    for (const control of ANNEX_A_CONTROLS) expect(text).toContain(`A.${control.id}`)
    expect(pdfSource(pdf)).toMatch(/\/MediaBox \[0 0 841\.8\d* 595\.2\d*\]/)
  })

  it('calls itself a draft until someone approved it', async () => {
    const pdf = buildSoaPdf({ meta: META, soa: buildSoa(fullyAnswered()), risks: [] }, FONTS)
    const text = (await pdfStrings(pdf)).join('\n')
    expect(text).toContain('Statement of Applicability (draft)')
    expect(text).toContain('Not approved yet: this is a draft')
  })
})

describe('pdfText', () => {
  it('keeps Latin, Greek and Cyrillic, and marks what the font cannot draw', () => {
    expect(pdfText('Müller & Söhne – “Café” → ≤ ✓')).toBe('Müller & Söhne – “Café” → ≤ ✓')
    expect(pdfText('Łukasz Dvořák, Ελληνικά, Москва')).toBe('Łukasz Dvořák, Ελληνικά, Москва')
    expect(pdfText('東京 🙂')).toBe(`${MISSING_GLYPH}${MISSING_GLYPH} ${MISSING_GLYPH}`)
    expect(pdfText('a\tb\u0007c')).toBe('a b c')
  })

  it('names the characters that will not print, once each', () => {
    expect(unprintableCharacters(['Acme 東京', '東 Москва', 'ok'])).toEqual(['東', '京'])
  })
})

describe('gap report PDF with a risk register', PDF_TIMEOUT, () => {
  it('prints the risk criteria, the register and the traceability findings', async () => {
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
    const pdf = report(input, META)
    const reading = await pdfReadingText(pdf, FURNITURE)
    expect(reading).toContain('Risk register (1)')
    expect(reading).toContain(
      `acceptance criteria up to level ${DEFAULT_RISK_CRITERIA.acceptanceThreshold}`,
    )
    expect(reading).toContain('Almost certain')
    expect(reading).toContain('R-01 Ransomware encrypts the file server')
    expect(reading).toContain('20 High')
    expect(reading).toMatch(/Traceability findings \([1-9]\d*\)/)
  })
})

/** The gap report of a built workspace, with its risk register, as the Report screen makes it. */
async function reportOf(records: WorkspaceRecords) {
  const input = assessmentInput(records)
  const readiness = computeReadiness(input)
  const meta = metaOf({ organizationName: records.workspace.organizationName })
  const pdf = buildGapReportPdf(
    {
      meta,
      readiness,
      gaps: buildGaps(input),
      soa: buildSoa(input),
      improvements: rankImprovements(input, 5),
      answers: input.answers,
      decisions: input.decisions,
      register: [],
      risks: records.risks,
      criteria: DEFAULT_RISK_CRITERIA,
    },
    FONTS,
  )
  const reading = await pdfReadingText(pdf, [
    meta.workspace.organizationName,
    `Readiness gap report · ${meta.date}`,
  ])
  return { readiness, reading, strings: await pdfStrings(pdf) }
}

const occurrences = (text: string, part: string) => text.split(part).length - 1

describe('gap report PDF executive summary', PDF_TIMEOUT, () => {
  it('prints the verdict the Overview shows: score, band, cap and the four parts', async () => {
    const { readiness, reading, strings } = await reportOf(halfway())
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

  it('prints the stage expectation once and every blocker with its cap, text and reasons', async () => {
    const { readiness, reading } = await reportOf(halfway())
    expect(occurrences(reading, STAGE_EXPECTATION)).toBe(1)
    expect(reading).toContain(`Blockers (${readiness.blockers.length})`)
    expect(readiness.blockers.map((b) => b.title)).toEqual(
      expect.arrayContaining([
        'Scope of the ISMS',
        'Risk treatment plan approved, residual risks accepted',
        'Complete Statement of Applicability',
      ]),
    )
    let last = -1
    for (const blocker of readiness.blockers) {
      const line = `${blocker.title} (${blocker.clauseRef}): caps the verdict at ${bandLabel(blocker.cap)} ${blocker.text}`
      const at = reading.indexOf(line, last + 1)
      expect(at, line).toBeGreaterThan(last)
      let reasonAt = at
      for (const reason of blocker.reasons) {
        reasonAt = reading.indexOf(reason, reasonAt)
        expect(reasonAt, reason).toBeGreaterThan(at)
      }
      last = at
    }
  })

  it('prints where the answers and the records disagree, each finding with its text', async () => {
    const { readiness, reading } = await reportOf(coreControlsExcluded())
    const kinds = readiness.findings.map((f) => f.kind)
    expect(kinds).toContain('contradiction')
    expect(kinds.filter((k) => k === 'indefensible-exclusion')).toHaveLength(6)
    expect(reading).toContain(
      `Where the answers and the records disagree (${readiness.findings.length})`,
    )
    for (const finding of readiness.findings) expect(reading).toContain(finding.text)
    expect(reading).toContain('Control 8.13 Information backup is excluded')
  })

  it('says "No blockers" and prints no findings for a fully evidenced assessment', async () => {
    const { readiness, reading } = await reportOf(fullyEvidenced())
    expect(readiness.band).toBe('ready')
    expect(reading).toContain(`Stage 1 readiness: ${readiness.score}/100, ready for Stage 1.`)
    expect(reading).toContain('Blockers (0)')
    expect(reading).toContain('No blockers:')
    expect(occurrences(reading, STAGE_EXPECTATION)).toBe(1)
    expect(reading).not.toContain('caps the verdict at')
    expect(reading).not.toContain('Where the answers and the records disagree')
  })
})

/** The gap report of a large bench workspace, as the Report screen makes it. */
async function largeReport(riskCount: number) {
  const input = largeWorkspace(riskCount)
  const risks = input.risks ?? []
  const gaps = buildGaps(input)
  const pdf = report(input, META)
  const reading = await pdfReadingText(pdf, FURNITURE)
  const refs = riskRefs(risks)
  // The register's rows start with the risk's readable reference, then its title.
  const strings = await pdfStrings(pdf)
  const register = strings.slice(
    strings.findIndex((line) => line.startsWith('Risk register (')),
    strings.findIndex((line) => line.startsWith('Traceability findings (')),
  )
  const registerRows = register.filter((line) => /^R-\d+$/.test(line))
  const titles = new Map(risks.map((r) => [r.id, r.title]))
  const quoted = (id: string) => reading.includes(`"${titles.get(id) ?? id}"`)
  return { risks, refs, titles, gaps, pdf, reading, registerRows, quoted }
}

/** The ids of the risks that some of `gaps` are on. */
const riskIdsOf = (gaps: readonly Gap[]) =>
  new Set(gaps.flatMap((g) => (g.riskId === null ? [] : [g.riskId])))

describe('gap report PDF of a large risk register', () => {
  const { risksInFull } = GAP_REPORT_LIMITS
  const count = (n: number) => n.toLocaleString('en')

  it(`leaves nothing out up to ${GAP_REPORT_LIMITS.risksInFull} risks`, PDF_TIMEOUT, async () => {
    const { risks, gaps, reading, registerRows, quoted } = await largeReport(risksInFull)
    expect(reading).toContain(`Risk register (${risks.length})`)
    expect(registerRows).toHaveLength(risks.length)
    const withFindings = riskIdsOf(gaps)
    expect(withFindings.size).toBeGreaterThan(0)
    for (const id of withFindings) expect(quoted(id), id).toBe(true)
    expect(reading).not.toMatch(/highest-rated|more risks|more findings/)
  })

  it(
    `lists the ${GAP_REPORT_LIMITS.risksInFull} highest-rated of ${count(MAX_RISKS_PER_WORKSPACE)} risks, says how many more there are and stays within 100 pages`,
    { timeout: 120_000 },
    async () => {
      const { risks, refs, titles, gaps, pdf, reading, registerRows, quoted } =
        await largeReport(MAX_RISKS_PER_WORKSPACE)
      const omitted = risks.length - risksInFull
      expect(reading).toContain(`Risk register (${count(MAX_RISKS_PER_WORKSPACE)})`)
      expect(reading).toContain(
        `The ${risksInFull} highest-rated of the ${count(MAX_RISKS_PER_WORKSPACE)} risks are listed here`,
      )
      expect(registerRows).toHaveLength(risksInFull)
      expect(reading).toContain(
        `And ${count(omitted)} more risks, listed in full on the Risks screen of the app and in the assessment's backup file.`,
      )

      // The register lists the highest-rated risks, in the order of the Risks screen.
      const order = filterRisks(risks, NO_RISK_FILTER, DEFAULT_RISK_CRITERIA)
      const listed = new Set(order.slice(0, risksInFull).map((r) => r.id))
      const [highest, lowest] = [order[0], order.at(-1)]
      expect(registerRows[0]).toBe(refs.get(highest?.id ?? ''))
      expect(reading).toContain(`${refs.get(highest?.id ?? '')} ${highest?.title}`)
      expect(reading).not.toContain(`${refs.get(lowest?.id ?? '')} ${lowest?.title}`)

      // Findings on the listed risks are printed, those on the others counted.
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

      // What the content bounds is printed whole: the clause findings, the SoA's 93 controls.
      const clauseGaps = gaps.filter((g) => g.questionId !== null).length
      expect(reading).toContain(`Findings by clause (${clauseGaps})`)
      const lines = (await pdfStrings(pdf)).join('\n')
      for (const control of ANNEX_A_CONTROLS) {
        expect(lines, control.id).toContain(`A.${control.id}`)
      }
      expect(pageCount(pdf)).toBeLessThanOrEqual(100)
    },
  )
})

describe('gap report PDF with the changes since a snapshot', PDF_TIMEOUT, () => {
  const changes = sampleComparison()
  const withChanges = report(fullyAnswered(), META, 'a4', changes)
  const title = `Changes since ${SNAPSHOT_LABEL}`

  it('prints the chapter right after the executive summary, before the roadmap', async () => {
    const text = await pdfReadingText(withChanges, FURNITURE)
    const at = (s: string) => text.indexOf(s)
    expect(at(title)).toBeGreaterThan(at('Conformance per clause'))
    expect(at(title)).toBeLessThan(at(GAP_REPORT_CHAPTERS[1]))
    expect(text).toContain(
      'Since then, Stage 1 readiness rose from 38/100 to 52/100 (+14 points), and the verdict rose from not ready to partly ready.',
    )
    expect(text).toContain('2 answers, 2 decisions and 4 risks changed.')
  })

  it('prints every group with its count and every item of it', async () => {
    const text = await pdfReadingText(withChanges, FURNITURE)
    for (const heading of [
      'Blockers lifted (1)',
      'Blockers added (1)',
      'Answers changed (2)',
      'Decisions changed (2)',
      'Risks changed (4)',
      'Actions completed (1)',
      'Actions overdue (1)',
    ]) {
      expect(text).toContain(heading)
    }
    for (const cell of [
      'Not started → In place',
      'Undecided → Applicable, partly implemented',
      'Level 12 → 20',
      'Ransomware',
      'Phishing',
      'Write down the issues',
      'List the interested parties',
      ...changes.blockersLifted.map((b) => b.title),
    ]) {
      expect(text, cell).toContain(cell)
    }
  })

  it('prints no such chapter without a comparison', async () => {
    const text = await pdfReadingText(report(fullyAnswered(), META), FURNITURE)
    expect(text).not.toContain('Changes since')
  })
})

describe('gap report PDF with the scoping interview', PDF_TIMEOUT, () => {
  const scoped = report(fullyAnswered(), metaOf({ ...META.workspace, scoping: SCOPING_PROFILE }))

  it('prints the answers in the executive summary, one row per question answered, in order', async () => {
    const text = await pdfReadingText(scoped, FURNITURE)
    const start = text.indexOf(SCOPING_SECTION_TITLE)
    expect(start).toBeGreaterThan(text.indexOf(GAP_REPORT_CHAPTERS[0]))
    const section = text.slice(start, text.indexOf('Blockers (', start))
    expect(section).toContain('Topic Answer')
    let at = 0
    for (const [topic, answer] of SCOPING_ROWS) {
      const row = section.indexOf(`${topic} ${answer}`, at)
      expect(row, topic).toBeGreaterThan(at)
      at = row
    }
    for (const topic of UNANSWERED_TOPICS) expect(section).not.toContain(topic)
  })

  it('prints no such section without an interview', async () => {
    const text = await pdfReadingText(report(fullyAnswered(), META), FURNITURE)
    expect(text).not.toContain(SCOPING_SECTION_TITLE)
    expect(text).not.toContain('provided by Regus Praha')
  })
})

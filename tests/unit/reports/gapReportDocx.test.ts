// @vitest-environment node
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { cellText, type Block, type ReportDocument } from '@/reports/document'
import { buildReportDocx, columnWidths, xmlSafe } from '@/reports/gapReportDocx'
import {
  SCOPE_SECTION_TITLE,
  SCOPING_SECTION_TITLE,
  buildGapReportDocument,
} from '@/reports/gapReportDocument'
import type { Comparison } from '@/domain/comparison'
import type { ScopingProfile } from '@/domain/model'
import { buildGaps } from '@/domain/gaps'
import { computeReadiness } from '@/domain/readiness'
import { buildSoa } from '@/domain/soa'
import { CONSULTANT_WORKSPACE } from '../../../bench/consultantWorkspace'
import { makeInput } from '../domain/builders'
import { HOSTILE_NOTE, SNAPSHOT_LABEL, sampleComparison } from './changesFixture'
import { SCOPING_PROFILE, SCOPING_ROWS } from './scopingFixture'
import { registerOf } from '@/domain/register'
import { CHECKLIST_TITLE } from '@/reports/checklistSection'
import { applicable } from '../domain/builders'

/**
 * A hand-made report holding every kind of block, with names in Czech, Polish, Greek and Russian
 * and hostile text in a cell. Set DOCX_CHECK_DIR to write the files it builds there (to open
 * them in Word or convert them with LibreOffice).
 */
const HOSTILE = 'A & B <w:p><w:r><w:t>injected</w:t></w:r></w:p> ]]> "quoted" \u0001end'

const SOA_ROWS = Array.from({ length: 40 }, (_, i) => [
  [{ text: `A.5.${i + 1}`, style: 'strong' as const }, { text: `Control title number ${i + 1}` }],
  i % 5 === 0 ? 'Excluded' : 'Applicable',
  [
    { text: 'Risk assessment; legal requirement' },
    {
      text: `Justification for control ${i + 1}, written by the assessor at some length.`,
      style: 'muted' as const,
    },
  ],
  i % 3 === 0 ? '' : 'Implemented',
  i % 4 === 0 ? '' : 'IT lead',
  i % 2 === 0 ? 'Procedure P-1; Policy ISP-2' : '',
])

function fixture(): ReportDocument {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Executive summary' },
    {
      kind: 'paragraph',
      style: 'lead',
      text: 'Stage 1 readiness: 62/100, partly ready for Stage 1.',
    },
    { kind: 'paragraph', text: 'Ελληνικά: η αξιολόγηση καλύπτει την πύλη ασθενών.' },
    { kind: 'paragraph', style: 'muted', text: 'Scores are rounded.\nA second line of the note.' },
    { kind: 'heading', level: 2, text: 'What blocks Stage 1' },
    {
      kind: 'list',
      items: [
        {
          head: 'Risk assessment (6.1.2) — caps at Not ready:',
          text: 'no risk has been assessed yet.',
          details: ['Assess the risks of the patient portal.', 'Owner: Łukasz Dvořák'],
        },
        { text: 'The internal audit programme is not planned.' },
        { head: 'Management review (9.3):', text: 'not held.' },
      ],
    },
    { kind: 'heading', level: 3, text: 'Conformance by clause' },
    {
      kind: 'bar-chart',
      summary: 'Conformance per clause',
      bars: [
        { label: 'Clause 4', value: 0.8 },
        { label: 'Clause 5', value: 0.55 },
        { label: 'Clause 6', value: 0 },
        { label: 'Clause 7', value: 1 },
        { label: 'Clause 8', value: 0.333 },
      ],
    },
    { kind: 'heading', level: 2, text: 'Findings by clause' },
    {
      kind: 'table',
      summary: 'Findings',
      columns: [
        { header: 'Requirement', width: 0.3 },
        { header: 'Finding', width: 0.45 },
        { header: 'Severity', width: 0.1, minWidth: 50 },
        { header: 'Due', width: 0.15, align: 'right' },
      ],
      rows: [
        [
          '4.1 Context',
          [
            { text: 'Not documented', style: 'strong' },
            { text: 'Observed in the interview', style: 'muted' },
          ],
          'Major',
          '2027-02-01',
        ],
        ['5.2 Policy', 'Москва office has its own policy', 'Minor', ''],
        ['6.1.3 Treatment', HOSTILE, 'Major', '2027-03-15'],
      ],
    },
    { kind: 'heading', level: 2, text: 'Risk heat map' },
    {
      kind: 'heat-map',
      title: 'Before treatment',
      summary: 'Risks by likelihood and impact',
      likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
      impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
      rows: [5, 4, 3, 2, 1].map((l) =>
        [1, 2, 3, 4, 5].map((i) => ({
          count: (l * i) % 4,
          band:
            l * i <= 4 ? ('low' as const) : l * i > 15 ? ('high' as const) : ('medium' as const),
        })),
      ),
    },
    { kind: 'page-break', orientation: 'landscape' },
    { kind: 'heading', level: 1, text: 'Appendix: Statement of Applicability' },
    {
      kind: 'table',
      summary: 'Statement of Applicability',
      dense: true,
      columns: [
        { header: 'Control', width: 0.22 },
        { header: 'Applicability', width: 0.1 },
        { header: 'Reasons and justification', width: 0.3 },
        { header: 'Implementation', width: 0.12 },
        { header: 'Owner', width: 0.1 },
        { header: 'Evidence', width: 0.16 },
      ],
      rows: SOA_ROWS,
    },
    { kind: 'page-break', orientation: 'portrait' },
    { kind: 'heading', level: 1, text: 'About this report' },
    { kind: 'paragraph', text: 'Prepared with ISMS Readiness.' },
  ]
  return {
    title: 'Readiness gap report',
    organization: 'Čistá Voda s.r.o.',
    date: '2026-11-29',
    cover: {
      title: 'Readiness gap report',
      subtitle: 'ISO/IEC 27001:2022',
      facts: [
        { label: 'Organization', value: 'Čistá Voda s.r.o.' },
        { label: 'Scope', value: 'Water treatment control systems and their support' },
        { label: 'Assessor', value: 'Łukasz Dvořák' },
        { label: 'Date', value: '2026-11-29' },
        { label: 'Certification body', value: '' },
      ],
      verdict: { score: 'Stage 1 readiness: 62/100', band: 'Partly ready' },
      confidentiality: 'Confidential — prepared for Čistá Voda s.r.o.',
      disclaimer:
        'This report is a readiness self-assessment, not a certification audit. It does not replace the judgement of an accredited certification body.',
    },
    blocks,
  }
}

async function unzip(buffer: ArrayBuffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer)
  const parts: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name)
    if (file) parts[name] = await file.async('string')
  }
  return parts
}

const parser = new new Window().DOMParser()
function parse(xml: string) {
  const dom = parser.parseFromString(xml, 'application/xml')
  expect(dom.getElementsByTagName('parsererror').length, 'well-formed XML').toBe(0)
  return dom
}

/** The text of each paragraph (w:p) of a part, with its paragraph style. */
function paragraphs(xml: string): { style: string; text: string }[] {
  return [...parse(xml).getElementsByTagName('w:p')].map((p) => ({
    style: p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') ?? '',
    text: [...p.getElementsByTagName('w:t')].map((t) => t.textContent).join(''),
  }))
}

/** Text as the XML escapes it. */
const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

describe('report DOCX', { timeout: 30_000 }, () => {
  const doc = fixture()
  const built = Promise.all([
    buildReportDocx(doc, { pageFormat: 'a4' }),
    buildReportDocx(doc, { pageFormat: 'letter' }),
  ]).then(async ([a4, letter]) => {
    const dir = process.env.DOCX_CHECK_DIR
    if (dir) {
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'report-a4.docx'), new Uint8Array(a4))
      writeFileSync(join(dir, 'report-letter.docx'), new Uint8Array(letter))
    }
    return { a4: await unzip(a4), letter: await unzip(letter), size: a4.byteLength }
  })

  it('is a zip holding a Word document, its styles and numbering', async () => {
    const { a4, size } = await built
    expect(size).toBeGreaterThan(1000)
    for (const part of [
      '[Content_Types].xml',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
    ]) {
      expect(Object.keys(a4)).toContain(part)
    }
    for (const [name, xml] of Object.entries(a4)) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) parse(xml)
    }
  })

  it('holds the cover: title, subtitle, every fact, the verdict and the confidentiality line', async () => {
    const text = paragraphs((await built).a4['word/document.xml']!).map((p) => p.text)
    for (const expected of [
      'Readiness gap report',
      'ISO/IEC 27001:2022',
      'Assessor',
      'Łukasz Dvořák',
      'Čistá Voda s.r.o.',
      'Stage 1 readiness: 62/100',
      'Partly ready',
      'Confidential — prepared for Čistá Voda s.r.o.',
    ]) {
      expect(text).toContain(expected)
    }
    // An empty fact prints the "not recorded" dash.
    const xml = (await built).a4['word/document.xml']!
    expect(xml).toMatch(/Certification body<\/w:t>.*?<w:t xml:space="preserve">—<\/w:t>/s)
  })

  it('prints every heading as a Word heading of its level', async () => {
    const ps = paragraphs((await built).a4['word/document.xml']!)
    for (const block of doc.blocks) {
      if (block.kind !== 'heading') continue
      expect(ps, block.text).toContainEqual({ style: `Heading${block.level}`, text: block.text })
    }
    expect(ps).toContainEqual({ style: 'Title', text: 'Readiness gap report' })
    const styles = (await built).a4['word/styles.xml']!
    expect(styles).toMatch(/w:styleId="Heading1".*?<w:outlineLvl w:val="0"\/>/s)
  })

  it('prints paragraphs in their styles and lists as bullets', async () => {
    const { a4 } = await built
    const ps = paragraphs(a4['word/document.xml']!)
    expect(ps).toContainEqual({
      style: 'Lead',
      text: 'Stage 1 readiness: 62/100, partly ready for Stage 1.',
    })
    expect(ps).toContainEqual({
      style: '',
      text: 'Ελληνικά: η αξιολόγηση καλύπτει την πύλη ασθενών.',
    })
    expect(ps).toContainEqual({
      style: 'Muted',
      text: 'Scores are rounded.A second line of the note.',
    })
    expect(a4['word/document.xml']).toMatch(/Scores are rounded\.<\/w:t><\/w:r><w:r>.*?<w:br\/>/s)
    expect(ps).toContainEqual({ style: 'ListDetail', text: 'Owner: Łukasz Dvořák' })
    const item = ps.find((p) => p.text.startsWith('Risk assessment (6.1.2)'))
    expect(item?.text).toBe(
      'Risk assessment (6.1.2) — caps at Not ready: no risk has been assessed yet.',
    )
    expect(a4['word/numbering.xml']).toContain('w:val="bullet"')
    expect(a4['word/document.xml']!.match(/<w:numPr>/g)?.length).toBe(3)
  })

  it('holds every table cell, an empty one as a dash, header rows repeated, rows unsplit', async () => {
    const xml = (await built).a4['word/document.xml']!
    const texts = paragraphs(xml).map((p) => p.text)
    for (const block of doc.blocks) {
      if (block.kind !== 'table') continue
      for (const column of block.columns) expect(texts).toContain(column.header)
      for (const row of block.rows) {
        for (const cell of row) {
          const lines = typeof cell === 'string' ? [cell] : cell.map((l) => l.text)
          for (const line of lines) {
            if (line !== '' && line !== HOSTILE) expect(texts, cellText(cell)).toContain(line)
          }
        }
      }
    }
    expect(texts).toContain('Москва office has its own policy')
    expect(texts.filter((t) => t === '—').length).toBeGreaterThan(10)
    const tables = parse(xml).getElementsByTagName('w:tbl')
    const register = [...tables].find((t) => t.textContent?.includes('Reasons and justification'))!
    const rows = [...register.getElementsByTagName('w:tr')].filter(
      (tr) => tr.parentNode === register,
    )
    expect(rows).toHaveLength(SOA_ROWS.length + 1)
    expect(rows[0]!.getElementsByTagName('w:tblHeader')).toHaveLength(1)
    expect(rows.every((tr) => tr.getElementsByTagName('w:cantSplit').length === 1)).toBe(true)
    expect(rows.slice(1).some((tr) => tr.getElementsByTagName('w:tblHeader').length > 0)).toBe(
      false,
    )
  })

  it('sizes table columns from their shares over the page width, wider in landscape', async () => {
    const xml = (await built).a4['word/document.xml']!
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/gs)].map((m) =>
      [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((g) => Number(g[1])),
    )
    const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0)
    // A4: 210 mm less 2 × 2 cm margins; landscape: 297 mm less the same.
    expect(grids.map(sum)).toContain(11906 - 2 * 1134)
    expect(grids.map(sum)).toContain(16838 - 2 * 1134)
    const soa = grids.find((g) => sum(g) === 16838 - 2 * 1134)!
    expect(soa).toHaveLength(6)
    expect(soa[2]! / sum(soa)).toBeCloseTo(0.3, 2)
    // The minimum width: 50 pt is 1000 twips, more than 10 % of the page.
    expect(
      columnWidths(
        [
          { header: 'a', width: 0.9 },
          { header: 'b', width: 0.1, minWidth: 50 },
        ],
        9638,
      ),
    ).toEqual([8638, 1000])
    expect(
      columnWidths(
        [
          { header: 'a', width: 1 },
          { header: 'b', width: 1 },
        ],
        1001,
      ),
    ).toEqual([500, 501])
  })

  it('turns the SoA appendix to landscape in a section of its own, then back', async () => {
    const { a4, letter } = await built
    const sections = [...a4['word/document.xml']!.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0])
    expect(sections).toHaveLength(4)
    expect(sections[0]).toMatch(/w:w="11906" w:h="16838" w:orient="portrait"/)
    expect(sections[2]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/)
    expect(sections[3]).toMatch(/w:orient="portrait"/)
    // The landscape section starts with the appendix heading.
    const xml = a4['word/document.xml']!
    const breakBefore = xml.lastIndexOf(
      '<w:sectPr',
      xml.indexOf('Appendix: Statement of Applicability'),
    )
    expect(xml.slice(breakBefore, xml.indexOf('</w:sectPr>', breakBefore))).toContain(
      'w:orient="portrait"',
    )
    expect(letter['word/document.xml']).toMatch(/w:w="15840" w:h="12240" w:orient="landscape"/)
    expect(letter['word/document.xml']).toMatch(/w:w="12240" w:h="15840" w:orient="portrait"/)
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/)
  })

  it('runs a header and a footer with page numbers on every page but the cover', async () => {
    const { a4 } = await built
    const headers = Object.keys(a4).filter((n) => /^word\/header\d+\.xml$/.test(n))
    const footers = Object.keys(a4).filter((n) => /^word\/footer\d+\.xml$/.test(n))
    const running = headers.filter((n) => a4[n]!.includes('Čistá Voda s.r.o.'))
    // One per section: the cover's second page if it ran on, the body, the appendix, the end.
    expect(running).toHaveLength(4)
    for (const name of running) {
      expect(a4[name]).toContain('Readiness gap report · 2026-11-29')
    }
    const numbered = footers.filter((n) => /PAGE/.test(a4[n]!))
    expect(numbered).toHaveLength(4)
    for (const name of numbered) {
      const text = paragraphs(a4[name]!).map((p) => p.text)
      expect(text).toContain('Confidential — prepared for Čistá Voda s.r.o.')
      expect(a4[name]).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/)
      expect(a4[name]).toMatch(/<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/)
    }
    // The cover: a title page with an empty header and the disclaimer at its foot.
    const xml = a4['word/document.xml']!
    const coverSection = xml.slice(0, xml.indexOf('</w:sectPr>'))
    expect(coverSection).toContain('<w:titlePg/>')
    const firstFooter = /<w:footerReference w:type="first" r:id="(rId\d+)"/.exec(coverSection)![1]
    const target = new RegExp(`Id="${firstFooter}"[^>]*Target="([^"]+)"`).exec(
      a4['word/_rels/document.xml.rels']!,
    )?.[1]
    expect(a4[`word/${target}`]).toContain('This report is a readiness self-assessment')
    const firstHeader = /<w:headerReference w:type="first" r:id="(rId\d+)"/.exec(coverSection)![1]
    const headerTarget = new RegExp(`Id="${firstHeader}"[^>]*Target="([^"]+)"`).exec(
      a4['word/_rels/document.xml.rels']!,
    )?.[1]
    expect(paragraphs(a4[`word/${headerTarget}`]!).map((p) => p.text)).toEqual([''])
  })

  it('prints the bar chart and the heat map as tables of text', async () => {
    const xml = (await built).a4['word/document.xml']!
    const texts = paragraphs(xml).map((p) => p.text)
    for (const label of ['Clause 4', '80%', '55%', '0%', '100%', '33%'])
      expect(texts).toContain(label)
    for (const label of [
      'Before treatment',
      'Impact',
      'Likelihood',
      'Severe',
      'Negligible',
      'Low',
      'High',
    ]) {
      expect(texts.join('\n')).toContain(label)
    }
    expect(texts).toContain('5  Almost certain')
    expect(texts).toContain('1  Rare')
    // The bands' colours, the app's.
    for (const fill of ['D6ECD9', 'FBE6B2', 'F6C6C4']) expect(xml).toContain(`w:fill="${fill}"`)
  })

  it('prints hostile text as text and keeps the XML well-formed', async () => {
    const xml = (await built).a4['word/document.xml']!
    parse(xml)
    expect(xml).toContain(escaped(xmlSafe(HOSTILE)))
    expect(xml).not.toContain('<w:t>injected</w:t>')
    expect(xml).not.toContain('\u0001')
    expect(paragraphs(xml).map((p) => p.text)).toContain(xmlSafe(HOSTILE))
    expect(xmlSafe('a\u0000b\u0008c\u000bd\ud800e\ufffff\tg\u{1f600}')).toBe('abcdef\tg\u{1f600}')
  })

  it('keeps user text out of the file properties', async () => {
    const core = (await built).a4['docProps/core.xml']!
    expect(core).toContain('<dc:title>Readiness gap report</dc:title>')
    expect(core).toContain('<dc:creator>ISMS Readiness</dc:creator>')
    expect(core).not.toContain('Čistá')
    expect(core).not.toContain('Łukasz')
    for (const [name, part] of Object.entries((await built).a4)) {
      if (name.startsWith('docProps/')) expect(part, name).not.toMatch(/Čistá|Łukasz|Dvořák/)
    }
  })

  it('builds a valid file from empty tables, lists and charts, and from long unbroken text', async () => {
    const long = 'https://example.org/' + 'evidence/'.repeat(30)
    const stress: ReportDocument = {
      title: 'Statement of Applicability',
      organization: 'A very long organization name, '.repeat(5).trim(),
      date: '2026-11-29',
      cover: {
        title: 'Statement of Applicability',
        subtitle: 'ISO/IEC 27001:2022',
        facts: [],
        verdict: null,
        confidentiality: '',
        disclaimer: '',
      },
      blocks: [
        { kind: 'page-break', orientation: 'landscape' },
        { kind: 'heading', level: 1, text: 'Register' },
        { kind: 'table', summary: '', columns: [], rows: [] },
        { kind: 'table', summary: '', columns: [{ header: 'Only', width: 1 }], rows: [] },
        { kind: 'list', items: [] },
        { kind: 'bar-chart', summary: '', bars: [{ label: '', value: Number.NaN }] },
        { kind: 'bar-chart', summary: '', bars: [] },
        {
          kind: 'heat-map',
          title: '',
          summary: '',
          likelihoodLabels: [],
          impactLabels: [],
          rows: [],
        },
        {
          kind: 'table',
          summary: '',
          dense: true,
          columns: [
            { header: 'Control', width: 0.2 },
            { header: 'Evidence', width: 0.5 },
            { header: 'Owner', width: 0.3 },
          ],
          rows: Array.from({ length: 150 }, (_, i) => [`A.8.${i}`, long, [] as const]),
        },
        { kind: 'page-break', orientation: 'portrait' },
      ],
    }
    const buffer = await buildReportDocx(stress, { pageFormat: 'letter' })
    const dir = process.env.DOCX_CHECK_DIR
    if (dir) writeFileSync(join(dir, 'stress-letter.docx'), new Uint8Array(buffer))
    const parts = await unzip(buffer)
    for (const [name, xml] of Object.entries(parts)) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) parse(xml)
    }
    const xml = parts['word/document.xml']!
    // Every table has a row; no empty section: the cover's, then the landscape register.
    for (const t of xml.split('<w:tbl>').slice(1)) expect(t).toContain('<w:tr')
    const sizes = [...xml.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0])
    expect(sizes).toHaveLength(2)
    expect(sizes[1]).toContain('w:orient="landscape"')
    expect(paragraphs(xml).map((p) => p.text)).toContain(long)
  })
})

describe('gap report DOCX with the changes since a snapshot', { timeout: 30_000 }, () => {
  const input = makeInput()
  const gapReport = (changes: Comparison | null) =>
    buildGapReportDocument({
      meta: {
        workspace: { ...CONSULTANT_WORKSPACE, consultantSummary: '', recommendations: '' },
        date: '2027-01-15',
        appVersion: 'test',
      },
      readiness: computeReadiness(input),
      gaps: buildGaps(input),
      soa: buildSoa(input),
      improvements: [],
      answers: [],
      decisions: [],
      register: [],
      risks: [],
      changes,
    })
  const changes = sampleComparison()
  const built = (c: Comparison | null) =>
    buildReportDocx(gapReport(c), { pageFormat: 'a4' })
      .then(unzip)
      .then((parts) => parts['word/document.xml']!)

  it('prints the chapter after the executive summary, its groups as Word headings', async () => {
    const ps = paragraphs(await built(changes))
    const at = (text: string) => ps.findIndex((p) => p.text === text)
    const title = `Changes since ${SNAPSHOT_LABEL}`
    expect(ps[at(title)]?.style).toBe('Heading1')
    expect(at(title)).toBeGreaterThan(at('Executive summary'))
    expect(at(title)).toBeLessThan(at('Roadmap'))
    for (const heading of ['Answers changed (2)', 'Decisions changed (2)', 'Risks changed (4)']) {
      expect(ps, heading).toContainEqual({ style: 'Heading2', text: heading })
    }
    expect(ps.map((p) => p.text)).toContain('2 answers, 2 decisions and 4 risks changed.')
  })

  it('holds every item of the comparison in its tables', async () => {
    const xml = await built(changes)
    for (const cell of [
      'Not started → In place',
      escaped(HOSTILE_NOTE),
      'Undecided → Applicable, partly implemented',
      'A.7.4 Physical security monitoring',
      'Level 12 → 20',
      'Changed: owner',
      'Write down the issues',
      'List the interested parties',
    ]) {
      expect(xml, cell).toContain(`>${cell}</w:t>`)
    }
  })

  it('prints no such chapter without a comparison', async () => {
    expect(await built(null)).not.toContain('Changes since')
  })
})

describe('gap report DOCX with the scoping interview', { timeout: 30_000 }, () => {
  const input = makeInput()
  const built = (scoping: ScopingProfile | undefined) =>
    buildReportDocx(
      buildGapReportDocument({
        meta: {
          workspace: { ...CONSULTANT_WORKSPACE, scoping },
          date: '2027-01-15',
          appVersion: 'test',
        },
        readiness: computeReadiness(input),
        gaps: buildGaps(input),
        soa: buildSoa(input),
        improvements: [],
        answers: [],
        decisions: [],
        register: [],
        risks: [],
      }),
      { pageFormat: 'a4' },
    )
      .then(unzip)
      .then((parts) => parts['word/document.xml']!)

  it('prints the answers under their heading in the executive summary, a row per question', async () => {
    const xml = await built(SCOPING_PROFILE)
    const ps = paragraphs(xml)
    const at = (text: string) => ps.findIndex((p) => p.text === text)
    expect(ps[at(SCOPING_SECTION_TITLE)]?.style).toBe('Heading3')
    expect(ps[at(SCOPE_SECTION_TITLE)]?.style).toBe('Heading2')
    expect(at(SCOPE_SECTION_TITLE)).toBeLessThan(at(SCOPING_SECTION_TITLE))
    expect(at(SCOPING_SECTION_TITLE)).toBeGreaterThan(at('Executive summary'))
    expect(at(SCOPING_SECTION_TITLE)).toBeLessThan(at("Assessor's summary"))
    let previous = at(SCOPING_SECTION_TITLE)
    for (const [topic, answer] of SCOPING_ROWS) {
      expect(xml, topic).toContain(`>${topic}</w:t>`)
      expect(xml, answer).toContain(`>${answer}</w:t>`)
      expect(at(topic), topic).toBeGreaterThan(previous)
      expect(at(answer), answer).toBe(at(topic) + 1)
      previous = at(answer)
    }
  })

  it('prints no such section without an interview', async () => {
    expect(await built(undefined)).not.toContain(SCOPING_SECTION_TITLE)
  })
})

describe('gap report DOCX with the audit evidence checklist', { timeout: 30_000 }, () => {
  const decisions = [applicable('5.26', 'implemented', { evidence: ['Incident log Žižkov'] })]
  const input = makeInput({ decisions })
  const register = registerOf(
    [],
    new Map(decisions.map((d) => [d.controlId, d])),
    'ws',
    '2027-01-01T09:00:00.000Z',
  ).entries
  const xml = buildReportDocx(
    buildGapReportDocument({
      meta: { workspace: CONSULTANT_WORKSPACE, date: '2027-01-15', appVersion: 'test' },
      readiness: computeReadiness(input),
      gaps: buildGaps(input),
      soa: buildSoa(input),
      improvements: [],
      answers: [],
      decisions,
      register,
      risks: [],
    }),
    { pageFormat: 'a4' },
  )
    .then(unzip)
    .then((parts) => parts['word/document.xml']!)

  it('prints the chapter before the SoA appendix, with the rows still missing something', async () => {
    const ps = paragraphs(await xml)
    const at = (text: string) => ps.findIndex((p) => p.text === text)
    expect(ps[at(CHECKLIST_TITLE)]?.style).toBe('Heading1')
    expect(at(CHECKLIST_TITLE)).toBeGreaterThan(at('Risks and traceability'))
    expect(at(CHECKLIST_TITLE)).toBeLessThan(at('Appendix: Statement of Applicability'))
    // Every row is missing something here: 30 sub-clauses and 93 controls, none excluded.
    expect(ps).toContainEqual({ style: 'Heading2', text: 'Still missing something (123)' })
    const text = ps.map((p) => p.text)
    expect(text).toContain(
      'Incident response procedure: missing. Write it, or record in the register where it is kept.',
    )
    expect(text).toContain('No evidence reference recorded on the answers of this clause.')
  })
})

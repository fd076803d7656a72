import { describe, expect, it } from 'vitest'
import { CHANGES_HEADER, buildChangesCsv, changeRows } from '@/reports/changesTable'
import { parseCsv } from './csvParse'
import {
  AUDIT,
  COMPLETED,
  GREEK_NOTE,
  HOSTILE_NOTE,
  NOTED,
  OVERDUE,
  SCOPE,
  oneNoteComparison,
  sampleComparison,
  unchangedComparison,
} from './changesFixture'

describe('the changes as rows', () => {
  const rows = changeRows(sampleComparison())

  it('writes one row per change: group, reference, item, before, after, details', () => {
    expect(CHANGES_HEADER).toEqual(['Group', 'Reference', 'Item', 'Before', 'After', 'Details'])
    expect(rows).toEqual([
      ['Score', '', 'Stage 1 readiness', '38/100', '52/100', 'Up 14 points'],
      ['Verdict', '', 'Band', 'Not ready', 'Partly ready', ''],
      ['Score part', '', 'Clauses 4 to 10', '20.5 points', '27 points', 'Up 6.5 points'],
      ['Score part', '', 'Risk register', '8 points', '10 points', 'Up 2 points'],
      ['Score part', '', 'Statement of Applicability', '6 points', '9 points', 'Up 3 points'],
      ['Score part', '', 'Annex A controls implemented', '3.5 points', '6 points', 'Up 2.5 points'],
      ['Blocker lifted', '', SCOPE.title, 'Blocking', 'Lifted', ''],
      ['Blocker added', '', AUDIT.title, '', 'Blocking', ''],
      [
        'Answer',
        `Clause ${COMPLETED.clause}`,
        COMPLETED.text,
        'Not started',
        'In place',
        HOSTILE_NOTE,
      ],
      ['Answer', `Clause ${NOTED.clause}`, NOTED.text, 'Partly', 'Partly', GREEK_NOTE],
      [
        'Decision',
        'A.5.1',
        'Policies for information security',
        'Undecided',
        'Applicable, partly implemented',
        'Required by the risk assessment',
      ],
      [
        'Decision',
        'A.7.4',
        'Physical security monitoring',
        'Excluded',
        'Excluded',
        'No premises of our own; the landlord monitors the building.',
      ],
      ['Risk added', 'R-03', 'Ransomware', '', '', 'Level 12, residual 4'],
      ['Risk removed', 'R-02', 'Phishing', '', '', 'Level 12, residual 4'],
      ['Risk re-rated', 'R-01', 'Laptop theft', '', '', 'Level 12 → 20'],
      ['Risk edited', 'R-02', 'Supplier outage', '', '', 'Changed: owner'],
      [
        'Action completed',
        `Clause ${COMPLETED.clause}`,
        'Write down the issues',
        '',
        '',
        'Owner: Dana Novák, due 2026-11-30',
      ],
      [
        'Action overdue',
        `Clause ${OVERDUE.clause}`,
        'List the interested parties',
        '',
        '',
        'Owner: Ana, due 2026-12-15',
      ],
    ])
  })

  it('writes only the note that changed when nothing else did', () => {
    expect(changeRows(oneNoteComparison())).toEqual([
      ['Answer', `Clause ${NOTED.clause}`, NOTED.text, 'Partly', 'Partly', GREEK_NOTE],
    ])
    expect(changeRows(unchangedComparison())).toEqual([])
  })
})

describe('the changes CSV', () => {
  const csv = buildChangesCsv(sampleComparison())

  it('follows the CSV rules of the SoA: byte-order mark, header, CRLF, one row per change', () => {
    expect(csv.startsWith('\uFEFFGroup,Reference,Item,Before,After,Details\r\n')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const parsed = parseCsv(csv.slice(1))
    expect(parsed[0]).toEqual([...CHANGES_HEADER])
    expect(parsed).toHaveLength(changeRows(sampleComparison()).length + 1)
    expect(csv).toContain(GREEK_NOTE)
  })

  it('guards user text a spreadsheet would run as a formula', () => {
    const parsed = parseCsv(csv.slice(1))
    const answer = parsed.find((row) => row[0] === 'Answer' && row[4] === 'In place')
    expect(answer?.[5]).toBe(`'${HOSTILE_NOTE}`)
  })
})

import { describe, expect, it } from 'vitest'
import { cellText, type Block, type TableBlock } from '@/reports/document'
import { changesBlocks } from '@/reports/changesSection'
import {
  AUDIT,
  COMPLETED,
  GREEK_NOTE,
  HOSTILE_NOTE,
  NOTED,
  OVERDUE,
  SCOPE,
  SNAPSHOT_LABEL,
  oneNoteComparison,
  sampleComparison,
  unchangedComparison,
} from './changesFixture'

const headings = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.level} ${b.text}`] : []))
const paragraphs = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))

/** The rows of the table right after the heading that starts with `title`, as text. */
function tableAfter(blocks: readonly Block[], title: string): string[][] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith(title))
  const table = blocks.slice(start).find((b): b is TableBlock => b.kind === 'table')
  return (table?.rows ?? []).map((row) => row.map(cellText))
}

describe('the changes chapter', () => {
  const blocks = changesBlocks(sampleComparison())

  it('opens with the snapshot, the score and verdict before and after, and the summary', () => {
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      text: `Changes since ${SNAPSHOT_LABEL}`,
    })
    expect(paragraphs(blocks).slice(0, 2)).toEqual([
      'Since then, Stage 1 readiness rose from 38/100 to 52/100 (+14 points), and the verdict rose from not ready to partly ready.',
      '2 answers, 2 decisions and 4 risks changed.',
    ])
  })

  it('groups the changes in order, each heading with its count', () => {
    expect(headings(blocks)).toEqual([
      `1 Changes since ${SNAPSHOT_LABEL}`,
      '2 Points per part of the score',
      '2 Blockers lifted (1)',
      '2 Blockers added (1)',
      '2 Answers changed (2)',
      '2 Decisions changed (2)',
      '2 Risks changed (4)',
      '2 Actions completed (1)',
      '2 Actions overdue (1)',
    ])
    const lists = blocks.flatMap((b) => (b.kind === 'list' ? [b.items.map((i) => i.text)] : []))
    expect(lists).toEqual([[SCOPE.title], [AUDIT.title]])
  })

  it('lists each answer with its clause, question, status before and after, and note', () => {
    expect(tableAfter(blocks, 'Answers changed')).toEqual([
      [COMPLETED.clause, COMPLETED.text, 'Not started → In place', HOSTILE_NOTE],
      [NOTED.clause, NOTED.text, 'Partly\nNote, evidence or action edited', GREEK_NOTE],
    ])
  })

  it('lists each decision with its control, before and after, and justification', () => {
    expect(tableAfter(blocks, 'Decisions changed')).toEqual([
      [
        'A.5.1 Policies for information security',
        'Undecided → Applicable, partly implemented',
        'Required by the risk assessment',
      ],
      [
        'A.7.4 Physical security monitoring',
        'Excluded\nJustification edited',
        'No premises of our own; the landlord monitors the building.',
      ],
    ])
  })

  it('lists the risks added, removed, re-rated and edited by reference, and explains the old references', () => {
    expect(tableAfter(blocks, 'Risks changed')).toEqual([
      ['R-03', 'Ransomware', 'Added', 'Level 12, residual 4'],
      ['R-02', 'Phishing', 'Removed', 'Level 12, residual 4'],
      ['R-01', 'Laptop theft', 'Re-rated', 'Level 12 → 20'],
      ['R-02', 'Supplier outage', 'Edited', 'Changed: owner'],
    ])
    expect(paragraphs(blocks).join('\n')).toContain(
      'Removed risks are given the references they had in Workshop 1 · 2026-11-03',
    )
  })

  it('lists the actions completed and overdue with their owner and due date', () => {
    expect(tableAfter(blocks, 'Actions completed')).toEqual([
      [COMPLETED.clause, `Write down the issues\n${COMPLETED.text}`, 'Dana Novák', '2026-11-30'],
    ])
    expect(tableAfter(blocks, 'Actions overdue')).toEqual([
      [OVERDUE.clause, `List the interested parties\n${OVERDUE.text}`, 'Ana', '2026-12-15'],
    ])
  })

  it('leaves empty groups out', () => {
    const one = changesBlocks(oneNoteComparison())
    expect(headings(one)).toEqual([
      '1 Changes since Before the audit (2026-11-03)',
      '2 Answers changed (1)',
    ])
    expect(paragraphs(one)).toEqual([
      'Since then, Stage 1 readiness stayed at 38/100, and the verdict stayed not ready.',
      '1 answer changed.',
    ])
  })

  it('says in one sentence that nothing changed', () => {
    const none = changesBlocks(unchangedComparison())
    expect(none).toEqual([
      { kind: 'heading', level: 1, text: 'Changes since Before the audit (2026-11-03)' },
      {
        kind: 'paragraph',
        style: 'normal',
        text: 'Nothing changed since then: no answer, decision, risk or document, and Stage 1 readiness is still 38/100, not ready.',
      },
    ])
  })
})

describe('the changes chapter, on the register', () => {
  const row = {
    id: 'w/mandatory:is-policy',
    source: { kind: 'mandatory', key: 'is-policy' },
    title: 'Information security policy',
    status: 'draft',
    version: '0.9',
    owner: '',
    approver: '',
    approvedOn: null,
    nextReviewOn: null,
    location: '',
    note: '',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  } as const

  it('prints the documents changed as a table after the risks', () => {
    const base = sampleComparison()
    const c = {
      ...base,
      documents: [
        {
          entryId: row.id,
          title: row.title,
          change: 'changed' as const,
          from: 'Draft',
          to: 'Approved',
          detail: 'Changed: version 0.9 → 1.0',
        },
      ],
      counts: { ...base.counts, documents: 1, total: base.counts.total + 1 },
    }
    const blocks = changesBlocks(c)
    const titles = headings(blocks)
    expect(titles).toContain('2 Documents changed (1)')
    expect(titles.indexOf('2 Documents changed (1)')).toBeGreaterThan(
      titles.findIndex((t) => t.startsWith('2 Risks changed')),
    )
    expect(tableAfter(blocks, 'Documents changed')).toEqual([
      ['Information security policy', 'Draft → Approved', 'Changed: version 0.9 → 1.0'],
    ])
  })

  it('says when the snapshot predates the register', () => {
    const c = {
      ...sampleComparison(),
      documentsNote:
        'Workshop 1 was taken before snapshots kept the register of documents, so the changes to documents cannot be shown.',
    }
    const blocks = changesBlocks(c)
    expect(headings(blocks)).toContain('2 Documents changed')
    expect(paragraphs(blocks)).toContain(c.documentsNote)
  })
})

/**
 * What changed since a snapshot as a table, one row per change: the gap workbook's "Changes"
 * sheet (xlsx.ts) and the changes CSV, in the words of compareMoments, the same as the gap
 * report's chapter (changesSection.ts) and the compare screen.
 */
import type { ActionItemChange, Comparison } from '@/domain/comparison'
import { controlRef } from '@/domain/wording'
import { points, pointsWord, riskChanges } from './changesSection'
import { csvFile } from './csv'

/** The columns of the Changes sheet and of the changes CSV, in order. */
export const CHANGES_HEADER = ['Group', 'Reference', 'Item', 'Before', 'After', 'Details'] as const

const upDown = (delta: number) =>
  delta === 0 ? '' : `${delta > 0 ? 'Up' : 'Down'} ${points(Math.abs(delta))} ${pointsWord(delta)}`

/**
 * "Clause 4.1": among A.5.1 and R-03 a bare 4.1 would not say what it is, and a spreadsheet
 * opening the CSV would read it as a number, or 6.1.2 as a date.
 */
const clauseRef = (clause: string) => `Clause ${clause}`

const ownerDue = (a: ActionItemChange) =>
  [a.owner && `Owner: ${a.owner}`, a.due && `due ${a.due}`].filter(Boolean).join(', ')

/**
 * One row per change, in CHANGES_HEADER's columns: the score, the verdict and the parts of the
 * score that moved, the blockers lifted and added, then the answers (by clause), the decisions
 * (by control), the risks (by R-nn), the documents of the register and the actions, in the
 * order of the report's chapter. No
 * cell is one a spreadsheet reads as a number or a date ("Clause 6.1.2", "20.5 points").
 */
export function changeRows(c: Comparison): string[][] {
  const { score, band } = c
  const rows: string[][] = []
  if (score.delta !== 0) {
    rows.push([
      'Score',
      '',
      'Stage 1 readiness',
      `${score.before}/100`,
      `${score.after}/100`,
      upDown(score.delta),
    ])
  }
  if (band.before !== band.after) rows.push(['Verdict', '', 'Band', band.before, band.after, ''])
  for (const p of c.parts) {
    if (p.before === p.after) continue
    rows.push([
      'Score part',
      '',
      p.label,
      `${points(p.before)} ${pointsWord(p.before)}`,
      `${points(p.after)} ${pointsWord(p.after)}`,
      upDown(p.after - p.before),
    ])
  }
  for (const b of c.blockersLifted) {
    rows.push(['Blocker lifted', '', b.title, 'Blocking', 'Lifted', ''])
  }
  for (const b of c.blockersAdded) {
    rows.push(['Blocker added', '', b.title, '', 'Blocking', ''])
  }
  for (const a of c.answers) {
    rows.push(['Answer', clauseRef(a.clause), a.question, a.from, a.to, a.note])
  }
  for (const d of c.decisions) {
    const ref = controlRef(d.controlId)
    const title = d.control.startsWith(`${ref} `) ? d.control.slice(ref.length + 1) : d.control
    rows.push(['Decision', ref, title, d.from, d.to, d.justification])
  }
  for (const { change, item } of riskChanges(c)) {
    rows.push([`Risk ${change.toLowerCase()}`, item.ref, item.title, '', '', item.detail])
  }
  for (const d of c.documents) {
    const group = d.change === 'changed' ? 'Document changed' : `Document ${d.change}`
    rows.push([group, '', d.title, d.from, d.to, d.detail])
  }
  for (const a of c.actionsCompleted) {
    rows.push(['Action completed', clauseRef(a.clause), a.what, '', '', ownerDue(a)])
  }
  for (const a of c.actionsOverdue) {
    rows.push(['Action overdue', clauseRef(a.clause), a.what, '', '', ownerDue(a)])
  }
  return rows
}

/** The changes as CSV, by the rules of every CSV export (csv.ts). */
export function buildChangesCsv(c: Comparison): string {
  return csvFile(CHANGES_HEADER, changeRows(c))
}

/**
 * What changed since a snapshot, as the gap report prints it: a chapter after the executive
 * summary, in blocks of the document model, so the PDF and the Word file say the same (the
 * spreadsheets' rows are in changesTable.ts). Every item is worded by compareMoments
 * (src/domain/comparison.ts), the same as on the compare screen; this module only lays it out.
 */
import {
  comparisonSummary,
  type ActionItemChange,
  type Comparison,
  type RiskChangeItem,
} from '@/domain/comparison'
import { inSentence, momentName } from '@/components/format'
import { columns, heading, paragraph } from './document'
import type { Block, Cell, CellLine } from './document'

/** "Changes since Workshop 1 · 2026-11-03": the chapter's heading. */
export const changesTitle = (c: Comparison): string => `Changes since ${momentName(c.from)}`

/** Points as the score table prints them: one decimal at most. */
export const points = (n: number): string => (Math.round(n * 10) / 10).toLocaleString('en')
export const pointsWord = (n: number): string => (Math.abs(n) === 1 ? 'point' : 'points')
const signed = (n: number) => (n > 0 ? `+${points(n)}` : n < 0 ? `−${points(-n)}` : '0')

/** True when neither the verdict nor any record moved. */
function nothingChanged(c: Comparison): boolean {
  return (
    c.counts.total === 0 &&
    c.score.delta === 0 &&
    c.band.before === c.band.after &&
    c.blockersLifted.length === 0 &&
    c.blockersAdded.length === 0
  )
}

function scoreSentence(c: Comparison): string {
  const { before, after, delta } = c.score
  const score =
    delta === 0
      ? `stayed at ${after}/100`
      : `${delta > 0 ? 'rose' : 'fell'} from ${before}/100 to ${after}/100 (${signed(delta)} ${pointsWord(delta)})`
  const from = inSentence(c.band.before)
  const to = inSentence(c.band.after)
  const verb = c.band.direction > 0 ? 'rose' : c.band.direction < 0 ? 'fell' : 'moved'
  const band =
    from === to ? `the verdict stayed ${to}` : `the verdict ${verb} from ${from} to ${to}`
  return `Since then, Stage 1 readiness ${score}, and ${band}.`
}

/** A titled group, left out when it holds nothing. */
const group = (title: string, n: number, content: () => Block[]): Block[] =>
  n === 0 ? [] : [heading(2, `${title} (${n})`), ...content()]

const fromTo = (from: string, to: string, same: string): Cell =>
  from === to ? [{ text: to }, { text: same, style: 'muted' }] : `${from} → ${to}`

const RISK_CHANGES = [
  ['risksAdded', 'Added'],
  ['risksRemoved', 'Removed'],
  ['risksRerated', 'Re-rated'],
  ['risksEdited', 'Edited'],
] as const satisfies readonly (readonly [keyof Comparison, string])[]

/** The risks changed, with the change in a word: added, then removed, re-rated and edited. */
export function riskChanges(c: Comparison): { change: string; item: RiskChangeItem }[] {
  return RISK_CHANGES.flatMap(([key, change]) => c[key].map((item) => ({ change, item })))
}

function actionTable(actions: readonly ActionItemChange[], summary: string): Block {
  return {
    kind: 'table',
    summary,
    columns: columns(['Clause', 0.09, 40], ['Action', 0.53], ['Owner', 0.22], ['Due', 0.16, 62]),
    rows: actions.map((a) => [
      a.clause,
      [{ text: a.what }, { text: a.question, style: 'muted' }] satisfies CellLine[],
      a.owner,
      a.due ?? '',
    ]),
  }
}

/**
 * The gap report's chapter on what changed since the comparison's first moment: the score and
 * the verdict then and now, the summary sentence, then each non-empty group with its count in
 * its heading (the documents' group, when the snapshot predates the register, with the note that
 * says so instead). When nothing changed at all, one sentence says so.
 */
export function changesBlocks(c: Comparison): Block[] {
  const blocks: Block[] = [heading(1, changesTitle(c))]
  if (nothingChanged(c)) {
    const what =
      c.documentsNote === null ? 'answer, decision, risk or document' : 'answer, decision or risk'
    blocks.push(
      paragraph(
        `Nothing changed since then: no ${what}, and Stage 1 readiness is still ${c.score.after}/100, ${inSentence(c.band.after)}.`,
      ),
      ...(c.documentsNote === null ? [] : [paragraph(c.documentsNote, 'muted')]),
    )
    return blocks
  }
  blocks.push(paragraph(scoreSentence(c)), paragraph(`${comparisonSummary(c)}.`))
  const documents: Block[] =
    c.documents.length > 0
      ? group('Documents changed', c.documents.length, () => [
          {
            kind: 'table',
            summary: 'The documents of the register that changed, in the order of the register',
            dense: true,
            columns: columns(['Document', 0.34], ['Status', 0.24], ['Detail', 0.42]),
            rows: c.documents.map((d) => [
              d.title,
              fromTo(d.from, d.to, 'Details edited'),
              d.detail,
            ]),
          },
        ])
      : c.documentsNote
        ? [heading(2, 'Documents changed'), paragraph(c.documentsNote, 'muted')]
        : []
  const moved = c.parts.filter((p) => p.before !== p.after)
  blocks.push(
    ...(moved.length === 0
      ? []
      : [
          heading(2, 'Points per part of the score'),
          {
            kind: 'table',
            summary: 'The parts of the score that moved, before and after',
            columns: columns(['Part', 0.55], ['Before', 0.15], ['After', 0.15], ['Change', 0.15]),
            rows: moved.map((p) => [
              p.label,
              points(p.before),
              points(p.after),
              signed(p.after - p.before),
            ]),
          } satisfies Block,
        ]),
    ...group('Blockers lifted', c.blockersLifted.length, () => [
      { kind: 'list', items: c.blockersLifted.map((b) => ({ text: b.title })) },
    ]),
    ...group('Blockers added', c.blockersAdded.length, () => [
      { kind: 'list', items: c.blockersAdded.map((b) => ({ text: b.title })) },
    ]),
    ...group('Answers changed', c.answers.length, () => [
      {
        kind: 'table',
        summary: 'The answers that changed, in the order of the questionnaire',
        dense: true,
        columns: columns(['Clause', 0.08, 40], ['Question', 0.42], ['Answer', 0.2], ['Note', 0.3]),
        rows: c.answers.map((a) => [
          a.clause,
          a.question,
          fromTo(a.from, a.to, 'Note, evidence or action edited'),
          a.note,
        ]),
      },
    ]),
    ...group('Decisions changed', c.decisions.length, () => [
      {
        kind: 'table',
        summary: 'The Annex A decisions that changed, in the order of Annex A',
        dense: true,
        columns: columns(['Control', 0.34], ['Decision', 0.28], ['Justification', 0.38]),
        rows: c.decisions.map((d) => [
          d.control,
          fromTo(d.from, d.to, 'Justification edited'),
          d.justification,
        ]),
      },
    ]),
    ...group('Risks changed', c.counts.risks, () => [
      {
        kind: 'table',
        summary: 'The risks added, removed, re-rated or edited',
        dense: true,
        columns: columns(['Ref.', 0.08, 36], ['Risk', 0.36], ['Change', 0.14], ['Detail', 0.42]),
        rows: riskChanges(c).map(({ change, item }) => [item.ref, item.title, change, item.detail]),
      },
      ...(c.risksRemoved.length > 0
        ? [
            paragraph(
              `Removed risks are given the references they had in ${c.from.label}; the risks recorded after them are numbered lower now.`,
              'muted',
            ),
          ]
        : []),
    ]),
    ...documents,
    ...group('Actions completed', c.actionsCompleted.length, () => [
      paragraph(`Actions on record in ${c.from.label} whose question is in place now.`, 'muted'),
      actionTable(c.actionsCompleted, 'The agreed actions completed since then'),
    ]),
    ...group('Actions overdue', c.actionsOverdue.length, () => [
      paragraph('Agreed actions past their due date whose question is not in place yet.', 'muted'),
      actionTable(c.actionsOverdue, 'The agreed actions overdue'),
    ]),
  )
  return blocks
}

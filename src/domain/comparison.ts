/**
 * What changed between two moments of an assessment, worded for the client: the score and band
 * before and after, blockers lifted and added, answers, decisions and risks changed, actions
 * completed or overdue, documents of the register changed. Built on diffStates; pure, so the
 * compare screen, the gap report and the
 * spreadsheets print the same list. Each item names what it links to (a question, a control or
 * a risk) and the screens turn that into a route.
 */
import {
  CONTROL_DOCUMENTS,
  controlById,
  MANDATORY_DOCUMENTS,
  QUESTIONS,
  type ClauseId,
} from '@/content'
import { answerStatusLabel } from './clauseAnswer'
import { applicabilityLabel, implementationLabel } from './controlDecision'
import type {
  ClauseAnswer,
  ControlDecision,
  Risk,
  SnapshotRegisterEntry,
  SnapshotVerdict,
} from './model'
import { REGISTER_STATUS_LABELS, type RegisterSource } from './register'
import {
  bandLabel,
  bandRank,
  SCORE_PART_KEYS,
  SCORE_PART_LABELS,
  type ScorePartKey,
} from './readiness'
import { riskLevel, residualLevel, treatmentLabel } from './risk'
import { diffStates, type AssessmentState } from './stateDiff'
import { controlRef, riskRefs, riskTitle } from './wording'

/** One side of a comparison: a snapshot, or the assessment as it is now. */
export interface Moment {
  /** "Workshop 1 · 2026-11-03", or "Now". */
  readonly label: string
  /** ISO timestamp; for "now", the time of the comparison. */
  readonly takenAt: string
  readonly verdict: SnapshotVerdict
  readonly state: AssessmentState
  /**
   * The register rows stored at that moment; absent for a snapshot taken before snapshots kept
   * the register, which then cannot say what documents changed.
   */
  readonly register?: readonly SnapshotRegisterEntry[]
}

export type ChangeTarget =
  | { readonly kind: 'question'; readonly clause: ClauseId; readonly questionId: string }
  | { readonly kind: 'control'; readonly controlId: string }
  | { readonly kind: 'risk'; readonly riskId: string }

export interface AnswerChangeItem {
  readonly questionId: string
  readonly clause: ClauseId
  /** The question, as the questionnaire asks it (or its id, for a question no longer asked). */
  readonly question: string
  /** "Not answered", "Partly", "In place"… */
  readonly from: string
  readonly to: string
  /** The note as it is at the later moment ('' when none). */
  readonly note: string
  /** True when the status moved towards "in place" (false for a step back or a note only). */
  readonly improved: boolean
  /** True when only the note, evidence or action changed, not the status. */
  readonly detailsOnly: boolean
  readonly target: ChangeTarget
}

export interface DecisionChangeItem {
  readonly controlId: string
  /** "A.5.10 Acceptable use of information and other associated assets". */
  readonly control: string
  /** "Applicable, partly implemented", "Excluded", "Undecided". */
  readonly from: string
  readonly to: string
  /** The justification at the later moment ('' when none). */
  readonly justification: string
  readonly target: ChangeTarget
}

export interface RiskChangeItem {
  readonly riskId: string
  /** "R-03" in the register of the moment it belongs to. */
  readonly ref: string
  readonly title: string
  /** Plain words: "Level 12", "Level 12 → 6, residual 4 → 2", "Changed: owner, treatment". */
  readonly detail: string
  readonly target: ChangeTarget
}

export interface DocumentChangeItem {
  readonly entryId: string
  /** The document's title at the later moment (at the earlier one, for a row removed). */
  readonly title: string
  /**
   * added or removed: a document of the organization's own that was not in the register at the
   * other moment; changed: any other (a required document is always in the register, missing
   * when nothing is recorded about it).
   */
  readonly change: 'added' | 'removed' | 'changed'
  /** "Missing", "Draft", "Approved", "Retired", or "Not in the register". */
  readonly from: string
  readonly to: string
  /** Plain words: "Changed: version 0.9 → 1.0; approval date none → 2026-11-30", or ''. */
  readonly detail: string
}

export interface ActionItemChange {
  readonly questionId: string
  readonly clause: ClauseId
  readonly question: string
  readonly what: string
  readonly owner: string
  readonly due: string | null
  readonly target: ChangeTarget
}

export interface Comparison {
  readonly from: Pick<Moment, 'label' | 'takenAt'>
  readonly to: Pick<Moment, 'label' | 'takenAt'>
  readonly score: { readonly before: number; readonly after: number; readonly delta: number }
  readonly band: {
    readonly before: string
    readonly after: string
    /** 1 when the band rose, -1 when it fell, 0 when it stayed. */
    readonly direction: -1 | 0 | 1
  }
  /** Points per part, when both snapshots kept them. */
  readonly parts: readonly {
    readonly key: ScorePartKey
    readonly label: string
    readonly before: number
    readonly after: number
  }[]
  readonly blockersLifted: readonly { readonly id: string; readonly title: string }[]
  readonly blockersAdded: readonly { readonly id: string; readonly title: string }[]
  /** In the order of the questionnaire. */
  readonly answers: readonly AnswerChangeItem[]
  /** In the order of Annex A. */
  readonly decisions: readonly DecisionChangeItem[]
  readonly risksAdded: readonly RiskChangeItem[]
  readonly risksRemoved: readonly RiskChangeItem[]
  readonly risksRerated: readonly RiskChangeItem[]
  readonly risksEdited: readonly RiskChangeItem[]
  /** Actions agreed at the earlier moment whose question is in place at the later one. */
  readonly actionsCompleted: readonly ActionItemChange[]
  /** Actions at the later moment due before its date, on a question not in place. */
  readonly actionsOverdue: readonly ActionItemChange[]
  /** Register rows changed, added or removed, in the register's order. */
  readonly documents: readonly DocumentChangeItem[]
  /**
   * Why `documents` is empty though documents may have changed: one of the moments is a snapshot
   * taken before snapshots kept the register. Null when both moments have their register.
   */
  readonly documentsNote: string | null
  /** How many items each group holds, and in all. */
  readonly counts: {
    readonly answers: number
    readonly decisions: number
    readonly risks: number
    readonly actions: number
    readonly documents: number
    readonly total: number
  }
}

const QUESTION_INDEX = new Map(QUESTIONS.map((q, i) => [q.id, { question: q, position: i }]))
const STATUS_RANK = { unanswered: 0, 'dont-know': 0, 'not-started': 0, partly: 1, 'in-place': 2 }

function statusWords(answer: ClauseAnswer | null): string {
  return answer ? answerStatusLabel(answer.status) : 'Not answered'
}

function decisionWords(decision: ControlDecision | null): string {
  if (!decision || decision.applicability === 'undecided') return 'Undecided'
  if (decision.applicability === 'excluded') return applicabilityLabel('excluded')
  const supplier = decision.provider === 'supplier' ? ', by a supplier' : ''
  return `Applicable, ${implementationLabel(decision.implementationStatus).toLowerCase()}${supplier}`
}

function questionOf(questionId: string, fallback: ClauseAnswer) {
  const found = QUESTION_INDEX.get(questionId)
  return {
    text: found?.question.text ?? questionId,
    clause: (found?.question.clause ?? questionId.split('-')[1] ?? '4.1') as ClauseId,
    position: found?.position ?? Number.MAX_SAFE_INTEGER,
    fallback,
  }
}

function answerItems(state: ReturnType<typeof diffStates>['answers']): AnswerChangeItem[] {
  return state
    .map((change) => {
      const later = change.after ?? change.before!
      const q = questionOf(change.key, later)
      const before = change.before
      const after = change.after
      const rankBefore = STATUS_RANK[before?.status ?? 'unanswered']
      const rankAfter = STATUS_RANK[after?.status ?? 'unanswered']
      return {
        position: q.position,
        item: {
          questionId: change.key,
          clause: q.clause,
          question: q.text,
          from: statusWords(before),
          to: statusWords(after),
          note: after?.note.trim() ?? '',
          improved: rankAfter > rankBefore,
          detailsOnly: (before?.status ?? null) === (after?.status ?? null),
          target: { kind: 'question', clause: q.clause, questionId: change.key },
        } satisfies AnswerChangeItem,
      }
    })
    .sort((a, b) => a.position - b.position || a.item.questionId.localeCompare(b.item.questionId))
    .map((entry) => entry.item)
}

function controlOrder(id: string): number[] {
  return id.split('.').map(Number)
}

function decisionItems(state: ReturnType<typeof diffStates>['decisions']): DecisionChangeItem[] {
  return state
    .filter(
      (change) =>
        decisionWords(change.before) !== decisionWords(change.after) ||
        (change.before?.justification ?? '') !== (change.after?.justification ?? ''),
    )
    .map((change) => {
      const control = controlById(change.key)
      return {
        controlId: change.key,
        control: control ? `${controlRef(change.key)} ${control.title}` : controlRef(change.key),
        from: decisionWords(change.before),
        to: decisionWords(change.after),
        justification: change.after?.justification.trim() ?? '',
        target: { kind: 'control', controlId: change.key },
      } satisfies DecisionChangeItem
    })
    .sort((a, b) => {
      const x = controlOrder(a.controlId)
      const y = controlOrder(b.controlId)
      return (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0)
    })
}

function riskItem(risk: Risk, refs: ReadonlyMap<string, string>, detail: string): RiskChangeItem {
  return {
    riskId: risk.id,
    ref: refs.get(risk.id) ?? '',
    title: riskTitle(risk),
    detail,
    target: { kind: 'risk', riskId: risk.id },
  }
}

const levelText = (risk: Risk) => {
  const residual = residualLevel(risk)
  return `Level ${riskLevel(risk.likelihood, risk.impact)}${residual === null ? '' : `, residual ${residual}`}`
}

const EDITED_FIELDS: readonly (readonly [keyof Risk, string])[] = [
  ['title', 'title'],
  ['asset', 'asset'],
  ['threat', 'threat'],
  ['vulnerability', 'vulnerability'],
  // The same level from other ratings (3 × 4 and 4 × 3) is no re-rating, but it is a change.
  ['likelihood', 'likelihood'],
  ['impact', 'impact'],
  ['residualLikelihood', 'residual likelihood'],
  ['residualImpact', 'residual impact'],
  ['treatment', 'treatment'],
  ['controlIds', 'controls'],
  ['owner', 'owner'],
  ['acceptedBy', 'accepted by'],
  ['acceptedOn', 'acceptance date'],
]

const RATINGS = new Set<keyof Risk>([
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
])

/** The fields of a risk that changed, in words (the ratings left out with `ratings` false). */
function changedFields(before: Risk, after: Risk, ratings = true): string[] {
  return EDITED_FIELDS.filter(
    ([key]) =>
      (ratings || !RATINGS.has(key)) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  ).map(([key, words]) =>
    key === 'treatment'
      ? `treatment ${treatmentLabel(before.treatment).toLowerCase()} → ${treatmentLabel(after.treatment).toLowerCase()}`
      : words,
  )
}

function editedFields(before: Risk, after: Risk): string {
  const fields = changedFields(before, after)
  return fields.length ? `Changed: ${fields.join(', ')}` : 'Changed'
}

function actionItem(answer: ClauseAnswer): ActionItemChange | null {
  if (!answer.action) return null
  const q = questionOf(answer.questionId, answer)
  return {
    questionId: answer.questionId,
    clause: q.clause,
    question: q.text,
    what: answer.action.what,
    owner: answer.action.owner,
    due: answer.action.due,
    target: { kind: 'question', clause: q.clause, questionId: answer.questionId },
  }
}

const byQuestion = (a: ActionItemChange, b: ActionItemChange) =>
  (QUESTION_INDEX.get(a.questionId)?.position ?? 0) -
  (QUESTION_INDEX.get(b.questionId)?.position ?? 0)

const NOT_IN_REGISTER = 'Not in the register'

/** The title the content gives each document it names, and its place in the register. */
const CONTENT_DOCUMENTS = new Map<string, { readonly title: string; readonly position: number }>(
  [
    ...MANDATORY_DOCUMENTS.map((d) => [`mandatory:${d.key}`, d.title] as const),
    ...CONTROL_DOCUMENTS.map((d) => [`control:${d.key}`, d.title] as const),
  ].map(([key, title], position) => [key, { title, position }]),
)

const contentDocument = (source: RegisterSource) =>
  source.kind === 'custom' ? undefined : CONTENT_DOCUMENTS.get(`${source.kind}:${source.key}`)

/**
 * A required document's row as the register shows it when nothing is stored for it: missing,
 * with nothing filled in, under the content's title.
 */
function emptyRow(row: SnapshotRegisterEntry): SnapshotRegisterEntry {
  return {
    ...row,
    title: contentDocument(row.source)?.title ?? row.title,
    status: 'missing',
    version: '',
    approver: '',
    approvedOn: null,
    nextReviewOn: null,
  }
}

const DOCUMENT_FIELDS = [
  ['title', 'title'],
  ['version', 'version'],
  ['approver', 'approver'],
  ['approvedOn', 'approval date'],
  ['nextReviewOn', 'next review'],
] as const satisfies readonly (readonly [keyof SnapshotRegisterEntry, string])[]

const valueWords = (value: string | null) =>
  value === null || value.trim() === '' ? 'none' : value

/** "Changed: version 0.9 → 1.0; approver none → Dr. Anke Brandt", or '' for the status alone. */
function documentChanges(before: SnapshotRegisterEntry, after: SnapshotRegisterEntry): string {
  const fields = DOCUMENT_FIELDS.filter(([key]) => before[key] !== after[key]).map(
    ([key, words]) => `${words} ${valueWords(before[key])} → ${valueWords(after[key])}`,
  )
  return fields.length ? `Changed: ${fields.join('; ')}` : ''
}

/** "Version 1.0; approved by Dr. Anke Brandt on 2026-11-30; next review 2027-11-30", or ''. */
function documentDetails(row: SnapshotRegisterEntry): string {
  const approver = row.approver.trim()
  const approval = [approver && `by ${approver}`, row.approvedOn && `on ${row.approvedOn}`]
    .filter(Boolean)
    .join(' ')
  const parts = [
    row.version.trim() && `version ${row.version.trim()}`,
    approval && `approved ${approval}`,
    row.nextReviewOn && `next review ${row.nextReviewOn}`,
  ].filter(Boolean)
  const text = parts.join('; ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The register's order: the clauses' documents, the controls', then the organization's own. */
function documentOrder(row: SnapshotRegisterEntry): number {
  return contentDocument(row.source)?.position ?? Number.MAX_SAFE_INTEGER
}

/**
 * The register rows whose title, status, version, approver, approval date or next review date
 * differ between two registers, compared by id. A required document's row stored at one moment
 * only is compared with its empty, missing row (the register shows that when nothing is
 * stored); a row of the organization's own is added or removed. The owner, location and note are
 * left out: they do not change where a document stands.
 */
export function compareRegisters(
  before: readonly SnapshotRegisterEntry[],
  after: readonly SnapshotRegisterEntry[],
): DocumentChangeItem[] {
  const beforeById = new Map(before.map((e) => [e.id, e]))
  const afterById = new Map(after.map((e) => [e.id, e]))
  const ids = [...new Set([...beforeById.keys(), ...afterById.keys()])]
  const items = ids.flatMap((id): { row: SnapshotRegisterEntry; item: DocumentChangeItem }[] => {
    const was = beforeById.get(id)
    const is = afterById.get(id)
    const row = (is ?? was)!
    const custom = row.source.kind === 'custom'
    if (custom && (!was || !is)) {
      const added = !was
      return [
        {
          row,
          item: {
            entryId: id,
            title: row.title,
            change: added ? 'added' : 'removed',
            from: added ? NOT_IN_REGISTER : REGISTER_STATUS_LABELS[row.status],
            to: added ? REGISTER_STATUS_LABELS[row.status] : NOT_IN_REGISTER,
            detail: documentDetails(row),
          },
        },
      ]
    }
    const b = was ?? emptyRow(row)
    const a = is ?? emptyRow(row)
    const same = b.status === a.status && DOCUMENT_FIELDS.every(([key]) => b[key] === a[key])
    if (same) return []
    return [
      {
        row,
        item: {
          entryId: id,
          title: a.title,
          change: 'changed',
          from: REGISTER_STATUS_LABELS[b.status],
          to: REGISTER_STATUS_LABELS[a.status],
          detail: documentChanges(b, a),
        },
      },
    ]
  })
  return items
    .sort(
      (x, y) =>
        documentOrder(x.row) - documentOrder(y.row) ||
        x.item.title.localeCompare(y.item.title) ||
        x.item.entryId.localeCompare(y.item.entryId),
    )
    .map((entry) => entry.item)
}

/** The documents changed between two moments, or why they cannot be told. */
function documentChangesOf(
  from: Moment,
  to: Moment,
): { readonly documents: DocumentChangeItem[]; readonly note: string | null } {
  if (from.register && to.register) {
    return { documents: compareRegisters(from.register, to.register), note: null }
  }
  const older = from.register ? to : from
  return {
    documents: [],
    note: `${older.label} was taken before snapshots kept the register of documents, so the changes to documents cannot be shown.`,
  }
}

/**
 * The Annex A decisions that changed between two sets (an approved SoA and the next one): the
 * applicability, implementation, provider or justification, in the order of Annex A.
 */
export function compareDecisions(
  before: readonly ControlDecision[],
  after: readonly ControlDecision[],
): DecisionChangeItem[] {
  const diff = diffStates(
    { answers: [], decisions: before, risks: [] },
    { answers: [], decisions: after, risks: [] },
  )
  return decisionItems(diff.decisions)
}

/** What changed from `from` to `to`. */
export function compareMoments(from: Moment, to: Moment): Comparison {
  const diff = diffStates(from.state, to.state)
  const refsBefore = riskRefs(from.state.risks)
  const refsAfter = riskRefs(to.state.risks)
  const afterById = new Map(to.state.risks.map((r) => [r.id, r]))
  const beforeById = new Map(from.state.risks.map((r) => [r.id, r]))

  const blockersBefore = new Map(from.verdict.blockers.map((b) => [b.id, b]))
  const blockersAfter = new Map(to.verdict.blockers.map((b) => [b.id, b]))

  const answers = answerItems(diff.answers)
  const decisions = decisionItems(diff.decisions)
  const risksAdded = diff.risksAdded.map((r) => riskItem(r, refsAfter, levelText(r)))
  const risksRemoved = diff.risksRemoved.map((r) => riskItem(r, refsBefore, levelText(r)))
  const risksRerated = diff.risksRerated.map((r) => {
    const residual =
      r.residualBefore === r.residualAfter
        ? ''
        : `, residual ${r.residualBefore ?? 'not rated'} → ${r.residualAfter ?? 'not rated'}`
    const level =
      r.levelBefore === r.levelAfter
        ? `Level ${r.levelAfter}`
        : `Level ${r.levelBefore} → ${r.levelAfter}`
    // A risk re-rated may have changed otherwise too (a new owner, say): that is said as well.
    const others = changedFields(beforeById.get(r.riskId)!, afterById.get(r.riskId)!, false)
    const also = others.length ? `; changed: ${others.join(', ')}` : ''
    return riskItem(afterById.get(r.riskId)!, refsAfter, `${level}${residual}${also}`)
  })
  const risksEdited = diff.risksEdited.map((c) =>
    riskItem(c.after!, refsAfter, editedFields(beforeById.get(c.key)!, c.after!)),
  )

  const laterAnswers = new Map(to.state.answers.map((a) => [a.questionId, a]))
  const actionsCompleted = from.state.answers
    .filter((a) => a.action && a.status !== 'in-place')
    .filter((a) => laterAnswers.get(a.questionId)?.status === 'in-place')
    .flatMap((a) => actionItem(a) ?? [])
    .sort(byQuestion)
  const laterDay = to.takenAt.slice(0, 10)
  const actionsOverdue = to.state.answers
    .filter((a) => a.status !== 'in-place' && a.action?.due && a.action.due < laterDay)
    .flatMap((a) => actionItem(a) ?? [])
    .sort(byQuestion)

  const partsBefore = from.verdict.parts
  const partsAfter = to.verdict.parts
  const parts =
    partsBefore && partsAfter
      ? SCORE_PART_KEYS.map((key) => ({
          key,
          label: SCORE_PART_LABELS[key],
          before: partsBefore[key],
          after: partsAfter[key],
        }))
      : []
  const { documents, note: documentsNote } = documentChangesOf(from, to)
  const rankBefore = bandRank(from.verdict.band)
  const rankAfter = bandRank(to.verdict.band)
  const risks = risksAdded.length + risksRemoved.length + risksRerated.length + risksEdited.length
  const actions = actionsCompleted.length + actionsOverdue.length
  return {
    from: { label: from.label, takenAt: from.takenAt },
    to: { label: to.label, takenAt: to.takenAt },
    score: {
      before: from.verdict.score,
      after: to.verdict.score,
      delta: to.verdict.score - from.verdict.score,
    },
    band: {
      before: bandLabel(from.verdict.band),
      after: bandLabel(to.verdict.band),
      direction: rankAfter > rankBefore ? 1 : rankAfter < rankBefore ? -1 : 0,
    },
    parts,
    blockersLifted: from.verdict.blockers.filter((b) => !blockersAfter.has(b.id)),
    blockersAdded: to.verdict.blockers.filter((b) => !blockersBefore.has(b.id)),
    answers,
    decisions,
    risksAdded,
    risksRemoved,
    risksRerated,
    risksEdited,
    actionsCompleted,
    actionsOverdue,
    documents,
    documentsNote,
    counts: {
      answers: answers.length,
      decisions: decisions.length,
      risks,
      actions,
      documents: documents.length,
      total: answers.length + decisions.length + risks + actions + documents.length,
    },
  }
}

/**
 * "3 answers, 1 decision, 2 risks and 1 document changed", or "No answer, decision, risk or
 * document changed" (without documents when one moment has no register to compare).
 */
export function comparisonSummary(comparison: Comparison): string {
  const { counts } = comparison
  const parts = [
    counts.answers ? `${counts.answers} ${counts.answers === 1 ? 'answer' : 'answers'}` : '',
    counts.decisions
      ? `${counts.decisions} ${counts.decisions === 1 ? 'decision' : 'decisions'}`
      : '',
    counts.risks ? `${counts.risks} ${counts.risks === 1 ? 'risk' : 'risks'}` : '',
    counts.documents
      ? `${counts.documents} ${counts.documents === 1 ? 'document' : 'documents'}`
      : '',
  ].filter(Boolean)
  if (parts.length === 0) {
    return comparison.documentsNote === null
      ? 'No answer, decision, risk or document changed'
      : 'No answer, decision or risk changed'
  }
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
  return `${list} changed`
}

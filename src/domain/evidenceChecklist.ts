/**
 * The audit evidence checklist: what a consultant hands the client before a Stage 1 audit. One
 * row per sub-clause of clauses 4 to 10 and one per Annex A control still in scope (applicable
 * or undecided), each saying what an auditor will ask to sample, what evidence the assessment
 * already names, which documents of the register serve it and in what state they are, and what
 * is still missing, in plain words. Excluded controls are left out and only counted: the SoA
 * carries their justification. Pure and deterministic: rows follow the content's order.
 */
import {
  ANNEX_A_CONTROLS,
  CLAUSE_SECTIONS,
  CONTROL_DOCUMENTS,
  MANDATORY_DOCUMENTS,
  questionsFor,
} from '@/content'
import { applicabilityOf, indexAssessment, type AssessmentInput } from './assessment'
import type { Applicability } from './model'
import {
  REGISTER_STATUS_LABELS,
  locationLink,
  registerFindings,
  requiredDocuments,
  type RegisterEntry,
  type RegisterFindingKind,
  type RegisterStatus,
  type RequiredSource,
} from './register'
import { controlRef } from './wording'

export interface EvidenceChecklistInput extends Omit<AssessmentInput, 'register'> {
  /** The reconciled register of the workspace (registerOf(...).entries), in its order. */
  readonly register: readonly RegisterEntry[]
  /** The day the checklist is made, yyyy-mm-dd: reviews dated before it are overdue. */
  readonly today: string
}

/** Where a row stands: everything there, something to show but more to do, or nothing to show. */
export type ChecklistStatus = 'ready' | 'partial' | 'missing'

export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  ready: 'Ready',
  partial: 'Partly ready',
  missing: 'Missing',
}

/** What is still to do about a document that serves a row. */
export type DocumentProblem =
  'missing' | 'retired' | 'draft' | 'approval-incomplete' | 'review-overdue'

/** A register document that serves a row, with what the register says about it. */
export interface ChecklistDocument {
  readonly source: RequiredSource
  /** The title in the register, or the content's when the register has no row for it. */
  readonly title: string
  /** 'missing' when the register has no row for the document. */
  readonly status: RegisterStatus
  readonly version: string
  readonly approver: string
  readonly approvedOn: string | null
  readonly nextReviewOn: string | null
  readonly location: string
  /** The location as a safe web link, or null (see locationLink). */
  readonly link: string | null
  /** In the order of DocumentProblem. */
  readonly problems: readonly DocumentProblem[]
}

export interface ChecklistRow {
  readonly kind: 'clause' | 'control'
  /** The content id: "4.3", "5.26". */
  readonly id: string
  /** As printed: "4.3", "A.5.26". */
  readonly reference: string
  readonly title: string
  /** For a control, 'applicable' or 'undecided'; null for a sub-clause. */
  readonly applicability: Exclude<Applicability, 'excluded'> | null
  /** What an auditor will sample: the content's evidence examples, each once, in order. */
  readonly samples: readonly string[]
  /** The evidence references the user recorded, trimmed, each once, in order. */
  readonly evidence: readonly string[]
  readonly documents: readonly ChecklistDocument[]
  /** What is still missing, one plain sentence each; empty for a ready row. */
  readonly stillMissing: readonly string[]
  readonly status: ChecklistStatus
}

export interface ChecklistCounts {
  readonly rows: number
  readonly ready: number
  readonly partial: number
  readonly missing: number
}

export interface EvidenceChecklist {
  /** yyyy-mm-dd, the `today` it was made for. */
  readonly date: string
  /** One per sub-clause of clauses 4 to 10, in the standard's order. */
  readonly clauses: readonly ChecklistRow[]
  /** One per applicable or undecided control, in catalog order. */
  readonly controls: readonly ChecklistRow[]
  /** How many controls are excluded and therefore not listed. */
  readonly excluded: number
  /** The sentence that says so. */
  readonly excludedNote: string
  readonly totals: {
    readonly clauses: ChecklistCounts
    readonly controls: ChecklistCounts
    readonly all: ChecklistCounts
  }
}

/** Trimmed, non-empty, each once, in order of first appearance. */
function distinct(texts: Iterable<string>): string[] {
  const seen = new Set<string>()
  for (const text of texts) {
    const trimmed = text.trim()
    if (trimmed !== '') seen.add(trimmed)
  }
  return [...seen]
}

/** Whether a register row is the row of the document the content names as `source`. */
const isRowOf = (entry: RegisterEntry, source: RequiredSource): boolean =>
  entry.source.kind === source.kind && 'key' in entry.source && entry.source.key === source.key

/** The register findings that matter to a document's readiness, as its problems. */
const PROBLEM_OF: Partial<Record<RegisterFindingKind, DocumentProblem>> = {
  missing: 'missing',
  'retired-still-required': 'retired',
  draft: 'draft',
  'approval-incomplete': 'approval-incomplete',
  'review-overdue': 'review-overdue',
}

const PROBLEM_ORDER: readonly DocumentProblem[] = [
  'missing',
  'retired',
  'draft',
  'approval-incomplete',
  'review-overdue',
]

/**
 * A document as the checklist shows it: its row in the register (the first one naming it, which
 * in a reconciled register is the document's own row) and that row's findings; a document the
 * register has no row for is missing.
 */
function checklistDocument(
  source: RequiredSource,
  contentTitle: string,
  register: readonly RegisterEntry[],
  findings: ReadonlyMap<string, readonly RegisterFindingKind[]>,
): ChecklistDocument {
  const entry = register.find((e) => isRowOf(e, source))
  if (!entry) {
    return {
      source,
      title: contentTitle,
      status: 'missing',
      version: '',
      approver: '',
      approvedOn: null,
      nextReviewOn: null,
      location: '',
      link: null,
      problems: ['missing'],
    }
  }
  const kinds = new Set((findings.get(entry.id) ?? []).flatMap((kind) => PROBLEM_OF[kind] ?? []))
  return {
    source,
    title: entry.title.trim() || contentTitle,
    status: entry.status,
    version: entry.version.trim(),
    approver: entry.approver.trim(),
    approvedOn: entry.approvedOn,
    nextReviewOn: entry.nextReviewOn,
    location: entry.location.trim(),
    link: locationLink(entry.location),
    problems: PROBLEM_ORDER.filter((p) => kinds.has(p)),
  }
}

/** What is still to do about a document, in one sentence. */
export function documentProblemText(doc: ChecklistDocument, problem: DocumentProblem): string {
  switch (problem) {
    case 'missing':
      return `${doc.title}: missing. Write it, or record in the register where it is kept.`
    case 'retired':
      return `${doc.title}: retired, but still needed. Record the document that replaces it.`
    case 'draft':
      return `${doc.title}: draft only. Have it approved before the audit.`
    case 'approval-incomplete':
      return `${doc.title}: marked approved, but who approved it or when is not recorded.`
    case 'review-overdue':
      return `${doc.title}: review overdue since ${doc.nextReviewOn ?? ''}. Review it and record the next date.`
  }
}

/** Said when the user names no evidence for a row. */
export const NO_EVIDENCE_TEXT = {
  clause: 'No evidence reference recorded on the answers of this clause.',
  control: 'No evidence reference recorded on this control.',
} as const

/** Said of a control still undecided. */
export const UNDECIDED_TEXT =
  'Not decided yet: record in the SoA whether the control applies, and why.'

/**
 * A row's status. Missing: a document it needs is missing or retired, or there is nothing at all
 * to show (no evidence reference and no document in the register). Ready: nothing is left to do.
 * Partly ready: something to show, but more to do (a draft, an overdue review, an approval
 * nobody can attribute, no evidence reference beside the documents, an open decision).
 */
function rowStatus(
  evidence: readonly string[],
  documents: readonly ChecklistDocument[],
  stillMissing: readonly string[],
): ChecklistStatus {
  const absent = documents.some(
    (d) => d.problems.includes('missing') || d.problems.includes('retired'),
  )
  if (absent) return 'missing'
  if (evidence.length === 0 && documents.length === 0) return 'missing'
  return stillMissing.length === 0 ? 'ready' : 'partial'
}

function checklistRow(
  fields: Omit<ChecklistRow, 'stillMissing' | 'status'>,
  undecided: boolean,
): ChecklistRow {
  const stillMissing: string[] = []
  if (undecided) stillMissing.push(UNDECIDED_TEXT)
  if (fields.evidence.length === 0) stillMissing.push(NO_EVIDENCE_TEXT[fields.kind])
  for (const doc of fields.documents) {
    for (const problem of doc.problems) stillMissing.push(documentProblemText(doc, problem))
  }
  return {
    ...fields,
    stillMissing,
    status: rowStatus(fields.evidence, fields.documents, stillMissing),
  }
}

function counts(rows: readonly ChecklistRow[]): ChecklistCounts {
  const of = (status: ChecklistStatus) => rows.filter((r) => r.status === status).length
  return { rows: rows.length, ready: of('ready'), partial: of('partial'), missing: of('missing') }
}

/** "3 controls are excluded …", "No control is excluded …". */
export function excludedNote(excluded: number): string {
  if (excluded === 0) return 'No Annex A control is excluded, so every control is listed.'
  const subject = excluded === 1 ? '1 Annex A control is' : `${excluded} Annex A controls are`
  return `${subject} excluded and not listed here: the Statement of Applicability gives the justification for each exclusion.`
}

/**
 * The checklist of an assessment: a row per sub-clause of clauses 4 to 10 (its questions'
 * evidence examples and the evidence recorded on their answers; the documents the clauses require
 * of that sub-clause) and a row per control not excluded (its evidence examples and the evidence
 * recorded on its decision; the documents that control calls for), each document in the state
 * the register gives it on `today`.
 */
export function buildEvidenceChecklist(input: EvidenceChecklistInput): EvidenceChecklist {
  const index = indexAssessment({
    ...input,
    register: { entries: input.register, today: input.today },
  })
  const required = requiredDocuments(index.decisions)
  const findings = new Map<string, RegisterFindingKind[]>()
  for (const f of registerFindings(input.register, required, input.today)) {
    findings.set(f.entryId, [...(findings.get(f.entryId) ?? []), f.kind])
  }

  const clauses = CLAUSE_SECTIONS.map((section) => {
    const questions = questionsFor(section.id)
    return checklistRow(
      {
        kind: 'clause',
        id: section.id,
        reference: section.id,
        title: section.title,
        applicability: null,
        samples: distinct(questions.flatMap((q) => q.evidence)),
        evidence: distinct(questions.flatMap((q) => index.answers.get(q.id)?.evidence ?? [])),
        documents: MANDATORY_DOCUMENTS.filter((d) => d.clause === section.id).map((d) =>
          checklistDocument({ kind: 'mandatory', key: d.key }, d.title, input.register, findings),
        ),
      },
      false,
    )
  })

  let excluded = 0
  const controls: ChecklistRow[] = []
  for (const control of ANNEX_A_CONTROLS) {
    const decision = index.decisions.get(control.id)
    const applicability = applicabilityOf(decision)
    if (applicability === 'excluded') {
      excluded++
      continue
    }
    const serving = CONTROL_DOCUMENTS.filter((d) =>
      (d.controls as readonly string[]).includes(control.id),
    )
    controls.push(
      checklistRow(
        {
          kind: 'control',
          id: control.id,
          reference: controlRef(control.id),
          title: control.title,
          applicability,
          samples: distinct(control.evidence),
          evidence: distinct(decision?.evidence ?? []),
          documents: serving.map((d) =>
            checklistDocument({ kind: 'control', key: d.key }, d.title, input.register, findings),
          ),
        },
        applicability === 'undecided',
      ),
    )
  }

  return {
    date: input.today,
    clauses,
    controls,
    excluded,
    excludedNote: excludedNote(excluded),
    totals: {
      clauses: counts(clauses),
      controls: counts(controls),
      all: counts([...clauses, ...controls]),
    },
  }
}

/** A document's state on one line: "Approved, version 1.2, approved by Jana on 2026-10-01, …". */
export function documentStateText(doc: ChecklistDocument): string {
  const parts: string[] = [REGISTER_STATUS_LABELS[doc.status]]
  if (doc.version) parts.push(`version ${doc.version}`)
  if (doc.status === 'approved') {
    const by = doc.approver ? ` by ${doc.approver}` : ''
    const on = doc.approvedOn ? ` on ${doc.approvedOn}` : ''
    parts.push(by || on ? `approved${by}${on}` : 'approver and date not recorded')
  }
  if (doc.nextReviewOn) parts.push(`next review ${doc.nextReviewOn}`)
  if (doc.location) parts.push(`kept at ${doc.location}`)
  return parts.join(', ')
}

/** A document as a cell line: "Incident response procedure: Approved, version 2, …". */
export const documentLine = (doc: ChecklistDocument): string =>
  `${doc.title}: ${documentStateText(doc)}`

/** A checklist row as text, one string per column of every export; '' when nothing to say. */
export interface ChecklistCells {
  /**
   * "Clause 4.3" or "A.5.26": a bare 4.3 would not say which list it is from, and a spreadsheet
   * opening the CSV would read 4.1 as a number and 6.1.2 as a date (as the changes CSV says too).
   */
  readonly reference: string
  readonly title: string
  /** "Clause" or "Control". */
  readonly type: string
  readonly status: string
  readonly samples: string
  readonly evidence: string
  readonly documents: string
  readonly stillMissing: string
}

/** A row's cells, items of a list one per line. */
export function checklistCells(row: ChecklistRow): ChecklistCells {
  return {
    reference: row.kind === 'clause' ? `Clause ${row.reference}` : row.reference,
    title: row.title,
    type: row.kind === 'clause' ? 'Clause' : 'Control',
    status: CHECKLIST_STATUS_LABELS[row.status],
    samples: row.samples.join('\n'),
    evidence: row.evidence.join('\n'),
    documents: row.documents.map(documentLine).join('\n'),
    stillMissing: row.stillMissing.join('\n'),
  }
}

/** The totals in one sentence: "Of 118 rows, 20 are ready, 40 partly ready and 58 missing." */
export function totalsSentence(totals: ChecklistCounts): string {
  return `Of ${totals.rows} rows, ${totals.ready} ${totals.ready === 1 ? 'is' : 'are'} ready, ${totals.partial} partly ready and ${totals.missing} missing.`
}

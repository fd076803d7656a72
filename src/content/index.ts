/**
 * The assessment content in one place: the clause questionnaire, the Annex A catalog, the
 * mandatory documented information and the documents Annex A controls call for. Everything else
 * reads content from here.
 */
import { HOME_WORKING_CONTROLS, NON_EXCLUDABLE_CONTROLS } from './annex-a/exclusion-limits'
import { CONTROL_FACTS } from './annex-a/facts'
import { ORGANIZATIONAL_GUIDANCE } from './annex-a/guidance-organizational'
import { PEOPLE_PHYSICAL_GUIDANCE } from './annex-a/guidance-people-physical'
import { TECHNOLOGICAL_GUIDANCE } from './annex-a/guidance-technological'
import { QUESTIONS_4_TO_6 } from './clauses/questions-4-6'
import { QUESTIONS_7_TO_10 } from './clauses/questions-7-10'
import { CLAUSE_CHAPTERS, CLAUSE_SECTIONS } from './clauses/sections'
import { CONTROL_DOCUMENTS } from './control-documents'
import { MANDATORY_DOCUMENTS } from './mandatory-documents'
import { SCOPING_QUESTIONS } from './scoping/questions'
import {
  BASELINE_JUSTIFICATION,
  SCOPING_DECISION_RULES,
  SCOPING_REASON_RULES,
} from './scoping/rules'
import type {
  AnnexAControl,
  ClauseId,
  ClauseSection,
  ControlDocument,
  ControlDocumentKey,
  ControlGuidance,
  ControlId,
  MandatoryDocument,
  MandatoryDocumentKey,
  Question,
  ScopingQuestion,
  ScopingQuestionId,
  Theme,
} from './types'

export * from './types'
export { CONTENT_VERSION } from './version'
export {
  CLAUSE_CHAPTERS,
  CLAUSE_SECTIONS,
  CONTROL_DOCUMENTS,
  HOME_WORKING_CONTROLS,
  MANDATORY_DOCUMENTS,
  NON_EXCLUDABLE_CONTROLS,
  BASELINE_JUSTIFICATION,
  SCOPING_DECISION_RULES,
  SCOPING_QUESTIONS,
  SCOPING_REASON_RULES,
}
export type { ExclusionLimit } from './annex-a/exclusion-limits'

/** All clause questions in the order of the standard. */
export const QUESTIONS: readonly Question[] = [...QUESTIONS_4_TO_6, ...QUESTIONS_7_TO_10]

const GUIDANCE: Readonly<Record<string, ControlGuidance>> = {
  ...ORGANIZATIONAL_GUIDANCE,
  ...PEOPLE_PHYSICAL_GUIDANCE,
  ...TECHNOLOGICAL_GUIDANCE,
}

const NO_GUIDANCE: ControlGuidance = { intent: '', evidence: [], exclusionReasons: [] }

/** The 93 Annex A controls in catalog order, with facts and the project's guidance. */
export const ANNEX_A_CONTROLS: readonly AnnexAControl[] = CONTROL_FACTS.map((facts) => ({
  ...facts,
  // A missing entry is caught by the content tests; the fallback only keeps types total.
  ...(GUIDANCE[facts.id] ?? NO_GUIDANCE),
}))

export const THEMES = [
  { theme: 'Organizational', range: '5.1–5.37' },
  { theme: 'People', range: '6.1–6.8' },
  { theme: 'Physical', range: '7.1–7.14' },
  { theme: 'Technological', range: '8.1–8.34' },
] as const satisfies readonly { theme: Theme; range: string }[]

const questionsByClause = new Map<ClauseId, Question[]>()
for (const q of QUESTIONS) {
  const list = questionsByClause.get(q.clause) ?? []
  list.push(q)
  questionsByClause.set(q.clause, list)
}

export function questionsFor(clause: ClauseId): readonly Question[] {
  return questionsByClause.get(clause) ?? []
}

const controlsById = new Map<string, AnnexAControl>(ANNEX_A_CONTROLS.map((c) => [c.id, c]))

export function controlById(id: ControlId | string): AnnexAControl | undefined {
  return controlsById.get(id)
}

const sectionsById = new Map<string, ClauseSection>(CLAUSE_SECTIONS.map((s) => [s.id, s]))

export function clauseSection(id: ClauseId): ClauseSection {
  const section = sectionsById.get(id)
  if (!section) throw new Error(`Unknown clause ${id}`)
  return section
}

const documentsByKey = new Map<MandatoryDocumentKey, MandatoryDocument>(
  MANDATORY_DOCUMENTS.map((d) => [d.key, d]),
)

export function mandatoryDocument(key: MandatoryDocumentKey): MandatoryDocument {
  const doc = documentsByKey.get(key)
  if (!doc) throw new Error(`Unknown mandatory document ${key}`)
  return doc
}

const controlDocumentsByKey = new Map<ControlDocumentKey, ControlDocument>(
  CONTROL_DOCUMENTS.map((d) => [d.key, d]),
)

export function controlDocument(key: ControlDocumentKey): ControlDocument {
  const doc = controlDocumentsByKey.get(key)
  if (!doc) throw new Error(`Unknown control document ${key}`)
  return doc
}

const nonExcludable = new Map<string, string>(NON_EXCLUDABLE_CONTROLS.map((c) => [c.id, c.reason]))
const homeWorking = new Map<string, string>(HOME_WORKING_CONTROLS.map((c) => [c.id, c.reason]))

/** Why no organization can defensibly exclude the control, or null when an exclusion can be argued. */
export function nonExcludableReason(id: ControlId | string): string | null {
  return nonExcludable.get(id) ?? null
}

/** Why the control still applies to people working from home, or null. */
export function homeWorkingReason(id: ControlId | string): string | null {
  return homeWorking.get(id) ?? null
}

const scopingById = new Map<string, ScopingQuestion>(SCOPING_QUESTIONS.map((q) => [q.id, q]))

export function scopingQuestion(id: ScopingQuestionId): ScopingQuestion {
  const question = scopingById.get(id)
  if (!question) throw new Error(`Unknown scoping question ${id}`)
  return question
}

/**
 * "How is this calculated?": the scoring rules in plain words, as headings and paragraphs for
 * the in-app panel. Every number is taken from the constants computeReadiness uses, so the text
 * cannot drift from the score; docs/scoring.md carries the same text and a test keeps the two
 * in step.
 */
import { ANNEX_A_CONTROLS, CLAUSE_SECTIONS, MANDATORY_DOCUMENTS, questionsFor } from '@/content'
import {
  ANSWER_CREDIT,
  BLOCKER_CAPS,
  EXCLUDED_IMPLEMENTATION_CREDIT,
  IMPLEMENTATION_CREDIT,
  READINESS_BANDS,
  SCORE_WEIGHTS,
  SOA_CREDIT,
  UNDECIDED_IMPLEMENTATION_CREDIT,
  bandLabel,
  documentName,
} from './readiness'

export interface ExplanationSection {
  readonly heading: string
  readonly paragraphs: readonly string[]
}

export const SCORING_EXPLANATION_TITLE = 'How the score is calculated'

/** A number as people write it: at most two decimals, no trailing zeros. */
function num(n: number): string {
  return String(Number(n.toFixed(2)))
}

/** "60 ÷ 30 ÷ 2 = 1 point", or "25 ÷ 93, about 0.27 points" when the figure is rounded. */
function worth(terms: readonly number[]): string {
  const [first = 0, ...rest] = terms
  const value = rest.reduce((v, t) => v / t, first)
  const sum = terms.join(' ÷ ')
  const unit = value === 1 ? 'point' : 'points'
  return Number(value.toFixed(2)) === value
    ? `${sum} = ${num(value)} ${unit}`
    : `${sum}, about ${num(value)} ${unit}`
}

/** "the only question", "the 10 questions". */
function theQuestions(n: number): string {
  return n === 1 ? 'the only question' : `the ${n} questions`
}

const W = SCORE_WEIGHTS
const SECTIONS = CLAUSE_SECTIONS.length
const CONTROLS = ANNEX_A_CONTROLS.length
const BIGGEST = CLAUSE_SECTIONS.reduce((a, b) =>
  questionsFor(b.id).length > questionsFor(a.id).length ? b : a,
)
const SMALLEST = CLAUSE_SECTIONS.reduce((a, b) =>
  questionsFor(b.id).length < questionsFor(a.id).length ? b : a,
)
const FIRST = CLAUSE_SECTIONS[0]
const FIRST_COUNT = FIRST ? questionsFor(FIRST.id).length : 1

const bandRanges = READINESS_BANDS.map((b, i) => {
  const next = READINESS_BANDS[i + 1]
  return `${b.label} from ${b.min} to ${next ? next.min - 1 : 100}`
})
const bandList = `${bandRanges.slice(0, -1).join(', ')} and ${bandRanges.at(-1) ?? ''}`

const documentList = MANDATORY_DOCUMENTS.map(documentName).join('; ')

/** The explanation, section by section, in the order it is read. */
export const SCORING_EXPLANATION: readonly ExplanationSection[] = [
  {
    heading: 'What the score tells you',
    paragraphs: [
      'The readiness score is a number from 0 to 100 that estimates how ready your organization is for the Stage 1 certification audit of ISO/IEC 27001:2022, in which the auditor reviews your documents and checks that your management system hangs together. It is worked out only from your answers and decisions in this app, always in the same way: the same answers give the same score, on any device.',
      'It is a self-assessment aid, not a certificate: the auditor will judge your evidence, not this number.',
    ],
  },
  {
    heading: 'Where the 100 points come from',
    paragraphs: [
      `Clauses 4 to 10, the requirements for the management system itself, count for up to ${W.clauseConformance} points. The Statement of Applicability (a decision and a reason for each of the ${CONTROLS} Annex A controls) counts for up to ${W.soaCompleteness} points. How far the Annex A controls are implemented counts for up to ${W.annexAImplementation} points.`,
      'Each part is measured as a share between 0 and 1, multiplied by its points, and the three results are added. The total is rounded to a whole number only at the very end, so small steps are never lost on the way.',
    ],
  },
  {
    heading: `Clauses 4 to 10 (${W.clauseConformance} points)`,
    paragraphs: [
      `Each question counts ${num(ANSWER_CREDIT['in-place'])} when it is in place, ${num(ANSWER_CREDIT.partly)} when it is partly in place, and ${num(ANSWER_CREDIT['not-started'])} when it is not started, marked "don't know" or not answered yet. "Don't know" earns nothing because an auditor will ask for evidence; once you find out, the answer can only go up. None of these questions can be marked "not applicable": clauses 4 to 10 apply to every organization.`,
      `The questions of each of the ${SECTIONS} sub-clauses are averaged first, and then the ${SECTIONS} sub-clauses are averaged, so every sub-clause weighs the same however many questions it has: ${theQuestions(questionsFor(BIGGEST.id).length)} of ${BIGGEST.id} (${BIGGEST.title}) count no more than ${theQuestions(questionsFor(SMALLEST.id).length)} of ${SMALLEST.id} (${SMALLEST.title}).`,
      `For example, putting in place one of the ${FIRST_COUNT} questions of ${FIRST?.id ?? ''} adds ${worth([W.clauseConformance, SECTIONS, FIRST_COUNT])}.`,
    ],
  },
  {
    heading: `Statement of Applicability (${W.soaCompleteness} points)`,
    paragraphs: [
      `Each of the ${CONTROLS} Annex A controls counts ${num(SOA_CREDIT['decided-justified'])} when it is decided (applicable or excluded) and justified, ${num(SOA_CREDIT['decided-unjustified'])} when it is decided but not yet justified, and ${num(SOA_CREDIT.undecided)} while it is undecided.`,
      'An applicable control is justified by at least one reason (risk assessment, legal or regulatory requirement, contractual obligation, business need) or a written justification. An excluded control is justified only by a written justification, because an auditor accepts no exclusion without one (6.1.3 d). Linking an applicable control to a risk treated "modify" in the risk register gives it the reason "risk assessment" by itself.',
      `Deciding and justifying one control adds ${worth([W.soaCompleteness, CONTROLS])}.`,
    ],
  },
  {
    heading: `Annex A implementation (${W.annexAImplementation} points)`,
    paragraphs: [
      `An applicable control counts ${num(IMPLEMENTATION_CREDIT.implemented)} when implemented, ${num(IMPLEMENTATION_CREDIT.partly)} when partly implemented, ${num(IMPLEMENTATION_CREDIT.planned)} when planned and ${num(IMPLEMENTATION_CREDIT['not-implemented'])} when not implemented. An excluded control counts ${num(EXCLUDED_IMPLEMENTATION_CREDIT)}, since there is nothing to implement, and an undecided control counts ${num(UNDECIDED_IMPLEMENTATION_CREDIT)}.`,
      `The average is taken over all ${CONTROLS} controls, not only the applicable ones, so that deciding a control never lowers the score. Implementing one applicable control fully adds ${worth([W.annexAImplementation, CONTROLS])}.`,
    ],
  },
  {
    heading: 'Bands',
    paragraphs: [
      `The whole-number score shown falls into a band: ${bandList}. The band can be lowered by blockers, described next.`,
    ],
  },
  {
    heading: 'Blockers',
    paragraphs: [
      `Some documented information is mandatory, and the Stage 1 auditor asks for it first: ${documentList}. A document counts as present only when the question that asks for it is answered "In place".`,
      `While any of these is missing, the band is at most ${bandLabel(BLOCKER_CAPS['missing-document'])}, whatever the number says. The internal audit programme and results (9.2.2) and the management review results (9.3.3) are shown as "no internal audit" and "no management review": without them the band is at most ${bandLabel(BLOCKER_CAPS['no-internal-audit'])}, because certification bodies expect at least one internal audit and one management review before Stage 2.`,
    ],
  },
  {
    heading: 'Why the score only goes up when you improve',
    paragraphs: [
      'The score is built so that improving any single answer or decision can never lower it, nor the band: moving an answer up (from "Not started", "Don\'t know" or no answer to "Partly", or on to "In place"), deciding a control, adding a reason or a written justification, or moving an applicable control further towards "Implemented". Blockers only ever disappear as answers improve.',
    ],
  },
  {
    heading: 'What raises my score most',
    paragraphs: [
      'For each open item the app works out exactly how much the score would rise if you completed it, using the same calculation as the score itself. Items that lift a blocker are listed first, then the largest gains. Deciding an undecided control is counted as if you decided it applicable and justified it, with nothing implemented yet, because only you can judge whether it applies.',
    ],
  },
]

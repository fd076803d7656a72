/**
 * "How is this calculated?": the scoring rules in plain words, as headings and paragraphs for
 * the in-app panel. Every number and list is taken from the constants computeReadiness uses, so
 * the text cannot drift from the verdict; docs/scoring.md carries the same text and a test
 * keeps the two in step.
 */
import {
  ANNEX_A_CONTROLS,
  CLAUSE_SECTIONS,
  NON_EXCLUDABLE_CONTROLS,
  QUESTIONS,
  mandatoryDocument,
  questionsFor,
} from '@/content'
import type { ClauseId } from '@/content'
import { MIN_JUSTIFICATION_WORDS } from './justification'
import {
  ANSWER_CREDIT,
  IMPLEMENTATION_CREDIT,
  IMPLEMENTATION_FLOOR,
  IMPLEMENTATION_FLOOR_CAP,
  NOT_ADDRESSED_CAP,
  NOT_ADDRESSED_SUPPORTING_CAP,
  OTHER_DOCUMENTS,
  OTHER_DOCUMENT_CAP,
  QUESTION_WEIGHTS,
  READINESS_BANDS,
  RECORD_BACKED_QUESTIONS,
  SCORE_WEIGHTS,
  SECTION_TIERS,
  SECTION_TIER_WEIGHTS,
  SHARED_CORE_WEIGHTS,
  SOA_CREDIT,
  STAGE1_BLOCKERS,
  STAGE_EXPECTATION,
  bandLabel,
  documentName,
  sectionWeight,
  type ReadinessBand,
  type SectionTier,
} from './readiness'
import { RISK_RECORD_PARTS } from './records'

export interface ExplanationSection {
  readonly heading: string
  readonly paragraphs: readonly string[]
}

export const SCORING_EXPLANATION_TITLE = 'How the score is calculated'

/** A number as people write it: at most two decimals, no trailing zeros. */
function num(n: number): string {
  return String(Number(n.toFixed(2)))
}

const points = (n: number) => `${num(n)} ${n === 1 ? 'point' : 'points'}`

/** "a, b and c". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`
}

const W = SCORE_WEIGHTS
const CONTROLS = ANNEX_A_CONTROLS.length
const TOTAL_WEIGHT = CLAUSE_SECTIONS.reduce((sum, s) => sum + sectionWeight(s.id), 0)

const tierOf = (id: ClauseId): SectionTier =>
  SHARED_CORE_WEIGHTS[id] !== undefined ? 'core' : (SECTION_TIERS[id] ?? 'standard')
const inTier = (tier: SectionTier) =>
  CLAUSE_SECTIONS.filter((s) => tierOf(s.id) === tier && SHARED_CORE_WEIGHTS[s.id] === undefined)
    .map((s) => `${s.id} ${s.title}`)
    .join(', ')
const shared = Object.entries(SHARED_CORE_WEIGHTS)
  .map(([id, weight]) => `${id} ${num(weight ?? 0)}`)
  .join(', ')

const example = CLAUSE_SECTIONS.find((s) => s.id === '4.3')
const exampleCount = example ? questionsFor(example.id).length : 1
const exampleWorth =
  (W.clauseConformance * sectionWeight('4.3')) / TOTAL_WEIGHT / Math.max(1, exampleCount)

const weighted = Object.entries(QUESTION_WEIGHTS).map(([id, weight]) => {
  const question = QUESTIONS.find((q) => q.id === id)
  return `the climate change question of ${question?.clause ?? id} counts ${num(weight)} of a question`
})

const recordBacked = Object.keys(RECORD_BACKED_QUESTIONS)
  .map((id) => QUESTIONS.find((q) => q.id === id)?.clause)
  .filter((c): c is ClauseId => c !== undefined)
const recordBackedClauses = list([...new Set(recordBacked)])

const bandRanges = READINESS_BANDS.map((b, i) => {
  const next = READINESS_BANDS[i + 1]
  return `${b.label} from ${b.min} to ${next ? next.min - 1 : 100}`
})

function blockersCapped(band: ReadinessBand): string {
  return list(
    STAGE1_BLOCKERS.filter((r) => r.cap === band).map((r) => `${r.title} (${r.clauseRef})`),
  )
}

const nonExcludable = list(NON_EXCLUDABLE_CONTROLS.map((c) => c.id))
const riskParts = RISK_RECORD_PARTS.length

/** The explanation, section by section, in the order it is read. */
export const SCORING_EXPLANATION: readonly ExplanationSection[] = [
  {
    heading: 'What the score tells you',
    paragraphs: [
      'The readiness score is a number from 0 to 100 that estimates how ready your organization is for the Stage 1 certification audit of ISO/IEC 27001:2022, in which the auditor reviews your documents and checks that your management system hangs together. It is worked out only from what is recorded in this app, always in the same way: the same records give the same score, on any device.',
      'Where the app holds the record itself (the Statement of Applicability, the risk register, the scope statement, and the register of documents for the mandatory documents), the record decides. An answer that claims more than the record shows earns only what the record supports, and the Overview says where the two disagree.',
      'It is a self-assessment aid, not a certificate: the auditor will judge your evidence, not this number.',
    ],
  },
  {
    heading: 'Where the 100 points come from',
    paragraphs: [
      `Clauses 4 to 10, the requirements for the management system itself, count for up to ${points(W.clauseConformance)}. The risk register counts for up to ${points(W.riskRegister)}. The Statement of Applicability (a decision and a reason for each of the ${CONTROLS} Annex A controls) counts for up to ${points(W.soaCompleteness)}. How far the controls that apply are implemented counts for up to ${points(W.annexAImplementation)}: at Stage 1 the auditor also judges whether the system is running well enough for Stage 2.`,
      'Each part is measured as a share between 0 and 1, multiplied by its points, and the results are added. The total is rounded to a whole number only at the very end, so small steps are never lost on the way.',
    ],
  },
  {
    heading: `Clauses 4 to 10 (${points(W.clauseConformance)})`,
    paragraphs: [
      `Each question counts ${num(ANSWER_CREDIT['in-place'])} when it is in place, ${num(ANSWER_CREDIT.partly)} when it is partly in place, and ${num(ANSWER_CREDIT['not-started'])} when it is not started, marked "don't know" or not answered yet. "Don't know" earns nothing because an auditor will ask for evidence; once you find out, the answer can only go up. None of these questions can be marked "not applicable": clauses 4 to 10 apply to every organization.`,
      `The questions of a sub-clause are averaged first. Within a sub-clause every question weighs the same, except that ${list(weighted)}: the 2024 amendment added climate change as one consideration among others, not as half of understanding your context.`,
      `The sub-clauses are then averaged with weights. The sub-clauses the Stage 1 review turns on weigh ${num(SECTION_TIER_WEIGHTS.core)}: ${inTier('core')}; the internal audit and the management review weigh ${num(SECTION_TIER_WEIGHTS.core)} each too, shared between their sub-clauses (${shared}). Supporting sub-clauses weigh ${num(SECTION_TIER_WEIGHTS.supporting)}: ${inTier('supporting')}. Every other sub-clause weighs ${num(SECTION_TIER_WEIGHTS.standard)}. The weights add up to ${num(TOTAL_WEIGHT)}.`,
      `For example, putting in place one of the ${exampleCount} questions of 4.3 adds ${W.clauseConformance} × ${num(sectionWeight('4.3'))} ÷ ${num(TOTAL_WEIGHT)} ÷ ${exampleCount}, about ${points(exampleWorth)}.`,
      `Some answers can be checked against the records in this app, in ${recordBackedClauses}: that the scope statement is recorded, that the Statement of Applicability is complete, that risks are identified and rated in the register, that each has an owner and a treatment, and that residual risks are accepted. Such an answer counts at most ${num(ANSWER_CREDIT['in-place'])} when the record is complete, ${num(ANSWER_CREDIT.partly)} when it is partly there, and ${num(ANSWER_CREDIT['not-started'])} when it is missing, whatever the answer says.`,
      `The questions that ask for a mandatory document are checked against the register of documents (the Documents section): the document counts ${num(ANSWER_CREDIT['in-place'])} when the register shows it approved by a named person on a date with its review not overdue, ${num(ANSWER_CREDIT.partly)} when it is a draft, its approval lacks the approver or the date, or its review date has passed, and ${num(ANSWER_CREDIT['not-started'])} when the register shows it missing or retired. The answer earns at most that. An overdue review, and any answer that claims more than the register shows, is listed as a disagreement.`,
    ],
  },
  {
    heading: `Risk register (${points(W.riskRegister)})`,
    paragraphs: [
      `Each risk in the register counts for ${riskParts} things, a quarter each: a named risk owner (6.1.2 c); a treatment decided (modify, avoid, share or retain), with at least one control linked when the treatment is "modify" (6.1.3 a and b); the residual risk rated after treatment; and the residual risk accepted by a named person with a date (6.1.3 f). The part is the average over all risks. An empty register counts 0: no risk assessment has been recorded.`,
    ],
  },
  {
    heading: `Statement of Applicability (${points(W.soaCompleteness)})`,
    paragraphs: [
      `Each of the ${CONTROLS} Annex A controls counts ${num(SOA_CREDIT['decided-justified'])} when it is decided (applicable or excluded) and justified, ${num(SOA_CREDIT['decided-unjustified'])} when it is decided but not justified, and ${num(SOA_CREDIT.undecided)} while it is undecided.`,
      `An applicable control is justified by at least one reason (risk assessment, legal or regulatory requirement, contractual obligation, business need) or a written justification. Linking an applicable control to a risk treated "modify" in the risk register gives it the reason "risk assessment" by itself. An excluded control is justified only by a written justification (6.1.3 d), and only one that says why: at least ${MIN_JUSTIFICATION_WORDS} words, not "n/a", "-", "none" or "not applicable to us".`,
      `Some controls cannot be defensibly excluded by any organization with an ISMS: ${nonExcludable}. Excluding one of them counts as decided but not justified, whatever the justification says, and is reported as a finding.`,
    ],
  },
  {
    heading: `Annex A implementation (${points(W.annexAImplementation)})`,
    paragraphs: [
      `An applicable control counts ${num(IMPLEMENTATION_CREDIT.implemented)} when implemented, ${num(IMPLEMENTATION_CREDIT.partly)} when partly implemented, ${num(IMPLEMENTATION_CREDIT.planned)} when planned and ${num(IMPLEMENTATION_CREDIT['not-implemented'])} when not implemented. An undecided control counts ${num(IMPLEMENTATION_CREDIT['not-implemented'])}: it may still apply.`,
      'The part is the average over the controls that apply or may apply. A control excluded with a justification that says why is left out: an exclusion neither earns nor costs anything here. An exclusion that is not justified, or that no organization can defend, stays in and counts as not implemented, so excluding a control never scores better than keeping it and admitting it is not in place.',
    ],
  },
  {
    heading: 'Bands',
    paragraphs: [
      `The whole-number score shown falls into a band: ${list(bandRanges)}. The band can be lowered by blockers, described next.`,
    ],
  },
  {
    heading: 'Blockers',
    paragraphs: [
      STAGE_EXPECTATION,
      `Each blocker caps the band, whatever the number says, by how far it puts you from Stage 1. At most ${bandLabel('not-ready')} while there is no foundation to audit: ${blockersCapped('not-ready')}. At most ${bandLabel('partly-ready')} while the system has not closed its first loop: ${blockersCapped('partly-ready')}. At most ${bandLabel(NOT_ADDRESSED_CAP)} while any sub-clause of clauses 4 to 10 has nothing at all in place (${bandLabel(NOT_ADDRESSED_SUPPORTING_CAP)} when all of them are supporting sub-clauses). At most ${bandLabel(OTHER_DOCUMENT_CAP)} while another mandatory document is missing: ${list(OTHER_DOCUMENTS.map(documentName))}.`,
      `The named blockers stand for these mandatory documents: ${STAGE1_BLOCKERS.flatMap((r) => r.documents.map((key) => documentName(mandatoryDocument(key)))).join('; ')}.`,
      `A blocker lifts only when the questions that ask for it are answered "In place" and the records agree: the scope needs a recorded scope statement, the risk assessment a register with at least one risk, the treatment plan an owner, a treatment and an accepted residual risk for every risk, the Statement of Applicability a justified decision for every control with no exclusion that cannot be defended, and every document it stands for approved and current in the register of documents.`,
      `"${bandLabel('ready')}" also needs the controls to be running: at least ${IMPLEMENTATION_FLOOR * 100}% of the controls that apply (or are still undecided) implemented or partly implemented, and every control linked to a risk rated above your acceptance threshold at least partly implemented. Until then the band is at most ${bandLabel(IMPLEMENTATION_FLOOR_CAP)}.`,
    ],
  },
  {
    heading: 'Why the score only goes up when you improve',
    paragraphs: [
      'Improving any single record never lowers the score or the band. An improvement is: moving an answer up (from "Not started", "Don\'t know" or no answer to "Partly", or on to "In place"); recording the scope statement; deciding an undecided control as applicable, or as excluded when it can be excluded; adding a reason or a justification that says why; moving an applicable control further towards "Implemented"; for a risk, naming its owner, deciding its treatment, rating its residual risk or recording its acceptance; and linking a risk to a control that is already at least partly implemented. Blockers only ever disappear as records improve.',
      'Some changes are not improvements and can lower the verdict, on purpose: adding a risk that is not yet owned or treated, rating a risk higher, or linking a significant risk to a control that is not implemented. They make the record more honest, and the verdict follows the record.',
    ],
  },
  {
    heading: 'What raises my score most',
    paragraphs: [
      'For each open item the app works out exactly what the score and band would become if you completed it, using the same calculation as the verdict itself. Items that lift the most serious blocker are listed first, then the largest gains. Deciding an undecided control is counted as if you decided it applicable for the risk assessment, with nothing implemented yet, because only you can judge whether it applies.',
    ],
  },
]

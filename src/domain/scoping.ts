/**
 * From the scoping interview's answers to suggested Annex A decisions, through the rule table
 * in src/content/scoping/rules.ts. Pure: the same answers always give the same suggestions,
 * and every suggestion names the rules and answers that produced it.
 *
 * For each control, in catalog order:
 * 1. the first decision rule that holds decides it: an exclusion quoting one of the control's own
 *    exclusion reasons, or applicable with the rule's justification (provided by the supplier
 *    the interview named, when the rule hands the control over);
 * 2. otherwise the baseline makes it applicable, selected by the risk assessment, justified by
 *    why no organization can exclude it when that is so;
 * 3. the reason rules that hold add their reasons and sentences to an applicable suggestion.
 *
 * Two guards stand behind the content tests: a rule that would exclude a control that cannot be
 * defensibly excluded, or quote an exclusion reason the control does not have, is skipped (the
 * suggestion says so), so no table, however edited, makes this suggest such an exclusion.
 */
import {
  ANNEX_A_CONTROLS,
  BASELINE_JUSTIFICATION,
  SCOPING_DECISION_RULES,
  SCOPING_QUESTIONS,
  SCOPING_REASON_RULES,
  homeWorkingReason,
  nonExcludableReason,
} from '@/content'
import type {
  AnnexAControl,
  JustificationReason,
  ScopingCondition,
  ScopingQuestion,
  ScopingQuestionId,
  ScopingReasonRule,
  ScopingRule,
} from '@/content'
import type { ScopingProfile } from './model'
import type { DecisionProposal, ProposalSource, ReviewItem } from './proposals'
import { JUSTIFICATION_REASONS } from './controlDecision'

export interface ScopingTable {
  readonly questions: readonly ScopingQuestion[]
  readonly decisionRules: readonly ScopingRule[]
  readonly reasonRules: readonly ScopingReasonRule[]
  readonly baselineJustification: string
}

export const SCOPING_TABLE: ScopingTable = {
  questions: SCOPING_QUESTIONS,
  decisionRules: SCOPING_DECISION_RULES,
  reasonRules: SCOPING_REASON_RULES,
  baselineJustification: BASELINE_JUSTIFICATION,
}

/** Whether the question is asked, given the other answers (a follow-up needs its trigger). */
export function isAsked(question: ScopingQuestion, profile: ScopingProfile): boolean {
  return !question.askedWhen || holds(question.askedWhen, profile)
}

/** The questions the interview asks for these answers, in order. */
export function askedQuestions(
  profile: ScopingProfile,
  questions: readonly ScopingQuestion[] = SCOPING_QUESTIONS,
): ScopingQuestion[] {
  return questions.filter((q) => isAsked(q, profile))
}

/** The answer of a question that is asked, or undefined (a hidden follow-up counts as unanswered). */
function answerOf(profile: ScopingProfile, id: ScopingQuestionId): string | undefined {
  const question = SCOPING_QUESTIONS.find((q) => q.id === id)
  if (question && !isAsked(question, profile)) return undefined
  return profile.answers[id]
}

function holds(condition: ScopingCondition, profile: ScopingProfile): boolean {
  const answer = answerOf(profile, condition.question)
  return answer !== undefined && condition.is.includes(answer)
}

/** How many of the asked questions are answered, and of how many. */
export function scopingProgress(profile: ScopingProfile): { answered: number; asked: number } {
  const asked = askedQuestions(profile)
  return {
    answered: asked.filter((q) => profile.answers[q.id] !== undefined).length,
    asked: asked.length,
  }
}

/**
 * The chosen option of a question that asks for a supplier's name, when it asks: the prompt
 * to show under it. Null when the answer asks for no name.
 */
export function namePrompt(question: ScopingQuestion, profile: ScopingProfile): string | null {
  const option = question.options.find((o) => o.value === profile.answers[question.id])
  return option?.asksFor ?? null
}

/**
 * Answers that contradict each other: the interview shows them, and the suggestions follow the
 * answers as given (an exclusion needs all its conditions, so a contradiction never excludes
 * more).
 */
export function scopingContradictions(profile: ScopingProfile): string[] {
  const a = (id: ScopingQuestionId) => answerOf(profile, id)
  const found: string[] = []
  if (a('premises') === 'none' && a('hosting') === 'on-premises') {
    found.push(
      'Servers on its own premises, but no premises of its own: check the answers on premises and hosting.',
    )
  }
  if (a('premises') === 'none' && a('remote-work') === 'no') {
    found.push(
      'No premises of its own, but nobody works remotely: check the answers on premises and remote work.',
    )
  }
  return found
}

function questionById(table: ScopingTable, id: ScopingQuestionId): ScopingQuestion | undefined {
  return table.questions.find((q) => q.id === id)
}

/** "Premises: no premises of its own, everyone works remotely" for each condition of a rule. */
function answerDetail(
  table: ScopingTable,
  conditions: readonly ScopingCondition[],
  profile: ScopingProfile,
): string {
  return conditions
    .map(({ question: id }) => {
      const question = questionById(table, id)
      const option = question?.options.find((o) => o.value === profile.answers[id])
      return `${question?.topic ?? id}: ${option?.short ?? profile.answers[id] ?? ''}`
    })
    .join('; ')
}

function ruleHolds(rule: { when: readonly ScopingCondition[] }, profile: ScopingProfile): boolean {
  return rule.when.every((c) => holds(c, profile))
}

const REASON_ORDER = JUSTIFICATION_REASONS.map((r) => r.value)

function orderedReasons(reasons: Iterable<JustificationReason>): JustificationReason[] {
  const set = new Set(reasons)
  return REASON_ORDER.filter((r) => set.has(r))
}

/** Why a decision rule cannot be used for this control, or null when it can. */
function ruleFault(rule: ScopingRule, control: AnnexAControl): string | null {
  if (rule.then.applicability !== 'excluded') return null
  if (nonExcludableReason(control.id)) {
    return `Rule ${rule.id} would exclude it, but it cannot be defensibly excluded; the rule is ignored.`
  }
  if (!control.exclusionReasons[rule.then.exclusionReason]) {
    return `Rule ${rule.id} quotes an exclusion reason this control does not have; the rule is ignored.`
  }
  return null
}

/** The suggestion for one control. */
function suggestFor(
  control: AnnexAControl,
  profile: ScopingProfile,
  table: ScopingTable,
): ReviewItem {
  const warnings: string[] = []
  const sources: ProposalSource[] = []
  let proposal: Omit<DecisionProposal, 'sources'> | null = null

  for (const rule of table.decisionRules) {
    if (!rule.controls.includes(control.id) || !ruleHolds(rule, profile)) continue
    const fault = ruleFault(rule, control)
    if (fault) {
      warnings.push(fault)
      continue
    }
    const detail = answerDetail(table, rule.when, profile)
    const then = rule.then
    if (then.applicability === 'excluded') {
      sources.push({ label: `Rule ${rule.id}: excluded`, detail })
      proposal = {
        controlId: control.id,
        applicability: 'excluded',
        provider: 'in-house',
        supplierName: '',
        reasons: [],
        justification: control.exclusionReasons[then.exclusionReason]!,
        implementationStatus: null,
      }
    } else {
      const supplier = then.suppliedBy ? (profile.names[then.suppliedBy] ?? '').trim() : ''
      const supplied = then.suppliedBy !== undefined && supplier !== ''
      if (then.suppliedBy && !supplied) {
        const prompt = questionById(table, then.suppliedBy)?.topic ?? then.suppliedBy
        warnings.push(
          `Name the supplier in the interview (${prompt}) to record this control as provided by them; until then it is suggested as run in-house.`,
        )
      }
      sources.push({
        label: supplied ? `Rule ${rule.id}: provided by a supplier` : `Rule ${rule.id}: applicable`,
        detail,
      })
      proposal = {
        controlId: control.id,
        applicability: 'applicable',
        provider: supplied ? 'supplier' : 'in-house',
        supplierName: supplied ? supplier : '',
        reasons: orderedReasons(then.reasons),
        justification: then.justification.replaceAll(
          '{supplier}',
          supplied ? supplier : 'the supplier',
        ),
        implementationStatus: null,
      }
    }
    break
  }

  if (!proposal) {
    const limit = nonExcludableReason(control.id)
    const fullyRemote = answerOf(profile, 'premises') === 'none'
    const homeWorking = homeWorkingReason(control.id)
    let justification = table.baselineJustification
    let label = 'Baseline: applicable'
    let detail = 'Every organization with information to protect needs it.'
    if (limit) {
      justification = limit
      detail = 'It cannot be defensibly excluded.'
    } else if (homeWorking && fullyRemote) {
      justification = homeWorking
      label = 'Baseline: applicable when fully remote'
      detail = answerDetail(table, [{ question: 'premises', is: ['none'] }], profile)
      warnings.push(
        `A fully remote organization still needs ${control.id} ${control.title}: ${homeWorking}`,
      )
    }
    sources.push({ label, detail })
    proposal = {
      controlId: control.id,
      applicability: 'applicable',
      provider: 'in-house',
      supplierName: '',
      reasons: ['risk-assessment'],
      justification,
      implementationStatus: null,
    }
  }

  if (proposal.applicability === 'applicable') {
    const reasons = new Set(proposal.reasons)
    const sentences: string[] = []
    for (const rule of table.reasonRules) {
      if (!rule.controls.includes(control.id) || !ruleHolds(rule, profile)) continue
      for (const r of rule.reasons) reasons.add(r)
      sentences.push(rule.sentence)
      sources.push({
        label: `Rule ${rule.id}: reason`,
        detail: answerDetail(table, rule.when, profile),
      })
    }
    proposal = {
      ...proposal,
      reasons: orderedReasons(reasons),
      justification: [proposal.justification, ...sentences].join(' '),
    }
  }

  return { controlId: control.id, options: [{ ...proposal, sources }], warnings }
}

/**
 * The suggested decision for every Annex A control, in catalog order, from the interview's
 * answers. Unanswered questions hold no condition, so an empty interview suggests every control
 * applicable through the baseline.
 */
export function suggestDecisions(
  profile: ScopingProfile,
  table: ScopingTable = SCOPING_TABLE,
  controls: readonly AnnexAControl[] = ANNEX_A_CONTROLS,
): ReviewItem[] {
  return controls.map((control) => suggestFor(control, profile, table))
}

export { EMPTY_SCOPING, applyScopingChange, cleanSupplierName } from './scopingProfile'
export type { ScopingChange } from './scopingProfile'

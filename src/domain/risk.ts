/**
 * The risk register: how risks are rated against the organization's risk criteria (6.1.2 a),
 * what a valid risk is, the treatment options (6.1.3 a), the heat map and the register's filter.
 */
import { isCalendarDate } from './clauseAnswer'
import { FIELD_LIMITS } from './limits'
import type { Risk, TreatmentOption, Workspace, WorkspaceId } from './model'

/** Likelihood and impact are rated from 1 to 3 or from 1 to 5. */
export type RiskScale = 3 | 5

/** The scales offered, smallest first. */
export const RISK_SCALES = [3, 5] as const satisfies readonly RiskScale[]

/**
 * The risk criteria of 6.1.2 a): the scale likelihood and impact are rated on, what each level
 * means, and the highest level (likelihood × impact) the organization accepts without treatment.
 */
export interface RiskCriteria {
  readonly scale: RiskScale
  /** `scale` labels; index 0 names level 1. */
  readonly likelihoodLabels: readonly string[]
  /** `scale` labels; index 0 names level 1. */
  readonly impactLabels: readonly string[]
  /** A risk whose level is at or below this is within the acceptance criteria. */
  readonly acceptanceThreshold: number
}

/** The criteria a workspace has until someone changes them. */
export const DEFAULT_RISK_CRITERIA: RiskCriteria = {
  scale: 5,
  likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  acceptanceThreshold: 4,
}

const THREE_LEVEL_CRITERIA: RiskCriteria = {
  scale: 3,
  likelihoodLabels: ['Low', 'Medium', 'High'],
  impactLabels: ['Low', 'Medium', 'High'],
  acceptanceThreshold: 2,
}

/**
 * The default criteria for a scale: on 1–5, Rare to Almost certain and Negligible to Severe,
 * acceptable up to level 4; on 1–3, Low, Medium, High, acceptable up to level 2. A severe impact
 * is never accepted without treatment, however rare: on 1–5, Rare × Severe (5) and Unlikely ×
 * Moderate (6) need treatment while Rare × Major and Unlikely × Minor (4) are accepted as they
 * are; on 1–3, Low × High (3) needs treatment and Low × Medium (2) is accepted.
 */
export function defaultCriteriaFor(scale: RiskScale): RiskCriteria {
  return scale === 3 ? THREE_LEVEL_CRITERIA : DEFAULT_RISK_CRITERIA
}

/** The workspace's risk criteria, or DEFAULT_RISK_CRITERIA when it has none yet. */
export function criteriaOf(workspace: Pick<Workspace, 'riskCriteria'>): RiskCriteria {
  return workspace.riskCriteria ?? DEFAULT_RISK_CRITERIA
}

/**
 * What is wrong with a set of risk criteria, in plain words; empty when they can be saved. The
 * scale is 1–3 or 1–5; each of likelihood and impact has one label per level, none blank and none
 * longer than a name (120 characters); the acceptance threshold is a whole number from 1 to the
 * highest level, scale × scale (6.1.2 a asks for criteria that give consistent results).
 */
export function checkCriteria(criteria: RiskCriteria): string[] {
  const problems: string[] = []
  const scale: number = criteria.scale
  if (!RISK_SCALES.some((s) => s === scale)) {
    return ['Choose a scale of 1 to 3 or 1 to 5 for likelihood and impact.']
  }
  const labels = [
    ['likelihood', criteria.likelihoodLabels],
    ['impact', criteria.impactLabels],
  ] as const
  for (const [what, list] of labels) {
    if (list.length !== scale) {
      problems.push(
        `Give ${scale} ${what} labels, one for each level from 1 to ${scale} (there are ${list.length}).`,
      )
    }
    if (list.some((label) => label.trim() === '')) {
      problems.push(`Give every ${what} level a label.`)
    }
    if (list.some((label) => label.length > FIELD_LIMITS.name)) {
      problems.push(`Keep each ${what} label to at most ${FIELD_LIMITS.name} characters.`)
    }
  }
  const threshold = criteria.acceptanceThreshold
  const highest = scale * scale
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > highest) {
    problems.push(
      `Set the acceptance threshold to a whole number from 1 to ${highest} (likelihood × impact).`,
    )
  }
  return problems
}

/** A risk's level: likelihood × impact, from 1 to scale × scale. */
export function riskLevel(likelihood: number, impact: number): number {
  return likelihood * impact
}

/**
 * The level of the risk that remains after treatment (residual likelihood × residual impact), or
 * null until both residual values are rated.
 */
export function residualLevel(risk: Risk): number | null {
  if (risk.residualLikelihood === null || risk.residualImpact === null) return null
  return riskLevel(risk.residualLikelihood, risk.residualImpact)
}

export type LevelBand = 'low' | 'medium' | 'high'

export const LEVEL_BAND_LABELS = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
} as const satisfies Record<LevelBand, string>

/** Levels above this share of the highest level (scale × scale) are high. */
export const HIGH_BAND_SHARE = 0.6

/**
 * The band of a level under the criteria: "low" when it is within the acceptance criteria (at or
 * below the acceptance threshold, 6.1.2 a), "high" when it is above 60 % of the highest level
 * (on 1–5: 16, 20 and 25; on 1–3: 6 and 9), "medium" in between. Acceptance wins: a level at or
 * below the threshold is low even if the threshold was set high.
 */
export function levelBand(level: number, criteria: RiskCriteria): LevelBand {
  if (level <= criteria.acceptanceThreshold) return 'low'
  if (level > criteria.scale * criteria.scale * HIGH_BAND_SHARE) return 'high'
  return 'medium'
}

/** A rating moved into 1..scale: rounded, then clamped; anything not a number counts as 1. */
function clampLevel(value: number, scale: RiskScale): number {
  if (!Number.isFinite(value)) return 1
  return Math.min(scale, Math.max(1, Math.round(value)))
}

/**
 * A new risk with a title: likelihood and impact in the middle of the scale (3 on 1–5, 2 on 1–3)
 * until someone rates them, no treatment decided, no controls, no owner, no residual rating and
 * no acceptance. `now` (an ISO timestamp) is its creation and update time.
 */
export function newRisk(
  id: string,
  workspaceId: WorkspaceId,
  title: string,
  now: string,
  criteria: RiskCriteria,
): Risk {
  const middle = Math.ceil(criteria.scale / 2)
  return {
    id,
    workspaceId,
    title: title.trim(),
    asset: '',
    threat: '',
    vulnerability: '',
    likelihood: middle,
    impact: middle,
    treatment: null,
    controlIds: [],
    owner: '',
    residualLikelihood: null,
    residualImpact: null,
    acceptedBy: '',
    acceptedOn: null,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * The level at which a risk was accepted, when that is above the acceptance threshold of the
 * criteria (residual level, or the level before treatment when no residual is rated), else null.
 * Accepted means a name and a date, as the traceability check reads it (accepted-above-criteria).
 */
export function acceptedAboveCriteria(
  risk: Pick<
    Risk,
    'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact' | 'acceptedBy' | 'acceptedOn'
  >,
  criteria: RiskCriteria,
): number | null {
  if (risk.acceptedBy.trim() === '' || !risk.acceptedOn) return null
  const level =
    risk.residualLikelihood !== null && risk.residualImpact !== null
      ? riskLevel(risk.residualLikelihood, risk.residualImpact)
      : riskLevel(risk.likelihood, risk.impact)
  return level > criteria.acceptanceThreshold ? level : null
}

export type RiskProblem =
  | 'title-required'
  | 'title-too-long'
  | 'text-too-long'
  | 'likelihood-out-of-scale'
  | 'impact-out-of-scale'
  | 'residual-out-of-scale'
  | 'residual-incomplete'
  | 'accepted-on-invalid'

export const RISK_PROBLEM_MESSAGES: Record<RiskProblem, string> = {
  'title-required': 'Give the risk a title, such as "Customer data lost with a stolen laptop".',
  'title-too-long': `Use at most ${FIELD_LIMITS.shortText.toLocaleString('en')} characters for the title.`,
  'text-too-long': `Shorten the text: asset, threat and vulnerability hold at most ${FIELD_LIMITS.shortText.toLocaleString('en')} characters, the owner's and the acceptor's names at most ${FIELD_LIMITS.name}.`,
  'likelihood-out-of-scale': 'Choose a likelihood from the scale of your risk criteria.',
  'impact-out-of-scale': 'Choose an impact from the scale of your risk criteria.',
  'residual-out-of-scale':
    'Choose the residual likelihood and impact from the scale of your risk criteria.',
  'residual-incomplete':
    'Rate both the residual likelihood and the residual impact, or neither of them.',
  'accepted-on-invalid': 'Enter the date the residual risk was accepted as a real date.',
}

const isLevel = (value: number, scale: RiskScale) =>
  Number.isInteger(value) && value >= 1 && value <= scale

/**
 * What keeps a risk from being saved. A risk has a title (trimmed, at most 1,000 characters);
 * its texts and names fit the field limits; likelihood and impact are whole numbers on the
 * scale of the risk criteria (6.1.2 a); the residual rating, if any, is on the same scale and has
 * both its likelihood and its impact; and the date the residual risk was accepted (6.1.3 f), if
 * any, is a real yyyy-mm-dd date.
 */
export function riskProblems(risk: Risk, criteria: RiskCriteria): RiskProblem[] {
  const problems: RiskProblem[] = []
  const title = risk.title.trim()
  if (title === '') problems.push('title-required')
  if (title.length > FIELD_LIMITS.shortText) problems.push('title-too-long')
  const texts = [risk.asset, risk.threat, risk.vulnerability]
  const names = [risk.owner, risk.acceptedBy]
  if (
    texts.some((t) => t.length > FIELD_LIMITS.shortText) ||
    names.some((n) => n.length > FIELD_LIMITS.name)
  ) {
    problems.push('text-too-long')
  }
  if (!isLevel(risk.likelihood, criteria.scale)) problems.push('likelihood-out-of-scale')
  if (!isLevel(risk.impact, criteria.scale)) problems.push('impact-out-of-scale')
  const residual = [risk.residualLikelihood, risk.residualImpact]
  if (residual.some((v) => v !== null && !isLevel(v, criteria.scale))) {
    problems.push('residual-out-of-scale')
  }
  if ((risk.residualLikelihood === null) !== (risk.residualImpact === null)) {
    problems.push('residual-incomplete')
  }
  if (risk.acceptedOn !== null && !isCalendarDate(risk.acceptedOn)) {
    problems.push('accepted-on-invalid')
  }
  return problems
}

/** The four risk treatment options (6.1.3 a), in the order they are offered. */
export const TREATMENT_OPTIONS = [
  {
    value: 'modify',
    label: 'Modify',
    explanation: 'Reduce the risk with controls, so it becomes less likely or less harmful.',
  },
  {
    value: 'avoid',
    label: 'Avoid',
    explanation: 'Stop or change the activity the risk comes from, so the risk no longer exists.',
  },
  {
    value: 'share',
    label: 'Share',
    explanation: 'Pass part of the risk to another party, such as an insurer or a supplier.',
  },
  {
    value: 'retain',
    label: 'Retain',
    explanation: 'Accept the risk as it is, knowingly, and keep an eye on it.',
  },
] as const satisfies readonly { value: TreatmentOption; label: string; explanation: string }[]

/** The option's label, or "No treatment decided" when none is chosen yet. */
export function treatmentLabel(treatment: TreatmentOption | null): string {
  return TREATMENT_OPTIONS.find((o) => o.value === treatment)?.label ?? 'No treatment decided'
}

export type RiskView = 'inherent' | 'residual'

export interface HeatMapCell {
  likelihood: number
  impact: number
  count: number
  /** The risks in the cell, in the order given. */
  riskIds: string[]
}

/**
 * The heat map of the register: one row per likelihood, from the highest to 1 (as displayed,
 * likelihood going up the page), and in each row one cell per impact from 1 to the highest.
 * 'inherent' places each risk by its likelihood and impact before treatment; 'residual' by its
 * residual rating, leaving out risks not yet rated after treatment. A rating outside the scale
 * (left from a different scale) is rounded and clamped into it, so every risk is counted once.
 */
export function heatMap(
  risks: readonly Risk[],
  criteria: RiskCriteria,
  which: RiskView,
): HeatMapCell[][] {
  const { scale } = criteria
  const rows: HeatMapCell[][] = []
  for (let likelihood = scale; likelihood >= 1; likelihood--) {
    const row: HeatMapCell[] = []
    for (let impact = 1; impact <= scale; impact++) {
      row.push({ likelihood, impact, count: 0, riskIds: [] })
    }
    rows.push(row)
  }
  for (const risk of risks) {
    const place = placeOf(risk, which, scale)
    if (!place) continue
    const cell = rows[scale - place.likelihood]?.[place.impact - 1]
    if (!cell) continue
    cell.count++
    cell.riskIds.push(risk.id)
  }
  return rows
}

function placeOf(
  risk: Risk,
  which: RiskView,
  scale: RiskScale,
): { likelihood: number; impact: number } | null {
  if (which === 'inherent') {
    return {
      likelihood: clampLevel(risk.likelihood, scale),
      impact: clampLevel(risk.impact, scale),
    }
  }
  if (risk.residualLikelihood === null || risk.residualImpact === null) return null
  return {
    likelihood: clampLevel(risk.residualLikelihood, scale),
    impact: clampLevel(risk.residualImpact, scale),
  }
}

export interface RiskFilter {
  /** Words to find in the title, asset, threat, vulnerability or owner; '' for all. */
  text: string
  /** A heat map cell to keep only its risks, or null. */
  cell: { which: RiskView; likelihood: number; impact: number } | null
  /** A treatment option, 'none' for risks without one yet, or 'any'. */
  treatment: TreatmentOption | 'none' | 'any'
}

export const NO_RISK_FILTER: RiskFilter = { text: '', cell: null, treatment: 'any' }

const TITLE_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/**
 * The risks matching every active filter, the highest inherent level first, then by title (then
 * by id, so the order never depends on the input). Text matches any part of the title, asset,
 * threat, vulnerability or owner, ignoring case; a cell keeps the risks the heat map of the same
 * criteria shows in it (ratings clamped into the scale the same way, so pass the workspace's
 * criteria; the default, 1–5, only clamps into 1–5); 'none' keeps risks with no treatment decided.
 * One pass over the risks and one sort: a register of thousands filters at every keystroke.
 */
export function filterRisks(
  risks: readonly Risk[],
  filter: RiskFilter,
  criteria: RiskCriteria = DEFAULT_RISK_CRITERIA,
): Risk[] {
  const text = filter.text.trim().toLowerCase()
  const { cell, treatment } = filter
  const kept: { risk: Risk; level: number }[] = []
  for (const risk of risks) {
    if (treatment === 'none' && risk.treatment !== null) continue
    if (treatment !== 'none' && treatment !== 'any' && risk.treatment !== treatment) continue
    if (cell) {
      const place = placeOf(risk, cell.which, criteria.scale)
      if (!place || place.likelihood !== cell.likelihood || place.impact !== cell.impact) continue
    }
    if (text !== '') {
      const fields = [risk.title, risk.asset, risk.threat, risk.vulnerability, risk.owner]
      if (!fields.some((field) => field.toLowerCase().includes(text))) continue
    }
    kept.push({ risk, level: riskLevel(risk.likelihood, risk.impact) })
  }
  kept.sort(
    (a, b) =>
      b.level - a.level ||
      TITLE_ORDER.compare(a.risk.title, b.risk.title) ||
      (a.risk.id < b.risk.id ? -1 : a.risk.id > b.risk.id ? 1 : 0),
  )
  return kept.map((k) => k.risk)
}

/** Level on 1–5 → level on 1–3, by index (level 1 first). */
const FIVE_TO_THREE = [1, 1, 2, 3, 3] as const
/** Level on 1–3 → level on 1–5, by index (level 1 first). */
const THREE_TO_FIVE = [1, 3, 5] as const

/**
 * A rating moved from one scale to the other, keeping its place on the scale: from 1–5 to 1–3,
 * 1 and 2 become 1, 3 becomes 2, 4 and 5 become 3 (the bottom, middle and top of the scale);
 * from 1–3 to 1–5, 1, 2 and 3 become 1, 3 and 5. Going to 1–5 and back gives the same rating.
 * A rating outside the original scale is first clamped into it; on the same scale it is only
 * clamped.
 */
export function rescaleLevel(level: number, from: RiskScale, to: RiskScale): number {
  const clamped = clampLevel(level, from)
  if (from === to) return clamped
  const table = from === 5 ? FIVE_TO_THREE : THREE_TO_FIVE
  return table[clamped - 1] ?? clamped
}

/**
 * Every risk with its ratings (likelihood, impact and the residual ones when set) moved from one
 * scale to the other by rescaleLevel, for when the workspace changes its risk criteria between
 * 1–5 and 1–3, so no risk is left outside the new scale. Other fields, updatedAt included, are
 * kept; when `from` equals `to` the risks are returned unchanged.
 */
export function rescaleRisks(risks: readonly Risk[], from: RiskScale, to: RiskScale): Risk[] {
  if (from === to) return [...risks]
  const rescale = (level: number) => rescaleLevel(level, from, to)
  return risks.map((risk) => ({
    ...risk,
    likelihood: rescale(risk.likelihood),
    impact: rescale(risk.impact),
    residualLikelihood: risk.residualLikelihood === null ? null : rescale(risk.residualLikelihood),
    residualImpact: risk.residualImpact === null ? null : rescale(risk.residualImpact),
  }))
}

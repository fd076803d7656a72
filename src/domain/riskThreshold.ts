/**
 * What an acceptance threshold means in words, with the workspace's own level labels, so whoever
 * sets the risk acceptance criteria (6.1.2 a) sees which ratings the number lets through.
 */
import { riskLevel, type RiskCriteria } from './risk'

interface Rating {
  readonly likelihood: number
  readonly impact: number
  readonly level: number
}

function ratings(scale: number): Rating[] {
  const all: Rating[] = []
  for (let likelihood = 1; likelihood <= scale; likelihood++) {
    for (let impact = 1; impact <= scale; impact++) {
      all.push({ likelihood, impact, level: riskLevel(likelihood, impact) })
    }
  }
  return all
}

/** Of several ratings, the one whose impact is worst: the one a reader cares about. */
function worstImpact(candidates: readonly Rating[]): Rating | undefined {
  return candidates.reduce<Rating | undefined>(
    (best, r) => (!best || r.impact > best.impact ? r : best),
    undefined,
  )
}

/**
 * The consequence of an acceptance threshold, in one sentence, e.g. "With a threshold of 4, a
 * risk rated Rare × Severe (5) is above it and needs treatment, while Rare × Major (4) is
 * accepted without treatment." It always says what happens to the rarest risk with the worst
 * impact (likelihood 1 × the top impact level), then names the nearest rating on the other side
 * of the threshold: the highest level still accepted, or the lowest level that needs treatment
 * (of equal levels, the one with the worse impact). Null when the threshold is not a whole number
 * from 1 to scale × scale.
 */
export function explainThreshold(
  criteria: RiskCriteria,
  threshold: number = criteria.acceptanceThreshold,
): string | null {
  const { scale } = criteria
  const highest = scale * scale
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > highest) return null
  const name = (r: Rating) =>
    `${criteria.likelihoodLabels[r.likelihood - 1] ?? r.likelihood} × ${
      criteria.impactLabels[r.impact - 1] ?? r.impact
    } (${r.level})`
  const all = ratings(scale)
  const start = `With a threshold of ${threshold},`
  if (threshold >= highest) {
    const top = { likelihood: scale, impact: scale, level: highest }
    return `${start} every risk is accepted without treatment, even one rated ${name(top)}.`
  }
  const rareWorst = { likelihood: 1, impact: scale, level: riskLevel(1, scale) }
  if (rareWorst.level > threshold) {
    const accepted = all.filter((r) => r.level <= threshold)
    const top = Math.max(...accepted.map((r) => r.level))
    const nearest = worstImpact(accepted.filter((r) => r.level === top))
    return (
      `${start} a risk rated ${name(rareWorst)} is above it and needs treatment` +
      (nearest ? `, while ${name(nearest)} is accepted without treatment.` : '.')
    )
  }
  const treated = all.filter((r) => r.level > threshold)
  const bottom = Math.min(...treated.map((r) => r.level))
  const nearest = worstImpact(treated.filter((r) => r.level === bottom))
  return (
    `${start} even a risk rated ${name(rareWorst)} is accepted without treatment` +
    (nearest ? `, while ${name(nearest)} is above it and needs treatment.` : '.')
  )
}

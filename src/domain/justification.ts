/**
 * When a written justification counts as one. 6.1.3 d asks the SoA to justify every inclusion
 * and exclusion; an auditor reads the text, and "n/a" or "-" says nothing about why.
 */

/** The fewest words a justification needs to say why ("No offices of our own" has four). */
export const MIN_JUSTIFICATION_WORDS = 3

/**
 * Words that say "it does not apply" without saying why. A text made of nothing else ("n/a",
 * "Not applicable to us", "Not relevant for this company") is a placeholder, not a reason.
 */
const FILLER_WORDS = new Set(
  (
    'n a na not applicable relevant needed required necessary none nothing no tbd todo see above ' +
    'as same to for us we our here this that the it is are control company organization ok yes x'
  ).split(' '),
)

/**
 * The same texts are judged for every control on every recomputation (verdict, SoA, gaps, what-
 * ifs), so answers are remembered; the limit keeps a long session's memory bounded.
 */
const MEMO_LIMIT = 2000
const verdicts = new Map<string, boolean>()

/**
 * Whether a written justification says why: at least MIN_JUSTIFICATION_WORDS words of letters
 * or digits, not all of them filler such as "n/a", "-", "none", "TBD", "not applicable to us".
 */
export function isSubstantiveJustification(text: string): boolean {
  let known = verdicts.get(text)
  if (known === undefined) {
    known = judge(text)
    if (verdicts.size >= MEMO_LIMIT) verdicts.clear()
    verdicts.set(text, known)
  }
  return known
}

function judge(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
  if (words.length < MIN_JUSTIFICATION_WORDS) return false
  return words.some((w) => !FILLER_WORDS.has(w))
}

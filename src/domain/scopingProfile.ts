/**
 * The stored answers of the scoping interview and how one change is saved into them. Kept apart
 * from the suggestions (scoping.ts, which reads the whole Annex A catalog and rule table): the
 * repositories import this, and the first screen must not load the catalog with them.
 */
import { SCOPING_QUESTIONS } from '@/content/scoping/questions'
import type { ScopingQuestionId } from '@/content/types'
import { FIELD_LIMITS } from './limits'
import type { ScopingProfile } from './model'

export const EMPTY_SCOPING: ScopingProfile = { answers: {}, names: {}, updatedAt: '' }

/**
 * The profile after one change of the interview. A supplier's name belongs to the answer that
 * asked for it: when the answer changes to one that asks for none, the name goes with it (the
 * field is no longer shown, and a backup refuses a name no answer asks for); a name is only
 * taken for an answer that asks for one.
 */
export function applyScopingChange(
  stored: ScopingProfile | undefined,
  change: ScopingChange,
  now: string,
): ScopingProfile {
  const base = stored ?? EMPTY_SCOPING
  const answers =
    change.answer === undefined
      ? base.answers
      : { ...base.answers, [change.question]: change.answer }
  const names: Partial<Record<ScopingQuestionId, string>> = { ...base.names }
  if (change.name !== undefined) names[change.question] = cleanSupplierName(change.name)
  for (const question of SCOPING_QUESTIONS) {
    const option = question.options.find((o) => o.value === answers[question.id])
    const asks = option !== undefined && 'asksFor' in option
    if (!asks) delete names[question.id]
  }
  return { answers, names, updatedAt: now }
}

/**
 * A supplier's name as typed, made storable: control characters (a paste from a PDF) become
 * spaces and the length stays within the limit of names.
 */
export function cleanSupplierName(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, FIELD_LIMITS.name)
}

/** One answer or one supplier name of the scoping interview, as the interview saves it. */
export interface ScopingChange {
  readonly question: ScopingQuestionId
  /** The chosen option's value; absent to leave the answer as stored. */
  readonly answer?: string
  /** The supplier's name; absent to leave the name as stored. */
  readonly name?: string
}

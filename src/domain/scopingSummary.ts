/**
 * The scoping interview's answers as a reader reads them: one line per question answered, the
 * same in the gap report's scope section and on the screen.
 */
import { SCOPING_QUESTIONS, type ScopingQuestion, type ScopingQuestionId } from '@/content'
import type { ScopingProfile } from './model'

export interface ScopingSummaryRow {
  readonly questionId: ScopingQuestionId
  /** The subject of the question ("Hosting"). */
  readonly topic: string
  /** The question as the interview asks it. */
  readonly question: string
  /** The option chosen, with the supplier named for it: "… — provided by CloudHost AG". */
  readonly answer: string
}

const questions: readonly ScopingQuestion[] = SCOPING_QUESTIONS

/**
 * The answered questions of a scoping interview, in interview order, each with its topic, its
 * question and the chosen option's label; where the option asks for a name (a supplier who runs
 * what the answer hands over) and one was given, "— provided by <name>" follows. A question not
 * answered is left out, and so is an answer that is not one of its question's options (a backup
 * refuses those, so only content that dropped an option leaves one), since it cannot be worded.
 * No interview gives no rows.
 */
export function scopingSummaryRows(profile: ScopingProfile | undefined): ScopingSummaryRow[] {
  if (!profile) return []
  return questions.flatMap((q) => {
    const option = q.options.find((o) => o.value === profile.answers[q.id])
    if (!option) return []
    const name = option.asksFor === undefined ? '' : (profile.names[q.id] ?? '').trim()
    const answer = name === '' ? option.label : `${option.label} — provided by ${name}`
    return [{ questionId: q.id, topic: q.topic, question: q.text, answer }]
  })
}

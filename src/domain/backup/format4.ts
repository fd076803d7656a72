/**
 * Backup format 4: the rows of the five tables as the app stored them before the register of
 * documented information (database schema version 3). It is format 3 with the answers of a
 * workspace's scoping interview (src/content/scoping): the option chosen for each question
 * answered, the supplier named where an answer asks for one, and when the interview was last
 * changed.
 *
 * A released format is never edited. Since format 5 came, this file has `up(data)`, turning
 * format 4's data into format 5's (no register rows), instead of `read` and `write`, which moved
 * to format5.ts; and tests/fixtures/backups/format-4.json keeps proving that files of this
 * format still import.
 *
 * The fields of each row are listed in the order the app writes them (canonical.ts), so that
 * the rows a schema gives back are already in that order.
 */
import * as v from 'valibot'
import { SCOPING_QUESTIONS, type ScopingQuestionId } from '@/content'
import { FIELD_LIMITS } from '../limits'
import { name, text, timestamp } from './fields'
import { Format3Data } from './format3'
import type { Format5Data } from './format5'
import type { OlderFormat } from './registry'

// The tables format 4 did not change, and the fields of a workspace it did not change, are
// checked as format 3 checks them: a released format's schemas never change, so format 4 shares
// them.
const format3Tables = Format3Data.entries

type Question = (typeof SCOPING_QUESTIONS)[number]

/** The questions with an answer that asks for a name: only they may have one. */
type NamedQuestionId = Question extends infer Q
  ? Q extends { readonly id: infer Id; readonly options: readonly (infer O)[] }
    ? O extends { readonly asksFor: string }
      ? Id
      : never
    : never
  : never

const asksForName = (q: Question): q is Extract<Question, { readonly id: NamedQuestionId }> =>
  q.options.some((option: { readonly asksFor?: string }) => option.asksFor !== undefined)

/**
 * A strict object with one optional field per question: a question the interview does not have
 * is a field no backup has. Object.fromEntries loses the names of the fields, which the type
 * gives back.
 */
function byQuestion<Id extends ScopingQuestionId, S extends v.GenericSchema>(
  ids: readonly Id[],
  schema: S,
) {
  const entries = Object.fromEntries(ids.map((id) => [id, v.optional(schema)]))
  return v.strictObject(entries as Record<Id, v.OptionalSchema<S, undefined>>)
}

/**
 * The interview's answers. An answer is the value of one of its question's options, which the
 * rules check so that the refusal can name the question; the schema only bounds its length
 * (option values are short, stable ids). The questions are the content's, as the controls of a
 * decision are the catalog's: a question id is never renamed or removed once released
 * (src/content/scoping/questions.ts), so this schema only ever takes more.
 */
const ScopingSchema = v.strictObject({
  answers: byQuestion(
    SCOPING_QUESTIONS.map((q) => q.id),
    text(FIELD_LIMITS.id),
  ),
  names: byQuestion(
    SCOPING_QUESTIONS.filter(asksForName).map((q) => q.id),
    name,
  ),
  updatedAt: timestamp,
})

const WorkspaceSchema = v.strictObject({
  ...format3Tables.workspaces.item.entries,
  scoping: v.optional(ScopingSchema),
})

export const Format4Data = v.strictObject({
  workspaces: v.array(WorkspaceSchema),
  clauseAnswers: format3Tables.clauseAnswers,
  controlDecisions: format3Tables.controlDecisions,
  risks: format3Tables.risks,
  snapshots: format3Tables.snapshots,
})

export type Format4Data = v.InferOutput<typeof Format4Data>

export const format4 = {
  version: 4,
  data: Format4Data,
  // Format 4 had no register of documented information: its data is format 5's with no register
  // rows, and its snapshots froze none (their records have no `register`, which is not the same
  // as an empty one, see SnapshotRecords).
  up: (data: Format4Data): Format5Data => ({ ...data, registerEntries: [] }),
} as const satisfies OlderFormat<typeof Format4Data, Format5Data>

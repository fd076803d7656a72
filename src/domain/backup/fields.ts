/**
 * Building blocks of the format schemas: the types, lengths and allowed values of single fields,
 * and how a schema's first issue is told to the user. Changing one here changes every format
 * that uses it; a format whose field differs defines its own.
 */
import * as v from 'valibot'
import { controlById, type ControlId } from '@/content'
import { FIELD_LIMITS } from '../limits'
import type {
  AnswerStatus,
  Applicability,
  ControlProvider,
  ImplementationStatus,
  JustificationReason,
  TreatmentOption,
} from '../model'

/** The members of a union type, listed once; fails to compile when one is missing. */
const allOf =
  <T extends string>() =>
  <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : never),
  ): A =>
    values

export const ANSWER_STATUSES = allOf<AnswerStatus>()([
  'not-started',
  'partly',
  'in-place',
  'dont-know',
])
export const APPLICABILITIES = allOf<Applicability>()(['undecided', 'applicable', 'excluded'])
export const REASONS = allOf<JustificationReason>()([
  'risk-assessment',
  'legal-regulatory',
  'contractual',
  'business-need',
])
export const IMPLEMENTATION_STATUSES = allOf<ImplementationStatus>()([
  'not-implemented',
  'planned',
  'partly',
  'implemented',
])
export const PROVIDERS = allOf<ControlProvider>()(['in-house', 'supplier'])
export const TREATMENTS = allOf<TreatmentOption>()(['modify', 'avoid', 'share', 'retain'])

const ID_PATTERN = /^[A-Za-z0-9_-]+$/
const QUESTION_ID_PATTERN = /^q-[\d.]+-[a-z0-9-]+$/
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
export const SHA256_PATTERN = /^[0-9a-f]{64}$/

const digits = (text: string, from: number, to: number) => Number(text.slice(from, to))

/** True for a day that exists in the (proleptic Gregorian) calendar. */
function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
  return day <= days
}

/**
 * True for a timestamp in the form TIMESTAMP_PATTERN has checked that names a real instant (no
 * 31 February, no 24:00, no leap second): exactly those `new Date(t).toISOString()` gives back
 * unchanged, read from the digits because a backup holds tens of thousands of them.
 */
function isRealTimestamp(value: string): boolean {
  return (
    isRealDay(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10)) &&
    digits(value, 11, 13) < 24 &&
    digits(value, 14, 16) < 60 &&
    digits(value, 17, 19) < 60
  )
}

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
export const name = text(FIELD_LIMITS.name)
export const shortText = text(FIELD_LIMITS.shortText)
export const longText = text(FIELD_LIMITS.longText)
export const id = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(FIELD_LIMITS.id),
  v.regex(ID_PATTERN),
)
export const timestamp = v.pipe(
  v.string(),
  v.regex(TIMESTAMP_PATTERN),
  v.check(isRealTimestamp, 'is not a real date and time'),
)
export const isoDate = v.pipe(
  v.string(),
  v.regex(DATE_PATTERN),
  v.check(
    (date) => isRealDay(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10)),
    'is not a real date',
  ),
)
export const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1))
export const count = v.pipe(v.number(), v.integer(), v.minValue(0))
/** A rating on the largest scale; the rules check it against the workspace's own scale. */
export const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))
/**
 * Evidence references: a bound on the list and on each item, so a hostile file is cheap to
 * refuse; the rules then check the list as the editor's text (see evidenceProblems).
 */
export const evidence = v.pipe(v.array(longText), v.maxLength(FIELD_LIMITS.evidenceItems))
export const questionId = v.pipe(v.string(), v.maxLength(100), v.regex(QUESTION_ID_PATTERN))
export const controlId = v.custom<ControlId>(
  (value) => typeof value === 'string' && controlById(value) !== undefined,
  'is not a control of the Annex A catalog',
)

/** A path of a valibot issue as the user reads it: "clauseAnswers[3].status". */
export function issuePath(path: readonly { readonly key: unknown }[] | undefined): string {
  return formatPath((path ?? []).map(({ key }) => (typeof key === 'number' ? key : String(key))))
}

/** A path in the file as the user reads it, without the leading "data.": "risks[0].title". */
export function formatPath(path: readonly (string | number)[]): string {
  let out = ''
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${key}`
  }
  return out.replace(/^data\./, '') || 'the file'
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  strict_object: 'a group of fields',
}

/** What is wrong with the value at an issue's path, to follow the path in a sentence. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return 'is a field no backup has'
  }
  if (issue.received === 'undefined') return 'is missing'
  switch (issue.type) {
    case 'max_length':
      return typeof issue.input === 'string'
        ? `is too long (at most ${String(issue.requirement)} characters)`
        : `has too many items (at most ${String(issue.requirement)})`
    case 'min_length':
      return 'is empty'
    case 'regex':
      return 'is not in the expected form'
    case 'integer':
      return 'is not a whole number'
    case 'min_value':
      return `is below ${String(issue.requirement)}`
    case 'max_value':
      return `is above ${String(issue.requirement)}`
    case 'finite':
      return 'is not a finite number'
    case 'picklist':
    case 'literal':
      return 'is not one of the allowed values'
    case 'check':
    case 'custom':
      return issue.message
    default:
      return `has the wrong type (expected ${TYPE_WORDS[issue.type] ?? issue.type})`
  }
}

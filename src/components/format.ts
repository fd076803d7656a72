const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** A stored ISO timestamp as the user's locale shows dates. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

/** "1 answer", "3 answers": a count with its noun in the right number. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`
}

/** Today's date on the user's calendar, yyyy-mm-dd (not the UTC date, which can be a day off). */
export function localDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * A name as a file-name part: accents dropped, lowercase, dashes, at most 40 characters cut at a
 * word's end (never inside a word); "assessment" if nothing is left.
 */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  if (slug.length <= 40) return slug || 'assessment'
  const head = slug.slice(0, 40)
  if (slug[40] === '-') return head
  const end = head.lastIndexOf('-')
  return end > 0 ? head.slice(0, end) : head
}

/** "Ready for Stage 1" → "ready for Stage 1": the band inside a sentence. */
export function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1)
}

/** A point gain as people read it: "+1 point", "+0.7 points". */
export function pointGain(points: number): string {
  const rounded = Math.round(points * 10) / 10
  return `+${rounded.toLocaleString('en')} ${rounded === 1 ? 'point' : 'points'}`
}

/**
 * A snapshot as a reader finds it: its label and the day it was taken on the user's calendar,
 * "Before the audit (2026-11-03)"; the label alone when it already says that day, as the
 * suggested "Workshop 1 · 2026-11-03" does.
 */
export function momentName(moment: { readonly label: string; readonly takenAt: string }): string {
  const date = new Date(moment.takenAt)
  if (Number.isNaN(date.getTime())) return moment.label
  const day = localDate(date)
  return moment.label.includes(day) ? moment.label : `${moment.label} (${day})`
}

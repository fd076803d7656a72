import { describe, expect, it } from 'vitest'
import { fileSlug, inSentence, localDate, momentName, pointGain } from '@/components/format'

describe('formatting for people', () => {
  it('names files with the local calendar date, not the UTC one', () => {
    expect(localDate(new Date(2026, 2, 11, 0, 30))).toBe('2026-03-11')
  })

  it('keeps accented names readable in file names', () => {
    expect(fileSlug('Müller & Söhne, GmbH')).toBe('muller-sohne-gmbh')
    expect(fileSlug('東京')).toBe('assessment')
    expect(fileSlug('Čistá Voda s.r.o.')).toBe('cista-voda-s-r-o')
  })

  it('cuts a long name at the end of a word, never inside one', () => {
    const slug = fileSlug('Kantonsspital Zürich Gmbh Informatik und Betrieb Nord')
    expect(slug).toBe('kantonsspital-zurich-gmbh-informatik-und')
    expect(slug.length).toBeLessThanOrEqual(40)
    expect(fileSlug('a'.repeat(60))).toHaveLength(40)
  })

  it('puts band labels inside a sentence without losing proper nouns', () => {
    expect(inSentence('Ready for Stage 1')).toBe('ready for Stage 1')
  })

  it('writes point gains in singular or plural, in one number format', () => {
    expect(pointGain(1)).toBe('+1 point')
    expect(pointGain(0.6666)).toBe('+0.7 points')
  })

  it('names a snapshot by its label and day, saying the day once', () => {
    const takenAt = new Date(2026, 10, 3, 12, 0).toISOString()
    expect(momentName({ label: 'Before the audit', takenAt })).toBe('Before the audit (2026-11-03)')
    expect(momentName({ label: 'Workshop 1 · 2026-11-03', takenAt })).toBe(
      'Workshop 1 · 2026-11-03',
    )
  })
})

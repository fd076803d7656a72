import { describe, expect, it } from 'vitest'
import { fileSlug, inSentence, localDate, pointGain } from '@/components/format'

describe('formatting for people', () => {
  it('names files with the local calendar date, not the UTC one', () => {
    expect(localDate(new Date(2026, 2, 11, 0, 30))).toBe('2026-03-11')
  })

  it('keeps accented names readable in file names', () => {
    expect(fileSlug('Müller & Söhne, GmbH')).toBe('muller-sohne-gmbh')
    expect(fileSlug('東京')).toBe('assessment')
  })

  it('puts band labels inside a sentence without losing proper nouns', () => {
    expect(inSentence('Ready for Stage 1')).toBe('ready for Stage 1')
  })

  it('writes point gains in singular or plural, in one number format', () => {
    expect(pointGain(1)).toBe('+1 point')
    expect(pointGain(0.6666)).toBe('+0.7 points')
  })
})

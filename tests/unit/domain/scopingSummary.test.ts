import { describe, expect, it } from 'vitest'
import { SCOPING_QUESTIONS } from '@/content'
import type { ScopingProfile } from '@/domain/model'
import { scopingSummaryRows } from '@/domain/scopingSummary'

const T = '2026-11-20T10:00:00.000Z'
const profile = (
  answers: ScopingProfile['answers'],
  names: ScopingProfile['names'] = {},
): ScopingProfile => ({ answers, names, updatedAt: T })

describe('scopingSummaryRows', () => {
  it('words each answered question by its topic and the label of the option chosen', () => {
    expect(scopingSummaryRows(profile({ hosting: 'saas', 'payment-cards': 'no' }))).toEqual([
      {
        questionId: 'hosting',
        topic: 'Hosting',
        question: 'Where do the organization’s systems run?',
        answer: 'Only in ready-made online services (email, office, accounting and similar tools)',
      },
      {
        questionId: 'payment-cards',
        topic: 'Payment cards',
        question: 'Does it store, process or transmit payment card numbers?',
        answer: 'No',
      },
    ])
  })

  it('says who provides it when the answer asks for a name and one was given', () => {
    const [named, unnamed] = scopingSummaryRows(
      profile(
        { hosting: 'colocation', monitoring: 'outsourced' },
        { hosting: '  Equinix  ', monitoring: ' ' },
      ),
    )
    expect(named?.answer).toBe(
      'On its own servers in a data centre another company runs — provided by Equinix',
    )
    expect(unnamed?.answer).toBe('A monitoring or security operations service')
  })

  it('prints no name for an answer that asks for none', () => {
    const [row] = scopingSummaryRows(profile({ hosting: 'saas' }, { hosting: 'Equinix' }))
    expect(row?.answer).not.toContain('Equinix')
  })

  it('lists the questions in interview order, whatever the order of the answers', () => {
    const reversed = Object.fromEntries(
      [...SCOPING_QUESTIONS].reverse().map((q) => [q.id, q.options[0].value]),
    )
    const rows = scopingSummaryRows(profile(reversed))
    expect(rows.map((r) => r.questionId)).toEqual(SCOPING_QUESTIONS.map((q) => q.id))
    expect(rows.map((r) => r.topic)).toEqual(SCOPING_QUESTIONS.map((q) => q.topic))
  })

  it('leaves out questions not answered, and answers that are not options of their question', () => {
    expect(scopingSummaryRows(undefined)).toEqual([])
    expect(scopingSummaryRows(profile({}))).toEqual([])
    expect(scopingSummaryRows(profile({ hosting: 'maybe', premises: 'own' }))).toEqual([
      expect.objectContaining({ questionId: 'premises' }),
    ])
  })
})

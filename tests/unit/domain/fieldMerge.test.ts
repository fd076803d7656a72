import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { changedFields, mergeChanges, replaceFields, sameValue } from '@/domain/fieldMerge'

interface Row {
  status: string
  note: string
  evidence: string[]
  action: { what: string; due: string | null } | null
}
const FIELDS = ['status', 'note', 'evidence', 'action'] as const
const base: Row = { status: 'partly', note: '', evidence: [], action: null }

describe('sameValue', () => {
  it('compares texts, lists and groups of fields by content', () => {
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true)
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(sameValue({ what: 'x', due: null }, { due: null, what: 'x' })).toBe(true)
    expect(sameValue({ what: 'x', due: null }, { what: 'x' })).toBe(false)
    expect(sameValue(null, {})).toBe(false)
    expect(sameValue([], {})).toBe(false)
    expect(sameValue(1, 1)).toBe(true)
  })
})

describe('mergeChanges', () => {
  it('keeps what another writer changed in fields this editor did not touch', () => {
    // Tab A saved status and evidence; tab B, which last saw the base, only changed the note.
    const stored: Row = { ...base, status: 'in-place', evidence: ['EVIDENCE-FROM-A'] }
    const fromB: Row = { ...base, note: 'typed in B' }
    const { record, conflicts } = mergeChanges(stored, base, fromB, FIELDS)
    expect(record).toEqual({ ...stored, note: 'typed in B' })
    expect(conflicts).toEqual([])
  })

  it('lets the later write win on the same field and lists the value it replaced', () => {
    const stored: Row = { ...base, note: 'note from A' }
    const fromB: Row = { ...base, note: 'note from B' }
    const { record, conflicts } = mergeChanges(stored, base, fromB, FIELDS)
    expect(record.note).toBe('note from B')
    expect(conflicts).toEqual([{ field: 'note', theirs: 'note from A', yours: 'note from B' }])
  })

  it('is no conflict when both wrote the same value, or when nothing was stored', () => {
    const same: Row = { ...base, evidence: ['x'] }
    expect(mergeChanges(same, base, same, FIELDS).conflicts).toEqual([])
    expect(mergeChanges(undefined, base, same, FIELDS)).toEqual({ record: same, conflicts: [] })
  })

  it('never loses a field: each ends as the editor wrote it or as stored', () => {
    const row = fc.record({
      status: fc.constantFrom('partly', 'in-place', 'not-started'),
      note: fc.string({ maxLength: 3 }),
      evidence: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
      action: fc.option(fc.record({ what: fc.constantFrom('x', 'y'), due: fc.constant(null) })),
    })
    fc.assert(
      fc.property(row, row, row, (stored, baseline, next) => {
        const { record, conflicts } = mergeChanges(stored, baseline, next, FIELDS)
        const changed = changedFields(baseline, next, FIELDS)
        for (const field of FIELDS) {
          const expected = changed.includes(field) ? next[field] : stored[field]
          expect(record[field]).toEqual(expected)
        }
        // A conflict is exactly a changed field whose stored value this editor never saw.
        expect(conflicts.map((c) => c.field).sort()).toEqual(
          changed
            .filter((f) => !sameValue(stored[f], baseline[f]) && !sameValue(stored[f], next[f]))
            .sort(),
        )
      }),
    )
  })
})

describe('replaceFields', () => {
  it('writes every field of the editor and lists each value another writer stored', () => {
    const stored: Row = { ...base, note: 'A', status: 'in-place' }
    const mine: Row = { ...base, note: 'B', evidence: ['mine'] }
    const { record, conflicts } = replaceFields(stored, base, mine, FIELDS)
    expect(record).toEqual(mine)
    expect(conflicts.map((c) => c.field)).toEqual(['status', 'note'])
  })
})

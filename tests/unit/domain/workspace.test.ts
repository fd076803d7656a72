import { describe, expect, it } from 'vitest'
import {
  checkOrganizationName,
  nameForCopy,
  newWorkspace,
  ORGANIZATION_NAME_MAX_LENGTH,
  sortWorkspaces,
} from '@/domain/workspace'

describe('checkOrganizationName', () => {
  it('refuses an empty or blank name with a message', () => {
    for (const raw of ['', '   ', '\n\t']) {
      const result = checkOrganizationName(raw)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toMatch(/organization name/i)
    }
  })

  it('trims and collapses whitespace', () => {
    expect(checkOrganizationName('  Acme   Ltd \n')).toEqual({ ok: true, value: 'Acme Ltd' })
  })

  it('refuses names longer than the maximum, saying how long they are', () => {
    const long = 'x'.repeat(ORGANIZATION_NAME_MAX_LENGTH + 1)
    const result = checkOrganizationName(long)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain(String(ORGANIZATION_NAME_MAX_LENGTH + 1))
    expect(checkOrganizationName('x'.repeat(ORGANIZATION_NAME_MAX_LENGTH)).ok).toBe(true)
  })

  it('keeps markup-looking text as plain text (it is never rendered as HTML)', () => {
    expect(checkOrganizationName('<img src=x onerror=alert(1)>')).toEqual({
      ok: true,
      value: '<img src=x onerror=alert(1)>',
    })
  })

  it('refuses invisible control characters', () => {
    expect(checkOrganizationName('Acme\u0000Ltd').ok).toBe(false)
  })
})

describe('nameForCopy', () => {
  it('adds "(copy)", then numbers further copies, never reusing a taken name', () => {
    expect(nameForCopy('Acme', ['Acme'])).toBe('Acme (copy)')
    expect(nameForCopy('Acme', ['Acme', 'Acme (copy)'])).toBe('Acme (copy 2)')
    expect(nameForCopy('Acme (copy)', ['Acme', 'Acme (copy)'])).toBe('Acme (copy 2)')
  })

  it('stays within the maximum length', () => {
    const long = 'y'.repeat(ORGANIZATION_NAME_MAX_LENGTH)
    const copy = nameForCopy(long, [long])
    expect(copy.length).toBeLessThanOrEqual(ORGANIZATION_NAME_MAX_LENGTH)
    expect(copy.endsWith(' (copy)')).toBe(true)
  })
})

describe('sortWorkspaces', () => {
  it('lists the most recently changed first', () => {
    const a = { ...newWorkspace('a', 'Alpha', '2026-01-01T00:00:00.000Z') }
    const b = { ...newWorkspace('b', 'Beta', '2026-03-01T00:00:00.000Z') }
    const c = { ...newWorkspace('c', 'Gamma', '2026-02-01T00:00:00.000Z') }
    expect(sortWorkspaces([a, b, c]).map((w) => w.id)).toEqual(['b', 'c', 'a'])
  })
})

import { describe, expect, it } from 'vitest'
import { evidenceHref, isCalendarDate, normalizeAction, parseEvidence } from '@/domain/clauseAnswer'

describe('parseEvidence', () => {
  it('reads one reference per line, trimmed, in the order typed', () => {
    expect(parseEvidence('  Policy v2 \nJIRA-12\n https://wiki.example.com/isms ')).toEqual([
      'Policy v2',
      'JIRA-12',
      'https://wiki.example.com/isms',
    ])
  })

  it('drops blank and whitespace-only lines', () => {
    expect(parseEvidence('\nPolicy v2\n\n   \n\tRisk register\n\n')).toEqual([
      'Policy v2',
      'Risk register',
    ])
  })

  it('accepts Windows line endings', () => {
    expect(parseEvidence('Policy v2\r\nRisk register\r\n')).toEqual(['Policy v2', 'Risk register'])
  })

  it('gives no references for empty text', () => {
    expect(parseEvidence('')).toEqual([])
    expect(parseEvidence(' \n \n')).toEqual([])
  })
})

describe('evidenceHref', () => {
  it('turns http and https URLs into links', () => {
    expect(evidenceHref('https://wiki.example.com/isms/policy')).toBe(
      'https://wiki.example.com/isms/policy',
    )
    expect(evidenceHref('http://intranet.local/risks')).toBe('http://intranet.local/risks')
  })

  it('never links script, data or other non-web URLs', () => {
    for (const reference of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
      'ftp://files.example.com/policy.pdf',
      'mailto:ciso@example.com',
    ]) {
      expect(evidenceHref(reference), reference).toBeNull()
    }
  })

  it('keeps plain text and relative paths as text', () => {
    for (const reference of [
      'Information security policy v2',
      'JIRA-1234',
      '/docs/policy.pdf',
      'docs/policy.pdf',
      'www.example.com',
      '',
    ]) {
      expect(evidenceHref(reference), reference).toBeNull()
    }
  })
})

describe('normalizeAction', () => {
  it('keeps no action when every field is blank', () => {
    expect(normalizeAction({ what: '  ', owner: '\n', due: null })).toBeNull()
    expect(normalizeAction({ what: '', owner: '', due: '' })).toBeNull()
    expect(normalizeAction(null)).toBeNull()
  })

  it('keeps an action when any one field is filled in, trimmed', () => {
    expect(normalizeAction({ what: ' Write the policy ', owner: '', due: null })).toEqual({
      what: 'Write the policy',
      owner: '',
      due: null,
    })
    expect(normalizeAction({ what: '', owner: ' CTO ', due: null })).toEqual({
      what: '',
      owner: 'CTO',
      due: null,
    })
    expect(normalizeAction({ what: '', owner: '', due: '2026-12-31' })).toEqual({
      what: '',
      owner: '',
      due: '2026-12-31',
    })
  })

  it('drops a due date that is not a yyyy-mm-dd date', () => {
    for (const due of ['31/12/2026', '2026-12-31T10:00:00Z', 'next week', '2026-1-5']) {
      expect(normalizeAction({ what: 'Write the policy', owner: 'CTO', due }), due).toEqual({
        what: 'Write the policy',
        owner: 'CTO',
        due: null,
      })
    }
  })

  it('keeps no action when only an invalid due date was given', () => {
    expect(normalizeAction({ what: ' ', owner: '', due: 'soon' })).toBeNull()
  })
})

describe('isCalendarDate', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2026-13-45')).toBe(false)
    expect(isCalendarDate('2026-1-5')).toBe(false)
  })

  it('makes normalizeAction drop an impossible due date', () => {
    expect(normalizeAction({ what: 'Write policy', owner: '', due: '2026-13-45' })).toEqual({
      what: 'Write policy',
      owner: '',
      due: null,
    })
  })
})

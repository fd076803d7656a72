/**
 * An audit evidence checklist for the export tests: the full assessment of exportFixture.ts with
 * 5.31 excluded, and a register with an approved incident procedure kept in Žižkov, a draft
 * inventory, an overdue backup policy, and user text a spreadsheet would run as a formula.
 */
import { buildEvidenceChecklist, type EvidenceChecklist } from '@/domain/evidenceChecklist'
import { registerOf, type RegisterEntry } from '@/domain/register'
import { OWNER, exportAssessment } from './exportFixture'

export const TODAY = '2026-11-29'
export const ZIZKOV = 'Sdílená složka / Praha-Žižkov / IR-01'
export const HYPERLINK = '=HYPERLINK("https://evil.example","Click")'

/** Register rows changed from the reconciled, all-missing register, by document key. */
const CHANGES: Record<string, Partial<RegisterEntry>> = {
  'incident-response-procedure': {
    status: 'approved',
    version: '2.0',
    approver: OWNER,
    approvedOn: '2026-10-01',
    nextReviewOn: '2027-10-01',
    location: ZIZKOV,
  },
  'asset-inventory': { status: 'draft', version: '0.4', location: HYPERLINK },
  'backup-policy': {
    status: 'approved',
    approver: 'Head of Ops',
    approvedOn: '2025-01-10',
    nextReviewOn: '2026-01-10',
  },
}

/** The controls the fixture excludes: those of the full assessment, and 5.31. */
export function excludedControls(): string[] {
  return exportAssessment()
    .decisions.filter((d) => d.applicability === 'excluded' || d.controlId === '5.31')
    .map((d) => d.controlId)
}

export function checklistFixture(): EvidenceChecklist {
  const base = exportAssessment()
  const decisions = base.decisions.map((d) => {
    if (d.controlId === '5.31') {
      return { ...d, applicability: 'excluded' as const, justification: 'No obligations.' }
    }
    if (d.controlId === '5.26') {
      return { ...d, applicability: 'applicable' as const, evidence: [HYPERLINK, 'Incident log'] }
    }
    return d
  })
  const { entries } = registerOf(
    [],
    new Map(decisions.map((d) => [d.controlId, d])),
    'ws',
    '2026-11-01T09:00:00.000Z',
  )
  const register = entries.map((e) => {
    const change = e.source.kind === 'custom' ? undefined : CHANGES[e.source.key]
    return change ? { ...e, ...change } : e
  })
  return buildEvidenceChecklist({ ...base, decisions, register, today: TODAY })
}

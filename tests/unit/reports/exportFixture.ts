/**
 * A full assessment for the spreadsheet exports (CSV and XLSX): 120 questions answered, all 93
 * decisions, a register of 8 risks; names in Polish, Czech, Greek and Russian, and user text a
 * spreadsheet would run as a formula if it were careless.
 */
import type { AssessmentInput } from '@/domain/assessment'
import { buildGaps } from '@/domain/gaps'
import { buildSoa } from '@/domain/soa'
import { riskRefs } from '@/domain/wording'
import type { XlsxMeta } from '@/reports/xlsx'
import { benchRisk, fullWorkspace } from '../../../bench/fullWorkspace'

export const OWNER = 'Łukasz Dvořák'
export const SUPPLIER = 'Čistá Voda s.r.o.'
export const GREEK = 'Ελληνικά'
export const RUSSIAN = 'Москва'
export const NAMES = [OWNER, SUPPLIER, GREEK, RUSSIAN] as const

/** Text that must stay text: never 2, never a formula. */
export const HOSTILE = '=1+1'
export const HOSTILE_CELLS = [HOSTILE, '@SUM(A1)', '+1', '-1', 'x;=2+2', 'line\n=3+3;'] as const

/** Due dates of the actions, in a mixed order, with undated ones among them. */
const DUES = ['2027-03-15', null, '2026-12-01', '2027-01-10', '2027-03-15', '2026-12-20']

export function exportAssessment(): AssessmentInput {
  const full = fullWorkspace()
  const answers = full.answers.slice(0, 120).map((answer, i) => ({
    ...answer,
    note: i === 1 ? `${GREEK}: discussed in ${RUSSIAN}` : answer.note,
    action:
      i % 7 === 6
        ? null
        : {
            what: i === 1 ? HOSTILE : `Close the gap on ${answer.questionId}`,
            owner: i % 3 === 0 ? OWNER : 'Head of Ops',
            due: DUES[i % DUES.length] ?? null,
          },
  }))
  const decisions = full.decisions.map((decision) => {
    switch (decision.controlId) {
      case '5.1':
        return { ...decision, owner: HOSTILE, evidence: ['@SUM(A1)', 'x;=2+2', '+1', '-1'] }
      case '5.10':
        return {
          ...decision,
          applicability: 'applicable' as const,
          provider: 'supplier' as const,
          supplierName: SUPPLIER,
          owner: OWNER,
          justification: `Offices in ${RUSSIAN}; policy also in ${GREEK}.\nline\n=3+3;`,
        }
      default:
        return decision
    }
  })
  const risks = Array.from({ length: 8 }, (_, i) => ({
    ...benchRisk(i, 'bench', `risk-${i}`),
    createdAt: `2026-11-0${i + 1}T10:00:00.000Z`,
  }))
  return { ...full, answers, decisions, risks }
}

export const META: XlsxMeta = {
  organizationName: SUPPLIER,
  date: '2026-11-29',
  soaVersion: '1.2',
  soaOwner: OWNER,
  soaApprover: `${GREEK} ${RUSSIAN}`,
  soaApprovedOn: '2026-11-28',
  appVersion: 'test',
}

/** What the exports take: the SoA rows, the gaps and the risk references of the assessment. */
export function exportInput(input: AssessmentInput = exportAssessment()) {
  return { rows: buildSoa(input), gaps: buildGaps(input), refs: riskRefs(input.risks ?? []) }
}

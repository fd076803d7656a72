/**
 * The register of documented information is the record of the mandatory documents: a document
 * counts only as the register shows it, an approved one more than a draft, an overdue review is
 * a finding, and where the answers and the register disagree the register decides.
 */
import { describe, expect, it } from 'vitest'
import { MANDATORY_DOCUMENTS, QUESTIONS, type MandatoryDocumentKey } from '@/content'
import type { AssessmentInput } from '@/domain/assessment'
import { buildGaps } from '@/domain/gaps'
import { rankImprovements } from '@/domain/improvements'
import { computeReadiness } from '@/domain/readiness'
import {
  newRegisterEntry,
  registerEntryId,
  requiredDocuments,
  type RegisterEntry,
} from '@/domain/register'
import { fullyReady, makeAnswer, questionsOf, T0, withAnswer, WS } from './builders'

const TODAY = '2026-11-20'
const MANDATORY = requiredDocuments(new Map()).filter((d) => d.source.kind === 'mandatory')

/** The register row of a mandatory document, approved by a named person unless overridden. */
function row(key: MandatoryDocumentKey, overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  const doc = MANDATORY.find((d) => d.source.kind === 'mandatory' && d.source.key === key)!
  return {
    ...newRegisterEntry(registerEntryId(WS, doc.source), WS, doc, T0),
    status: 'approved',
    version: '1.0',
    approver: 'Jana Nováková, CEO',
    approvedOn: '2026-10-01',
    nextReviewOn: '2027-10-01',
    ...overrides,
  }
}

/** All fifteen approved, with one document's row overridden (or left out with `null`). */
function register(
  change: Partial<Record<MandatoryDocumentKey, Partial<RegisterEntry> | null>> = {},
): RegisterEntry[] {
  return MANDATORY_DOCUMENTS.flatMap((d) => {
    const override = change[d.key]
    return override === null ? [] : [row(d.key, override ?? {})]
  })
}

const withRegister = (
  input: AssessmentInput,
  entries: readonly RegisterEntry[],
): AssessmentInput => ({
  ...input,
  register: { entries, today: TODAY },
})

describe('the verdict with a register of documents', () => {
  it('reads the answers as before when every mandatory document is approved and current', () => {
    const declared = computeReadiness(fullyReady())
    const recorded = computeReadiness(withRegister(fullyReady(), register()))
    expect(declared.band).toBe('ready')
    expect(recorded.band).toBe('ready')
    expect(recorded.exact).toBeCloseTo(declared.exact, 10)
    expect(recorded.findings).toEqual([])
  })

  it('gives no credit to a policy answered "in place" that the register lacks, and says so', () => {
    const readiness = computeReadiness(withRegister(fullyReady(), register({ 'is-policy': null })))
    expect(readiness.band).toBe('not-ready')
    const policy = readiness.blockers.find((b) => b.kind === 'policy')!
    expect(policy.reasons[0]).toBe(
      'The register of documents shows Information security policy (5.2) as missing.',
    )
    expect(policy.link).toEqual({ to: 'documents' })
    const finding = readiness.findings.find((f) => f.id === 'document-contradiction:is-policy')!
    expect(finding.kind).toBe('document-contradiction')
    expect(finding.counted).toBe('not-started')
    expect(finding.entryId).toBeNull()
    expect(finding.text).toContain('says in place, but the register of documents shows')
    expect(finding.text).toContain('The register decides')
    // The questions asking for the policy earn nothing.
    const section = readiness.sections.find((s) => s.clause === '5.2')!
    expect(section.conformance).toBeLessThan(1)
  })

  it('an empty register (a new assessment) records every mandatory document as missing', () => {
    const readiness = computeReadiness(withRegister(fullyReady(), []))
    expect(readiness.band).toBe('not-ready')
    const documentFindings = readiness.findings.filter((f) => f.kind === 'document-contradiction')
    expect(documentFindings).toHaveLength(MANDATORY_DOCUMENTS.length)
    expect(readiness.score).toBeLessThan(computeReadiness(fullyReady()).score)
  })

  it('counts an approved document more than a draft, and a draft more than nothing', () => {
    const score = (entries: RegisterEntry[]) =>
      computeReadiness(withRegister(fullyReady(), entries)).exact
    const approved = score(register())
    const draft = score(register({ 'is-objectives': { status: 'draft', approver: '' } }))
    const missing = score(register({ 'is-objectives': { status: 'missing' } }))
    expect(approved).toBeGreaterThan(draft)
    expect(draft).toBeGreaterThan(missing)
  })

  it('a draft keeps its blocker, says it is a draft, and a "partly" answer agrees with it', () => {
    const draft = register({ 'is-objectives': { status: 'draft', approvedOn: null } })
    const readiness = computeReadiness(withRegister(fullyReady(), draft))
    const objectives = readiness.blockers.find((b) => b.kind === 'objectives')!
    expect(readiness.band).toBe('partly-ready')
    expect(objectives.reasons[0]).toBe(
      'The register of documents shows Information security objectives (6.2) as a draft, not yet approved.',
    )
    // Answered "partly" as well: the two agree, so there is no disagreement to report.
    let partly = withRegister(fullyReady(), draft)
    for (const id of questionsOf('6.2')) partly = withAnswer(partly, makeAnswer(id, 'partly'))
    expect(computeReadiness(partly).findings.map((f) => f.id)).not.toContain(
      'document-contradiction:is-objectives',
    )
  })

  it('a retired document counts as missing', () => {
    const readiness = computeReadiness(
      withRegister(fullyReady(), register({ 'is-policy': { status: 'retired' } })),
    )
    expect(readiness.band).toBe('not-ready')
    expect(readiness.blockers[0]?.reasons[0]).toContain('as retired')
  })

  it('an approval without the approver or the date counts as a draft', () => {
    const readiness = computeReadiness(
      withRegister(fullyReady(), register({ 'monitoring-results': { approver: '' } })),
    )
    const blocker = readiness.blockers.find(
      (b) => b.id === 'blocker:missing-document:monitoring-results',
    )!
    expect(blocker.reasons[0]).toContain("as approved, but without the approver's name or the date")
    expect(readiness.band).toBe('nearly-ready')
  })

  it('an overdue review is a finding, costs the document part of its credit and caps the band', () => {
    const overdue = register({ 'management-review-results': { nextReviewOn: '2026-11-19' } })
    const readiness = computeReadiness(withRegister(fullyReady(), overdue))
    expect(readiness.band).toBe('partly-ready')
    const finding = readiness.findings.find(
      (f) => f.id === 'document-contradiction:management-review-results',
    )!
    expect(finding.text).toContain('its review was due on 2026-11-19')
    // On the due date itself the review is due, not late.
    const due = register({ 'management-review-results': { nextReviewOn: TODAY } })
    expect(computeReadiness(withRegister(fullyReady(), due)).band).toBe('ready')
  })

  it('reports an overdue review on its own where no answer claims more than the register', () => {
    let input = withRegister(
      fullyReady(),
      register({ 'is-policy': { status: 'draft', nextReviewOn: '2026-01-01' } }),
    )
    for (const id of questionsOf('5.2')) input = withAnswer(input, makeAnswer(id, 'partly'))
    const ids = computeReadiness(input).findings.map((f) => f.id)
    expect(ids).toContain('document-review-overdue:is-policy')
    expect(ids).not.toContain('document-contradiction:is-policy')
  })

  it('the register beats a "not started" answer only upwards through the answer', () => {
    // A document in the register does not make an unanswered question count: the register
    // caps what an answer earns, it does not answer for it.
    let input = withRegister(fullyReady(), register())
    for (const id of questionsOf('5.2')) input = withAnswer(input, makeAnswer(id, 'not-started'))
    const readiness = computeReadiness(input)
    expect(readiness.blockers.map((b) => b.kind)).toContain('policy')
    expect(readiness.findings.filter((f) => f.kind === 'document-contradiction')).toEqual([])
  })

  it('lists the questions of a document the register lacks as gaps, saying what the register shows', () => {
    const gaps = buildGaps(withRegister(fullyReady(), register({ 'is-policy': null })))
    const policy = gaps.filter((g) => g.reference === '5.2')
    expect(policy.length).toBeGreaterThan(0)
    expect(policy[0]?.statusLabel).toBe('In place, not supported by the records')
    expect(policy[0]?.nextStep).toContain(
      'the register of documents shows Information security policy (5.2) as missing',
    )
    expect(gaps[0]?.isMandatoryDocument).toBe(true)
    expect(
      buildGaps(withRegister(fullyReady(), register())).filter((g) => g.reference === '5.2'),
    ).toEqual([])
  })

  it('ranks putting a mandatory document in place together with recording it in the register', () => {
    let input = withRegister(fullyReady(), register({ 'is-objectives': null }))
    for (const id of questionsOf('6.2')) input = withAnswer(input, makeAnswer(id, 'not-started'))
    const asking = QUESTIONS.filter((q) => q.documents.includes('is-objectives')).map((q) => q.id)
    const top = rankImprovements(input, 10)
    const objectives = top.find((i) => asking.includes(i.questionId ?? ''))!
    expect(objectives.action).toBe(
      'Put the mandatory document in place and record it, approved, in the register of documents',
    )
    expect(objectives.removesBlockers.map((b) => b.kind)).toContain('objectives')
  })
})

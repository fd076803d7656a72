import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CONTROL_DOCUMENTS, MANDATORY_DOCUMENTS, type ControlId } from '@/content'
import type { ControlDecision } from '@/domain/model'
import {
  BULK_APPROVAL_MESSAGES,
  bulkApprove,
  isFilledIn,
  isValidLocation,
  locationLink,
  newRegisterEntry,
  reconcileRegister,
  registerFilter,
  registerFindings,
  requiredDocuments,
  soaApprovalToRecord,
  type RegisterEntry,
  type RegisterFindingKind,
  type RegisterSource,
  type RegisterStatus,
  type RequiredDocument,
} from '@/domain/register'
import { applicable, makeDecision, T0, WS } from './builders'

const T1 = '2026-11-02T09:00:00.000Z'
const TODAY = '2026-11-20'

const DOCUMENT_CONTROLS: readonly ControlId[] = [
  ...new Set(CONTROL_DOCUMENTS.flatMap((d) => d.controls)),
]

function decisionsOf(list: readonly ControlDecision[]): ReadonlyMap<string, ControlDecision> {
  return new Map(list.map((d) => [d.controlId, d]))
}

/** Every control a document serves decided applicable, except the ones named excluded. */
function decided(...excluded: ControlId[]): ReadonlyMap<string, ControlDecision> {
  return decisionsOf(
    DOCUMENT_CONTROLS.map((id) =>
      excluded.includes(id) ? makeDecision(id, { applicability: 'excluded' }) : applicable(id),
    ),
  )
}

function counter(prefix = 'new'): () => string {
  let n = 0
  return () => `${prefix}-${++n}`
}

const required = (doc: RequiredDocument) => doc.source
const LEGAL: RegisterSource = { kind: 'control', key: 'legal-requirements-register' }
const SCOPE: RegisterSource = { kind: 'mandatory', key: 'isms-scope' }

/** A register row; the empty row of the ISMS scope unless overridden. */
function makeEntry(overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    id: 'row-1',
    workspaceId: WS,
    source: SCOPE,
    title: 'Scope of the ISMS',
    status: 'missing',
    version: '',
    owner: '',
    approver: '',
    approvedOn: null,
    nextReviewOn: null,
    location: '',
    note: '',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  }
}

/** The register reconciled from nothing for these decisions. */
function freshRegister(decisions = decided()): RegisterEntry[] {
  return [...reconcileRegister([], requiredDocuments(decisions), WS, T0, counter()).entries]
}

const rowOf = (entries: readonly RegisterEntry[], source: RegisterSource) =>
  entries.filter((e) => JSON.stringify(e.source) === JSON.stringify(source))

function kindsOf(
  entries: readonly RegisterEntry[],
  requiredDocs: readonly RequiredDocument[],
  id: string,
): RegisterFindingKind[] {
  return registerFindings(entries, requiredDocs, TODAY)
    .filter((f) => f.entryId === id)
    .map((f) => f.kind)
}

describe('requiredDocuments', () => {
  it('needs every clause document and every control document when all controls apply', () => {
    const docs = requiredDocuments(decided())
    expect(docs.map(required)).toEqual([
      ...MANDATORY_DOCUMENTS.map((d) => ({ kind: 'mandatory', key: d.key })),
      ...CONTROL_DOCUMENTS.map((d) => ({ kind: 'control', key: d.key })),
    ])
    expect(docs).toHaveLength(MANDATORY_DOCUMENTS.length + CONTROL_DOCUMENTS.length)
  })

  it('counts an undecided control as needing its document', () => {
    expect(requiredDocuments(new Map())).toEqual(requiredDocuments(decided()))
  })

  it('drops the register of legal requirements when 5.31 is excluded, and only that', () => {
    const keys = requiredDocuments(decided('5.31')).map((d) => d.source.key)
    expect(keys).not.toContain('legal-requirements-register')
    expect(keys).toHaveLength(MANDATORY_DOCUMENTS.length + CONTROL_DOCUMENTS.length - 1)
  })

  it('needs a document serving several controls while any of them is not excluded', () => {
    const keys = (decisions: ReadonlyMap<string, ControlDecision>) =>
      requiredDocuments(decisions).map((d) => d.source.key)
    expect(keys(decided('5.29'))).toContain('continuity-plans')
    expect(keys(decided('5.30'))).toContain('continuity-plans')
    expect(keys(decided('5.29', '5.30'))).not.toContain('continuity-plans')
  })

  it('always needs the clause documents, even with every control excluded', () => {
    const docs = requiredDocuments(decided(...DOCUMENT_CONTROLS))
    expect(docs.map((d) => d.source.key)).toEqual(MANDATORY_DOCUMENTS.map((d) => d.key))
  })

  it('says where each need comes from: the clause, or the controls as the SoA writes them', () => {
    const docs = requiredDocuments(decided())
    expect(docs.find((d) => d.source.key === 'org-determined-docs')?.ref).toBe('7.5.1 b)')
    expect(docs.find((d) => d.source.key === 'incident-response-procedure')?.ref).toBe(
      'A.5.24, A.5.26',
    )
  })
})

describe('isFilledIn', () => {
  it('counts a row as filled once anything is recorded on it, not for its timestamps', () => {
    expect(isFilledIn(makeEntry())).toBe(false)
    expect(isFilledIn(makeEntry({ updatedAt: T1, owner: '  ' }))).toBe(false)
    expect(isFilledIn(makeEntry({ status: 'draft' }))).toBe(true)
    expect(isFilledIn(makeEntry({ note: 'ask Sam' }))).toBe(true)
    expect(isFilledIn(makeEntry({ nextReviewOn: '2027-01-01' }))).toBe(true)
    expect(isFilledIn(makeEntry({ title: 'ISMS scope statement' }))).toBe(true)
  })
})

describe('reconcileRegister', () => {
  it('creates one missing row per required document for an empty register', () => {
    const docs = requiredDocuments(decided())
    const result = reconcileRegister([], docs, WS, T0, counter())
    expect(result.entries).toHaveLength(docs.length)
    expect(result.created).toEqual(result.entries)
    expect(result.entries[0]).toEqual(newRegisterEntry('new-1', WS, docs[0]!, T0))
    for (const entry of result.entries) {
      expect(entry).toMatchObject({ workspaceId: WS, status: 'missing', createdAt: T0 })
      expect(isFilledIn(entry), entry.title).toBe(false)
    }
    expect(new Set(result.entries.map((e) => e.id)).size).toBe(docs.length)
  })

  it('keeps existing rows exactly as they are', () => {
    const register = freshRegister()
    const edited = register.map((e, i) => (i === 3 ? { ...e, status: 'draft' as const } : e))
    const result = reconcileRegister(edited, requiredDocuments(decided()), WS, T1, counter('x'))
    expect(result.entries).toEqual(edited)
    expect(result.created).toEqual([])
    expect(result.dropped).toEqual([])
  })

  it('drops the empty row of the legal register once 5.31 is excluded', () => {
    const register = freshRegister()
    const docs = requiredDocuments(decided('5.31'))
    const result = reconcileRegister(register, docs, WS, T1, counter('x'))
    expect(rowOf(result.entries, LEGAL)).toEqual([])
    expect(result.dropped).toEqual(rowOf(register, LEGAL))
    expect(result.orphaned).toEqual([])
  })

  it('keeps a filled row of the legal register after 5.31 is excluded, flagged orphaned', () => {
    const register = freshRegister().map((e) =>
      e.source.kind === 'control' && e.source.key === 'legal-requirements-register'
        ? { ...e, owner: 'Legal counsel' }
        : e,
    )
    const [legal] = rowOf(register, LEGAL)
    const docs = requiredDocuments(decided('5.31'))
    const result = reconcileRegister(register, docs, WS, T1, counter('x'))
    expect(rowOf(result.entries, LEGAL)).toEqual([legal])
    expect(result.orphaned).toEqual([legal])
    expect(result.dropped).toEqual([])
    expect(kindsOf(result.entries, docs, legal!.id)).toEqual(['orphaned'])
  })

  it('always keeps the rows the organization added, even empty ones', () => {
    const custom = makeEntry({ id: 'c-1', source: { kind: 'custom' }, title: '' })
    const result = reconcileRegister([custom], requiredDocuments(decided()), WS, T0, counter())
    expect(result.entries.at(-1)).toBe(custom)
    expect(result.dropped).toEqual([])
  })

  it('keeps one row per document, the filled one, and keeps other filled rows as duplicates', () => {
    const empty = makeEntry({ id: 'a' })
    const filled = makeEntry({ id: 'b', status: 'approved' })
    const alsoFilled = makeEntry({ id: 'c', note: 'copy from the old tool' })
    const docs = requiredDocuments(decided())
    const result = reconcileRegister([empty, filled, alsoFilled], docs, WS, T0, counter())
    expect(rowOf(result.entries, SCOPE)).toEqual([filled, alsoFilled])
    expect(result.entries[0]).toBe(filled)
    expect(result.duplicates).toEqual([alsoFilled])
    expect(result.dropped).toEqual([empty])
    expect(kindsOf(result.entries, docs, 'c')).toEqual(['duplicate'])
  })

  describe('for any register and any decisions', () => {
    const sources: RegisterSource[] = [
      { kind: 'custom' },
      ...MANDATORY_DOCUMENTS.slice(0, 3).map((d) => ({ kind: 'mandatory' as const, key: d.key })),
      ...CONTROL_DOCUMENTS.map((d) => ({ kind: 'control' as const, key: d.key })),
    ]
    const entryArb = fc.record({
      source: fc.constantFrom(...sources),
      ownTitle: fc.boolean(),
      status: fc.constantFrom<RegisterStatus>('missing', 'missing', 'draft', 'approved', 'retired'),
      owner: fc.constantFrom('', '', 'Sam'),
      note: fc.constantFrom('', '', ' ', 'see folder'),
      nextReviewOn: fc.constantFrom(null, null, '2027-01-31'),
    })
    const registerArb = fc.array(entryArb, { maxLength: 30 }).map((rows) =>
      rows.map(({ ownTitle, ...row }, i) => {
        const doc = [...MANDATORY_DOCUMENTS, ...CONTROL_DOCUMENTS].find(
          (d) => row.source.kind !== 'custom' && d.key === row.source.key,
        )
        return makeEntry({ ...row, id: `e-${i}`, title: ownTitle ? 'Ours' : (doc?.title ?? '') })
      }),
    )
    const decisionsArb = fc.subarray([...DOCUMENT_CONTROLS]).map((excluded) => decided(...excluded))

    it('is idempotent: reconciling the result again changes nothing', () => {
      fc.assert(
        fc.property(registerArb, decisionsArb, (entries, decisions) => {
          const docs = requiredDocuments(decisions)
          const once = reconcileRegister(entries, docs, WS, T0, counter())
          const twice = reconcileRegister(once.entries, docs, WS, T1, counter('again'))
          expect(twice.entries).toEqual(once.entries)
          expect(twice.created).toEqual([])
          expect(twice.dropped).toEqual([])
          expect(twice.orphaned).toEqual(once.orphaned)
          expect(twice.duplicates).toEqual(once.duplicates)
        }),
      )
    })

    it('never loses or edits a filled row, and drops only empty ones', () => {
      fc.assert(
        fc.property(registerArb, decisionsArb, (entries, decisions) => {
          const result = reconcileRegister(entries, requiredDocuments(decisions), WS, T0, counter())
          for (const entry of entries) {
            if (isFilledIn(entry)) expect(result.entries).toContain(entry)
          }
          for (const entry of result.dropped) expect(isFilledIn(entry)).toBe(false)
          expect(result.entries.length + result.dropped.length).toBe(
            entries.length + result.created.length,
          )
        }),
      )
    })

    it('gives each required document one row, any other row of it being a kept duplicate', () => {
      fc.assert(
        fc.property(registerArb, decisionsArb, (entries, decisions) => {
          const docs = requiredDocuments(decisions)
          const result = reconcileRegister(entries, docs, WS, T0, counter())
          for (const doc of docs) {
            const rows = rowOf(result.entries, doc.source).filter(
              (e) => !result.duplicates.includes(e),
            )
            expect(rows, doc.source.key).toHaveLength(1)
          }
          const requiredKeys = new Set(docs.map((d) => d.source.key))
          for (const entry of result.entries) {
            if (entry.source.kind !== 'custom' && !requiredKeys.has(entry.source.key)) {
              expect(result.orphaned).toContain(entry)
            }
          }
        }),
      )
    })
  })
})

describe('registerFindings', () => {
  const docs = requiredDocuments(decided())
  const withScope = (overrides: Partial<RegisterEntry>) => {
    const register = freshRegister()
    return register.map((e, i) => (i === 0 ? { ...e, id: 'scope', ...overrides } : e))
  }
  const findingsOfScope = (overrides: Partial<RegisterEntry>) =>
    kindsOf(withScope(overrides), docs, 'scope')

  it('flags a required document that is missing, and every row of a fresh register', () => {
    expect(findingsOfScope({})).toEqual(['missing'])
    const register = freshRegister()
    expect(registerFindings(register, docs, TODAY)).toHaveLength(register.length)
  })

  it('flags a document in draft only', () => {
    expect(findingsOfScope({ status: 'draft' })).toEqual(['draft'])
  })

  it('finds nothing to query on an approved document with approver, date and a link', () => {
    const approved = {
      status: 'approved' as const,
      approver: 'CEO',
      approvedOn: '2026-11-01',
      nextReviewOn: '2027-11-01',
      location: 'https://intranet.example.com/isms/scope.pdf',
    }
    expect(findingsOfScope(approved)).toEqual([])
  })

  it('flags an approval without approver or without a real date', () => {
    const approved = { status: 'approved' as const, approver: 'CEO', approvedOn: '2026-11-01' }
    expect(findingsOfScope({ ...approved, approver: ' ' })).toEqual(['approval-incomplete'])
    expect(findingsOfScope({ ...approved, approvedOn: null })).toEqual(['approval-incomplete'])
    expect(findingsOfScope({ ...approved, approvedOn: '2026-02-30' })).toEqual([
      'approval-incomplete',
    ])
  })

  it('flags a review date before today, not on today', () => {
    const approved = { status: 'approved' as const, approver: 'CEO', approvedOn: '2025-11-01' }
    expect(findingsOfScope({ ...approved, nextReviewOn: '2026-11-19' })).toEqual(['review-overdue'])
    expect(findingsOfScope({ ...approved, nextReviewOn: TODAY })).toEqual([])
    expect(findingsOfScope({ status: 'draft', nextReviewOn: '2026-01-01' })).toEqual([
      'draft',
      'review-overdue',
    ])
    expect(findingsOfScope({ status: 'retired', nextReviewOn: '2026-01-01' })).toEqual([
      'retired-still-required',
    ])
  })

  it('flags a required document that was retired, but not a retired document of ours', () => {
    expect(findingsOfScope({ status: 'retired' })).toEqual(['retired-still-required'])
    const ours = makeEntry({ id: 'c-1', source: { kind: 'custom' }, status: 'retired' })
    expect(kindsOf([...freshRegister(), ours], docs, 'c-1')).toEqual([])
  })

  it('flags a location that is neither a plain reference nor a safe web link', () => {
    expect(findingsOfScope({ status: 'draft', location: 'javascript:alert(1)' })).toEqual([
      'draft',
      'invalid-location',
    ])
    expect(findingsOfScope({ status: 'draft', location: 'ISMS folder / Policies' })).toEqual([
      'draft',
    ])
  })

  it('flags a row kept though no longer required, and a kept duplicate', () => {
    // The scope's own row is filled, so the second one is the duplicate.
    const register = freshRegister().map((e, i) =>
      i === 0 ? { ...e, status: 'draft' as const } : e,
    )
    const legal = { ...rowOf(register, LEGAL)[0]!, status: 'draft' as const }
    const duplicate = makeEntry({ id: 'dup', location: 'file:///S:/ISMS/scope.docx' })
    const entries = [...register.filter((e) => e.id !== legal.id), legal, duplicate]
    const without531 = requiredDocuments(decided('5.31'))
    expect(kindsOf(entries, without531, legal.id)).toEqual(['orphaned'])
    expect(kindsOf(entries, without531, 'dup')).toEqual(['invalid-location', 'duplicate'])
  })

  it('lists findings in the order of the rows', () => {
    const register = freshRegister()
    const ids = registerFindings(register, docs, TODAY).map((f) => f.entryId)
    expect(ids).toEqual(register.map((e) => e.id))
  })
})

describe('registerFilter', () => {
  const rows = [
    makeEntry({ id: 'm', title: 'Scope of the ISMS' }),
    makeEntry({ id: 'd', title: 'Backup policy', status: 'draft', owner: 'Priya Shah' }),
    makeEntry({
      id: 'o',
      title: 'Access control policy',
      status: 'approved',
      location: 'https://wiki.example.com/Access',
      nextReviewOn: '2026-06-30',
    }),
    makeEntry({ id: 'a', title: 'Asset inventory', status: 'approved', note: 'priya keeps it' }),
  ]
  const ids = (filter: Parameters<typeof registerFilter>[1]) =>
    registerFilter(rows, filter, TODAY).map((e) => e.id)

  it('keeps every row, in order, without a filter or with "all"', () => {
    expect(ids({})).toEqual(['m', 'd', 'o', 'a'])
    expect(ids({ status: 'all', text: '  ' })).toEqual(['m', 'd', 'o', 'a'])
  })

  it('filters by status, and by review overdue', () => {
    expect(ids({ status: 'missing' })).toEqual(['m'])
    expect(ids({ status: 'draft' })).toEqual(['d'])
    expect(ids({ status: 'overdue' })).toEqual(['o'])
  })

  it('finds text in the title, owner or location ignoring case, not in the note', () => {
    expect(ids({ text: 'POLICY' })).toEqual(['d', 'o'])
    expect(ids({ text: 'priya' })).toEqual(['d'])
    expect(ids({ text: 'wiki.example' })).toEqual(['o'])
    expect(ids({ status: 'draft', text: 'access' })).toEqual([])
  })

  it('filters a register of 200 rows', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      makeEntry({ id: `r${i}`, title: `Procedure ${i}`, status: i % 2 ? 'draft' : 'missing' }),
    )
    expect(registerFilter(many, { status: 'draft', text: 'procedure 1' }, TODAY)).toHaveLength(56)
  })
})

describe('bulkApprove', () => {
  const policies = [
    makeEntry({ id: 'p1', title: 'Information security policy', status: 'draft' }),
    makeEntry({ id: 'p2', title: 'Access control policy', status: 'missing' }),
    makeEntry({ id: 'p3', title: 'Old remote work policy', status: 'retired' }),
    makeEntry({ id: 'p4', title: 'Backup policy', status: 'draft' }),
  ]
  const ceo = { approver: '  CEO ', approvedOn: TODAY }

  it('approves the selected rows by one approver on one date, returning only changed rows', () => {
    const result = bulkApprove(policies, ['p1', 'p2', 'p3'], ceo, T1, TODAY)
    expect(result).toEqual({
      ok: true,
      changed: [
        { ...policies[0], status: 'approved', approver: 'CEO', approvedOn: TODAY, updatedAt: T1 },
        { ...policies[1], status: 'approved', approver: 'CEO', approvedOn: TODAY, updatedAt: T1 },
      ],
    })
  })

  it('leaves a retired row, and a row already approved the same way, as they are', () => {
    const approved = makeEntry({ id: 'p5', status: 'approved', approver: 'CEO', approvedOn: TODAY })
    const result = bulkApprove([...policies, approved], new Set(['p3', 'p5']), ceo, T1, TODAY)
    expect(result).toEqual({ ok: true, changed: [] })
  })

  it('refuses an approval date in the future, and changes nothing', () => {
    const result = bulkApprove(policies, ['p1'], { ...ceo, approvedOn: '2026-11-21' }, T1, TODAY)
    expect(result).toEqual({
      ok: false,
      problems: ['future-date'],
      message: BULK_APPROVAL_MESSAGES['future-date'],
    })
    expect(BULK_APPROVAL_MESSAGES['future-date']).toMatch(/in the future/)
  })

  it('refuses an approval without an approver or a real date', () => {
    const result = bulkApprove(
      policies,
      ['p1'],
      { approver: ' ', approvedOn: '20.11.2026' },
      T1,
      TODAY,
    )
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems).toEqual(['no-approver', 'no-date'])
      expect(result.message).toBe(
        `${BULK_APPROVAL_MESSAGES['no-approver']} ${BULK_APPROVAL_MESSAGES['no-date']}`,
      )
    }
  })
})

describe('locations', () => {
  it('links only well-formed http and https URLs', () => {
    expect(locationLink(' https://intranet.example.com/isms/Policy IS-01.pdf ')).toBe(
      'https://intranet.example.com/isms/Policy%20IS-01.pdf',
    )
    expect(locationLink('HTTP://example.com')).toBe('http://example.com/')
    for (const unsafe of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///S:/ISMS/policy.docx',
      'mailto:ciso@example.com',
      'https://',
      'https:example.com',
      'http://exa mple.com',
      'https://user:secret@example.com/',
      'https://example.com/\nx',
      'ISMS folder / Policies',
      '',
    ]) {
      expect(locationLink(unsafe), unsafe).toBeNull()
    }
  })

  it('accepts empty locations, plain references and web links, nothing else', () => {
    for (const valid of [
      '',
      '   ',
      'ISMS folder / Policies / IS-03',
      'Ref: IS-03',
      'SharePoint: ISMS site, Policies library',
      'C:\\ISMS\\policy.docx',
      '\\\\fileserver\\isms\\policy.docx',
      'intranet.example.com/isms',
      'https://intranet.example.com/isms',
    ]) {
      expect(isValidLocation(valid), valid).toBe(true)
    }
    for (const invalid of [
      'javascript:alert(1)',
      'javascript: alert(1)',
      'vbscript:msgbox',
      'data:text/html,hi',
      'file:///S:/ISMS',
      'mailto:ciso@example.com',
      'ftp://files.example.com/isms',
      'https://',
      'http:intranet',
      'https://user:secret@example.com/',
      'ISMS folder\t/ Policies',
    ]) {
      expect(isValidLocation(invalid), invalid).toBe(false)
    }
  })
})

describe('soaApprovalToRecord', () => {
  const SOA: RegisterSource = { kind: 'mandatory', key: 'soa' }
  const soaRow = (overrides: Partial<RegisterEntry> = {}) =>
    makeEntry({ source: SOA, title: 'Statement of Applicability', ...overrides })
  const APPROVAL = { version: '1.1', approver: 'Dana (CEO)', approvedOn: '2026-11-18' }

  it('offers the approval made in the app on the SoA’s row while the row does not say it', () => {
    expect(soaApprovalToRecord(soaRow(), APPROVAL)).toEqual(APPROVAL)
    expect(soaApprovalToRecord(soaRow({ status: 'draft', version: '1.1' }), APPROVAL)).toEqual(
      APPROVAL,
    )
    // An older approval recorded: the newer one is offered.
    const older = { status: 'approved' as const, version: '1.0', approver: 'Dana (CEO)' }
    expect(soaApprovalToRecord(soaRow({ ...older, approvedOn: '2026-10-01' }), APPROVAL)).toEqual(
      APPROVAL,
    )
  })

  it('offers nothing once recorded, without an approval, on another row, or on a retired row', () => {
    const recorded = soaRow({ status: 'approved', ...APPROVAL })
    expect(soaApprovalToRecord(recorded, APPROVAL)).toBeNull()
    expect(soaApprovalToRecord(soaRow(), null)).toBeNull()
    expect(soaApprovalToRecord(makeEntry(), APPROVAL)).toBeNull()
    expect(soaApprovalToRecord(soaRow({ status: 'retired' }), APPROVAL)).toBeNull()
  })
})

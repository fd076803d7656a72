import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  ANNEX_A_CONTROLS,
  CLAUSE_CHAPTERS,
  CLAUSE_IDS,
  CLAUSE_SECTIONS,
  CONTENT_VERSION,
  HOME_WORKING_CONTROLS,
  MANDATORY_DOCUMENTS,
  NON_EXCLUDABLE_CONTROLS,
  QUESTIONS,
  controlById,
  questionsFor,
} from '@/content'
import { CONTENT_FINGERPRINTS } from '@/content/version'
import { ORGANIZATIONAL_GUIDANCE } from '@/content/annex-a/guidance-organizational'
import { PEOPLE_PHYSICAL_GUIDANCE } from '@/content/annex-a/guidance-people-physical'
import { TECHNOLOGICAL_GUIDANCE } from '@/content/annex-a/guidance-technological'

// Facts of ISO/IEC 27001:2022 the catalog must match, copied here so the tests stand alone.
const NEW_IN_2022 = [
  '5.7',
  '5.23',
  '5.30',
  '7.4',
  '8.9',
  '8.10',
  '8.11',
  '8.12',
  '8.16',
  '8.23',
  '8.28',
]
const THEME_COUNTS = { Organizational: 37, People: 8, Physical: 14, Technological: 34 }
const THEME_PREFIX = { Organizational: '5', People: '6', Physical: '7', Technological: '8' }

describe('Annex A catalog', () => {
  it('has the 93 controls of the 2022 edition, numbered without gaps per theme', () => {
    expect(ANNEX_A_CONTROLS).toHaveLength(93)
    for (const [theme, count] of Object.entries(THEME_COUNTS)) {
      const ids = ANNEX_A_CONTROLS.filter((c) => c.theme === theme).map((c) => c.id)
      const prefix = THEME_PREFIX[theme as keyof typeof THEME_PREFIX]
      expect(ids).toEqual(Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}`))
    }
  })

  it('has unique ids', () => {
    expect(new Set(ANNEX_A_CONTROLS.map((c) => c.id)).size).toBe(93)
  })

  it('flags exactly the 11 controls new in 2022, and they replace no 2013 control', () => {
    const flagged = ANNEX_A_CONTROLS.filter((c) => c.newIn2022).map((c) => c.id)
    expect(flagged.sort()).toEqual([...NEW_IN_2022].sort())
    for (const c of ANNEX_A_CONTROLS) {
      expect(c.replaces2013.length === 0, c.id).toBe(c.newIn2022)
    }
  })

  it('maps every one of the 114 controls of the 2013 edition to a 2022 control', () => {
    const old = new Set(ANNEX_A_CONTROLS.flatMap((c) => c.replaces2013))
    expect(old.size).toBe(114)
    for (const id of old)
      expect(id).toMatch(/^A\.(5|6|7|8|9|10|11|12|13|14|15|16|17|18)\.\d+\.\d+$/)
  })

  it('carries the ISO/IEC 27002 attributes of every control', () => {
    const count = (type: string) =>
      ANNEX_A_CONTROLS.filter((c) => (c.attributes.controlType as readonly string[]).includes(type))
        .length
    expect([count('Preventive'), count('Detective'), count('Corrective')]).toEqual([83, 13, 14])
    for (const c of ANNEX_A_CONTROLS) {
      expect(c.attributes.properties.length, c.id).toBeGreaterThan(0)
      expect(c.attributes.concepts.length, c.id).toBeGreaterThan(0)
      expect(c.attributes.capabilities.length, c.id).toBeGreaterThan(0)
      expect(c.attributes.domains.length, c.id).toBeGreaterThan(0)
    }
  })

  it('gives every control a title, an intent, evidence and (possibly empty) exclusion reasons', () => {
    for (const c of ANNEX_A_CONTROLS) {
      expect(c.title.length, c.id).toBeGreaterThan(5)
      expect(c.intent.length, c.id).toBeGreaterThan(40)
      expect(c.evidence.length, c.id).toBeGreaterThanOrEqual(2)
      for (const e of c.evidence) expect(e.trim().length, c.id).toBeGreaterThan(5)
      for (const r of c.exclusionReasons) expect(r.trim().length, c.id).toBeGreaterThan(10)
    }
  })

  it('has guidance for exactly the catalog controls, no strays', () => {
    const guidanceIds = [
      ...Object.keys(ORGANIZATIONAL_GUIDANCE),
      ...Object.keys(PEOPLE_PHYSICAL_GUIDANCE),
      ...Object.keys(TECHNOLOGICAL_GUIDANCE),
    ]
    expect(guidanceIds.sort()).toEqual(ANNEX_A_CONTROLS.map((c) => c.id).sort())
  })

  it('offers exclusion reasons for software development controls and physical controls', () => {
    const excludable = (id: string) =>
      (ANNEX_A_CONTROLS.find((c) => c.id === id)?.exclusionReasons.length ?? 0) > 0
    expect(['8.25', '8.28', '8.31', '7.1', '7.3'].every(excludable)).toBe(true)
    // Core controls nearly every organization needs are never offered an easy way out.
    expect(['5.1', '5.15', '5.24', '8.7', '8.13'].some(excludable)).toBe(false)
  })
})

describe('exclusion limits', () => {
  it('names each non-excludable control once, and only controls of the catalog', () => {
    const ids = NON_EXCLUDABLE_CONTROLS.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(controlById(id), id).toBeDefined()
  })

  it('offers no exclusion reason for a control that cannot be excluded', () => {
    for (const { id } of NON_EXCLUDABLE_CONTROLS) {
      expect(controlById(id)?.exclusionReasons, id).toEqual([])
    }
  })

  it('lists only Physical controls, each once, as still applying to home working', () => {
    const ids = HOME_WORKING_CONTROLS.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(controlById(id)?.theme, id).toBe('Physical')
  })

  it('gives every limit a reason in plain words', () => {
    for (const { id, reason } of [...NON_EXCLUDABLE_CONTROLS, ...HOME_WORKING_CONTROLS]) {
      expect(reason.trim().length, id).toBeGreaterThan(20)
    }
  })
})

describe('clause questionnaire', () => {
  it('covers the 30 sub-clauses of clauses 4 to 10, each with a title and a question', () => {
    expect(CLAUSE_SECTIONS.map((s) => s.id)).toEqual([...CLAUSE_IDS])
    expect(CLAUSE_CHAPTERS.map((c) => c.chapter)).toEqual([4, 5, 6, 7, 8, 9, 10])
    for (const section of CLAUSE_SECTIONS) {
      expect(section.title.length, section.id).toBeGreaterThan(3)
      expect(section.id.startsWith(`${section.chapter}.`), section.id).toBe(true)
      expect(questionsFor(section.id).length, section.id).toBeGreaterThanOrEqual(1)
    }
  })

  it('splits sub-clauses with several distinct requirements into several questions', () => {
    for (const id of [
      '5.1',
      '5.2',
      '6.1.2',
      '6.1.3',
      '6.2',
      '7.5.3',
      '9.2.2',
      '9.3.2',
      '10.2',
    ] as const) {
      expect(questionsFor(id).length, id).toBeGreaterThanOrEqual(4)
    }
  })

  // A design bound, not a count: one question per requirement of clauses 4-10, and few enough
  // for one workshop day. It leaves room for the bank to grow by a fifth.
  it('has between 90 and 160 questions with unique, clause-prefixed ids in clause order', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(90)
    expect(QUESTIONS.length).toBeLessThanOrEqual(160)
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length)
    const order = CLAUSE_IDS as readonly string[]
    let last = 0
    for (const q of QUESTIONS) {
      expect(q.id.startsWith(`q-${q.clause}-`), q.id).toBe(true)
      expect(q.id).toMatch(/^q-[\d.]+-[a-z0-9]+(?:-[a-z0-9]+)*$/)
      const index = order.indexOf(q.clause)
      expect(index, q.id).toBeGreaterThanOrEqual(last)
      last = index
    }
  })

  it('gives every question its text, why it matters and evidence examples', () => {
    for (const q of QUESTIONS) {
      expect(q.text.trim().length, q.id).toBeGreaterThan(20)
      expect(q.text.trim().endsWith('?'), q.id).toBe(true)
      expect(q.why.trim().length, q.id).toBeGreaterThan(40)
      expect(q.evidence.length, q.id).toBeGreaterThanOrEqual(2)
      for (const e of q.evidence) expect(e.trim().length, q.id).toBeGreaterThan(5)
    }
  })

  it('never offers "not applicable": clauses 4 to 10 cannot be excluded', () => {
    for (const q of QUESTIONS) {
      for (const text of [q.text, q.why, ...q.evidence]) {
        expect(text, q.id).not.toMatch(/not applicable|\bN\/A\b/i)
      }
    }
  })

  it('includes the 2024 climate change amendment in 4.1 and 4.2', () => {
    expect(questionsFor('4.1').some((q) => /climate/i.test(q.text))).toBe(true)
    expect(questionsFor('4.2').some((q) => /climate/i.test(q.text))).toBe(true)
  })
})

describe('mandatory documented information', () => {
  it('lists the 15 documents clauses 4 to 10 require, with unique keys', () => {
    expect(MANDATORY_DOCUMENTS.map((d) => d.clauseRef)).toEqual([
      '4.3',
      '5.2',
      '6.1.2',
      '6.1.3',
      '6.1.3 d)',
      '6.2',
      '7.2 d)',
      '7.5.1 b)',
      '8.1',
      '8.2',
      '8.3',
      '9.1',
      '9.2.2',
      '9.3.3',
      '10.2',
    ])
    expect(new Set(MANDATORY_DOCUMENTS.map((d) => d.key)).size).toBe(15)
  })

  it('links every document to at least one question of its own clause', () => {
    for (const doc of MANDATORY_DOCUMENTS) {
      const asking = QUESTIONS.filter((q) => (q.documents as readonly string[]).includes(doc.key))
      expect(asking.length, doc.key).toBeGreaterThanOrEqual(1)
      for (const q of asking) expect(q.clause, `${doc.key} via ${q.id}`).toBe(doc.clause)
    }
  })
})

describe('content version', () => {
  it('changes whenever the content changes', () => {
    const serialized = JSON.stringify({
      CLAUSE_SECTIONS,
      QUESTIONS,
      ANNEX_A_CONTROLS,
      MANDATORY_DOCUMENTS,
    })
    const fingerprint = createHash('sha256').update(serialized).digest('hex')
    const versions = Object.keys(CONTENT_FINGERPRINTS).map(Number)
    expect(Math.max(...versions)).toBe(CONTENT_VERSION)
    expect(new Set(Object.values(CONTENT_FINGERPRINTS)).size).toBe(versions.length)
    expect(
      CONTENT_FINGERPRINTS[CONTENT_VERSION],
      `Content changed: set CONTENT_VERSION to ${CONTENT_VERSION + 1} in src/content/version.ts ` +
        `and add ${CONTENT_VERSION + 1}: '${fingerprint}' to CONTENT_FINGERPRINTS.`,
    ).toBe(fingerprint)
  })
})

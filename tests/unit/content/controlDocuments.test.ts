import { describe, expect, it } from 'vitest'
import {
  ANNEX_A_CONTROLS,
  CONTROL_DOCUMENTS,
  MANDATORY_DOCUMENTS,
  controlById,
  controlDocument,
  type ControlDocumentKey,
} from '@/content'

// The documents Annex A itself asks to be documented, which any list must include.
const EXPLICIT_IN_ANNEX_A: Readonly<Record<string, ControlDocumentKey>> = {
  '5.10': 'acceptable-use-rules',
  '5.26': 'incident-response-procedure',
  '5.31': 'legal-requirements-register',
  '5.37': 'operating-procedures',
  '6.6': 'confidentiality-agreements',
  '8.9': 'configuration-baselines',
  '8.27': 'secure-engineering-principles',
}

const catalogIndex = (id: string) => ANNEX_A_CONTROLS.findIndex((c) => c.id === id)

describe('documents Annex A controls call for', () => {
  it('has unique keys, none of them a mandatory document', () => {
    const keys = CONTROL_DOCUMENTS.map((d) => d.key)
    expect(new Set(keys).size).toBe(keys.length)
    const mandatory = new Set<string>(MANDATORY_DOCUMENTS.map((d) => d.key))
    for (const key of keys) expect(mandatory.has(key), key).toBe(false)
  })

  it('stays a short list a Stage 1 auditor would ask for, not a catalogue of every record', () => {
    expect(CONTROL_DOCUMENTS.length).toBeGreaterThanOrEqual(10)
    expect(CONTROL_DOCUMENTS.length).toBeLessThanOrEqual(20)
  })

  it('includes every document Annex A asks to be documented, for its control', () => {
    for (const [control, key] of Object.entries(EXPLICIT_IN_ANNEX_A)) {
      expect(controlDocument(key).controls, key).toContain(control)
    }
  })

  it('names controls of the catalog, each document its own controls in catalog order', () => {
    for (const doc of CONTROL_DOCUMENTS) {
      expect(doc.controls.length, doc.key).toBeGreaterThanOrEqual(1)
      for (const id of doc.controls) expect(controlById(id), `${doc.key}: ${id}`).toBeDefined()
      const order = doc.controls.map(catalogIndex)
      expect(order, doc.key).toEqual([...order].sort((a, b) => a - b))
      expect(new Set(doc.controls).size, doc.key).toBe(doc.controls.length)
    }
    const firsts = CONTROL_DOCUMENTS.map((d) => catalogIndex(d.controls[0]!))
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b))
  })

  it('explains each document in one plain sentence, under a title', () => {
    for (const doc of CONTROL_DOCUMENTS) {
      expect(doc.key, doc.key).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
      expect(doc.title.trim().length, doc.key).toBeGreaterThan(5)
      expect(doc.explanation.length, doc.key).toBeGreaterThan(40)
      expect(doc.explanation.trim().endsWith('.'), doc.key).toBe(true)
      expect(doc.explanation.slice(0, -1), doc.key).not.toMatch(/[.!?]\s/)
    }
  })

  it('looks a document up by key, and refuses an unknown one', () => {
    expect(controlDocument('backup-policy').controls).toEqual(['8.13'])
    expect(() => controlDocument('no-such-document' as 'backup-policy')).toThrow(/Unknown/)
  })
})

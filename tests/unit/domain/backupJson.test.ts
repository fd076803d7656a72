import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseBackup, type BackupError } from '@/domain/backup'
import { readJson } from '@/domain/backup/json'

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')
const FIXTURE = readFileSync(resolve('tests/fixtures/backups/format-1.json'), 'utf8')

async function refusal(text: string): Promise<BackupError> {
  const result = await parseBackup(text, sha256)
  if (result.ok) throw new Error('the file was accepted')
  return result.error
}

/** The fixture with its data edited and its checksum made to match again. */
async function withData(change: (data: Record<string, Record<string, unknown>[]>) => void) {
  const file = JSON.parse(FIXTURE) as {
    sha256: string
    data: Record<string, Record<string, unknown>[]>
  }
  change(file.data)
  file.sha256 = await sha256(JSON.stringify(file.data))
  return JSON.stringify(file, null, 2)
}

describe('keys written twice in one object', () => {
  it('refuses a bogus "sha256" written before the real one, which the last-wins rule would hide', async () => {
    const bogus = FIXTURE.replace('{\n', `{\n  "sha256": "${'0'.repeat(64)}",\n`)
    expect(JSON.parse(bogus)).toMatchObject({ sha256: JSON.parse(FIXTURE).sha256 })
    const error = await refusal(bogus)
    expect(error).toEqual({
      kind: 'duplicate-key',
      path: 'the file',
      message:
        'This file has the field "sha256" twice at the top level of the file. A backup never repeats a field, and the app cannot tell which of the two is meant. Nothing was imported. Only import backups exported by ISMS Readiness, or export it again.',
    })
  })

  it('refuses a field written twice in a row, naming the row', async () => {
    const text = FIXTURE.replace(
      '"note": "Climate change named',
      '"note": "All done.",\n        "note": "Climate change named',
    )
    const error = await refusal(text)
    expect(error).toMatchObject({ kind: 'duplicate-key', path: 'clauseAnswers[0]' })
    expect(error.message).toContain('the field "note" twice in clauseAnswers[0].')
    const nested = FIXTURE.replace(
      '"owner": "Head of Operations",\n          "due"',
      '"owner": "Head of Operations",\n          "owner": "CEO",\n          "due"',
    )
    expect(await refusal(nested)).toMatchObject({ path: 'clauseAnswers[0].action' })
  })

  it('refuses a key written twice in different spellings of the same text', async () => {
    const text = FIXTURE.replace(
      '"sector": "Logistics",',
      '"sector": "Logistics",\n      "s\\u0065ctor": "Banking",',
    )
    expect(await refusal(text)).toMatchObject({ kind: 'duplicate-key', path: 'workspaces[0]' })
  })

  it('is not fooled by quotes, colons and backslashes inside texts', async () => {
    const tricky = [
      '"note": "x", "note": "y"',
      'ends with a backslash \\',
      '\\"quoted\\": and \\\\"',
      'a "b": {"c": 1}',
      '"',
      '\\',
    ]
    const text = await withData((data) => {
      tricky.forEach((note, i) => {
        const answer = data['clauseAnswers']?.[i % 4]
        if (answer) answer['note'] = note
      })
      const decision = data['controlDecisions']?.[0]
      if (decision) decision['evidence'] = tricky.filter((t) => t.trim() !== '')
    })
    expect(await parseBackup(text, sha256)).toMatchObject({ ok: true })
  })
})

describe('prototype keys', () => {
  it('refuses them at any depth, however they are written, and names the place', async () => {
    const nested = FIXTURE.replace('"status": "partly",', '"status": "partly",\n"__proto__": {},')
    expect(await refusal(nested)).toMatchObject({ kind: 'hostile', path: 'clauseAnswers[0]' })
    const escaped = FIXTURE.replace(
      '"sector": "Logistics",',
      '"sector": "Logistics",\n"__pro\\u0074o__": {"polluted": 1},',
    )
    const error = await refusal(escaped)
    expect(error).toMatchObject({ kind: 'hostile', path: 'workspaces[0]' })
    expect(error.message).toContain('a field named "__proto__"')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('accepts the same words as values', async () => {
    const text = await withData((data) => {
      const answer = data['clauseAnswers']?.[1]
      if (answer)
        Object.assign(answer, { note: 'constructor', evidence: ['__proto__', 'prototype'] })
    })
    const parsed = await parseBackup(text, sha256)
    expect(parsed.ok && parsed.data.clauseAnswers[1]).toMatchObject({
      note: 'constructor',
      evidence: ['__proto__', 'prototype'],
    })
  })
})

// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const hasPrototypeKey = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (Array.isArray(value)
    ? value.some(hasPrototypeKey)
    : Object.keys(value).some(
        (k) =>
          ['__proto__', 'constructor', 'prototype'].includes(k) ||
          hasPrototypeKey((value as Record<string, unknown>)[k]),
      ))

const jsonArb = fc
  .jsonValue({ maxDepth: 4 })
  .filter((v) => !hasPrototypeKey(v)) as fc.Arbitrary<Json>

/** Every object of a value with at least one key, with its path. */
function objectsOf(value: Json, path: (string | number)[] = []): [object, (string | number)[]][] {
  if (Array.isArray(value)) return value.flatMap((child, i) => objectsOf(child, [...path, i]))
  if (value === null || typeof value !== 'object') return []
  const here: [object, (string | number)[]][] = Object.keys(value).length > 0 ? [[value, path]] : []
  return [...here, ...Object.entries(value).flatMap(([k, child]) => objectsOf(child, [...path, k]))]
}

/** JSON text of a value, with the first key of one object written again at its end. */
function writeWithRepeat(value: Json, repeated: object | null, space: string): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => writeWithRepeat(v, repeated, space)).join(`,${space}`)}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([k, v]) => `${JSON.stringify(k)}${space}:${space}${writeWithRepeat(v, repeated, space)}`,
    )
    if (value === repeated && entries[0]) entries.push(entries[0])
    return `{${space}${entries.join(`,${space}`)}${space}}`
  }
  return JSON.stringify(value)
}

describe('readJson, for all JSON', () => {
  it('names the place in a deeply nested file without slowing down (no path copied per level)', async () => {
    const depth = 100_000
    const nest = (inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`
    const repeated = readJson(nest('{"a": 1, "b": {"c": 2, "c": 3}}'))
    expect(repeated).toMatchObject({ ok: false, problem: 'duplicate-key', key: 'c' })
    expect(!repeated.ok && 'path' in repeated && repeated.path).toEqual([
      ...Array.from({ length: depth }, () => 0),
      'b',
    ])
    const refused = await parseBackup(nest('{"b": {"c": 2, "c": 3}}'), sha256)
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'duplicate-key', path: '[0][0][0][0][0][0][0][0]…' },
    })
    const hostile = readJson(nest('{"a": [{"constructor": 1}]}'))
    expect(hostile).toMatchObject({ ok: false, problem: 'prototype-key', key: 'constructor' })
    expect(!hostile.ok && 'path' in hostile && hostile.path).toHaveLength(depth + 2)
  })

  it('reads any JSON without prototype keys exactly as JSON.parse does, whatever its spacing', () => {
    fc.assert(
      fc.property(jsonArb, fc.constantFrom('', ' ', '\n', '\t\r\n '), (value, space) => {
        const text = writeWithRepeat(value, null, space)
        expect(readJson(text)).toEqual({ ok: true, value: JSON.parse(text) })
      }),
      { numRuns: 500, seed: 13 },
    )
  })

  it('finds a key written twice in any object, with the path of that object', () => {
    const withRepeat = jsonArb
      .map((value) => ({ value, objects: objectsOf(value) }))
      .filter(({ objects }) => objects.length > 0)
      .chain(({ value, objects }) =>
        fc.record({
          value: fc.constant(value),
          target: fc.constantFrom(...objects),
          space: fc.constantFrom('', ' ', '\n'),
        }),
      )
    fc.assert(
      fc.property(withRepeat, ({ value, target: [object, path], space }) => {
        const reading = readJson(writeWithRepeat(value, object, space))
        expect(reading).toEqual({
          ok: false,
          problem: 'duplicate-key',
          key: Object.keys(object)[0],
          path,
        })
      }),
      { numRuns: 500, seed: 13 },
    )
  })
})

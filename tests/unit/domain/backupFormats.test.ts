import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_FORMATS,
  buildBackup,
  parseBackup,
  type BackupData,
  type CurrentFormat,
  type FormatRegistry,
  type OlderFormat,
  type ParsedBackup,
} from '@/domain/backup'
import { format1, type Format1Data } from '@/domain/backup/format1'
import { formatChain } from '@/domain/backup/registry'
import type { Risk } from '@/domain/model'

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')

// Tests run from the repository's root.
const fixturePath = (version: number) => resolve(`tests/fixtures/backups/format-${version}.json`)
const fixture = (version: number) => readFileSync(fixturePath(version), 'utf8')

async function accepted(result: Promise<ParsedBackup>) {
  const parsed = await result
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed
}

describe('the format history shipped with the app', () => {
  it('holds versions 1, 2, … in order, the current one last and written by the app', () => {
    const versions = [...BACKUP_FORMATS.older, BACKUP_FORMATS.current].map((f) => f.version)
    expect(versions).toEqual(versions.map((_, i) => i + 1))
    expect(BACKUP_FORMATS.current.version).toBe(BACKUP_FORMAT_VERSION)
    expect(BACKUP_FORMAT_VERSION).toBe(1)
  })

  it('has a fixture file for every format version, each of which still imports', async () => {
    for (let version = 1; version <= BACKUP_FORMAT_VERSION; version++) {
      expect(
        existsSync(fixturePath(version)),
        `tests/fixtures/backups/format-${version}.json`,
      ).toBe(true)
      const parsed = await accepted(parseBackup(fixture(version), sha256))
      expect(parsed.repairs).toEqual([])
      expect(parsed.data.workspaces.length).toBeGreaterThan(0)
    }
  })
})

describe('tests/fixtures/backups/format-1.json, made by the app when format 1 was current', () => {
  it('imports, with every row and the metadata it was exported with', async () => {
    const parsed = await accepted(parseBackup(fixture(1), sha256))
    expect(parsed.meta).toEqual({
      appVersion: '0.1.0',
      schemaVersion: 1,
      contentVersion: 2,
      exportedAt: '2026-11-20T17:45:12.345Z',
    })
    expect(parsed.repairs).toEqual([])
    const { workspaces, clauseAnswers, controlDecisions, risks, snapshots } = parsed.data
    expect(workspaces.map((w) => w.organizationName)).toEqual([
      'Nordwind Logistik GmbH',
      'Harbour Dental Clinic',
    ])
    expect(workspaces[1]?.riskCriteria?.scale).toBe(3)
    expect(clauseAnswers).toHaveLength(4)
    expect(controlDecisions.find((d) => d.applicability === 'excluded')?.justification).toMatch(
      /No software development is outsourced/,
    )
    expect(controlDecisions.find((d) => d.provider === 'supplier')?.supplierName).toBe(
      'CloudHost AG',
    )
    expect(risks).toHaveLength(3)
    expect(snapshots).toEqual([
      {
        id: 'a7e5b3c1-0000-4000-8000-000000000001',
        workspaceId: '3b0f7a52-8c1e-4d4a-9f7e-1a2b3c4d5e01',
        takenAt: '2026-11-12T16:00:00.000Z',
        label: 'After the second workshop',
        score: 38.5,
      },
    ])
  })

  it('round-trips: written again and read again, the rows are the same', async () => {
    const parsed = await accepted(parseBackup(fixture(1), sha256))
    const again = await accepted(
      parseBackup(await buildBackup(parsed.data, parsed.meta, sha256), sha256),
    )
    expect(again.data).toStrictEqual(parsed.data)
  })

  it.runIf(BACKUP_FORMAT_VERSION === 1)(
    'is what the writer of format 1 writes, field for field (only the whitespace is Prettier’s)',
    async () => {
      const parsed = await accepted(parseBackup(fixture(1), sha256))
      const written = await buildBackup(parsed.data, parsed.meta, sha256)
      expect(JSON.parse(written)).toStrictEqual(JSON.parse(fixture(1)))
    },
  )
})

// ---------------------------------------------------------------------------------------------
// A synthetic format 2, registered only here: risks hold their ratings as two pairs,
// { inherent: { likelihood, impact }, residual: { likelihood, impact } | null }.

const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))
const rating = v.strictObject({ likelihood: level, impact: level })
const riskRest = v.omit(format1.data.entries.risks.item, [
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
]).entries
const Format2Data = v.strictObject({
  ...format1.data.entries,
  risks: v.array(
    v.strictObject({
      ...riskRest,
      rating: v.strictObject({ inherent: rating, residual: v.nullable(rating) }),
    }),
  ),
})
type Format2Data = v.InferOutput<typeof Format2Data>
type Format2Risk = Format2Data['risks'][number]

function toFormat2(risk: Risk): Format2Risk {
  const { likelihood, impact, residualLikelihood, residualImpact, ...rest } = risk
  return {
    ...rest,
    controlIds: [...risk.controlIds],
    rating: {
      inherent: { likelihood, impact },
      // Format 2 cannot hold half a residual rating: a format-1 file with one keeps the half it
      // has as a whole pair, which the current rules then judge.
      residual:
        residualLikelihood === null && residualImpact === null
          ? null
          : { likelihood: residualLikelihood ?? 0, impact: residualImpact ?? 0 },
    },
  }
}

function fromFormat2(risk: Format2Risk): Risk {
  const { rating, ...rest } = risk
  return {
    ...rest,
    likelihood: rating.inherent.likelihood,
    impact: rating.inherent.impact,
    residualLikelihood: rating.residual?.likelihood ?? null,
    residualImpact: rating.residual?.impact ?? null,
  }
}

const olderFormat1: OlderFormat<typeof format1.data, Format2Data> = {
  version: 1,
  data: format1.data,
  up: (data: Format1Data) => ({ ...data, risks: data.risks.map(toFormat2) }),
}

const format2: CurrentFormat<typeof Format2Data> = {
  version: 2,
  data: Format2Data,
  read: (data) => ({ ...data, risks: data.risks.map(fromFormat2) }),
  write: (data: BackupData) => ({ ...data, risks: data.risks.map(toFormat2) }),
}

const WITH_FORMAT_2: FormatRegistry = { older: [olderFormat1], current: format2 }

describe('a format 2 added to the history', () => {
  it('reads a format-1 file by upgrading it, to the same rows as today', async () => {
    const today = await accepted(parseBackup(fixture(1), sha256))
    const upgraded = await accepted(parseBackup(fixture(1), sha256, { formats: WITH_FORMAT_2 }))
    expect(upgraded).toStrictEqual(today)
  })

  it('writes and reads files of format 2', async () => {
    const today = await accepted(parseBackup(fixture(1), sha256))
    const text = await buildBackup(today.data, today.meta, sha256, WITH_FORMAT_2)
    const file = JSON.parse(text) as { formatVersion: number; data: { risks: unknown[] } }
    expect(file.formatVersion).toBe(2)
    expect(file.data.risks[0]).toMatchObject({
      rating: { inherent: { likelihood: 4, impact: 5 }, residual: { likelihood: 2, impact: 3 } },
    })
    expect(file.data.risks[0]).not.toHaveProperty('likelihood')
    const read = await accepted(parseBackup(text, sha256, { formats: WITH_FORMAT_2 }))
    expect(read.data).toStrictEqual(today.data)
  })

  it('checks each file against the schema of its own version', async () => {
    const format1Text = fixture(1)
    const today = await accepted(parseBackup(format1Text, sha256))
    const format2Text = await buildBackup(today.data, today.meta, sha256, WITH_FORMAT_2)
    // A format-2 file labelled 1, and a format-1 file labelled 2.
    const mislabelled = [
      [format2Text.replace('"formatVersion": 2', '"formatVersion": 1'), 'risks[0].likelihood'],
      [format1Text.replace('"formatVersion": 1', '"formatVersion": 2'), 'risks[0].rating'],
    ] as const
    for (const [text, path] of mislabelled) {
      const result = await parseBackup(text, sha256, { formats: WITH_FORMAT_2 })
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', path } })
      expect(!result.ok && result.error.message).toContain(`${path} is missing`)
    }
  })

  it('applies the current rules after upgrading', async () => {
    // A half-filled residual rating in format 1 becomes a pair with a 0 in format 2, which the
    // current rules refuse.
    const halfRated = fixture(1).replace(
      '"residualLikelihood": 2,\n        "residualImpact": 3,',
      '"residualLikelihood": 2,\n        "residualImpact": null,',
    )
    const file = JSON.parse(halfRated) as { data: unknown; sha256: string }
    file.sha256 = await sha256(JSON.stringify(file.data))
    const result = await parseBackup(JSON.stringify(file), sha256, { formats: WITH_FORMAT_2 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'breaks-rule' } })
    expect(!result.ok && result.error.message).toContain(
      'risks[0] (risk “Ransomware stops the warehouse management system” of “Nordwind Logistik GmbH”) has a residual rating (likelihood 2, impact 0) outside',
    )
  })

  it('refuses format 3 as made by a newer version of the app', async () => {
    const result = await parseBackup(
      fixture(1).replace('"formatVersion": 1', '"formatVersion": 3'),
      sha256,
      { formats: WITH_FORMAT_2 },
    )
    expect(result).toMatchObject({ ok: false, error: { kind: 'future-version' } })
    expect(!result.ok && result.error.message).toContain(
      'made by a newer version of ISMS Readiness (backup format 3; this version reads format 2)',
    )
  })

  it('is a mistake of the app, not of the file, when a version is missing from the history', () => {
    const gap: FormatRegistry = { older: [olderFormat1], current: { ...format2, version: 3 } }
    expect(() => formatChain(gap, 1)).toThrow('Backup format 2 is missing')
  })
})

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
import { format1 } from '@/domain/backup/format1'
import { format2 } from '@/domain/backup/format2'
import { format3, type Format3Data } from '@/domain/backup/format3'
import { formatChain } from '@/domain/backup/registry'
import { REPORT_DETAIL_FIELDS, reportDetailsOf } from '@/domain/editableFields'
import { FIELD_LIMITS } from '@/domain/limits'
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

const NO_REPORT_DETAILS = {
  reportVersion: '',
  confidentiality: '',
  consultantSummary: '',
  recommendations: '',
  soaVersion: '',
  soaOwner: '',
  soaApprover: '',
  soaApprovedOn: null,
}

describe('the format history shipped with the app', () => {
  it('holds versions 1, 2, … in order, the current one last and written by the app', () => {
    const versions = [...BACKUP_FORMATS.older, BACKUP_FORMATS.current].map((f) => f.version)
    expect(versions).toEqual(versions.map((_, i) => i + 1))
    expect(BACKUP_FORMATS.current.version).toBe(BACKUP_FORMAT_VERSION)
    expect(BACKUP_FORMAT_VERSION).toBe(3)
    expect(BACKUP_FORMATS.older).toEqual([format1, format2])
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
        // Format 1 kept only the score: the snapshot keeps it, with the band of the score alone.
        verdict: { score: 39, band: 'not-ready', parts: null, blockers: [] },
        records: null,
        soaApproval: null,
      },
    ])
  })

  it('gives every assessment the report details format 1 did not have, empty', async () => {
    const parsed = await accepted(parseBackup(fixture(1), sha256))
    expect(parsed.data.workspaces).toHaveLength(2)
    for (const workspace of parsed.data.workspaces) {
      expect(reportDetailsOf(workspace)).toStrictEqual(NO_REPORT_DETAILS)
    }
    // In the order format 2 writes them: after the target audit date, before the timestamps.
    const keys = Object.keys(parsed.data.workspaces[0] ?? {})
    expect(keys.slice(keys.indexOf('targetAuditDate') + 1, keys.indexOf('createdAt'))).toEqual([
      ...REPORT_DETAIL_FIELDS,
    ])
    // Everything else is as the file holds it.
    const file = JSON.parse(fixture(1)) as { data: { workspaces: Record<string, unknown>[] } }
    parsed.data.workspaces.forEach((workspace, i) =>
      expect(workspace).toStrictEqual({ ...file.data.workspaces[i], ...NO_REPORT_DETAILS }),
    )
  })

  it('is written again as a format-3 file holding the empty report details', async () => {
    const parsed = await accepted(parseBackup(fixture(1), sha256))
    const file = JSON.parse(await buildBackup(parsed.data, parsed.meta, sha256)) as {
      formatVersion: number
      data: { workspaces: Record<string, unknown>[] }
    }
    expect(file.formatVersion).toBe(3)
    for (const workspace of file.data.workspaces) {
      expect(workspace).toMatchObject(NO_REPORT_DETAILS)
    }
  })

  it('round-trips: written again and read again, the rows are the same', async () => {
    const parsed = await accepted(parseBackup(fixture(1), sha256))
    const again = await accepted(
      parseBackup(await buildBackup(parsed.data, parsed.meta, sha256), sha256),
    )
    expect(again.data).toStrictEqual(parsed.data)
  })
})

describe('tests/fixtures/backups/format-2.json, made by the app when format 2 was current', () => {
  it('imports, with the report details and the metadata it was exported with', async () => {
    const parsed = await accepted(parseBackup(fixture(2), sha256))
    expect(parsed.meta).toEqual({
      appVersion: '0.1.0',
      schemaVersion: 2,
      contentVersion: 2,
      exportedAt: '2026-12-04T10:15:30.123Z',
    })
    expect(parsed.repairs).toEqual([])
    const [nordwind, harbour] = parsed.data.workspaces
    expect(nordwind && reportDetailsOf(nordwind)).toStrictEqual({
      reportVersion: '1.0',
      confidentiality: 'Confidential — prepared for Nordwind Logistik GmbH’s management',
      consultantSummary:
        'Nordwind has the foundations of an ISMS: the context is analysed and the scope is written down.\n\nThe main gaps are the “risk treatment plan” and the internal audit; neither can wait until the Stage 1 audit.',
      recommendations:
        '1. Approve the risk treatment plan before 31 January.\n2. Plan the internal audit for March.\n3. Train the warehouse team leads — 2 h each.',
      soaVersion: '0.3',
      soaOwner: 'Lars Petersen',
      soaApprover: 'Dr. Anke Brandt',
      soaApprovedOn: '2026-11-30',
    })
    expect(harbour && reportDetailsOf(harbour)).toStrictEqual({
      ...NO_REPORT_DETAILS,
      reportVersion: '0.9',
    })
    const { clauseAnswers, controlDecisions, risks, snapshots } = parsed.data
    expect([clauseAnswers, controlDecisions, risks, snapshots].map((t) => t.length)).toEqual([
      4, 4, 3, 1,
    ])
  })

  it('round-trips the report details byte for byte', async () => {
    const text = fixture(2)
    const parsed = await accepted(parseBackup(text, sha256))
    const written = await buildBackup(parsed.data, parsed.meta, sha256)
    const file = JSON.parse(text) as { data: { workspaces: Record<string, unknown>[] } }
    for (const workspace of file.data.workspaces) {
      for (const field of REPORT_DETAIL_FIELDS) {
        const line = `"${field}": ${JSON.stringify(workspace[field])}`
        expect(text).toContain(line)
        expect(written).toContain(line)
      }
    }
    // Read again, written again: the same text.
    const again = await accepted(parseBackup(written, sha256))
    expect(again.data).toStrictEqual(parsed.data)
    expect(await buildBackup(again.data, again.meta, sha256)).toBe(written)
  })

  it.runIf(BACKUP_FORMAT_VERSION === 2)(
    'is what the writer of format 2 writes, byte for byte but for Prettier’s whitespace',
    async () => {
      const parsed = await accepted(parseBackup(fixture(2), sha256))
      const written = await buildBackup(parsed.data, parsed.meta, sha256)
      expect(written).toBe(`${JSON.stringify(JSON.parse(fixture(2)), null, 2)}\n`)
    },
  )
})

describe('tests/fixtures/backups/format-3.json, made by the app when format 3 was current', () => {
  it('imports, with snapshots that hold their records, verdicts and SoA approvals', async () => {
    const parsed = await accepted(parseBackup(fixture(3), sha256))
    expect(parsed.meta).toMatchObject({ schemaVersion: 3, contentVersion: 2 })
    expect(parsed.repairs).toEqual([])
    const [scoreOnly, workshop, approval] = [...parsed.data.snapshots].sort((a, b) =>
      a.id.localeCompare(b.id),
    )
    expect(scoreOnly?.records).toBeNull()
    expect(workshop?.records?.answers.length).toBeGreaterThan(0)
    expect(workshop?.records?.risks.map((r) => r.title)).toContain(
      'Ransomware stops the warehouse management system',
    )
    expect(workshop?.verdict.parts).not.toBeNull()
    expect(workshop?.verdict.blockers[0]).toEqual({
      id: 'blocker:scope',
      title: 'Scope of the ISMS',
    })
    expect(approval?.soaApproval).toMatchObject({ version: '1.0', approver: 'Dr. Anke Brandt' })
    // A frozen record carries no workspace id: the snapshot has it.
    expect(workshop?.records?.answers[0]).not.toHaveProperty('workspaceId')
  })

  it.runIf(BACKUP_FORMAT_VERSION === 3)(
    'is what the writer of format 3 writes, byte for byte but for Prettier’s whitespace',
    async () => {
      const parsed = await accepted(parseBackup(fixture(3), sha256))
      const written = await buildBackup(parsed.data, parsed.meta, sha256)
      expect(written).toBe(`${JSON.stringify(JSON.parse(fixture(3)), null, 2)}\n`)
    },
  )

  it('is refused when a frozen record is not one a snapshot could hold, naming it', async () => {
    type File3 = {
      sha256: string
      data: { snapshots: { records: Record<string, unknown[]> | null }[] }
    }
    const edit = async (change: (file: File3) => void) => {
      const file = JSON.parse(fixture(3)) as File3
      change(file)
      file.sha256 = await sha256(JSON.stringify(file.data))
      return parseBackup(JSON.stringify(file), sha256)
    }
    const index = (JSON.parse(fixture(3)) as File3).data.snapshots.findIndex((s) => s.records)
    const withRecords = (file: File3) => file.data.snapshots[index]!.records!
    const twice = await edit((file) => {
      const answers = withRecords(file)['answers']!
      answers.push(answers[0])
    })
    expect(twice).toMatchObject({ ok: false, error: { kind: 'inconsistent' } })
    expect(!twice.ok && twice.error.message).toMatch(
      /snapshots\[\d\]\.records\.answers\[\d+\] repeats/,
    )
    const withWorkspace = await edit((file) => {
      ;(withRecords(file)['risks']![0] as Record<string, unknown>)['workspaceId'] = 'x'
    })
    expect(withWorkspace).toMatchObject({ ok: false, error: { kind: 'invalid' } })
    expect(!withWorkspace.ok && withWorkspace.error.path).toMatch(
      /^snapshots\[\d\]\.records\.risks\[0\]/,
    )
    const later = await edit((file) => {
      ;(withRecords(file)['decisions']![0] as Record<string, unknown>)['updatedAt'] =
        '2026-12-04T10:00:00.000Z'
    })
    expect(!later.ok && later.error.message).toContain('was changed after the snapshot was taken')
  })
})

describe('a format-2 file whose report details break the schema', () => {
  type File2 = { sha256: string; data: { workspaces: Record<string, unknown>[] } }

  /** The format-2 fixture with one field of workspaces[0] changed, its checksum made to match. */
  async function withField(field: string, value: unknown): Promise<string> {
    const file = JSON.parse(fixture(2)) as File2
    const workspace = file.data.workspaces[0]
    if (!workspace) throw new Error('the fixture has no workspace')
    workspace[field] = value
    file.sha256 = await sha256(JSON.stringify(file.data))
    return JSON.stringify(file, null, 2)
  }

  async function refusal(text: string) {
    const result = await parseBackup(text, sha256)
    if (result.ok) throw new Error('the file was accepted')
    expect(result.error.message).toMatch(/Nothing was imported\./)
    return result.error
  }

  it('is refused when a long text is longer than the editor allows, naming the field', async () => {
    for (const field of ['consultantSummary', 'recommendations']) {
      const error = await refusal(await withField(field, 'x'.repeat(FIELD_LIMITS.longText + 1)))
      expect(error).toMatchObject({ kind: 'invalid', path: `workspaces[0].${field}` })
      expect(error.message).toContain(
        `workspaces[0].${field} is too long (at most ${FIELD_LIMITS.longText} characters)`,
      )
    }
    const atLimit = await parseBackup(
      await withField('consultantSummary', 'x'.repeat(FIELD_LIMITS.longText)),
      sha256,
    )
    expect(atLimit.ok).toBe(true)
  })

  it('is refused when a name or a short text is too long, naming the field', async () => {
    const limits = {
      reportVersion: FIELD_LIMITS.name,
      confidentiality: FIELD_LIMITS.shortText,
      soaVersion: FIELD_LIMITS.name,
      soaOwner: FIELD_LIMITS.name,
      soaApprover: FIELD_LIMITS.name,
    }
    for (const [field, max] of Object.entries(limits)) {
      const error = await refusal(await withField(field, 'x'.repeat(max + 1)))
      expect(error).toMatchObject({ kind: 'invalid', path: `workspaces[0].${field}` })
      expect(error.message).toContain(`workspaces[0].${field} is too long (at most ${max}`)
    }
  })

  it('is refused when the approval date is not a calendar date, naming the field', async () => {
    const cases: [unknown, string][] = [
      ['2026-02-30', 'is not a real date'],
      ['30/11/2026', 'is not in the expected form'],
      ['2026-11-30T00:00:00.000Z', 'is not in the expected form'],
      ['', 'is not in the expected form'],
      [20261130, 'has the wrong type'],
    ]
    for (const [value, problem] of cases) {
      const error = await refusal(await withField('soaApprovedOn', value))
      expect(error).toMatchObject({ kind: 'invalid', path: 'workspaces[0].soaApprovedOn' })
      expect(error.message).toContain(`workspaces[0].soaApprovedOn ${problem}`)
    }
  })

  it('is refused when a report detail is missing, naming the field', async () => {
    for (const field of REPORT_DETAIL_FIELDS) {
      const file = JSON.parse(fixture(2)) as File2
      delete file.data.workspaces[1]?.[field]
      file.sha256 = await sha256(JSON.stringify(file.data))
      const error = await refusal(JSON.stringify(file))
      expect(error.message).toContain(`workspaces[1].${field} is missing`)
    }
  })

  it('is refused when a name of the SoA or a version holds a control character', async () => {
    const words = {
      reportVersion: 'the version of its gap report',
      soaVersion: 'the version of its Statement of Applicability',
      soaOwner: 'the owner of its Statement of Applicability',
      soaApprover: 'the name of who approved its Statement of Applicability',
    }
    for (const [field, what] of Object.entries(words)) {
      const error = await refusal(await withField(field, 'Anke\tBrandt'))
      expect(error).toMatchObject({ kind: 'breaks-rule', path: `workspaces[0].${field}` })
      expect(error.message).toContain(
        `workspaces[0] (“Nordwind Logistik GmbH”) has a control character (an invisible one, such as a tab, a line break or U+0000) in ${what}`,
      )
    }
  })

  it('keeps line breaks in the summary and the recommendations: they are free texts', async () => {
    const parsed = await accepted(
      parseBackup(await withField('recommendations', 'One.\r\n\r\nTwo.\tIndented.'), sha256),
    )
    expect(parsed.data.workspaces[0]?.recommendations).toBe('One.\r\n\r\nTwo.\tIndented.')
  })
})

// ---------------------------------------------------------------------------------------------
// A synthetic format 4, registered only here: risks hold their ratings as two pairs,
// { inherent: { likelihood, impact }, residual: { likelihood, impact } | null }.

const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))
const rating = v.strictObject({ likelihood: level, impact: level })
const riskRest = v.omit(format3.data.entries.risks.item, [
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
]).entries
const Format4Data = v.strictObject({
  ...format3.data.entries,
  risks: v.array(
    v.strictObject({
      ...riskRest,
      rating: v.strictObject({ inherent: rating, residual: v.nullable(rating) }),
    }),
  ),
})
type Format4Data = v.InferOutput<typeof Format4Data>
type Format4Risk = Format4Data['risks'][number]

function toFormat4(risk: Risk): Format4Risk {
  const { likelihood, impact, residualLikelihood, residualImpact, ...rest } = risk
  return {
    ...rest,
    controlIds: [...risk.controlIds],
    rating: {
      inherent: { likelihood, impact },
      // Format 4 cannot hold half a residual rating: a format-3 file with one keeps the half it
      // has as a whole pair, which the current rules then judge.
      residual:
        residualLikelihood === null && residualImpact === null
          ? null
          : { likelihood: residualLikelihood ?? 0, impact: residualImpact ?? 0 },
    },
  }
}

function fromFormat4(risk: Format4Risk): Risk {
  const { rating, ...rest } = risk
  return {
    ...rest,
    likelihood: rating.inherent.likelihood,
    impact: rating.inherent.impact,
    residualLikelihood: rating.residual?.likelihood ?? null,
    residualImpact: rating.residual?.impact ?? null,
  }
}

const olderFormat3: OlderFormat<typeof format3.data, Format4Data> = {
  version: 3,
  data: format3.data,
  up: (data: Format3Data) => ({ ...data, risks: data.risks.map(toFormat4) }),
}

const format4: CurrentFormat<typeof Format4Data> = {
  version: 4,
  data: Format4Data,
  read: (data) => ({ ...data, risks: data.risks.map(fromFormat4) }),
  write: (data: BackupData) => ({ ...data, risks: data.risks.map(toFormat4) }),
}

const WITH_FORMAT_4: FormatRegistry = { older: [format1, format2, olderFormat3], current: format4 }

describe('a format 4 added to the history', () => {
  it('reads format-1, 2 and 3 files by upgrading them, to the same rows as today', async () => {
    for (const version of [1, 2, 3]) {
      const today = await accepted(parseBackup(fixture(version), sha256))
      const upgraded = await accepted(
        parseBackup(fixture(version), sha256, { formats: WITH_FORMAT_4 }),
      )
      expect(upgraded).toStrictEqual(today)
    }
  })

  it('writes and reads files of format 4', async () => {
    const today = await accepted(parseBackup(fixture(3), sha256))
    const text = await buildBackup(today.data, today.meta, sha256, WITH_FORMAT_4)
    const file = JSON.parse(text) as { formatVersion: number; data: { risks: unknown[] } }
    expect(file.formatVersion).toBe(4)
    expect(file.data.risks[0]).toMatchObject({
      rating: { inherent: { likelihood: 4, impact: 5 }, residual: { likelihood: 2, impact: 3 } },
    })
    expect(file.data.risks[0]).not.toHaveProperty('likelihood')
    const read = await accepted(parseBackup(text, sha256, { formats: WITH_FORMAT_4 }))
    expect(read.data).toStrictEqual(today.data)
  })

  it('checks each file against the schema of its own version', async () => {
    const format2Text = fixture(2)
    const format3Text = fixture(3)
    const today = await accepted(parseBackup(format3Text, sha256))
    const format4Text = await buildBackup(today.data, today.meta, sha256, WITH_FORMAT_4)
    // A format-4 file labelled 3, a format-3 file labelled 4, and a format-2 file labelled 1.
    const mislabelled = [
      [format4Text.replace('"formatVersion": 4', '"formatVersion": 3'), 'risks[0].likelihood'],
      [format3Text.replace('"formatVersion": 3', '"formatVersion": 4'), 'risks[0].rating'],
    ] as const
    for (const [text, path] of mislabelled) {
      const result = await parseBackup(text, sha256, { formats: WITH_FORMAT_4 })
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', path } })
      expect(!result.ok && result.error.message).toContain(`${path} is missing`)
    }
    const asFormat1 = await parseBackup(
      format2Text.replace('"formatVersion": 2', '"formatVersion": 1'),
      sha256,
    )
    expect(asFormat1).toMatchObject({
      ok: false,
      error: { kind: 'invalid', path: 'workspaces[0].reportVersion' },
    })
    expect(!asFormat1.ok && asFormat1.error.message).toContain(
      'workspaces[0].reportVersion is a field no backup has',
    )
  })

  it('applies the current rules after upgrading', async () => {
    // A half-filled residual rating in format 1 becomes a pair with a 0 in format 4, which the
    // current rules refuse.
    const halfRated = fixture(1).replace(
      '"residualLikelihood": 2,\n        "residualImpact": 3,',
      '"residualLikelihood": 2,\n        "residualImpact": null,',
    )
    const file = JSON.parse(halfRated) as { data: unknown; sha256: string }
    file.sha256 = await sha256(JSON.stringify(file.data))
    const result = await parseBackup(JSON.stringify(file), sha256, { formats: WITH_FORMAT_4 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'breaks-rule' } })
    expect(!result.ok && result.error.message).toContain(
      'risks[0] (risk “Ransomware stops the warehouse management system” of “Nordwind Logistik GmbH”) has a residual rating (likelihood 2, impact 0) outside',
    )
  })

  it('refuses format 5 as made by a newer version of the app', async () => {
    const result = await parseBackup(
      fixture(3).replace('"formatVersion": 3', '"formatVersion": 5'),
      sha256,
      { formats: WITH_FORMAT_4 },
    )
    expect(result).toMatchObject({ ok: false, error: { kind: 'future-version' } })
    expect(!result.ok && result.error.message).toContain(
      'made by a newer version of ISMS Readiness (backup format 5; this version reads format 4)',
    )
  })

  it('is a mistake of the app, not of the file, when a version is missing from the history', () => {
    const gap: FormatRegistry = {
      older: [format1, format2, olderFormat3],
      current: { ...format4, version: 5 },
    }
    expect(() => formatChain(gap, 1)).toThrow('Backup format 4 is missing')
  })
})

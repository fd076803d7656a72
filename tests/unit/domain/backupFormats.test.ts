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
import { format3 } from '@/domain/backup/format3'
import { format4 } from '@/domain/backup/format4'
import { format5, type Format5Data } from '@/domain/backup/format5'
import { formatChain } from '@/domain/backup/registry'
import { REPORT_DETAIL_FIELDS, reportDetailsOf } from '@/domain/editableFields'
import { FIELD_LIMITS } from '@/domain/limits'
import { MAX_REGISTER_ENTRIES } from '@/domain/register'
import { SCOPING_QUESTIONS } from '@/content'
import type { Risk, Workspace } from '@/domain/model'

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
    expect(BACKUP_FORMAT_VERSION).toBe(5)
    expect(BACKUP_FORMATS.older).toEqual([format1, format2, format3, format4])
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

  it('is written again as a file of the current format holding the empty report details', async () => {
    const parsed = await accepted(parseBackup(fixture(1), sha256))
    const file = JSON.parse(await buildBackup(parsed.data, parsed.meta, sha256)) as {
      formatVersion: number
      data: { workspaces: Record<string, unknown>[] }
    }
    expect(file.formatVersion).toBe(BACKUP_FORMAT_VERSION)
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

describe('tests/fixtures/backups/format-4.json, made by the app when format 4 was current', () => {
  it('imports, with the scoping interview of each assessment', async () => {
    const parsed = await accepted(parseBackup(fixture(4), sha256))
    expect(parsed.meta).toMatchObject({ schemaVersion: 3, contentVersion: 2 })
    expect(parsed.repairs).toEqual([])
    const [nordwind, harbour] = parsed.data.workspaces
    expect(Object.keys(nordwind?.scoping?.answers ?? {})).toEqual(
      SCOPING_QUESTIONS.map((q) => q.id),
    )
    expect(nordwind?.scoping?.answers.hosting).toBe('colocation')
    expect(nordwind?.scoping?.names).toStrictEqual({
      hosting: 'CloudHost AG',
      monitoring: 'Wächter SOC GmbH & Co. KG',
    })
    expect(harbour?.scoping).toStrictEqual({
      answers: { premises: 'shared', 'remote-work': 'no', hosting: 'saas', 'health-data': 'yes' },
      names: { premises: 'Harbour Business Centre Ltd' },
      updatedAt: '2026-12-07T09:15:00.000Z',
    })
    // Everything format 3 held is there too.
    expect(harbour?.riskCriteria?.scale).toBe(3)
    expect(parsed.data.snapshots.filter((s) => s.records)).toHaveLength(2)
  })

  it.runIf(BACKUP_FORMAT_VERSION === 4)(
    'is what the writer of format 4 writes, byte for byte but for Prettier’s whitespace',
    async () => {
      const parsed = await accepted(parseBackup(fixture(4), sha256))
      const written = await buildBackup(parsed.data, parsed.meta, sha256)
      expect(written).toBe(`${JSON.stringify(JSON.parse(fixture(4)), null, 2)}\n`)
    },
  )

  it('writes the interview after the risk criteria, its answers and names in interview order', async () => {
    const parsed = await accepted(parseBackup(fixture(4), sha256))
    const [nordwind, harbour] = parsed.data.workspaces
    if (!nordwind?.scoping || !harbour) throw new Error('the fixture has changed')
    const reversed = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).reverse())
    const shuffled = {
      ...harbour,
      scoping: {
        updatedAt: nordwind.scoping.updatedAt,
        names: reversed(nordwind.scoping.names),
        answers: reversed(nordwind.scoping.answers),
      },
    }
    const text = await buildBackup({ ...parsed.data, workspaces: [shuffled] }, parsed.meta, sha256)
    const [written] = (JSON.parse(text) as { data: { workspaces: Workspace[] } }).data.workspaces
    const keys = Object.keys(written ?? {})
    expect(keys.slice(-2)).toEqual(['riskCriteria', 'scoping'])
    expect(Object.keys(written?.scoping ?? {})).toEqual(['answers', 'names', 'updatedAt'])
    expect(Object.keys(written?.scoping?.answers ?? {})).toEqual(SCOPING_QUESTIONS.map((q) => q.id))
    expect(Object.keys(written?.scoping?.names ?? {})).toEqual(['hosting', 'monitoring'])
  })
})

describe('tests/fixtures/backups/format-5.json, made by the app when format 5 was current', () => {
  const NW = '3b0f7a52-8c1e-4d4a-9f7e-1a2b3c4d5e01'

  it('imports, with the register of each assessment and the register frozen in a snapshot', async () => {
    const parsed = await accepted(parseBackup(fixture(5), sha256))
    expect(parsed.meta).toMatchObject({ schemaVersion: 4, contentVersion: 2 })
    expect(parsed.repairs).toEqual([])
    const rows = parsed.data.registerEntries
    expect(rows.map((e) => [e.source.kind, e.status])).toEqual([
      ['control', 'draft'],
      ['mandatory', 'approved'],
      ['mandatory', 'draft'],
      ['custom', 'approved'],
    ])
    const policy = rows.find((e) => e.id === `${NW}/mandatory:is-policy`)
    expect(policy).toMatchObject({
      approver: 'Dr. Anke Brandt',
      approvedOn: '2026-11-30',
      version: '2.0',
      location: 'https://intranet.nordwind.example/isms/policies/is-policy-2.0.pdf',
    })
    const withRegister = parsed.data.snapshots.filter((s) => s.records?.register)
    expect(withRegister.map((s) => s.records?.register?.length)).toEqual([2])
    // Snapshots taken before the register keep none: absent, not empty.
    const older = parsed.data.snapshots.filter((s) => s.records && !s.records.register)
    expect(older).toHaveLength(2)
    for (const s of older) expect(s.records).not.toHaveProperty('register')
  })

  it.runIf(BACKUP_FORMAT_VERSION === 5)(
    'is what the writer of format 5 writes, byte for byte but for Prettier’s whitespace',
    async () => {
      const parsed = await accepted(parseBackup(fixture(5), sha256))
      const written = await buildBackup(parsed.data, parsed.meta, sha256)
      expect(written).toBe(`${JSON.stringify(JSON.parse(fixture(5)), null, 2)}\n`)
    },
  )

  it('writes the same file whatever the order of the rows and of their fields', async () => {
    const parsed = await accepted(parseBackup(fixture(5), sha256))
    const reversed = <T extends object>(o: T) =>
      Object.fromEntries(Object.entries(o).reverse()) as T
    const shuffled = {
      ...parsed.data,
      registerEntries: [...parsed.data.registerEntries].reverse().map(reversed),
    }
    expect(await buildBackup(shuffled, parsed.meta, sha256)).toBe(
      await buildBackup(parsed.data, parsed.meta, sha256),
    )
  })
})

describe('a format-5 file whose register breaks the register’s rules', () => {
  type Row = Record<string, unknown>
  type File5 = {
    sha256: string
    exportedAt: string
    counts: Record<string, number>
    data: { registerEntries: Row[]; snapshots: { records: Record<string, Row[]> | null }[] }
  }
  const NW = '3b0f7a52-8c1e-4d4a-9f7e-1a2b3c4d5e01'

  async function edited(change: (file: File5) => void): Promise<string> {
    const file = JSON.parse(fixture(5)) as File5
    change(file)
    file.counts['registerEntries'] = file.data.registerEntries.length
    file.sha256 = await sha256(JSON.stringify(file.data))
    return JSON.stringify(file)
  }
  const row = (file: File5, i: number) => file.data.registerEntries[i]!

  async function refusal(text: string) {
    const result = await parseBackup(text, sha256)
    if (result.ok) throw new Error('the file was accepted')
    expect(result.error.message).toMatch(/Nothing was imported\.[^]*$/)
    return result.error
  }

  it('refuses a javascript: or data: location, naming the row', async () => {
    for (const location of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      ' JavaScript:void(0)',
    ]) {
      const error = await refusal(await edited((f) => (row(f, 0)['location'] = location)))
      expect(error).toMatchObject({ kind: 'breaks-rule', path: 'registerEntries[0].location' })
      expect(error.message).toContain(
        'registerEntries[0] (“Incident response procedure” of “Nordwind Logistik GmbH”) has a location that is neither a plain reference nor a web link',
      )
    }
  })

  it('refuses a row without a title, a blank one, or an approval after the file was made', async () => {
    const blank = await refusal(await edited((f) => (row(f, 1)['title'] = '  ')))
    expect(blank).toMatchObject({ kind: 'breaks-rule', path: 'registerEntries[1].title' })
    const future = await refusal(await edited((f) => (row(f, 1)['approvedOn'] = '2026-12-17')))
    expect(future.message).toContain('was approved on a date after the backup itself was made')
  })

  it('accepts an approval dated the day after exportedAt: the device may be a time zone ahead', async () => {
    const text = await edited((f) => (row(f, 1)['approvedOn'] = '2026-12-16'))
    expect((await parseBackup(text, sha256)).ok).toBe(true)
  })

  it('refuses an unknown status, an unknown document, a date that is not a calendar date', async () => {
    const status = await refusal(await edited((f) => (row(f, 0)['status'] = 'published')))
    expect(status).toMatchObject({ kind: 'invalid', path: 'registerEntries[0].status' })
    const key = await refusal(
      await edited((f) => (row(f, 2)['source'] = { kind: 'mandatory', key: 'no-such-doc' })),
    )
    expect(key.message).toContain(
      'registerEntries[2].source.key is not a document the clauses require',
    )
    const date = await refusal(await edited((f) => (row(f, 2)['nextReviewOn'] = '2027-02-30')))
    expect(date).toMatchObject({ kind: 'invalid', path: 'registerEntries[2].nextReviewOn' })
  })

  it('refuses a row of an assessment not in the file, and two rows with one id', async () => {
    const stray = await refusal(await edited((f) => (row(f, 0)['workspaceId'] = 'elsewhere')))
    expect(stray).toMatchObject({ kind: 'inconsistent', path: 'registerEntries[0]' })
    const twice = await refusal(
      await edited((f) => f.data.registerEntries.push({ ...row(f, 0), title: 'Again' })),
    )
    expect(twice.message).toContain('registerEntries[4] has the same id as registerEntries[0]')
  })

  it('refuses more rows than one assessment holds', async () => {
    const error = await refusal(
      await edited((f) => {
        const custom = row(f, 3)
        for (let i = 0; i < MAX_REGISTER_ENTRIES; i++) {
          f.data.registerEntries.push({ ...custom, id: `extra-${i}` })
        }
      }),
    )
    expect(error).toMatchObject({ kind: 'too-many', path: 'registerEntries' })
    expect(error.message).toContain('documents in the register for “Nordwind Logistik GmbH”')
  })

  it('moves a document’s row found under a random id to its fixed id, and says so', async () => {
    const text = await edited((f) => (row(f, 1)['id'] = 'hand-edited-1'))
    const parsed = await accepted(parseBackup(text, sha256))
    expect(parsed.repairs).toEqual([
      expect.objectContaining({ kind: 'register-entry-rekeyed', paths: ['registerEntries[1]'] }),
    ])
    expect(parsed.data.registerEntries.map((e) => e.id)).toContain(`${NW}/mandatory:is-policy`)
    expect(parsed.data.registerEntries.map((e) => e.id)).not.toContain('hand-edited-1')
  })

  it('keeps a second row of the same document under its own id: a duplicate the register flags', async () => {
    const text = await edited((f) =>
      f.data.registerEntries.push({ ...row(f, 1), id: 'second-policy-row', version: '2.1' }),
    )
    const parsed = await accepted(parseBackup(text, sha256))
    expect(parsed.repairs).toEqual([])
    const policies = parsed.data.registerEntries.filter(
      (e) => e.source.kind === 'mandatory' && e.source.key === 'is-policy',
    )
    expect(policies.map((e) => e.id).sort()).toEqual([
      `${NW}/mandatory:is-policy`,
      'second-policy-row',
    ])
  })

  it('refuses a fixed id on the wrong row', async () => {
    const other = await refusal(
      await edited((f) => (row(f, 1)['id'] = `${NW}/mandatory:is-policy-x`)),
    )
    expect(other.kind).toBe('inconsistent')
    const custom = await refusal(await edited((f) => (row(f, 3)['id'] = `${NW}/mandatory:soa`)))
    expect(custom.message).toContain("is a document of the organization's own under an id")
  })

  it('holds the rows frozen in a snapshot to the same rules', async () => {
    const frozen = (f: File5) =>
      f.data.snapshots.find((s) => s.records?.['register'])!.records!['register']!
    const location = await refusal(
      await edited((f) => (frozen(f)[0]!['location'] = 'javascript:alert(1)')),
    )
    expect(location.kind).toBe('inconsistent')
    expect(location.message).toMatch(/snapshots\[\d\]\.records\.register\[0\] has a location/)
    const twice = await refusal(await edited((f) => frozen(f).push({ ...frozen(f)[0]! })))
    expect(twice.message).toMatch(/records\.register\[2\] repeats/)
    const later = await refusal(
      await edited((f) => (frozen(f)[0]!['updatedAt'] = '2026-12-16T11:00:00.000Z')),
    )
    expect(later.message).toContain('was changed after the snapshot was taken')
  })
})

describe('a format-4 file', () => {
  it('imports with an empty register, its snapshots without one', async () => {
    const parsed = await accepted(parseBackup(fixture(4), sha256))
    expect(parsed.data.registerEntries).toEqual([])
    for (const s of parsed.data.snapshots) {
      if (s.records) expect(s.records).not.toHaveProperty('register')
    }
  })
})

describe('files of formats 1 to 3, which had no scoping interview', () => {
  it('import without one, and are written again in the current format without one', async () => {
    for (const version of [1, 2, 3]) {
      const parsed = await accepted(parseBackup(fixture(version), sha256))
      for (const workspace of parsed.data.workspaces) {
        expect(workspace, `format ${version}`).not.toHaveProperty('scoping')
      }
      const written = await buildBackup(parsed.data, parsed.meta, sha256)
      expect((JSON.parse(written) as { formatVersion: number }).formatVersion).toBe(
        BACKUP_FORMAT_VERSION,
      )
      expect(written).not.toContain('"scoping"')
    }
  })

  it('are refused when a workspace of theirs holds one', async () => {
    const result = await parseBackup(
      fixture(4).replace('"formatVersion": 4', '"formatVersion": 3'),
      sha256,
    )
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid', path: 'workspaces[0].scoping' },
    })
    expect(!result.ok && result.error.message).toContain(
      'workspaces[0].scoping is a field no backup has',
    )
  })
})

describe('a format-4 file whose scoping interview breaks a rule', () => {
  interface FileScoping {
    answers: Record<string, unknown>
    names: Record<string, unknown>
    updatedAt: unknown
    [field: string]: unknown
  }
  type File4 = { sha256: string; data: { workspaces: { scoping: FileScoping }[] } }

  const HOSTING = '“Where do the organization’s systems run?”'
  const NORDWIND = 'workspaces[0] (“Nordwind Logistik GmbH”)'

  /** The format-4 fixture with the interview of workspaces[0] changed, its checksum made to match. */
  async function withScoping(change: (scoping: FileScoping) => void): Promise<string> {
    const file = JSON.parse(fixture(4)) as File4
    const scoping = file.data.workspaces[0]?.scoping
    if (!scoping) throw new Error('the fixture has no scoping interview')
    change(scoping)
    file.sha256 = await sha256(JSON.stringify(file.data))
    return JSON.stringify(file, null, 2)
  }

  async function refusal(text: string) {
    const result = await parseBackup(text, sha256)
    if (result.ok) throw new Error('the file was accepted')
    expect(result.error.message).toMatch(/Nothing was imported\. [A-Z]/)
    return result.error
  }

  it('is refused when it answers a question the interview does not have', async () => {
    const error = await refusal(await withScoping((s) => (s.answers['cloud-provider'] = 'aws')))
    expect(error).toMatchObject({
      kind: 'invalid',
      path: 'workspaces[0].scoping.answers.cloud-provider',
    })
    expect(error.message).toContain(
      'workspaces[0].scoping.answers.cloud-provider is a field no backup has',
    )
  })

  it("is refused when an answer is not one of its question's options, naming the assessment and the question", async () => {
    // An unknown value, a label instead of the value, and a value of another question.
    for (const value of ['maybe', 'Only in ready-made online services', 'own']) {
      const error = await refusal(await withScoping((s) => (s.answers['hosting'] = value)))
      expect(error).toMatchObject({
        kind: 'breaks-rule',
        path: 'workspaces[0].scoping.answers.hosting',
      })
      expect(error.message).toContain(
        `${NORDWIND} has a scoping interview that answers “${value}” to ${HOSTING}, which is not one of its options.`,
      )
    }
  })

  it('is refused when an answer is not a short text', async () => {
    const cases: [unknown, string][] = [
      [3, 'has the wrong type (expected text)'],
      [null, 'has the wrong type (expected text)'],
      ['x'.repeat(FIELD_LIMITS.id + 1), `is too long (at most ${FIELD_LIMITS.id} characters)`],
    ]
    for (const [value, problem] of cases) {
      const error = await refusal(await withScoping((s) => (s.answers['hosting'] = value)))
      expect(error).toMatchObject({
        kind: 'invalid',
        path: 'workspaces[0].scoping.answers.hosting',
      })
      expect(error.message).toContain(`workspaces[0].scoping.answers.hosting ${problem}`)
    }
  })

  it('is refused when it names a supplier for an answer that asks for none, or for no answer', async () => {
    const other = await refusal(await withScoping((s) => (s.answers['hosting'] = 'saas')))
    expect(other).toMatchObject({
      kind: 'breaks-rule',
      path: 'workspaces[0].scoping.names.hosting',
    })
    expect(other.message).toContain(
      `${NORDWIND} has a scoping interview that names “CloudHost AG” as the supplier for ${HOSTING}, but its answer (“Only in ready-made online services (email, office, accounting and similar tools)”) asks for no name`,
    )
    const unanswered = await refusal(await withScoping((s) => delete s.answers['monitoring']))
    expect(unanswered).toMatchObject({
      kind: 'breaks-rule',
      path: 'workspaces[0].scoping.names.monitoring',
    })
    expect(unanswered.message).toContain(
      'names “Wächter SOC GmbH & Co. KG” as the supplier for “Who watches for security events such as alerts and unusual activity in logs?”, but leaves that question unanswered',
    )
  })

  it('is refused when it names a supplier for a question no answer of which asks for one', async () => {
    const error = await refusal(await withScoping((s) => (s.names['production'] = 'Acme')))
    expect(error).toMatchObject({ kind: 'invalid', path: 'workspaces[0].scoping.names.production' })
    expect(error.message).toContain(
      'workspaces[0].scoping.names.production is a field no backup has',
    )
  })

  it('is refused when a supplier name holds a control character or is too long, like every name', async () => {
    for (const control of ['\t', '\n', '\u0000', '\u007f']) {
      const error = await refusal(
        await withScoping((s) => (s.names['hosting'] = `Cloud${control}Host`)),
      )
      expect(error).toMatchObject({
        kind: 'breaks-rule',
        path: 'workspaces[0].scoping.names.hosting',
      })
      expect(error.message).toContain(
        `${NORDWIND} has a control character (an invisible one, such as a tab, a line break or U+0000) in the supplier its scoping interview names for ${HOSTING}; the app refuses them in names`,
      )
    }
    const long = await refusal(
      await withScoping((s) => (s.names['hosting'] = 'x'.repeat(FIELD_LIMITS.name + 1))),
    )
    expect(long).toMatchObject({ kind: 'invalid', path: 'workspaces[0].scoping.names.hosting' })
    expect(long.message).toContain(`is too long (at most ${FIELD_LIMITS.name} characters)`)
  })

  it('leaves out a blank name for an answer that asks for none, and says so', async () => {
    const parsed = await accepted(
      parseBackup(
        await withScoping((s) => {
          s.answers['hosting'] = 'saas'
          s.names['hosting'] = ' '
        }),
        sha256,
      ),
    )
    expect(parsed.data.workspaces[0]?.scoping?.names).toStrictEqual({
      monitoring: 'Wächter SOC GmbH & Co. KG',
    })
    expect(parsed.repairs).toEqual([
      {
        kind: 'empty-scoping-name-dropped',
        message: `Empty supplier names were left out of the scoping interview of ${NORDWIND}: their answers ask for no name.`,
        paths: ['workspaces[0]'],
      },
    ])
    // Written again, the file is taken as it is.
    const again = await accepted(
      parseBackup(await buildBackup(parsed.data, parsed.meta, sha256), sha256),
    )
    expect(again.repairs).toEqual([])
    expect(again.data).toStrictEqual(parsed.data)
  })

  it('makes both repairs of a workspace at once: the empty name and a late backup date', async () => {
    const file = JSON.parse(
      await withScoping((s) => {
        s.answers['monitoring'] = 'in-house'
        s.names['monitoring'] = ''
      }),
    ) as File4 & { data: { workspaces: Record<string, unknown>[] } }
    const workspace = file.data.workspaces[0]
    if (workspace) workspace['lastBackupAt'] = '2099-01-01T00:00:00.000Z'
    file.sha256 = await sha256(JSON.stringify(file.data))
    const parsed = await accepted(parseBackup(JSON.stringify(file), sha256))
    expect(parsed.repairs.map((r) => r.kind).sort()).toEqual([
      'empty-scoping-name-dropped',
      'future-last-backup-dropped',
    ])
    const [repaired] = parsed.data.workspaces
    expect(repaired).not.toHaveProperty('lastBackupAt')
    expect(repaired?.scoping?.names).toStrictEqual({ hosting: 'CloudHost AG' })
    expect(repaired?.scoping?.answers.monitoring).toBe('in-house')
  })

  it('keeps a blank name for an answer that asks for one: the supplier is not named yet', async () => {
    const parsed = await accepted(
      parseBackup(await withScoping((s) => (s.names['hosting'] = '')), sha256),
    )
    expect(parsed.repairs).toEqual([])
    expect(parsed.data.workspaces[0]?.scoping?.names.hosting).toBe('')
  })

  it('keeps an answer to a question the interview asks only after another answer', async () => {
    // Nordwind has no premises of its own now; its answer about secure areas stays, for when the
    // interview asks again.
    const parsed = await accepted(
      parseBackup(await withScoping((s) => (s.answers['premises'] = 'none')), sha256),
    )
    expect(parsed.data.workspaces[0]?.scoping?.answers['secure-areas']).toBe('yes')
  })

  it('is refused when the interview was changed after the backup was made', async () => {
    const error = await refusal(
      await withScoping((s) => (s.updatedAt = '2099-01-01T00:00:00.000Z')),
    )
    expect(error).toMatchObject({ kind: 'breaks-rule', path: 'workspaces[0].scoping.updatedAt' })
    expect(error.message).toContain(
      `${NORDWIND} had its scoping interview last changed on 2099-01-01 00:00 UTC, more than 24 hours after the backup itself was made`,
    )
    const malformed = await refusal(await withScoping((s) => (s.updatedAt = '2026-12-08')))
    expect(malformed).toMatchObject({ kind: 'invalid', path: 'workspaces[0].scoping.updatedAt' })
  })

  it('is refused when the interview lacks a field or has one no backup has', async () => {
    const missing = await refusal(await withScoping((s) => Reflect.deleteProperty(s, 'names')))
    expect(missing.message).toContain('workspaces[0].scoping.names is missing')
    const extra = await refusal(await withScoping((s) => (s['notes'] = 'ask again in March')))
    expect(extra.message).toContain('workspaces[0].scoping.notes is a field no backup has')
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
// A synthetic format 6, registered only here: risks hold their ratings as two pairs,
// { inherent: { likelihood, impact }, residual: { likelihood, impact } | null }.

const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))
const rating = v.strictObject({ likelihood: level, impact: level })
const riskRest = v.omit(format5.data.entries.risks.item, [
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
]).entries
const Format6Data = v.strictObject({
  ...format5.data.entries,
  risks: v.array(
    v.strictObject({
      ...riskRest,
      rating: v.strictObject({ inherent: rating, residual: v.nullable(rating) }),
    }),
  ),
})
type Format6Data = v.InferOutput<typeof Format6Data>
type Format6Risk = Format6Data['risks'][number]

function toFormat6(risk: Risk): Format6Risk {
  const { likelihood, impact, residualLikelihood, residualImpact, ...rest } = risk
  return {
    ...rest,
    controlIds: [...risk.controlIds],
    rating: {
      inherent: { likelihood, impact },
      // Format 6 cannot hold half a residual rating: a format-5 file with one keeps the half it
      // has as a whole pair, which the current rules then judge.
      residual:
        residualLikelihood === null && residualImpact === null
          ? null
          : { likelihood: residualLikelihood ?? 0, impact: residualImpact ?? 0 },
    },
  }
}

function fromFormat6(risk: Format6Risk): Risk {
  const { rating, ...rest } = risk
  return {
    ...rest,
    likelihood: rating.inherent.likelihood,
    impact: rating.inherent.impact,
    residualLikelihood: rating.residual?.likelihood ?? null,
    residualImpact: rating.residual?.impact ?? null,
  }
}

const olderFormat5: OlderFormat<typeof format5.data, Format6Data> = {
  version: 5,
  data: format5.data,
  up: (data: Format5Data) => ({ ...data, risks: data.risks.map(toFormat6) }),
}

const format6: CurrentFormat<typeof Format6Data> = {
  version: 6,
  data: Format6Data,
  read: (data) => ({ ...data, risks: data.risks.map(fromFormat6) }),
  write: (data: BackupData) => ({ ...data, risks: data.risks.map(toFormat6) }),
}

const WITH_FORMAT_6: FormatRegistry = {
  older: [format1, format2, format3, format4, olderFormat5],
  current: format6,
}

describe('a format 6 added to the history', () => {
  it('reads format-1 to 5 files by upgrading them, to the same rows as today', async () => {
    for (const version of [1, 2, 3, 4, 5]) {
      const today = await accepted(parseBackup(fixture(version), sha256))
      const upgraded = await accepted(
        parseBackup(fixture(version), sha256, { formats: WITH_FORMAT_6 }),
      )
      expect(upgraded).toStrictEqual(today)
    }
  })

  it('writes and reads files of format 6', async () => {
    const today = await accepted(parseBackup(fixture(5), sha256))
    const text = await buildBackup(today.data, today.meta, sha256, WITH_FORMAT_6)
    const file = JSON.parse(text) as { formatVersion: number; data: { risks: unknown[] } }
    expect(file.formatVersion).toBe(6)
    expect(file.data.risks[0]).toMatchObject({
      rating: { inherent: { likelihood: 4, impact: 5 }, residual: { likelihood: 2, impact: 3 } },
    })
    expect(file.data.risks[0]).not.toHaveProperty('likelihood')
    const read = await accepted(parseBackup(text, sha256, { formats: WITH_FORMAT_6 }))
    expect(read.data).toStrictEqual(today.data)
  })

  it('checks each file against the schema of its own version', async () => {
    const format2Text = fixture(2)
    const format5Text = fixture(5)
    const today = await accepted(parseBackup(format5Text, sha256))
    const format6Text = await buildBackup(today.data, today.meta, sha256, WITH_FORMAT_6)
    // A format-5 file labelled 4, a format-5 file labelled 5, and a format-2 file labelled 1.
    const mislabelled = [
      [format6Text.replace('"formatVersion": 6', '"formatVersion": 5'), 'risks[0].likelihood'],
      [format5Text.replace('"formatVersion": 5', '"formatVersion": 6'), 'risks[0].rating'],
    ] as const
    for (const [text, path] of mislabelled) {
      const result = await parseBackup(text, sha256, { formats: WITH_FORMAT_6 })
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
    // A half-filled residual rating in format 1 becomes a pair with a 0 in format 6, which the
    // current rules refuse.
    const halfRated = fixture(1).replace(
      '"residualLikelihood": 2,\n        "residualImpact": 3,',
      '"residualLikelihood": 2,\n        "residualImpact": null,',
    )
    const file = JSON.parse(halfRated) as { data: unknown; sha256: string }
    file.sha256 = await sha256(JSON.stringify(file.data))
    const result = await parseBackup(JSON.stringify(file), sha256, { formats: WITH_FORMAT_6 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'breaks-rule' } })
    expect(!result.ok && result.error.message).toContain(
      'risks[0] (risk “Ransomware stops the warehouse management system” of “Nordwind Logistik GmbH”) has a residual rating (likelihood 2, impact 0) outside',
    )
  })

  it('refuses format 7 as made by a newer version of the app', async () => {
    const result = await parseBackup(
      fixture(5).replace('"formatVersion": 5', '"formatVersion": 7'),
      sha256,
      { formats: WITH_FORMAT_6 },
    )
    expect(result).toMatchObject({ ok: false, error: { kind: 'future-version' } })
    expect(!result.ok && result.error.message).toContain(
      'made by a newer version of ISMS Readiness (backup format 7; this version reads format 6)',
    )
  })

  it('is a mistake of the app, not of the file, when a version is missing from the history', () => {
    const gap: FormatRegistry = {
      older: [format1, format2, format3, format4, olderFormat5],
      current: { ...format6, version: 7 },
    }
    expect(() => formatChain(gap, 1)).toThrow('Backup format 6 is missing')
  })
})

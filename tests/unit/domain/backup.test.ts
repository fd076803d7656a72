import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_LIMITS,
  buildBackup,
  MAX_BACKUP_BYTES,
  parseBackup,
  type BackupData,
  type BackupError,
  type BackupErrorKind,
  type BackupMeta,
} from '@/domain/backup'
import type { ClauseAnswer, ControlDecision, Risk, Snapshot, Workspace } from '@/domain/model'
import { CONTENT_CHANGES } from '@/domain/contentMigration'
import { FIELD_LIMITS } from '@/domain/limits'
import { defaultCriteriaFor } from '@/domain/risk'

const T0 = '2026-11-01T10:00:00.000Z'
const T1 = '2026-11-02T10:00:00.000Z'

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')

const META: BackupMeta = {
  appVersion: '0.1.0',
  schemaVersion: 1,
  contentVersion: 1,
  exportedAt: T1,
}

function workspace(id: string, organizationName = 'Acme Ltd'): Workspace {
  return {
    id,
    organizationName,
    sector: 'Software',
    size: '10-49',
    scopeStatement: 'All of it',
    assessor: 'Ana',
    participants: 'Ana, Ben',
    targetAuditDate: '2027-03-01',
    reportVersion: '1.0',
    confidentiality: 'Confidential — prepared for the management of Acme',
    consultantSummary: 'Good foundations.\n\nThe risk treatment plan is the main gap.',
    recommendations: '1. Approve the policy.\n2. Run the internal audit.',
    soaVersion: '0.3',
    soaOwner: 'Ana',
    soaApprover: 'Ben',
    soaApprovedOn: '2026-10-30',
    createdAt: T0,
    updatedAt: T0,
  }
}

function answer(workspaceId: string, questionId: string, note = 'note'): ClauseAnswer {
  return {
    workspaceId,
    questionId,
    status: 'partly',
    note,
    evidence: ['policy v2', 'https://intranet.example/isms'],
    action: { what: 'Write the policy', owner: 'CTO', due: '2026-12-01' },
    contentVersion: 1,
    updatedAt: T0,
  }
}

function decision(workspaceId: string, controlId: ControlDecision['controlId']): ControlDecision {
  return {
    workspaceId,
    controlId,
    applicability: 'applicable',
    provider: 'in-house',
    supplierName: '',
    reasons: ['risk-assessment', 'contractual'],
    justification: 'needed',
    implementationStatus: 'planned',
    owner: 'CTO',
    evidence: [],
    contentVersion: 1,
    updatedAt: T0,
  }
}

function risk(id: string, workspaceId: string): Risk {
  return {
    id,
    workspaceId,
    title: 'Laptop theft',
    asset: 'Laptops',
    threat: 'Theft',
    vulnerability: 'No disk encryption',
    likelihood: 3,
    impact: 4,
    treatment: 'modify',
    controlIds: ['8.1', '7.9'],
    owner: 'CTO',
    residualLikelihood: 1,
    residualImpact: 2,
    acceptedBy: '',
    acceptedOn: null,
    createdAt: T0,
    updatedAt: T0,
  }
}

function snapshot(id: string, workspaceId: string): Snapshot {
  return {
    id,
    workspaceId,
    takenAt: T0,
    label: 'Kick-off',
    verdict: {
      score: 43,
      band: 'partly-ready',
      parts: {
        clauseConformance: 20.5,
        riskRegister: 7,
        soaCompleteness: 9.5,
        annexAImplementation: 6,
      },
      blockers: [{ id: 'blocker:scope', title: 'Scope of the ISMS' }],
    },
    records: {
      answers: [
        {
          questionId: 'q-4.3-boundaries',
          status: 'partly',
          note: 'Draft scope',
          evidence: [],
          action: null,
          contentVersion: 1,
          updatedAt: T0,
        },
      ],
      decisions: [],
      risks: [],
    },
    soaApproval: null,
  }
}

function dataset(): BackupData {
  return {
    workspaces: [
      {
        ...workspace('w-2', 'Beta "Quoted" <script>x</script> 😀'),
        lastClause: '6.1.2',
        riskCriteria: {
          ...defaultCriteriaFor(3),
          impactLabels: ['Minor', 'Serious', 'Ruinous 😱'],
        },
        // Out of interview order: the file has them in order all the same.
        scoping: {
          answers: { hosting: 'colocation', 'remote-work': 'all', premises: 'none' },
          names: { hosting: 'Rechenzentrum „Nord“ <b>😀</b>' },
          updatedAt: T0,
        },
      },
      workspace('w-1'),
    ],
    clauseAnswers: [
      answer('w-2', 'q-4.1-issues', 'Ünïcödé – 日本語 \u{1F468}\u200D\u{1F469}'),
      answer('w-1', 'q-5.2-documented'),
      answer('w-1', 'q-4.1-issues', 'line\nbreak "and" \\ backslash \uD800 lone surrogate'),
    ],
    controlDecisions: [decision('w-1', '5.1'), decision('w-1', '8.34')],
    risks: [risk('r-1', 'w-1')],
    snapshots: [snapshot('s-1', 'w-2')],
    registerEntries: [],
  }
}

function sorted(data: BackupData): BackupData {
  const by =
    <T>(key: (row: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : 1
  return {
    workspaces: [...data.workspaces].sort(by((w) => w.id)),
    clauseAnswers: [...data.clauseAnswers].sort(by((a) => `${a.workspaceId} ${a.questionId}`)),
    controlDecisions: [...data.controlDecisions].sort(by((d) => `${d.workspaceId} ${d.controlId}`)),
    risks: [...data.risks].sort(by((r) => r.id)),
    snapshots: [...data.snapshots].sort(by((s) => s.id)),
    registerEntries: [...data.registerEntries],
  }
}

type FileJson = {
  formatVersion: unknown
  counts: Record<string, unknown>
  sha256: unknown
  data: Record<string, Record<string, unknown>[]>
}

/** Edits the JSON of a backup file the way a hand edit would, without fixing the checksum. */
function edit(text: string, change: (file: FileJson) => void): string {
  const file = JSON.parse(text) as FileJson
  change(file)
  return JSON.stringify(file, null, 2)
}

function row(file: FileJson, table: string, index: number): Record<string, unknown> {
  const found = file.data[table]?.[index]
  if (!found) throw new Error(`no ${table}[${index}] in the test file`)
  return found
}

async function refusal(text: string): Promise<BackupError> {
  const result = await parseBackup(text, sha256)
  if (result.ok) throw new Error('the file was accepted')
  return result.error
}

async function expectRefused(text: string, kind: BackupErrorKind): Promise<BackupError> {
  const error = await refusal(text)
  expect(error.kind).toBe(kind)
  expect(error.message).toMatch(/Nothing was imported/)
  return error
}

describe('buildBackup', () => {
  it('writes an envelope with versions, counts and the SHA-256 of the data', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const file = JSON.parse(text) as Record<string, unknown>
    expect(file).toMatchObject({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      app: { version: '0.1.0', schemaVersion: 1, contentVersion: 1 },
      exportedAt: T1,
      counts: { workspaces: 2, clauseAnswers: 3, controlDecisions: 2, risks: 1, snapshots: 1 },
    })
    expect(file['sha256']).toBe(await sha256(JSON.stringify(file['data'])))
    expect(text).toContain('\n  "format"')
  })

  it('gives the same text for the same data, whatever the order of rows and fields', async () => {
    const data = dataset()
    const shuffled: BackupData = {
      workspaces: [...data.workspaces].reverse(),
      clauseAnswers: [...data.clauseAnswers].reverse().map((a) => {
        const { note, ...rest } = a
        return { note, ...rest }
      }),
      controlDecisions: [...data.controlDecisions].reverse(),
      risks: data.risks,
      snapshots: data.snapshots,
      registerEntries: data.registerEntries,
    }
    expect(await buildBackup(shuffled, META, sha256)).toBe(await buildBackup(data, META, sha256))
  })
})

describe('parseBackup', () => {
  it('gives back exactly the data that was exported, with the export metadata', async () => {
    const data = dataset()
    const result = await parseBackup(await buildBackup(data, META, sha256), sha256)
    expect(result).toStrictEqual({ ok: true, data: sorted(data), meta: META, repairs: [] })
  })

  it('accepts an empty backup and a file saved with a byte order mark', async () => {
    const empty: BackupData = {
      workspaces: [],
      clauseAnswers: [],
      controlDecisions: [],
      risks: [],
      snapshots: [],
      registerEntries: [],
    }
    const text = await buildBackup(empty, META, sha256)
    expect(await parseBackup(`\uFEFF${text}`, sha256)).toMatchObject({ ok: true, data: empty })
  })

  it('keeps answers to questions this version does not know (newer content)', async () => {
    const data = { ...dataset(), clauseAnswers: [answer('w-1', 'q-11.1-new-question')] }
    const result = await parseBackup(await buildBackup(data, META, sha256), sha256)
    expect(result.ok && result.data.clauseAnswers.map((a) => a.questionId)).toEqual([
      'q-11.1-new-question',
    ])
  })

  it('keeps answers to questions a later content version retired, for the store to carry forward', async () => {
    const retired = CONTENT_CHANGES.flatMap((change) => Object.keys(change.split ?? {}))
    expect(retired.length).toBeGreaterThan(0)
    const data = { ...dataset(), clauseAnswers: retired.map((id) => answer('w-1', id)) }
    const result = await parseBackup(await buildBackup(data, META, sha256), sha256)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.data.clauseAnswers.map((a) => a.questionId)).toEqual([...retired].sort())
    expect(result.meta.contentVersion).toBe(1)
  })

  it('refuses a file over the size limit before reading it', async () => {
    const error = await expectRefused(' '.repeat(MAX_BACKUP_BYTES + 1), 'too-large')
    expect(error.message).toMatch(/larger than 120 MB/)
  })

  it('refuses a truncated file as incomplete', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const error = await expectRefused(text.slice(0, text.length / 2), 'not-json')
    expect(error.message).toMatch(/cut off/)
    await expectRefused('', 'not-json')
  })

  it('refuses a "__proto__" key nested inside a record, without polluting any prototype', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const hostile = text.replace(
      '"status": "partly",',
      '"status": "partly", "__proto__": { "polluted": "yes" },',
    )
    expect(hostile).not.toBe(text)
    const error = await expectRefused(hostile, 'hostile')
    expect(error.message).toMatch(/"__proto__"/)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('refuses "constructor" and "prototype" keys at any depth', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    for (const key of ['constructor', 'prototype']) {
      const hostile = text.replace('"app": {', `"app": { "${key}": { "x": { "y": 1 } },`)
      const error = await expectRefused(hostile, 'hostile')
      expect(error.message).toContain(`"${key}"`)
    }
    await expectRefused('[[{"a": [{"constructor": 1}]}]]', 'hostile')
  })

  it('refuses JSON that is not an ISMS Readiness backup', async () => {
    for (const text of ['{"hello": "world"}', '[]', '42', 'null', '"text"']) {
      const error = await expectRefused(text, 'not-a-backup')
      expect(error.message).toMatch(/not an ISMS Readiness backup/)
    }
    const text = await buildBackup(dataset(), META, sha256)
    for (const version of [0, -1, 1.5, '1', null]) {
      await expectRefused(
        edit(text, (file) => (file.formatVersion = version)),
        'not-a-backup',
      )
    }
  })

  it('refuses a backup from a newer version and tells the user to update the app', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const error = await expectRefused(
      edit(text, (file) => (file.formatVersion = BACKUP_FORMAT_VERSION + 1)),
      'future-version',
    )
    expect(error.message).toMatch(/made by a newer version of ISMS Readiness/)
    expect(error.message).toMatch(/Update the app, then import again/)
  })

  it('names the first offending path when a nested field has the wrong type', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const wrongType = edit(text, (file) => {
      const action = row(file, 'clauseAnswers', 1)['action'] as Record<string, unknown>
      action['due'] = 20261201
    })
    const error = await expectRefused(wrongType, 'invalid')
    expect(error.path).toBe('clauseAnswers[1].action.due')
    expect(error.message).toContain('clauseAnswers[1].action.due has the wrong type')

    const badStatus = edit(text, (file) => (row(file, 'clauseAnswers', 2)['status'] = 'maybe'))
    expect((await expectRefused(badStatus, 'invalid')).message).toContain(
      'clauseAnswers[2].status is not one of the allowed values',
    )
  })

  it('refuses missing fields, unknown fields, over-long texts and impossible values', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const cases: [(file: FileJson) => void, string][] = [
      [(f) => delete row(f, 'workspaces', 0)['sector'], 'workspaces[0].sector is missing'],
      [(f) => (row(f, 'risks', 0)['isAdmin'] = true), 'risks[0].isAdmin is a field no backup has'],
      [
        (f) => (row(f, 'workspaces', 1)['organizationName'] = 'x'.repeat(121)),
        'workspaces[1].organizationName is too long (at most 120 characters)',
      ],
      [
        (f) => (row(f, 'clauseAnswers', 0)['note'] = 'x'.repeat(BACKUP_LIMITS.longText + 1)),
        'clauseAnswers[0].note is too long',
      ],
      [
        (f) =>
          (row(f, 'clauseAnswers', 0)['evidence'] = Array(BACKUP_LIMITS.evidenceItems + 1).fill(
            'doc',
          )),
        `clauseAnswers[0].evidence has too many items (at most ${BACKUP_LIMITS.evidenceItems})`,
      ],
      [(f) => (row(f, 'risks', 0)['likelihood'] = 6), 'risks[0].likelihood is above 5'],
      [(f) => (row(f, 'risks', 0)['impact'] = 2.5), 'risks[0].impact is not a whole number'],
      [
        (f) => (row(f, 'risks', 0)['createdAt'] = '2026-02-31T10:00:00.000Z'),
        'risks[0].createdAt is not a real date and time',
      ],
      [
        (f) => (row(f, 'risks', 0)['updatedAt'] = '2026-11-01 10:00'),
        'risks[0].updatedAt is not in the expected form',
      ],
      [
        (f) => (row(f, 'clauseAnswers', 0)['questionId'] = 'Q 4.1'),
        'clauseAnswers[0].questionId is not in the expected form',
      ],
      [
        (f) => (row(f, 'clauseAnswers', 0)['contentVersion'] = 0),
        'clauseAnswers[0].contentVersion is below 1',
      ],
      [
        (f) => (row(f, 'workspaces', 0)['id'] = '../x'),
        'workspaces[0].id is not in the expected form',
      ],
      [(f) => (f.counts['risks'] = -1), 'counts.risks is below 0'],
    ]
    for (const [change, message] of cases) {
      const error = await expectRefused(edit(text, change), 'invalid')
      expect(error.message).toContain(message)
    }
  })

  it('takes only real dates and times: leap days in leap years, no 24:00, no leap second', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const at = (createdAt: string) =>
      edit(text, (f) => (row(f, 'risks', 0)['createdAt'] = createdAt))
    const due = (date: string) =>
      edit(text, (f) => {
        const action = row(f, 'clauseAnswers', 1)['action'] as Record<string, unknown>
        action['due'] = date
      })
    // Real, so only the checksum (the file was edited) refuses them.
    for (const real of ['2024-02-29T23:59:59.999Z', '2000-02-29T00:00:00.000Z']) {
      await expectRefused(at(real), 'checksum')
    }
    await expectRefused(due('2028-02-29'), 'checksum')
    for (const impossible of [
      '2026-02-29T10:00:00.000Z',
      '1900-02-29T10:00:00.000Z',
      '2026-04-31T10:00:00.000Z',
      '2026-13-01T10:00:00.000Z',
      '2026-00-10T10:00:00.000Z',
      '2026-11-00T10:00:00.000Z',
      '2026-11-01T24:00:00.000Z',
      '2026-11-01T10:60:00.000Z',
      '2016-12-31T23:59:60.000Z',
    ]) {
      const error = await expectRefused(at(impossible), 'invalid')
      expect(error.message).toContain('risks[0].createdAt is not a real date and time')
    }
    for (const impossible of ['2100-02-29', '2026-06-31', '2026-01-00']) {
      const error = await expectRefused(due(impossible), 'invalid')
      expect(error.message).toContain('clauseAnswers[1].action.due is not a real date')
    }
  })

  it('keeps risk criteria and refuses criteria that do not fit their scale', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const result = await parseBackup(text, sha256)
    expect(result.ok && result.data.workspaces[1]?.riskCriteria).toEqual({
      scale: 3,
      likelihoodLabels: ['Low', 'Medium', 'High'],
      impactLabels: ['Minor', 'Serious', 'Ruinous 😱'],
      acceptanceThreshold: defaultCriteriaFor(3).acceptanceThreshold,
    })
    const criteria = (f: FileJson) =>
      row(f, 'workspaces', 1)['riskCriteria'] as Record<string, unknown>
    const cases: [(file: FileJson) => void, string][] = [
      [
        (f) => (criteria(f)['scale'] = 4),
        'workspaces[1].riskCriteria.scale is not one of the allowed values',
      ],
      [
        (f) => (criteria(f)['acceptanceThreshold'] = 26),
        'riskCriteria.acceptanceThreshold is above 25',
      ],
      [
        (f) => (criteria(f)['acceptanceThreshold'] = 1.5),
        'acceptanceThreshold is not a whole number',
      ],
      [
        (f) => (criteria(f)['impactLabels'] = ['a', 'b']),
        'riskCriteria.impactLabels is not a list of 3 or 5 labels',
      ],
      [
        (f) => (criteria(f)['likelihoodLabels'] = ['a', 'b', 'x'.repeat(121)]),
        'riskCriteria.likelihoodLabels[2] is too long (at most 120 characters)',
      ],
      [(f) => (criteria(f)['colour'] = 'red'), 'riskCriteria.colour is a field no backup has'],
      [(f) => delete criteria(f)['impactLabels'], 'riskCriteria.impactLabels is missing'],
      // Each field is allowed, but together they do not fit the scale.
      [
        (f) => (criteria(f)['acceptanceThreshold'] = 10),
        'workspaces[1].riskCriteria does not fit its scale',
      ],
      [
        (f) => (criteria(f)['impactLabels'] = ['a', 'b', 'c', 'd', 'e']),
        'riskCriteria does not fit its scale',
      ],
      [
        (f) => (criteria(f)['likelihoodLabels'] = ['a', ' ', 'c']),
        'riskCriteria does not fit its scale',
      ],
      [(f) => (row(f, 'workspaces', 1)['riskCriteria'] = null), 'riskCriteria has the wrong type'],
    ]
    for (const [change, message] of cases) {
      const error = await expectRefused(edit(text, change), 'invalid')
      expect(error.message).toContain(message)
    }
  })

  it('refuses a control id that is not in the Annex A catalog', async () => {
    const data = { ...dataset(), controlDecisions: [decision('w-1', '5.99')] }
    const error = await expectRefused(await buildBackup(data, META, sha256), 'invalid')
    expect(error.message).toContain(
      'controlDecisions[0].controlId is not a control of the Annex A catalog',
    )
    const text = (await buildBackup(dataset(), META, sha256)).replace('"7.9"', '"9.1"')
    expect((await expectRefused(text, 'invalid')).path).toBe('risks[0].controlIds[1]')
  })

  it('refuses a file whose data was changed after export', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const edited = edit(text, (file) => (row(file, 'clauseAnswers', 0)['note'] = 'changed'))
    const error = await expectRefused(edited, 'checksum')
    expect(error.message).toMatch(/the file was changed or damaged after it was exported/)
  })

  it('refuses a file whose counts do not match its rows', async () => {
    const text = await buildBackup(dataset(), META, sha256)
    const error = await expectRefused(
      edit(text, (file) => (file.counts['risks'] = 3)),
      'checksum',
    )
    expect(error.message).toContain('says it holds 3 risks but holds 1')
    expect(error.path).toBe('counts.risks')
  })

  it('refuses rows that belong to an assessment not in the file', async () => {
    const data = {
      ...dataset(),
      clauseAnswers: [answer('w-1', 'q-4.1-issues'), answer('w-9', 'q-4.1-issues')],
    }
    const error = await expectRefused(await buildBackup(data, META, sha256), 'inconsistent')
    expect(error.message).toContain(
      'clauseAnswers[1] belongs to an assessment that is not in the file',
    )
  })

  it('refuses duplicate ids and duplicate answers', async () => {
    const duplicateWorkspace = await buildBackup(
      { ...dataset(), workspaces: [workspace('w-1'), workspace('w-2'), workspace('w-1', 'Other')] },
      META,
      sha256,
    )
    // Sorting puts the two w-1 next to each other.
    expect((await expectRefused(duplicateWorkspace, 'inconsistent')).message).toContain(
      'workspaces[1] has the same id as workspaces[0]',
    )
    const duplicateAnswer = await buildBackup(
      {
        ...dataset(),
        clauseAnswers: [answer('w-1', 'q-4.1-issues'), answer('w-1', 'q-4.1-issues')],
      },
      META,
      sha256,
    )
    expect((await expectRefused(duplicateAnswer, 'inconsistent')).message).toContain(
      'clauseAnswers[1] answers the same question of the same assessment as clauseAnswers[0]',
    )
    const duplicateRisk = await buildBackup(
      { ...dataset(), risks: [risk('r-1', 'w-1'), risk('r-1', 'w-2')] },
      META,
      sha256,
    )
    expect((await expectRefused(duplicateRisk, 'inconsistent')).path).toBe('risks[1]')
  })
})

describe('limits shared with the editors', () => {
  it('accepts every field filled to the length the editors allow', async () => {
    const w = workspace('w1')
    const long = 'x'.repeat(FIELD_LIMITS.longText)
    const data: BackupData = {
      workspaces: [w],
      clauseAnswers: [
        {
          ...answer('w1', 'q-4.1-issues', long),
          // The evidence field holds longText characters: one huge line…
          evidence: [long],
          action: {
            what: 'a'.repeat(FIELD_LIMITS.shortText),
            owner: 'o'.repeat(FIELD_LIMITS.name),
            due: '2027-01-31',
          },
        },
      ],
      controlDecisions: [
        {
          ...decision('w1', '5.1'),
          supplierName: 's'.repeat(FIELD_LIMITS.name),
          justification: long,
          owner: 'o'.repeat(FIELD_LIMITS.name),
          // … or as many one-character lines as fit, joined by line breaks.
          evidence: Array.from({ length: FIELD_LIMITS.evidenceItems }, () => 'y'),
        },
      ],
      risks: [],
      snapshots: [],
      registerEntries: [],
    }
    const parsed = await parseBackup(await buildBackup(data, META, sha256), sha256)
    expect(parsed.ok).toBe(true)
  })
})

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_VERSION } from '@/content'
import { DATABASE_SCHEMA_VERSION, parseBackup, type BackupError } from '@/domain/backup'
import {
  FIELD_LIMITS,
  MAX_CLAUSE_ANSWERS_PER_WORKSPACE,
  MAX_RISKS_PER_WORKSPACE,
  MAX_SNAPSHOTS_PER_WORKSPACE,
  MAX_WORKSPACES_PER_BACKUP,
} from '@/domain/limits'

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * The committed format-1 fixture, rows in file order:
 * workspaces: [0] Nordwind Logistik GmbH (1–5 scale), [1] Harbour Dental Clinic (1–3 scale);
 * clauseAnswers: [0] q-4.1-climate, [1] q-4.1-issues, [2] q-4.3-documented (Nordwind),
 *   [3] q-5.1-strategy (Harbour);
 * controlDecisions: [0] 5.23 by a supplier, [1] 7.4, [2] 8.30 excluded (Nordwind), [3] 5.1;
 * risks: [0] ransomware, [1] customer data (Nordwind), [2] stolen laptop (Harbour);
 * snapshots: [0] (Nordwind). Exported at 2026-11-20T17:45:12.345Z.
 */
const FIXTURE = readFileSync(resolve('tests/fixtures/backups/format-1.json'), 'utf8')
const EXPORTED_AT = '2026-11-20T17:45:12.345Z'
const HOUR = 60 * 60 * 1000
const after = (hours: number) => new Date(Date.parse(EXPORTED_AT) + hours * HOUR).toISOString()

type Row = Record<string, unknown>
type Rows = Record<string, Row[]>

function row(data: Rows, table: string, index: number): Row {
  const found = data[table]?.[index]
  if (!found) throw new Error(`no ${table}[${index}] in the fixture`)
  return found
}

/** The fixture edited after export, with counts and checksum made to match: as a crafted file. */
async function edited(change: (data: Rows, file: Row) => void): Promise<string> {
  const file = JSON.parse(FIXTURE) as Row & { data: Rows; counts: Row }
  change(file.data, file)
  for (const [table, rows] of Object.entries(file.data)) file.counts[table] = rows.length
  file['sha256'] = await sha256(JSON.stringify(file.data))
  return JSON.stringify(file, null, 2)
}

async function refusal(change: (data: Rows, file: Row) => void): Promise<BackupError> {
  const result = await parseBackup(await edited(change), sha256)
  if (result.ok) throw new Error('the file was accepted')
  expect(result.error.message).toMatch(/ Nothing was imported\. [A-Z][^]*\.$/)
  return result.error
}

async function accepted(change: (data: Rows, file: Row) => void) {
  const result = await parseBackup(await edited(change), sha256)
  if (!result.ok) throw new Error(result.error.message)
  return result
}

const NORDWIND = '“Nordwind Logistik GmbH”'
const HARBOUR = '“Harbour Dental Clinic”'
const CORRECT =
  'Nothing was imported. Correct it in ISMS Readiness on the device that made the backup, then export the backup again.'

describe('import enforces the rules of the Annex A editor', () => {
  it('refuses an exclusion without a justification, naming the decision and the rule', async () => {
    for (const justification of ['', '   ', '\n\t']) {
      const error = await refusal(
        (d) => (row(d, 'controlDecisions', 2)['justification'] = justification),
      )
      expect(error).toMatchObject({
        kind: 'breaks-rule',
        path: 'controlDecisions[2].justification',
      })
      expect(error.message).toBe(
        `This backup cannot be imported: controlDecisions[2] (control 8.30 of ${NORDWIND}) is excluded without a justification; the app records an exclusion only with its reason written down (the SoA justifies every exclusion, 6.1.3 d). ${CORRECT}`,
      )
    }
  })

  it('refuses a control provided by a supplier without the supplier’s name', async () => {
    const error = await refusal((d) => (row(d, 'controlDecisions', 0)['supplierName'] = ' '))
    expect(error).toMatchObject({ kind: 'breaks-rule', path: 'controlDecisions[0].supplierName' })
    expect(error.message).toContain(
      `controlDecisions[0] (control 5.23 of ${NORDWIND}) is provided by a supplier whose name is not given`,
    )
  })

  it('keeps what the editor keeps: an excluded control once provided by a supplier, unnamed', async () => {
    await accepted((d) => Object.assign(row(d, 'controlDecisions', 2), { provider: 'supplier' }))
  })
})

describe('import enforces the rules of the risk editor', () => {
  it('refuses ratings above the scale of the workspace’s risk criteria (5 on 1–3)', async () => {
    const cases: [string, number | null, string][] = [
      ['likelihood', 5, 'has a likelihood of 5, outside the 1–3 scale'],
      ['impact', 4, 'has an impact of 4, outside the 1–3 scale'],
      [
        'residualLikelihood',
        5,
        'has a residual rating (likelihood 5, impact 3) outside the 1–3 scale',
      ],
    ]
    for (const [field, value, words] of cases) {
      const error = await refusal((d) => (row(d, 'risks', 2)[field] = value))
      expect(error.kind).toBe('breaks-rule')
      expect(error.message).toContain(
        `risks[2] (risk “Patient records lost with a stolen laptop” of ${HARBOUR}) ${words} of its assessment's risk criteria.`,
      )
    }
    // The same ratings are on the scale of a 1–5 workspace.
    await accepted((d) => Object.assign(row(d, 'risks', 0), { likelihood: 5, residualImpact: 5 }))
  })

  it('refuses a half-filled residual rating, either half', async () => {
    const noImpact = await refusal((d) => (row(d, 'risks', 0)['residualImpact'] = null))
    expect(noImpact).toMatchObject({ path: 'risks[0].residualImpact' })
    expect(noImpact.message).toContain(
      `risks[0] (risk “Ransomware stops the warehouse management system” of ${NORDWIND}) has a residual likelihood but no residual impact; the app records both or neither.`,
    )
    const noLikelihood = await refusal((d) => (row(d, 'risks', 2)['residualLikelihood'] = null))
    expect(noLikelihood.message).toContain('has a residual impact but no residual likelihood')
  })

  it('refuses a risk with an empty or blank title', async () => {
    for (const title of ['', '   ', '\t']) {
      const error = await refusal((d) => (row(d, 'risks', 1)['title'] = title))
      expect(error).toMatchObject({ kind: 'breaks-rule', path: 'risks[1].title' })
      expect(error.message).toContain(
        `risks[1] (a risk without a title, of ${NORDWIND}) has no title; every risk has one.`,
      )
    }
  })
})

describe('import enforces the rules for names', () => {
  it('refuses a blank or whitespace-only organization name', async () => {
    for (const name of ['', '    ', '\u3000\u00a0']) {
      const error = await refusal((d) => (row(d, 'workspaces', 1)['organizationName'] = name))
      expect(error).toMatchObject({ kind: 'breaks-rule', path: 'workspaces[1].organizationName' })
      expect(error.message).toBe(
        `This backup cannot be imported: workspaces[1] (an assessment without a name) has a blank organization name; every assessment has one. ${CORRECT}`,
      )
    }
  })

  it('refuses control characters (U+0000 and the like) in an organization name', async () => {
    for (const control of ['\u0000', '\u0007', '\u001b', '\u007f', '\t', '\n', '\r']) {
      const error = await refusal(
        (d) => (row(d, 'workspaces', 0)['organizationName'] = `Nordwind${control}Logistik`),
      )
      expect(error.path).toBe('workspaces[0].organizationName')
      expect(error.message).toContain(
        'has a control character (an invisible one, such as a tab, a line break or U+0000) in its organization name; the app refuses them in names.',
      )
    }
    const error = await refusal((d) => (row(d, 'workspaces', 0)['organizationName'] = 'Nord\u0000'))
    // The name is shown with the control character made visible.
    expect(error.message).toContain('workspaces[0] (“Nord\uFFFD”)')
  })

  it('refuses control characters in every other name field', async () => {
    const cases: [string, number, string, string][] = [
      ['workspaces', 0, 'sector', 'its sector'],
      ['workspaces', 0, 'size', 'its size'],
      ['workspaces', 1, 'assessor', 'its assessor'],
      ['controlDecisions', 0, 'owner', 'its owner'],
      ['controlDecisions', 0, 'supplierName', 'its supplier name'],
      ['risks', 0, 'owner', 'its owner'],
      ['risks', 0, 'acceptedBy', 'the name of who accepted the residual risk'],
    ]
    for (const [table, index, field, words] of cases) {
      const error = await refusal((d) => (row(d, table, index)[field] = 'Ann\u0000Lee'))
      expect(error).toMatchObject({ kind: 'breaks-rule', path: `${table}[${index}].${field}` })
      expect(error.message).toContain(`${table}[${index}] (`)
      expect(error.message).toContain(`in ${words}; the app refuses them in names.`)
    }
    const action = await refusal((d) => {
      const answer = row(d, 'clauseAnswers', 0)
      answer['action'] = { ...(answer['action'] as Row), owner: 'Head\tof Operations' }
    })
    expect(action.message).toContain(
      `clauseAnswers[0] (question q-4.1-climate of ${NORDWIND}) has a control character`,
    )
    expect(action.message).toContain('in the owner of its action')
    const label = await refusal((d) => {
      const criteria = row(d, 'workspaces', 1)['riskCriteria'] as Row
      criteria['impactLabels'] = ['Minor', 'Serious\u0000', 'Severe']
    })
    expect(label.message).toContain('in an impact label of its risk criteria')
  })

  it('keeps names that only look odd: values named like prototype keys, any script, emoji', async () => {
    const names = [
      'constructor',
      '__proto__',
      'prototype',
      'Ünïcödé 日本語 😀',
      '<script>x</script>',
    ]
    for (const name of names) {
      const parsed = await accepted((d) => (row(d, 'workspaces', 0)['organizationName'] = name))
      expect(parsed.data.workspaces[0]?.organizationName).toBe(name)
    }
  })
})

describe('import enforces the rules of the evidence field', () => {
  it('leaves blank evidence references out, and says so', async () => {
    const parsed = await accepted((d) => {
      row(d, 'clauseAnswers', 1)['evidence'] = ['', 'Context analysis v1.2', '   ', '\u00a0']
      row(d, 'controlDecisions', 1)['evidence'] = ['CCTV and alarm contract', '']
    })
    expect(parsed.data.clauseAnswers[1]?.evidence).toEqual(['Context analysis v1.2'])
    expect(parsed.data.controlDecisions[1]?.evidence).toEqual(['CCTV and alarm contract'])
    expect(parsed.repairs).toEqual([
      {
        kind: 'empty-evidence-dropped',
        paths: ['clauseAnswers[1]', 'controlDecisions[1]'],
        message: `Blank evidence references were left out of clauseAnswers[1] (question q-4.1-issues of ${NORDWIND}), controlDecisions[1] (control 7.4 of ${NORDWIND}): they held no text.`,
      },
    ])
  })

  it('refuses an evidence reference written over several lines', async () => {
    for (const reference of ['Policy v2\nProcedure P-12', 'a\r\nb', 'a\rb', '\n']) {
      const error = await refusal((d) => (row(d, 'clauseAnswers', 1)['evidence'] = [reference]))
      expect(error).toMatchObject({ kind: 'breaks-rule', path: 'clauseAnswers[1].evidence' })
      expect(error.message).toContain(
        `clauseAnswers[1] (question q-4.1-issues of ${NORDWIND}) has an evidence reference written over several lines; the app keeps one reference per line.`,
      )
    }
  })

  it('refuses evidence whose text, one reference per line, is longer than the field', async () => {
    const half = FIELD_LIMITS.longText / 2
    const error = await refusal(
      (d) => (row(d, 'controlDecisions', 0)['evidence'] = ['x'.repeat(half), 'y'.repeat(half)]),
    )
    expect(error).toMatchObject({ kind: 'breaks-rule', path: 'controlDecisions[0].evidence' })
    expect(error.message).toContain(
      `has evidence references of 20,001 characters in all, more than the 20,000 the evidence field holds.`,
    )
    // Exactly full: the two lines and the line break between them.
    await accepted(
      (d) => (row(d, 'controlDecisions', 0)['evidence'] = ['x'.repeat(half), 'y'.repeat(half - 1)]),
    )
    // As many one-character lines as fit (the limit on the joined text, not on the items).
    await accepted(
      (d) =>
        (row(d, 'clauseAnswers', 0)['evidence'] = Array.from(
          { length: FIELD_LIMITS.evidenceItems },
          (_, i) => String(i % 10),
        )),
    )
  })
})

describe('import enforces the rules of the clause editor', () => {
  it('turns an action with nothing in it into no action, and says so', async () => {
    const parsed = await accepted(
      (d) => (row(d, 'clauseAnswers', 2)['action'] = { what: ' ', owner: '', due: null }),
    )
    expect(parsed.data.clauseAnswers[2]?.action).toBeNull()
    expect(parsed.repairs).toEqual([
      {
        kind: 'empty-action-dropped',
        paths: ['clauseAnswers[2]'],
        message: `Empty actions (no task, owner or due date) were left out of clauseAnswers[2] (question q-4.3-documented of ${NORDWIND}).`,
      },
    ])
  })
})

describe('import checks the times in the file against the time it was made', () => {
  it('leaves out a last backup later than the file, and says the reminder will come', async () => {
    const parsed = await accepted(
      (d) => (row(d, 'workspaces', 0)['lastBackupAt'] = '2099-01-01T00:00:00.000Z'),
    )
    expect(parsed.data.workspaces[0]).not.toHaveProperty('lastBackupAt')
    expect(parsed.repairs).toEqual([
      {
        kind: 'future-last-backup-dropped',
        paths: ['workspaces[0]'],
        message: `The date of the last backup of workspaces[0] (${NORDWIND}) was later than this file was made, so it was left out: the app will remind you to back it up.`,
      },
    ])
  })

  it('tolerates a day of clock skew and refuses later times, naming the row', async () => {
    const places: [string, number, string, string][] = [
      ['workspaces', 1, 'createdAt', `workspaces[1] (${HARBOUR}) was created on`],
      ['workspaces', 0, 'updatedAt', `workspaces[0] (${NORDWIND}) was last changed on`],
      [
        'clauseAnswers',
        3,
        'updatedAt',
        `clauseAnswers[3] (question q-5.1-strategy of ${HARBOUR}) was last changed on`,
      ],
      [
        'controlDecisions',
        1,
        'updatedAt',
        `controlDecisions[1] (control 7.4 of ${NORDWIND}) was last changed on`,
      ],
      [
        'risks',
        2,
        'createdAt',
        `risks[2] (risk “Patient records lost with a stolen laptop” of ${HARBOUR}) was created on`,
      ],
      [
        'snapshots',
        0,
        'takenAt',
        `snapshots[0] (snapshot “After the second workshop” of ${NORDWIND}) was taken on`,
      ],
    ]
    for (const [table, index, field, words] of places) {
      const late = await accepted((d) => (row(d, table, index)[field] = after(23.9)))
      expect(late.repairs).toEqual([])
      const error = await refusal((d) => (row(d, table, index)[field] = '2099-01-01T10:00:00.000Z'))
      expect(error).toMatchObject({ kind: 'breaks-rule', path: `${table}[${index}].${field}` })
      expect(error.message).toContain(
        `${words} 2099-01-01 10:00 UTC, more than 24 hours after the backup itself was made (2026-11-20 17:45 UTC). Nothing was imported. If the date and time of the device that made the backup were wrong, correct them there, then export the backup again.`,
      )
    }
    const lastBackup = await accepted((d) => (row(d, 'workspaces', 0)['lastBackupAt'] = after(23)))
    expect(lastBackup.repairs).toEqual([])
  })

  it('refuses a file made later than this device’s time, when given it', async () => {
    const text = FIXTURE
    const now = new Date(Date.parse(EXPORTED_AT) - 25 * HOUR).toISOString()
    const result = await parseBackup(text, sha256, { now })
    expect(result).toMatchObject({ ok: false, error: { kind: 'breaks-rule', path: 'exportedAt' } })
    expect(!result.ok && result.error.message).toBe(
      'This backup says it was made on 2026-11-20 17:45 UTC, later than the date and time of this device (2026-11-19 16:45 UTC). Nothing was imported. Check the date and time of this device and of the one that made the backup, then import again.',
    )
    const skewed = new Date(Date.parse(EXPORTED_AT) - 23 * HOUR).toISOString()
    expect(await parseBackup(text, sha256, { now: skewed })).toMatchObject({ ok: true })
  })
})

describe('import refuses what a newer version of the app made', () => {
  it('refuses a newer database schema or content version, before checking the fields', async () => {
    const schema = await refusal((_, file) => {
      file['app'] = {
        version: '9.0.0',
        schemaVersion: DATABASE_SCHEMA_VERSION + 1,
        contentVersion: 2,
      }
      file['newField'] = true
    })
    expect(schema).toMatchObject({ kind: 'future-version', path: 'app.schemaVersion' })
    expect(schema.message).toBe(
      `This backup was made by a newer version of ISMS Readiness (database version ${DATABASE_SCHEMA_VERSION + 1}; this version has database version ${DATABASE_SCHEMA_VERSION}). Nothing was imported. Update the app, then import again.`,
    )
    const content = await refusal(
      (_, file) => ((file['app'] as Row)['contentVersion'] = CONTENT_VERSION + 1),
    )
    expect(content).toMatchObject({ kind: 'future-version', path: 'app.contentVersion' })
    expect(content.message).toContain(
      `made by a newer version of ISMS Readiness (content version ${CONTENT_VERSION + 1}; this version has content version ${CONTENT_VERSION})`,
    )
  })

  it('refuses a row recorded against newer content than this app has', async () => {
    const error = await refusal(
      (d) => (row(d, 'controlDecisions', 3)['contentVersion'] = CONTENT_VERSION + 1),
    )
    expect(error).toMatchObject({
      kind: 'future-version',
      path: 'controlDecisions[3].contentVersion',
    })
    expect(error.message).toBe(
      `This backup was made by a newer version of ISMS Readiness: controlDecisions[3] (control 5.1 of ${HARBOUR}) was recorded against content version ${CONTENT_VERSION + 1}, and this version has content version ${CONTENT_VERSION}. Nothing was imported. Update the app, then import again.`,
    )
  })
})

describe('import brings no more rows than the app holds', () => {
  const W2 = '3b0f7a52-8c1e-4d4a-9f7e-1a2b3c4d5e02'

  function workspaces(n: number) {
    return (d: Rows) => {
      const template = row(d, 'workspaces', 1)
      for (let i = 0; d['workspaces']!.length < n; i++) {
        d['workspaces']!.push({ ...template, id: `extra-${i}`, organizationName: `Client ${i}` })
      }
    }
  }

  function answers(n: number) {
    return (d: Rows) => {
      const template = row(d, 'clauseAnswers', 3)
      for (let i = 0; i < n - 1; i++) {
        // Questions this version does not know (from newer content) count too.
        d['clauseAnswers']!.push({ ...template, questionId: `q-99.${i}-later` })
      }
    }
  }

  function risks(n: number) {
    return (d: Rows) => {
      const template = row(d, 'risks', 2)
      for (let i = 0; i < n - 1; i++) d['risks']!.push({ ...template, id: `extra-${i}` })
    }
  }

  function snapshots(n: number) {
    return (d: Rows) => {
      // The fixture's snapshot is Nordwind's: these n are Harbour's.
      const template = row(d, 'snapshots', 0)
      for (let i = 0; i < n; i++) {
        d['snapshots']!.push({ ...template, id: `extra-${i}`, workspaceId: W2 })
      }
    }
  }

  it(`takes up to ${MAX_WORKSPACES_PER_BACKUP} assessments and refuses more`, async () => {
    expect((await accepted(workspaces(MAX_WORKSPACES_PER_BACKUP))).data.workspaces).toHaveLength(
      MAX_WORKSPACES_PER_BACKUP,
    )
    const error = await refusal(workspaces(MAX_WORKSPACES_PER_BACKUP + 1))
    expect(error).toMatchObject({ kind: 'too-many', path: 'workspaces' })
    expect(error.message).toBe(
      'This backup holds 501 assessments, more than the app imports from one file (500). Nothing was imported. Export the assessments in smaller files (each assessment has its own export), then import them one file at a time.',
    )
  })

  it(`takes up to ${MAX_CLAUSE_ANSWERS_PER_WORKSPACE} answers per assessment, unknown questions included`, async () => {
    const parsed = await accepted(answers(MAX_CLAUSE_ANSWERS_PER_WORKSPACE))
    expect(parsed.data.clauseAnswers.filter((a) => a.workspaceId === W2)).toHaveLength(
      MAX_CLAUSE_ANSWERS_PER_WORKSPACE,
    )
    const error = await refusal(answers(MAX_CLAUSE_ANSWERS_PER_WORKSPACE + 1))
    expect(error).toMatchObject({ kind: 'too-many', path: 'clauseAnswers' })
    expect(error.message).toContain(
      `This backup holds 1,001 clause answers for ${HARBOUR}, more than the app holds in one assessment (1,000). Nothing was imported.`,
    )
  })

  it(
    `takes up to ${MAX_RISKS_PER_WORKSPACE} risks per assessment and refuses more`,
    { timeout: 60_000 },
    async () => {
      await accepted(risks(MAX_RISKS_PER_WORKSPACE))
      const error = await refusal(risks(MAX_RISKS_PER_WORKSPACE + 1))
      expect(error).toMatchObject({ kind: 'too-many', path: 'risks' })
      expect(error.message).toContain(
        `holds 10,001 risks for ${HARBOUR}, more than the app holds in one assessment (10,000).`,
      )
    },
  )

  it(`takes up to ${MAX_SNAPSHOTS_PER_WORKSPACE} snapshots per assessment and refuses more`, async () => {
    await accepted(snapshots(MAX_SNAPSHOTS_PER_WORKSPACE))
    const error = await refusal(snapshots(MAX_SNAPSHOTS_PER_WORKSPACE + 1))
    expect(error).toMatchObject({ kind: 'too-many', path: 'snapshots' })
    expect(error.message).toContain(`holds 101 snapshots for ${HARBOUR}`)
  })
})

describe('repair messages', () => {
  it('name the first three rows and count the rest', async () => {
    const parsed = await accepted((d) => {
      for (const answer of d['clauseAnswers']!) answer['evidence'] = ['', 'Policy']
      for (const decision of d['controlDecisions']!) decision['evidence'] = [' ']
    })
    expect(parsed.repairs).toHaveLength(1)
    expect(parsed.repairs[0]?.paths).toHaveLength(8)
    expect(parsed.repairs[0]?.message).toBe(
      `Blank evidence references were left out of clauseAnswers[0] (question q-4.1-climate of ${NORDWIND}), clauseAnswers[1] (question q-4.1-issues of ${NORDWIND}), clauseAnswers[2] (question q-4.3-documented of ${NORDWIND}) and 5 more: they held no text.`,
    )
  })
})

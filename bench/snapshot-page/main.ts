/**
 * A page for measuring snapshots in Chromium, through the app's own repository and domain: a
 * full workspace with 1,000 risks is written into this page's IndexedDB, then snapshots of it
 * are taken, compared, read back and written into a backup file, which is then read as an
 * import reads it. Each step is its own call, so the bench can close the browser between them
 * and weigh the database on disk.
 */
import { CONTENT_VERSION } from '@/content'
import { exportBackupData } from '@/db/backupRepository'
import { db } from '@/db/database'
import { deleteSnapshot, loadSnapshot, takeSnapshot } from '@/db/snapshotRepository'
import { MAX_BACKUP_BYTES, buildBackup, parseBackup, type BackupData } from '@/domain/backup'
import { compareMoments, type Comparison, type Moment } from '@/domain/comparison'
import type { AnswerStatus, ImplementationStatus, Snapshot } from '@/domain/model'
import { snapshotState } from '@/domain/snapshot'
import { sha256 } from '@/stores/digest'
import { largeWorkspaceRecords } from '../largeWorkspace'

const WORKSPACE_ID = 'bench'
const RISKS = 1_000
/** What changes between two consecutive snapshots of the fill. */
const CHANGES = { answers: 30, decisions: 10, risks: 50 } as const

const T0 = Date.parse('2026-11-20T10:00:00.000Z')
/** The clock of step `n`: one minute apart, all after the workspace's own rows. */
const at = (n: number) => new Date(T0 + (n + 1) * 60_000).toISOString()
const EXPORTED_AT = new Date(T0 + 24 * 60 * 60_000).toISOString()

const STATUSES: readonly AnswerStatus[] = ['not-started', 'partly', 'in-place', 'dont-know']
const IMPLEMENTATION: readonly ImplementationStatus[] = [
  'not-implemented',
  'planned',
  'partly',
  'implemented',
]
const next = <T>(list: readonly T[], value: T): T =>
  list[(list.indexOf(value) + 1) % list.length] ?? value

const utf8 = (text: string) => new TextEncoder().encode(text).length

async function seed(): Promise<{ answers: number; decisions: number; risks: number }> {
  const records = largeWorkspaceRecords(RISKS, WORKSPACE_ID, 'Snapshot Bench')
  await db.transaction(
    'rw',
    [db.workspaces, db.clauseAnswers, db.controlDecisions, db.risks],
    async () => {
      await db.workspaces.put(records.workspace)
      await db.clauseAnswers.bulkPut([...records.clauseAnswers])
      await db.controlDecisions.bulkPut([...records.controlDecisions])
      await db.risks.bulkPut([...records.risks])
    },
  )
  return {
    answers: records.clauseAnswers.length,
    decisions: records.controlDecisions.length,
    risks: records.risks.length,
  }
}

/** One takeSnapshot call: from the call until its transaction has committed (Dexie resolves then). */
async function timedTake(id: string, label: string, now: string) {
  const start = performance.now()
  const snapshot = await takeSnapshot(WORKSPACE_ID, label, now, { newId: () => id })
  return { ms: performance.now() - start, snapshot }
}

/**
 * `runs` snapshots of the unchanged workspace, each timed, then deleted again (an assessment
 * holds at most 100). The first call of the page is apart: it compiles the code it runs.
 */
async function timeTakes(runs: number) {
  const first = await timedTake('take-first', 'First', at(0))
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push((await timedTake(`take-${i}`, `Run ${i}`, at(0))).ms)
  const ids = ['take-first', ...Array.from({ length: runs }, (_, i) => `take-${i}`)]
  for (const id of ids) await deleteSnapshot(id, at(0))
  return { firstMs: first.ms, samples, jsonBytes: utf8(JSON.stringify(first.snapshot)) }
}

/**
 * The workspace one workshop later: CHANGES.answers answers move to the next status (with a new
 * note), CHANGES.decisions applicable controls to the next implementation status, and
 * CHANGES.risks risks to the next likelihood; a different slice of each at every step.
 */
async function vary(step: number): Promise<void> {
  const now = at(step)
  const [answers, decisions, risks] = await Promise.all([
    db.clauseAnswers.where('workspaceId').equals(WORKSPACE_ID).sortBy('questionId'),
    db.controlDecisions.where('workspaceId').equals(WORKSPACE_ID).sortBy('controlId'),
    db.risks.where('workspaceId').equals(WORKSPACE_ID).sortBy('id'),
  ])
  const applicable = decisions.filter((d) => d.applicability === 'applicable')
  const slice = <T>(rows: readonly T[], n: number) =>
    Array.from({ length: n }, (_, k) => rows[(step * n + k) % rows.length]).filter(
      (row): row is T => row !== undefined,
    )
  await db.transaction('rw', [db.clauseAnswers, db.controlDecisions, db.risks], async () => {
    await db.clauseAnswers.bulkPut(
      slice(answers, CHANGES.answers).map((a) => ({
        ...a,
        status: next(STATUSES, a.status),
        note: `Reviewed in workshop ${step + 1}.`,
        updatedAt: now,
      })),
    )
    await db.controlDecisions.bulkPut(
      slice(applicable, CHANGES.decisions).map((d) => ({
        ...d,
        implementationStatus: next(IMPLEMENTATION, d.implementationStatus),
        updatedAt: now,
      })),
    )
    await db.risks.bulkPut(
      slice(risks, CHANGES.risks).map((r) => ({
        ...r,
        likelihood: (r.likelihood % 5) + 1,
        updatedAt: now,
      })),
    )
  })
}

const fillId = (i: number) => `fill-${String(i).padStart(3, '0')}`

/** `count` snapshots, the workspace varied before each: one per workshop. Each take is timed. */
async function fill(count: number) {
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    await vary(i)
    samples.push((await timedTake(fillId(i), `Workshop ${i + 1}`, at(i))).ms)
  }
  return { samples }
}

async function estimate() {
  const { usage } = await navigator.storage.estimate()
  return usage ?? Number.NaN
}

/**
 * The stored snapshots listed as watchSnapshots lists them (the summaries, without records),
 * first and second time after the database is open; and one read whole, as a comparison reads
 * it: how long, how many, their JSON (summaries and records), and what the origin uses.
 */
async function stored() {
  await db.open()
  const read = async () => {
    const start = performance.now()
    const rows = await db.snapshots.where('workspaceId').equals(WORKSPACE_ID).toArray()
    return { rows, ms: performance.now() - start }
  }
  const first = await read()
  const { rows, ms } = await read()
  const records = await db.snapshotRecords.where('workspaceId').equals(WORKSPACE_ID).toArray()
  const start = performance.now()
  await loadSnapshot(fillId(2))
  const wholeMs = performance.now() - start
  return {
    count: rows.length,
    firstReadMs: first.ms,
    readMs: ms,
    wholeMs,
    summaryBytes: rows.reduce((sum, s) => sum + utf8(JSON.stringify(s)), 0),
    jsonBytes:
      rows.reduce((sum, s) => sum + utf8(JSON.stringify(s)), 0) +
      records.reduce((sum, r) => sum + utf8(JSON.stringify(r)), 0),
    usage: await estimate(),
  }
}

const momentOf = (s: Snapshot): Moment => {
  const state = snapshotState(s)
  if (!state) throw new Error(`snapshot ${s.id} kept no records`)
  return { label: s.label, takenAt: s.takenAt, verdict: s.verdict, state }
}

/**
 * Two consecutive snapshots of the fill compared as the store compares them: each read back as
 * an AssessmentState (snapshotState, which maps the answers to today's content), then
 * compareMoments. Rows already read from IndexedDB; warmed up first.
 */
async function compare(runs: number) {
  const [a, b] = await Promise.all([loadSnapshot(fillId(0)), loadSnapshot(fillId(1))])
  if (!a || !b) throw new Error('fill the snapshots first')
  for (let i = 0; i < 3; i++) compareMoments(momentOf(a), momentOf(b))
  const states: number[] = []
  const compares: number[] = []
  let comparison: Comparison | null = null
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const from = momentOf(a)
    const to = momentOf(b)
    const t1 = performance.now()
    comparison = compareMoments(from, to)
    const t2 = performance.now()
    states.push(t1 - t0)
    compares.push(t2 - t1)
  }
  const total = states.map((s, i) => s + (compares[i] ?? 0))
  return { states, compares, total, changes: CHANGES, counts: comparison?.counts }
}

const META = {
  appVersion: 'bench',
  schemaVersion: db.verno,
  contentVersion: CONTENT_VERSION,
  exportedAt: EXPORTED_AT,
}

async function timedParse(text: string, runs: number) {
  const samples: number[] = []
  let outcome: { ok: boolean; kind?: string; message?: string; snapshots?: number } = { ok: false }
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const parsed = await parseBackup(text, sha256, { now: EXPORTED_AT })
    samples.push(performance.now() - start)
    outcome = parsed.ok
      ? { ok: true, snapshots: parsed.data.snapshots.length }
      : { ok: false, kind: parsed.error.kind, message: parsed.error.message }
  }
  return { samples, ...outcome }
}

const withSnapshots = (data: BackupData, n: number): BackupData => ({
  ...data,
  snapshots: data.snapshots.slice(0, n),
})

/**
 * The backup file of the workspace with its snapshots, as the Export button builds it
 * (exportBackupData, then buildBackup), and the same file read as an import reads it
 * (parseBackup). When the file is over MAX_BACKUP_BYTES, the most snapshots that still fit are
 * found, and that file is read too.
 */
async function backup(parseRuns: number) {
  const start = performance.now()
  const data = await exportBackupData([WORKSPACE_ID])
  const text = await buildBackup(data, META, sha256)
  const buildMs = performance.now() - start
  const full = {
    snapshots: data.snapshots.length,
    chars: text.length,
    bytes: utf8(text),
    parse: await timedParse(text, parseRuns),
  }
  const empty = await buildBackup(withSnapshots(data, 0), META, sha256)
  const perSnapshot = (text.length - empty.length) / Math.max(1, data.snapshots.length)
  let fits: typeof full | null = null
  if (text.length > MAX_BACKUP_BYTES) {
    let n = Math.min(
      data.snapshots.length,
      Math.floor((MAX_BACKUP_BYTES - empty.length) / perSnapshot),
    )
    let fitting = await buildBackup(withSnapshots(data, n), META, sha256)
    while (n > 0 && fitting.length > MAX_BACKUP_BYTES) {
      n--
      fitting = await buildBackup(withSnapshots(data, n), META, sha256)
    }
    fits = {
      snapshots: n,
      chars: fitting.length,
      bytes: utf8(fitting),
      parse: await timedParse(fitting, parseRuns),
    }
  }
  return {
    buildMs,
    full,
    withoutSnapshots: { chars: empty.length, bytes: utf8(empty) },
    perSnapshotChars: perSnapshot,
    limit: MAX_BACKUP_BYTES,
    fits,
  }
}

const bench = { seed, timeTakes, fill, stored, compare, backup, estimate }
export type SnapshotBench = typeof bench

declare global {
  interface Window {
    snapshotBench: SnapshotBench
  }
}

window.snapshotBench = bench

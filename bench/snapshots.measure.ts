import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { afterAll, beforeAll, it } from 'vitest'
import { build } from 'vite'
import { launchPersistent } from '../tests/e2e/support/browser'
import { serveDirectory, type CopiedSite } from '../tests/e2e/support/staticServer'
import { printFigure, printHeading } from './report'
import { ms, percentile } from './stats'

let site: CopiedSite
let outDir: string
const profiles: string[] = []

beforeAll(async () => {
  // The bench page (bench/snapshot-page) is built on its own, into a folder of its own.
  outDir = await mkdtemp(join(tmpdir(), 'isms-snapshot-page-'))
  await build({
    configFile: false,
    logLevel: 'warn',
    root: fileURLToPath(new URL('./snapshot-page', import.meta.url)),
    base: './',
    resolve: { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } },
    define: { __APP_VERSION__: '"bench"' },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  })
  site = await serveDirectory(outDir)
})
afterAll(async () => {
  await site?.close()
  for (const dir of [outDir, ...profiles]) if (dir) await rm(dir, { recursive: true, force: true })
})

const TAKE_RUNS = 20
const SNAPSHOTS = 100
const COMPARE_RUNS = 20
const PARSE_RUNS = 3

/** A Chromium profile on disk, so its IndexedDB can be weighed once the browser is closed. */
async function newProfile() {
  const dir = await mkdtemp(join(tmpdir(), 'isms-snapshot-profile-'))
  profiles.push(dir)
  return dir
}

/** Opens the bench page in the profile (the same origin each time, so the data is there). */
async function openPage(profile: string) {
  const context = await launchPersistent(profile)
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${site.url}/`)
  await page.waitForFunction(() => typeof window.snapshotBench === 'object')
  return { context, page }
}

/** Bytes of every file under a folder (0 when it does not exist). */
async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  let total = 0
  for (const entry of entries) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? await folderBytes(path) : (await stat(path)).size
  }
  return total
}
/** Chromium's IndexedDB of the profile as it lies on disk: LevelDB files and blob files. */
const indexedDbOnDisk = (profile: string) => folderBytes(join(profile, 'Default', 'IndexedDB'))

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const p50p95 = (samples: readonly number[]) =>
  `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`

it('snapshots of a full workspace with 1,000 risks: take, compare, store, back up, in Chromium', async () => {
  // Taking snapshots, timed, in a profile of its own (its deleted snapshots would weigh on disk).
  const timing = await openPage(await newProfile())
  const counts = await timing.page.evaluate(() => window.snapshotBench.seed())
  const takes = await timing.page.evaluate((n) => window.snapshotBench.timeTakes(n), TAKE_RUNS)
  await timing.context.close()

  // 100 snapshots, one per workshop, in another; the browser is closed before each weighing.
  const profile = await newProfile()
  let session = await openPage(profile)
  await session.page.evaluate(() => window.snapshotBench.seed())
  const usageBefore = await session.page.evaluate(() => window.snapshotBench.estimate())
  await session.context.close()
  const diskBefore = await indexedDbOnDisk(profile)

  session = await openPage(profile)
  const filled = await session.page.evaluate((n) => window.snapshotBench.fill(n), SNAPSHOTS)
  await session.context.close()
  const diskAfter = await indexedDbOnDisk(profile)

  session = await openPage(profile)
  const stored = await session.page.evaluate(() => window.snapshotBench.stored())
  const compared = await session.page.evaluate((n) => window.snapshotBench.compare(n), COMPARE_RUNS)
  const backup = await session.page.evaluate((n) => window.snapshotBench.backup(n), PARSE_RUNS)
  await session.context.close()

  printHeading(
    `Snapshots of a full workspace (${counts.answers} answers, ${counts.decisions} decisions, ${counts.risks} risks), Chromium`,
  )
  process.stdout.write(
    '   clock: performance.now() in the page; a take runs from the takeSnapshot call until its\n' +
      '   readwrite transaction has committed (read the rows, compute the verdict, add, touch the\n' +
      '   workspace)\n',
  )
  printFigure(
    'Take a snapshot: first of the page',
    ms(takes.firstMs),
    'includes compiling the code',
  )
  printFigure(`Take a snapshot, p50 / p95 (${TAKE_RUNS} runs)`, p50p95(takes.samples))
  printFigure(
    `Take ${SNAPSHOTS} in a row, 0 → ${SNAPSHOTS - 1} held, p50 / p95`,
    p50p95(filled.samples),
    `first ${ms(filled.samples[0] ?? Number.NaN)}, last ${ms(filled.samples.at(-1) ?? Number.NaN)}`,
  )
  printFigure('One snapshot as JSON', mb(takes.jsonBytes), 'UTF-8 of JSON.stringify')

  const { changes } = compared
  printHeading(
    `Compare two snapshots that differ by ${changes.answers} answers, ${changes.decisions} decisions, ${changes.risks} risks (${COMPARE_RUNS} runs, rows in memory)`,
  )
  printFigure('snapshotState ×2 + compareMoments, p50 / p95', p50p95(compared.total))
  printFigure('  of which snapshotState ×2, p50 / p95', p50p95(compared.states))
  printFigure('  of which compareMoments, p50 / p95', p50p95(compared.compares))
  printFigure(
    '  Changes found: answers / decisions / risks',
    `${compared.counts?.answers} / ${compared.counts?.decisions} / ${compared.counts?.risks}`,
    `${compared.counts?.total} items in all`,
  )

  printHeading(`${SNAPSHOTS} snapshots in IndexedDB`)
  printFigure(
    `Stored rows as JSON (${stored.count} snapshots)`,
    mb(stored.jsonBytes),
    'UTF-8 of JSON.stringify of each summary and records row',
  )
  printFigure(
    'On disk: IndexedDB folder, after − before',
    mb(diskAfter - diskBefore),
    `${mb(diskBefore)} → ${mb(diskAfter)}, LevelDB + blob files, browser closed`,
  )
  printFigure(
    'navigator.storage.estimate() usage, after − before',
    mb(stored.usage - usageBefore),
    `${mb(usageBefore)} → ${mb(stored.usage)}`,
  )
  printFigure(
    `List all ${stored.count}, as watchSnapshots does`,
    `${ms(stored.firstReadMs)} / ${ms(stored.readMs)}`,
    `first / second read after the database opened; ${mb(stored.summaryBytes)} of summaries`,
  )
  printFigure('Read one whole (summary + records)', ms(stored.wholeMs), 'as a comparison does')

  const limit = `MAX_BACKUP_BYTES ${mb(backup.limit)}`
  printHeading(`Backup file of the workspace with its ${backup.full.snapshots} snapshots`)
  process.stdout.write(
    '   built as the Export button builds it (exportBackupData + buildBackup); read as an import\n' +
      '   reads it (parseBackup: size, JSON, schema, checksum, rules); page clock\n',
  )
  printFigure(
    'Backup file size',
    mb(backup.full.bytes),
    `${(backup.full.chars / 1024 / 1024).toFixed(1)} M characters; ${limit}`,
  )
  printFigure('  of which the workspace without snapshots', mb(backup.withoutSnapshots.bytes))
  printFigure(
    '  each snapshot in the file',
    mb(backup.perSnapshotChars),
    'characters, pretty-printed',
  )
  printFigure('Under the limit', backup.full.chars <= backup.limit ? 'yes' : 'NO')
  printFigure('Export: read the rows + build the file', ms(backup.buildMs))
  printFigure(
    'parseBackup of that file',
    backup.full.parse.ok ? 'accepted' : `refused (${backup.full.parse.kind})`,
    `median ${ms(percentile(backup.full.parse.samples, 50))}${backup.full.parse.message ? `: ${backup.full.parse.message}` : ''}`,
  )
  if (backup.fits) {
    printFigure(
      'Most snapshots a backup of it can hold',
      String(backup.fits.snapshots),
      `${mb(backup.fits.bytes)}, ${(backup.fits.chars / 1024 / 1024).toFixed(1)} M characters`,
    )
    printFigure(
      `  parseBackup of that file, median of ${PARSE_RUNS}`,
      ms(percentile(backup.fits.parse.samples, 50)),
      `${backup.fits.parse.ok ? `accepted, ${backup.fits.parse.snapshots} snapshots` : `refused (${backup.fits.parse.kind}): ${backup.fits.parse.message}`}; each: ${backup.fits.parse.samples.map(ms).join(', ')}`,
    )
  }
})

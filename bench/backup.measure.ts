import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { afterAll, beforeAll, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openApp } from '../tests/e2e/support/browser'
import { ANNEX_A_CONTROLS, CONTENT_VERSION, QUESTIONS } from '@/content'
import { buildBackup, type BackupData } from '@/domain/backup'
import type {
  AnswerStatus,
  ClauseAnswer,
  ControlDecision,
  ImplementationStatus,
  Risk,
  Workspace,
} from '@/domain/model'
import { printFigure, printHeading } from './report'
import { ms } from './stats'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const T = '2026-11-20T10:00:00.000Z'
const STATUSES: AnswerStatus[] = ['not-started', 'partly', 'in-place', 'dont-know']
const IMPLEMENTATION: ImplementationStatus[] = [
  'not-implemented',
  'planned',
  'partly',
  'implemented',
]

/** 100 fully answered workspaces: every question answered, 93 decisions and 20 risks each. */
function fullWorkspaces(count: number): BackupData {
  const data = {
    workspaces: [] as Workspace[],
    clauseAnswers: [] as ClauseAnswer[],
    controlDecisions: [] as ControlDecision[],
    risks: [] as Risk[],
    snapshots: [],
  } satisfies BackupData
  for (let w = 0; w < count; w++) {
    const id = `bench-${String(w).padStart(3, '0')}`
    data.workspaces.push({
      id,
      organizationName: `Benchmark Client ${w + 1}`,
      sector: 'Software',
      size: '50-249',
      scopeStatement: 'All information systems supporting the SaaS platform and its support.',
      assessor: 'Consultant',
      participants: 'CEO, CTO, Head of Ops',
      targetAuditDate: '2027-06-30',
      createdAt: T,
      updatedAt: T,
    })
    QUESTIONS.forEach((q, i) =>
      data.clauseAnswers.push({
        workspaceId: id,
        questionId: q.id,
        status: STATUSES[i % 4] ?? 'partly',
        note: `Discussed in workshop ${(i % 3) + 1}; follow up with the owner before the audit.`,
        evidence: ['ISMS manual v2.1', `https://wiki.example.com/isms/${q.id}`],
        action: i % 2 ? { what: 'Close the gap', owner: 'CTO', due: '2027-01-31' } : null,
        contentVersion: CONTENT_VERSION,
        updatedAt: T,
      }),
    )
    ANNEX_A_CONTROLS.forEach((c, i) =>
      data.controlDecisions.push({
        workspaceId: id,
        controlId: c.id,
        applicability: i % 10 === 0 ? 'excluded' : 'applicable',
        provider: i % 7 === 0 ? 'supplier' : 'in-house',
        supplierName: i % 7 === 0 ? 'Cloud provider' : '',
        reasons: ['risk-assessment', 'business-need'],
        justification: 'Required by the risk treatment plan and customer contracts.',
        implementationStatus: IMPLEMENTATION[i % 4] ?? 'planned',
        owner: 'Head of Ops',
        evidence: ['Procedure P-12', 'Ticket OPS-1234'],
        contentVersion: CONTENT_VERSION,
        updatedAt: T,
      }),
    )
    for (let r = 0; r < 20; r++) {
      data.risks.push({
        id: `${id}-risk-${r}`,
        workspaceId: id,
        title: `Risk ${r + 1}: unauthorised access to customer data`,
        asset: 'Customer database',
        threat: 'Credential stuffing',
        vulnerability: 'No MFA on admin accounts',
        likelihood: (r % 5) + 1,
        impact: ((r + 2) % 5) + 1,
        treatment: 'modify',
        controlIds: ['5.15', '8.5'],
        owner: 'CTO',
        residualLikelihood: 1,
        residualImpact: 2,
        acceptedBy: 'CEO',
        acceptedOn: '2026-11-20',
        createdAt: T,
        updatedAt: T,
      })
    }
  }
  return data
}

it('backup of 100 full workspaces: size, import and export time in Chromium', async () => {
  const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex')
  const text = await buildBackup(
    fullWorkspaces(100),
    { appVersion: 'bench', schemaVersion: 1, contentVersion: CONTENT_VERSION, exportedAt: T },
    sha256,
  )
  const { page, context } = await openApp(browser)
  await page.goto('/')
  await page.getByText('No assessments on this device yet').waitFor()

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import backup' }).click(),
  ])
  const importStart = performance.now()
  await chooser.setFiles({
    name: 'bench.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  })
  await page
    .locator('main')
    .getByText(/^Imported 100 assessments/)
    .waitFor({ timeout: 120_000 })
  const importMs = performance.now() - importStart

  const exportStart = performance.now()
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Export backup', exact: true }).click(),
  ])
  const path = await download.path()
  const exportMs = performance.now() - exportStart
  const size = (await stat(path)).size
  const exported = JSON.parse(await readFile(path, 'utf8')) as { counts: Record<string, number> }
  await context.close()

  printHeading(
    `Backup of 100 full workspaces (${QUESTIONS.length} answers, ${ANNEX_A_CONTROLS.length} decisions, 20 risks each)`,
  )
  printFigure('Backup file size', `${(size / 1024 / 1024).toFixed(1)} MB`)
  printFigure(
    'Rows in the exported file',
    String(Object.values(exported.counts).reduce((a, b) => a + b, 0)),
  )
  printFigure('Import (choose file → imported, all checks)', ms(importMs))
  printFigure('Export (click → file downloaded)', ms(exportMs))
})

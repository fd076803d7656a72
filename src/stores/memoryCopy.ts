/**
 * A backup of the open assessment built from what this tab holds in memory, without reading
 * the database: when the disk is full or the storage stopped answering mid-session, this is
 * how the work on screen leaves the device. Loaded only when the user asks for it.
 */
import { CONTENT_VERSION } from '@/content'
import { SCHEMA_VERSION } from '@/db/database'
import { buildBackup } from '@/domain/backup'
import { fileSlug, localDate } from '@/components/format'
import { sha256 } from './digest'
import { useAssessmentStore } from './assessment'
import { useCurrentWorkspaceStore } from './currentWorkspace'
import { useRegisterStore } from './register'
import { useRisksStore } from './risks'

export interface MemoryCopy {
  readonly fileName: string
  readonly text: string
  readonly organizationName: string
}

/** The open assessment as a backup file (snapshots are not held in memory and are left out). */
export async function copyOpenAssessment(): Promise<MemoryCopy | null> {
  const workspace = useCurrentWorkspaceStore().workspace
  if (!workspace) return null
  const assessment = useAssessmentStore()
  const risks = useRisksStore()
  const text = await buildBackup(
    {
      workspaces: [workspace],
      clauseAnswers: [...assessment.answers.values()].filter((a) => a.workspaceId === workspace.id),
      controlDecisions: [...assessment.decisions.values()].filter(
        (d) => d.workspaceId === workspace.id,
      ),
      risks: risks.risks.filter((r) => r.workspaceId === workspace.id),
      snapshots: [],
      // The rows the register stores, not the empty ones it shows from memory.
      registerEntries: useRegisterStore().stored.filter((e) => e.workspaceId === workspace.id),
    },
    {
      appVersion: __APP_VERSION__,
      schemaVersion: SCHEMA_VERSION,
      contentVersion: CONTENT_VERSION,
      exportedAt: new Date().toISOString(),
    },
    sha256,
  )
  return {
    fileName: `isms-readiness-backup-${fileSlug(workspace.organizationName)}-${localDate()}.json`,
    text,
    organizationName: workspace.organizationName,
  }
}

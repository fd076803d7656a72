import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as repository from '@/db/workspaceRepository'
import { describeStorageError } from '@/db/errors'
import type { ScopingProfile, Workspace, WorkspaceId } from '@/domain/model'
import type { WorkspaceDetails } from '@/domain/editableFields'
import type { MergeResult } from '@/domain/fieldMerge'
import { attempt, type ActionResult } from './result'

/** The workspace open in the shell, followed live (another tab may rename or delete it). */
export const useCurrentWorkspaceStore = defineStore('currentWorkspace', () => {
  const id = shallowRef<WorkspaceId | null>(null)
  const workspace = shallowRef<Workspace | undefined>(undefined)
  const loaded = shallowRef(false)
  const loadError = shallowRef<string | null>(null)
  let unsubscribe: (() => void) | null = null

  function open(next: WorkspaceId) {
    if (id.value === next && unsubscribe) return
    unsubscribe?.()
    id.value = next
    workspace.value = undefined
    loaded.value = false
    loadError.value = null
    const subscription = repository.watchWorkspace(next).subscribe({
      next: (value) => {
        workspace.value = value
        loaded.value = true
      },
      error: (error) => {
        loadError.value = describeStorageError(error).message
        loaded.value = true
      },
    })
    unsubscribe = () => subscription.unsubscribe()
  }

  function close() {
    unsubscribe?.()
    unsubscribe = null
    id.value = null
    workspace.value = undefined
    loaded.value = false
  }

  /**
   * Saves the details the form changed since `baseline`, field by field (see fieldMerge.ts);
   * a form sends the details it edits, and the others stay as stored.
   */
  function saveDetails<T extends Partial<WorkspaceDetails>>(
    baseline: T,
    next: T,
  ): Promise<ActionResult<MergeResult<T>>> {
    const current = id.value
    if (!current) return Promise.resolve({ ok: false, error: 'No assessment is open.' })
    return attempt(() =>
      repository.patchWorkspaceDetails(
        current,
        { ...baseline },
        { ...next },
        new Date().toISOString(),
      ),
    )
  }

  /** Saves one answer or supplier name of the scoping interview (see patchScoping). */
  function saveScoping(change: repository.ScopingChange): Promise<ActionResult<ScopingProfile>> {
    const current = id.value
    if (!current) return Promise.resolve({ ok: false, error: 'No assessment is open.' })
    return attempt(() => repository.patchScoping(current, change, new Date().toISOString()))
  }

  return { id, workspace, loaded, loadError, open, close, saveDetails, saveScoping }
})

import { defineStore } from 'pinia'
import { computed } from 'vue'
import * as repository from '@/db/workspaceRepository'
import { describeStorageError } from '@/db/errors'
import type { Workspace, WorkspaceId } from '@/domain/model'
import { checkOrganizationName, sortWorkspaces } from '@/domain/workspace'
import { useObservable } from '@/composables/useObservable'
import { attempt, type ActionResult } from './result'
import { useAppStatusStore } from './appStatus'

/** The list of workspaces on this device and the actions on them. */
export const useWorkspacesStore = defineStore('workspaces', () => {
  const appStatus = useAppStatusStore()
  const live = useObservable<Workspace[]>(() => repository.watchWorkspaces(), [], {
    when: () => appStatus.storage.status === 'ready',
  })
  const workspaces = computed(() => sortWorkspaces(live.value.value))
  const loaded = live.loaded
  const loadError = computed(() =>
    live.error.value ? describeStorageError(live.error.value).message : null,
  )

  const now = () => new Date().toISOString()

  async function create(rawName: string): Promise<ActionResult<Workspace>> {
    const name = checkOrganizationName(rawName)
    if (!name.ok) return name
    return attempt(() => repository.createWorkspace(name.value, now()))
  }

  async function rename(id: WorkspaceId, rawName: string): Promise<ActionResult> {
    const name = checkOrganizationName(rawName)
    if (!name.ok) return name
    return attempt(async () => {
      if (!(await repository.renameWorkspace(id, name.value, now()))) {
        throw new repository.WorkspaceNotFoundError(id)
      }
    })
  }

  function duplicate(id: WorkspaceId): Promise<ActionResult<Workspace>> {
    return attempt(() => repository.duplicateWorkspace(id, now()))
  }

  function remove(id: WorkspaceId): Promise<ActionResult> {
    return attempt(() => repository.deleteWorkspace(id))
  }

  return { workspaces, loaded, loadError, create, rename, duplicate, remove }
})

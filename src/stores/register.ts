import { defineStore, storeToRefs } from 'pinia'
import { computed, shallowRef, toRaw } from 'vue'
import * as repository from '@/db/registerRepository'
import { describeStorageError } from '@/db/errors'
import { localDate } from '@/components/format'
import type { WorkspaceId } from '@/domain/model'
import type { MergeResult } from '@/domain/fieldMerge'
import {
  bulkApprove,
  MAX_REGISTER_ENTRIES,
  newCustomEntry,
  REGISTER_ENTRY_MESSAGES,
  registerEntryProblems,
  registerFindings,
  registerOf,
  type BulkApproval,
  type RegisterEntry,
} from '@/domain/register'
import { useAssessmentStore } from './assessment'
import { attempt, type ActionResult } from './result'

const plain = <T extends object>(value: T): T => structuredClone(toRaw(value))

/**
 * The open workspace's register of documented information, followed live: the stored rows
 * brought in line with the documents its Annex A decisions call for (registerOf), what an
 * auditor would query in it, and the actions that change it.
 */
export const useRegisterStore = defineStore('register', () => {
  const { decisions } = storeToRefs(useAssessmentStore())
  const workspaceId = shallowRef<WorkspaceId | null>(null)
  const stored = shallowRef<readonly RegisterEntry[]>([])
  const loaded = shallowRef(false)
  const loadError = shallowRef<string | null>(null)
  /** When the register was opened: the creation time of rows shown from memory. */
  let openedAt = new Date().toISOString()
  let unsubscribe: (() => void) | null = null

  function open(id: WorkspaceId) {
    if (workspaceId.value === id && unsubscribe) return
    close()
    workspaceId.value = id
    openedAt = new Date().toISOString()
    const subscription = repository.watchRegister(id).subscribe({
      next: (rows) => {
        // Stored order is by id; the register's order is the content's, then the user's rows
        // by when they were added.
        stored.value = [...rows].sort(
          (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
        )
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
    workspaceId.value = null
    stored.value = []
    loaded.value = false
    loadError.value = null
  }

  const register = computed(() =>
    registerOf(stored.value, decisions.value, workspaceId.value ?? '', openedAt),
  )
  const entries = computed(() => register.value.entries)
  const required = computed(() => register.value.required)
  const findings = computed(() =>
    registerFindings(register.value.entries, register.value.required, localDate()),
  )

  function refusal(entry: RegisterEntry): string | null {
    const problems = registerEntryProblems(entry, localDate())
    return problems.length === 0 ? null : problems.map((p) => REGISTER_ENTRY_MESSAGES[p]).join(' ')
  }

  /** Saves what the editor changed in a row since `baseline`, field by field. */
  async function saveEntry(
    baseline: RegisterEntry,
    next: RegisterEntry,
  ): Promise<ActionResult<MergeResult<RegisterEntry>>> {
    const id = workspaceId.value
    if (!id) return { ok: false, error: 'No assessment is open.' }
    const problem = refusal(next)
    if (problem) return { ok: false, error: problem }
    return attempt(async () => {
      const [result] = await repository.saveRegisterEntries(
        id,
        [{ baseline: plain(baseline), next: plain(next) }],
        new Date().toISOString(),
      )
      return result!
    })
  }

  /** Adds a document of the organization's own, missing until its details are filled in. */
  async function addEntry(title: string): Promise<ActionResult<RegisterEntry>> {
    const id = workspaceId.value
    if (!id) return { ok: false, error: 'No assessment is open.' }
    if (stored.value.length >= MAX_REGISTER_ENTRIES) {
      return {
        ok: false,
        error: `Not added: the register already holds ${MAX_REGISTER_ENTRIES} documents, the most one assessment keeps.`,
      }
    }
    const entry = newCustomEntry(crypto.randomUUID(), id, title, new Date().toISOString())
    const problem = refusal(entry)
    if (problem) return { ok: false, error: problem }
    return attempt(async () => {
      await repository.addRegisterEntry(entry)
      return entry
    })
  }

  /** Deletes a stored row; a required document's row comes back empty. */
  function deleteEntry(entryId: string): Promise<ActionResult> {
    const id = workspaceId.value
    if (!id) return Promise.resolve({ ok: false, error: 'No assessment is open.' })
    return attempt(() => repository.deleteRegisterEntry(id, entryId, new Date().toISOString()))
  }

  /** One approval for several rows ("all policies approved by the CEO on 2026-11-20"). */
  async function approve(
    ids: readonly string[],
    approval: BulkApproval,
  ): Promise<ActionResult<number>> {
    const id = workspaceId.value
    if (!id) return { ok: false, error: 'No assessment is open.' }
    const now = new Date().toISOString()
    const result = bulkApprove(entries.value, ids, approval, now, localDate())
    if (!result.ok) return { ok: false, error: result.message }
    const before = new Map(entries.value.map((e) => [e.id, e]))
    const edits = result.changed.map((next) => ({
      baseline: plain(before.get(next.id) ?? next),
      next: plain(next),
    }))
    if (edits.length === 0) return { ok: true, value: 0 }
    return attempt(async () => {
      await repository.saveRegisterEntries(id, edits, now)
      return edits.length
    })
  }

  return {
    workspaceId,
    stored,
    loaded,
    loadError,
    entries,
    required,
    register,
    findings,
    open,
    close,
    saveEntry,
    addEntry,
    deleteEntry,
    approve,
  }
})

import type { RouteLocationRaw } from 'vue-router'
import type { Blocker } from '@/domain/readiness'
import type { Gap } from '@/domain/gaps'

/**
 * Where a blocker's link goes, or null when the fix is the scope statement on the Overview
 * itself (the caller opens the assessment details instead).
 */
export function blockerTarget(blocker: Blocker, workspaceId: string): RouteLocationRaw | null {
  const params = { workspaceId }
  switch (blocker.link.to) {
    case 'clauses':
      return { name: 'clauses', params: { ...params, clause: blocker.link.clause } }
    case 'annex-a':
      return { name: 'annex-a', params }
    case 'risks':
      return { name: 'risks', params }
    case 'documents':
      return { name: 'documents', params, query: { show: 'attention' } }
    case 'overview':
      return null
  }
}

/** The words of a blocker's link: what the user goes to do. */
export function blockerLinkText(blocker: Blocker): string {
  switch (blocker.link.to) {
    case 'clauses':
      return `Go to ${blocker.link.clause}`
    case 'annex-a':
      return 'Open Annex A'
    case 'risks':
      return 'Open the risk register'
    case 'documents':
      return 'Open the register of documents'
    case 'overview':
      return 'Write the scope statement'
  }
}

/** Where a gap's link goes: its sub-clause, its control, or its risk in the register. */
export function gapTarget(gap: Gap, workspaceId: string): RouteLocationRaw {
  if (gap.riskId) return { name: 'risks', params: { workspaceId }, query: { risk: gap.riskId } }
  return gap.questionId
    ? { name: 'clauses', params: { workspaceId, clause: gap.reference } }
    : { name: 'annex-a', params: { workspaceId }, query: { control: gap.reference } }
}

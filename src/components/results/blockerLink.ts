import type { RouteLocationRaw } from 'vue-router'
import type { Blocker } from '@/domain/readiness'

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
    case 'overview':
      return 'Write the scope statement'
  }
}

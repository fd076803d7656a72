/** The six sections inside a workspace, in navigation order. */
export const WORKSPACE_SECTIONS = [
  { name: 'overview', path: 'overview', label: 'Overview' },
  { name: 'clauses', path: 'clauses', label: 'Clauses' },
  { name: 'annex-a', path: 'annex-a', label: 'Annex A' },
  { name: 'risks', path: 'risks', label: 'Risks' },
  { name: 'documents', path: 'documents', label: 'Documents' },
  { name: 'report', path: 'report', label: 'Report' },
] as const

export type WorkspaceSectionName = (typeof WORKSPACE_SECTIONS)[number]['name']

/**
 * The fixed id of a register row, apart from register.ts so that the modules moving rows between
 * workspaces (copies, imports) can re-key them without loading the content the register reads.
 */
import type { WorkspaceId } from './model'
import type { RegisterSource, RequiredSource } from './register'

/**
 * The id of the row of a document the content names: the same in every tab and on every device,
 * so a row is never created twice for one document (two tabs saving the first edit of the same
 * row write one record). Rows the organization adds get random ids.
 */
export function registerEntryId(workspaceId: WorkspaceId, source: RequiredSource): string {
  return `${workspaceId}/${source.kind}:${source.key}`
}

/**
 * The id a register row takes when its workspace is `workspaceId` instead of `from`: a row that
 * holds its document's fixed id gets the fixed id of the new workspace; any other row (one the
 * organization added, or a second row of a document) the id `renamed` gives it, or its own.
 */
export function movedRegisterId(
  row: { readonly id: string; readonly source: RegisterSource },
  from: WorkspaceId,
  workspaceId: WorkspaceId,
  renamed: ReadonlyMap<string, string>,
): string {
  const { source } = row
  if (source.kind !== 'custom' && row.id === registerEntryId(from, source)) {
    return registerEntryId(workspaceId, source)
  }
  return renamed.get(row.id) ?? row.id
}

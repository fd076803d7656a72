/** The backup formats this app reads, oldest first (see registry.ts). Today there is only one. */
import { format1 } from './format1'
import type { FormatRegistry } from './registry'

export const BACKUP_FORMATS: FormatRegistry = {
  older: [],
  current: format1,
}

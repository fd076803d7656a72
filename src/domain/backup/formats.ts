/** The backup formats this app reads, oldest first (see registry.ts). */
import { format1 } from './format1'
import { format2 } from './format2'
import type { FormatRegistry } from './registry'

export const BACKUP_FORMATS: FormatRegistry = {
  older: [format1],
  current: format2,
}

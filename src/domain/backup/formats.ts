/** The backup formats this app reads, oldest first (see registry.ts). */
import { format1 } from './format1'
import { format2 } from './format2'
import { format3 } from './format3'
import { format4 } from './format4'
import { format5 } from './format5'
import type { FormatRegistry } from './registry'

export const BACKUP_FORMATS: FormatRegistry = {
  older: [format1, format2, format3, format4],
  current: format5,
}

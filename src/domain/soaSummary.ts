/**
 * The draft SoA summed up per Annex A theme, for the dashboard.
 */
import { THEMES, type Theme } from '@/content'
import type { SoaRow } from './soa'

export interface ThemeSummary {
  readonly theme: Theme
  readonly range: string
  readonly total: number
  readonly undecided: number
  readonly applicable: number
  readonly excluded: number
  /** Applicable and implemented. */
  readonly implemented: number
}

/** Per theme, in catalog order: how many controls are undecided, applicable, excluded, implemented. */
export function summarizeSoaByTheme(rows: readonly SoaRow[]): ThemeSummary[] {
  return THEMES.map(({ theme, range }) => {
    const own = rows.filter((r) => r.theme === theme)
    return {
      theme,
      range,
      total: own.length,
      undecided: own.filter((r) => r.applicability === 'undecided').length,
      applicable: own.filter((r) => r.applicability === 'applicable').length,
      excluded: own.filter((r) => r.applicability === 'excluded').length,
      implemented: own.filter((r) => r.implementationStatus === 'implemented').length,
    }
  })
}

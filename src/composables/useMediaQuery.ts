import { shallowRef, type ShallowRef } from 'vue'

/** One followed flag per query, shared by every component that asks (a dozen on the Report). */
const followed = new Map<string, ShallowRef<boolean>>()

/** Whether a CSS media query matches, followed live (a phone turned sideways, a window resized). */
export function useMediaQuery(query: string): Readonly<ShallowRef<boolean>> {
  const known = followed.get(query)
  if (known) return known
  const list = typeof window !== 'undefined' ? window.matchMedia(query) : null
  const matches = shallowRef(list?.matches ?? false)
  list?.addEventListener('change', (event) => {
    matches.value = event.matches
  })
  followed.set(query, matches)
  return matches
}

/** Screens narrower than this get the phone layout: cards instead of tables, sections folded. */
export const NARROW_SCREEN = '(max-width: 47.99rem)'

import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'

/** Whether a CSS media query matches, followed live (a phone turned sideways, a window resized). */
export function useMediaQuery(query: string): Readonly<ShallowRef<boolean>> {
  const list = typeof window !== 'undefined' ? window.matchMedia(query) : null
  const matches = shallowRef(list?.matches ?? false)
  const update = (event: MediaQueryListEvent) => {
    matches.value = event.matches
  }
  list?.addEventListener('change', update)
  onScopeDispose(() => list?.removeEventListener('change', update))
  return matches
}

/** Screens narrower than this get the phone layout: cards instead of tables, sections folded. */
export const NARROW_SCREEN = '(max-width: 47.99rem)'

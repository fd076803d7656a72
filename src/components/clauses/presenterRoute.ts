import type { RouteLocationNormalizedLoaded } from 'vue-router'

/**
 * Whether the Clauses screen is in presenter view (`?presenter=1`). The app's header, the
 * section tabs and the banners step aside while it is, so the projector shows only the question.
 */
export function isPresenting(
  route: Pick<RouteLocationNormalizedLoaded, 'name' | 'query'>,
): boolean {
  return route.name === 'clauses' && route.query.presenter === '1'
}

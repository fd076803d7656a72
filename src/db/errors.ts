/**
 * Turns storage failures into messages a user can act on. Quota errors arrive under several
 * names: directly, as the `inner` error of an AbortError, and as Firefox's
 * NS_ERROR_DOM_QUOTA_REACHED.
 */
export type StorageErrorKind = 'quota' | 'outdated' | 'unavailable' | 'unknown'

export interface StorageFailure {
  readonly kind: StorageErrorKind
  readonly message: string
}

function errorNames(error: unknown): string[] {
  const names: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown }
    if (typeof name === 'string') names.push(name)
    current = inner
  }
  return names
}

export function isQuotaError(error: unknown): boolean {
  return errorNames(error).some(
    (n) => n === 'QuotaExceededError' || n === 'NS_ERROR_DOM_QUOTA_REACHED',
  )
}

export function describeStorageError(error: unknown): StorageFailure {
  const names = errorNames(error)
  if (isQuotaError(error)) {
    return {
      kind: 'quota',
      message:
        'Not saved: the storage on this device is full. Free some space or export a backup, then try again.',
    }
  }
  if (names.some((n) => n === 'VersionChangeError' || n === 'DatabaseClosedError')) {
    return {
      kind: 'outdated',
      message: 'Not saved: a newer version of the app is open in another tab. Reload this page.',
    }
  }
  if (
    names.some(
      (n) => n === 'MissingAPIError' || n === 'InvalidStateError' || n === 'OpenFailedError',
    )
  ) {
    return {
      kind: 'unavailable',
      message:
        'Not saved: this browser does not let the app store data (a private window may block it).',
    }
  }
  return {
    kind: 'unknown',
    message: 'Not saved: the browser refused to store the change. Try again.',
  }
}

/**
 * Reading the JSON of a backup file, refusing two things JSON.parse lets through:
 * - keys named `__proto__`, `constructor` or `prototype`, at any depth. JSON.parse defines them
 *   as plain own properties without touching any prototype, but a later spread or merge would
 *   not, and a strict schema may drop `__proto__` silently instead of refusing it;
 * - the same key twice in one object. JSON.parse keeps the last one, so a file could show one
 *   value to a person or another tool and give the app another (a bogus first "sha256").
 *
 * Both are found in two cheap passes instead of a reviver (which calls back into JavaScript
 * for every value of the file and was the slowest part of an import): one walk over the parsed
 * objects' own keys, and one count of the keys written in the text, jumping from quote to quote.
 * The parsed objects hold as many keys as the text writes exactly when no object repeats one.
 * Only when a check fails is the file walked again, slowly, to name the place.
 */

export type JsonReading =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: 'not-json' }
  | {
      readonly ok: false
      readonly problem: 'prototype-key' | 'duplicate-key'
      readonly key: string
      /** Where the object holding the key is, e.g. ["data", "clauseAnswers", 3]. */
      readonly path: readonly (string | number)[]
    }

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a

function isPrototypeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype'
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

/** Parses a JSON text, refusing prototype keys and repeated keys, with the place of the first. */
export function readJson(text: string): JsonReading {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'not-json' }
  }
  const parsed = walkKeys(value)
  if (parsed.prototypeKey) {
    const found = findPrototypeKey(value)
    return { ok: false, problem: 'prototype-key', key: found.key, path: found.path }
  }
  if (parsed.keys !== countWrittenKeys(text)) {
    const found = findRepeatedKey(text)
    return { ok: false, problem: 'duplicate-key', key: found.key, path: found.path }
  }
  return { ok: true, value }
}

/** How many own keys the parsed objects hold, and whether one is a prototype key. */
function walkKeys(root: unknown): { keys: number; prototypeKey: boolean } {
  let keys = 0
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      for (const child of node) if (isContainer(child)) stack.push(child)
    } else if (isContainer(node)) {
      const record = node as Record<string, unknown>
      for (const key of Object.keys(record)) {
        if (isPrototypeKey(key)) return { keys, prototypeKey: true }
        keys++
        const child = record[key]
        if (isContainer(child)) stack.push(child)
      }
    }
  }
  return { keys, prototypeKey: false }
}

/**
 * How many keys a valid JSON text writes: strings followed by a colon. Outside strings JSON
 * has no quotes, and inside one a quote is escaped by an odd run of backslashes before it.
 */
function countWrittenKeys(text: string): number {
  let keys = 0
  let from = 0
  for (;;) {
    const open = text.indexOf('"', from)
    if (open < 0) return keys
    let close = text.indexOf('"', open + 1)
    while (close > 0 && isEscaped(text, close)) close = text.indexOf('"', close + 1)
    if (close < 0) return keys
    let next = close + 1
    while (isJsonWhitespace(text.charCodeAt(next))) next++
    if (text.charCodeAt(next) === COLON) keys++
    from = close + 1
  }
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0
  while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++
  return backslashes % 2 === 1
}

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09
}

type Path = (string | number)[]

/**
 * Where a container is: its parent and its key or index there. Paths are built only for the one
 * place reported, so a deeply nested file costs no more than a flat one.
 */
interface Place {
  readonly parent: Place | null
  readonly key: string | number
}

function pathOf(place: Place | null): Path {
  const path: Path = []
  for (let at = place; at; at = at.parent) path.push(at.key)
  return path.reverse()
}

/** A prototype key and the path of its object: depth first, an object's keys before their values. */
function findPrototypeKey(root: unknown): { key: string; path: Path } {
  const stack: { node: unknown; place: Place | null }[] = [{ node: root, place: null }]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, place } = item
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        stack.push({ node: node[i], place: { parent: place, key: i } })
      }
    } else if (isContainer(node)) {
      const keys = Object.keys(node)
      const found = keys.find(isPrototypeKey)
      if (found !== undefined) return { key: found, path: pathOf(place) }
      for (const key of keys.reverse()) {
        stack.push({ node: (node as Record<string, unknown>)[key], place: { parent: place, key } })
      }
    }
  }
  return { key: '__proto__', path: [] }
}

interface Frame {
  readonly place: Place | null
  /** Keys seen so far in an object; null for an array. */
  readonly keys: Set<string> | null
  /** The next element's index, in an array. */
  index: number
  /** The key whose value comes next, in an object. */
  key: string
}

/**
 * The first key written twice in one object, in document order, with the path of its object.
 * The text is valid JSON (it parsed), so a small scanner over its tokens is enough.
 */
function findRepeatedKey(text: string): { key: string; path: Path } {
  const stack: Frame[] = []
  /** Where the value starting here is, moving an array's index on. */
  const nextValue = (): Place | null => {
    const frame = stack[stack.length - 1]
    if (!frame) return null
    return { parent: frame.place, key: frame.keys ? frame.key : frame.index++ }
  }
  let i = 0
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === QUOTE) {
      let close = text.indexOf('"', i + 1)
      while (isEscaped(text, close)) close = text.indexOf('"', close + 1)
      let next = close + 1
      while (isJsonWhitespace(text.charCodeAt(next))) next++
      const frame = stack[stack.length - 1]
      if (frame?.keys && text.charCodeAt(next) === COLON) {
        const raw = text.slice(i + 1, close)
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
        if (frame.keys.has(key)) return { key, path: pathOf(frame.place) }
        frame.keys.add(key)
        frame.key = key
      } else {
        nextValue()
      }
      i = close + 1
    } else if (code === 0x7b || code === 0x5b) {
      // { or [
      const keys = code === 0x7b ? new Set<string>() : null
      stack.push({ place: nextValue(), keys, index: 0, key: '' })
      i++
    } else if (code === 0x7d || code === 0x5d) {
      // } or ]
      stack.pop()
      i++
    } else if (isJsonWhitespace(code) || code === COLON || code === 0x2c) {
      i++
    } else {
      // A number, true, false or null: up to the next separator.
      nextValue()
      while (i < text.length && !isSeparator(text.charCodeAt(i))) i++
    }
  }
  return { key: '', path: [] }
}

function isSeparator(code: number): boolean {
  return isJsonWhitespace(code) || code === 0x2c || code === 0x7d || code === 0x5d
}

import { inflateSync } from 'node:zlib'

/** The raw PDF as latin1 text, for looking at its objects. */
export const pdfSource = (pdf: ArrayBuffer) => Buffer.from(pdf).toString('latin1')

/** Number of pages: page objects (not the /Pages tree). */
export function pageCount(pdf: ArrayBuffer): number {
  return (pdfSource(pdf).match(/\/Type \/Page[^s]/g) ?? []).length
}

/**
 * The text shown on the pages, page streams inflated and the strings of Tj operators joined:
 * enough to check what a reader of the PDF would see.
 */
export function pdfStrings(pdf: ArrayBuffer): string[] {
  const buffer = Buffer.from(pdf)
  const source = buffer.toString('latin1')
  const strings: string[] = []
  const streamPattern = /stream\r?\n/g
  let match: RegExpExecArray | null
  while ((match = streamPattern.exec(source))) {
    if (source.slice(match.index - 3, match.index) === 'end') continue
    const start = match.index + match[0].length
    const end = source.indexOf('endstream', start)
    if (end < 0) break
    const raw = buffer.subarray(start, end)
    let content: string
    try {
      content = inflateSync(raw).toString('latin1')
    } catch {
      content = raw.toString('latin1')
    }
    for (const tj of content.matchAll(/\((?:\\.|[^\\)])*\)\s*Tj/g)) {
      strings.push(
        tj[0]
          .replace(/\)\s*Tj$/, '')
          .slice(1)
          .replace(/\\([()\\])/g, '$1'),
      )
    }
    streamPattern.lastIndex = end
  }
  return strings
}

import { inflateSync } from 'node:zlib'

/** The raw PDF as latin1 text, for looking at its objects. */
export const pdfSource = (pdf: ArrayBuffer) => Buffer.from(pdf).toString('latin1')

/** Number of pages: page objects (not the /Pages tree). */
export function pageCount(pdf: ArrayBuffer): number {
  return (pdfSource(pdf).match(/\/Type \/Page[^s]/g) ?? []).length
}

// The standard PDF fonts print Windows-1252 (WinAnsiEncoding): bytes 0x80-0x9f are typographic
// characters there (em dash, curly quotes), not the control characters latin1 makes of them.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
const fromCp1252 = (text: string) =>
  text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)

/**
 * The text shown on the pages, page streams inflated and the strings of Tj operators joined
 * (decoded from Windows-1252): enough to check what a reader of the PDF would see.
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
        fromCp1252(
          tj[0]
            .replace(/\)\s*Tj$/, '')
            .slice(1)
            .replace(/\\([()\\])/g, '$1'),
        ),
      )
    }
    streamPattern.lastIndex = end
  }
  return strings
}

/**
 * The running text of a report as a reader follows it: the running header (`furniture`: the
 * organization and "title - date") and the page numbers left out, wrapped lines joined with a
 * space. A sentence can be looked for whole, wherever the lines of the page broke it.
 */
export function pdfReadingText(pdf: ArrayBuffer, furniture: readonly string[]): string {
  const skip = new Set(furniture)
  return pdfStrings(pdf)
    .filter((s) => !skip.has(s) && !/^Page \d+ of \d+$/.test(s))
    .join(' ')
    .replace(/\s+/g, ' ')
}

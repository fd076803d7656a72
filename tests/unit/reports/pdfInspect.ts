/**
 * Reading a PDF as its reader would, with pdf.js (the viewer of Firefox): the text of each page
 * through the fonts' ToUnicode maps, so what is checked is what a reader sees and copies, in any
 * script, whatever the font embedding.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The raw PDF as latin1 text, for looking at its objects. */
export const pdfSource = (pdf: ArrayBuffer) => Buffer.from(pdf).toString('latin1')

/** Number of pages: page objects (not the /Pages tree). */
export function pageCount(pdf: ArrayBuffer): number {
  return (pdfSource(pdf).match(/\/Type \/Page[^s]/g) ?? []).length
}

interface Run {
  readonly x: number
  readonly y: number
  readonly text: string
}

/** Each page's runs of text, in the order they are drawn. */
async function pdfRuns(pdf: ArrayBuffer): Promise<Run[][]> {
  const task = getDocument({
    data: new Uint8Array(pdf.slice(0)),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  })
  const document = await task.promise
  const pages: Run[][] = []
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n)
    const content = await page.getTextContent()
    const runs: Run[] = []
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue
      runs.push({ x: item.transform[4] as number, y: item.transform[5] as number, text: item.str })
    }
    pages.push(runs)
    page.cleanup()
  }
  await task.destroy()
  return pages
}

/** Each page's text lines, top to bottom: the runs on one baseline joined, left to right. */
export async function pdfPageLines(pdf: ArrayBuffer): Promise<string[][]> {
  return (await pdfRuns(pdf)).map((runs) => {
    const rows = new Map<number, Run[]>()
    for (const run of runs) {
      const y = Math.round(run.y)
      rows.set(y, [...(rows.get(y) ?? []), run])
    }
    return [...rows.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, row]) =>
        row
          .sort((a, b) => a.x - b.x)
          .map((r) => r.text)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
  })
}

/** Every run of text of the document in drawing order: a table cell's lines stay together. */
export async function pdfStrings(pdf: ArrayBuffer): Promise<string[]> {
  return (await pdfRuns(pdf)).flat().map((r) => r.text)
}

/**
 * The running text of a report as a reader follows it: the running header and footer
 * (`furniture`: the organization, "title · date", the confidentiality line) and the page numbers
 * left out, wrapped lines joined with a space. A sentence can be looked for whole, wherever the
 * lines of the page broke it.
 */
export async function pdfReadingText(
  pdf: ArrayBuffer,
  furniture: readonly string[],
): Promise<string> {
  const skip = new Set(furniture)
  return (await pdfStrings(pdf))
    .filter((s) => !skip.has(s) && !/^Page \d+ of \d+$/.test(s))
    .join(' ')
    .replace(/\s+/g, ' ')
}

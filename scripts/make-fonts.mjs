/**
 * Cuts DejaVu Sans (regular and bold, from the npm package dejavu-fonts-ttf) down to the scripts
 * a client's name and an assessment's text can be written in: Latin with all its European
 * extensions (and Vietnamese), Greek, Cyrillic, and the punctuation, arrows and symbols the
 * reports print. The results are committed in src/reports/fonts; run this again only to change
 * the coverage (`node scripts/make-fonts.mjs`). CJK, Arabic, Hebrew, Devanagari and the like are
 * left out: see src/reports/fonts/README.md for what the PDFs do with them.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
// @ts-expect-error subset-font ships no types; it takes a Buffer and text, and gives a Buffer.
import subsetFont from 'subset-font'

const require = createRequire(import.meta.url)
/** @param {string} file */
const source = (file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`)

// The same ranges let text through to the PDF (src/reports/pdfText.ts).
/** @type {{ ranges: { from: number, to: number }[] }} */
const { ranges } = JSON.parse(
  await readFile(new URL('../src/reports/fonts/ranges.json', import.meta.url), 'utf8'),
)
const text = ranges
  .flatMap(({ from, to }) =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
  )
  .join('')

/** @type {[string, string][]} */
const faces = [
  ['DejaVuSans.ttf', 'DejaVuSans-Report.ttf'],
  ['DejaVuSans-Bold.ttf', 'DejaVuSans-Bold-Report.ttf'],
]
for (const [from, to] of faces) {
  const font = await readFile(source(from))
  const subset = await subsetFont(font, text, { targetFormat: 'truetype' })
  await writeFile(new URL(`../src/reports/fonts/${to}`, import.meta.url), subset)
  console.log(`${to}: ${font.length} → ${subset.length} bytes`)
}

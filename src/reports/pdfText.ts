/**
 * What the report font (DejaVu Sans, cut to the ranges of fonts/ranges.json) can draw. Text is
 * printed as it is, except characters the font lacks: those print as "□" (the usual sign of a
 * missing glyph) instead of an invisible gap, and the Report screen says beforehand which
 * characters of the assessment will print so (unprintableCharacters). Control characters become
 * spaces. The font holds Latin with all its European extensions, Greek and Cyrillic; CJK,
 * Arabic, Hebrew and Indic scripts are not in it.
 */
import fontRanges from './fonts/ranges.json'

const RANGES: readonly (readonly [number, number])[] = fontRanges.ranges.map((r) => [r.from, r.to])

/** Printed instead of a character the font cannot draw. */
export const MISSING_GLYPH = '□'

export function printable(code: number): boolean {
  for (const [from, to] of RANGES) if (code >= from && code <= to) return true
  return false
}

export function pdfText(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0
    if (code === 0x0a) out += '\n'
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' '
    else out += printable(code) ? char : MISSING_GLYPH
  }
  return out
}

/** The distinct characters of `texts` the PDF font cannot draw, in order of appearance. */
export function unprintableCharacters(texts: Iterable<string>): string[] {
  const found = new Set<string>()
  for (const text of texts) {
    for (const char of text.normalize('NFC')) {
      const code = char.codePointAt(0) ?? 0
      if (code >= 0xa0 && !printable(code)) found.add(char)
    }
  }
  return [...found]
}

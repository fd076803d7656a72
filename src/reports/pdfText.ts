/**
 * jsPDF's built-in fonts cover the Windows-1252 character set only. Text outside it would print
 * as garbage, so common symbols are spelled out and anything else becomes "?": the report stays
 * readable, and user text is only ever printed as text.
 */
const REPLACEMENTS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '✓': 'v',
  '⚠': '!',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
}

// Characters of Windows-1252 beyond Latin-1, which the standard PDF fonts can print.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

function printable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  if (code === 0x0a) return true
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return false
  return code <= 0xff || CP1252_EXTRA.has(char)
}

export function pdfText(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC')) {
    out +=
      REPLACEMENTS[char] ?? (printable(char) ? char : char === '\t' || char === '\r' ? ' ' : '?')
  }
  return out
}
